"""Paste as Keystrokes on the real test guest under TCG: the console page's tool bar action
types the clipboard through the VM's runtime; the guest echoes each line typed on its
console to the serial log as "KVMGUI-KEY: <line>"."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication

from kvmgui.core.model import BootDevice, Cdrom, CdromSource
from kvmgui.core.presets import new_spec
from kvmgui.ui.main_window import MainWindow
from tests.ui.flows import start_from_list

pytestmark = [pytest.mark.qemu, pytest.mark.slow]

READY_TIMEOUT_MS = 180_000


def serial_text(path: Path) -> str:
    return path.read_text(errors="replace") if path.exists() else ""


def test_paste_as_keystrokes_reaches_the_guest(
    qtbot: Any, live_ctx: Any, run_async: Any, test_iso: Path
) -> None:
    spec = replace(new_spec("paste", memory_mib=256, cpus=1),
                   cdrom=Cdrom(CdromSource.ISO, str(test_iso)), boot_order=(BootDevice.CDROM,))
    stored = live_ctx.store.create(spec)
    window = MainWindow(live_ctx)
    qtbot.addWidget(window)
    window.show()
    run_async(window.startup(), timeout=60)
    start_from_list(qtbot, window, spec.id, timeout_ms=60_000)
    page = window.open_console(spec.id)
    serial = stored.folder.serial_log
    qtbot.waitUntil(lambda: "KVMGUI-GUEST: ready" in serial_text(serial),
                    timeout=READY_TIMEOUT_MS)
    qtbot.waitUntil(lambda: page.toolbar.paste_keys_action.isEnabled(), timeout=30_000)

    QGuiApplication.clipboard().setText("from the clipboard\r\nSecond Line: 1+1=2\r\n")
    page.toolbar.paste_keys_action.trigger()
    box = page.paster.question
    assert box is not None and box.isVisible()
    (typing,) = [b for b in box.buttons() if b.text() == "Type It"]
    with qtbot.waitSignal(page.paster.finished, timeout=60_000) as done:
        typing.click()
    assert done.args[0].ok, done.args[0]
    qtbot.waitUntil(lambda: "KVMGUI-KEY: Second Line: 1+1=2" in serial_text(serial),
                    timeout=30_000)
    lines = serial_text(serial).replace("\r\n", "\n").splitlines()
    assert "KVMGUI-KEY: from the clipboard" in lines
    assert "KVMGUI-KEY: Second Line: 1+1=2" in lines
