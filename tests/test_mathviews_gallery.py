"""The activation gallery covers every activation, marks the largest slope and says why."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF

from simulator import activations
from simulator.activation_gallery import curve, gallery
from ui.mathviews.gallery import ActivationGallery, gradient_sentences


def test_every_activation_has_a_curve_and_a_sentence():
    assert [c.name for c in gallery()] == list(activations.ACTIVATIONS)
    assert set(gradient_sentences()) == set(activations.ACTIVATIONS)


@pytest.mark.parametrize("name,peak_x,peak", [("sigmoid", 0.0, 0.25), ("tanh", 0.0, 1.0),
                                              ("linear", 0.0, 1.0), ("step", 0.0, 0.0)])
def test_the_largest_slope_is_where_the_lecture_says(name, peak_x, peak):
    c = curve(name)
    assert c.peak_x == pytest.approx(peak_x) and c.peak_df == pytest.approx(peak)
    assert c.max_df == peak and not c.asymptotic


def test_relu_peaks_just_right_of_zero_and_softplus_only_approaches_one():
    relu = curve("relu")
    assert relu.peak_df == 1.0 and 0 < relu.peak_x < 0.05
    soft = curve("softplus")
    assert soft.asymptotic and soft.peak_x == soft.x[-1] and soft.max_df == 1.0
    assert curve("sigmoid").gradient_after(10) == pytest.approx(0.25 ** 10)


@pytest.mark.parametrize("name", list(activations.ACTIVATIONS))
def test_curves_are_the_engines_and_the_peak_is_their_maximum(name):
    c = curve(name)
    x, f, df = activations.evaluate(name, points=c.x.size)
    np.testing.assert_array_equal(c.f, f)
    np.testing.assert_array_equal(c.df, df)
    assert c.peak_df == pytest.approx(np.abs(df).max())
    if not c.asymptotic:
        assert c.peak_df == pytest.approx(c.max_df, abs=1e-6)


def test_gallery_draws_a_card_per_activation_with_hover_values(qtbot):
    g = ActivationGallery()
    qtbot.addWidget(g)
    assert g.cards == []  # built on first show, not at startup
    g.resize(1100, 700)
    g.show()
    qtbot.waitExposed(g)
    assert [card.curve.name for card in g.cards] == list(activations.ACTIVATIONS)
    assert g.columns == 3
    sig = g.cards[1]
    assert sig.peak_text == "max f′ = 0.25"
    assert g.cards[0].peak_text == "f′ = 0 everywhere"
    vb = sig.plot.getPlotItem().vb
    sig._on_mouse(vb.mapViewToScene(QPointF(0.0, 0.5)))
    assert sig.hover.text() == "z = 0:  f = 0.5,  f′ = 0.25"
    g.resize(400, 700)
    qtbot.waitUntil(lambda: g.columns == 1)
