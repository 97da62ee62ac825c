"""The wizard's draft -> VmSpec decision, without any widget."""

from __future__ import annotations

from kvmgui.core.model import (
    Accel,
    BootDevice,
    CdromSource,
    DiskBus,
    DisplayKind,
    MachineType,
    NicModel,
    OsPreset,
    VideoModel,
)
from kvmgui.core.sizes import GIB
from kvmgui.ui.wizard.draft import (
    NEW_DISK_FILE,
    DiskChoice,
    Draft,
    SourceKind,
    guess_os,
    page_of,
    suggest_name,
    to_spec,
)


def test_iso_with_new_disk() -> None:
    d = Draft(iso_path="/isos/debian.iso", name="deb", disk_gib=12)
    spec = to_spec(d, "abc123")
    assert spec.id == "abc123"
    assert spec.cdrom is not None and spec.cdrom.source is CdromSource.ISO
    assert spec.cdrom.path == "/isos/debian.iso"
    assert spec.disks[0].path == NEW_DISK_FILE
    assert spec.disks[0].size_bytes == 12 * GIB
    assert spec.boot_order == (BootDevice.DISK, BootDevice.CDROM)
    # ... after the installation: until then the ISO boots first (no "Boot failed" screen).
    assert spec.install_phase


def test_existing_disk_or_no_disk_has_no_install_phase() -> None:
    for d in (Draft(iso_path="/isos/debian.iso", name="deb", disk=DiskChoice.EXISTING,
                    disk_path="/vms/old.qcow2"),
              Draft(iso_path="/isos/debian.iso", name="deb", disk=DiskChoice.NONE)):
        assert not to_spec(d).install_phase


def test_usb_stick_boots_first_and_is_protected() -> None:
    d = Draft(source=SourceKind.USB, usb_device="/dev/sdz", disk=DiskChoice.NONE, name="u")
    spec = to_spec(d)
    assert spec.usb_stick is not None and spec.usb_stick.protected
    assert spec.boot_order[0] is BootDevice.USB
    assert spec.disks == ()


def test_existing_image_source_uses_it_as_the_disk() -> None:
    d = Draft(source=SourceKind.IMAGE, image_path="/vms/old.qcow2", name="old")
    spec = to_spec(d)
    assert [x.path for x in spec.disks] == ["/vms/old.qcow2"]
    assert spec.disks[0].size_bytes is None
    assert spec.cdrom is not None and spec.cdrom.source is CdromSource.EMPTY


def test_host_cdrom_and_nothing() -> None:
    spec = to_spec(Draft(source=SourceKind.CDROM, cdrom_device="/dev/sr0", name="c"))
    assert spec.cdrom is not None and spec.cdrom.source is CdromSource.HOST
    spec = to_spec(Draft(source=SourceKind.NONE, name="n"))
    assert spec.cdrom is not None and spec.cdrom.source is CdromSource.EMPTY


def test_options_override_the_preset() -> None:
    d = Draft(name="w", iso_path="/x.iso")
    d.apply_preset(OsPreset.WINDOWS10)
    assert not d.virtio_disk and not d.virtio_net
    spec = to_spec(d)
    assert spec.disks[0].bus is DiskBus.SATA
    assert spec.network.nic is NicModel.E1000
    d.virtio_disk = d.virtio_net = True
    d.display = DisplayKind.SPICE
    d.accel = Accel.TCG
    d.machine = MachineType.PC
    spec = to_spec(d)
    assert spec.disks[0].bus is DiskBus.VIRTIO
    assert spec.network.nic is NicModel.VIRTIO
    assert spec.display.kind is DisplayKind.SPICE and spec.display.video is VideoModel.QXL
    assert spec.accel is Accel.TCG and spec.machine is MachineType.PC
    assert spec.rtc_localtime  # from the Windows preset


