"""The Snapshots page on a real qcow2 disk: take → change the disk → revert → the data is
back; delete; Take/Revert disabled with a reason while the VM runs or for a raw disk."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kvmgui.core.model import Disk, DiskFormat
from kvmgui.core.presets import new_spec
from kvmgui.runtime.state import VmState
from kvmgui.ui import errors
from kvmgui.ui.media import jobs
from kvmgui.ui.media.snapshots_page import SnapshotsPage

# Every test here runs qemu-img, qemu-io or qemu-system-x86_64: not in the fast lane.
pytestmark = [
    pytest.mark.qemu,
    pytest.mark.skipif(shutil.which("qemu-io") is None, reason="needs qemu-io"),
]


def qemu_io(image: Path, command: str) -> str:
    return subprocess.run(
        ["qemu-io", "-f", "qcow2", "-c", command, str(image)],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    ).stdout


def pattern_at_start(image: Path, byte: int) -> bool:
    return "Pattern verification failed" not in qemu_io(image, f"read -P {byte} 0 64k")


def make_vm(ctx: Any, name: str, fmt: DiskFormat = DiskFormat.QCOW2) -> Any:
    spec = new_spec(name, memory_mib=256, cpus=1)
    file = "disk.qcow2" if fmt is DiskFormat.QCOW2 else "disk.raw"
    spec = replace(spec, disks=(Disk(path=file, format=fmt),))
    stored = ctx.store.create(spec)
    subprocess.run(
        ["qemu-img", "create", "-q", "-f", fmt.value, str(stored.folder.dir / file), "64M"],
        check=True,
        timeout=30,
    )
    return stored


def page(qtbot: Any, ctx: Any, stored: Any) -> SnapshotsPage:
    widget = SnapshotsPage(ctx, stored)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.refreshed > 0 and not widget.tasks, timeout=10_000)
    return widget


def reply_prompt(qtbot: Any, text: str) -> None:
    qtbot.waitUntil(lambda: bool(jobs.open_prompts()), timeout=10_000)
    prompt = jobs.open_prompts()[-1]
    prompt.setTextValue(text)
    prompt.accept()


def answer(qtbot: Any, button: QMessageBox.StandardButton) -> str:
    qtbot.waitUntil(lambda: bool(errors.open_boxes()), timeout=10_000)
    box = errors.open_boxes()[-1]
    text = box.text() + " " + box.informativeText()
    box.button(button).click()
    return text


def idle(qtbot: Any, widget: SnapshotsPage) -> None:
    qtbot.waitUntil(lambda: not widget.tasks and not widget.panel.busy, timeout=30_000)


@pytest.mark.parametrize("through", ["qemu-img", "runtime"])
def test_take_change_revert_brings_the_data_back(qtbot: Any, request: Any,
                                                 through: str) -> None:
    # "runtime": kvmgui.runtime.snapshots through the VM's controller (the app's way);
    # "qemu-img": the page's own offline path when there is no runtime.
    ctx = request.getfixturevalue("live_ctx" if through == "runtime" else "ctx")
    stored = make_vm(ctx, "snappy")
    disk = stored.folder.dir / "disk.qcow2"
    qemu_io(disk, "write -P 0x11 0 64k")
    widget = page(qtbot, ctx, stored)
    assert type(widget.backend).__name__ == (
        "RuntimeSnapshots" if through == "runtime" else "OfflineSnapshots")
    assert widget.rows == [] and "No snapshots yet" in widget.empty_hint.text()

    qtbot.mouseClick(widget.take_button, Qt.MouseButton.LeftButton)
    reply_prompt(qtbot, "before the change")
    qtbot.waitUntil(lambda: [r.name for r in widget.rows] == ["before the change"], timeout=20_000)
    idle(qtbot, widget)
    item = widget.tree.topLevelItem(0)
    assert item.text(0) == "before the change" and item.text(3) == "disks only"
    assert "Took the snapshot 'before the change'" in widget.panel.status.text()

    qemu_io(disk, "write -P 0x22 0 64k")  # what the guest would have written since
    assert pattern_at_start(disk, 0x22)

    # Revert asks first, naming the snapshot and saying what is lost; No changes nothing.
    widget.select("before the change")
    qtbot.mouseClick(widget.revert_button, Qt.MouseButton.LeftButton)
    text = answer(qtbot, QMessageBox.StandardButton.No)
    assert "Revert snappy to the snapshot 'before the change'?" in text
    assert "is lost" in text
    idle(qtbot, widget)
    assert pattern_at_start(disk, 0x22)

    widget.revert_button.setFocus()
    qtbot.keyClick(widget.revert_button, Qt.Key.Key_Space)  # from the keyboard
    answer(qtbot, QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: "is back to the snapshot" in widget.panel.status.text(), timeout=20_000)
    idle(qtbot, widget)
    assert pattern_at_start(disk, 0x11)

    # A second name that exists is refused before qemu-img is asked.
    qtbot.mouseClick(widget.take_button, Qt.MouseButton.LeftButton)
    reply_prompt(qtbot, "before the change")
    assert "already exists" in answer(qtbot, QMessageBox.StandardButton.Close)
    idle(qtbot, widget)

    qtbot.mouseClick(widget.delete_button, Qt.MouseButton.LeftButton)
    assert "Delete the snapshot 'before the change'?" in answer(
        qtbot, QMessageBox.StandardButton.Yes
    )
    qtbot.waitUntil(lambda: widget.rows == [], timeout=20_000)
    idle(qtbot, widget)
    assert (
        "snapshots"
        not in subprocess.run(
            ["qemu-img", "info", "--output=json", str(disk)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )


def test_running_vm_and_raw_disk_disable_the_actions_with_a_reason(qtbot: Any, ctx: Any) -> None:
    stored = make_vm(ctx, "busy")
    widget = page(qtbot, ctx, stored)
    if widget.backend.live:
        pytest.skip("the runtime's snapshots also work while the VM runs")
    assert widget.take_button.isEnabled()
    widget.set_state(VmState.RUNNING)
    assert not widget.take_button.isEnabled() and not widget.revert_button.isEnabled()
    assert "Shut the virtual machine down" in widget.take_button.toolTip()
    assert widget.reason.text() == widget.take_button.toolTip()
    widget.set_state(VmState.STOPPED)
    assert widget.take_button.isEnabled()

    raw = make_vm(ctx, "plain", DiskFormat.RAW)
    other = page(qtbot, ctx, raw)
    assert not other.take_button.isEnabled()
    assert "Snapshots need qcow2 disks" in other.take_button.toolTip()


@pytest.mark.qemu
@pytest.mark.slow
@pytest.mark.skipif(shutil.which("qemu-system-x86_64") is None, reason="needs QEMU")
def test_live_snapshot_of_a_running_vm_includes_memory(
    qtbot: Any, live_ctx: Any, run_async: Any, test_iso: Path
) -> None:
    from kvmgui.core.model import Accel, Cdrom, CdromSource

    stored = make_vm(live_ctx, "live-snap")
    spec = replace(stored.spec, accel=Accel.TCG,
                   cdrom=Cdrom(CdromSource.ISO, str(test_iso)))
    stored = live_ctx.store.save(replace(stored, spec=spec))
    controller = live_ctx.controller(stored.spec.id)
    assert run_async(controller.start(), timeout=60).ok
    widget = SnapshotsPage(live_ctx, stored)
    qtbot.addWidget(widget)
    widget.set_state(VmState.RUNNING)
    widget.show()
    qtbot.waitUntil(lambda: widget.refreshed > 0 and not widget.tasks, timeout=30_000)
    if not widget.backend.live:
        pytest.skip("no live snapshots without kvmgui.runtime.snapshots")
    assert widget.take_button.isEnabled()
    qtbot.mouseClick(widget.take_button, Qt.MouseButton.LeftButton)
    reply_prompt(qtbot, "while running")
    qtbot.waitUntil(lambda: [r.name for r in widget.rows] == ["while running"],
                    timeout=120_000)
    idle(qtbot, widget)
    assert widget.rows[0].includes_memory
    assert widget.tree.topLevelItem(0).text(3) == "disks and memory (includes memory)"


def test_the_suggested_name_and_dates_follow_the_users_locale(qtbot: Any, ctx: Any) -> None:
    import re

    from PySide6.QtCore import QLocale

    stored = make_vm(ctx, "dated")
    widget = page(qtbot, ctx, stored)
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    try:
        qtbot.mouseClick(widget.take_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(jobs.open_prompts()), timeout=10_000)
        prompt = jobs.open_prompts()[-1]
        suggested = prompt.textValue()
        prompt.reject()
    finally:
        QLocale.setDefault(before)
    # "02/12/2026 16:45": day first, as French writes it (not the ISO "2026-12-02 16:45").
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", suggested), suggested
    idle(qtbot, widget)
