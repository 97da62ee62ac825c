"""Small pure parts of the runtime: key combinations, QEMU run states, outcomes, run files."""

from __future__ import annotations

import json

import pytest

from kvmgui.core.messages import (
    QT_TRANSLATE_NOOP,
    SENTENCE,
    Capitalised,
    Joined,
    Message,
    capitalised,
    joined,
)
from kvmgui.core.paths import VmRuntimePaths
from kvmgui.core.sizes import Size
from kvmgui.runtime.exits import exit_verdict
from kvmgui.runtime.keys import QCODES, KeyNameError, parse_combo
from kvmgui.runtime.outcome import Outcome
from kvmgui.runtime.process import ExitStatus
from kvmgui.runtime.runfiles import (
    LastExit,
    RunMeta,
    clear_last_exit,
    last_exit_file,
    read_last_exit,
    read_meta,
    write_last_exit,
    write_meta,
)
from kvmgui.runtime.state import VmState, from_qmp_status
from tests.runtime.helpers import short_tmp


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("ctrl-alt-delete", ["ctrl", "alt", "delete"]),
        ("Ctrl+Alt+Del", ["ctrl", "alt", "delete"]),
        ("ctrl-alt-f2", ["ctrl", "alt", "f2"]),
        ("alt-F4", ["alt", "f4"]),
        ("ret", ["ret"]),
        ("Enter", ["ret"]),
        ("super", ["meta_l"]),
        ("ctrl--", ["ctrl", "minus"]),
        ("-", ["minus"]),
        ("shift-a", ["shift", "a"]),
        ("ctrl-alt-backspace", ["ctrl", "alt", "backspace"]),
    ],
)
def test_parse_combo(text: str, keys: list[str]) -> None:
    assert parse_combo(text) == keys
    assert all(k in QCODES for k in keys)


@pytest.mark.parametrize("text", ["", "ctrl-alt-dlete", "hyper"])
def test_bad_keys_are_explained(text: str) -> None:
    with pytest.raises(KeyNameError) as err:
        parse_combo(text)
    assert str(err.value).endswith(".")


@pytest.mark.parametrize(
    ("status", "state", "reason_part"),
    [
        ("running", VmState.RUNNING, ""),
        ("paused", VmState.PAUSED, ""),
        ("prelaunch", VmState.PAUSED, "never resumed"),
        ("io-error", VmState.PAUSED, "disk reported an error"),
        ("guest-panicked", VmState.CRASHED, "crashed"),
        ("internal-error", VmState.CRASHED, "internal error"),
        ("shutdown", VmState.SHUTTING_DOWN, ""),
        ("suspended", VmState.PAUSED, "sleep"),
        ("brand-new-state", VmState.PAUSED, "brand-new-state"),
    ],
)
def test_qmp_run_states(status: str, state: VmState, reason_part: str) -> None:
    mapped = from_qmp_status(status)
    assert mapped.state is state
    assert reason_part in mapped.reason
    if not reason_part:
        assert mapped.reason == ""


def test_states() -> None:
    assert [s.value for s in VmState] == [
        "stopped", "starting", "running", "paused", "shutting-down", "crashed"]
    assert not VmState.STOPPED.is_active and not VmState.CRASHED.is_active
    assert VmState.SHUTTING_DOWN.is_active


def test_outcome() -> None:
    ok = Outcome.success("Started 'x'.", value=12)
    bad = Outcome.failure("'x' is already running.", code="already-running")
    assert ok and ok.value == 12 and not bad and bad.code == "already-running"


def test_run_files_round_trip() -> None:
    # Runtime files are read only from a private folder in a private parent, as kvmgui makes.
    root = short_tmp()
    root.chmod(0o700)
    (root / "vm").mkdir(mode=0o700)
    run = VmRuntimePaths(root / "vm")
    assert read_meta(run) is None and read_last_exit(run) is None
    meta = RunMeta(vm_id="a" * 32, name="x", definition="/d/vm.json", argv=["qemu"],
                   started_at=1.0, accel="tcg", display="vnc+unix:///r/vnc.sock", log_offset=5)
    write_meta(run, meta)
    assert read_meta(run) == meta
    run.meta_file.write_text('{"vm_id": "b", "name": "y", "definition": "", "future": 1}')
    assert read_meta(run) == RunMeta(vm_id="b", name="y", definition="")  # unknown keys ignored
    run.meta_file.write_text("not json")
    assert read_meta(run) is None
    write_last_exit(run, LastExit("crashed", "QEMU was killed by signal 9 (SIGKILL).", "", 2.0))
    assert read_last_exit(run) == LastExit("crashed", "QEMU was killed by signal 9 (SIGKILL).",
                                           "", 2.0)
    clear_last_exit(run)
    assert read_last_exit(run) is None


def test_a_last_exit_reason_keeps_its_message() -> None:
    """Read back later (another process, the app restarted), the reason is still a message the
    UI can translate: the same template, the same values."""
    root = short_tmp()
    root.chmod(0o700)
    (root / "vm").mkdir(mode=0o700)
    run = VmRuntimePaths(root / "vm")
    reason = exit_verdict(ExitStatus(signal=9), "", forced=False, panicked=False,
                          shutdown_reason=None).reason
    shown = joined([reason, capitalised(Message(QT_TRANSLATE_NOOP(
        "runtime.context", "the base image of {disk}"), disk=Size(3 << 30)))], SENTENCE)
    write_last_exit(run, LastExit("crashed", shown, "", 2.0))
    back = read_last_exit(run)
    assert back is not None and back.reason == shown
    assert isinstance(back.reason, Joined) and back.reason.parts[0] == reason
    first = back.reason.parts[0]
    assert isinstance(first, Message) and first.template == "{exit}."
    inner = first.values["exit"]
    assert isinstance(inner, Message) and inner.values == {"signal": 9, "name": "SIGKILL"}
    assert isinstance(back.reason.parts[1], Capitalised)
    assert back.reason.parts[1].values == {"disk": Size(3 << 30)}
    # A record whose message no longer says what its text says keeps the text alone.
    data = json.loads(last_exit_file(run).read_text())
    data["reason"] = "something else"
    last_exit_file(run).write_text(json.dumps(data))
    back = read_last_exit(run)
    assert back is not None and back.reason == "something else"
    assert not isinstance(back.reason, Message)
