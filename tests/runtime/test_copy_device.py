"""copy-to-device with the real qemu-img: into files, and into loop devices where allowed.

Loop devices need root and a working `losetup`; each one made here is detached (and any mount
removed) in the fixture's teardown, whatever the test did.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from kvmgui.core.model import Disk, DiskFormat
from kvmgui.core.paths import AppPaths
from kvmgui.core.presets import new_spec
from kvmgui.core.sizes import MIB
from kvmgui.core.store import VmStore
from kvmgui.runtime.copy_device import CopyError, copy_to_device_job, plan_copy
from kvmgui.runtime.images import ImageCancelled, ImageError, ImageJob
from tests.qemu_holding import qemu_holding
from tests.runtime.test_clones import make_image, run, write_pattern

# Every test here runs qemu-img, qemu-io or qemu-system-x86_64: not in the fast lane.
pytestmark = [
    pytest.mark.qemu,
    pytest.mark.skipif(shutil.which("qemu-img") is None or shutil.which("qemu-io") is None,
                       reason="qemu-img and qemu-io are needed"),
    pytest.mark.asyncio,
]

SIZE = 32 * MIB


def sparse(path: Path, size: int, fill: bytes = b"") -> Path:
    with path.open("wb") as f:
        f.truncate(size)
        if fill:
            f.write(fill)
    return path


def same_content(image: Path, fmt: str, target: Path | str) -> bool:
    return run("qemu-img", "compare", "-f", fmt, "-F", "raw", image, target).returncode == 0


@pytest.fixture
def image(tmp_path: Path) -> Path:
    """A qcow2 overlay with data in both layers (the copy must flatten the chain)."""
    base = make_image(tmp_path / "base.qcow2", size=SIZE)
    ov = tmp_path / "disk.qcow2"
    assert run("qemu-img", "create", "-q", "-f", "qcow2", "-b", base, "-F", "qcow2",
               ov).returncode == 0
    write_pattern(ov, "qcow2", 0x77, 20 * MIB)
    return ov


# ------------------------------------------------------------------------------ files


async def test_copy_into_a_file(image: Path, tmp_path: Path) -> None:
    target = sparse(tmp_path / "target.raw", SIZE)
    seen: list[float] = []

    async def progress(p: float) -> None:
        seen.append(p)

    plan = await plan_copy(str(image), str(target))
    assert (plan.source_format, plan.virtual_size, plan.is_block) == ("qcow2", SIZE, False)
    assert plan.warnings == ("Everything on " + str(target) + " will be overwritten.",)
    result = await copy_to_device_job(str(image), str(target), confirm="target.raw",
                                      progress=progress).run()
    assert same_content(image, "qcow2", target)
    assert f"to {target}" in result.message and result.warnings == ()
    assert seen and seen[-1] == 100.0 and seen == sorted(seen)


async def test_larger_target_with_verify(image: Path, tmp_path: Path) -> None:
    target = sparse(tmp_path / "big.raw", 2 * SIZE)
    with target.open("r+b") as f:  # old data past the image's end must not fail the check
        f.seek(SIZE + MIB)
        f.write(b"old data" * 1000)
    plan = await plan_copy(str(image), str(target))
    assert any("larger" in w for w in plan.warnings)
    result = await copy_to_device_job(str(image), str(target), confirm=str(target),
                                      verify=True).run()
    assert "checked the copy" in result.message


async def test_refusals_leave_the_target_untouched(image: Path, tmp_path: Path) -> None:
    small = sparse(tmp_path / "small.raw", SIZE // 2, b"keep me")
    with pytest.raises(CopyError) as err:
        await copy_to_device_job(str(image), str(small), confirm="small.raw").run()
    assert err.value.message == (f"{small} is 16 MiB but the image needs 32 MiB: choose a "
                                 "target of at least 32 MiB.")
    target = sparse(tmp_path / "t.raw", SIZE, b"keep me")
    with pytest.raises(CopyError, match=r"type its name \(t.raw\) again"):
        await copy_to_device_job(str(image), str(target), confirm=None).run()
    with pytest.raises(CopyError, match=r"'u\.raw' does not match"):
        await copy_to_device_job(str(image), str(target), confirm="u.raw").run()
    with pytest.raises(CopyError, match="is the image itself"):
        await copy_to_device_job(str(image), str(tmp_path / "base.qcow2"),
                                 confirm="base.qcow2").run()
    with pytest.raises(CopyError, match="is a folder"):
        await plan_copy(str(image), str(tmp_path))
    for path in (small, target):
        assert path.read_bytes().startswith(b"keep me")


async def test_vm_disk_and_running_vm(tmp_path: Path) -> None:
    store = VmStore(tmp_path / "vms")
    paths = AppPaths.under(tmp_path / "app")
    vm = store.create(new_spec("web", disks=(Disk("disk.qcow2"),
                                             Disk("data.raw", format=DiskFormat.RAW))))
    disk = make_image(vm.folder.dir / "disk.qcow2", size=SIZE)
    make_image(vm.folder.dir / "data.raw", "raw", size=SIZE)
    target = sparse(tmp_path / "t.raw", SIZE)
    with pytest.raises(CopyError, match="has 2 disks: choose one with --disk 1 to --disk 2"):
        await plan_copy("web", str(target), store=store, paths=paths)
    plan = await plan_copy("web", str(target), store=store, paths=paths, disk=2)
    assert plan.source_format == "raw" and plan.owner == "web"
    with qemu_holding(disk, "qcow2", paths.vm_runtime(vm.spec.id).pidfile):
        with pytest.raises(CopyError, match="VM 'web' is running and writing to this disk"):
            await plan_copy("web", str(target), store=store, paths=paths, disk=1)
        with pytest.raises(CopyError, match="VM 'web' is running"):  # found by its image
            await plan_copy(str(disk), str(target), store=store, paths=paths)
        with pytest.raises(ImageError) as err:  # a holder kvmgui does not know: the lock
            await plan_copy(str(disk), str(target))
        assert err.value.locked
    await copy_to_device_job("web", str(target), confirm="t.raw", store=store, paths=paths,
                             disk=1).run()
    assert same_content(disk, "qcow2", target)


async def test_a_vms_raw_disk_is_never_probed(tmp_path: Path) -> None:
    """A guest that writes a qcow2 header into its raw disk must not make us copy host files."""
    store = VmStore(tmp_path / "vms")
    vm = store.create(new_spec("evil", disks=(Disk("disk.raw", format=DiskFormat.RAW),)))
    secret = tmp_path / "secret.raw"
    secret.write_bytes(b"host secret" * 1000)
    os.truncate(secret, SIZE)
    disk = vm.folder.dir / "disk.raw"
    # what the guest could write: a qcow2 header naming a host file as its backing file
    assert run("qemu-img", "create", "-q", "-f", "qcow2", "-b", secret, "-F", "raw",
               disk).returncode == 0
    os.truncate(disk, SIZE)
    target = sparse(tmp_path / "t.raw", SIZE)
    plan = await plan_copy(str(disk), str(target), store=store)
    assert plan.source_format == "raw" and plan.owner == "evil"
    await copy_to_device_job(str(disk), str(target), confirm="t.raw", store=store).run()
    assert b"host secret" not in target.read_bytes()
    assert target.read_bytes() == disk.read_bytes()


async def test_cancel_says_the_target_is_partial(tmp_path: Path) -> None:
    src = tmp_path / "random.raw"
    with src.open("wb") as f:
        for _ in range(48):
            f.write(os.urandom(MIB))
    target = sparse(tmp_path / "t.raw", 48 * MIB)
    jobs: list[ImageJob] = []

    async def cancel(p: float) -> None:
        jobs[0].cancel()

    jobs.append(copy_to_device_job(str(src), str(target), confirm="t.raw", progress=cancel))
    with pytest.raises(ImageCancelled, match="holds part of the image"):
        await jobs[0].run()


# ------------------------------------------------------------------------------ loop devices


def _can_loop() -> str:
    if os.geteuid() != 0:
        return "loop devices need root"
    if shutil.which("losetup") is None:
        return "losetup is not installed"
    return ""


class Loops:
    """Loop devices on sparse files, and mounts of them, all undone by close()."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.devices: list[str] = []
        self.mounts: list[Path] = []

    def make(self, size: int) -> str:
        backing = sparse(self.folder / f"loop{len(self.devices)}.img", size)
        r = subprocess.run(["losetup", "-f", "--show", str(backing)], capture_output=True,
                           text=True, timeout=30, check=False)
        if r.returncode != 0:
            pytest.skip(f"losetup does not work here: {r.stderr.strip()}")
        self.devices.append(r.stdout.strip())
        return self.devices[-1]

    def close(self) -> None:
        for point in reversed(self.mounts):
            subprocess.run(["umount", str(point)], capture_output=True, timeout=30, check=False)
        for dev in self.devices:
            subprocess.run(["losetup", "-d", dev], capture_output=True, timeout=30, check=False)


