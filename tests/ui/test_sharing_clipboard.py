"""Clipboard sharing in the windows: the Hardware page's Sharing group and the console tool
bar's switch, both saved in the VM's definition."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kvmgui.core.presets import new_spec
from kvmgui.runtime.state import VmState
from kvmgui.ui.details_hardware import HardwarePage
from kvmgui.ui.main_window import MainWindow


def test_hardware_page_switch_is_off_by_default_and_saved(qtbot: Any, ctx: Any) -> None:
    stored = ctx.store.create(new_spec("clip", memory_mib=256, cpus=1))
    page = HardwarePage(ctx, stored)
    qtbot.addWidget(page)
    check = page.clipboard.check
    assert not check.isChecked() and check.isEnabled()
    assert "spice-vdagent" in check.toolTip()
    check.setChecked(True)
    assert page.edited_spec().clipboard is True
    assert page.apply_button.isEnabled()
    page.set_state(VmState.RUNNING)
    assert "clipboard sharing" in page.restart_note.text()
    page.set_state(VmState.STOPPED)
    assert page.apply()
    assert ctx.store.get("clip").spec.clipboard is True
    # Without a screen there is nothing to share.
    page.display.setCurrentIndex(page.display.findData("none"))
    assert not check.isEnabled()


def test_console_toolbar_switch_is_saved_and_reaches_the_hardware_page(
    qtbot: Any, ctx: Any, tmp_path: Path
) -> None:
    spec = new_spec("board", memory_mib=256, cpus=1)
    ctx.store.create(spec)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    page = window.open_console(spec.id)
    action = page.toolbar.clipboard_action
    assert not action.isChecked() and not page.console.clipboard_sharing()
    details = window.open_vm_window(spec.id, "hardware")
    assert details is not None
    details.hardware.memory.setValue(512)  # an edit of the user's own, not applied yet
    action.setChecked(True)
    assert page.console.clipboard_sharing()
    assert ctx.store.get(spec.id).spec.clipboard is True
    assert details.hardware.clipboard.check.isChecked()
    assert details.hardware.memory.value() == 512  # kept
    assert details.hardware.apply()
    saved = ctx.store.get(spec.id).spec
    assert saved.clipboard is True and saved.memory_mib == 512
    # Off again from the tool bar: saved at once, and the switch follows a reload.
    action.setChecked(False)
    assert ctx.store.get(spec.id).spec.clipboard is False
    assert not details.hardware.clipboard.check.isChecked()
