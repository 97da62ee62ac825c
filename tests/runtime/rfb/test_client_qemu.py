"""RfbClient against a real QEMU 7.2 (TCG): pixels equal QMP screendump, keys reach the guest,
resolution changes, authentication, reconnects."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from kvmgui.runtime.rfb import (
    Disconnected,
    FrameUpdated,
    PointerTypeChanged,
    Resized,
    RfbAuthError,
    RfbClient,
    RfbConnectError,
    RfbEvent,
    protocol as p,
)
from kvmgui.runtime.rfb.keymap import (
    SC_ENTER,
    SC_F,
    SC_LEFT_SHIFT,
    keysym_for_char,
    us_text_strokes,
)
from tests.runtime.rfb.bootsectors import MODE_LINE, READY_LINE
from tests.runtime.rfb.qemu_vm import QemuVm, bgrx_to_rgb, wait_until_matches

pytestmark = [pytest.mark.asyncio, pytest.mark.qemu, pytest.mark.usefixtures("needs_qemu")]


async def until(predicate: object, timeout: float = 10.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():  # type: ignore[operator]
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.02)


async def open_client(vm: QemuVm, **kwargs: object) -> tuple[RfbClient, list[RfbEvent]]:
    client = RfbClient(**kwargs)  # type: ignore[arg-type]
    events: list[RfbEvent] = []
    client.add_listener(events.append)
    await client.connect(vm.vnc_address)
    return client, events


def type_text(client: RfbClient, text: str) -> None:
    """Type on a US keyboard with raw scancodes (Shift pressed around shifted characters)."""
    for scancode, shift, keysym in us_text_strokes(text):
        if shift:
            client.send_scancode(SC_LEFT_SHIFT, True)
        client.send_scancode(scancode, True, keysym)
        client.send_scancode(scancode, False, keysym)
        if shift:
            client.send_scancode(SC_LEFT_SHIFT, False)


async def test_paused_vm_raw_over_unix_socket_matches_screendump() -> None:
    # -S: no guest code has run; QEMU shows its own 640x480 "not initialized" text screen.
    async with QemuVm(paused=True) as vm:
        client, events = await open_client(vm)
        assert client.name == "QEMU"
        # The zeroed framebuffer can match a still-black screen before the first update lands:
        # wait for a Raw rectangle first, so the comparison is of pixels QEMU really sent.
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 10
        while client.stats.rects_by_encoding.get(p.Encoding.RAW, 0) == 0:
            assert loop.time() < deadline, "no Raw rectangle arrived within 10 s"
            await asyncio.sleep(0.05)
        await wait_until_matches(vm, lambda: bgrx_to_rgb(client.framebuffer), tolerance=0)
        assert client.ext_key_supported  # QEMU acknowledged the extended key event
        assert PointerTypeChanged(False) in events and not client.absolute_pointer
        # Idle screen: incremental requests only, so nothing more arrives.
        await asyncio.sleep(0.3)
        before = client.stats.bytes_received
        await asyncio.sleep(1.0)
        assert client.stats.bytes_received - before < 200
        await client.close()


async def test_firmware_text_screen_and_typed_keys(keyecho_disk: Path) -> None:
    async with QemuVm(paused=False, disk=keyecho_disk) as vm:
        client, _ = await open_client(vm)
        await vm.wait_serial(READY_LINE)
        type_text(client, "Hello, kvmgui! 42")
        client.send_scancode(SC_ENTER, True)
        client.send_scancode(SC_ENTER, False)
        log = await vm.wait_serial(b"42\r\n", timeout=15)
        assert b"Hello, kvmgui! 42\r\n" in log
        # The guest echoed the line onto its VGA text screen: the client shows the same pixels.
        await vm.execute("stop")  # freeze the text cursor's blinking
        await wait_until_matches(vm, lambda: bgrx_to_rgb(client.framebuffer), tolerance=0)
        await client.close()


async def test_keysym_fallback_without_the_qemu_extension(keyecho_disk: Path) -> None:
    encodings = [e for e in p.LOCAL_ENCODINGS if e != p.Encoding.QEMU_EXTENDED_KEY_EVENT]
    async with QemuVm(paused=False, disk=keyecho_disk) as vm:
        client, _ = await open_client(vm, encodings=encodings)
        await vm.wait_serial(READY_LINE)
        assert not client.ext_key_supported
        for ch in "abc\n":
            client.send_keysym(keysym_for_char(ch), True)
            client.send_keysym(keysym_for_char(ch), False)
        assert b"abc\r\n" in await vm.wait_serial(b"abc\r\n", timeout=15)
        await client.close()


async def test_zrle_over_tcp_matches_screendump(keyecho_disk: Path) -> None:
    async with QemuVm(paused=False, disk=keyecho_disk, tcp_vnc=True) as vm:
        assert isinstance(vm.vnc_address, tuple)
        client, _ = await open_client(vm)
        await vm.wait_serial(READY_LINE)
        type_text(client, "zrle works\n")
        await vm.wait_serial(b"zrle works")
        await vm.execute("stop")
        await wait_until_matches(vm, lambda: bgrx_to_rgb(client.framebuffer), tolerance=0)
        assert client.stats.rects_by_encoding.get(p.Encoding.ZRLE, 0) > 0
        assert p.Encoding.RAW not in client.stats.rects_by_encoding
        await client.close()


async def test_guest_resolution_change_resizes_the_framebuffer(keyecho_disk: Path) -> None:
    async with QemuVm(paused=False, disk=keyecho_disk) as vm:
        client, events = await open_client(vm)
        await vm.wait_serial(READY_LINE)
        await until(lambda: client.width == 720)  # SeaBIOS text mode
        client.send_scancode(SC_F[0], True)  # F1: the guest switches to Bochs VBE 800x600x32
        client.send_scancode(SC_F[0], False)
        await vm.wait_serial(MODE_LINE)
        await until(lambda: Resized(800, 600) in events)
        assert client.framebuffer.shape == (600, 800, 4)
        reference = await wait_until_matches(
            vm, lambda: bgrx_to_rgb(client.framebuffer), tolerance=0
        )
        assert reference[:20].any()  # the guest painted a gradient into the first rows
        # Raw rows land in the framebuffer as they arrive; FrameUpdated follows the whole
        # message, so the pixels can match a moment before the event is there.
        await until(lambda: any(isinstance(e, FrameUpdated)
                                for e in events[events.index(Resized(800, 600)) :]))
        await client.close()


async def test_usb_tablet_makes_the_pointer_absolute() -> None:
    async with QemuVm(extra=["-device", "qemu-xhci", "-device", "usb-tablet"]) as vm:
        client, events = await open_client(vm)
        # QEMU activates the tablet once a guest driver uses it; with no guest running, make
        # it the active mouse from the monitor (what a booted OS with a USB HID driver does).
        mice = await vm.execute("query-mice")
        assert isinstance(mice, list)
        tablet = next(m for m in mice if m["absolute"])
        await vm.execute("human-monitor-command", {"command-line": f"mouse_set {tablet['index']}"})
        await until(lambda: PointerTypeChanged(True) in events)
        assert client.absolute_pointer
        assert client.send_pointer(100, 100, 0)
        await client.close()


async def test_vnc_password() -> None:
    async with QemuVm(vnc_options=",password=on") as vm:
        await vm.execute("set_password", {"protocol": "vnc", "password": "s3cret"})
        with pytest.raises(RfbAuthError, match="asks for a password"):
            await RfbClient().connect(vm.vnc_address)
        with pytest.raises(RfbAuthError, match="refused the password"):
            await RfbClient(password="wrong").connect(vm.vnc_address)
        client, _ = await open_client(vm, password="s3cret")
        await wait_until_matches(vm, lambda: bgrx_to_rgb(client.framebuffer), tolerance=0)
        await client.close()


async def test_close_reconnect_and_qemu_exit() -> None:
    async with QemuVm() as vm:
        first, events = await open_client(vm)
        await until(lambda: any(isinstance(e, FrameUpdated) for e in events))
        await first.close()
        assert events[-1] == Disconnected("The console was disconnected.", by_client=True)

        second, events = await open_client(vm)
        await wait_until_matches(vm, lambda: bgrx_to_rgb(second.framebuffer), tolerance=0)
        await vm.stop()  # QEMU quits: the session ends by itself, with a reason
        ended = await asyncio.wait_for(second.wait_closed(), 10)
        assert not ended.by_client and ended.reason
        with pytest.raises(RfbConnectError, match="not running"):
            await RfbClient().connect(vm.vnc_socket)
