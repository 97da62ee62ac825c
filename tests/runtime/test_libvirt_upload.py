"""Uploading a local file into a new volume on the real daemon (qemu:///system): the volume
holds the same bytes, holes stay holes, a name in use is refused without touching the volume,
and cancelling mid-upload leaves no volume behind."""

from __future__ import annotations

import asyncio
import os
import subprocess
from pathlib import Path

import pytest

from kvmgui.core.choices import DiskFormat
from kvmgui.runtime.libvirt_conn import LibvirtConnection
from kvmgui.runtime.libvirt_errors import LibvirtError
from kvmgui.runtime.libvirt_storage import create_volume, volumes
from kvmgui.runtime.libvirt_upload import upload_volume
from tests.libvirt_daemon import libvirtd  # noqa: F401  (the fixture)
from tests.libvirt_pool import ScratchPool, scratch_pool  # noqa: F401  (the fixture)

pytest.importorskip("libvirt")

pytestmark = [pytest.mark.qemu, pytest.mark.usefixtures("libvirtd")]

MIB = 1 << 20


def qcow2_with_data(path: Path) -> Path:
    subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", str(path), "64M"], check=True)
    subprocess.run(["qemu-io", "-f", "qcow2", "-c", "write -P 0x5a 1M 3M",
                    "-c", "write -P 0xa5 40M 1M", str(path)], check=True,
                   capture_output=True)
    return path


@pytest.mark.asyncio
@pytest.mark.timeout(120)
async def test_upload_copies_the_image_sparsely_and_reports_progress(
        scratch_pool: ScratchPool, tmp_path: Path) -> None:  # noqa: F811
    source = qcow2_with_data(tmp_path / "disk.qcow2")
    sparse = tmp_path / "sparse.raw"
    with sparse.open("wb") as f:
        f.truncate(256 * MIB)
        f.seek(100 * MIB)
        f.write(b"\x42" * MIB)
    seen: list[tuple[int, int]] = []
    async with await LibvirtConnection.open(scratch_pool.uri) as conn:
        vol = await upload_volume(conn, scratch_pool.name, "lvmove-disk.qcow2", source,
                                  lambda done, total: seen.append((done, total)))
        raw = await upload_volume(conn, scratch_pool.name, "lvmove-sparse.raw", sparse)
    assert vol.path == str(scratch_pool.path / "lvmove-disk.qcow2")
    assert vol.disk_format == "qcow2"  # recognised from the content
    assert Path(vol.path).read_bytes() == source.read_bytes()
    subprocess.run(["qemu-img", "compare", "-q", "-f", "qcow2", "-F", "qcow2", str(source),
                    vol.path], check=True)
    size = source.stat().st_size
    assert seen[0] == (0, size) and seen[-1] == (size, size)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert Path(raw.path).read_bytes() == sparse.read_bytes()
    # The 255 MiB hole was sent as a hole, not as zeroes.
    assert os.stat(raw.path).st_blocks * 512 < 16 * MIB


@pytest.mark.asyncio
@pytest.mark.timeout(120)
async def test_a_name_in_use_is_refused_and_that_volume_kept(
        scratch_pool: ScratchPool, tmp_path: Path) -> None:  # noqa: F811
    source = tmp_path / "x.raw"
    source.write_bytes(b"\x01" * MIB)
    async with await LibvirtConnection.open(scratch_pool.uri) as conn:
        kept = await create_volume(conn, scratch_pool.name, "lvmove-x", MIB, DiskFormat.RAW)
        with pytest.raises(LibvirtError, match="already has a volume named 'lvmove-x'"):
            await upload_volume(conn, scratch_pool.name, "lvmove-x", source)
        assert [v.name for v in await volumes(conn, scratch_pool.name)] == ["lvmove-x"]
    assert Path(kept.path).read_bytes() == b"\0" * MIB


@pytest.mark.asyncio
@pytest.mark.timeout(120)
async def test_cancelling_mid_upload_leaves_no_volume(
        scratch_pool: ScratchPool, tmp_path: Path) -> None:  # noqa: F811
    source = tmp_path / "big.raw"
    with source.open("wb") as f:  # data all along: no hole to skip quickly
        for _ in range(256):
            f.write(os.urandom(MIB))
    async with await LibvirtConnection.open(scratch_pool.uri) as conn:
        started = asyncio.Event()

        def progress(done: int, total: int) -> None:
            if 0 < done < total:
                started.set()

        task = asyncio.create_task(upload_volume(conn, scratch_pool.name, "lvmove-big.raw",
                                                 source, progress))
        await asyncio.wait_for(started.wait(), 60)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert await volumes(conn, scratch_pool.name) == []
    assert list(scratch_pool.path.iterdir()) == []
