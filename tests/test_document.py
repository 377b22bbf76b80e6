"""The document model: events, weights that follow edits, refusals that change nothing."""

import numpy as np
import pytest

from simulator import DataSource, LayerSpec, SpecError
from simulator.document import Document


@pytest.fixture
def doc():
    return Document(data_source=DataSource(name="xor", params={"n_points": 100}))


def record(signal):
    seen = []
    signal.connect(lambda *a: seen.append(a))
    return seen


def same_weights(a, b):
    return all(np.array_equal(x, y) for (Wa, ba), (Wb, bb) in zip(a, b, strict=True)
               for x, y in ((Wa, Wb), (ba, bb)))


def test_default_document_follows_the_data(doc):
    assert doc.spec.inputs == doc.dataset.X.shape[1] == 2
    assert doc.spec.layers[-1].units == doc.dataset.Y.shape[1]
    assert [W.shape for W, _ in doc.weights] == [s for s, _ in doc.spec.weight_shapes()]


def test_adding_a_neuron_keeps_every_existing_weight(doc):
    before = [(W.copy(), b.copy()) for W, b in doc.weights]
    spec_events, weight_events = record(doc.events.spec), record(doc.events.weights)
    doc.set_spec(doc.spec.with_units(1, doc.spec.layers[0].units + 1))
    (W0, b0), (W1, _) = doc.weights[0], doc.weights[1]
    assert np.array_equal(W0[:, :-1], before[0][0]) and np.array_equal(b0[:-1], before[0][1])
    assert np.array_equal(W1[:-1], before[1][0])
    assert spec_events == [()] and weight_events == [("spec",)]
    assert doc.dirty


def test_inserted_layer_gets_fresh_weights_and_the_rest_survive(doc):
    before = [(W.copy(), b.copy()) for W, b in doc.weights]
    doc.set_spec(doc.spec.with_layer_inserted(1, LayerSpec(3, "relu")))
    assert np.array_equal(doc.weights[0][0], before[0][0])      # first layer: same source
    assert doc.weights[1][0].shape == (4, 3)                     # new layer
    assert np.array_equal(doc.weights[-1][0], before[-1][0])     # output: same source column


def test_io_layers_cannot_break_the_data_contract(doc):
    spec = doc.spec
    with pytest.raises(SpecError, match="inputs and .* outputs"):
        doc.set_spec(spec.with_units(0, 3))
    assert doc.spec == spec


def test_removed_connection_is_zero_and_cannot_be_edited(doc):
    doc.set_connection(0, 1, 2, connected=False)
    assert doc.spec.layers[0].mask[1, 2] == 0 and doc.weights[0][0][1, 2] == 0
    with pytest.raises(SpecError, match="removed"):
        doc.set_weight(0, 1, 2, 0.5)
    doc.set_connection(0, 1, 2, connected=True)
    assert doc.spec.layers[0].mask is None


def test_snapshot_restore_is_exact(doc):
    snap = doc.snapshot()
    doc.set_spec(doc.spec.with_layer_removed(0))
    doc.set_settings(learning_rate=0.3)
    doc.restore(snap)
    assert doc.spec == snap["spec"] and same_weights(doc.weights, snap["weights"])
    assert doc.settings.learning_rate == snap["settings"].learning_rate


def test_bad_settings_are_refused_without_change(doc):
    with pytest.raises(SpecError):
        doc.set_settings(learning_rate=-1)
    assert doc.settings.learning_rate > 0 and not doc.dirty


def test_switching_to_multiclass_data_resizes_output_and_loss(doc):
    doc.set_data(DataSource(name="iris", train_ratio=0.8, normalization="standardize"))
    assert doc.spec.inputs == 4 and doc.spec.layers[-1].units == 3
    assert doc.spec.layers[-1].activation == "softmax"
    assert doc.settings.loss == "cross_entropy"
    net = doc.build_network()
    assert net.predict(doc.data.test.X).shape == (len(doc.data.test.X), 3)


def test_reset_archives_the_run_and_reinitializes(doc):
    first = [(W.copy(), b.copy()) for W, b in doc.weights]
    doc.set_weight(0, 0, 0, 9.0)
    doc.append_history([{"epoch": 1, "train_loss": 0.5}])
    doc.reset_weights()
    assert same_weights(doc.weights, first)
    assert doc.history == [] and len(doc.runs) == 1


def test_replace_with_keeps_observers(doc):
    other = Document(data_source=DataSource(name="and"))
    resets = record(doc.events.reset)
    doc.replace_with(other)
    assert resets == [()] and doc.dataset.name == other.dataset.name


def test_history_is_packed_and_assignable_as_a_list():
    from simulator.history import History
    from simulator.history_io import CHUNK
    doc = Document()
    rows = [{"epoch": k, "train_loss": 1.0 / k} for k in range(1, CHUNK + 3)]
    doc.append_history(rows[:5])
    doc.append_history(rows[5:])
    assert isinstance(doc.history, History) and doc.history == rows
    assert len(doc.history.chunks()) == 2 and doc.history[-1] == rows[-1]
    doc.archive_run()
    assert doc.runs[-1].history == rows and len(doc.history) == 0
    doc.history = [{"epoch": 1}]  # a list is converted
    assert isinstance(doc.history, History) and doc.history[0] == {"epoch": 1}


def test_a_new_layout_or_dataset_starts_a_new_run(doc):
    rows = [{"epoch": 1, "train_loss": 0.5}]
    doc.append_history(rows)
    old_spec = doc.spec.to_dict()
    doc.set_spec(doc.spec.with_layer(0, activation="relu"))  # same layout: same run
    assert doc.history == rows and doc.runs == []
    doc.set_spec(doc.spec.with_units(1, doc.spec.layers[0].units + 1))
    assert doc.history == [] and len(doc.runs) == 1
    assert doc.runs[0].history == rows
    assert doc.runs[0].spec == {**old_spec, "layers": [
        {**old_spec["layers"][0], "activation": "relu"}, *old_spec["layers"][1:]]}
    doc.append_history([{"epoch": 1, "train_loss": 0.4}])
    doc.set_data(DataSource(name="circle", params={"n_points": 100}))
    assert doc.history == [] and len(doc.runs) == 2


def test_undoing_a_layout_change_starts_a_new_run_too(doc):
    snap = doc.snapshot()
    doc.set_spec(doc.spec.with_units(1, 7))
    doc.append_history([{"epoch": 1, "train_loss": 0.5}])
    histories = record(doc.events.history)
    doc.restore(snap)
    assert doc.history == [] and doc.runs[-1].spec["layers"][0]["units"] == 7
    assert histories == [(None,)]


def test_output_advice_names_an_activation_that_reaches_the_targets():
    from simulator.document import output_advice
    doc = Document(data_source=DataSource(name="features", train_ratio=1.0))
    sigmoid = doc.spec.with_layer(len(doc.spec.layers) - 1, activation="sigmoid")
    assert output_advice(sigmoid, doc.dataset) == ("sigmoid", "linear")  # targets 7..12
    assert output_advice(doc.spec, doc.dataset) is None  # the default output is linear
    doc.set_spec(sigmoid)
    doc.set_settings(loss="bce")
    doc.set_output_activation("linear")
    assert doc.spec.layers[-1].activation == "linear" and doc.settings.loss == "mse"
    xor = Document(data_source=DataSource(name="xor", params={"n_points": 50}))
    assert output_advice(xor.spec, xor.dataset) is None  # labels 0/1 under tanh
