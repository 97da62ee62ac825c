"""Clone… (linked and full) from the main window's menu, the base refused for Delete with the
dependent VM's name, and "Copy disk to a device…" against files (small target refused with
the runtime's sentence, typed confirmation, progress)."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kvmgui.core.model import Disk
from kvmgui.core.presets import new_spec
from kvmgui.core.sizes import MIB
from kvmgui.ui import errors
from kvmgui.ui.main_window import MainWindow
from kvmgui.ui.media.clone_dialog import CloneDialog
from kvmgui.ui.media.copy_device_dialog import CopyDeviceDialog

# Every test here runs qemu-img, qemu-io or qemu-system-x86_64: not in the fast lane.
pytestmark = [
    pytest.mark.qemu,
    pytest.mark.skipif(shutil.which("qemu-img") is None, reason="needs qemu-img"),
]


def make_vm(ctx: Any, name: str, size: str = "32M") -> Any:
    spec = replace(new_spec(name, memory_mib=256, cpus=1), disks=(Disk(path="disk.qcow2"),))
    stored = ctx.store.create(spec)
    disk = stored.folder.dir / "disk.qcow2"
    subprocess.run(
        ["qemu-img", "create", "-q", "-f", "qcow2", str(disk), size], check=True, timeout=30
    )
    subprocess.run(
        ["qemu-io", "-f", "qcow2", "-c", "write -P 0x5a 0 1M", str(disk)],
        check=True,
        capture_output=True,
        timeout=30,
    )
    return stored


def answer(qtbot: Any, button: QMessageBox.StandardButton) -> str:
    qtbot.waitUntil(lambda: bool(errors.open_boxes()), timeout=10_000)
    box = errors.open_boxes()[-1]
    text = box.text() + " " + box.informativeText()
    box.button(button).click()
    return text


def window_for(qtbot: Any, ctx: Any) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def test_linked_clone_then_delete_of_the_base_is_refused(qtbot: Any, ctx: Any) -> None:
    base = make_vm(ctx, "base")
    window = window_for(qtbot, ctx)
    assert window.select(base.spec.id)
    clone_action = window.clone_action
    assert clone_action.isEnabled()
    clone_action.trigger()
    dlg = next(d for d in window.dialogs if isinstance(d, CloneDialog))
    assert dlg.name.text() == "base-clone"
    assert dlg.linked.isChecked()
    assert "becomes read-only while clones exist" in dlg.linked_hint.text()
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.created is not None, timeout=30_000)
    assert "linked clone" in dlg.panel.status.text()
    clone = ctx.store.find("base-clone")
    info = subprocess.run(
        ["qemu-img", "info", "--output=json", str(clone.folder.resolve(clone.spec.disks[0].path))],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert '"backing-filename-format": "qcow2"' in info
    qtbot.waitUntil(lambda: window.model.get(clone.spec.id) is not None, timeout=5_000)

    # Delete the base from the main window: refused, naming the clone.
    assert window.select(base.spec.id)
    task = window.vm_actions.run("delete")
    assert task is not None
    text = answer(qtbot, QMessageBox.StandardButton.Close)
    assert "base was not deleted" in text and "base-clone" in text
    qtbot.waitUntil(task.done, timeout=10_000)
    assert ctx.store.find("base") is not None


def test_full_clone_copies_with_progress(qtbot: Any, ctx: Any) -> None:
    base = make_vm(ctx, "orig")
    dlg = CloneDialog(ctx, base)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.full.setChecked(True)
    dlg.name.clear()
    qtbot.keyClicks(dlg.name, "copy-of-orig")
    progress: list[float] = []
    dlg.panel.progressed.connect(progress.append)
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.created is not None, timeout=60_000)
    assert progress and progress[-1] == 100.0
    copy = ctx.store.find("copy-of-orig")
    image = copy.folder.resolve(copy.spec.disks[0].path)
    info = subprocess.run(
        ["qemu-img", "info", "--output=json", str(image)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "backing-filename" not in info  # independent


def test_copy_to_a_file_needs_the_typed_name(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    vm = make_vm(ctx, "source", "8M")
    small = tmp_path / "small.raw"
    small.write_bytes(b"\0" * MIB)
    dlg = CopyDeviceDialog(ctx, stored=vm)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.target.setEditText(str(small))
    qtbot.waitUntil(lambda: dlg.checked > 0 and not dlg.tasks, timeout=20_000)
    assert dlg.plan is None
    assert "small.raw is 1 MiB but the image needs 8 MiB" in dlg.verdict.text()
    assert "the target holds 1 MiB" in dlg.sizes.text()
    assert not dlg.copy_button.isEnabled()

    target = tmp_path / "target.raw"
    with target.open("wb") as f:
        f.truncate(16 * MIB)
    done = dlg.checked
    dlg.target.setEditText(str(target))
    qtbot.waitUntil(lambda: dlg.checked > done and not dlg.tasks, timeout=20_000)
    assert dlg.plan is not None
    assert "Everything on" in dlg.verdict.text() and "overwritten" in dlg.verdict.text()
    assert "Type target.raw to" in dlg.confirm_label.text().replace("&", "")
    qtbot.keyClicks(dlg.confirm, "target")
    assert not dlg.copy_button.isEnabled()
    qtbot.keyClicks(dlg.confirm, ".raw")
    assert dlg.copy_button.isEnabled()
    dlg.verify.setChecked(True)
    qtbot.mouseClick(dlg.copy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Copied disk.qcow2" in dlg.panel.status.text(), timeout=60_000)
    assert subprocess.run(
        [
            "qemu-img",
            "compare",
            "-f",
            "qcow2",
            "-F",
            "raw",
            str(vm.folder.dir / "disk.qcow2"),
            str(target),
        ],
        capture_output=True,
        check=False,
    ).returncode in (0, 1)  # 16 MiB vs 8 MiB: size differs
    assert target.read_bytes()[:MIB] == b"\x5a" * MIB
