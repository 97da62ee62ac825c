"""runtime.creation with the real qemu-img: a VM is made whole, or a failure at any point
leaves exactly what was there before (nothing of the new VM, everything that was not its)."""

from __future__ import annotations

import asyncio
import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from kvmgui.core.model import Disk, DiskFormat, OsPreset, VmSpec
from kvmgui.core.presets import new_spec
from kvmgui.core.sizes import MIB
from kvmgui.core.store import StoreError, VmStore
from kvmgui.runtime.creation import create_vm, creating, rollback_notes
from kvmgui.runtime.images import ImageError, image_info

pytestmark = [
    pytest.mark.qemu,
    pytest.mark.skipif(shutil.which("qemu-img") is None, reason="qemu-img is needed"),
    pytest.mark.asyncio,
]


def tree(root: Path) -> set[str]:
    """Every path below `root` (hidden ones too), relative."""
    return {str(p.relative_to(root)) for p in root.rglob("*")} if root.exists() else set()


def two_disks(name: str, second: str) -> VmSpec:
    return new_spec(
        name,
        OsPreset.LINUX,
        disks=(
            Disk("disk.qcow2", DiskFormat.QCOW2, size_bytes=8 * MIB),
            Disk(second, DiskFormat.RAW, size_bytes=4 * MIB),
        ),
    )


async def test_creates_the_vm_and_its_disks(tmp_path: Path) -> None:
    store = VmStore(tmp_path / "vms")
    spec = two_disks("ok", "data.img")
    stored = await create_vm(store, spec)
    assert [vm.spec.name for vm in store.load_all().vms] == ["ok"]
    first = stored.folder.resolve("disk.qcow2")
    info = await image_info(first, fmt="qcow2")
    assert info.format == "qcow2" and info.virtual_size == 8 * MIB
    assert (await image_info(stored.folder.resolve("data.img"), fmt="raw")).virtual_size == 4 * MIB


async def test_definition_failure_leaves_the_existing_folder_alone(tmp_path: Path) -> None:
    store = VmStore(tmp_path / "vms")
    kept = store.root / "taken"
    kept.mkdir(parents=True)
    (kept / "disk.qcow2").write_bytes(b"someone's data")
    before = tree(store.root)
    with pytest.raises(StoreError):
        await create_vm(store, two_disks("taken", "data.img"))
    assert tree(store.root) == before
    assert (kept / "disk.qcow2").read_bytes() == b"someone's data"


async def test_second_disk_failure_removes_the_first_and_the_vm(tmp_path: Path) -> None:
    store = VmStore(tmp_path / "vms")
    outside = tmp_path / "existing.img"
    outside.write_bytes(b"\0" * 512)  # a file that is not the new VM's: refused, kept
    with pytest.raises(ImageError):
        await create_vm(store, two_disks("half", str(outside)))
    assert tree(store.root) == set()
    assert outside.read_bytes() == b"\0" * 512
    assert store.load_all().vms == []


async def test_qemu_img_failure_leaves_nothing(tmp_path: Path) -> None:
    store = VmStore(tmp_path / "vms")
    with pytest.raises(ImageError):
        await create_vm(
            store, two_disks("broken", "data.img"), qemu_img=shutil.which("false") or "false"
        )
    assert tree(store.root) == set()


async def test_listing_failure_removes_the_disks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = VmStore(tmp_path / "vms")

    def refuse(_stored: object) -> None:
        raise StoreError("the marker cannot be removed")

    monkeypatch.setattr(store, "mark_complete", refuse)
    with pytest.raises(StoreError):
        await create_vm(store, two_disks("late", "data.img"))
    assert tree(store.root) == set()


async def test_cancel_in_the_callers_step_removes_everything(tmp_path: Path) -> None:
    store = VmStore(tmp_path / "vms")
    spec = two_disks("cancelled", "data.img")
    with pytest.raises(asyncio.CancelledError):
        async with creating(store, spec) as made:
            await made.new_disks()
            assert (made.stored.folder.dir / "disk.qcow2").is_file()
            raise asyncio.CancelledError
    assert tree(store.root) == set()


async def test_rollback_removes_only_what_it_made_outside_the_folder(tmp_path: Path) -> None:
    """A disk made outside the VM's folder goes; an existing disk and a file that replaced
    one the creation wrote stay; the caller's undo steps run."""
    store = VmStore(tmp_path / "vms")
    existing = tmp_path / "existing.qcow2"
    existing.write_bytes(b"used where it is")
    made_outside = tmp_path / "new-outside.qcow2"
    replaced = tmp_path / "replaced.img"
    spec = new_spec(
        "mixed",
        OsPreset.LINUX,
        disks=(
            Disk(str(existing), DiskFormat.QCOW2),
            Disk(str(made_outside), DiskFormat.QCOW2, size_bytes=8 * MIB),
        ),
    )
    undone: list[str] = []
    with pytest.raises(RuntimeError):
        async with creating(store, spec) as made:
            await made.new_disks()
            assert made_outside.is_file()
            replaced.write_bytes(b"mine")
            made.made(replaced)
            replaced.rename(tmp_path / "moved.img")  # another program moved ours away
            replaced.write_bytes(b"someone else's")  # ... and put its own file there
            made.on_undo(lambda: undone.append("undone"))
            raise RuntimeError("a later step failed")
    assert tree(store.root) == set()
    assert not made_outside.exists()
    assert existing.read_bytes() == b"used where it is"
    assert replaced.read_bytes() == b"someone else's"
    assert undone == ["undone"]


async def test_what_could_not_be_removed_is_noted(tmp_path: Path) -> None:
    store = VmStore(tmp_path / "vms")
    spec = replace(two_disks("noted", "data.img"), disks=())

    def fails() -> None:
        raise OSError(13, "Permission denied")

    with pytest.raises(RuntimeError) as caught:
        async with creating(store, spec) as made:
            made.on_undo(fails)
            raise RuntimeError("failed")
    assert "Permission denied" in rollback_notes(caught.value)
    assert tree(store.root) == set()
    assert not os.path.exists(store.root / "noted")


async def test_a_failed_linked_clone_gives_the_base_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The clone's last step fails: its overlay and folder go, and the base VM's disk and
    definition are as they were (writable, not marked read-only)."""
    from kvmgui.runtime import clones

    store = VmStore(tmp_path / "vms")
    base = await create_vm(
        store,
        new_spec(
            "base",
            OsPreset.LINUX,
            disks=(Disk("disk.qcow2", DiskFormat.QCOW2, size_bytes=8 * MIB),),
        ),
    )
    disk = base.folder.resolve("disk.qcow2")
    mode = disk.stat().st_mode
    before = tree(store.root)

    async def broken_chain(*_args: object, **_kwargs: object) -> None:
        raise ImageError("the chain cannot be read")

    monkeypatch.setattr(clones, "image_chain", broken_chain)
    with pytest.raises(ImageError):
        await clones.create_linked_clone(store, "base", "clone")
    assert tree(store.root) == before
    assert disk.stat().st_mode == mode
    assert store.get("base").spec == base.spec
