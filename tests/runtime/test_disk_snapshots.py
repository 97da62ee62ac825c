"""Offline snapshots on a real qcow2 image: take → change the data → revert → the data is back."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kvmgui.core.sizes import MIB
from kvmgui.runtime.disk_snapshots import (
    create_snapshot,
    delete_snapshot,
    list_snapshots,
    revert_snapshot,
)
from kvmgui.runtime.images import ImageError, create_image
from tests.qemu_holding import qemu_holding

# Every test here runs qemu-img, qemu-io or qemu-system-x86_64: not in the fast lane.
pytestmark = [
    pytest.mark.qemu,
    pytest.mark.skipif(shutil.which("qemu-io") is None, reason="qemu-io is not installed"),
    pytest.mark.asyncio,
]


def qemu_io(image: Path, command: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["qemu-io", "-f", "qcow2", "-c", command, str(image)],
                          capture_output=True, text=True, check=check, timeout=30)


def pattern_matches(image: Path, pattern: int) -> bool:
    out = qemu_io(image, f"read -P {pattern:#x} 1M 1M", check=False)
    failed = "Pattern verification failed" in out.stdout + out.stderr
    assert out.returncode == (1 if failed else 0), out.stderr
    return not failed


async def test_take_change_revert_delete(tmp_path: Path) -> None:
    image = tmp_path / "vm.qcow2"
    await create_image(image, "qcow2", 8 * MIB)
    qemu_io(image, "write -P 0x41 1M 1M")
    taken = await create_snapshot(image, "before update")
    assert taken.name == "before update" and not taken.includes_memory
    qemu_io(image, "write -P 0x42 1M 1M")
    assert pattern_matches(image, 0x42) and not pattern_matches(image, 0x41)
    await revert_snapshot(image, "before update")
    assert pattern_matches(image, 0x41)
    assert [s.name for s in await list_snapshots(image)] == ["before update"]
    with pytest.raises(ImageError, match="already exists"):
        await create_snapshot(image, "before update")
    with pytest.raises(ImageError, match="no snapshot named"):
        await revert_snapshot(image, "nope")
    await delete_snapshot(image, "before update")
    assert await list_snapshots(image) == []
    assert pattern_matches(image, 0x41)


async def test_snapshots_refused_while_in_use(tmp_path: Path) -> None:
    image = tmp_path / "vm.qcow2"
    await create_image(image, "qcow2", 8 * MIB)
    await create_snapshot(image, "s1")
    with qemu_holding(image, "qcow2"):
        for call in (create_snapshot(image, "s2"), revert_snapshot(image, "s1"),
                     delete_snapshot(image, "s1")):
            with pytest.raises(ImageError, match=r"^This image is in use by a running VM\."):
                await call
        assert [s.name for s in await list_snapshots(image)] == ["s1"]


async def test_raw_has_no_snapshots(tmp_path: Path) -> None:
    image = tmp_path / "vm.raw"
    await create_image(image, "raw", MIB)
    with pytest.raises(ImageError, match="qcow2"):
        await create_snapshot(image, "s", fmt="raw")
