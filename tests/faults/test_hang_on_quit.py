"""QEMU hanging when asked to quit: force off escalates to SIGKILL, in bounded time.

QEMU is frozen with SIGSTOP, so it answers neither the QMP `quit` nor SIGTERM (a stopped
process keeps SIGTERM pending); only SIGKILL ends it. The controller must notice that `quit`
gets no answer, escalate, and end stopped with a message, well before a user gives up.
"""

from __future__ import annotations

import os
import signal
import time

import pytest

from kvmgui.runtime.controller import HUNG_TERM_WAIT_S, QUIT_ANSWER_S
from kvmgui.runtime.manager import VmManager
from kvmgui.runtime.process import is_alive
from kvmgui.runtime.state import VmState
from tests.faults.checks import assert_clean_end
from tests.runtime.helpers import RunEnv, create_vm, tiny_spec

pytestmark = [pytest.mark.qemu]

# quit unanswered, SIGTERM ignored, then SIGKILL (which ends even a stopped process at once).
BOUND_S = QUIT_ANSWER_S + HUNG_TERM_WAIT_S + 3.0


@pytest.mark.asyncio
async def test_force_off_of_a_hung_qemu(run_env: RunEnv, manager: VmManager) -> None:
    create_vm(run_env, tiny_spec("frozen"))
    await manager.reload()
    vm = manager.get("frozen")
    assert (await vm.start()).ok
    pid = vm.pid
    assert pid is not None
    os.kill(pid, signal.SIGSTOP)
    started = time.monotonic()
    try:
        outcome = await vm.force_off()
    finally:
        if is_alive(pid):
            os.kill(pid, signal.SIGKILL)
    took = time.monotonic() - started
    assert outcome.ok, outcome
    assert "did not respond, so it was killed" in outcome.message
    assert took < BOUND_S, f"force off took {took:.1f} s"
    assert not is_alive(pid)
    assert vm.state is VmState.STOPPED and vm.reason == "It was forced off."
    await assert_clean_end(run_env.paths.vm_runtime(vm.vm_id))


@pytest.mark.asyncio
async def test_force_off_of_a_healthy_qemu_is_quick(run_env: RunEnv, manager: VmManager) -> None:
    """The control: a QEMU that answers quits by itself, with no signal and no wait."""
    create_vm(run_env, tiny_spec("healthy"))
    await manager.reload()
    vm = manager.get("healthy")
    assert (await vm.start()).ok
    started = time.monotonic()
    outcome = await vm.force_off()
    assert outcome.ok and outcome.message == "Turned 'healthy' off."
    assert time.monotonic() - started < QUIT_ANSWER_S
    assert vm.state is VmState.STOPPED
    await assert_clean_end(run_env.paths.vm_runtime(vm.vm_id))
