"""Project files (``.annproj``): network, settings, data, weights and history in one file.

Format (version 2): a ZIP archive with exactly these entries

    project.json        format name and version, spec, settings, data source, history,
                        past runs, title, description (UTF-8 JSON)
    history/current/0.npy  the current run's history as tables of up to 8192 rows (see
                        ``history_io``); project.json's history is then {"chunks": [schema
                        of table 0, ...]}
    history/run0/0.npy  ... and the same for each past run, in order (an empty history is
                        an empty list and has no tables)
    weights/W0.npy      weights of layer 0, shape (fan_in, units), float32 or float64
    weights/b0.npy      bias of layer 0, shape (units,)
    ...                 one W/b pair per layer of the spec
    data/X.npy          only for imported or edited data: the feature table (n, features)
    data/Y.npy          ... and the target table (n, outputs)

Version 1 files (histories as lists of JSON rows) still load: a history given as a list
is read as rows. Tables came in because a 100,000-epoch history as JSON rows was 91 MB
of text, over the JSON limit, so a long run saved fine and then could not be opened.

Why this design: ``.npy`` is NumPy's own, documented, pickle-free array format, so weights
round-trip bit for bit, and a ZIP keeps the file single and compressed. Nothing is ever
unpickled (``allow_pickle=False``) and nothing is executed.

Loading a file from a stranger is safe: every size is checked *before* anything is read
(number of entries, declared sizes, compression ratio, array shapes against the spec),
reads are bounded, and every problem, whatever its cause, becomes a :class:`ProjectError`
whose message says what is wrong.
"""

from __future__ import annotations

import io
import json
import math
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from . import atomic, history_io
from .errors import ProjectError, SimulatorError
from .history import History
from .settings import DataSource, TrainingSettings
from .spec import MAX_UNITS, NetworkSpec

FORMAT_NAME = "ann-sim-project"
FORMAT_VERSION = 2
SUFFIX = ".annproj"

#: Keys project.json must have (all of them) and may have (no others).
REQUIRED_KEYS = ("format", "version", "spec", "settings", "data_source", "dataset",
                 "history", "runs", "title", "description")
OPTIONAL_KEYS = ("saved_by", "grid")

#: Limits that keep a hostile or broken file from exhausting memory.
MAX_FILE_BYTES = 2 * 1024**3          # the .annproj file itself
MAX_JSON_BYTES = 64 * 1024**2         # project.json, uncompressed
MAX_ENTRIES = 16 * 1024               # zip entries (2 per layer, 1 per 8192 epochs)
MAX_LAYERS = 1024
MAX_DATA_ROWS = 5_000_000
MAX_DATA_CELLS = 50_000_000           # rows x columns of X plus Y (400 MB as float64)
MAX_PARAMS = 50_000_000               # weights + biases of the network (200 MB as float32)
MAX_TOTAL_BYTES = 1536 * 1024**2      # all entries together, uncompressed (also the bound
                                      # on the arrays read: each is read in place, once)
MAX_HISTORY_ROWS = 20_000_000         # epochs in all histories together (the CLI's 10 M twice)
MAX_RATIO = 100                       # uncompressed / compressed size of an entry over 64 MB
MAX_TEXT = 100_000                    # characters of the title or description

_WEIGHT_DTYPES = ("float32", "float64")


