"""The preferences dialog: every setting round-trips through the settings file."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import QDialogButtonBox

from kvmgui.core.model import Accel, DisplayKind
from kvmgui.core.settings import ConsoleScaling, OnQuit, Settings, load_settings
from kvmgui.ui.preferences import PreferencesDialog


def _open(qtbot: Any, ctx: Any) -> PreferencesDialog:
    dialog = PreferencesDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_preferences_round_trip(qtbot: Any, ctx: Any, short_root: Any) -> None:
    dialog = _open(qtbot, ctx)
    assert dialog.values() == ctx.settings  # shows what is in force
    vm_root = short_root / "elsewhere"
    dialog.vm_root.set_text(str(vm_root))
    dialog.accel.setCurrentIndex(dialog.accel.findData("auto"))
    dialog.memory.setValue(3072)
    dialog.cpus.setValue(1)
    dialog.display.setCurrentIndex(dialog.display.findData("spice"))
    dialog.on_quit.setCurrentIndex(dialog.on_quit.findData("keep-running"))
    dialog.timeout.setValue(45)
    dialog.stats.setValue(1.5)
    dialog.thumbs.setValue(7.0)
    dialog.scaling.setCurrentIndex(dialog.scaling.findData("1:1"))
    dialog.grab_keyboard.setChecked(False)
    dialog.confirm_force.setChecked(False)
    dialog.confirm_delete.setChecked(False)
    changed: list[bool] = []
    ctx.settings_changed.connect(lambda: changed.append(True))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert changed and not dialog.isVisible()

    expected = Settings(
        vm_root=str(vm_root), default_memory_mib=3072, default_cpus=1,
        default_display=DisplayKind.SPICE, accelerator=Accel.AUTO, on_quit=OnQuit.KEEP_RUNNING,
        shutdown_timeout_s=45, stats_interval_s=1.5, thumbnail_interval_s=7.0,
        console_scaling=ConsoleScaling.ONE_TO_ONE, console_grab_keyboard=False,
        confirm_force_off=False, confirm_delete=False,
    )
    assert ctx.settings == expected
    on_disk, warnings = load_settings(ctx.paths.settings_file)
    assert on_disk == expected and warnings == []
    assert json.loads(ctx.paths.settings_file.read_text())["on_quit"] == "keep-running"
    assert ctx.store.root == vm_root  # new VMs go to the new folder

    again = _open(qtbot, ctx)
    assert again.values() == expected
    assert again.memory.value() == 3072
    assert again.display.currentData() == "spice"


def test_invalid_values_are_explained_and_not_saved(qtbot: Any, ctx: Any) -> None:
    before = ctx.paths.settings_file.read_bytes()
    dialog = _open(qtbot, ctx)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.vm_root.set_text("relative/folder")
    assert not ok.isEnabled()
    assert any("full path" in m for m in dialog.problems.messages)
    dialog.vm_root.set_text("")
    dialog.qemu.set_text("bin/qemu")
    assert not ok.isEnabled()
    dialog.qemu.set_text("no-such-qemu-binary")
    assert ok.isEnabled()  # allowed, but the dialog says it is not found
    assert "Not found" in dialog.qemu_found.text()
    dialog.reject()
    assert ctx.paths.settings_file.read_bytes() == before


def test_restore_defaults_keeps_the_vm_folder(qtbot: Any, ctx: Any, short_root: Any) -> None:
    dialog = _open(qtbot, ctx)
    dialog.vm_root.set_text(str(short_root / "vms2"))
    dialog.memory.setValue(8192)
    dialog.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).click()
    assert dialog.memory.value() == Settings().default_memory_mib
    assert dialog.accel.currentData() == "auto"
