"""The small JSON files in a VM's runtime folder that let any process find and explain a VM.

- meta.json: written (atomically) before QEMU is launched: which VM, which definition, the
  argv, when, with which accelerator, and where in the QEMU log this run starts. A process that
  reattaches later reads it to show the uptime, the accelerator and the display address.
- last-exit.json: how the last run ended (state and reason), written by whoever watched it
  end, so `kvmgui-cli status` can still say "crashed: QEMU was killed by signal 9" afterwards.

Both are read only from a runtime folder that passes the private-folder gate
(process.check_run_folder), and every string read back goes through `printable`, so text a
QEMU, a guest or anyone else put there never reaches a terminal as control characters.
"""

from __future__ import annotations

import contextlib
import json
import shutil
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from kvmgui.core.atomic import write_atomic
from kvmgui.core.paths import AppPaths, VmRuntimePaths
from kvmgui.core.printable import escape_controls
from kvmgui.runtime.process import UnsafeRuntimeDir, check_run_folder

META_VERSION = 1
LAST_EXIT_FILE = "last-exit.json"


@dataclass(frozen=True)
class RunMeta:
    vm_id: str
    name: str
    definition: str
    argv: list[str] = field(default_factory=list)
    started_at: float = 0.0  # wall clock (time.time())
    accel: str = ""
    display: str | None = None  # vnc+unix:///… / spice+unix:///…
    qemu_log: str = ""
    log_offset: int = 0  # where this run's output starts in qemu_log
    launcher_pid: int = 0
    version: int = META_VERSION


@dataclass(frozen=True)
class LastExit:
    state: str
    reason: str
    details: str = ""
    at: float = 0.0


# Bidirectional overrides reorder what a terminal shows without being "control characters"
# (category Cf); they are escaped too.
def printable(text: str) -> str:
    """`text` with control characters written as escapes (\\x1b, \\u202e): the one function
    through which the runtime passes text from its runtime files (line breaks and tabs of
    QEMU's messages are kept)."""
    return escape_controls(text, multiline=True)


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        if not check_run_folder(VmRuntimePaths(path.parent)):
            return None
        data = json.loads(path.read_bytes())
    except (OSError, ValueError, UnsafeRuntimeDir):
        return None
    return data if isinstance(data, dict) else None


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    names = {f.name for f in fields(cls)}
    return {k: _clean(v) for k, v in data.items() if k in names}


def write_meta(run: VmRuntimePaths, meta: RunMeta) -> None:
    write_atomic(run.meta_file, json.dumps(asdict(meta), indent=1).encode())


def read_meta(run: VmRuntimePaths) -> RunMeta | None:
    data = _read_json(run.meta_file)
    if data is None:
        return None
    try:
        return RunMeta(**_known(RunMeta, data))
    except TypeError:
        return None


def last_exit_file(run: VmRuntimePaths) -> Path:
    return run.dir / LAST_EXIT_FILE


def write_last_exit(run: VmRuntimePaths, last: LastExit) -> None:
    with contextlib.suppress(OSError):
        write_atomic(last_exit_file(run), json.dumps(asdict(last)).encode())


def read_last_exit(run: VmRuntimePaths) -> LastExit | None:
    data = _read_json(last_exit_file(run))
    if data is None:
        return None
    try:
        return LastExit(**_known(LastExit, data))
    except TypeError:
        return None


def clear_last_exit(run: VmRuntimePaths) -> None:
    with contextlib.suppress(FileNotFoundError):
        last_exit_file(run).unlink()


def remove_runtime_dir(paths: AppPaths, vm_id: str) -> None:
    """Remove a deleted VM's runtime folder (its last-exit record, stale sockets, the lock), so
    nothing of it is left under the runtime directory. Never while a QEMU of that VM runs, and
    never through a symbolic link."""
    from kvmgui.runtime.process import find_vm_pid

    run = paths.vm_runtime(vm_id)
    folder = run.dir
    if folder.parent != paths.runtime_dir or folder.is_symlink() or not folder.is_dir():
        return
    if find_vm_pid(run) is not None:
        return
    shutil.rmtree(folder, ignore_errors=True)
