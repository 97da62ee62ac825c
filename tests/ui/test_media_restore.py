"""Restore a backup: the new disk must be at least as large as the backed-up one (the wiki's
warning); then a real VM is made and started with the rescue ISO, the new disk and the
backup attached (protected). Also: the VM window's Snapshots tab and Hardware "Disk tools…"."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from kvmgui.core.sizes import GIB, MIB
from kvmgui.runtime.state import VmState
from kvmgui.ui.media.restore import RestoreDialog


def dialog(qtbot: Any, ctx: Any) -> RestoreDialog:
    dlg = RestoreDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def test_new_disk_smaller_than_the_backed_up_one_is_refused(
    qtbot: Any, ctx: Any, tmp_path: Path
) -> None:
    iso = tmp_path / "rescue.iso"
    iso.write_bytes(b"\0" * MIB)
    backup = tmp_path / "backup.img"
    backup.write_bytes(b"\0" * MIB)
    dlg = dialog(qtbot, ctx)
    assert not dlg.ok.isEnabled()
    qtbot.keyClicks(dlg.iso.edit, str(iso))
    dlg.backup.setEditText(str(backup))
    dlg.source_size.setValue(8.0)  # the new disk follows until the user sets it
    assert dlg.new_size.value() == 8.0
    assert dlg.ok.isEnabled(), dlg.problems.messages
    dlg.new_size.setValue(4.0)
    assert not dlg.ok.isEnabled()
    assert any("smaller than the disk the backup was made from" in m for m in dlg.problems.messages)
    dlg.new_size.setValue(10.0)
    assert dlg.ok.isEnabled()
    spec = dlg.spec()
    assert spec.disks[0].size_bytes == 10 * GIB
    assert spec.usb_stick is not None and spec.usb_stick.protected
    assert spec.usb_stick.path == str(backup) and spec.cdrom.path == str(iso)


@pytest.mark.qemu
@pytest.mark.skipif(shutil.which("qemu-system-x86_64") is None, reason="needs QEMU")
def test_creates_and_starts_the_restore_vm(
    qtbot: Any, live_ctx: Any, test_iso: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "backup.img"
    with backup.open("wb") as f:
        f.truncate(16 * MIB)
    dlg = dialog(qtbot, live_ctx)
    qtbot.keyClicks(dlg.iso.edit, str(test_iso))
    dlg.backup.setEditText(str(backup))
    dlg.source_size.setValue(1.0)
    dlg.memory.setValue(256)
    created: list[Any] = []
    dlg.created.connect(created.append)
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(created), timeout=60_000)
    stored = created[0]
    disk = stored.folder.resolve(stored.spec.disks[0].path)
    assert disk.exists()
    controller = live_ctx.controller(stored.spec.id)
    qtbot.waitUntil(lambda: controller.state is VmState.RUNNING, timeout=30_000)


@pytest.mark.qemu
def test_vm_window_has_snapshots_and_disk_tools(qtbot: Any, ctx: Any) -> None:
    import subprocess
    from dataclasses import replace

    from kvmgui.core.model import Disk
    from kvmgui.core.presets import new_spec
    from kvmgui.ui.main_window import MainWindow
    from kvmgui.ui.media.image_tools import ImageToolsDialog

    stored = ctx.store.create(
        replace(new_spec("tabs", memory_mib=256, cpus=1), disks=(Disk(path="disk.qcow2"),))
    )
    subprocess.run(
        ["qemu-img", "create", "-q", "-f", "qcow2", str(stored.folder.dir / "disk.qcow2"), "16M"],
        check=True,
        timeout=30,
    )
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    vm_window = window.open_vm_window(stored.spec.id, "overview")
    vm_window.show_page("snapshots")
    assert vm_window.tabs.currentWidget() is vm_window.snapshots
    qtbot.waitUntil(lambda: vm_window.snapshots.refreshed > 0, timeout=10_000)
    vm_window.show_page("hardware")
    button = vm_window.hardware.disk_tools
    assert not button.isEnabled()
    vm_window.hardware.disks.selectRow(0)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    tools = next(d for d in vm_window.dialogs if isinstance(d, ImageToolsDialog))
    qtbot.waitUntil(lambda: tools.info is not None, timeout=10_000)
    assert tools.owners_value.text() == "tabs"
    tools.reject()
    vm_window.close()
