"""Export trained weights and training history for use outside the app.

``export_network(net, path)`` picks the format from the file name:

* ``.npz``  NumPy archive: ``W0, b0, W1, b1, ...`` plus ``spec`` (the network spec as JSON text);
  ``np.load(path)["W0"]`` works without pickle.
* ``.json`` ``{"format", "version", "inputs", "layers": [{units, activation, use_bias,
  weights (nested lists, fan_in x units), bias}]}`` for JavaScript, R, or reading by eye.
* ``.csv``  a folder (or, for ``name.csv.zip`` / ``name.zip``, a zip) holding one table per
  layer, ``W0.csv, b0.csv, ...``, with header rows naming the neurons, plus ``network.json``.
  ``iris.csv`` writes the folder ``iris-weights/`` (a folder named like a file confused
  everyone; :func:`csv_folder`); a folder there that holds anything but an earlier weights
  export is never replaced.
* ``.onnx`` an ONNX model (see :mod:`simulator.onnx_export`).

Input features (``simulator.datasets.features``): a network trained with derived inputs
(x1², sin x1 ...) is exported with their names: ``input_features`` in the JSON, the npz
and ``network.json``, the CSV tables' row names; the ONNX model computes them itself from
its (batch, 2) input of x1, x2. Like the normalization, they are applied to x1, x2 as the
network sees them (after the data panel's scaling).

Numbers are written with full precision (``repr``), so every format reads back bit for bit
(:func:`read_weights`). All writes are atomic.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import numpy as np

from . import atomic
from .errors import ProjectError
from .spec import NetworkSpec

FORMATS = {".npz": "NumPy archive", ".json": "JSON", ".csv": "CSV tables",
           ".zip": "CSV tables (zip)", ".onnx": "ONNX model"}
WEIGHTS_FORMAT = "ann-sim-weights"


def export_network(net, path: str | Path, features=()) -> Path:
    """Write ``net``'s spec and weights to ``path`` in the format its suffix names;
    ``features``: the derived input features the network was trained on (``()``: none).

    Returns the path written (for ``.csv`` the folder, see :func:`csv_folder`): tell the
    user that one. Raises ProjectError for an unknown suffix or a failed write.
    """
    return export_weights(net.spec, net.get_weights(), path, features)


def export_weights(spec: NetworkSpec | dict, weights, path: str | Path, features=()) -> Path:
    """Like :func:`export_network`, from a spec and ``[(W, b), ...]``."""
    from .datasets.features import canonical
    features = canonical(features) if features else ()
    path = Path(path)
    spec = NetworkSpec.coerce(spec)
    weights = [(np.asarray(W), np.asarray(b)) for W, b in weights]
    suffix = path.suffix.lower()
    writers = {".npz": _write_npz, ".json": _write_json, ".csv": _write_csv_folder,
               ".zip": _write_csv_zip, ".onnx": _write_onnx}
    if suffix not in writers:
        raise ProjectError(f"cannot export to '{path.name}': use one of "
                           f"{', '.join(FORMATS)}")
    if suffix == ".csv":
        path = csv_folder(path)
    try:
        writers[suffix](spec, weights, path, features)
    except ProjectError:
        raise
    except OSError as exc:
        raise ProjectError(f"cannot write '{path}': {exc.strerror or exc}") from exc
    except Exception as exc:
        raise ProjectError(f"export to '{path.name}' failed: {type(exc).__name__}: {exc}") \
            from exc
    return path


# -- npz ---------------------------------------------------------------------------------
def _write_npz(spec, weights, path: Path, features=()) -> None:
    arrays = {"spec": np.array(json.dumps(spec.to_dict()))}
    if features:
        arrays["input_features"] = np.array(json.dumps(list(features)))
    for k, (W, b) in enumerate(weights):
        arrays[f"W{k}"], arrays[f"b{k}"] = W, b
    with atomic.atomic_write(path, "wb") as f:
        np.savez(f, **arrays)


# -- json --------------------------------------------------------------------------------
def weights_document(spec: NetworkSpec, weights, features=()) -> dict:
    """The JSON export as a dict."""
    layers = []
    for k, (layer, (W, b)) in enumerate(zip(spec.layers, weights, strict=True)):
        d = {"label": spec.layer_name(k), "units": layer.units, "activation": layer.activation,
             "use_bias": layer.use_bias, "weights": W.tolist(), "bias": b.tolist()}
        if layer.name:
            d["name"] = layer.name
        if layer.init is not None:
            d["init"] = layer.init
        if layer.mask is not None:
            d["mask"] = layer.mask.astype(int).tolist()
        layers.append(d)
    dtype = weights[0][0].dtype.name if weights else "float64"
    out = {"format": WEIGHTS_FORMAT, "version": 1, "dtype": dtype,
           "note": "weights[i][j] connects neuron i of the previous layer to neuron j; "
                   "output = activation(input @ weights + bias)",
           "inputs": spec.inputs, "layers": layers}
    if features:
        out["input_features"] = list(features)
        out["note"] += ("; the inputs are input_features computed from x1, x2 "
                        "(x1^2 = x1*x1, sin(x1) = sine in radians)")
    return out


def _write_json(spec, weights, path: Path, features=()) -> None:
    atomic.write_text(path, json.dumps(weights_document(spec, weights, features),
                                       ensure_ascii=False, indent=1))


# -- csv -----------------------------------------------------------------------------------
def neuron_names(spec: NetworkSpec, column: int, features=()) -> list[str]:
    """Labels of the neurons of column ``column`` (0 = inputs): 'x1', 'Hidden 1 #1', ...;
    the inputs are named after the derived ``features`` when there are any."""
    if column == 0:
        return list(features) if features else [f"x{i + 1}" for i in range(spec.inputs)]
    name = spec.layer_name(column - 1)
    return [f"{name} #{j + 1}" for j in range(spec.layers[column - 1].units)]


def csv_tables(spec: NetworkSpec, weights, features=()) -> dict[str, str]:
    """File name -> CSV text, one weight and one bias table per layer."""
    out = {}
    for k, (W, b) in enumerate(weights):
        rows_in = neuron_names(spec, k, features if k == 0 else ())
        cols = neuron_names(spec, k + 1)
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["from \\ to", *cols])
        for name, row in zip(rows_in, W, strict=True):
            w.writerow([name, *(_num(v) for v in row)])
        out[f"W{k}.csv"] = buf.getvalue()
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["neuron", "bias"])
        for name, v in zip(cols, b, strict=True):
            w.writerow([name, _num(v)])
        out[f"b{k}.csv"] = buf.getvalue()
    meta = {"format": WEIGHTS_FORMAT, "version": 1,
            "dtype": weights[0][0].dtype.name if weights else "float64",
            "spec": spec.to_dict()}
    if features:
        meta["input_features"] = list(features)
    out["network.json"] = json.dumps(meta, ensure_ascii=False, indent=1)
    return out


def _num(v) -> str:
    return repr(float(v))


def csv_folder(path: str | Path) -> Path:
    """The folder a ``.csv`` export of ``path`` writes: ``iris.csv`` -> ``iris-weights``,
    ``iris-weights.csv`` -> ``iris-weights``."""
    path = Path(path)
    stem = path.stem if path.suffix.lower() == ".csv" else path.name
    return path.with_name(stem if stem.endswith("-weights") else stem + "-weights")


_OUR_CSV_FILE = re.compile(r"([Wb]\d+\.csv|network\.json)\Z")


def _write_csv_folder(spec, weights, path: Path, features=()) -> None:
    if path.is_dir():  # replace an earlier export, never a folder of the user's own files
        foreign = sorted(p.name for p in path.iterdir() if not _OUR_CSV_FILE.match(p.name))
        if foreign or not (path / "network.json").is_file():
            raise ProjectError(
                f"'{path}' is a folder that holds other files"
                f"{' (' + ', '.join(foreign[:3]) + ')' if foreign else ''}; "
                "choose another name (nothing was written)")
    with atomic.atomic_folder(path) as tmp:
        for name, text in csv_tables(spec, weights, features).items():
            # utf-8-sig: spreadsheet programs then read Korean layer names correctly
            (tmp / name).write_text(text, encoding="utf-8-sig" if name.endswith(".csv")
                                    else "utf-8")


def _write_csv_zip(spec, weights, path: Path, features=()) -> None:
    with atomic.atomic_write(path, "wb") as f, \
            zipfile.ZipFile(f, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, text in csv_tables(spec, weights, features).items():
            zf.writestr(name, text.encode("utf-8-sig" if name.endswith(".csv") else "utf-8"))


# -- onnx --------------------------------------------------------------------------------
def _write_onnx(spec, weights, path: Path, features=()) -> None:
    from .onnx_export import build_model
    model = build_model(spec, weights, dtype=np.float32, features=features)
    atomic.write_bytes(path, model.SerializeToString())


# -- reading back (round trips, scripts) -------------------------------------------------------
def read_weights(path: str | Path) -> tuple[NetworkSpec, list[tuple[np.ndarray, np.ndarray]]]:
    """Read an export made by :func:`export_network` (npz, json, csv folder or zip)."""
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".npz":
            with np.load(path, allow_pickle=False) as z:
                spec = NetworkSpec.from_dict(json.loads(str(z["spec"])))
                return spec, [(z[f"W{k}"], z[f"b{k}"]) for k in range(len(spec.layers))]
        if suffix == ".json":
            d = json.loads(path.read_text(encoding="utf-8"))
            dtype = np.dtype(d["dtype"])
            spec = NetworkSpec.from_dict({"inputs": d["inputs"], "layers": [
                {k: v for k, v in lay.items() if k not in ("weights", "bias", "label")}
                for lay in d["layers"]]})
            return spec, [(np.array(lay["weights"], dtype=dtype).reshape(ws),
                           np.array(lay["bias"], dtype=dtype).reshape(bs))
                          for lay, (ws, bs) in zip(d["layers"], spec.weight_shapes(),
                                                   strict=True)]
        if suffix in (".csv", ".zip") or path.is_dir():
            if suffix == ".csv" and not path.is_dir():
                path = csv_folder(path)
            if path.is_dir():
                files = {p.name: p.read_bytes() for p in path.iterdir() if p.is_file()}
            else:
                with zipfile.ZipFile(path) as zf:
                    files = {n: zf.read(n) for n in zf.namelist()}
            meta = json.loads(files["network.json"].decode("utf-8"))
            spec, dtype = NetworkSpec.from_dict(meta["spec"]), np.dtype(meta["dtype"])
            weights = []
            for k in range(len(spec.layers)):
                W = _read_table(files[f"W{k}.csv"], dtype)
                b = _read_table(files[f"b{k}.csv"], dtype)[:, 0]
                weights.append((W, b))
            return spec, weights
    except ProjectError:
        raise
    except Exception as exc:
        raise ProjectError(f"cannot read weights from '{path.name}': "
                           f"{type(exc).__name__}: {exc}") from exc
    raise ProjectError(f"cannot read weights from '{path.name}': unknown format")


def _read_table(data: bytes, dtype) -> np.ndarray:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))[1:]
    return np.array([[float(v) for v in row[1:]] for row in rows], dtype=np.float64).astype(dtype)


# -- history ----------------------------------------------------------------------------------
def export_history(history: list[dict], path: str | Path) -> Path:
    """Write per-epoch stats as CSV: one row per epoch, one column per statistic.

    Per-layer lists (``grad_norm: [..]``) become one column per layer: ``grad_norm_1``, ...
    """
    path = Path(path)
    flat = [_flatten(row) for row in history]
    columns: list[str] = []
    for row in flat:
        for key in row:
            if key not in columns:
                columns.append(key)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    for row in flat:
        w.writerow(["" if row.get(c) is None else _cell(row[c]) for c in columns])
    try:
        atomic.write_bytes(path, buf.getvalue().encode("utf-8-sig"))
    except OSError as exc:
        raise ProjectError(f"cannot write '{path}': {exc.strerror or exc}") from exc
    return path


def _flatten(row: dict) -> dict:
    out = {}
    for key, v in row.items():
        if isinstance(v, np.ndarray):
            v = v.tolist()
        if isinstance(v, (list, tuple)):
            for i, x in enumerate(v):
                out[f"{key}_{i + 1}"] = x
        else:
            out[key] = v
    return out


def _cell(v) -> str:
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, float):
        return repr(v)
    return str(v)
