"""Image jobs against the real qemu-img (and a real QEMU holding an image's lock).

Every rewrite must leave the original byte-identical when it fails or is cancelled, and must
never leave a temporary or half-written file behind.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import shutil
import struct
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kvmgui.core.qemu_img import CheckStatus
from kvmgui.core.sizes import MIB
from kvmgui.runtime.images import (
    TMP_SUFFIX,
    ImageCancelled,
    ImageError,
    check_image,
    compress_job,
    convert_job,
    create_image,
    image_chain,
    image_info,
    resize_job,
)
from tests.qemu_holding import qemu_holding

QEMU_IMG = shutil.which("qemu-img")
QEMU = shutil.which("qemu-system-x86_64")
# Every test here runs qemu-img, qemu-io or qemu-system-x86_64: not in the fast lane.
pytestmark = [
    pytest.mark.qemu,
    pytest.mark.skipif(QEMU_IMG is None, reason="qemu-img is not installed"),
    pytest.mark.asyncio,
]


# ------------------------------------------------------------------------------ helpers


def qemu_img(*args: str | Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["qemu-img", *map(str, args)], capture_output=True, text=True,
                          check=check, timeout=60)


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def leftovers(folder: Path) -> list[str]:
    return [n for n in os.listdir(folder) if n.endswith(TMP_SUFFIX)]


def write_raw(path: Path, size: int, *, random_mib: int = 0, text_mib: int = 0) -> Path:
    """A sparse raw image with some random data and some compressible text."""
    with path.open("wb") as f:
        f.truncate(size)
        if text_mib:
            line = b"kvmgui test data: the quick brown fox jumps over the lazy dog\n"
            f.seek(MIB)
            f.write((line * (text_mib * MIB // len(line) + 1))[: text_mib * MIB])
        if random_mib:
            f.seek(size // 2)
            f.write(os.urandom(random_mib * MIB))
    return path


class Recorder:
    def __init__(self) -> None:
        self.values: list[float] = []

    async def __call__(self, percent: float) -> None:
        self.values.append(percent)


def no_qemu_img_running_on(folder: Path) -> bool:
    for pid in filter(str.isdigit, os.listdir("/proc")):
        with contextlib.suppress(OSError):
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
            if b"qemu-img" in cmd and str(folder).encode() in cmd:
                return False
    return True


# ------------------------------------------------------------------------------ create / info


async def test_create_and_info(tmp_path: Path) -> None:
    q, r = tmp_path / "a.qcow2", tmp_path / "b.raw"
    await create_image(q, "qcow2", 1 << 30)
    await create_image(r, "raw", 3 * MIB)
    qi, ri = await image_info(q), await image_info(r, fmt="raw")
    assert (qi.format, qi.virtual_size, qi.cluster_size) == ("qcow2", 1 << 30, 65536)
    assert (ri.format, ri.virtual_size) == ("raw", 3 * MIB)
    assert qi.filename == str(q)  # asked with an absolute path
    assert leftovers(tmp_path) == []


async def test_create_never_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "disk.qcow2"
    target.write_bytes(b"precious")
    with pytest.raises(ImageError, match="already exists"):
        await create_image(target, "qcow2", 1 << 20)
    assert target.read_bytes() == b"precious"
    await create_image(target, "qcow2", 1 << 20, overwrite=True)
    assert (await image_info(target)).format == "qcow2"
    assert leftovers(tmp_path) == []


async def test_overlay_records_backing_format(tmp_path: Path) -> None:
    base = write_raw(tmp_path / "base.raw", 8 * MIB, text_mib=1)
    overlay = tmp_path / "ov.qcow2"
    await create_image(overlay, "qcow2", None, backing="base.raw", backing_format="raw")
    info = await image_info(overlay)
    assert (info.backing_file, info.backing_format) == ("base.raw", "raw")
    assert info.full_backing_filename == str(base) and info.virtual_size == 8 * MIB
    # qemu-img's own text output shows it too (what a user would check by hand)
    assert "backing file format: raw" in qemu_img("info", "-f", "qcow2", overlay).stdout
    chain = await image_chain(overlay)
    assert [(i.filename, i.format) for i in chain] == [(str(overlay), "qcow2"),
                                                       (str(base), "raw")]
    # Same guest-visible content as the base.
    assert qemu_img("compare", "-f", "qcow2", "-F", "raw", overlay, base).returncode == 0


async def test_overlay_without_backing_format_is_refused(tmp_path: Path) -> None:
    write_raw(tmp_path / "base.raw", MIB)
    with pytest.raises(ImageError, match="format"):
        await create_image(tmp_path / "ov.qcow2", "qcow2", None, backing="base.raw")
    with pytest.raises(ImageError, match="does not exist"):
        await create_image(tmp_path / "ov.qcow2", "qcow2", None, backing="nope.raw",
                           backing_format="raw")
    assert sorted(os.listdir(tmp_path)) == ["base.raw"]


async def test_info_errors(tmp_path: Path) -> None:
    with pytest.raises(ImageError, match="does not exist"):
        await image_info(tmp_path / "missing.qcow2")
    with pytest.raises(ImageError, match="folder"):
        await image_info(tmp_path)
    with pytest.raises(ImageError, match="expected format"):
        await image_info(write_raw(tmp_path / "x.raw", MIB), fmt="qcow2")
    with pytest.raises(ImageError, match="qemu-utils"):
        await image_info(tmp_path / "x.raw", qemu_img=str(tmp_path / "no-qemu-img"))
    with pytest.raises(ImageError, match=r"folder .* does not exist"):
        await create_image(tmp_path / "no" / "a.qcow2", "qcow2", MIB)


# ------------------------------------------------------------------------------ convert


async def test_convert_vmdk_to_compressed_qcow2(tmp_path: Path) -> None:
    raw = write_raw(tmp_path / "disk.raw", 64 * MIB, random_mib=2, text_mib=8)
    vmdk = tmp_path / "disk.vmdk"
    qemu_img("convert", "-f", "raw", "-O", "vmdk", raw, vmdk)
    before = sha256(vmdk)
    progress = Recorder()
    result = await convert_job(vmdk, tmp_path / "disk.qcow2", compress=True, verify=True,
                               progress=progress).run()
    out = tmp_path / "disk.qcow2"
    assert result.target == out and "compressed" in result.message
    assert qemu_img("check", "-f", "qcow2", out).returncode == 0
    assert qemu_img("compare", "-f", "vmdk", "-F", "qcow2", vmdk, out).returncode == 0
    assert qemu_img("compare", "-f", "raw", "-F", "qcow2", raw, out).returncode == 0
    assert out.stat().st_blocks * 512 < 6 * MIB  # 8 MiB of text compresses to little
    assert (await image_info(out)).format == "qcow2"
    assert sha256(vmdk) == before
    assert progress.values == sorted(progress.values) and progress.values[-1] == 100.0
    assert len(progress.values) > 3
    assert leftovers(tmp_path) == []


async def test_convert_never_overwrites_without_flag(tmp_path: Path) -> None:
    src = write_raw(tmp_path / "a.raw", 4 * MIB, text_mib=1)
    dst = tmp_path / "b.qcow2"
    dst.write_bytes(b"keep me")
    dst.chmod(0o640)
    with pytest.raises(ImageError, match="already exists"):
        await convert_job(src, dst).run()
    assert dst.read_bytes() == b"keep me"
    with pytest.raises(ImageError, match="same file"):
        await convert_job(src, src, overwrite=True).run()
    await convert_job(src, dst, overwrite=True).run()
    assert (await image_info(dst)).format == "qcow2"
    assert dst.stat().st_mode & 0o777 == 0o640
    assert leftovers(tmp_path) == []


async def test_cancel_convert_midway(tmp_path: Path) -> None:
    src = write_raw(tmp_path / "big.raw", 48 * MIB, random_mib=40)
    before = sha256(src)
    dst = tmp_path / "big.qcow2"
    job = None

    async def on_progress(percent: float) -> None:
        if percent >= 5.0 and job is not None:
            job.cancel()

    # -r throttles qemu-img to 8 MiB/s (~5 s for the whole image), so cancel lands mid-run.
    job = convert_job(src, dst, rate_limit=8 * MIB, progress=on_progress)
    started = time.monotonic()
    with pytest.raises(ImageCancelled, match="cancelled"):
        await job.run()
    assert time.monotonic() - started < 4.0
    assert 5.0 <= job.percent < 90.0
    assert not dst.exists() and leftovers(tmp_path) == []
    assert sha256(src) == before
    assert no_qemu_img_running_on(tmp_path)


async def test_cancelling_the_task_cleans_up_too(tmp_path: Path) -> None:
    src = write_raw(tmp_path / "big.raw", 32 * MIB, random_mib=24)
    before = sha256(src)
    seen = asyncio.Event()

    async def on_progress(percent: float) -> None:
        if percent > 2.0:
            seen.set()

    job = convert_job(src, tmp_path / "out.raw", to="raw", rate_limit=8 * MIB,
                      progress=on_progress)
    task = asyncio.create_task(job.run())
    await asyncio.wait_for(seen.wait(), 10)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert not (tmp_path / "out.raw").exists() and leftovers(tmp_path) == []
    assert sha256(src) == before
    assert no_qemu_img_running_on(tmp_path)


async def test_failed_convert_wrong_source_format(tmp_path: Path) -> None:
    src = write_raw(tmp_path / "a.raw", 4 * MIB, random_mib=1)
    before = sha256(src)
    with pytest.raises(ImageError, match="expected format"):
        await convert_job(src, tmp_path / "b.qcow2", src_format="qcow2").run()
    with pytest.raises(ImageError, match="qcow2 or raw"):
        await convert_job(src, tmp_path / "b.vdi", to="vdi").run()
    assert sha256(src) == before
    assert sorted(os.listdir(tmp_path)) == ["a.raw"]


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MiB tmpfs: writes fail with ENOSPC partway (needs root and mount)."""
    folder = tmp_path / "full"
    folder.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root")
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1M", "tmpfs", str(folder)],
                       capture_output=True, check=False)
    if r.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