@dataclass
class Project:
    """Everything an ``.annproj`` file holds. Only ``network`` is required.

        project = sim.Project(network=net, title="XOR")
        sim.save_project(project, "xor.annproj")
    """

    #: The network: spec and current weights (``simulator.network.Network``).
    network: object
    #: How to train it.
    settings: TrainingSettings = field(default_factory=TrainingSettings)
    #: Where the data comes from (built-in generator and its parameters, or imported).
    data_source: DataSource = field(default_factory=DataSource)
    #: The data itself, only for imported or hand-edited data (None: regenerate from source).
    dataset: object | None = None
    #: Per-epoch stats of the current run (``EpochStats.to_dict()`` rows): a list, or a
    #: :class:`~simulator.history.History` (what loading gives).
    history: Sequence[dict] = field(default_factory=list)
    #: Earlier runs kept for comparison (``simulator.document.Run``: settings, spec, history).
    runs: list = field(default_factory=list)
    #: Grid search results (``simulator.experiments.RunResult``, without weights); the file
    #: keeps at most ``experiments.table.MAX_SAVED_RUNS`` of them.
    grid: list = field(default_factory=list)
    #: Short name shown in the window title and the Examples menu.
    title: str = ""
    #: A few sentences for the learner (English and/or Korean).
    description: str = ""

    @property
    def spec(self) -> NetworkSpec:
        return self.network.spec

    @property
    def weights(self) -> list[tuple[np.ndarray, np.ndarray]]:
        return [(np.asarray(W), np.asarray(b)) for W, b in self.network.get_weights()]

    # -- bridge to the app's Document ----------------------------------------------------
    @classmethod
    def from_document(cls, doc) -> Project:
        """Snapshot of a :class:`simulator.document.Document` (weights copied)."""
        from .document import Run
        net = doc.build_network()
        dataset = doc.dataset if _needs_inline_data(doc.data_source, doc.dataset) else None
        return cls(network=net, settings=replace(doc.settings),
                   data_source=DataSource.from_dict(doc.data_source.to_dict()),
                   dataset=dataset, history=_copy(doc.history),
                   runs=[Run(replace(r.settings), json.loads(json.dumps(r.spec)),
                             _copy(r.history), r.note) for r in doc.runs],
                   grid=list(doc.grid), title=doc.title, description=doc.description)

    def to_document(self):
        """A new, clean :class:`~simulator.document.Document` holding this project.

        Raises ProjectError when the parts do not fit together (e.g. the network's inputs
        do not match the data's columns).
        """
        from .datasets import prepare
        from .document import Document, Run
        try:
            spec = NetworkSpec.coerce(self.network.spec)
            weights = [(np.array(W), np.array(b)) for W, b in self.network.get_weights()]
            source = DataSource.from_dict(self.data_source.to_dict())
            prepared = prepare(source, self.dataset)
            data = prepared.dataset
            # the network's inputs: the data's columns or the derived input features
            n_in, n_out = prepared.train.X.shape[1], data.Y.shape[1]
            if spec.inputs != n_in or spec.layers[-1].units != n_out:
                raise ProjectError(
                    f"the network ({spec.inputs} inputs, {spec.layers[-1].units} outputs) "
                    f"does not fit the data '{data.name}' ({n_in} feature columns, "
                    f"{n_out} target columns)")
            doc = Document(spec, replace(self.settings), source, data, weights)
        except ProjectError:
            raise
        except SimulatorError as exc:
            raise ProjectError(f"the project cannot be opened: {exc}") from exc
        except Exception as exc:  # an engine bug must not look like a crash to the user
            raise ProjectError(f"the project cannot be opened: {type(exc).__name__}: {exc}") \
                from exc
        doc.history = _copy(self.history)
        doc.runs = [Run(r.settings, r.spec, _copy(r.history), r.note) for r in self.runs]
        doc.grid = list(self.grid)
        doc.title, doc.description = self.title, self.description
        doc.mark_dirty(False)
        return doc


