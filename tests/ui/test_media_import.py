"""Import an existing disk image as a new VM with the wizard: "convert it to qcow2 first"
writes a qcow2 copy into the VM's folder (with progress); the original is unchanged."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from kvmgui.ui.wizard import NewVmWizard, SourceKind

# Every test here runs qemu-img, qemu-io or qemu-system-x86_64: not in the fast lane.
pytestmark = [
    pytest.mark.qemu,
    pytest.mark.skipif(shutil.which("qemu-img") is None, reason="needs qemu-img"),
]


def test_import_converts_a_vmdk_to_qcow2_first(qtbot: Any, ctx: Any, short_root: Path) -> None:
    raw = short_root / "src.raw"
    with raw.open("wb") as f:
        f.truncate(32 * 1024 * 1024)
        f.write(b"an old system" * 1000)
    vmdk = short_root / "old-system.vmdk"
    subprocess.run(["qemu-img", "convert", "-f", "raw", "-O", "vmdk", str(raw), str(vmdk)],
                   check=True, timeout=60)
    before = hashlib.sha256(vmdk.read_bytes()).hexdigest()
    wiz = NewVmWizard(ctx, source=SourceKind.IMAGE)
    qtbot.addWidget(wiz)
    wiz.show()
    qtbot.waitUntil(lambda: wiz.model.env_ready, timeout=60_000)
    wiz.source_page.image.set_text(str(vmdk))
    qtbot.waitUntil(lambda: "vmdk" in wiz.source_page.image_hint.text(), timeout=20_000)
    assert wiz.model.spec.disks[0].path == str(vmdk)  # as is, by default
    wiz.source_page.image_use.setCurrentIndex(1)
    assert wiz.model.draft.image_convert
    disk = wiz.model.spec.disks[0]
    assert disk.path == "disk.qcow2" and disk.format.value == "qcow2"
    wiz.model.draft.name = "imported"
    wiz.model.draft.memory_mib = 256
    wiz.model.draft.start_now = False
    wiz.model.revalidate()
    progress: list[float] = []
    wiz.model.creation_progress.connect(lambda f, _w: progress.append(f))
    created: list[Any] = []
    wiz.vm_created.connect(lambda stored, _s: created.append(stored))
    wiz.accept()
    qtbot.waitUntil(lambda: bool(created), timeout=60_000)
    disk = created[0].folder.dir / "disk.qcow2"
    assert subprocess.run(["qemu-img", "compare", "-f", "vmdk", "-F", "qcow2", str(vmdk),
                           str(disk)], capture_output=True, timeout=60).returncode == 0
    assert hashlib.sha256(vmdk.read_bytes()).hexdigest() == before
    assert any(0.05 < p < 1.0 for p in progress) and progress[-1] == 1.0
