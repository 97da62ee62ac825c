"""The wizard's "existing disk image" source refuses an image whose base is a host file, and
takes it again once another image is chosen (the rule: kvmgui/core/chain_rule.py)."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from kvmgui.ui.wizard import NewVmWizard, SourceKind

# Every test here runs qemu-img, qemu-io or qemu-system-x86_64: not in the fast lane.
pytestmark = pytest.mark.qemu

ENV_TIMEOUT_MS = 60_000


def test_an_image_whose_base_is_a_host_file_cannot_be_chosen(
    qtbot: Any, ctx: Any, short_root: Path
) -> None:
    hostile = short_root / "gift.qcow2"
    subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", "-u", "-b", "/etc/shadow",
                    "-F", "raw", str(hostile), "4M"], check=True)
    fine = short_root / "mine.qcow2"
    subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", str(fine), "4M"], check=True)
    before = hostile.read_bytes()

    wiz = NewVmWizard(ctx, source=SourceKind.IMAGE)
    qtbot.addWidget(wiz)
    wiz.show()
    qtbot.waitExposed(wiz)
    qtbot.waitUntil(lambda: wiz.model.env_ready, timeout=ENV_TIMEOUT_MS)
    page = wiz.source_page
    page.image.set_text(str(hostile))
    qtbot.waitUntil(lambda: "system file" in page.image_hint.text(), timeout=20_000)
    assert page.image_hint.text() == (
        "gift.qcow2's base /etc/shadow is a system file, not one of your images: kvmgui will "
        "not let a VM read it.")
    assert not page.isComplete()
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wiz.currentPage() is page  # Next stays on the page
    # Converting it would copy the host file into the new disk: refused just the same.
    page.image_use.setCurrentIndex(1)
    assert not page.isComplete()

    page.image.set_text(str(fine))
    qtbot.waitUntil(lambda: "qcow2" in page.image_hint.text(), timeout=20_000)
    assert page.isComplete()
    assert hostile.read_bytes() == before
    wiz.reject()


def test_another_vms_raw_disk_is_read_with_its_recorded_format(
    qtbot: Any, ctx: Any, short_root: Path
) -> None:
    from kvmgui.core.model import Disk, DiskFormat
    from tests.runtime.helpers import tiny_spec

    private = short_root / "private.img"
    private.write_bytes(b"PRIVATE\n".ljust(1024 * 1024, b"\0"))
    disk = short_root / "guest.raw"
    with open(disk, "wb") as f:
        f.truncate(4 * 1024 * 1024)
    ctx.store.create(tiny_spec("first", disks=(Disk(str(disk), DiskFormat.RAW),)))
    header = short_root / "header.qcow2"  # what the first VM's guest writes into its disk
    subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", "-u", "-b", str(private),
                    "-F", "raw", str(header), "1M"], check=True)
    with open(disk, "r+b") as f:
        f.write(header.read_bytes())

    wiz = NewVmWizard(ctx, source=SourceKind.IMAGE)
    qtbot.addWidget(wiz)
    wiz.show()
    qtbot.waitExposed(wiz)
    qtbot.waitUntil(lambda: wiz.model.env_ready, timeout=ENV_TIMEOUT_MS)
    wiz.source_page.image.set_text(str(disk))
    qtbot.waitUntil(lambda: "Format:" in wiz.source_page.image_hint.text(), timeout=20_000)
    assert wiz.source_page.image_hint.text().startswith("Format: raw.")
    assert wiz.model.draft.image_format is DiskFormat.RAW
    wiz.reject()
