"""The new-VM wizard, driven like a person would: keyboard first, every page, to Finish."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from kvmgui.core.model import DiskBus, OsPreset
from kvmgui.core.sizes import GIB
from kvmgui.ui.wizard import NewVmWizard, SourceKind

ENV_TIMEOUT_MS = 60_000


def _open(qtbot: Any, ctx: Any, **kwargs: Any) -> NewVmWizard:
    wiz = NewVmWizard(ctx, **kwargs)
    qtbot.addWidget(wiz)
    wiz.show()
    qtbot.waitExposed(wiz)
    qtbot.waitUntil(lambda: wiz.env_ready, timeout=ENV_TIMEOUT_MS)
    return wiz


def _next(qtbot: Any, wiz: NewVmWizard) -> None:
    before = wiz.currentId()
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wiz.currentId() == before + 1, timeout=5000)


def test_wizard_creates_a_real_vm(qtbot: Any, ctx: Any, test_iso: Path) -> None:
    wiz = _open(qtbot, ctx)
    # 1. Source: ISO is the default choice; the next button waits for a file.
    assert wiz.source_page.radios[SourceKind.ISO].isChecked()
    assert not wiz.source_page.isComplete()
    assert any("ISO" in m for m in wiz.source_page.problems.messages)
    qtbot.keyClicks(wiz.source_page.iso.edit, str(test_iso))
    assert wiz.source_page.isComplete()
    _next(qtbot, wiz)
    # 2. OS: Linux, picked with the keyboard.
    assert wiz.currentPage() is wiz.os_page
    wiz.os_page.list.setFocus()
    qtbot.keyClick(wiz.os_page.list, Qt.Key.Key_Home)
    assert wiz.draft.os is OsPreset.LINUX
    assert "virtio" in wiz.os_page.why.text()
    _next(qtbot, wiz)
    # 3. Memory and CPUs, with the host's real figures shown.
    page = wiz.resources_page
    assert "This computer has" in page.memory_hint.text()
    page.memory.setValue(256)
    page.cpus.setValue(1)
    _next(qtbot, wiz)
    # 4. Disk: a new one, with the free space measured (never "Unknown").
    page4 = wiz.disk_page
    assert "free in" in page4.free.text()
    assert "Unknown" not in page4.free.text()
    page4.size_spin.setValue(1)
    _next(qtbot, wiz)
    # 5. Options: defaults for Linux, advanced folded away.
    assert wiz.options_page.virtio_disk.isChecked()
    assert not wiz.options_page.advanced.isVisible()
    _next(qtbot, wiz)
    # 6. Summary: a bad name is refused live, a good one accepted.
    summary = wiz.summary_page
    assert wiz.command_line.startswith("qemu-system-x86_64 ")
    assert summary.command.plain_text() == wiz.command_line
    summary.name.clear()
    qtbot.keyClicks(summary.name, ".hidden")
    assert not summary.isComplete()
    assert any("start it with a letter" in m for m in summary.problems.messages)
    summary.name.clear()
    qtbot.keyClicks(summary.name, "ui-test")
    assert summary.isComplete()
    assert "ui-test" in wiz.command_line
    summary.start_now.setChecked(False)
    created: list[Any] = []
    wiz.vm_created.connect(lambda stored, start: created.append((stored, start)))
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(created), timeout=30_000)

    stored, start_now = created[0]
    assert start_now == 0
    folder = ctx.vm_root / "ui-test"
    assert stored.folder.dir == folder
    definition = json.loads((folder / "vm.json").read_text())
    assert definition["name"] == "ui-test"
    assert definition["memory_mib"] == 256
    assert definition["machine_version"].startswith("pc-q35-")
    disk = folder / "disk.qcow2"
    assert disk.is_file() and disk.read_bytes()[:4] == b"QFI\xfb"
    assert ctx.store.find("ui-test") is not None
    assert stored.spec.disks[0].bus is DiskBus.VIRTIO
    assert stored.spec.disks[0].size_bytes == GIB
    assert not wiz.isVisible()


def test_wizard_for_a_usb_stick_image(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    stick = tmp_path / "stick.img"
    stick.write_bytes(b"\0" * 1024 * 1024)
    wiz = _open(qtbot, ctx, source=SourceKind.USB)
    assert wiz.source_page.radios[SourceKind.USB].isChecked()
    assert wiz.source_page.protect.isChecked()
    wiz.source_page.stick.setEditText(str(stick))
    assert wiz.source_page.isComplete(), wiz.source_page.problems.messages
    assert wiz.spec.usb_stick is not None and wiz.spec.usb_stick.protected
    for _ in range(3):
        _next(qtbot, wiz)
    # A live stick needs no disk.
    assert wiz.disk_page.radios[wiz.draft.disk.NONE].isEnabled()
    wiz.disk_page.radios[wiz.draft.disk.NONE].setChecked(True)
    assert wiz.spec.disks == ()
    _next(qtbot, wiz)
    _next(qtbot, wiz)
    assert wiz.draft.name == "usb-test"
    assert "usb-storage" in wiz.command_line
    wiz.reject()


def test_wizard_explains_errors_on_the_right_page(qtbot: Any, ctx: Any, test_iso: Path) -> None:
    wiz = _open(qtbot, ctx)
    wiz.source_page.iso.set_text(str(test_iso) + ".missing")
    assert not wiz.source_page.isComplete()
    assert any("does not exist" in m for m in wiz.source_page.problems.messages)
    wiz.source_page.iso.set_text(str(test_iso))
    _next(qtbot, wiz)
    _next(qtbot, wiz)
    facts = ctx.host_facts
    wiz.resources_page.memory.setValue(facts.memory_mib + 1024)
    assert not wiz.resources_page.isComplete()
    assert any("this computer has only" in m for m in wiz.resources_page.problems.messages)
    wiz.resources_page.memory.setValue(256)
    assert wiz.resources_page.isComplete()
    _next(qtbot, wiz)
    _next(qtbot, wiz)
    # KVM does not work on this machine: choosing it is refused with the reason.
    page = wiz.options_page
    page.advanced_toggle.setChecked(True)
    if not facts.kvm_usable:
        page.accel.setCurrentIndex(page.accel.findData("kvm"))
        assert not page.isComplete()
        assert any("KVM cannot be used" in m for m in page.problems.messages)
        page.accel.setCurrentIndex(page.accel.findData("auto"))
    assert page.isComplete()
    wiz.reject()


def test_wizard_from_the_keyboard(qtbot: Any, ctx: Any, test_iso: Path) -> None:
    """Return moves on from every page (it is the default button); arrows pick the OS."""
    wiz = _open(qtbot, ctx)
    wiz.activateWindow()
    qtbot.waitActive(wiz)

    def enter(widget: Any, page: Any) -> None:
        widget.setFocus()
        qtbot.keyClick(widget, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: wiz.currentPage() is page, timeout=5000)

    edit = wiz.source_page.iso.edit
    edit.setFocus()
    qtbot.keyClicks(edit, str(test_iso))
    enter(edit, wiz.os_page)
    wiz.os_page.list.setFocus()
    qtbot.keyClick(wiz.os_page.list, Qt.Key.Key_Down)
    picked: OsPreset = wiz.draft.os
    assert picked is OsPreset.WINDOWS11
    qtbot.keyClick(wiz.os_page.list, Qt.Key.Key_Up)
    picked = wiz.draft.os
    assert picked is OsPreset.LINUX
    enter(wiz.button(QWizard.WizardButton.NextButton), wiz.resources_page)
    spin = wiz.resources_page.memory
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "512")
    enter(spin, wiz.disk_page)
    assert wiz.draft.memory_mib == 512
    enter(wiz.disk_page.size_spin, wiz.options_page)
    enter(wiz.options_page.sound, wiz.summary_page)
    # The name field has the focus on the last page, its suggestion selected for typing over.
    assert wiz.focusWidget() is wiz.summary_page.name
    assert wiz.summary_page.name.selectedText() == wiz.draft.name
    qtbot.keyClick(wiz, Qt.Key.Key_Escape)  # Escape cancels
    qtbot.waitUntil(lambda: not wiz.isVisible(), timeout=5000)


def test_existing_image_source_detects_the_format(qtbot: Any, ctx: Any, run_async: Any,
                                                  short_root: Path) -> None:
    from kvmgui.runtime.images import create_image

    image = short_root / "old-system.qcow2"
    run_async(create_image(image, "qcow2", 64 * 1024 * 1024))
    wiz = _open(qtbot, ctx, source=SourceKind.IMAGE)
    wiz.source_page.image.set_text(str(image))
    qtbot.waitUntil(lambda: "qcow2" in wiz.source_page.image_hint.text(), timeout=20_000)
    assert wiz.source_page.isComplete()
    assert wiz.spec.disks[0].path == str(image)
    assert wiz.spec.disks[0].size_bytes is None  # used where it is, never created
    wiz.next()
    wiz.next()
    wiz.next()
    assert wiz.currentPage() is wiz.disk_page
    assert not wiz.disk_page.choices.isVisible()
    assert str(image) in wiz.disk_page.image_note.text()
    wiz.reject()
