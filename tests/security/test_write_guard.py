"""No command overwrites a disk: the write guard, through the real `kvmgui-cli`.

Each attack or accident is run against the real CLI (a separate process), real qemu-img and,
for the screenshot, a real running QEMU; each must be refused with one sentence that names
what would have been destroyed, and the target must be byte-for-byte unchanged (sha256).
The normal paths (a new file, an explicit overwrite of an unrelated file) still work.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from kvmgui.core.model import Disk, DiskFormat, Passthrough
from kvmgui.core.sizes import MIB
from kvmgui.runtime.throwaway import create_throwaway, release
from tests.runtime.helpers import RunEnv, create_vm, tiny_spec

# Every test here runs qemu-img, qemu-io or qemu-system-x86_64: not in the fast lane.
pytestmark = [
    pytest.mark.qemu,
    pytest.mark.skipif(shutil.which("qemu-img") is None, reason="qemu-img is not installed"),
]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refused(result: subprocess.CompletedProcess[str], *parts: str) -> str:
    """The refusal: exit code 1, nothing on stdout, one sentence on stderr holding `parts`."""
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    sentence = lines[0].removeprefix("kvmgui-cli: ")
    assert sentence.endswith(".") and sentence.count(". ") == 0, sentence
    for part in parts:
        assert part in sentence, sentence
    return sentence


def qemu_img(*args: str | Path) -> None:
    r = subprocess.run(["qemu-img", *map(str, args)], capture_output=True, text=True,
                       timeout=60, check=False)
    assert r.returncode == 0, r.stderr


def base_and_clone(env: RunEnv) -> Path:
    """VM 'base' (a 16 MiB qcow2 disk) with the linked clone 'web'; the base's disk."""
    env.cli("create", "base", "--disk-size", "16M", check=True)
    env.cli("clone", "base", "web", "--linked", check=True)
    return env.store.get("base").folder.dir / "disk.qcow2"


@pytest.mark.qemu
def test_screenshot_never_replaces_a_disk(env: RunEnv) -> None:
    work = env.root / "work"
    work.mkdir()
    create_vm(env, tiny_spec("box", disks=(Disk("disk.qcow2", DiskFormat.QCOW2,
                                                 size_bytes=16 * MIB),)))
    base = base_and_clone(env)
    env.cli("start", "box", check=True)
    try:
        disk = env.store.get("box").folder.dir / "disk.qcow2"
        read_only = work / "kept.txt"
        read_only.write_text("keep me\n")
        read_only.chmod(0o444)
        link = work / "link.png"
        link.symlink_to(disk)
        before = {p: sha256(p) for p in (disk, base, read_only)}
        inode = os.stat(disk).st_ino

        for target in (disk, link):
            refused(env.cli("screenshot", "box", str(target), "--overwrite"),
                    "is the disk of the VM 'box'")
            refused(env.cli("screenshot", "box", str(target)), "is the disk of the VM 'box'")
        refused(env.cli("screenshot", "box", str(base), "--overwrite"),
                f"{base} is the base of the linked clone 'web'")
        refused(env.cli("screenshot", "box", str(read_only), "--overwrite"),
                f"{read_only} is read-only")
        refused(env.cli("screenshot", "box", str(work), "--overwrite"), f"{work} is a folder")
        assert {p: sha256(p) for p in before} == before
        assert os.stat(disk).st_ino == inode and link.is_symlink()
        assert sorted(os.listdir(work)) == ["kept.txt", "link.png"]  # nothing inside either

        # The normal paths: a new file, and an unrelated file replaced only when asked.
        shot = work / "shot.png"
        env.cli("screenshot", "box", str(shot), check=True)
        assert shot.read_bytes()[:4] == b"\x89PNG"
        other = work / "notes.png"
        other.write_text("old\n")
        refused(env.cli("screenshot", "box", str(other)),
                "already exists; choose another name or add --overwrite")
        assert other.read_text() == "old\n"
        env.cli("screenshot", "box", str(other), "--overwrite", check=True)
        assert other.read_bytes()[:4] == b"\x89PNG"
        # The VM still runs on its own disk.
        assert env.cli_json("status", "box")["state"] == "running"
        assert os.stat(disk).st_ino == inode
    finally:
        env.cli("kill", "box")


