"""The Hardware page's "Start from" choice and how it shows a new VM's install phase."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from kvmgui.core.boot import with_install_phase
from kvmgui.core.model import BootDevice, Cdrom, CdromSource, Disk
from kvmgui.core.presets import new_spec
from kvmgui.runtime.state import VmState
from kvmgui.ui.details_hardware import INSTALL_CHOICE, HardwarePage


def _installing_vm(ctx: Any, tmp_path: Path) -> Any:
    iso = tmp_path / "debian.iso"
    iso.write_bytes(bytes(2048))
    spec = new_spec("debian", memory_mib=256, cpus=1,
                    disks=(Disk("disk.qcow2", size_bytes=1 << 30),),
                    cdrom=Cdrom(CdromSource.ISO, str(iso)),
                    boot_order=(BootDevice.DISK, BootDevice.CDROM))
    stored = ctx.store.create(with_install_phase(spec))
    (stored.folder.dir / "disk.qcow2").write_bytes(b"placeholder")
    return stored


def _items(page: HardwarePage) -> list[str]:
    return [str(page.boot.itemData(i)) for i in range(page.boot.count())]


def test_install_phase_is_shown_and_a_chosen_order_ends_it(qtbot: Any, ctx: Any,
                                                           tmp_path: Path) -> None:
    stored = _installing_vm(ctx, tmp_path)
    page = HardwarePage(ctx, stored)
    qtbot.addWidget(page)
    assert _items(page) == [INSTALL_CHOICE, "disk", "cdrom"]  # no stick: no USB item
    assert page.boot.currentData() == INSTALL_CHOICE
    assert "for the installation" in page.boot_hint.text()
    assert page.edited_spec() == stored.spec  # nothing changed yet
    assert not page.apply_button.isEnabled()

    page.boot.setCurrentIndex(page.boot.findData("disk"))
    edited = page.edited_spec()
    assert not edited.install_phase and edited.boot_order[0] is BootDevice.DISK
    assert page.boot_hint.text() == "It starts from the disk first."
    assert page.apply_button.isEnabled()
    page.set_state(VmState.RUNNING)
    assert "start-up device" in page.restart_note.text()
    page.set_state(VmState.STOPPED)
    assert page.apply()
    saved = ctx.store.get("debian").spec
    assert not saved.install_phase and saved.boot_order[0] is BootDevice.DISK
    # Once ended, the install phase is no longer offered.
    assert _items(page) == ["disk", "cdrom"]


def test_choosing_the_cd_first(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    stored = _installing_vm(ctx, tmp_path)
    stored = ctx.store.save(replace(stored, spec=replace(stored.spec, install_phase=False)))
    page = HardwarePage(ctx, stored)
    qtbot.addWidget(page)
    assert page.boot.currentData() == "disk"
    page.boot.setCurrentIndex(page.boot.findData("cdrom"))
    assert page.edited_spec().boot_order[0] is BootDevice.CDROM
    assert page.boot_hint.text() == "It starts from the CD/DVD first."


def test_a_start_that_ended_the_phase_is_shown(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    stored = _installing_vm(ctx, tmp_path)
    page = HardwarePage(ctx, stored)
    qtbot.addWidget(page)
    saved: list[Any] = []
    page.saved.connect(saved.append)
    # What runtime.launch.settle_install_phase does when the disk holds a system.
    ended = ctx.store.save(replace(stored, spec=replace(stored.spec, install_phase=False)))
    page.set_state(VmState.RUNNING)
    assert page.stored.digest == ended.digest and saved == [page.stored]
    assert page.boot.currentData() == "disk" and INSTALL_CHOICE not in _items(page)
    assert not page.apply_button.isEnabled()  # nothing edited: the form is the file


def test_own_edits_are_kept_when_the_phase_ended_meanwhile(qtbot: Any, ctx: Any,
                                                           tmp_path: Path) -> None:
    stored = _installing_vm(ctx, tmp_path)
    page = HardwarePage(ctx, stored)
    qtbot.addWidget(page)
    page.memory.setValue(512)
    ctx.store.save(replace(stored, spec=replace(stored.spec, install_phase=False)))
    page.set_state(VmState.RUNNING)
    assert page.memory.value() == 512 and page.stored is stored