async def test_failed_convert_disk_full(tmp_path: Path, full_disk: Path) -> None:
    src = write_raw(tmp_path / "a.raw", 8 * MIB, random_mib=4)
    before = sha256(src)
    # Compressed output cannot be measured beforehand, so qemu-img runs and hits ENOSPC.
    with pytest.raises(ImageError, match="free space") as err:
        await convert_job(src, full_disk / "a.qcow2", compress=True).run()
    assert "No space left" in err.value.details
    assert os.listdir(full_disk) == []
    # Uncompressed: refused before writing anything.
    with pytest.raises(ImageError, match=r"only .* free"):
        await convert_job(src, full_disk / "a.qcow2").run()
    assert os.listdir(full_disk) == []
    assert sha256(src) == before


# ------------------------------------------------------------------------------ compress


async def _uncompressed_qcow2(tmp_path: Path) -> tuple[Path, Path]:
    raw = write_raw(tmp_path / "data.raw", 32 * MIB, text_mib=12, random_mib=1)
    image = tmp_path / "vm.qcow2"
    qemu_img("convert", "-f", "raw", "-O", "qcow2", raw, image)
    return raw, image


async def test_compress_in_place(tmp_path: Path) -> None:
    raw, image = await _uncompressed_qcow2(tmp_path)
    image.chmod(0o640)
    before = image.stat().st_blocks * 512
    progress = Recorder()
    result = await compress_job(image, progress=progress).run()
    assert result.changed and "Compressed vm.qcow2" in result.message
    after = image.stat().st_blocks * 512
    assert after < before / 2
    assert (await check_image(image)).status is CheckStatus.OK
    assert qemu_img("compare", "-f", "raw", "-F", "qcow2", raw, image).returncode == 0
    assert image.stat().st_mode & 0o777 == 0o640
    assert progress.values[-1] == 100.0
    assert leftovers(tmp_path) == []
    # A second run finds nothing to gain and leaves the file alone.
    same = sha256(image)
    again = await compress_job(image).run()
    assert not again.changed and sha256(image) == same


