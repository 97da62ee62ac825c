"""What a killed kvmgui leaves behind, and how the next operation recognises and removes it.

A SIGKILL (or a power cut) stops an operation before its `finally` blocks run, so the hidden
temporary image it was writing, or the half-made folder of a VM it was creating, stays on
disk. Such leftovers carry the identity of the process that made them (its *owner token*):

    <pid>-<start>-<boot>    the pid, the process's start time in clock ticks since boot
                            (field 22 of /proc/PID/stat) and 8 hex digits naming the boot
                            and the pid namespace (a pid means nothing in another one)

A leftover is stale only when its owner is provably gone: same boot, and no process with that
pid and that start time exists. A pid alone is not enough (pids are reused, and a reused pid
would keep a leftover forever); the start time makes the identity exact. A token from another
boot or pid namespace is from a previous boot, a container, or another machine sharing the
folder (a home folder on a network file system), which cannot be told apart: such a file is only
removed once nothing has written to it for STALE_FOREIGN_S. So a concurrent operation's
temporary file, in this process or in another one, is never removed.

Temporary images are named `.<target name>.<token>-<random>.kvmgui-tmp` (the name of the
file they will become is kept readable, so a person can tell what a leftover was).
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import shutil
import stat
import time
from pathlib import Path

TMP_SUFFIX = ".kvmgui-tmp"
INCOMPLETE_PREFIX = ".kvmgui-incomplete-"
STALE_FOREIGN_S = 24 * 3600.0

_TOKEN = r"(?P<pid>[0-9]+)-(?P<start>[0-9]+)-(?P<boot>[0-9a-f]{8})"
_TMP_RE = re.compile(r"^\..+\." + _TOKEN + r"-[0-9a-f]{8}" + re.escape(TMP_SUFFIX) + r"$")
_LEGACY_TMP_RE = re.compile(r"^\..+\.[0-9a-f]{8}" + re.escape(TMP_SUFFIX) + r"$")
_MARKER_RE = re.compile("^" + re.escape(INCOMPLETE_PREFIX) + _TOKEN + "$")


@functools.cache
def _boot_id() -> str:
    """8 hex digits naming this boot of this machine and this pid namespace."""
    parts = []
    with contextlib.suppress(OSError):
        parts.append(Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip())
    with contextlib.suppress(OSError):
        parts.append(os.readlink("/proc/self/ns/pid"))
    import hashlib  # see temp_name_for

    return hashlib.sha256("/".join(parts).encode()).hexdigest()[:8]


def proc_stat_field(pid: int, field: int) -> bytes | None:
    """Field `field` (3 or more, numbered from 1 as in proc(5)) of /proc/<pid>/stat; None
    when there is no such process.

    Here rather than in the runtime because the store, which may do I/O, needs a process's
    start time to tell its leftovers from another writer's; the runtime reads its other fields.
    """
    try:
        raw = Path(f"/proc/{pid}/stat").read_bytes()
    except OSError:
        return None
    # The command name (field 2) is in parentheses and may itself hold spaces or ')'.
    fields = raw[raw.rfind(b")") + 2:].split()
    return fields[field - 3] if 3 <= field < len(fields) + 3 else None


def proc_stat_number(pid: int, field: int) -> int | None:
    """proc_stat_field as a number; None also when that field is not one."""
    value = proc_stat_field(pid, field)
    return int(value) if value is not None and value.isdigit() else None


def _start_time(pid: int) -> int | None:
    """The start time of process `pid` in clock ticks since boot; None when there is none."""
    return proc_stat_number(pid, 22)


@functools.cache
def _own_token() -> tuple[int, str]:
    pid = os.getpid()
    return pid, f"{pid}-{_start_time(pid) or 0}-{_boot_id()}"


def owner_token() -> str:
    """This process's identity, to put in the name of what it may leave behind."""
    pid, token = _own_token()
    if pid != os.getpid():  # a forked child is another owner
        _own_token.cache_clear()
        pid, token = _own_token()
    return token


