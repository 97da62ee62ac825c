"""Clipboard text through a real QEMU 7.2: two kvmgui RFB clients on one VNC server.

QEMU's clipboard is one per VM, with peers: each VNC client that lists the extended clipboard,
and the qemu-vdagent chardev once a guest agent connects. A peer's new text is announced to
every other peer, which asks for it, and QEMU fetches it from its owner (ui/clipboard.c,
ui/vnc-clipboard.c). So text one VNC client copies reaches the other VNC client exactly as it
would reach the guest's agent: through QEMU's clipboard, with the same notify / request /
provide exchange. The test guest has no agent, so the agent's own leg (the virtio-serial
port to spice-vdagent) is not exercised here; the VM does run with the very chardev and port
the argv builder adds.
"""

from __future__ import annotations

import asyncio

import pytest

from kvmgui.core.argv_devices import clipboard_args
from kvmgui.core.model import VmSpec
from kvmgui.runtime.rfb import ClipboardReceived, RfbClient, RfbEvent
from tests.core.vm_fixtures import GOLDEN_CAPS
from tests.runtime.rfb.qemu_vm import QemuVm

pytestmark = [pytest.mark.asyncio, pytest.mark.qemu, pytest.mark.usefixtures("needs_qemu")]

AGENT_ARGS = clipboard_args(VmSpec(name="t", id="t", clipboard=True), GOLDEN_CAPS)


async def until(predicate: object, timeout: float = 10.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():  # type: ignore[operator]
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.02)


async def open_client(vm: QemuVm, *, clipboard: bool) -> tuple[RfbClient, list[RfbEvent]]:
    client = RfbClient(clipboard=clipboard)
    events: list[RfbEvent] = []
    client.add_listener(events.append)
    await client.connect(vm.vnc_address)
    # QEMU answers SetEncodings (and the caps) before the first screen update.
    await until(lambda: client.stats.updates >= 1)
    return client, events


def received(events: list[RfbEvent]) -> list[str]:
    return [e.text for e in events if isinstance(e, ClipboardReceived)]


async def test_text_copied_in_one_client_arrives_in_the_other() -> None:
    assert any(a.startswith("qemu-vdagent,") for a in AGENT_ARGS)
    async with QemuVm(extra=AGENT_ARGS) as vm:
        a, a_events = await open_client(vm, clipboard=True)
        b, b_events = await open_client(vm, clipboard=True)
        text = "kvmgui → QEMU → kvmgui\nline two, ünïcödé"
        assert a.send_clipboard_text(text)
        await until(lambda: received(b_events) == [text])
        # And back: B's copy replaces A's.
        assert b.send_clipboard_text("reply from B")
        await until(lambda: received(a_events) == ["reply from B"])
        assert received(b_events) == [text]  # B is not told its own text
        await asyncio.sleep(0.3)
        assert a.connected and b.connected
        await a.close()
        await b.close()


async def test_a_client_with_sharing_off_neither_sends_nor_receives() -> None:
    async with QemuVm(extra=AGENT_ARGS) as vm:
        sharing, sharing_events = await open_client(vm, clipboard=True)
        off, off_events = await open_client(vm, clipboard=False)
        # Nothing leaves the client that does not share...
        assert off.send_clipboard_text("host secret") is False
        # ...and the peer's text never reaches it.
        assert sharing.send_clipboard_text("shared text")
        await asyncio.sleep(1.0)
        assert received(sharing_events) == []
        assert received(off_events) == []
        # The proof that QEMU relays at all in this VM: a second sharing client gets it
        # once the text is copied again.
        other, other_events = await open_client(vm, clipboard=True)
        assert sharing.send_clipboard_text("shared again")
        await until(lambda: received(other_events) == ["shared again"])
        assert received(off_events) == []
        assert off.connected
        for client in (sharing, off, other):
            await client.close()


async def test_turning_sharing_on_during_the_session() -> None:
    async with QemuVm(extra=AGENT_ARGS) as vm:
        a, a_events = await open_client(vm, clipboard=False)
        b, b_events = await open_client(vm, clipboard=True)
        assert b.send_clipboard_text("before") is True
        await asyncio.sleep(0.5)
        assert received(a_events) == []
        a.set_clipboard_sharing(True)  # a new SetEncodings with the extension
        await asyncio.sleep(0.5)
        assert b.send_clipboard_text("after")
        await until(lambda: received(a_events) == ["after"])
        # Off again: B's next copy stays away from A, and A's copy stays home.
        a.set_clipboard_sharing(False)
        assert b.send_clipboard_text("not for A")
        assert a.send_clipboard_text("not for B") is False
        await asyncio.sleep(1.0)
        assert received(a_events) == ["after"]
        assert received(b_events) == []
        assert a.connected and b.connected
        await a.close()
        await b.close()
