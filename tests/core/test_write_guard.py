"""The write guard's decision (kvmgui/core/write_guard.py), from given facts."""

from __future__ import annotations

import pytest

from kvmgui.core.blockdevs import Mount
from kvmgui.core.write_guard import (
    Intent,
    Kind,
    LoopDevice,
    LoopUse,
    VmFile,
    WriteFacts,
    loop_uses,
    refusal,
)

P = "/home/u/x.img"


def facts(kind: Kind = Kind.FILE, **kw: object) -> WriteFacts:
    return WriteFacts(P, P, kind, exists=kind is not Kind.MISSING, **kw)  # type: ignore[arg-type]


def code(f: WriteFacts, **kw: object) -> str | None:
    r = refusal(f, **kw)  # type: ignore[arg-type]
    return None if r is None else r.code


def test_new_files_and_explicit_overwrite() -> None:
    assert refusal(facts(Kind.MISSING)) is None
    missing_folder = WriteFacts(P, P, Kind.MISSING, folder_exists=False)
    r = refusal(missing_folder)
    assert r is not None and r.message == ("The folder /home/u does not exist; choose an "
                                           "existing folder.")
    assert code(facts()) == "exists"
    assert refusal(facts(), overwrite=True) is None
    assert refusal(facts(), intent=Intent.REWRITE) is None
    dangling = WriteFacts(P, P, Kind.MISSING, exists=True)
    assert code(dangling, overwrite=True) == "not-a-file"


@pytest.mark.parametrize("intent", list(Intent))
def test_never_a_folder_a_device_or_a_read_only_file(intent: Intent) -> None:
    assert code(facts(Kind.DIR), overwrite=True, intent=intent) == "dir"
    assert code(facts(Kind.BLOCK), overwrite=True, intent=intent) == "not-a-file"
    assert code(facts(Kind.BLOCK), overwrite=True, intent=intent, devices=True) is None
    assert code(facts(Kind.OTHER), overwrite=True, intent=intent, devices=True) == "not-a-file"
    assert code(facts(read_only=True), overwrite=True, intent=intent) == "read-only"


def test_vm_files_are_refused_for_new_content_only() -> None:
    disk = facts(vm_files=(VmFile("web", "disk"),))
    r = refusal(disk, overwrite=True)
    assert r is not None and r.message == (
        f"{P} is the disk of the VM 'web'; writing it would destroy that disk, so choose "
        "another file.")
    two = refusal(facts(vm_files=(VmFile("a", "disk"), VmFile("b", "disk"))), overwrite=True)
    assert two is not None and "the disk of the VMs 'a' and 'b';" in two.message
    assert refusal(disk, intent=Intent.REWRITE) is None  # compress/resize of a VM's disk
    block = facts(Kind.BLOCK, vm_files=(VmFile("web", "disk"),))
    assert code(block, overwrite=True, devices=True) == "vm-disk"
    assert code(facts(vm_files=(VmFile("web", "file"),)), overwrite=True) == "vm-file"


@pytest.mark.parametrize("intent", list(Intent))
def test_bases_chains_loops_and_swap_always(intent: Intent) -> None:
    base = refusal(facts(clones=("a", "b", "c"), vm_files=(VmFile("base", "disk"),)),
                   overwrite=True, intent=intent)
    assert base is not None and base.message == (
        f"{P} is the base of the linked clones 'a', 'b' and 'c', which would stop working; "
        "choose another file.")
    one = refusal(facts(clones=("a",)), overwrite=True, intent=intent)
    assert one is not None and "the base of the linked clone 'a', which" in one.message
    chain = refusal(facts(overlays=("/o.qcow2",)), overwrite=True, intent=intent)
    assert chain is not None and chain.message == (
        f"{P} is the base image of /o.qcow2, which reads its data from it; choose another "
        "file.")
    loop = refusal(facts(loops=(LoopUse("/dev/loop3", ("/mnt", "/srv"), False),)),
                   overwrite=True, intent=intent)
    assert loop is not None and loop.message == (
        f"{P} backs /dev/loop3, mounted on /mnt, /srv: unmount it (sudo umount /mnt) first, "
        "or choose another file.")
    assert code(facts(loops=(LoopUse("/dev/loop3", (), True),)), overwrite=True,
                intent=intent) == "loop"
    assert code(facts(swap=True), overwrite=True, intent=intent) == "swap"


def test_loop_uses() -> None:
    loops = [
        LoopDevice("/dev/loop0", "/other.img", ("7:0",), ("/dev/loop0",)),
        LoopDevice("/dev/loop3", P + " (deleted)", ("7:3", "259:1"),
                   ("/dev/loop3", "/dev/loop3p1")),
        LoopDevice("/dev/loop4", P, ("7:4",), ("/dev/loop4",)),  # attached, not mounted
    ]
    mounts = [
        Mount("/dev/loop3p1", "/mnt", "ext4", False, "259:1"),
        Mount("/dev/loop0", "/srv", "ext4", False, "7:0"),
        Mount("/dev/sda1", "/", "ext4", False, "8:1"),
    ]
    assert loop_uses(P, loops, mounts, []) == (LoopUse("/dev/loop3", ("/mnt",), False),)
    assert loop_uses(P, loops, [], ["/dev/loop4"]) == (LoopUse("/dev/loop4", (), True),)
    assert loop_uses("/nothing", loops, mounts, []) == ()
