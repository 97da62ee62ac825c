"""What a definition reaches on this computer, and the user's approvals of it (core.trust)."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from kvmgui.core.definition import dump_definition
from kvmgui.core.model import Cdrom, CdromSource, Disk, DiskFormat, Passthrough
from kvmgui.core.paths import AppPaths, VmFolder
from kvmgui.core.presets import new_spec
from kvmgui.core.store import VmStore
from kvmgui.core.trust import Approvals, Reach, ReachKind, host_reach, start_refusal

HOSTILE = ("-netdev", "user,id=x,guestfwd=tcp:10.0.2.100:1234-mon:tcp:0.0.0.0:47446,,"
           "server=on,,wait=off")
LIST_A = ("-device", "virtio-rng-pci", "-no-reboot")
LIST_B = ("-device", "virtio-rng-pci", "-no-hpet")


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths.under(tmp_path)


@pytest.fixture
def approvals(paths: AppPaths) -> Approvals:
    return Approvals.for_paths(paths)


@pytest.fixture
def store(paths: AppPaths, approvals: Approvals) -> VmStore:
    return VmStore(paths.default_vm_root, approvals=approvals)


def _drop(store: VmStore, spec_name: str, **fields: object) -> VmFolder:
    """A definition that arrives from outside: written into the VM folder, not by kvmgui."""
    folder = store.folder_for(spec_name)
    folder.dir.mkdir(parents=True)
    folder.definition.write_bytes(dump_definition(new_spec(spec_name, **fields)))  # type: ignore[arg-type]
    return folder


# -- host_reach ---------------------------------------------------------------------------------

def test_a_vm_that_keeps_to_its_folder_reaches_nothing(tmp_path: Path) -> None:
    folder = VmFolder(tmp_path / "vm")
    folder.dir.mkdir()
    spec = new_spec("vm", disks=(Disk("disk.qcow2"), Disk(str(folder.dir / "b.qcow2"))),
                    cdrom=Cdrom(CdromSource.ISO, "install.iso"))
    assert host_reach(spec, folder) == ()
    assert host_reach(replace(spec, cdrom=Cdrom(CdromSource.EMPTY)), folder) == ()


def test_everything_beyond_the_folder_is_listed(tmp_path: Path) -> None:
    folder = VmFolder(tmp_path / "vm")
    folder.dir.mkdir()
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    spec = new_spec(
        "vm",
        disks=(Disk(str(outside / "a.raw"), DiskFormat.RAW),
               Disk("../elsewhere/b.qcow2", readonly=True),
               Disk("c.qcow2", backing_file="../elsewhere/base.qcow2",
                    backing_format=DiskFormat.QCOW2)),
        cdrom=Cdrom(CdromSource.HOST, "/dev/sr0"),
        usb_stick=Passthrough("/dev/sdz", protected=False),
        extra_args=LIST_A,
    )
    reach = host_reach(spec, folder)
    assert [(r.kind, r.writable) for r in reach] == [
        (ReachKind.EXTRA_ARGS, False),
        (ReachKind.DISK, True),
        (ReachKind.DISK, False),
        (ReachKind.BASE_IMAGE, False),
        (ReachKind.CD_DRIVE, False),
        (ReachKind.USB_STICK, True),
    ]
    assert reach[2].target == str(outside / "b.qcow2")
    assert reach[3].target == str(outside / "base.qcow2")
    assert "virtio-rng-pci -no-reboot" in reach[0].describe()
    assert reach[5].describe() == "USB stick (read and write): /dev/sdz"


def test_a_link_inside_the_folder_that_points_out_is_outside(tmp_path: Path) -> None:
    folder = VmFolder(tmp_path / "vm")
    folder.dir.mkdir()
    secret = tmp_path / "secret"
    secret.write_bytes(b"x")
    os.symlink(secret, folder.dir / "disk.raw")
    reach = host_reach(new_spec("vm", disks=(Disk("disk.raw", DiskFormat.RAW),)), folder)
    assert [r.target for r in reach] == [str(secret)]


def test_items_differ_by_exact_list_and_access() -> None:
    a = Reach(ReachKind.EXTRA_ARGS, json.dumps(list(LIST_A)))
    b = Reach(ReachKind.EXTRA_ARGS, json.dumps(list(LIST_B)))
    assert a.key != b.key
    assert Reach(ReachKind.DISK, "/x").key != Reach(ReachKind.DISK, "/x", writable=True).key
    # The list is compared token by token: joining differently is another list.
    assert Reach(ReachKind.EXTRA_ARGS, json.dumps(["-a b"])).key != \
        Reach(ReachKind.EXTRA_ARGS, json.dumps(["-a", "b"])).key


# -- approvals ----------------------------------------------------------------------------------

def test_what_kvmgui_creates_is_approved(store: VmStore, approvals: Approvals,
                                         tmp_path: Path) -> None:
    stored = store.create(new_spec("mine", extra_args=LIST_A,
                                   cdrom=Cdrom(CdromSource.ISO, str(tmp_path / "d.iso"))))
    assert approvals.unapproved(stored.spec, stored.folder) == []
    assert start_refusal(stored.spec, stored.folder, approvals) == ("", [])
    raw = approvals.path.read_text()
    assert stored.spec.id in raw and "virtio-rng-pci" not in raw  # hashes, not the lists
    assert oct(approvals.path.stat().st_mode & 0o777) == "0o600"


def test_a_dropped_definition_is_not_approved(store: VmStore, approvals: Approvals) -> None:
    _drop(store, "dropped", extra_args=HOSTILE)
    vm = store.get("dropped")
    message, missing = start_refusal(vm.spec, vm.folder, approvals)
    assert "kvmgui-cli approve dropped" in message
    assert message.count(".") == 1 and message.endswith(".")
    assert [r.kind for r in missing] == [ReachKind.EXTRA_ARGS]


def test_editing_something_else_does_not_approve_what_came_with_the_file(
        store: VmStore, approvals: Approvals) -> None:
    _drop(store, "dropped", extra_args=LIST_A)
    vm = store.get("dropped")
    vm = store.save(replace(vm, spec=replace(vm.spec, memory_mib=1024)))
    assert len(approvals.unapproved(vm.spec, vm.folder)) == 1
    # Changing the list through kvmgui is the user's own doing.
    vm = store.save(replace(vm, spec=replace(vm.spec, extra_args=LIST_B)))
    assert approvals.unapproved(vm.spec, vm.folder) == []


def test_approval_of_one_list_does_not_cover_another(store: VmStore,
                                                     approvals: Approvals) -> None:
    folder = _drop(store, "vm", extra_args=LIST_A)
    vm = store.get("vm")
    approvals.created(vm.spec, vm.folder)
    assert approvals.unapproved(vm.spec, vm.folder) == []
    # Someone edits the file by hand: list B was never approved.
    data = json.loads(folder.definition.read_text())
    data["extra_args"] = list(LIST_B)
    folder.definition.write_text(json.dumps(data))
    vm = store.get("vm")
    assert [r.kind for r in approvals.unapproved(vm.spec, vm.folder)] == [ReachKind.EXTRA_ARGS]
    # And back to A: approving B forgot A, so A asks again too.
    approvals.created(vm.spec, vm.folder)
    data["extra_args"] = list(LIST_A)
    folder.definition.write_text(json.dumps(data))
    vm = store.get("vm")
    assert approvals.unapproved(vm.spec, vm.folder)


def test_approval_belongs_to_the_vm_id(store: VmStore, approvals: Approvals) -> None:
    mine = store.create(new_spec("mine", extra_args=LIST_A))
    _drop(store, "other", extra_args=LIST_A)
    other = store.get("other")
    assert approvals.unapproved(other.spec, other.folder)
    store.delete(mine, keep_disks=False)
    assert mine.spec.id not in approvals.path.read_text()


def test_a_definition_cannot_carry_its_approval(store: VmStore, approvals: Approvals) -> None:
    folder = _drop(store, "vm", extra_args=LIST_A)
    data = json.loads(folder.definition.read_text())
    data["approved"] = True
    data["approvals"] = {"version": 1}
    folder.definition.write_text(json.dumps(data))
    result = store.load_all()
    for vm in result.vms:
        assert approvals.unapproved(vm.spec, vm.folder)


@pytest.mark.parametrize("content", [b"", b"{", b"[]", b'{"version": 99, "vms": {}}',
                                     b'{"version": 1, "vms": []}'])
def test_a_broken_approvals_file_approves_nothing(store: VmStore, approvals: Approvals,
                                                  content: bytes) -> None:
    vm = store.create(new_spec("mine", extra_args=LIST_A))
    approvals.path.write_bytes(content)
    assert approvals.unapproved(vm.spec, vm.folder)
    approvals.created(vm.spec, vm.folder)
    assert approvals.unapproved(vm.spec, vm.folder) == []


def test_a_store_without_approvals_records_nothing(paths: AppPaths, approvals: Approvals) -> None:
    vm = VmStore(paths.default_vm_root).create(new_spec("vm", extra_args=LIST_A))
    assert not approvals.path.exists()
    assert approvals.unapproved(vm.spec, vm.folder)