# =====================================================================================
# saving
# =====================================================================================
def save_project(project: Project, path: str | Path) -> None:
    """Write ``project`` to ``path`` atomically (the old file survives any failure).

    Raises ProjectError when the project cannot be written (the message says why).
    """
    path = Path(path)
    try:
        payload = _encode(project)
    except ProjectError:
        raise
    except Exception as exc:
        raise ProjectError(f"cannot save the project: {type(exc).__name__}: {exc}") from exc
    try:
        with atomic.atomic_write(path, "wb") as f:
            with zipfile.ZipFile(f, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                for name, data in payload:
                    zf.writestr(_zinfo(name), data)
    except OSError as exc:
        raise ProjectError(f"cannot write '{path}': {exc.strerror or exc}") from exc


def project_bytes(project: Project) -> bytes:
    """The ``.annproj`` file content in memory (for the clipboard, tests, autosave)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in _encode(project):
            zf.writestr(_zinfo(name), data)
    return buf.getvalue()


def _zinfo(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))  # reproducible bytes
    # History tables are stored as they are: their float64s shrink only to ~60 %, and
    # deflating them takes the CPU the window needs while training writes a recovery copy.
    info.compress_type = zipfile.ZIP_STORED if name.startswith("history/") \
        else zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def _encode(project: Project) -> list[tuple[str, bytes]]:
    if not isinstance(project, Project):
        raise ProjectError(f"save_project needs a Project, got {type(project).__name__}")
    spec = NetworkSpec.coerce(project.network.spec)
    project.settings.validate()
    project.data_source.validate()
    weights = project.weights
    shapes = spec.weight_shapes()
    if len(weights) != len(shapes):
        raise ProjectError(f"the network has {len(shapes)} layers but {len(weights)} weight pairs")
    entries: list[tuple[str, bytes]] = []
    for k, ((W, b), (ws, bs)) in enumerate(zip(weights, shapes, strict=True)):
        if W.shape != ws or b.shape != bs:
            raise ProjectError(f"layer {k + 1}: weights {W.shape}/{b.shape} do not match the "
                               f"spec's {ws}/{bs}")
        _check_finite(W, b, k, "cannot save the project")
        entries.append((f"weights/W{k}.npy", _npy(W)))
        entries.append((f"weights/b{k}.npy", _npy(b)))
    dataset_meta = None
    if project.dataset is not None:
        ds = project.dataset
        dataset_meta = {"name": ds.name, "description": ds.description, "task": ds.task,
                        "feature_names": list(ds.feature_names),
                        "target_names": list(ds.target_names)}
        entries.append(("data/X.npy", _npy(np.asarray(ds.X, dtype=np.float64))))
        entries.append(("data/Y.npy", _npy(np.asarray(ds.Y, dtype=np.float64))))
    doc = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "saved_by": "ANN Simulator",
        "title": str(project.title),
        "description": str(project.description),
        "spec": spec.to_dict(),
        "settings": project.settings.to_dict(),
        "data_source": project.data_source.to_dict(),
        "dataset": dataset_meta,
        "history": _history_tables(project.history, "history/current", entries),
        "runs": [{"settings": r.settings.to_dict(), "spec": NetworkSpec.coerce(r.spec).to_dict(),
                  "history": _history_tables(r.history, f"history/run{k}", entries),
                  **({"note": str(r.note)} if getattr(r, "note", "") else {})}
                 for k, r in enumerate(project.runs)],
    }
    if project.grid:  # optional: files without it (older ones too) load with no results
        from .experiments.table import results_to_json
        doc["grid"] = results_to_json(project.grid)
    text = json.dumps(doc, ensure_ascii=False, indent=1)
    return [("project.json", text.encode("utf-8"))] + entries


def _copy(history) -> History:
    """An independent copy (histories share their immutable rows and tables)."""
    return history.copy() if isinstance(history, History) else History(history)


def _history_tables(rows, folder: str, entries: list) -> dict | list:
    """The history for project.json (its chunks' schemas), the tables appended to
    ``entries`` as ``folder/0.npy`` ... (an empty history stays an empty list)."""
    if not rows:
        return []
    if not isinstance(rows, History) and not all(isinstance(r, dict) for r in rows):
        raise ProjectError("every history row must be a dict")
    try:
        chunks = rows.chunks() if isinstance(rows, History) else history_io.encode_chunks(rows)
    except ValueError as exc:
        raise ProjectError(f"cannot save the history: {exc}") from exc
    for k, (_schema, table) in enumerate(chunks):
        entries.append((f"{folder}/{k}.npy", _npy(table)))
    return {"chunks": [schema for schema, _table in chunks]}


def _npy(a: np.ndarray) -> bytes:
    a = np.asarray(a)
    if a.dtype.name not in _WEIGHT_DTYPES:
        a = a.astype(np.float64)
    buf = io.BytesIO()
    np.save(buf, np.ascontiguousarray(a), allow_pickle=False)
    return buf.getvalue()


# =====================================================================================
# loading
# =====================================================================================
def load_project(path: str | Path) -> Project:
    """Read an ``.annproj`` file. Any problem raises ProjectError saying what is wrong."""
    path = Path(path)
    try:
        return _load(path)
    except ProjectError:
        raise
    except SimulatorError as exc:  # SpecError, DataError from the validators
        raise ProjectError(f"'{path.name}' is not a valid project: {exc}") from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
        raise ProjectError(f"'{path.name}' is damaged or truncated ({exc})") from exc
    except RecursionError as exc:
        raise ProjectError(f"'{path.name}': project.json is nested too deeply") from exc
    except MemoryError as exc:
        raise ProjectError(f"'{path.name}' is too large to open") from exc
    except OSError as exc:
        raise ProjectError(f"cannot read '{path}': {exc.strerror or exc}") from exc
    except Exception as exc:
        raise ProjectError(f"'{path.name}' cannot be read: {type(exc).__name__}: {exc}") \
            from exc


def _load(path: Path) -> Project:
    name = path.name
    if not path.exists():
        raise ProjectError(f"'{path}' does not exist")
    if path.is_dir():
        raise ProjectError(f"'{path}' is a folder, not a project file")
    size = path.stat().st_size
    if size == 0:
        raise ProjectError(f"'{name}' is empty (0 bytes); it is not a project file")
    if size > MAX_FILE_BYTES:
        raise ProjectError(f"'{name}' is {size / 1024**3:.1f} GB; project files are at most "
                           f"{MAX_FILE_BYTES // 1024**3} GB")
    with open(path, "rb") as f:
        head = f.read(4)
        if head[:2] != b"PK":
            hint = " (it looks like JSON; a project is a .annproj zip file)" \
                if head.lstrip()[:1] in (b"{", b"[") else ""
            raise ProjectError(f"'{name}' is not a project file: not a zip archive{hint}")
        f.seek(0)
        with zipfile.ZipFile(f) as zf:
            return _read(zf, name)


def _read(zf: zipfile.ZipFile, name: str) -> Project:
    from .document import Run
    from .network import Network

    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise ProjectError(f"'{name}' has {len(infos)} entries; a project has far fewer")
    entries: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        if info.filename in entries:
            raise ProjectError(f"'{name}': entry '{info.filename}' appears twice")
        if info.flag_bits & 0x1:
            raise ProjectError(f"'{name}': entry '{info.filename}' is encrypted")
        entries[info.filename] = info
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL_BYTES:
        raise ProjectError(f"'{name}' would expand to {total / 1024**2:.0f} MB; at most "
                           f"{MAX_TOTAL_BYTES // 1024**2} MB are accepted (a zip bomb?)")
    for info in infos:
        if info.file_size > 64 * 1024**2 and info.file_size > MAX_RATIO * info.compress_size:
            raise ProjectError(f"'{name}': entry '{info.filename}' would expand "
                               f"{info.file_size / max(info.compress_size, 1):.0f} times "
                               f"(a zip bomb?)")
    if "project.json" not in entries:
        raise ProjectError(f"'{name}' has no project.json; it is not a project file")
    meta = _read_json(zf, entries["project.json"], name)

    spec = NetworkSpec.from_dict(meta["spec"])
    if len(spec.layers) > MAX_LAYERS:
        raise ProjectError(f"'{name}': {len(spec.layers)} layers; at most {MAX_LAYERS}")
    n_params = sum(math.prod(ws) + bs[0] for ws, bs in spec.weight_shapes())
    if n_params > MAX_PARAMS:
        raise ProjectError(f"'{name}': the network has {n_params:,} parameters; "
                           f"at most {MAX_PARAMS:,} are accepted")
    settings = TrainingSettings.from_dict(meta["settings"])
    source = DataSource.from_dict(meta["data_source"])
    title = _text(meta["title"], "title")
    description = _text(meta["description"], "description")
    expected = {"project.json"}
    rows = _HistoryRows()
    history = _read_history(zf, entries, meta["history"], "history/current", name,
                            "history", expected, rows)
    runs = _runs(zf, entries, meta["runs"], name, expected, rows)
    grid = _grid(meta.get("grid", []), name)

    weights = []
    for k, (ws, bs) in enumerate(spec.weight_shapes()):
        wn, bn = f"weights/W{k}.npy", f"weights/b{k}.npy"
        expected |= {wn, bn}
        W = _read_npy(zf, entries, wn, ws, name, _WEIGHT_DTYPES)
        b = _read_npy(zf, entries, bn, bs, name, (W.dtype.name,))
        _check_finite(W, b, k, f"'{name}'")
        weights.append((W, b))

    dataset = None
    if meta["dataset"] is not None:
        dataset = _read_dataset(zf, entries, meta["dataset"], name)
        expected |= {"data/X.npy", "data/Y.npy"}
    extra = sorted(set(entries) - expected)
    if extra:
        raise ProjectError(f"'{name}' has unexpected entries {extra[:5]}; "
                           "is it from a newer version or modified by hand?")

    dtype = weights[0][0].dtype.name
    net = Network.from_spec(spec, init=settings.init, seed=settings.seed, dtype=dtype)
    net.set_weights(weights)
    return Project(network=net, settings=settings, data_source=source, dataset=dataset,
                   history=history, runs=[Run(*r) for r in runs],
                   grid=grid, title=title, description=description)


def _grid(value, name: str) -> list:
    from .experiments.table import results_from_json
    try:
        return results_from_json(value)
    except ValueError as exc:
        raise ProjectError(f"'{name}': {exc}") from None


def _read_json(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> dict:
    if info.file_size > MAX_JSON_BYTES:
        raise ProjectError(f"'{name}': project.json is {info.file_size // 1024**2} MB; "
                           f"at most {MAX_JSON_BYTES // 1024**2} MB are accepted (a zip bomb?)")
    with zf.open(info) as f:
        raw = f.read(MAX_JSON_BYTES + 1)
    if len(raw) > MAX_JSON_BYTES:
        raise ProjectError(f"'{name}': project.json is larger than it claims")
    try:
        meta = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ProjectError(f"'{name}': project.json is not UTF-8 text ({exc.reason})") from exc
    except json.JSONDecodeError as exc:
        raise ProjectError(f"'{name}': project.json is not valid JSON: {exc.msg} at line "
                           f"{exc.lineno}, column {exc.colno}") from exc
    if not isinstance(meta, dict):
        raise ProjectError(f"'{name}': project.json must hold a JSON object")
    if meta.get("format") != FORMAT_NAME:
        raise ProjectError(f"'{name}' is not an ANN Simulator project "
                           f"(format is {meta.get('format')!r}, expected {FORMAT_NAME!r})")
    version = meta.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ProjectError(f"'{name}': the format version must be a whole number, "
                           f"got {version!r}")
    if version > FORMAT_VERSION:
        raise ProjectError(f"'{name}' was saved by a newer ANN Simulator (format version "
                           f"{version}; this one reads up to {FORMAT_VERSION}); please update")
    if version < 1:
        raise ProjectError(f"'{name}': unknown format version {version}")
    missing = [k for k in REQUIRED_KEYS if k not in meta]
    if missing:
        raise ProjectError(f"'{name}': project.json is missing {', '.join(missing)}")
    extra = sorted(set(meta) - set(REQUIRED_KEYS) - set(OPTIONAL_KEYS))
    if extra:
        raise ProjectError(f"'{name}': project.json has unknown keys {', '.join(extra)}")
    return meta


def _npy_header(zf: zipfile.ZipFile, entries: dict, entry: str, name: str):
    """(zip info, shape, dtype, header length) of a .npy entry, read from its header alone."""
    info = entries.get(entry)
    if info is None:
        raise ProjectError(f"'{name}' is missing '{entry}'")
    with zf.open(info) as f:
        try:
            version = np.lib.format.read_magic(f)
            if version == (1, 0):
                shape, _fortran, dtype = np.lib.format.read_array_header_1_0(f)
            elif version in ((2, 0), (3, 0)):
                shape, _fortran, dtype = np.lib.format.read_array_header_2_0(f)
            else:
                raise ValueError(f"unsupported .npy version {version}")
        except ValueError as exc:
            raise ProjectError(f"'{name}': '{entry}' is not a valid .npy array ({exc})") from exc
        return info, shape, dtype, f.tell()


def _read_npy(zf: zipfile.ZipFile, entries: dict, entry: str, shape: tuple, name: str,
              dtypes: tuple[str, ...]) -> np.ndarray:
    """Check the .npy header (dtype, shape) before reading; then read exactly that much."""
    info, hshape, dtype, header_len = _npy_header(zf, entries, entry, name)
    if dtype.hasobject or dtype.name not in dtypes:
        raise ProjectError(f"'{name}': '{entry}' holds {dtype}; expected {' or '.join(dtypes)}")
    if tuple(hshape) != tuple(shape):
        raise ProjectError(f"'{name}': '{entry}' has shape {tuple(hshape)} but the project "
                           f"describes {tuple(shape)}")
    want = header_len + math.prod(shape) * dtype.itemsize
    if info.file_size != want:
        raise ProjectError(f"'{name}': '{entry}' is {info.file_size} bytes; "
                           f"a {tuple(shape)} {dtype} array takes {want}")
    # Read once into the array's own buffer, a megabyte at a time (zipfile's read(n) of a
    # whole entry makes 2-3 temporary copies): the peak is the array itself.
    raw = bytearray(want)
    view, got = memoryview(raw), 0
    with zf.open(info) as f:
        while got < want:
            n = f.readinto(view[got:got + 2**20])
            if not n:
                break
            got += n
    if got != want:
        raise ProjectError(f"'{name}': '{entry}' is truncated")
    return np.frombuffer(raw, dtype=dtype, offset=header_len).reshape(shape)


def _check_finite(W: np.ndarray, b: np.ndarray, k: int, where: str) -> None:
    """No NaN or infinity in a weight, read or written: the network would compute only NaN."""
    for what, a in (("weights", W), ("bias", b)):
        if not np.isfinite(a).all():
            raise ProjectError(f"{where}: layer {k + 1}'s {what} contain NaN or infinite "
                               "values")


def _read_dataset(zf: zipfile.ZipFile, entries: dict, meta, name: str):
    from .datasets import Dataset
    if not isinstance(meta, dict):
        raise ProjectError(f"'{name}': 'dataset' must be an object or null")
    keys = {"name", "description", "task", "feature_names", "target_names"}
    if set(meta) != keys:
        raise ProjectError(f"'{name}': 'dataset' must have exactly the keys {sorted(keys)}; "
                           f"missing {sorted(keys - set(meta))}, unknown "
                           f"{sorted(set(meta) - keys)}")
    for key in ("feature_names", "target_names"):
        v = meta[key]
        if not isinstance(v, list) or not all(isinstance(s, str) for s in v) \
                or not 1 <= len(v) <= MAX_UNITS:
            raise ProjectError(f"'{name}': dataset '{key}' must be a list of 1 to "
                               f"{MAX_UNITS} names")
    for key in ("name", "description", "task"):
        _text(meta[key], f"dataset {key}")
    n_x = len(meta["feature_names"])
    n_y = len(meta["target_names"])
    if meta["task"] == "classification" and n_y == 2:
        n_y = 1
    rows = _npy_rows(zf, entries, "data/X.npy", name)
    if rows > MAX_DATA_ROWS or rows * (n_x + n_y) > MAX_DATA_CELLS:
        raise ProjectError(f"'{name}': the dataset has {rows} rows; at most "
                           f"{MAX_DATA_ROWS} rows and {MAX_DATA_CELLS} values are accepted")
    X = _read_npy(zf, entries, "data/X.npy", (rows, n_x), name, ("float64",))
    Y = _read_npy(zf, entries, "data/Y.npy", (rows, n_y), name, ("float64",))
    return Dataset(X=X, Y=Y, feature_names=tuple(meta["feature_names"]),
                   target_names=tuple(meta["target_names"]), task=meta["task"],
                   name=meta["name"], description=meta["description"])


def _npy_rows(zf: zipfile.ZipFile, entries: dict, entry: str, name: str) -> int:
    _info, shape, _dtype, _header_len = _npy_header(zf, entries, entry, name)
    if len(shape) != 2:
        raise ProjectError(f"'{name}': '{entry}' must be a 2-D table, got shape {shape}")
    return int(shape[0])


def _text(value, what: str) -> str:
    if not isinstance(value, str):
        raise ProjectError(f"the project's {what} must be text, got {type(value).__name__}")
    if len(value) > MAX_TEXT:
        raise ProjectError(f"the project's {what} is {len(value)} characters; at most {MAX_TEXT}")
    return value


class _HistoryRows:
    """Counts the rows of every history in a file against MAX_HISTORY_ROWS, before any
    table is read."""

    def __init__(self) -> None:
        self.total = 0

    def add(self, n: int, name: str) -> None:
        self.total += n
        if self.total > MAX_HISTORY_ROWS:
            raise ProjectError(f"'{name}': the histories hold more than {MAX_HISTORY_ROWS:,} "
                               "epochs in all; at most that many are accepted")


def _history(rows, what: str) -> list[dict]:
    """Format 1 rows, checked as the tables of format 2 are (so both refuse the same)."""
    if not isinstance(rows, list):
        raise ProjectError(f"the project's {what} must be a list of rows")
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            raise ProjectError(f"{what} row {i + 1} must be an object")
        for k, v in row.items():
            items = v if isinstance(v, list) else [v]
            if not all(x is None or isinstance(x, (bool, int, float, str)) for x in items):
                raise ProjectError(f"{what} row {i + 1}: '{k}' must be a number, text or a "
                                   "list of numbers")
    for k in range(0, len(rows), history_io.CHUNK):
        try:
            history_io.check(*history_io.encode(rows[k:k + history_io.CHUNK]))
        except ValueError as exc:
            raise ProjectError(f"the project's {what}, rows {k + 1} to "
                               f"{min(k + history_io.CHUNK, len(rows))}: {exc}") from exc
    return rows


def _read_history(zf: zipfile.ZipFile, entries: dict, value, folder: str, name: str,
                  what: str, expected: set, counter: _HistoryRows) -> History:
    """A history: rows given in project.json (format 1), or {"chunks": [schema, ...]}
    whose tables are ``folder/0.npy`` ... (format 2)."""
    if not isinstance(value, dict):
        if isinstance(value, list):
            counter.add(len(value), name)
        return History(_history(value, what))
    schemas = value.get("chunks")
    if set(value) != {"chunks"} or not isinstance(schemas, list) or len(schemas) > MAX_ENTRIES:
        raise ProjectError(f"'{name}': the {what} must be a list of rows or "
                           "{\"chunks\": [table schema, ...]}")
    shapes = []
    for k, schema in enumerate(schemas):  # every size is checked before any table is read
        try:
            shapes.append(history_io.table_shape(schema))
        except ValueError as exc:
            raise ProjectError(f"'{name}': {what} table {k} is malformed: {exc}") from exc
        counter.add(shapes[-1][0], name)
    chunks = []
    for k, (schema, shape) in enumerate(zip(schemas, shapes, strict=True)):
        entry = f"{folder}/{k}.npy"
        expected.add(entry)
        chunks.append((schema, _read_npy(zf, entries, entry, shape, name, ("float64",))))
    try:
        return History.from_chunks(chunks)
    except ValueError as exc:
        raise ProjectError(f"'{name}': a {what} table is malformed: {exc}") from exc


def _runs(zf: zipfile.ZipFile, entries: dict, runs, name: str, expected: set,
          counter: _HistoryRows) -> list[tuple]:
    if not isinstance(runs, list):
        raise ProjectError("the project's runs must be a list")
    out = []
    for i, r in enumerate(runs):
        if not isinstance(r, dict) or not {"settings", "spec", "history"} <= set(r) \
                <= {"settings", "spec", "history", "note"}:
            raise ProjectError(f"run {i + 1} must be an object with settings, spec and history "
                               "(and an optional note)")
        settings = TrainingSettings.from_dict(r["settings"])
        spec = NetworkSpec.from_dict(r["spec"]).to_dict()
        history = _read_history(zf, entries, r["history"], f"history/run{i}", name,
                                f"run {i + 1} history", expected, counter)
        out.append((settings, spec, history, _text(r.get("note", ""), f"run {i + 1} note")))
    return out


def _needs_inline_data(source: DataSource, dataset) -> bool:
    """Imported data travels in the file; built-in data only when it was edited (points
    added or removed), i.e. when regenerating it from the source would give other rows."""
    if source.kind == "imported":
        return True
    if dataset is None:
        return False
    from .datasets import load
    try:
        fresh = load(source.name, **source.params)
    except SimulatorError:
        return True
    return not (fresh.X.shape == dataset.X.shape and fresh.Y.shape == dataset.Y.shape
                and np.array_equal(fresh.X, dataset.X) and np.array_equal(fresh.Y, dataset.Y)
                and fresh.feature_names == dataset.feature_names
                and fresh.target_names == dataset.target_names)
