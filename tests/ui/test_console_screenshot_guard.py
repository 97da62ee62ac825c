"""The console's "Save Screenshot" goes through the write guard: a VM's disk (or a base of
linked clones) is refused even after the save dialog's "replace it?" was answered yes."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from kvmgui.core.model import Disk, DiskFormat
from kvmgui.core.presets import new_spec
from kvmgui.ui.details_console import ConsolePage

# Every test here runs qemu-img, qemu-io or qemu-system-x86_64: not in the fast lane.
pytestmark = [
    pytest.mark.qemu,
    pytest.mark.skipif(shutil.which("qemu-img") is None, reason="qemu-img is not installed"),
]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_screenshot_save_refuses_a_vm_disk(qtbot: Any, ctx: Any, run_async: Any,
                                           tmp_path: Path) -> None:
    other = ctx.store.create(new_spec("other", disks=(Disk("disk.qcow2", DiskFormat.QCOW2),)))
    disk = other.folder.dir / "disk.qcow2"
    subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", str(disk), "16M"], check=True,
                   timeout=60)
    spec = new_spec("shown", memory_mib=64)
    ctx.store.create(spec)
    page = ConsolePage(ctx, spec)
    qtbot.addWidget(page)
    page.console._frame.resize(64, 48)  # a (black) guest screen without a connection
    bar = page.toolbar
    before = sha256(disk)

    dialog = bar.choose_screenshot_file()
    assert dialog is not None
    dialog.fileSelected.emit(str(disk))  # chosen, and "replace it?" answered yes
    assert bar.save_task is not None
    run_async(bar.save_task)
    box = bar.error_box
    assert box is not None and box.isVisible()
    assert box.text() == (f"{disk} is the disk of the VM 'other'; writing it would destroy "
                          "that disk, so choose another file.")
    assert sha256(disk) == before
    again = bar.save_dialog
    assert again is not None and again is not dialog and again.isVisible()
    box.accept()

    # A read-only file is refused too, even though the dialog asked about replacing it.
    kept = tmp_path / "kept.png"
    kept.write_text("keep me\n")
    kept.chmod(0o444)
    again.fileSelected.emit(str(kept))
    run_async(bar.save_task)
    assert bar.error_box is not None and bar.error_box.text().startswith(f"{kept} is read-only")
    assert kept.read_text() == "keep me\n"
    bar.error_box.accept()

    # Another name is saved as before; an unrelated file is replaced (the dialog asked).
    good = tmp_path / "shot.png"
    good.write_text("old\n")
    assert bar.save_dialog is not None
    with qtbot.waitSignal(bar.screenshotSaved):
        bar.save_dialog.fileSelected.emit(str(good))
        run_async(bar.save_task)
    assert good.read_bytes()[:4] == b"\x89PNG"
    assert sha256(disk) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.png", "shot.png"]