def owner_gone(pid: int, start: int, boot: str) -> bool | None:
    """True when the owner is certainly gone, False when it runs, None when unknowable here."""
    if boot != _boot_id():
        return None
    now = _start_time(pid)
    return now is None or now != start


def temp_name_for(target: Path) -> Path:
    """A fresh hidden temp name next to `target` (same folder: the final rename is atomic)."""
    # Imported on the first write: secrets and hashlib load OpenSSL's digests (0.7 MiB
    # resident), which an app that only lists VMs never needs.
    import secrets

    while True:
        candidate = target.parent / (
            f".{target.name}.{owner_token()}-{secrets.token_hex(4)}{TMP_SUFFIX}"
        )
        if not os.path.lexists(candidate):
            return candidate


def _stale(gone: bool | None, path: Path) -> bool:
    if gone is not None:
        return gone
    try:
        return time.time() - os.lstat(path).st_mtime >= STALE_FOREIGN_S
    except OSError:
        return False


def _entries(folder: Path) -> list[os.DirEntry[str]]:
    """What `folder` holds, or nothing when it cannot be read (a sweep is best effort)."""
    try:
        return list(os.scandir(folder))
    except OSError:
        return []


def sweep_temp_files(folder: Path) -> list[Path]:
    """Remove the kvmgui temp images in `folder` whose writer is gone; returns what went.

    Only regular files named by temp_name_for (or by older kvmgui versions, which did not
    record their writer: those only once untouched for STALE_FOREIGN_S) are considered.
    """
    removed: list[Path] = []
    for entry in _entries(folder):
        name = entry.name
        if not name.endswith(TMP_SUFFIX):
            continue
        m = _TMP_RE.match(name)
        if m is not None:
            gone = owner_gone(int(m["pid"]), int(m["start"]), m["boot"])
        elif _LEGACY_TMP_RE.match(name):
            gone = None
        else:
            continue
        path = Path(entry.path)
        try:
            if not stat.S_ISREG(entry.stat(follow_symlinks=False).st_mode):
                continue
        except OSError:
            continue
        if _stale(gone, path):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path)
    return removed


# ------------------------------------------------------------------------------ incomplete VMs


def mark_incomplete(folder: Path) -> Path:
    """Create the marker saying `folder` is still being made by this process."""
    marker = folder / f"{INCOMPLETE_PREFIX}{owner_token()}"
    fd = os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    os.close(fd)
    return marker


def incomplete_markers(folder: Path) -> list[Path]:
    """The markers in `folder` (normally none, or the one its creator made)."""
    return [Path(e.path) for e in _entries(folder) if e.name.startswith(INCOMPLETE_PREFIX)]


def is_incomplete(folder: Path) -> bool:
    return bool(incomplete_markers(folder))


def abandoned(folder: Path) -> bool:
    """True when `folder` is marked incomplete and every creator that marked it is gone."""
    markers = incomplete_markers(folder)
    if not markers:
        return False
    for marker in markers:
        m = _MARKER_RE.match(marker.name)
        if m is None:
            return False
        if not _stale(owner_gone(int(m["pid"]), int(m["start"]), m["boot"]), marker):
            return False
    return True


def remove_abandoned(root: Path) -> list[Path]:
    """Remove the folders in `root` whose creation was abandoned (see `abandoned`).

    Such a folder was made by an exclusive mkdir of its creator and never shown as a VM, so
    everything in it is that creator's unfinished work. Symbolic links are never followed.
    """
    removed: list[Path] = []
    for entry in _entries(root):
        try:
            if entry.name.startswith(".") or not entry.is_dir(follow_symlinks=False):
                continue
        except OSError:
            continue
        folder = Path(entry.path)
        if abandoned(folder):
            shutil.rmtree(folder, ignore_errors=True)
            if not os.path.lexists(folder):
                removed.append(folder)
    return removed
