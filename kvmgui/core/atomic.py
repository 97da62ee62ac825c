"""Crash-safe file writes: a reader sees the old file or the new one, never a mix.

The recipe (git-cola's settings, qutebrowser's config): write a temp file in the same folder,
fsync it, rename it over the target, fsync the folder so the rename itself survives a power
cut. os.replace is atomic within one filesystem, which is why the temp file must live next to
the target and not in /tmp.

A SIGKILL between "create temp" and "rename" leaves a stray temp file but never a damaged
target; `remove_stale_temps` tidies those up later.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import time
from pathlib import Path

from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message

_TEMP_SUFFIX = ".tmp"


def _temp_prefix(path: Path) -> str:
    # Hidden, and named after the target so a stray one is easy to attribute.
    return f".{path.name}."


def fsync_dir(directory: Path) -> None:
    """Make a rename or create in `directory` durable (best effort where unsupported)."""
    try:
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        # Some filesystems (and FUSE mounts) refuse fsync on a directory; the data is safe.
        if exc.errno not in (errno.EINVAL, errno.EBADF, errno.ENOTSUP):
            raise
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes, mode: int = 0o600, *, overwrite: bool = True) -> None:
    """Replace `path` with `data` atomically and durably.

    With overwrite=False the target must not exist: FileExistsError is raised instead of
    replacing it (the check and the creation are one atomic step via a hard link).
    On any failure the temp file is removed and the old target, if any, is untouched.
    """
    directory = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=_TEMP_SUFFIX, dir=directory)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as f:
            os.fchmod(f.fileno(), mode)
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            _link_new(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    fsync_dir(directory)


def _link_new(tmp: Path, path: Path) -> None:
    """Give the finished temp file the name `path`, failing if that name is taken."""
    try:
        os.link(tmp, path)
    except OSError as exc:
        # Filesystems without hard links (vfat, some FUSE): check, then rename. The window
        # between the two is tiny and only matters against a concurrent creator.
        if exc.errno in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
            if os.path.lexists(path):
                raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path)) from exc
            os.replace(tmp, path)
            return
        raise
    tmp.unlink()


def stale_temps(path: Path, older_than_s: float = 600.0) -> list[Path]:
    """Temp files left next to `path` by writers that were killed, older than `older_than_s`."""
    now = time.time()
    found: list[Path] = []
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return found
    prefix = _temp_prefix(path)
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(_TEMP_SUFFIX)):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        # The age guard keeps us from deleting the temp file of a writer still at work.
        if now - st.st_mtime >= older_than_s:
            found.append(Path(entry.path))
    return found


def remove_stale_temps(path: Path, older_than_s: float = 600.0) -> list[Path]:
    """Delete what `stale_temps` finds; returns the files removed."""
    removed: list[Path] = []
    for tmp in stale_temps(path, older_than_s):
        with contextlib.suppress(OSError):
            tmp.unlink()
            removed.append(tmp)
    return removed


def read_small_regular_file(path: Path, limit: int, *, follow_links: bool = True) -> bytes:
    """Read at most `limit` + 64 KiB of a regular file, never blocking and never hanging.

    O_NONBLOCK: a FIFO put in place of a file must not hang the app at start; anything that is
    not a regular file raises OSError(EINVAL). With follow_links=False a symbolic link raises
    OSError(ELOOP) instead of being read through. Callers compare the length to `limit` to
    report a file that is too large.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | (0 if follow_links else os.O_NOFOLLOW)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, Message(
                QT_TRANSLATE_NOOP("core.atomic", "not a regular file"),
            ), str(path))
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
