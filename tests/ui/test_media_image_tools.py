"""The disk image tools dialog, driven like a user would, against the real qemu-img.

Info with the backing chain, convert vmdk → compressed qcow2 (checked and compared), replace
only after a yes, Cancel midway leaving the source byte-identical, grow, shrink only after the
warning box is ticked, check with leak repair, and the runtime's refusal for a disk a running
VM holds.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kvmgui.core.sizes import GIB, MIB
from kvmgui.runtime.images import TMP_SUFFIX
from kvmgui.ui import errors
from kvmgui.ui.media.image_tools import ImageToolsDialog
from tests.qemu_holding import qemu_holding

# Every test here runs qemu-img, qemu-io or qemu-system-x86_64: not in the fast lane.
pytestmark = [
    pytest.mark.qemu,
    pytest.mark.skipif(shutil.which("qemu-img") is None, reason="needs qemu-img"),
]


def qemu_img(*args: str | Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["qemu-img", *map(str, args)], capture_output=True, text=True, check=check, timeout=60
    )


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def raw_with_data(path: Path, size: int, random_mib: int = 2) -> Path:
    with path.open("wb") as f:
        f.truncate(size)
        f.seek(MIB)
        f.write(b"kvmgui says hello\n" * 50_000)
        f.seek(size // 2)
        f.write(os.urandom(random_mib * MIB))
    return path


def leftovers(folder: Path) -> list[str]:
    return [n for n in os.listdir(folder) if n.endswith(TMP_SUFFIX)]


def click(qtbot: Any, button: Any) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def answer(qtbot: Any, button: QMessageBox.StandardButton) -> str:
    """Click `button` in the message box that is open; return its text."""
    qtbot.waitUntil(lambda: bool(errors.open_boxes()), timeout=10_000)
    box = errors.open_boxes()[-1]
    text = box.text() + " " + box.informativeText()
    box.button(button).click()
    qtbot.waitUntil(lambda: box not in errors.open_boxes(), timeout=5_000)
    return text


def dialog(qtbot: Any, ctx: Any, image: Path | None = None) -> ImageToolsDialog:
    dlg = ImageToolsDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    if image is not None:
        qtbot.keyClicks(dlg.image.edit, str(image))
        qtbot.waitUntil(lambda: dlg.info is not None, timeout=15_000)
    return dlg


def idle(qtbot: Any, dlg: ImageToolsDialog, timeout: int = 60_000) -> None:
    qtbot.waitUntil(lambda: not dlg.panel.busy and not dlg.tasks, timeout=timeout)


def test_info_shows_format_sizes_and_backing_chain(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    base = tmp_path / "base.qcow2"
    qemu_img("create", "-f", "qcow2", base, "1G")
    overlay = tmp_path / "overlay.qcow2"
    qemu_img("create", "-f", "qcow2", "-b", base, "-F", "qcow2", overlay)
    dlg = dialog(qtbot, ctx, overlay)
    assert dlg.format_value.text() == "qcow2"
    assert dlg.virtual_value.text() == "1 GiB"
    assert dlg.chain_value.text() == "overlay.qcow2 (qcow2) → base.qcow2 (qcow2)"
    assert dlg.owners_value.text() == "no virtual machine"
    assert dlg.destination.text() == str(tmp_path / "overlay-converted.qcow2")
    # A path with nothing there says so, and offers no operation.
    dlg.image.edit.clear()
    qtbot.keyClicks(dlg.image.edit, str(tmp_path / "nothing.qcow2"))
    assert dlg.info_hint.text() == "There is no file at this path."
    assert not dlg.convert_button.isEnabled() and not dlg.check_button.isEnabled()


def test_convert_vmdk_to_compressed_qcow2(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    raw = raw_with_data(tmp_path / "src.raw", 64 * MIB)
    vmdk = tmp_path / "disk.vmdk"
    qemu_img("convert", "-f", "raw", "-O", "vmdk", raw, vmdk)
    before = sha256(vmdk)
    dlg = dialog(qtbot, ctx, vmdk)
    assert dlg.format_value.text() == "vmdk"
    dest = tmp_path / "disk.qcow2"
    assert dlg.destination.text() == str(dest)
    dlg.compress_check.setChecked(True)
    progress: list[float] = []
    dlg.panel.progressed.connect(progress.append)
    click(qtbot, dlg.convert_button)
    qtbot.waitUntil(lambda: dest.exists(), timeout=60_000)
    idle(qtbot, dlg)
    assert "Converted disk.vmdk (vmdk) to disk.qcow2 (qcow2, compressed)" in dlg.panel.status.text()
    assert progress and progress[-1] == 100.0
    assert qemu_img("check", "-f", "qcow2", dest).returncode == 0
    assert qemu_img("compare", "-f", "vmdk", "-F", "qcow2", vmdk, dest).returncode == 0
    assert sha256(vmdk) == before and leftovers(tmp_path) == []

    # Converting again onto the same name asks first; "No" leaves everything as it was.
    dest_hash = sha256(dest)
    dlg.to_format.setCurrentIndex(dlg.to_format.findData("qcow2"))
    click(qtbot, dlg.convert_button)
    text = answer(qtbot, QMessageBox.StandardButton.No)
    assert "Replace disk.qcow2?" in text
    idle(qtbot, dlg)
    assert sha256(dest) == dest_hash


def test_cancel_midway_leaves_the_source_untouched(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    src = raw_with_data(tmp_path / "big.raw", 48 * MIB, random_mib=40)
    before = sha256(src)
    dlg = dialog(qtbot, ctx, src)
    dlg.rate_limit = 8 * MIB  # ~6 s for the whole image, so Cancel lands in the middle
    dlg.verify_check.setChecked(False)
    dest = tmp_path / "big.qcow2"
    assert dlg.destination.text() == str(dest)
    click(qtbot, dlg.convert_button)
    qtbot.waitUntil(lambda: dlg.panel.bar.value() >= 50, timeout=20_000)  # 5 %
    assert dlg.panel.cancel_button.isVisible()
    assert not dlg.convert_button.isEnabled()  # one job at a time
    click(qtbot, dlg.panel.cancel_button)
    idle(qtbot, dlg, 20_000)
    assert "cancelled; nothing was changed" in dlg.panel.status.text()
    assert not dest.exists() and leftovers(tmp_path) == []
    assert sha256(src) == before
    assert dlg.convert_button.isEnabled()


def test_grow_then_shrink_only_after_the_warning(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    image = tmp_path / "disk.qcow2"
    qemu_img("create", "-f", "qcow2", image, "1G")
    dlg = dialog(qtbot, ctx, image)
    dlg.tabs.setCurrentIndex(2)
    assert dlg.current_size.text() == "1 GiB"
    assert not dlg.resize_button.isEnabled()  # same size: nothing to do
    dlg.new_size.selectAll()
    qtbot.keyClicks(dlg.new_size, "2")
    assert dlg.new_size.bytes() == 2 * GIB
    click(qtbot, dlg.resize_button)
    qtbot.waitUntil(lambda: dlg.current_size.text() == "2 GiB", timeout=30_000)
    idle(qtbot, dlg)
    assert "grew from 1 GiB to 2 GiB" in dlg.panel.status.text()

    dlg.new_size.setValue(0.5)
    assert "deletes everything beyond" in dlg.resize_hint.text()
    assert not dlg.resize_button.isEnabled()  # not before the box is ticked
    dlg.shrink_check.setChecked(True)
    click(qtbot, dlg.resize_button)
    qtbot.waitUntil(lambda: dlg.current_size.text() == "512 MiB", timeout=30_000)
    idle(qtbot, dlg)
    info = qemu_img("info", "--output=json", "-f", "qcow2", image).stdout
    assert '"virtual-size": 536870912' in info
    assert leftovers(tmp_path) == []


def test_check_and_repair_leaks(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    image = tmp_path / "disk.qcow2"
    qemu_img("create", "-f", "qcow2", image, "64M")
    dlg = dialog(qtbot, ctx, image)
    dlg.tabs.setCurrentIndex(3)
    click(qtbot, dlg.check_button)
    qtbot.waitUntil(
        lambda: "No errors" in dlg.panel.status.text() or "no errors" in dlg.panel.status.text(),
        timeout=30_000,
    )
    idle(qtbot, dlg)
    dlg.repair_check.setChecked(True)
    click(qtbot, dlg.check_button)
    idle(qtbot, dlg)
    assert not errors.open_boxes()


@pytest.mark.qemu
def test_a_running_vms_disk_is_refused_with_the_runtime_sentence(
    qtbot: Any, ctx: Any, tmp_path: Path
) -> None:
    image = tmp_path / "disk.qcow2"
    qemu_img("create", "-f", "qcow2", image, "64M")
    before = sha256(image)
    with qemu_holding(image, "qcow2"):
        dlg = dialog(qtbot, ctx, image)  # reading the facts still works (shared)
        assert dlg.format_value.text() == "qcow2"
        dlg.tabs.setCurrentIndex(1)
        click(qtbot, dlg.compress_button)
        text = answer(qtbot, QMessageBox.StandardButton.Close)
        assert "could not be compressed" in text
        assert "This image is in use by a running VM." in text
        idle(qtbot, dlg)
        dlg.tabs.setCurrentIndex(2)
        dlg.new_size.setValue(1.0)
        click(qtbot, dlg.resize_button)
        assert "in use by a running VM" in answer(qtbot, QMessageBox.StandardButton.Close)
        idle(qtbot, dlg)
    assert sha256(image) == before and leftovers(tmp_path) == []
