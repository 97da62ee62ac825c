"""The console's clipboard sharing with a real QEMU: the desktop clipboard (offscreen, in this
process) on one side, a second RFB client on the same QEMU standing in for the guest's agent
on the other (QEMU relays between its clipboard peers alike)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
import qasync
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from kvmgui.core.argv_devices import clipboard_args
from kvmgui.core.model import VmSpec
from kvmgui.runtime.rfb import ClipboardReceived, RfbClient, RfbEvent
from kvmgui.ui.console import ConsoleToolBar, ConsoleWidget
from tests.core.vm_fixtures import GOLDEN_CAPS
from tests.runtime.rfb.qemu_vm import QemuVm

pytestmark = [
    pytest.mark.qemu,
    pytest.mark.usefixtures("needs_qemu"),
    pytest.mark.qt_log_ignore("This plugin does not support"),
]

AGENT_ARGS = clipboard_args(VmSpec(name="t", id="t", clipboard=True), GOLDEN_CAPS)


async def until(predicate: Callable[[], object], timeout: float = 10.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.02)


async def peer(vm: QemuVm) -> tuple[RfbClient, list[str]]:
    client = RfbClient(clipboard=True)
    texts: list[str] = []

    def on_event(event: RfbEvent) -> None:
        if isinstance(event, ClipboardReceived):
            texts.append(event.text)

    client.add_listener(on_event)
    await client.connect(vm.vnc_socket)
    await until(lambda: client.stats.updates >= 1)
    return client, texts


def host_clipboard_text() -> str:
    board = QGuiApplication.clipboard()
    assert board is not None
    return board.text()


def copy_on_host(text: str) -> None:
    board = QGuiApplication.clipboard()
    assert board is not None
    board.setText(text)


@pytest.fixture
def console(qtbot: QtBot) -> ConsoleWidget:
    widget = ConsoleWidget()
    qtbot.addWidget(widget)
    widget.resize(320, 240)
    widget.show()
    return widget


def test_toolbar_switch_is_off_by_default_and_drives_the_console(
    qtbot: QtBot, console: ConsoleWidget
) -> None:
    bar = ConsoleToolBar(console)
    qtbot.addWidget(bar)
    action = bar.clipboard_action
    assert action.isCheckable() and not action.isChecked()
    assert console.clipboard_sharing() is False
    assert "spice-vdagent" in action.toolTip() and "next start" in action.toolTip()
    action.setChecked(True)
    assert console.clipboard_sharing() is True
    console.set_clipboard_sharing(False)
    assert not action.isChecked()


def test_shared_both_ways_then_nothing_once_off(
    qloop: qasync.QEventLoop, console: ConsoleWidget
) -> None:
    async def scenario() -> None:
        async with QemuVm(extra=AGENT_ARGS) as vm:
            copy_on_host("before sharing")
            console.set_clipboard_sharing(True)
            assert await console.connect_to(vm.vnc_socket)
            other, texts = await peer(vm)
            # Host → the other peer (the guest's place): a copy on the desktop.
            copy_on_host("copied on the host")
            await until(lambda: texts == ["copied on the host"])
            # The other peer → the desktop clipboard.
            assert other.send_clipboard_text("copied in the guest")
            await until(lambda: host_clipboard_text() == "copied in the guest")
            await asyncio.sleep(0.3)
            assert texts == ["copied on the host"]  # the guest's own text is not sent back
            # Off: nothing either way, at once.
            console.set_clipboard_sharing(False)
            copy_on_host("private host text")
            assert other.send_clipboard_text("guest text, unshared")
            await asyncio.sleep(1.0)
            assert texts == ["copied on the host"]
            assert host_clipboard_text() == "private host text"
            await other.close()
            await console.aclose()

    qloop.run_until_complete(scenario())


def test_never_shared_when_off_from_the_start(
    qloop: qasync.QEventLoop, console: ConsoleWidget
) -> None:
    async def scenario() -> None:
        async with QemuVm(extra=AGENT_ARGS) as vm:
            assert await console.connect_to(vm.vnc_socket)
            other, texts = await peer(vm)
            copy_on_host("host secret")
            assert other.send_clipboard_text("from the guest")
            await asyncio.sleep(1.0)
            assert texts == []
            assert host_clipboard_text() == "host secret"
            client = console.client
            assert client is not None and client.clipboard_sharing is False
            await other.close()
            await console.aclose()

    qloop.run_until_complete(scenario())
