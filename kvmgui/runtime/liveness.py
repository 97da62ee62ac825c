"""Is a VM running? Decided by what really holds its files, not only by its runtime folder.

A runtime folder can be out of sight (a `su`, ssh or cron shell has another XDG_RUNTIME_DIR,
or none; logging out removes /run/user/UID) or removed while its QEMU runs. So a VM counts as
running when any QEMU process of this user names it on its command line: kvmgui's QEMU has
`-pidfile <runtime>/<key>/qemu.pid`, where <key> is the VM's whole id (core.paths.runtime_key),
the same whichever runtime folder the session that started it used. Versions before used the
first 12 characters of the id; such a QEMU is matched by that prefix, confirmed by the id in
its meta.json when the folder is still there.

The answer says where the QEMU's sockets are when a private folder of ours still holds them
(`run`), so a caller can reattach; `run` None means it runs out of reach (another session).

Disks are the other thing a QEMU holds: `locked_disks` says which image files some process has
locked (QEMU locks every image it opens), for refusing to delete a disk in use.
"""

from __future__ import annotations

import fcntl
import os
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kvmgui.core.paths import LEGACY_KEY_LEN, AppPaths, VmRuntimePaths, runtime_key
from kvmgui.runtime import process
from kvmgui.runtime.runfiles import read_meta

PIDFILE_NAME = "qemu.pid"


@dataclass(frozen=True)
class QemuProcess:
    """A live QEMU of this user and the runtime folder named by its -pidfile."""

    pid: int
    run_dir: Path


@dataclass(frozen=True)
class RunningQemu:
    pid: int
    run: VmRuntimePaths | None  # a private folder of ours holding its sockets; None: unreachable

    @property
    def reachable(self) -> bool:
        return self.run is not None


def _pidfile_of(args: list[str]) -> Path | None:
    for i, arg in enumerate(args):
        if arg in ("-pidfile", "--pidfile") and i + 1 < len(args):
            return Path(args[i + 1])
        for prefix in ("-pidfile=", "--pidfile="):
            if arg.startswith(prefix):
                return Path(arg[len(prefix):])
    return None


def _is_ours(pid: int) -> bool:
    try:
        return os.stat(f"/proc/{pid}").st_uid == os.getuid()
    except OSError:
        return False


def qemu_of(pid: int) -> QemuProcess | None:
    """`pid` as a live QEMU of this user with a pidfile, else None."""
    if not _is_ours(pid) or not process.is_alive(pid):
        return None
    args = process.proc_cmdline(pid)
    if not args or "qemu" not in os.path.basename(args[0]):
        return None
    pidfile = _pidfile_of(args)
    if pidfile is None or pidfile.name != PIDFILE_NAME:
        return None
    return QemuProcess(pid, pidfile.parent)


def scan() -> list[QemuProcess]:
    """Every live QEMU of this user that has a pidfile (one pass over /proc)."""
    found = []
    try:
        entries = os.listdir("/proc")
    except OSError:
        return []
    for entry in entries:
        if entry.isdigit():
            qemu = qemu_of(int(entry))
            if qemu is not None:
                found.append(qemu)
    return found


def _safe(run: VmRuntimePaths) -> bool:
    try:
        return process.check_run_folder(run)
    except (process.UnsafeRuntimeDir, OSError):
        return False


def names_vm(qemu: QemuProcess, vm_id: str) -> bool:
    """Does this QEMU run the VM `vm_id`?"""
    key = runtime_key(vm_id)
    if qemu.run_dir.name == key:
        return True
    legacy = vm_id[:LEGACY_KEY_LEN]
    if qemu.run_dir.name != legacy or legacy == key:
        return False
    # A QEMU of the previous version: its folder name is shared by every id with this prefix,
    # so its meta.json says which VM it is; without the folder it counts (better to refuse a
    # delete than to remove a disk in use).
    run = VmRuntimePaths(qemu.run_dir)
    meta = read_meta(run) if _safe(run) else None
    return meta is None or meta.vm_id == vm_id


