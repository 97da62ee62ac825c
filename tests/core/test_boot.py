"""The install phase of a new VM (core.boot) and how it reaches the boot indexes."""

from __future__ import annotations

from dataclasses import replace

from kvmgui.core.argv_storage import boot_indexes, final_boot_steps
from kvmgui.core.boot import (
    boot_summary,
    choose_boot_order,
    effective_boot_order,
    end_install_phase,
    has_boot_record,
    installing,
    starts_in_install_phase,
    with_install_phase,
)
from kvmgui.core.definition import dump_definition, parse_definition
from kvmgui.core.model import (
    BootDevice,
    Cdrom,
    CdromSource,
    Disk,
    Passthrough,
    VmSpec,
)
from kvmgui.core.presets import new_spec

CD, DISK, USB = BootDevice.CDROM, BootDevice.DISK, BootDevice.USB


def _new_vm(**overrides: object) -> VmSpec:
    """What the wizard and `kvmgui-cli create NAME --iso x.iso` make: ISO + new empty disk."""
    spec = new_spec(
        "debian", disks=(Disk("disk.qcow2", size_bytes=20 << 30),),
        cdrom=Cdrom(CdromSource.ISO, "/isos/debian.iso"), boot_order=(DISK, CD),
    )
    return replace(spec, **overrides) if overrides else spec


def test_new_vm_from_an_install_medium_starts_in_the_install_phase() -> None:
    spec = with_install_phase(_new_vm())
    assert spec.install_phase and installing(spec)
    assert spec.boot_order == (DISK, CD)  # the final order is kept as it is
    assert effective_boot_order(spec) == (CD, DISK)
    assert boot_indexes(spec) == {"cdrom": 1, "disk0": 2}
    assert boot_indexes(spec, spec.boot_order) == {"disk0": 1, "cdrom": 2}
    host_drive = with_install_phase(_new_vm(cdrom=Cdrom(CdromSource.HOST, "/dev/sr0")))
    assert host_drive.install_phase


def test_vms_that_do_not_need_an_install_phase() -> None:
    cases = {
        "existing image": _new_vm(disks=(Disk("/images/debian.qcow2"),)),
        "linked clone": _new_vm(disks=(Disk("d.qcow2", size_bytes=1 << 30,
                                            backing_file="/base.qcow2"),)),
        "no disk (live CD)": _new_vm(disks=()),
        "empty tray": _new_vm(cdrom=Cdrom(CdromSource.EMPTY)),
        "no CD drive": _new_vm(cdrom=None),
        "user chose the CD first": _new_vm(boot_order=(CD, DISK)),
        "USB stick first": _new_vm(usb_stick=Passthrough("/dev/sdb"), boot_order=(USB, DISK)),
    }
    for what, spec in cases.items():
        assert not starts_in_install_phase(spec), what
        assert with_install_phase(spec) == spec, what


def test_install_phase_ends_and_the_final_order_remains() -> None:
    spec = with_install_phase(_new_vm())
    done = end_install_phase(spec)
    assert not done.install_phase and done.boot_order == (DISK, CD)
    assert effective_boot_order(done) == (DISK, CD)
    assert end_install_phase(done) is done


def test_a_chosen_boot_order_replaces_the_install_phase() -> None:
    spec = choose_boot_order(with_install_phase(_new_vm()), (CD, DISK))
    assert not spec.install_phase and effective_boot_order(spec) == (CD, DISK)


def test_ejected_medium_does_not_put_an_empty_drive_first() -> None:
    spec = replace(with_install_phase(_new_vm()), cdrom=Cdrom(CdromSource.EMPTY))
    assert spec.install_phase and not installing(spec)
    assert effective_boot_order(spec) == (DISK, CD)
    assert final_boot_steps(spec) == []


def test_final_boot_steps_park_every_device_before_giving_the_final_indexes() -> None:
    spec = with_install_phase(_new_vm())
    assert final_boot_steps(spec) == [
        ("cdrom0", 1000), ("disk0", 1001), ("disk0", 1), ("cdrom0", 2),
    ]
    two = with_install_phase(_new_vm(disks=(Disk("a.qcow2", size_bytes=1 << 30),
                                            Disk("b.qcow2", size_bytes=1 << 30)),
                                     boot_order=(DISK,)))
    # The CD is not in the final order: it loses its index (-1) and is tried last.
    assert final_boot_steps(two) == [
        ("cdrom0", 1000), ("disk0", 1001), ("disk1", 1002),
        ("disk0", 1), ("disk1", 2), ("cdrom0", -1),
    ]
    assert final_boot_steps(end_install_phase(spec)) == []


def test_boot_record_is_the_signature_at_the_end_of_the_first_sector() -> None:
    blank = bytes(512)
    assert not has_boot_record(blank)
    assert not has_boot_record(b"KVMGUI-MARKER" + bytes(499))  # data, but no boot record
    assert has_boot_record(bytes(510) + b"\x55\xaa")
    assert has_boot_record(bytes(510) + b"\x55\xaa" + bytes(512))
    assert not has_boot_record(b"\x55\xaa")  # too short to be a sector


def test_summary_says_where_the_vm_starts() -> None:
    spec = with_install_phase(_new_vm())
    assert "for the installation" in boot_summary(spec)
    assert boot_summary(end_install_phase(spec)) == "It starts from the disk first."
    assert boot_summary(_new_vm(boot_order=(CD, DISK))) == "It starts from the CD/DVD first."
    assert boot_summary(_new_vm(disks=(), boot_order=(DISK, CD))) == (
        "It starts from the CD/DVD first.")
    assert boot_summary(_new_vm(usb_stick=Passthrough("/dev/sdb"), boot_order=(USB,))) == (
        "It starts from the USB stick first.")


def test_install_phase_is_stored_only_while_on() -> None:
    spec = with_install_phase(_new_vm())
    raw = dump_definition(spec)
    assert b'"install_phase": true' in raw
    assert parse_definition(raw, source="t")[0] == spec
    done = dump_definition(end_install_phase(spec))
    assert b"install_phase" not in done  # like every definition written before it existed
    assert parse_definition(done, source="t")[0].install_phase is False
