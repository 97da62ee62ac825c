"""VmController.type_text on the test guest under TCG, which echoes each line typed on its
console to the serial log as "KVMGUI-KEY: <line>"; the CPU-bound variant stands for a slow
guest that reads its keyboard late."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from kvmgui.runtime.manager import VmManager
from tests.runtime.helpers import RunEnv, create_vm, guest_spec, wait_for_serial_async

pytestmark = [pytest.mark.qemu, pytest.mark.slow, pytest.mark.asyncio]

BOOT_TIMEOUT_S = 240.0


async def wait_line(serial: Path, line: str) -> None:
    log = await wait_for_serial_async(serial, line, 30)
    assert line in log.splitlines(), log[-1500:]


async def test_a_busy_guest_reads_every_key(
    manager: VmManager, run_env: RunEnv, test_iso_busy: Path
) -> None:
    stored = create_vm(run_env, guest_spec("busy", test_iso_busy))
    await manager.reload()
    vm = manager.get("busy")
    assert (await vm.start()).ok
    serial = stored.folder.serial_log
    await wait_for_serial_async(serial, "KVMGUI-GUEST: ready", BOOT_TIMEOUT_S)

    lines = [f"Line {i}: The Quick Brown Fox Jumps Over The Lazy Dog ~!@#$%^&*()_+ {i}"
             for i in range(4)]
    progress: list[tuple[int, int]] = []
    typed = await vm.type_text("\r\n".join(lines) + "\r\n",
                               progress=lambda d, t: progress.append((d, t)))
    total = sum(len(line) + 1 for line in lines)
    assert typed.ok and typed.value == total, typed
    assert str(typed.message) == f"Typed {total} characters into 'busy'."
    assert progress[-1] == (total, total) and len(progress) == total
    for line in lines:
        await wait_line(serial, f"KVMGUI-KEY: {line}")

    # Cancelled part-way: what was typed stays, no key is left held (the rest is lower case).
    task = asyncio.ensure_future(vm.type_text("x" * 500))
    await asyncio.sleep(1.0)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert (await vm.type_text(" done\n")).ok
    log = await wait_for_serial_async(serial, " done", 30)
    echoed = [line for line in log.splitlines() if line.endswith(" done")][-1]
    xs = echoed.removeprefix("KVMGUI-KEY: ").removesuffix(" done")
    assert 0 < len(xs) < 500 and set(xs) == {"x"}, echoed

    refused = await vm.type_text("naïve")
    assert (refused.ok, refused.code) == (False, "untypable")
    assert str(refused.message) == "The English (US) keyboard layout cannot type “ï”."
    assert (await vm.type_text("")).code == "no-text"
    assert (await vm.pause()).ok
    paused = await vm.type_text("a")
    assert (paused.ok, paused.code) == (False, "paused")
