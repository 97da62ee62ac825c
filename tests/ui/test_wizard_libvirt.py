"""The new-VM wizard with a libvirt connection as the target, on libvirt's test driver (no
daemon): "Create on" appears only when connections are given, the host's ISO volumes and
storage pools are listed, this computer's sources are unavailable, and Create makes the VM on
the host through runtime.libvirt_create with the wizard's progress; a name the host has is
refused on the summary page, a failed creation is shown. On the real daemon, an ISO of this
computer is uploaded into a pool of the test's own with its progress shown."""

from __future__ import annotations

import contextlib
import shutil
import uuid
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from kvmgui.ui.wizard import SourceKind
from kvmgui.ui.wizard.draft import DiskChoice
from kvmgui.ui.wizard.page_source import UPLOAD
from tests.libvirt_daemon import libvirtd  # noqa: F401  (the fixture)
from tests.libvirt_node import HOST_WITH_ISO, node_uri
from tests.libvirt_pool import pool_on
from tests.ui.test_wizard import ENV_TIMEOUT_MS as TIMEOUT_MS, _open, _to

pytest.importorskip("libvirt")

pytestmark = pytest.mark.gui


@pytest.fixture
def uri(tmp_path: Path) -> str:
    return node_uri(tmp_path, HOST_WITH_ISO)


def test_without_connections_nothing_asks_where(qtbot: Any, ctx: Any, qloop: Any) -> None:
    wiz = _open(qtbot, ctx)
    assert wiz.source_page.target_row.isHidden()
    assert not wiz.source_page.iso.isHidden() and wiz.source_page.host_iso.isHidden()
    assert not wiz.model.on_host
    wiz.reject()


def test_wizard_creates_the_vm_on_a_libvirt_host(qtbot: Any, ctx: Any, qloop: Any,
                                                 uri: str, monkeypatch: Any) -> None:
    from kvmgui.ui.wizard import wizard as wizard_module

    wiz = _open(qtbot, ctx, connections=[uri])
    page = wiz.source_page
    assert not page.target_row.isHidden()
    assert [page.target.itemText(i) for i in range(page.target.count())][1:] == [uri]
    page.target.setCurrentIndex(1)
    qtbot.waitUntil(lambda: wiz.model.host.loaded, timeout=TIMEOUT_MS)
    assert wiz.model.host.error == ""
    # This computer's drives, sticks and images are not on the host.
    for kind in (SourceKind.CDROM, SourceKind.USB, SourceKind.IMAGE):
        assert not page.radios[kind].isEnabled()
    assert page.iso.isHidden() and not page.host_iso.isHidden()
    items = [page.host_iso.itemData(i) for i in range(page.host_iso.count())]
    assert items == ["/var/lib/libvirt/images/debian-12.iso", UPLOAD]
    page.host_iso.setCurrentIndex(0)
    assert wiz.model.draft.iso_path == "/var/lib/libvirt/images/debian-12.iso"

    _to(qtbot, wiz, wiz.disk_page)
    disk = wiz.disk_page
    assert not disk.pool_row.isHidden()
    assert [disk.pool.itemData(i) for i in range(disk.pool.count())] == ["default", "fast"]
    assert disk.pool.currentData() == "default"
    assert not disk.radios[DiskChoice.EXISTING].isEnabled()
    disk.pool.setCurrentIndex(1)
    assert wiz.model.draft.pool == "fast"
    assert "storage pool fast of" in disk.free.text()

    _to(qtbot, wiz, wiz.summary_page)
    summary = wiz.summary_page
    assert summary.command.isHidden()
    assert summary.folder.text() == uri
    # A name the host already has is refused here, before anything is made.
    summary.name.clear()
    qtbot.keyClicks(summary.name, "web")
    assert any("web" in p.message for p in wiz.model.problems_for("summary"))
    assert not summary.isComplete()
    summary.name.clear()
    qtbot.keyClicks(summary.name, "lvcreate-gui")
    assert summary.start_now.isChecked()  # the test driver starts it as well
    assert "a new qcow2 disk volume in the storage pool fast" in summary.creates.text()
    errors: list[str] = []
    monkeypatch.setattr(wizard_module, "show_error",
                        lambda _parent, text, **_kw: errors.append(text))

    with qtbot.waitSignal(wiz.vm_created_on_host, timeout=TIMEOUT_MS) as made:
        qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton),
                         Qt.MouseButton.LeftButton)
    assert made.args == [uri, "lvcreate-gui", True]
    created = wiz.created_on_host
    assert created is not None
    assert [v.path for v in created.disks] == ["/srv/fast/lvcreate-gui.qcow2"]
    assert created.iso is not None and created.iso.name == "debian-12.iso"
    assert summary.status.text() == "Done."
    assert errors == []  # started without a word
    assert not wiz.isVisible()


