"""The Hardware page's Sharing group: add, make read-only, copy the guest command, remove."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from kvmgui.core.model import Share
from kvmgui.core.presets import new_spec
from kvmgui.runtime.state import VmState
from kvmgui.ui.details_hardware import HardwarePage
from kvmgui.ui.sharing_folders import SharedFolders


def test_sharing_on_the_hardware_page(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    folder = tmp_path / "Projects"
    folder.mkdir()
    stored = ctx.store.create(new_spec("vm", memory_mib=256, cpus=1))
    page = HardwarePage(ctx, stored)
    qtbot.addWidget(page)
    sharing = page.sharing
    assert sharing.title() == "Shared folders" and sharing.empty_hint.text()
    assert not sharing.remove_button.isEnabled()

    sharing.add(str(folder))
    assert page.edited_spec().shares == (Share(str(folder), "Projects"),)
    assert "Projects /mnt" in sharing.instruction.text()
    assert page.apply_button.isEnabled()
    sharing.copy()
    assert QGuiApplication.clipboard().text().endswith("Projects /mnt")

    sharing.table.item(0, 2).setCheckState(Qt.CheckState.Checked)
    assert page.edited_spec().shares[0].read_only
    page.set_state(VmState.RUNNING)
    assert "shared folders" in page.restart_note.text()
    page.set_state(VmState.STOPPED)
    assert page.apply()
    assert ctx.store.get("vm").spec.shares == (Share(str(folder), "Projects", True),)

    sharing.table.selectRow(0)
    sharing.remove()
    assert page.edited_spec().shares == ()


def test_home_is_refused_with_a_reason(qtbot: Any, ctx: Any) -> None:
    stored = ctx.store.create(new_spec("vm", memory_mib=256, cpus=1))
    page = HardwarePage(ctx, stored)
    qtbot.addWidget(page)
    page.sharing.add(str(Path.home()))
    assert not page.apply_button.isEnabled()


def test_windows_guest_gets_the_network_path(qtbot: Any, tmp_path: Path) -> None:
    from kvmgui.core.host import HostFacts
    from kvmgui.core.model import OsPreset

    box = SharedFolders(HostFacts())
    qtbot.addWidget(box)
    box.set_spec(replace(new_spec("w", OsPreset.WINDOWS11), shares=(Share(str(tmp_path), "x"),)))
    assert box.instruction.text().endswith("\\\\10.0.2.4\\qemu")
    assert box.reason.text() == ""


def test_the_sharing_group_is_reached_by_scrolling_and_by_tab(
    qtbot: Any, ctx: Any, tmp_path: Path
) -> None:
    """The page is longer than a 1024×768 screen leaves it: the Sharing group scrolls into
    view, and Tab walks from the keyboard layout through the sharing controls."""
    folder = tmp_path / "Projects"
    folder.mkdir()
    stored = ctx.store.create(new_spec("vm", memory_mib=256, cpus=1))
    page = HardwarePage(ctx, stored)
    qtbot.addWidget(page)
    page.resize(880, 520)
    page.show()
    qtbot.waitExposed(page)
    page.sharing.add(str(folder))
    viewport = page.scroll_area.viewport()

    def in_sight(widget: Any) -> bool:
        top = widget.mapTo(viewport, widget.rect().topLeft()).y()
        return top >= 0 and top + widget.height() <= viewport.height()

    assert not in_sight(page.usb_devices.refresh_button)
    page.show_sharing()
    assert in_sight(page.clipboard.check) and in_sight(page.usb_devices.refresh_button)

    page.scroll_area.verticalScrollBar().setValue(0)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.sharing.add_button.setFocus()  # as its Alt+letter does
    qtbot.waitUntil(lambda: in_sight(page.sharing.add_button))
    page.scroll_area.verticalScrollBar().setValue(0)
    page.activateWindow()
    page.keyboard_layout.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.keyboard_layout)
    seen = []
    for _ in range(12):
        current = QApplication.focusWidget()
        assert current is not None
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        seen.append(focused)
        if viewport.isAncestorOf(focused):  # not the Apply and Revert buttons under it
            assert in_sight(focused), focused
    for widget in (
        page.clipboard.check,
        page.sharing.table,
        page.sharing.add_button,
        page.usb_devices.list,
        page.usb_devices.refresh_button,
    ):
        assert widget in seen, widget
