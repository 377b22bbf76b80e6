"""NetworkSpec: validation messages and the edit helpers the canvas uses."""

import numpy as np
import pytest

from simulator import LayerSpec, NetworkSpec, SpecError


def spec(*units, inputs=2):
    return NetworkSpec.coerce({"inputs": inputs,
                               "layers": [{"units": u, "activation": "tanh"} for u in units]})


def test_dict_round_trip_keeps_masks_and_flags():
    d = {"inputs": 2, "layers": [
        {"units": 3, "activation": "relu", "mask": [[1, 0, 1], [1, 1, 1]], "use_bias": False},
        {"units": 1, "activation": "sigmoid", "name": "out", "init": "he"}]}
    s = NetworkSpec.from_dict(d)
    assert s.to_dict() == d
    assert s.layers[0].mask.dtype == np.uint8


@pytest.mark.parametrize("bad, words", [
    ({"inputs": 2}, "'inputs' and 'layers'"),
    ({"inputs": 2, "layers": []}, "at least one layer"),
    ({"inputs": 0, "layers": [{"units": 1}]}, "inputs must be"),
    ({"inputs": 2, "layers": [{"units": 1, "activation": "nope"}]}, "unknown activation 'nope'"),
    ({"inputs": 2, "layers": [{"units": 2, "activation": "softmax"}, {"units": 1}]},
     "softmax is only allowed on the output"),
    ({"inputs": 2, "layers": [{"units": 2, "mask": [[1, 1]]}]}, "mask shape"),
    ({"inputs": 2, "layers": [{"units": 2, "mask": [[1, 2], [0, 1]]}]}, "0 or 1"),
    ({"inputs": 2, "layers": [{"units": "3"}]}, "must be an integer"),
    ({"inputs": 2, "layers": [{"units": 3, "colour": 1}]}, "unknown keys"),
    ({"inputs": 2, "layers": [{"units": 10**6}]}, "between 1 and"),
])
def test_invalid_specs_say_what_and_where(bad, words):
    with pytest.raises(SpecError, match=words):
        NetworkSpec.coerce(bad)


def test_with_units_resizes_masks_on_both_sides():
    s = NetworkSpec.coerce({"inputs": 2, "layers": [
        {"units": 2, "mask": [[1, 0], [1, 1]]},
        {"units": 1, "mask": [[0], [1]]}]})
    t = s.with_units(1, 3)
    assert t.layers[0].mask.tolist() == [[1, 0, 1], [1, 1, 1]]
    assert t.layers[1].mask.tolist() == [[0], [1], [1]]
    u = t.with_units(1, 1)
    assert u.layers[0].mask is None  # all connected again: no mask needed
    assert u.layers[1].mask.tolist() == [[0]]


def test_insert_move_remove_keep_identity_and_rewire_masks():
    s = spec(4, 3, 1)
    uids = [lay.uid for lay in s.layers]
    t = s.with_layer_inserted(1, LayerSpec(5, "relu"))
    assert t.sizes == [2, 4, 5, 3, 1]
    assert [t.layers[i].uid for i in (0, 2, 3)] == uids
    m = t.with_layer_moved(1, 0)
    assert m.sizes == [2, 5, 4, 3, 1]
    assert m.source_uid(1) == m.layers[0].uid
    r = m.with_layer_removed(0)
    assert r.sizes == [2, 4, 3, 1]
    with pytest.raises(SpecError, match="output layer"):
        r.with_layer_removed(2)
    with pytest.raises(SpecError, match="output layer stays last"):
        r.with_layer_moved(0, 2)


def test_equality_includes_masks():
    a = spec(2, 1)
    b = a.with_layer(0, mask=np.array([[1, 0], [1, 1]], np.uint8))
    assert a != b and a == a.copy()