def test_back_to_this_computer_is_the_local_wizard_again(qtbot: Any, ctx: Any, qloop: Any,
                                                         uri: str) -> None:
    wiz = _open(qtbot, ctx, connections=[uri])
    page = wiz.source_page
    page.target.setCurrentIndex(1)
    qtbot.waitUntil(lambda: wiz.model.host.loaded, timeout=TIMEOUT_MS)
    page.host_iso.setCurrentIndex(page.host_iso.findData(UPLOAD))
    assert not page.upload.isHidden()
    page.target.setCurrentIndex(0)
    assert not wiz.model.on_host and wiz.model.draft.upload_iso == ""
    assert not page.iso.isHidden() and page.host_iso.isHidden() and page.upload.isHidden()
    assert all(radio.isEnabled() for radio in page.radios.values())
    wiz.reject()


def test_a_failed_creation_on_the_host_is_shown_and_the_wizard_stays(
        qtbot: Any, ctx: Any, qloop: Any, uri: str, monkeypatch: Any) -> None:
    from kvmgui.ui.wizard import wizard as wizard_module

    wiz = _open(qtbot, ctx, connections=[uri])
    wiz.source_page.target.setCurrentIndex(1)
    qtbot.waitUntil(lambda: wiz.model.host.loaded, timeout=TIMEOUT_MS)
    wiz.model.choose_host_iso("/gone/away.iso")  # removed from the host meanwhile
    wiz.model.draft.name = "lvcreate-doomed"
    wiz.model.revalidate()
    errors: list[str] = []
    monkeypatch.setattr(wizard_module, "show_error",
                        lambda _parent, text, **kw: errors.append(kw["informative"]))
    wiz.model.spawn(wiz.create_vm())
    qtbot.waitUntil(lambda: bool(errors), timeout=TIMEOUT_MS)
    assert "holds '/gone/away.iso'" in errors[0]
    assert wiz.summary_page.status.text() == errors[0]
    assert not wiz.creating and wiz.created_on_host is None
    wiz.reject()


@pytest.mark.qemu
@pytest.mark.timeout(300)
def test_upload_on_the_real_daemon_shows_its_progress(qtbot: Any, ctx: Any, qloop: Any,
                                                      libvirtd: str, test_iso: Path,  # noqa: F811
                                                      tmp_path: Path) -> None:
    libvirt = pytest.importorskip("libvirt")
    local = tmp_path / "guest.iso"
    shutil.copyfile(test_iso, local)
    name = f"lvcreate-{uuid.uuid4().hex[:8]}"
    with pool_on(libvirtd, "lvcreate") as pool:
        wiz = _open(qtbot, ctx, connections=[libvirtd])
        page = wiz.source_page
        page.target.setCurrentIndex(1)
        qtbot.waitUntil(lambda: wiz.model.host.loaded, timeout=TIMEOUT_MS)
        assert wiz.model.host.error == ""
        page.host_iso.setCurrentIndex(page.host_iso.findData(UPLOAD))
        qtbot.keyClicks(page.upload.edit, str(local))
        assert wiz.model.draft.upload_iso == str(local)
        _to(qtbot, wiz, wiz.disk_page)
        wiz.disk_page.pool.setCurrentIndex(wiz.disk_page.pool.findData(pool.name))
        wiz.disk_page.size_spin.setValue(1)
        _to(qtbot, wiz, wiz.summary_page)
        summary = wiz.summary_page
        summary.name.clear()
        qtbot.keyClicks(summary.name, name)
        summary.start_now.setChecked(False)
        assert f"a copy of {local} in the storage pool {pool.name}" in summary.creates.text()
        steps: list[tuple[float, str]] = []
        wiz.model.creation_progress.connect(lambda f, text: steps.append((f, text)))
        try:
            with qtbot.waitSignal(wiz.vm_created_on_host, timeout=TIMEOUT_MS * 3):
                qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton),
                                 Qt.MouseButton.LeftButton)
            assert (pool.path / "guest.iso").read_bytes() == test_iso.read_bytes()
            uploading = [f for f, text in steps if text.startswith("Uploading guest.iso")]
            assert uploading and uploading[-1] == pytest.approx(0.85)
            assert steps[-1] == (1.0, "Done.")
        finally:
            conn = libvirt.open(libvirtd)
            with contextlib.suppress(libvirt.libvirtError):
                conn.lookupByName(name).undefine()
            conn.close()
