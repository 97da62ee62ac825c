"""The small JSON files in a VM's runtime folder that let any process find and explain a VM.

- meta.json: written (atomically) before QEMU is launched: which VM, which definition, the
  argv, when, with which accelerator, and where in the QEMU log this run starts. A process that
  reattaches later reads it to show the uptime, the accelerator and the display address.
- last-exit.json: how the last run ended (state and reason), written by whoever watched it
  end, so `kvmgui-cli status` can still say "crashed: QEMU was killed by signal 9" afterwards.
  The reason is kept as English text and as its message (template and values), so the window
  that reads it later still shows it in the user's language.

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
from kvmgui.core.messages import Capitalised, Joined, Message, Template, capitalised, joined
from kvmgui.core.paths import AppPaths, VmRuntimePaths
from kvmgui.core.printable import escape_controls
from kvmgui.core.sizes import Size
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
    data: dict[str, Any] = asdict(last)
    if isinstance(last.reason, Message):
        data["reason_message"] = _message_data(last.reason)
    with contextlib.suppress(OSError):
        write_atomic(last_exit_file(run), json.dumps(data).encode())


def read_last_exit(run: VmRuntimePaths) -> LastExit | None:
    data = _read_json(last_exit_file(run))
    if data is None:
        return None
    try:
        last = LastExit(**_known(LastExit, data))
    except TypeError:
        return None
    message = _message_from(data.get("reason_message"))
    # The message is only used when it still says what the English text says.
    if message is not None and str(message) == last.reason:
        return LastExit(last.state, message, last.details, last.at)
    return last


# A Message as JSON: {"context", "template", "values"}, a Joined as {"separator": [context,
# text], "parts"}, a Capitalised as {"capitalised": message}; a Size value as {"size": n}.


def _message_data(text: str) -> Any:
    if isinstance(text, Capitalised):
        return {"capitalised": _message_data(text.inner)}
    if isinstance(text, Joined):
        return {"separator": [text.separator.context, text.separator.text],
                "parts": [_message_data(p) for p in text.parts]}
    if isinstance(text, Message):
        return {"context": text.context, "template": text.template,
                "values": {k: _value_data(v) for k, v in text.values.items()}}
    return str(text)


def _value_data(value: object) -> Any:
    if isinstance(value, Size):
        return {"size": int(value)}
    if isinstance(value, str):
        return _message_data(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return str(value)


def _message_from(data: Any) -> str | None:
    """The message `data` describes (its strings made printable), or None when it is not one."""
    try:
        return _rebuilt(data)
    except (TypeError, ValueError, KeyError, AttributeError):
        return None


def _rebuilt(data: Any) -> str:
    if isinstance(data, str):
        return printable(data)
    if not isinstance(data, dict):
        raise TypeError("not a message")
    if "capitalised" in data:
        inner = _rebuilt(data["capitalised"])
        if not isinstance(inner, Message):
            raise TypeError("not a message")
        return capitalised(inner)
    if "parts" in data:
        context, text = data["separator"]
        separator = Template(printable(str(context)), printable(str(text)))
        return joined([_rebuilt(p) for p in data["parts"]], separator)
    template = Template(printable(str(data["context"])), printable(str(data["template"])))
    values = {str(k): _value_from(v) for k, v in dict(data["values"]).items()}
    return Message(template, **values)


def _value_from(data: Any) -> object:
    if isinstance(data, dict) and set(data) == {"size"}:
        return Size(int(data["size"]))
    if isinstance(data, int | float) and not isinstance(data, bool):
        return data
    return _rebuilt(data)


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