async def test_compress_keeps_an_overlay_on_its_base(tmp_path: Path) -> None:
    base = write_raw(tmp_path / "base.raw", 16 * MIB, text_mib=4)
    overlay = tmp_path / "ov.qcow2"
    qemu_img("create", "-q", "-f", "qcow2", "-b", "base.raw", "-F", "raw", overlay)
    subprocess.run(["qemu-io", "-f", "qcow2", "-c", "write -P 0x41 8M 4M", str(overlay)],
                   check=True, capture_output=True)
    flat = tmp_path / "flat.raw"
    qemu_img("convert", "-f", "qcow2", "-O", "raw", overlay, flat)
    base_hash = sha256(base)
    await compress_job(overlay).run()
    info = await image_info(overlay)
    assert (info.backing_file, info.backing_format) == ("base.raw", "raw")
    assert qemu_img("compare", "-f", "qcow2", "-F", "raw", overlay, flat).returncode == 0
    assert sha256(base) == base_hash
    assert info.actual_size is not None and info.actual_size < 2 * MIB  # not flattened


async def test_compress_refusals(tmp_path: Path) -> None:
    raw = write_raw(tmp_path / "a.raw", 4 * MIB, text_mib=1)
    with pytest.raises(ImageError, match="only qcow2 images can be compressed"):
        await compress_job(raw).run()
    snap = tmp_path / "snap.qcow2"
    qemu_img("convert", "-f", "raw", "-O", "qcow2", raw, snap)
    qemu_img("snapshot", "-c", "before-update", snap)
    before = sha256(snap)
    with pytest.raises(ImageError, match="1 snapshot"):
        await compress_job(snap).run()
    assert sha256(snap) == before
    assert leftovers(tmp_path) == []


