"""The QMP socket closing in the middle of a command (issue 8, faults).

To catch the command in flight for sure, QEMU is frozen first (SIGSTOP: it accepts nothing and
answers nothing), the action is sent, and then QEMU is killed (SIGKILL): the monitor connection
closes under the waiting command. The action must come back (no hang) with a failed Outcome and
a sentence, the VM must end up crashed with the reason, and nothing may be left behind.
"""

from __future__ import annotations

import asyncio
import os
import signal
import time
from pathlib import Path

import pytest

from kvmgui.runtime.manager import VmManager
from kvmgui.runtime.outcome import Outcome
from kvmgui.runtime.state import VmState
from tests.faults.checks import assert_clean_end
from tests.runtime.helpers import EventLog, RunEnv, create_vm, tiny_spec

pytestmark = [pytest.mark.qemu]

IN_FLIGHT_S = 0.5


@pytest.mark.asyncio
@pytest.mark.parametrize("action", ["screenshot", "send_keys", "eject"])
async def test_monitor_closes_while_a_command_waits(
    run_env: RunEnv, manager: VmManager, events: EventLog, tmp_path: Path, action: str
) -> None:
    create_vm(run_env, tiny_spec("cut"))
    await manager.reload()
    vm = manager.get("cut")
    assert (await vm.start()).ok
    pid = vm.pid
    assert pid is not None
    os.kill(pid, signal.SIGSTOP)
    try:
        calls = {
            "screenshot": lambda: vm.screenshot(tmp_path / "shot.png"),
            "send_keys": lambda: vm.send_keys(["ctrl-alt-delete"]),
            "eject": lambda: vm.eject(),
        }
        task: asyncio.Future[Outcome] = asyncio.ensure_future(calls[action]())
        await asyncio.sleep(IN_FLIGHT_S)
        assert not task.done(), task.result()  # really waiting on QEMU
    finally:
        os.kill(pid, signal.SIGKILL)
    started = time.monotonic()
    outcome = await asyncio.wait_for(task, 15)
    assert time.monotonic() - started < 5, "the action noticed the lost monitor late"
    assert not outcome.ok
    assert outcome.message[0].isupper() and outcome.message.endswith("."), outcome
    assert "monitor" in outcome.message
    await events.wait_for(lambda: vm.state is VmState.CRASHED, 10)
    assert "signal 9 (SIGKILL)" in vm.reason
    assert not (tmp_path / "shot.png").exists()
    run = run_env.paths.vm_runtime(vm.vm_id)
    assert [p.name for p in run.dir.glob("screendump-*")] == []
    await assert_clean_end(run)
    # The next action says plainly that it is not running.
    again = await vm.pause()
    assert not again.ok and again.code == "not-running"
