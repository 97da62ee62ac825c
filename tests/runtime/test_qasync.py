"""The runtime on the GUI's event loop (qasync's QEventLoop), as the app runs it.

pidfd readers, qemu.qmp's streams and the runtime's tasks must all work on Qt's event loop,
not only on asyncio's default one.
"""

from __future__ import annotations

import asyncio
import os
import signal
from typing import Any

import pytest

from kvmgui.runtime.events import RuntimeEvent
from kvmgui.runtime.manager import VmManager
from kvmgui.runtime.state import VmState
from tests.runtime.helpers import RunEnv, create_vm, settings_for_tests, tiny_spec

qasync = pytest.importorskip("qasync")

pytestmark = pytest.mark.qemu


def test_start_events_and_crash_under_qasync(
    qapp: Any, run_env: RunEnv, host_env: tuple[Any, Any]
) -> None:
    create_vm(run_env, tiny_spec("qt"))
    host, caps = host_env
    seen: list[RuntimeEvent] = []

    async def scenario() -> tuple[str, str]:
        manager = VmManager(run_env.paths, settings_for_tests(), store=run_env.store,
                            host=host, caps=caps, sample_stats=False)
        manager.subscribe(seen.append)
        await manager.open()
        try:
            vm = manager.get("qt")
            assert (await vm.start()).ok
            assert (await vm.pause()).ok
            for _ in range(50):
                if vm.state is VmState.PAUSED:
                    break
                await asyncio.sleep(0.05)
            assert vm.pid is not None
            os.kill(vm.pid, signal.SIGKILL)  # noticed through the pidfd, on Qt's loop
            for _ in range(100):
                if vm.state is VmState.CRASHED:
                    break
                await asyncio.sleep(0.05)
            return vm.state.value, vm.reason
        finally:
            await manager.close()

    loop = qasync.QEventLoop(qapp)
    try:
        state, reason = loop.run_until_complete(scenario())
    finally:
        loop.close()
    assert (state, reason) == ("crashed", "QEMU was killed by signal 9 (SIGKILL).")
    states = [getattr(e, "state", None) for e in seen]
    assert [s for s in states if s is not None] == [
        VmState.STARTING, VmState.RUNNING, VmState.PAUSED, VmState.CRASHED]
