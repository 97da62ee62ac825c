"""Small pure parts of the runtime: key combinations, QEMU run states, outcomes, run files."""

from __future__ import annotations

import pytest

from kvmgui.core.paths import VmRuntimePaths
from kvmgui.runtime.keys import QCODES, KeyNameError, parse_combo
from kvmgui.runtime.outcome import Outcome
from kvmgui.runtime.runfiles import (
    LastExit,
    RunMeta,
    clear_last_exit,
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
