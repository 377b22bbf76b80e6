"""Atomic file writes: the old file stays intact until the new one is complete on disk.

Every file the simulator writes goes through here. The recipe:

1. write to a temporary file in the *same folder* (so the final rename never crosses disks);
2. flush Python's buffer and ``os.fsync`` the data to the disk;
3. ``os.replace`` the temporary file onto the target (atomic on POSIX and Windows);
4. fsync the folder so the rename itself survives a power cut (best effort).

If anything fails before step 3 (full disk, an exception while serializing, Ctrl+C),
the temporary file is removed and the target is exactly as it was. A symbolic link is
written through: its target gets the new content and the link stays a link.

A process killed between steps 1 and 3 leaves its temporary file behind (hidden, up to
the size of the file being written); :func:`clean_stale` removes such leftovers, only
those with our own names and only old ones, when the app starts.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

#: Age after which a leftover temporary file is surely not being written any more.
STALE_SECONDS = 3600
#: Our temporary names: "." + target name + "." + mkstemp's 8 random characters + suffix,
#: for the kinds of file the app writes (a user's ".backup.20240101.tmp" is not one).
_TMP_NAME = re.compile(r"\..+(\.(annproj|json|csv|npz|onnx|zip|png|svg)|-weights)"
                       r"\.[a-z0-9_]{8}\.(tmp|old)\Z")


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "wb",
                 encoding: str | None = None, newline: str | None = None) -> Iterator:
    """Open a temporary file for writing; on success it replaces ``path``.

        with atomic_write("out.json", "w", encoding="utf-8") as f:
            f.write(text)
    """
    if mode not in ("wb", "w"):
        raise ValueError(f"atomic_write mode must be 'wb' or 'w', not {mode!r}")
    target = _through_links(Path(path))
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, mode, encoding=encoding, newline=newline) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        _keep_permissions(target, tmp)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_folder(folder)


def write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Atomically replace ``path`` with ``data``."""
    with atomic_write(path, "wb") as f:
        f.write(data)


def write_text(path: str | os.PathLike, text: str) -> None:
    """Atomically replace ``path`` with UTF-8 ``text``."""
    write_bytes(path, text.encode("utf-8"))


@contextlib.contextmanager
def atomic_folder(path: str | os.PathLike) -> Iterator[Path]:
    """Fill a temporary folder; on success it takes the place of folder ``path``.

    An existing folder at ``path`` is moved aside first and deleted only after the new
    one is in place, so a failure leaves either the old folder or the new one, never a mix.
    """
    target = _through_links(Path(path))
    parent = target.parent if str(target.parent) else Path(".")
    if target.exists() and not target.is_dir():
        raise NotADirectoryError(f"{target} exists and is not a folder")
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent))
    try:
        yield tmp
        for f in tmp.iterdir():
            if f.is_file():
                with open(f, "rb") as fh:
                    os.fsync(fh.fileno())
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=parent))
            os.replace(target, old / "x")
        try:
            os.replace(tmp, target)
        except BaseException:
            if old is not None:
                os.replace(old / "x", target)
            raise
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _fsync_folder(parent)


def _through_links(path: Path) -> Path:
    """The file a (chain of) symbolic link(s) points to; ``path`` itself otherwise.
    Replacing the link would turn it into a plain file and leave its target unchanged."""
    if not path.is_symlink():
        return path
    return Path(os.path.realpath(path))


def is_temporary(name: str) -> bool:
    """Whether ``name`` is one of the temporary names this module makes."""
    return bool(_TMP_NAME.match(name))


def clean_stale(folders: Iterable[str | os.PathLike],
                older_than: float = STALE_SECONDS) -> list[Path]:
    """Remove leftovers of interrupted writes in ``folders``: only entries with our own
    temporary names (``.name.XXXXXXXX.tmp`` / ``.old``) last changed more than
    ``older_than`` seconds ago. Returns what was removed; errors are ignored."""
    removed = []
    now = time.time()
    for folder in folders:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            try:
                if not is_temporary(entry.name) or entry.is_symlink() or \
                        now - entry.stat().st_mtime < older_than:
                    continue
                if entry.is_dir():
                    shutil.rmtree(entry.path)
                else:
                    os.unlink(entry.path)
                removed.append(Path(entry.path))
            except OSError:
                continue
    return removed


def _keep_permissions(target: Path, tmp: Path) -> None:
    """mkstemp makes 0600 files; give the new file the old one's mode, or the usual 0644."""
    try:
        mode = target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_UMASK
        os.chmod(tmp, mode)
    except OSError:
        pass


def _read_umask() -> int:
    mask = os.umask(0o022)  # the only way to read it; done once, at import
    os.umask(mask)
    return mask


_UMASK = _read_umask()


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