def test_convert_never_replaces_a_base(env: RunEnv) -> None:
    work = env.root / "work"
    work.mkdir()
    base = base_and_clone(env)
    src = work / "src.qcow2"
    qemu_img("create", "-q", "-f", "qcow2", src, "16M")
    before = sha256(base)
    refused(env.cli("img", "convert", str(src), str(base), "--overwrite"),
            f"{base} is the base of the linked clone 'web'")
    clone_disk = env.store.get("web").folder.dir / "disk.qcow2"
    clone_before = sha256(clone_disk)
    refused(env.cli("img", "convert", str(src), str(clone_disk), "--overwrite"),
            "is the disk of the VM 'web'")
    # A base outside every VM: the source's own backing file.
    raw = work / "b.raw"
    qemu_img("create", "-q", "-f", "raw", raw, "16M")
    overlay = work / "ov.qcow2"
    qemu_img("create", "-q", "-f", "qcow2", "-b", raw, "-F", "raw", overlay)
    raw_before = sha256(raw)
    refused(env.cli("img", "convert", str(overlay), str(raw), "--overwrite"),
            f"{raw} is the base image of {overlay}")
    # compress and resize (grow or shrink) of a base are refused the same way.
    refused(env.cli("img", "compress", str(base)), "base of the linked clone 'web'")
    refused(env.cli("img", "resize", str(base), "32M"), "base of the linked clone 'web'")
    refused(env.cli("img", "resize", str(base), "8M", "--shrink"),
            "base of the linked clone 'web'")
    assert (sha256(base), sha256(clone_disk), sha256(raw)) == (before, clone_before,
                                                               raw_before)

    # The normal paths still work.
    new = work / "new.qcow2"
    env.cli("img", "convert", str(src), str(new), check=True)
    other = work / "other.img"
    other.write_text("old\n")
    refused(env.cli("img", "convert", str(src), str(other)), "add --overwrite")
    env.cli("img", "convert", str(src), str(other), "--overwrite", check=True)
    assert other.stat().st_size == 16 * MIB


def test_copy_to_device_never_replaces_a_base(env: RunEnv) -> None:
    base = base_and_clone(env)
    image = env.root / "image.qcow2"
    qemu_img("create", "-q", "-f", "qcow2", image, "16M")
    os.chmod(base, 0o644)  # even once writable again, it stays the clones' base
    before = sha256(base)
    refused(env.cli("copy-to-device", str(image), str(base), "--confirm", "disk.qcow2"),
            f"{base} is the base of the linked clone 'web'")
    assert sha256(base) == before


# ------------------------------------------------------------------------------ loop devices


def _run(*argv: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(map(str, argv)), capture_output=True, text=True, timeout=60,
                          check=False)


@contextlib.contextmanager
def mounted_loop(backing: Path, point: Path) -> Iterator[str]:
    """`backing` as an ext4 file system on a loop device mounted on `point`; all undone."""
    if os.geteuid() != 0:
        pytest.skip("loop devices need root")
    for tool in ("losetup", "mkfs.ext4", "mount", "umount"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed")
    # No lazy initialisation: the kernel must not keep writing the file in the background.
    r = _run("mkfs.ext4", "-q", "-F", "-E", "lazy_itable_init=0,lazy_journal_init=0", backing)
    assert r.returncode == 0, r.stderr
    r = _run("losetup", "-f", "--show", backing)
    if r.returncode != 0:
        pytest.skip(f"loop devices are unavailable here: {r.stderr.strip()}")
    device = r.stdout.strip()
    mounted = False
    try:
        point.mkdir()
        r = _run("mount", device, point)
        if r.returncode != 0:
            pytest.skip(f"mount does not work here: {r.stderr.strip()}")
        mounted = True
        yield device
    finally:
        if mounted:
            _run("umount", point)
        _run("losetup", "-d", device)


def test_copy_to_device_never_writes_a_mounted_loop_file(env: RunEnv) -> None:
    image = env.root / "image.qcow2"
    qemu_img("create", "-q", "-f", "qcow2", image, "16M")
    backing = env.root / "fs.img"
    with backing.open("wb") as f:
        f.truncate(32 * MIB)
    point = env.root / "mnt"
    with mounted_loop(backing, point) as device:
        (point / "kept.txt").write_text("keep me\n")
        os.sync()
        before = sha256(backing)
        sentence = refused(env.cli("copy-to-device", str(image), str(backing), "--confirm",
                                   "fs.img"),
                           f"{backing} backs {device}, mounted on {point}")
        assert "umount" in sentence
        refused(env.cli("img", "convert", str(image), str(backing), "--overwrite"),
                f"backs {device}, mounted on {point}")
        os.sync()
        assert sha256(backing) == before
        assert (point / "kept.txt").read_text() == "keep me\n"
    # Once unmounted and detached, the same copy is an ordinary (confirmed) one.
    env.cli("copy-to-device", str(image), str(backing), "--confirm", "fs.img", check=True)


def test_throwaway_vms_are_protected_too(env: RunEnv) -> None:
    """A "Test a USB stick" VM exists only while it runs, in the runtime folder: its stick
    (and disk) are still a VM's disk."""
    work = env.root / "work"
    work.mkdir()
    stick = work / "stick.img"
    disk = work / "live.raw"
    for path in (stick, disk):
        with path.open("wb") as f:
            f.truncate(16 * MIB)
    # Made as the app and `kvmgui-cli live` make it: its creator holds it until QEMU runs.
    _, owner = create_throwaway(tiny_spec(
        "stick-test", disks=(Disk(str(disk), DiskFormat.RAW),),
        usb_stick=Passthrough(str(stick), protected=True)), env.paths)
    try:
        src = work / "src.qcow2"
        qemu_img("create", "-q", "-f", "qcow2", src, "16M")
        before = (sha256(stick), sha256(disk))
        for target in (stick, disk):
            refused(env.cli("img", "convert", str(src), str(target), "--overwrite"),
                    f"{target} is the disk of the VM 'stick-test'")
        assert (sha256(stick), sha256(disk)) == before
    finally:
        release(owner)
