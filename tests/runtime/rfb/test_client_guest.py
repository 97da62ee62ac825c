"""RfbClient with the project's Linux test guest (tests/guest): its bochs DRM driver switches the
screen from 720x400 BIOS text to a framebuffer, and it echoes typed lines to the serial log."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest

from kvmgui.runtime.rfb import Resized, RfbClient, RfbEvent
from kvmgui.runtime.rfb.keymap import SC_ENTER, SC_LEFT_SHIFT, us_text_strokes
from tests.runtime.rfb.qemu_vm import QemuVm, bgrx_to_rgb, wait_until_matches

pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.qemu,
    pytest.mark.slow,
    pytest.mark.usefixtures("needs_qemu"),
]

GUEST_FIXTURES = Path(__file__).parents[2] / "guest" / "fixtures.py"
BOOT_TIMEOUT = 120.0  # TCG on a busy 2-core machine


@pytest.fixture
def guest_iso(request: pytest.FixtureRequest) -> Path:
    if not GUEST_FIXTURES.exists():
        pytest.skip("the test guest (tests/guest/fixtures.py) is not there yet")
    iso = request.getfixturevalue("test_iso")
    assert isinstance(iso, Path)
    return iso


async def test_guest_mode_switch_and_typed_line(guest_iso: Path) -> None:
    cdrom = ["-drive", f"file={guest_iso},media=cdrom,if=ide,readonly=on"]
    async with QemuVm(paused=False, extra=cdrom, memory_mib=128) as vm:
        client = RfbClient()
        events: list[RfbEvent] = []
        client.add_listener(events.append)
        await client.connect(vm.vnc_address)  # connected from power-on: sees every mode change

        log = await vm.wait_serial(b"KVMGUI-GUEST: video ", timeout=BOOT_TIMEOUT)
        match = re.search(rb"KVMGUI-GUEST: video (\d+)x(\d+)", log)
        assert match, f"the guest found no framebuffer: {log[-500:]!r}"
        size = (int(match[1]), int(match[2]))
        deadline = asyncio.get_running_loop().time() + 30
        while Resized(*size) not in events:
            assert asyncio.get_running_loop().time() < deadline, f"no resize to {size}: {events}"
            await asyncio.sleep(0.05)
        assert (client.width, client.height) == size != (720, 400)
        await vm.wait_serial(b"KVMGUI-GUEST: ready", timeout=BOOT_TIMEOUT)

        for scancode, shift, keysym in us_text_strokes("Typed via VNC: 1+1=2"):
            if shift:
                client.send_scancode(SC_LEFT_SHIFT, True)
            client.send_scancode(scancode, True, keysym)
            client.send_scancode(scancode, False, keysym)
            if shift:
                client.send_scancode(SC_LEFT_SHIFT, False)
        client.send_scancode(SC_ENTER, True)
        client.send_scancode(SC_ENTER, False)
        await vm.wait_serial(b"KVMGUI-KEY: Typed via VNC: 1+1=2", timeout=30)

        await vm.execute("stop")  # freeze the console cursor
        await wait_until_matches(vm, lambda: bgrx_to_rgb(client.framebuffer), tolerance=0)
        await client.close()