async def test_write_operations_refused_while_a_vm_uses_the_image(tmp_path: Path) -> None:
    _raw, image = await _uncompressed_qcow2(tmp_path)
    before = sha256(image)
    with qemu_holding(image, "qcow2"):
        for job in (compress_job(image), resize_job(image, 64 * MIB),
                    convert_job(image, tmp_path / "copy.qcow2")):
            with pytest.raises(ImageError) as err:
                await job.run()
            assert err.value.message.startswith("This image is in use by a running VM.")
            assert err.value.locked
        with pytest.raises(ImageError, match="in use by a running VM"):
            await check_image(image)
        # Reading the facts still works (qemu-img -U).
        assert (await image_info(image)).format == "qcow2"
    assert sha256(image) == before
    assert not (tmp_path / "copy.qcow2").exists() and leftovers(tmp_path) == []


# ------------------------------------------------------------------------------ resize / check


async def test_grow_in_place_and_shrink_only_when_asked(tmp_path: Path) -> None:
    image = write_raw(tmp_path / "disk.raw", 8 * MIB, text_mib=2)
    head = image.read_bytes()[: 4 * MIB]
    grown = await resize_job(image, 16 * MIB).run()
    assert grown.changed and grown.warnings and image.stat().st_size == 16 * MIB
    assert image.read_bytes()[: 4 * MIB] == head
    same = await resize_job(image, 16 * MIB).run()
    assert not same.changed
    with pytest.raises(ImageError, match="smaller than the disk's current size"):
        await resize_job(image, 6 * MIB).run()
    assert image.stat().st_size == 16 * MIB
    shrunk = await resize_job(image, 6 * MIB, shrink=True).run()
    assert "deleted" in shrunk.warnings[0]
    assert image.stat().st_size == 6 * MIB and image.read_bytes()[: 4 * MIB] == head
    assert leftovers(tmp_path) == []


async def test_shrink_qcow2(tmp_path: Path) -> None:
    raw, image = await _uncompressed_qcow2(tmp_path)
    await resize_job(image, 24 * MIB, shrink=True, fmt="qcow2").run()
    info = await image_info(image)
    assert info.virtual_size == 24 * MIB
    head = tmp_path / "head.raw"
    qemu_img("convert", "-f", "qcow2", "-O", "raw", image, head)
    assert head.read_bytes()[: 13 * MIB] == raw.read_bytes()[: 13 * MIB]


async def test_check_results(tmp_path: Path) -> None:
    raw, image = await _uncompressed_qcow2(tmp_path)
    assert (await check_image(image)).status is CheckStatus.OK
    assert (await check_image(raw)).status is CheckStatus.UNSUPPORTED
    # Corrupt the first L1 entry (an unaligned L2 table offset): qemu-img check exits 2.
    with image.open("r+b") as f:
        header = f.read(48)
        (l1_offset,) = struct.unpack(">Q", header[40:48])
        f.seek(l1_offset)
        (entry,) = struct.unpack(">Q", f.read(8))
        f.seek(l1_offset)
        f.write(struct.pack(">Q", entry | 0x200))
    result = await check_image(image)
    assert result.status is CheckStatus.CORRUPT and not result.ok
    assert result.corruptions > 0 and "damaged" in result.message
