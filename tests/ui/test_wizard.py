"""The new-VM wizard, driven like a person would: keyboard first, every page, to Finish."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from kvmgui.core.model import DiskBus, OsPreset
from kvmgui.core.sizes import GIB
from kvmgui.ui.wizard import NewVmWizard, SourceKind

# Every test here runs qemu-img, qemu-io or qemu-system-x86_64: not in the fast lane.
pytestmark = pytest.mark.qemu

ENV_TIMEOUT_MS = 60_000


def _open(qtbot: Any, ctx: Any, **kwargs: Any) -> NewVmWizard:
    wiz = NewVmWizard(ctx, **kwargs)
    qtbot.addWidget(wiz)
    wiz.show()
    qtbot.waitExposed(wiz)
    qtbot.waitUntil(lambda: wiz.model.env_ready, timeout=ENV_TIMEOUT_MS)
    return wiz


def _next(qtbot: Any, wiz: NewVmWizard) -> None:
    before = wiz.currentId()
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wiz.currentId() == before + 1, timeout=5000)


def test_wizard_creates_a_real_vm(qtbot: Any, ctx: Any, test_iso: Path) -> None:
    wiz = _open(qtbot, ctx)
    # 1. Source: ISO is the default choice. Nothing is red before the user did anything;
    # Next says what is missing and stays until a file is chosen.
    assert wiz.source_page.radios[SourceKind.ISO].isChecked()
    assert wiz.source_page.problems.messages == []
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wiz.currentPage() is wiz.source_page
    assert not wiz.source_page.isComplete()
    assert any("ISO" in m for m in wiz.source_page.problems.messages)
    qtbot.keyClicks(wiz.source_page.iso.edit, str(test_iso))
    qtbot.waitUntil(lambda: wiz.model.medium_checked, timeout=10_000)
    assert wiz.source_page.isComplete()
    _next(qtbot, wiz)
    # 2. OS: Linux, picked with the keyboard.
    assert wiz.currentPage() is wiz.os_page
    wiz.os_page.list.setFocus()
    qtbot.keyClick(wiz.os_page.list, Qt.Key.Key_Home)
    assert wiz.model.draft.os is OsPreset.LINUX
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
    assert wiz.model.command_line.startswith("qemu-system-x86_64 ")
    assert summary.command.plain_text() == wiz.model.command_line
    summary.name.clear()
    qtbot.keyClicks(summary.name, ".hidden")
    assert not summary.isComplete()
    assert any("start it with a letter" in m for m in summary.problems.messages)
    summary.name.clear()
    qtbot.keyClicks(summary.name, "ui-test")
    assert summary.isComplete()
    assert "ui-test" in wiz.model.command_line
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
    assert wiz.model.spec.usb_stick is not None and wiz.model.spec.usb_stick.protected
    for _ in range(3):
        _next(qtbot, wiz)
    # A live stick needs no disk.
    assert wiz.disk_page.radios[wiz.model.draft.disk.NONE].isEnabled()
    wiz.disk_page.radios[wiz.model.draft.disk.NONE].setChecked(True)
    assert wiz.model.spec.disks == ()
    _next(qtbot, wiz)
    _next(qtbot, wiz)
    assert wiz.model.draft.name == "usb-test"
    assert "usb-storage" in wiz.model.command_line
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
    picked: OsPreset = wiz.model.draft.os
    assert picked is OsPreset.WINDOWS11
    qtbot.keyClick(wiz.os_page.list, Qt.Key.Key_Up)
    picked = wiz.model.draft.os
    assert picked is OsPreset.LINUX
    enter(wiz.button(QWizard.WizardButton.NextButton), wiz.resources_page)
    spin = wiz.resources_page.memory
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "512")
    enter(spin, wiz.disk_page)
    assert wiz.model.draft.memory_mib == 512
    enter(wiz.disk_page.size_spin, wiz.options_page)
    enter(wiz.options_page.sound, wiz.summary_page)
    # The name field has the focus on the last page, its suggestion selected for typing over.
    assert wiz.focusWidget() is wiz.summary_page.name
    assert wiz.summary_page.name.selectedText() == wiz.model.draft.name
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
    assert wiz.model.spec.disks[0].path == str(image)
    assert wiz.model.spec.disks[0].size_bytes is None  # used where it is, never created
    wiz.next()
    wiz.next()
    wiz.next()
    assert wiz.currentPage() is wiz.disk_page
    assert not wiz.disk_page.choices.isVisible()
    assert str(image) in wiz.disk_page.image_note.text()
    wiz.reject()


def _spin_type(qtbot: Any, spin: Any, text: str) -> None:
    """Select what the spin box holds and type `text` over it, as a person would."""
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)


def _to(qtbot: Any, wiz: NewVmWizard, page: Any) -> None:
    while wiz.currentPage() is not page:
        _next(qtbot, wiz)


def _next_enabled(wiz: NewVmWizard) -> bool:
    return bool(wiz.button(QWizard.WizardButton.NextButton).isEnabled())


def test_out_of_range_values_are_kept_and_explained(qtbot: Any, ctx: Any,
                                                   test_iso: Path) -> None:
    """0 MiB, 0 CPUs, more CPUs than the host has, a 0 GiB disk: each typed value stays
    in the box and in the draft, one sentence says why, and Next is disabled."""
    wiz = _open(qtbot, ctx)
    qtbot.keyClicks(wiz.source_page.iso.edit, str(test_iso))
    _to(qtbot, wiz, wiz.resources_page)
    page = wiz.resources_page
    assert page.problems.messages == []
    cores = ctx.host_facts.cpu_count
    cases = [
        (page.memory, "0", "memory_mib", 0, ["0 MiB of memory is too little: give the VM at "
                                              "least 32 MiB."]),
        (page.memory, "999999", "memory_mib", 999999, [
            f"The VM has 999999 MiB of memory but this computer has only "
            f"{ctx.host_facts.memory_mib} MiB: give it less."]),
        (page.cpus, "0", "cpus", 0, ["A VM needs at least 1 CPU."]),
        (page.cpus, "64", "cpus", 64, [f"The VM has 64 CPUs but this computer has only "
                                       f"{cores}: give it at most {cores}."]),
    ]
    for spin, typed, field, value, messages in cases:
        _spin_type(qtbot, spin, typed)
        assert spin.value() == value and spin.cleanText() == typed
        assert getattr(wiz.model.draft, field) == value
        assert page.problems.messages == messages
        assert not page.isComplete() and not _next_enabled(wiz)
        _spin_type(qtbot, spin, "256" if spin is page.memory else "1")
        assert page.problems.messages == [] and _next_enabled(wiz)
    _next(qtbot, wiz)
    disk = wiz.disk_page
    _spin_type(qtbot, disk.size_spin, "0")
    assert disk.size_spin.value() == 0 and wiz.model.draft.disk_gib == 0
    assert disk.problems.messages == ["Disk 1 has no size: give it a size like 20G."]
    assert not _next_enabled(wiz)
    _spin_type(qtbot, disk.size_spin, "99999")
    assert disk.problems.messages == ["Disk 1 is larger than 64 TiB: give it a size like 20G."]
    assert wiz.model.spec.disks[0].size_bytes == 99999 * GIB
    _spin_type(qtbot, disk.size_spin, "2")
    assert disk.problems.messages == [] and _next_enabled(wiz)
    wiz.reject()


def test_cpu_count_is_not_clamped_to_the_host(qtbot: Any, ctx: Any, test_iso: Path) -> None:
    """A value the user set is never replaced when the host facts arrive."""
    wiz = _open(qtbot, ctx)
    wiz.source_page.iso.set_text(str(test_iso))
    _to(qtbot, wiz, wiz.resources_page)
    _spin_type(qtbot, wiz.resources_page.cpus, str(ctx.host_facts.cpu_count + 6))
    wiz.model.env_changed.emit()
    assert wiz.model.draft.cpus == ctx.host_facts.cpu_count + 6
    assert wiz.resources_page.cpus.value() == ctx.host_facts.cpu_count + 6
    wiz.reject()


def test_name_problems_one_message_and_no_made_up_name(qtbot: Any, ctx: Any,
                                                       test_iso: Path) -> None:
    wiz = _open(qtbot, ctx)
    wiz.source_page.iso.set_text(str(test_iso))
    _to(qtbot, wiz, wiz.summary_page)
    summary = wiz.summary_page
    assert summary.problems.messages == []
    assert wiz.model.draft.name in wiz.model.command_line
    for bad, message in (
        ("a/b", "A name cannot contain '/': use another character such as '-'."),
        ("..", "A name cannot start with '.', as such folders are hidden: start it with a "
               "letter or digit."),
        ("../up", "A name cannot contain '/': use another character such as '-'."),
    ):
        summary.name.clear()
        qtbot.keyClicks(summary.name, bad)
        assert summary.problems.messages == [message], bad
        assert wiz.model.command_line == ""
        assert not summary.isComplete()
    summary.name.selectAll()
    qtbot.keyClick(summary.name, Qt.Key.Key_Backspace)
    assert summary.problems.messages == ["Give the VM a name."]
    assert wiz.model.command_line == ""
    shown = summary.command.plain_text()
    assert "new-vm" not in shown and "guest=" not in shown
    assert "valid name" in shown
    assert "valid name" in summary.folder.text()
    assert not summary.isComplete()
    assert not wiz.button(QWizard.WizardButton.FinishButton).isEnabled()
    qtbot.keyClicks(summary.name, "good")
    assert summary.problems.messages == [] and "guest=good" in wiz.model.command_line
    assert summary.folder.text() == str(ctx.vm_root / "good")
    wiz.reject()


def test_system_type_sets_the_offered_memory(qtbot: Any, ctx: Any, test_iso: Path) -> None:
    """Page 3 offers what the system type on page 2 needs, until the user changes it."""
    from kvmgui.core.presets import PRESETS

    wiz = _open(qtbot, ctx)
    wiz.source_page.iso.set_text(str(test_iso))
    _to(qtbot, wiz, wiz.resources_page)
    assert wiz.resources_page.memory.value() == PRESETS[OsPreset.LINUX].memory_mib
    wiz.back()
    wiz.os_page.list.setCurrentRow(list(OsPreset).index(OsPreset.WINDOWS10))
    _next(qtbot, wiz)
    win = PRESETS[OsPreset.WINDOWS10]
    assert wiz.resources_page.memory.value() == win.memory_mib
    assert wiz.resources_page.cpus.value() == win.cpus
    assert f"{win.memory_mib} MiB" in wiz.resources_page.memory_hint.text()
    # A value the user typed survives another change of system type.
    _spin_type(qtbot, wiz.resources_page.memory, "3000")
    wiz.back()
    wiz.os_page.list.setCurrentRow(list(OsPreset).index(OsPreset.LINUX))
    _next(qtbot, wiz)
    assert wiz.resources_page.memory.value() == 3000
    assert wiz.resources_page.cpus.value() == PRESETS[OsPreset.LINUX].cpus
    wiz.reject()


def test_no_error_shown_before_the_user_acts(qtbot: Any, ctx: Any, test_iso: Path) -> None:
    wiz = _open(qtbot, ctx, source=SourceKind.USB)
    assert wiz.source_page.problems.messages == []
    assert not wiz.source_page.problems.isVisible()
    assert _next_enabled(wiz)
    wiz.next()  # refused, and now it says why
    assert wiz.currentPage() is wiz.source_page
    assert wiz.source_page.problems.messages == ["Choose the USB stick."]
    assert not _next_enabled(wiz)
    wiz.reject()


def test_a_file_that_is_no_disc_image_is_refused(qtbot: Any, ctx: Any, test_iso: Path,
                                                 short_root: Path) -> None:
    wiz = _open(qtbot, ctx)
    qtbot.keyClicks(wiz.source_page.iso.edit, "/etc/passwd")
    qtbot.waitUntil(lambda: wiz.model.medium_checked, timeout=10_000)
    assert wiz.source_page.problems.messages == [
        "/etc/passwd is neither a CD/DVD image (ISO) nor a bootable disk image: pick the "
        "install or live disc image of the system, usually a file ending in .iso."
    ]
    assert not _next_enabled(wiz)
    wiz.source_page.iso.edit.clear()
    qtbot.keyClicks(wiz.source_page.iso.edit, str(test_iso))
    qtbot.waitUntil(lambda: wiz.model.medium_checked, timeout=10_000)
    assert wiz.source_page.problems.messages == []
    assert _next_enabled(wiz)
    wiz.reject()


def _sound_session(monkeypatch: Any, where: Path, *, server: bool) -> None:
    """A desktop session with (or without) a PulseAudio socket, as the host probe sees it."""
    import socket

    run = where / "run"
    (run / "pulse").mkdir(parents=True)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(run))
    monkeypatch.delenv("PULSE_SERVER", raising=False)
    if server:
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(run / "pulse" / "native"))
        sock.close()


def test_sound_is_off_without_a_sound_server(qtbot: Any, ctx: Any, test_iso: Path,
                                              short_root: Path, monkeypatch: Any) -> None:
    _sound_session(monkeypatch, short_root, server=False)
    wiz = _open(qtbot, ctx)
    assert ctx.host_facts.audio_driver == "none"
    assert not wiz.model.draft.sound
    wiz.source_page.iso.set_text(str(test_iso))
    _to(qtbot, wiz, wiz.options_page)
    assert not wiz.options_page.sound.isChecked()
    assert "No sound server" in wiz.options_page.sound_hint.text()
    assert wiz.options_page.sound_hint.isVisible()
    # Another system type does not turn it back on.
    wiz.back(), wiz.back(), wiz.back()
    wiz.os_page.list.setCurrentRow(list(OsPreset).index(OsPreset.WINDOWS10))
    assert not wiz.model.draft.sound
    wiz.reject()


def test_sound_stays_on_with_a_sound_server(qtbot: Any, ctx: Any, short_root: Path,
                                             monkeypatch: Any) -> None:
    _sound_session(monkeypatch, short_root, server=True)
    wiz = _open(qtbot, ctx)
    assert ctx.host_facts.audio_driver == "pa"
    assert wiz.model.draft.sound
    assert wiz.options_page.sound_hint.text() == ""
    wiz.reject()


def _mnemonic_texts(page: Any, wiz: NewVmWizard) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    texts = [b.text() for b in page.findChildren(QAbstractButton)]
    texts += [lb.text() for lb in page.findChildren(QLabel) if lb.buddy() is not None]
    for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                  QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton):
        button = wiz.button(which)
        if button.isVisible():
            texts.append(button.text())
    return [t for t in texts if "&" in t.replace("&&", "")]


def _mnemonics(page: Any, wiz: NewVmWizard) -> list[str]:
    letters = []
    for text in _mnemonic_texts(page, wiz):
        i = text.replace("&&", "").find("&")
        if i >= 0:
            letters.append(text.replace("&&", "")[i + 1].lower())
    return letters


@pytest.mark.parametrize("french", [False, True], ids=["en", "fr"])
def test_every_alt_letter_is_unique_on_each_page(qtbot: Any, qapp: Any, ctx: Any,
                                                 test_iso: Path, french: bool) -> None:
    from PySide6.QtCore import QLocale

    from kvmgui.ui import i18n

    translator = None
    if french:
        translator = i18n.install_translator(
            qapp, QLocale(QLocale.Language.French, QLocale.Country.France))
        assert translator is not None
    try:
        _check_alt_letters(qtbot, ctx, test_iso)
    finally:
        if translator is not None:
            i18n.remove_translator(qapp, translator)


def _check_alt_letters(qtbot: Any, ctx: Any, test_iso: Path) -> None:
    wiz = _open(qtbot, ctx)
    wiz.source_page.iso.set_text(str(test_iso))
    for page in (wiz.source_page, wiz.os_page, wiz.resources_page, wiz.disk_page,
                 wiz.options_page, wiz.summary_page):
        _to(qtbot, wiz, page)
        letters = _mnemonics(page, wiz)
        assert len(letters) == len(set(letters)), (page.title(), _mnemonic_texts(page, wiz))
    wiz.reject()


def test_create_goes_back_to_a_page_whose_check_failed_late(qtbot: Any, ctx: Any,
                                                           test_iso: Path) -> None:
    """Create never does nothing: an error found after its page was left is shown there."""
    wiz = _open(qtbot, ctx)
    wiz.source_page.iso.set_text(str(test_iso))
    _to(qtbot, wiz, wiz.summary_page)
    wiz.model.draft.iso_path = "/etc/passwd"  # as if the file had been chosen and not yet read
    wiz.model.check_install_medium()
    qtbot.waitUntil(lambda: wiz.model.medium_checked, timeout=10_000)
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wiz.currentPage() is wiz.source_page
    assert any("/etc/passwd is neither" in m for m in wiz.source_page.problems.messages)
    assert wiz.created is None
    wiz.reject()


def test_a_failed_creation_leaves_no_vm_folder(qtbot: Any, ctx: Any, test_iso: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The last step fails after the disk was written (runtime.creation, as for the CLI):
    the error is shown, and neither the disk nor the VM's folder is left."""
    from kvmgui.core.store import StoreError
    from kvmgui.ui.wizard import wizard as wizard_module

    wiz = _open(qtbot, ctx)
    wiz.source_page.iso.set_text(str(test_iso))
    qtbot.waitUntil(lambda: wiz.model.medium_checked, timeout=10_000)
    wiz.model.draft.name = "doomed"
    wiz.model.draft.disk_gib = 1
    wiz.model.revalidate()
    errors: list[str] = []
    monkeypatch.setattr(wizard_module, "show_error",
                        lambda _parent, text, **_kw: errors.append(text))
    written: list[bool] = []

    def refuse(stored: Any) -> None:
        written.append((stored.folder.dir / "disk.qcow2").is_file())
        raise StoreError("the VM could not be listed")

    monkeypatch.setattr(ctx.store, "mark_complete", refuse)
    wiz.model.spawn(wiz.create_vm())
    qtbot.waitUntil(lambda: bool(errors), timeout=30_000)
    assert written == [True]
    assert not (ctx.vm_root / "doomed").exists()
    assert not wiz.creating
    wiz.reject()