def test_no_virtio_on_a_linux_pc_machine_gives_ide() -> None:
    d = Draft(name="l", iso_path="/x.iso", virtio_disk=False, machine=MachineType.PC)
    assert to_spec(d).disks[0].bus is DiskBus.IDE


def test_guess_os_from_file_names() -> None:
    assert guess_os("/d/debian-12.5.0-amd64-netinst.iso") is OsPreset.LINUX
    assert guess_os("Win11_23H2_French_x64.iso") is OsPreset.WINDOWS11
    assert guess_os("FreeBSD-14.0-RELEASE-amd64-disc1.iso") is OsPreset.BSD
    assert guess_os("en_windows_xp_professional.iso") is OsPreset.WINDOWS_OLD
    assert guess_os("something.iso") is None
    assert guess_os("") is None


def test_suggest_name_is_free_and_readable() -> None:
    d = Draft(iso_path="/d/debian-12.5.0-amd64-netinst.iso")
    assert suggest_name(d, []) == "debian-12.5.0"
    assert suggest_name(d, ["Debian-12.5.0"]) == "debian-12.5.0-2"
    assert suggest_name(Draft(source=SourceKind.USB), []) == "usb-test"
    assert suggest_name(Draft(source=SourceKind.NONE, os=OsPreset.BSD), []) == "bsd"


def test_problems_are_routed_to_pages() -> None:
    assert page_of("cdrom.path") == "source"
    assert page_of("memory_mib") == "resources"
    assert page_of("disks[0].size_bytes") == "disk"
    assert page_of("name") == "summary"
    assert page_of("accel") == "options"


def test_preset_texts_are_core_messages() -> None:
    from kvmgui.core.messages import Message
    from kvmgui.core.presets import PRESETS

    for p in PRESETS.values():
        for text in (p.label, p.why):
            assert isinstance(text, Message) and text.context == "core.presets", text


def test_a_system_type_brings_its_memory_and_cpus_unless_the_user_set_them() -> None:
    from kvmgui.core.host import HostFacts
    from kvmgui.core.presets import PRESETS
    from kvmgui.core.settings import Settings
    from kvmgui.ui.wizard.model import apply_os

    d = Draft()
    apply_os(d, OsPreset.WINDOWS11, Settings())
    win = PRESETS[OsPreset.WINDOWS11]
    assert (d.memory_mib, d.cpus, d.disk_gib) == (win.memory_mib, win.cpus, win.disk_gib)
    d.memory_mib = 3000
    apply_os(d, OsPreset.LINUX, Settings(), keep=frozenset({"memory_mib"}))
    linux = PRESETS[OsPreset.LINUX]
    assert (d.memory_mib, d.cpus, d.disk_gib) == (3000, linux.cpus, linux.disk_gib)
    # No sound server in this session: sound starts off, whatever the preset says.
    quiet = HostFacts(audio_driver="none")
    apply_os(d, OsPreset.LINUX, Settings(), host=quiet)
    assert linux.sound and not d.sound
    apply_os(d, OsPreset.LINUX, Settings(), host=HostFacts(audio_driver="pa"))
    assert d.sound
    # ...unless the user ticked it.
    d.sound = True
    apply_os(d, OsPreset.WINDOWS10, Settings(), keep=frozenset({"sound"}), host=quiet)
    assert d.sound


def test_a_zero_disk_size_reaches_the_spec_as_it_is() -> None:
    spec = to_spec(Draft(iso_path="/x.iso", name="z", disk_gib=0))
    assert spec.disks[0].size_bytes == 0  # validation says "no size", nothing is made up


def test_iso_path_is_the_cd_drive_file_only_for_an_iso_source() -> None:
    from kvmgui.ui.wizard.draft import iso_path

    assert iso_path(Draft(iso_path="/d/x.iso")) == "/d/x.iso"
    assert iso_path(Draft(iso_path="  ")) == ""
    assert iso_path(Draft(source=SourceKind.USB, iso_path="/d/x.iso")) == ""
