"""Copy-to-device decisions from hand-written lsblk/mountinfo facts (pure)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kvmgui.core import copy_device as cd
from kvmgui.core.blockdevs import LsblkNode, Mount
from kvmgui.core.copy_device import CopyPlan, CopyRefused, TargetFacts
from kvmgui.core.sizes import GIB

IMAGE = 10 * GIB


def node(name: str, type: str = "disk", size: int = 16 * GIB, **kw: Any) -> LsblkNode:
    fields: dict[str, Any] = {
        "name": name, "type": type, "size": size, "removable": False, "hotplug": False,
        "readonly": False, "transport": None, "model": None, "vendor": None, "serial": None,
        "mountpoints": (), "pkname": None, "children": (), "dev": None,
    }
    fields.update(kw)
    return LsblkNode(**fields)


def block(n: LsblkNode, *, writable: bool = True, mounts: tuple[Mount, ...] = (),
          swaps: tuple[str, ...] = (), path: str | None = None) -> TargetFacts:
    return TargetFacts(path or n.name, n.name, "block", n.size, writable, n, mounts, swaps)


def check(facts: TargetFacts, **kw: Any) -> list[str]:
    return cd.check_target(facts, virtual_size=IMAGE, **kw)


def test_a_free_device_large_enough_passes() -> None:
    facts = block(node("/dev/sdb", children=(node("/dev/sdb1", "part"),)))
    assert check(facts) == []
    warnings = cd.target_warnings(facts, IMAGE)
    assert warnings[0] == "Everything on /dev/sdb will be overwritten."
    assert "partitions (/dev/sdb1)" in warnings[1]
    assert "the rest of it is left as it was" in warnings[2]


def test_too_small_says_both_sizes() -> None:
    problems = check(block(node("/dev/sdb", size=4 * GIB)))
    assert problems == ["/dev/sdb is 4 GiB but the image needs 10 GiB: choose a target of at "
                        "least 10 GiB."]
    lv = block(node("/dev/dm-3", "lvm", size=4 * GIB), path="/dev/vg/lv")
    assert "sudo lvextend -L 10G /dev/vg/lv" in check(lv)[0]
    file = TargetFacts("t.raw", "/x/t.raw", "file", 5 * GIB, True)
    assert check(file)[0].startswith("t.raw is 5 GiB but the image needs 10 GiB")


def test_mounted_partition_is_refused() -> None:
    n = node("/dev/sdb", children=(node("/dev/sdb1", "part", mountpoints=("/media/me/STICK",)),))
    problems = check(block(n))
    assert problems == ["/dev/sdb is mounted at /media/me/STICK: unmount it first (for example: "
                        "sudo umount /media/me/STICK), so that this computer and the copy do "
                        "not both write to it."]


def test_mount_found_through_mountinfo_only() -> None:
    n = node("/dev/loop3", "loop", dev="7:3")
    mount = Mount("/dev/root", "/mnt/x", "ext4", False, "7:3")
    assert "is mounted at /mnt/x" in check(block(n, mounts=(mount,)))[0]
    by_source = Mount("/dev/loop3", "/mnt/y", "ext4", True, "")
    assert "is mounted at /mnt/y" in check(block(n, mounts=(by_source,)))[0]


def test_system_disk_and_swap_are_refused() -> None:
    root = node("/dev/vda", children=(node("/dev/vda1", "part", mountpoints=("/boot",)),
                                      node("/dev/vda2", "part", children=(
                                          node("/dev/dm-0", "lvm", mountpoints=("/",)),))))
    problems = check(block(root))
    assert problems[0] == ("This computer runs from /dev/vda (it holds /, /boot); writing to "
                           "it would destroy the running system.")
    swap = node("/dev/sdc", children=(node("/dev/sdc1", "part", mountpoints=("[SWAP]",)),))
    assert "swap space" in check(block(swap))[0]
    swap_file = node("/dev/sdd")
    assert "swap space" in check(block(swap_file, swaps=("/dev/sdd",)))[0]


def test_an_lv_next_to_the_root_lv_is_fine() -> None:
    # The wiki's case: copy onto a logical volume of the volume group the system runs from.
    lv = node("/dev/dm-3", "lvm")
    assert check(block(lv, path="/dev/vg/win")) == []


def test_active_volumes_on_top_are_refused() -> None:
    pv = node("/dev/sdb", children=(node("/dev/sdb1", "part", children=(
        node("/dev/dm-5", "lvm"),)),))
    problems = check(block(pv))
    assert problems == ["/dev/sdb is in use by /dev/dm-5 (lvm); deactivate those first (sudo "
                        "vgchange -an, cryptsetup close), or choose another target."]


def test_kinds_that_are_never_written() -> None:
    assert "CD/DVD drive" in check(block(node("/dev/sr0", "rom")))[0]
    assert "RAM disk" in check(block(node("/dev/zram0", "disk")))[0]
    assert "does not exist" in check(TargetFacts("/dev/nope", "/dev/nope", "missing", 0,
                                                 False))[0]
    assert "is a folder" in check(TargetFacts("/tmp", "/tmp", "dir", 0, False))[0]
    assert "neither a block device" in check(TargetFacts("/dev/null", "/dev/null", "other",
                                                         0, True))[0]
    assert "write-protected" in check(block(node("/dev/sdb", readonly=True)))[0]


def test_not_writable_gives_the_disk_group_fix() -> None:
    problems = check(block(node("/dev/sdb"), writable=False))
    assert problems == ["You may not write to /dev/sdb; add yourself to the disk group (sudo "
                        "adduser $USER disk, then log out and in again), or run the copy as "
                        "root: sudo kvmgui-cli copy-to-device …."]
    file = TargetFacts("t.raw", "/x/t.raw", "file", IMAGE, False)
    assert "chmod u+w" in check(file)[0]


def test_the_image_itself_is_refused() -> None:
    facts = TargetFacts("disk.raw", "/vms/a/disk.raw", "file", IMAGE, True)
    assert "is the image itself" in check(facts, image_files=["/vms/a/disk.raw"])[0]


def test_several_problems_are_all_listed() -> None:
    n = node("/dev/sdb", size=GIB, children=(node("/dev/sdb1", "part", mountpoints=("/m",)),))
    problems = check(block(n, writable=False))
    assert len(problems) == 3


def test_confirmation() -> None:
    assert cd.confirm_matches("/dev/vg/lv", "lv", "/dev/dm-3")
    assert cd.confirm_matches("/dev/vg/lv", " /dev/vg/lv ", "/dev/dm-3")
    assert cd.confirm_matches("/dev/vg/lv", "dm-3", "/dev/dm-3")
    assert not cd.confirm_matches("/dev/vg/lv", "vg", "/dev/dm-3")
    assert not cd.confirm_matches("/dev/sdb", "", None)
    assert not cd.confirm_matches("/dev/sdb", None, None)
    facts = TargetFacts("/dev/sdb", "/dev/sdb", "block", 0, True)
    cd.refuse_unless_confirmed(facts, "sdb")
    with pytest.raises(CopyRefused, match=r"type its name \(sdb\) again"):
        cd.refuse_unless_confirmed(facts, None)
    with pytest.raises(CopyRefused, match="'sdc' does not match the target /dev/sdb"):
        cd.refuse_unless_confirmed(facts, "sdc")


def test_argv() -> None:
    plan = CopyPlan(Path("/vms/a,b/disk.qcow2"), "qcow2", IMAGE, "/dev/vg/lv", "/dev/dm-3",
                    16 * GIB, True)
    assert cd.copy_argv(plan, qemu_img="qi") == [
        "qi", "convert", "-p", "-f", "qcow2", "-O", "raw", "-n", "/vms/a,b/disk.qcow2",
        "/dev/dm-3"]
    assert cd.verify_argv(plan, qemu_img="qi") == [
        "qi", "compare", "-p", "--image-opts",
        "driver=qcow2,file.driver=file,file.filename=/vms/a,,b/disk.qcow2",
        f"driver=raw,size={IMAGE},file.driver=host_device,file.filename=/dev/dm-3"]
    assert plan.confirm_hint == "lv"
    with pytest.raises(ValueError):
        cd.verify_argv(CopyPlan(Path("/a"), "bogus", 1, "/b", "/b", 1, False))


def test_find_node_searches_children() -> None:
    nodes = [node("/dev/sda", children=(node("/dev/sda2", "part", children=(
        node("/dev/dm-1", "lvm"),)),))]
    found = cd.find_node(nodes, "/dev/dm-1")
    assert found is not None and found.type == "lvm"
    assert cd.find_node(nodes, "/dev/sdz") is None