@pytest.fixture
def loops(tmp_path: Path) -> Iterator[Loops]:
    reason = _can_loop()
    if reason:
        pytest.skip(reason)
    made = Loops(tmp_path)
    try:
        yield made
    finally:
        made.close()
        listed = subprocess.run(["losetup", "-a"], capture_output=True, text=True, timeout=30,
                                check=False).stdout
        assert not any(str(tmp_path) in line for line in listed.splitlines()), listed


async def test_copy_onto_a_loop_device(image: Path, loops: Loops) -> None:
    dev = loops.make(SIZE)
    name = os.path.basename(dev)
    plan = await plan_copy(str(image), dev)
    assert plan.is_block and plan.target_size == SIZE
    result = await copy_to_device_job(str(image), dev, confirm=name, verify=True).run()
    assert same_content(image, "qcow2", dev)
    assert "partprobe" in result.warnings[0]


async def test_small_and_mounted_loop_devices_are_refused(
        image: Path, tmp_path: Path, loops: Loops) -> None:
    small = loops.make(SIZE // 2)
    with pytest.raises(CopyError) as err:
        await plan_copy(str(image), small)
    assert err.value.message == (f"{small} is 16 MiB but the image needs 32 MiB: choose a "
                                 "target of at least 32 MiB.")
    if shutil.which("mkfs.ext4") is None:
        pytest.skip("mkfs.ext4 (e2fsprogs) is not installed")
    dev = loops.make(SIZE)
    assert run("mkfs.ext4", "-q", "-F", dev).returncode == 0
    point = tmp_path / "mnt"
    point.mkdir()
    r = run("mount", dev, point)
    if r.returncode != 0:
        pytest.skip(f"mount does not work here: {r.stderr.strip()}")
    loops.mounts.append(point)
    with pytest.raises(CopyError) as err:
        await copy_to_device_job(str(image), dev, confirm=os.path.basename(dev)).run()
    assert err.value.message == (f"{dev} is mounted at {point}: unmount it first (for "
                                 f"example: sudo umount {point}), so that this computer and "
                                 "the copy do not both write to it.")
    with contextlib.suppress(OSError):
        assert (point / "lost+found").is_dir()  # the file system is still intact