def _reachable(qemu: QemuProcess) -> VmRuntimePaths | None:
    run = VmRuntimePaths(qemu.run_dir)
    if not _safe(run):
        return None
    if not (run.qmp_socket.exists() or run.qmp_cli_socket.exists()):
        return None
    return run


def find_running(paths: AppPaths, vm_id: str,
                 qemus: Iterable[QemuProcess] | None = None) -> RunningQemu | None:
    """The QEMU running this VM, started from any session, or None.

    Its own runtime folder comes first (the pidfile, verified); then the folder of the
    previous version; then every QEMU of this user (`qemus`: a scan made by the caller, to
    share one pass over /proc between many VMs). Raises process.UnsafeRuntimeDir when the
    VM's runtime folder is not private to us: nothing in it is read then.
    """
    home = paths.vm_runtime(vm_id)
    if process.check_run_folder(home):
        pid = process.find_vm_pid(home)
        if pid is not None:
            return RunningQemu(pid, home)
    legacy = paths.legacy_vm_runtime(vm_id)
    if legacy is not None and _safe(legacy):
        pid = process.find_vm_pid(legacy)
        meta = read_meta(legacy) if pid is not None else None
        if pid is not None and (meta is None or meta.vm_id == vm_id):
            return RunningQemu(pid, legacy)
    for qemu in scan() if qemus is None else qemus:
        if names_vm(qemu, vm_id):
            return RunningQemu(qemu.pid, _reachable(qemu))
    return None


def is_vm_qemu(pid: int, vm_id: str) -> bool:
    """True when `pid` is (still) a live QEMU of ours running the VM `vm_id`."""
    qemu = qemu_of(pid)
    return qemu is not None and names_vm(qemu, vm_id)


def vm_pid(vm_id: str, paths: AppPaths | None = None) -> int | None:
    """The pid of the VM's QEMU, or None. A runtime folder that is not private to us counts
    as "not known to run" here; callers that act on the VM use find_running, which says so."""
    paths = paths or AppPaths.from_env()
    try:
        found = find_running(paths, vm_id)
    except (process.UnsafeRuntimeDir, OSError):
        found = find_running_anywhere(vm_id)
    return found.pid if found is not None else None


def find_running_anywhere(vm_id: str) -> RunningQemu | None:
    """Like find_running without looking into any runtime folder: the process scan only."""
    for qemu in scan():
        if names_vm(qemu, vm_id):
            return RunningQemu(qemu.pid, None)
    return None


def vm_is_running(vm_id: str, paths: AppPaths | None = None) -> bool:
    return vm_pid(vm_id, paths) is not None


# -- disk locks ------------------------------------------------------------------------------

# QEMU's image locking (raw-posix): one byte per permission at 100+ ("I use it") and at 200+
# ("I do not share it"); any lock in that range means some QEMU or qemu-img has the image open.
_LOCK_START = 100
_LOCK_LEN = 200
_OFD_GETLK = getattr(fcntl, "F_OFD_GETLK", 36)


def is_locked(path: Path) -> bool:
    """True when some process holds a QEMU image lock on `path` (F_OFD_GETLK only asks: it
    never takes a lock, so it cannot make a QEMU starting at the same moment fail)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC | os.O_NOFOLLOW)
    except OSError:
        return False
    try:
        # struct flock: l_type, l_whence, (pad), l_start, l_len, l_pid, (pad).
        query = struct.pack("hhxxxxqqixxxx", fcntl.F_WRLCK, os.SEEK_SET, _LOCK_START,
                            _LOCK_LEN, 0)
        try:
            answer = fcntl.fcntl(fd, _OFD_GETLK, query)
        except OSError:
            return False
        l_type = struct.unpack("hhxxxxqqixxxx", answer)[0]
        return bool(l_type != fcntl.F_UNLCK)
    finally:
        os.close(fd)


def locked_disks(disks: Iterable[Path]) -> list[Path]:
    """The image files among `disks` that a process holds open (locked)."""
    return [d for d in disks if d.is_file() and is_locked(d)]
