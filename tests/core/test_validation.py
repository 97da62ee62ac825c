from __future__ import annotations

import grp
import os
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from kvmgui.core import media, validation
from kvmgui.core.host import HostFacts
from kvmgui.core.model import (
    Accel,
    BootDevice,
    Cdrom,
    CdromSource,
    Disk,
    DiskBus,
    DiskFormat,
    Display,
    DisplayKind,
    Firmware,
    MachineType,
    NetMode,
    Network,
    OsPreset,
    Passthrough,
    PortForward,
    Protocol,
    VmSpec,
)
from kvmgui.core.paths import VmFolder
from kvmgui.core.presets import new_spec as preset_spec
from kvmgui.core.problems import Problem, Severity
from kvmgui.core.sizes import GIB, TIB
from kvmgui.core.validation import errors, free_name, has_errors, validate_name, validate_spec

HOST = HostFacts(
    kvm_usable=True,
    cpu_count=4,
    memory_mib=8192,
    available_memory_mib=6000,
    ovmf_code="/usr/share/OVMF/OVMF_CODE_4M.fd",
    ovmf_vars_template="/usr/share/OVMF/OVMF_VARS_4M.fd",
    swtpm="/usr/bin/swtpm",
)
BARE_HOST = HostFacts(cpu_count=4, memory_mib=8192)


def new_spec(name: str, os: OsPreset = OsPreset.LINUX, **kw: object) -> VmSpec:
    """A preset spec with an empty CD drive, so it has something to boot from."""
    kw.setdefault("cdrom", Cdrom())
    return preset_spec(name, os, **kw)


def _check(problems: list[Problem]) -> list[Problem]:
    """Every message is one sentence that ends with a full stop."""
    for p in problems:
        assert p.field, p
        assert p.message.endswith("."), p
        assert "\n" not in p.message, p
        assert p.message[0].isupper() or p.message[0] in "'/0123456789", p
    return problems


def _problems(spec: VmSpec, host: HostFacts = HOST, **kwargs: object) -> list[Problem]:
    kwargs.setdefault("check_files", False)
    return _check(validate_spec(spec, host, **kwargs))  # type: ignore[arg-type]


def _fields(problems: list[Problem], severity: Severity | None = None) -> list[str]:
    return [p.field for p in problems if severity is None or p.severity is severity]


def _only(problems: list[Problem], field: str, severity: Severity) -> Problem:
    found = [p for p in problems if p.field == field]
    assert len(found) == 1, problems
    assert found[0].severity is severity, found[0]
    return found[0]


# -- names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["debian", "Debian 12", "win-xp_2 (old)", "Ünïcödé ✓", "x" * 64, "a.b", "a..b"]
)
def test_good_names(name: str) -> None:
    assert validate_name(name, ["other"]) == []


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("", "Give the VM a name."),
        ("   ", "Give the VM a name."),
        ("x" * 65, "65 characters long: use at most 64"),
        ("🙂" * 60, "use at most 64"),  # 240 bytes: too long for a folder name
        ("a/b", "cannot contain '/'"),
        ("/etc", "cannot contain '/'"),
        ("../x", "cannot contain '/'"),
        ("a\0b", "NUL"),
        ("a\nb", "control or invisible characters"),
        ("a\x1b[2Jb", "control or invisible characters"),
        ("evil\u202etxt.exe", "control or invisible characters"),
        ("a\u2028b", "control or invisible characters"),
        ("\ud800x", "control or invisible characters"),
        (".hidden", "cannot start with '.'"),
        ("..", "cannot start with '.'"),
        (" lead", "spaces at the start or end"),
        ("trail ", "spaces at the start or end"),
        ("DEBIAN", "A VM called 'debian' already exists"),
        # Names that read alike are one name: NFD, full-width, ligature forms of taken names.
        ("De\u0301bian", "A VM called 'D\u00e9bian' already exists"),
        ("\uff44\uff45\uff42\uff49\uff41\uff4e", "A VM called 'debian' already exists"),
        ("\ufb00", "A VM called 'ff' already exists"),
        ("a\u00a0b", "special space character"),
        ("a\u2009b", "special space character"),
        ("a\u3000b", "special space character"),
        ("a\u200bb", "control or invisible characters"),  # zero width space: Cf
        ("a\u0085b", "control or invisible characters"),  # NEL: C1 control
    ],
)
def test_bad_names(name: str, words: str) -> None:
    problems = _check(validate_name(name, ["debian", "other", "D\u00e9bian", "ff"]))
    assert problems and all(p.severity is Severity.ERROR for p in problems)
    assert any(words in p.message for p in problems), problems
    assert all(p.field == "name" for p in problems)


def test_renaming_to_own_name_is_fine_when_left_out_of_existing() -> None:
    assert validate_name("debian", ["other"]) == []


# -- the happy path -------------------------------------------------------------------------


@pytest.mark.parametrize("preset", list(OsPreset))
def test_presets_are_valid_on_a_capable_host(preset: OsPreset) -> None:
    spec = new_spec("vm", preset, disks=(Disk("disk.qcow2", size_bytes=20 * GIB),))
    assert _problems(spec) == []


def test_real_files_pass(tmp_path: Path) -> None:
    iso = tmp_path / "install.iso"
    iso.write_bytes(b"\0" * 2048)
    stick = tmp_path / "stick.img"
    stick.write_bytes(b"\0" * 4096)
    folder = VmFolder(tmp_path / "vm")
    folder.dir.mkdir()
    (folder.dir / "old.qcow2").write_bytes(b"")
    spec = new_spec(
        "vm",
        disks=(Disk("new.qcow2", size_bytes=20 * GIB), Disk("old.qcow2")),
        cdrom=Cdrom(CdromSource.ISO, str(iso)),
        usb_stick=Passthrough(str(stick)),
    )
    assert _problems(spec, folder=folder, free_bytes=100 * GIB, check_files=True) == []


# -- memory, cpus, firmware -----------------------------------------------------------------


def test_memory() -> None:
    p = _only(_problems(new_spec("vm", memory_mib=16)), "memory_mib", Severity.ERROR)
    assert "at least 32 MiB" in p.message
    p = _only(_problems(new_spec("vm", memory_mib=8193)), "memory_mib", Severity.ERROR)
    assert "has only 8192 MiB" in p.message
    p = _only(_problems(new_spec("vm", memory_mib=7000)), "memory_mib", Severity.WARNING)
    assert "80 %" in p.message
    assert _problems(new_spec("vm", memory_mib=6553)) == []


def test_cpus() -> None:
    _only(_problems(new_spec("vm", cpus=0)), "cpus", Severity.ERROR)
    p = _only(_problems(new_spec("vm", cpus=5)), "cpus", Severity.ERROR)
    assert "at most 4" in p.message
    assert _problems(new_spec("vm", cpus=4)) == []


def test_uefi_and_tpm_need_their_packages() -> None:
    spec = new_spec("w11", OsPreset.WINDOWS11)
    problems = _problems(spec, BARE_HOST)
    assert "sudo apt install ovmf" in _only(problems, "firmware", Severity.ERROR).message
    assert "sudo apt install swtpm" in _only(problems, "tpm", Severity.ERROR).message


def test_windows11_without_tpm_warns() -> None:
    spec = new_spec("w11", OsPreset.WINDOWS11, tpm=False)
    assert "UEFI and a TPM" in _only(_problems(spec), "firmware", Severity.WARNING).message


def test_kvm_forced_on_a_host_without_it() -> None:
    host = replace(HOST, kvm_usable=False, kvm_reason="This CPU has no VT-x or AMD-V.")
    p = _only(_problems(new_spec("vm", accel=Accel.KVM), host), "accel", Severity.ERROR)
    assert p.message.startswith("This CPU has no VT-x or AMD-V.") and "'tcg'" in p.message
    assert _problems(new_spec("vm", accel=Accel.AUTO), host) == []


@pytest.mark.parametrize(
    ("machine", "version", "ok"),
    [
        (MachineType.Q35, "pc-q35-7.2", True),
        (MachineType.Q35, "q35", True),
        (MachineType.PC, "pc-i440fx-8.2", True),
        (MachineType.PC, "pc-q35-7.2", False),
        (MachineType.Q35, "pc-q35-7.2,accel=kvm", False),
    ],
)
def test_machine_version(machine: MachineType, version: str, ok: bool) -> None:
    problems = _problems(new_spec("vm", machine=machine, machine_version=version))
    assert (problems == []) is ok


def test_bad_id() -> None:
    _only(_problems(replace(new_spec("vm"), id="../../x")), "id", Severity.ERROR)


# -- disks ----------------------------------------------------------------------------------


def test_disk_sizes() -> None:
    for size in (0, -1, 1, 512, validation.MIN_DISK_BYTES - 1):
        spec = new_spec("vm", disks=(Disk("d.qcow2", size_bytes=size),))
        _only(_problems(spec), "disks[0].size_bytes", Severity.ERROR)
    spec = new_spec("vm", disks=(Disk("d.qcow2", size_bytes=512 * 1024),))
    assert "smaller than 1 MiB" in _only(_problems(spec), "disks[0].size_bytes",
                                         Severity.ERROR).message
    spec = new_spec("vm", disks=(Disk("d.qcow2", size_bytes=validation.MIN_DISK_BYTES),))
    assert _problems(spec) == []
    spec = new_spec("vm", disks=(Disk("d.qcow2", size_bytes=65 * TIB),))
    assert "64 TiB" in _only(_problems(spec), "disks[0].size_bytes", Severity.ERROR).message


def test_disks_larger_than_free_space_only_warn() -> None:
    spec = new_spec("vm", disks=(Disk("a.qcow2", size_bytes=20 * GIB),
                                 Disk("b.qcow2", size_bytes=20 * GIB)))
    problems = _problems(spec, free_bytes=30 * GIB)
    p = _only(problems, "disks[1].size_bytes", Severity.WARNING)
    assert "40 GiB" in p.message and "30 GiB" in p.message and "only use the space" in p.message
    assert not has_errors(problems)
    assert _problems(spec, free_bytes=50 * GIB) == []
    assert _problems(spec, free_bytes=None) == []


def test_missing_and_existing_images(tmp_path: Path) -> None:
    folder = VmFolder(tmp_path)
    (tmp_path / "exists.qcow2").write_bytes(b"")
    spec = new_spec("vm", disks=(Disk("gone.qcow2"), Disk("exists.qcow2", size_bytes=20 * GIB)))
    problems = _problems(spec, folder=folder, free_bytes=GIB, check_files=True)
    p = _only(problems, "disks[0].path", Severity.ERROR)
    assert "does not exist: pick an existing image or give a size" in p.message
    # The existing image is used as it is: its size was for creating it, not counted as new.
    assert _fields(problems) == ["disks[0].path"]


def test_new_image_needs_an_existing_folder(tmp_path: Path) -> None:
    folder = VmFolder(tmp_path / "not-yet-created")
    inside = new_spec("vm", disks=(Disk("new.qcow2", size_bytes=GIB),))
    assert _problems(inside, folder=folder, check_files=True) == []  # the store makes it
    elsewhere = new_spec("vm", disks=(Disk(str(tmp_path / "nope" / "x.qcow2"), size_bytes=GIB),))
    p = _only(_problems(elsewhere, folder=folder, check_files=True), "disks[0].path",
              Severity.ERROR)
    assert "does not exist: create it or pick another place" in p.message


def test_relative_paths_without_a_folder_are_not_checked() -> None:
    spec = new_spec("vm", disks=(Disk("gone.qcow2"),))
    assert _problems(spec, folder=None, check_files=True) == []


def test_image_that_is_a_folder(tmp_path: Path) -> None:
    spec = new_spec("vm", disks=(Disk(str(tmp_path)),))
    p = _only(_problems(spec, check_files=True), "disks[0].path", Severity.ERROR)
    assert "is a folder" in p.message


def test_image_access(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    image = tmp_path / "d.qcow2"
    image.write_bytes(b"")
    denied: set[int] = set()
    monkeypatch.setattr(validation, "_can_access",
                        lambda path, mode: mode not in denied)
    writable = new_spec("vm", disks=(Disk(str(image)),))
    readonly = new_spec("vm", disks=(Disk(str(image), readonly=True),))
    throwaway = new_spec("vm", disks=(Disk(str(image), throwaway=True),))
    denied.add(os.W_OK)
    p = _only(_problems(writable, check_files=True), "disks[0].path", Severity.ERROR)
    assert "You may not write" in p.message and "read-only or throwaway" in p.message
    assert _problems(readonly, check_files=True) == []
    assert _problems(throwaway, check_files=True) == []
    denied.add(os.R_OK)
    p = _only(_problems(readonly, check_files=True), "disks[0].path", Severity.ERROR)
    assert "You may not read" in p.message and "chmod u+r" in p.message


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_image_for_real(tmp_path: Path) -> None:  # pragma: no cover - non-root only
    image = tmp_path / "d.qcow2"
    image.write_bytes(b"")
    image.chmod(0)
    spec = new_spec("vm", disks=(Disk(str(image), readonly=True),))
    _only(_problems(spec, check_files=True), "disks[0].path", Severity.ERROR)


def test_formats_and_backing_files(tmp_path: Path) -> None:
    vmdk = new_spec("vm", disks=(Disk("a.vmdk", format=DiskFormat.VMDK),))
    assert "qemu-img convert" in _only(_problems(vmdk), "disks[0].format",
                                       Severity.WARNING).message
    ro = new_spec("vm", disks=(Disk("a.vdi", format=DiskFormat.VDI, readonly=True),))
    assert _problems(ro) == []
    raw_overlay = new_spec("vm", disks=(Disk("a.raw", format=DiskFormat.RAW,
                                             backing_file="b.qcow2",
                                             backing_format=DiskFormat.QCOW2),))
    _only(_problems(raw_overlay), "disks[0].backing_file", Severity.ERROR)
    no_format = new_spec("vm", disks=(Disk("a.qcow2", backing_file="b.qcow2"),))
    _only(_problems(no_format), "disks[0].backing_format", Severity.ERROR)
    stray = new_spec("vm", disks=(Disk("a.qcow2", backing_format=DiskFormat.QCOW2),))
    _only(_problems(stray), "disks[0].backing_format", Severity.WARNING)
    both = new_spec("vm", disks=(Disk("a.qcow2", readonly=True, throwaway=True),))
    _only(_problems(both), "disks[0].throwaway", Severity.WARNING)
    # The base image is looked up next to the overlay, as QEMU does.
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "ov.qcow2").write_bytes(b"")
    overlay = new_spec("vm", disks=(Disk("sub/ov.qcow2", backing_file="base.qcow2",
                                         backing_format=DiskFormat.QCOW2),))
    p = _only(_problems(overlay, folder=VmFolder(tmp_path), check_files=True),
              "disks[0].backing_file", Severity.ERROR)
    assert str(tmp_path / "sub" / "base.qcow2") in p.message
    (tmp_path / "sub" / "base.qcow2").write_bytes(b"")
    assert _problems(overlay, folder=VmFolder(tmp_path), check_files=True) == []


def test_same_image_twice(tmp_path: Path) -> None:
    spec = new_spec("vm", disks=(Disk("a.qcow2"), Disk(str(tmp_path / "a.qcow2"))))
    problems = _problems(spec, folder=VmFolder(tmp_path))
    assert "same image as disk 1" in _only(problems, "disks[1].path", Severity.ERROR).message


def test_empty_and_control_character_paths() -> None:
    spec = new_spec("vm", disks=(Disk(""), Disk("a\nb")))
    problems = _problems(spec, check_files=True)
    assert _fields(problems) == ["disks[0].path", "disks[1].path"]


def test_controller_capacity() -> None:
    ide = tuple(Disk(f"d{i}.qcow2", bus=DiskBus.IDE) for i in range(4))
    pc = new_spec("old", OsPreset.OTHER)  # a pc machine
    assert pc.machine is MachineType.PC
    assert _problems(replace(pc, disks=ide[:3], cdrom=Cdrom())) == []
    _only(_problems(replace(pc, disks=ide, cdrom=Cdrom())), "disks", Severity.ERROR)
    assert _problems(replace(pc, disks=ide, cdrom=None)) == []
    sata = tuple(Disk(f"s{i}.qcow2", bus=DiskBus.SATA) for i in range(6))
    assert _problems(replace(pc, disks=sata)) == []  # an AHCI controller is added
    q35 = new_spec("new")
    assert _problems(replace(q35, disks=sata[:5], cdrom=Cdrom())) == []
    _only(_problems(replace(q35, disks=sata, cdrom=Cdrom())), "disks", Severity.ERROR)


# -- CD, USB stick, devices -----------------------------------------------------------------


def _block_device(where: Path, group: str | None = None) -> Path:
    try:
        os.mknod(where, stat.S_IFBLK | 0o660, os.makedev(7, 200))
    except PermissionError:
        pytest.skip("cannot create a device node here (needs root or CAP_MKNOD)")
    if group is not None:
        os.chown(where, 0, grp.getgrnam(group).gr_gid)
    return where


def test_iso(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def iso(path: str | None) -> VmSpec:
        return new_spec("vm", cdrom=Cdrom(CdromSource.ISO, path))

    assert "Choose the ISO file" in _only(_problems(iso(None)), "cdrom.path",
                                          Severity.ERROR).message
    p = _only(_problems(iso(str(tmp_path / "x.iso")), check_files=True), "cdrom.path",
              Severity.ERROR)
    assert "does not exist" in p.message
    _only(_problems(iso(str(tmp_path)), check_files=True), "cdrom.path", Severity.ERROR)
    (tmp_path / "x.iso").write_bytes(b"")
    assert _problems(iso(str(tmp_path / "x.iso")), check_files=True) == []
    monkeypatch.setattr(validation, "_can_access", lambda path, mode: False)
    p = _only(_problems(iso(str(tmp_path / "x.iso")), check_files=True), "cdrom.path",
              Severity.ERROR)
    assert "You may not read the ISO file" in p.message and "chmod" in p.message
    assert _problems(new_spec("vm", cdrom=Cdrom()), check_files=True) == []


def test_host_cd_drive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def drive(path: Path) -> VmSpec:
        return new_spec("vm", cdrom=Cdrom(CdromSource.HOST, str(path)))

    p = _only(_problems(drive(tmp_path / "sr0"), check_files=True), "cdrom.path", Severity.ERROR)
    assert "There is no CD/DVD drive" in p.message
    (tmp_path / "file").write_bytes(b"")
    p = _only(_problems(drive(tmp_path / "file"), check_files=True), "cdrom.path",
              Severity.ERROR)
    assert "is not a block device" in p.message and "/dev/sr0" in p.message
    sr0 = _block_device(tmp_path / "sr0")
    assert _problems(drive(sr0), check_files=True) == []
    # /dev/cdrom is a link to the drive: it is followed.
    (tmp_path / "cdrom").symlink_to(sr0)
    assert _problems(drive(tmp_path / "cdrom"), check_files=True) == []
    monkeypatch.setattr(validation, "_can_access", lambda path, mode: False)
    p = _only(_problems(drive(sr0), check_files=True), "cdrom.path", Severity.ERROR)
    assert "sudo adduser $USER cdrom, then log out and in" in p.message


def test_usb_stick(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def stick(path: Path, protected: bool = True) -> VmSpec:
        return new_spec("vm", usb_stick=Passthrough(str(path), protected))

    p = _only(_problems(stick(tmp_path / "sdb"), check_files=True), "usb_stick.path",
              Severity.ERROR)
    assert "There is no USB stick" in p.message
    p = _only(_problems(stick(Path("/dev/null")), check_files=True), "usb_stick.path",
              Severity.ERROR)
    assert "is not an image file or a block device" in p.message
    _only(_problems(stick(tmp_path), check_files=True), "usb_stick.path", Severity.ERROR)
    image = tmp_path / "stick.img"
    image.write_bytes(b"")
    assert _problems(stick(image), check_files=True) == []  # an image file is fine
    assert _problems(stick(image, protected=False), check_files=True) == []
    sdb = _block_device(tmp_path / "sdb", group="disk")
    assert _problems(stick(sdb, protected=False), check_files=True) == []
    # Writing to a stick the host has mounted would destroy its files.
    monkeypatch.setattr(validation, "_mounted_sources", lambda: {str(sdb) + "1"})
    p = _only(_problems(stick(sdb, protected=False), check_files=True), "usb_stick.path",
              Severity.ERROR)
    assert "is mounted" in p.message and "unmount it first" in p.message
    assert _problems(stick(sdb, protected=True), check_files=True) == []
    monkeypatch.setattr(validation, "_mounted_sources", lambda: {str(sdb) + "0x"})
    assert _problems(stick(sdb, protected=False), check_files=True) == []
    monkeypatch.setattr(validation, "_can_access", lambda path, mode: mode == os.R_OK)
    p = _only(_problems(stick(sdb, protected=False), check_files=True), "usb_stick.path",
              Severity.ERROR)
    assert "sudo adduser $USER disk, then log out and in" in p.message
    assert _problems(stick(sdb, protected=True), check_files=True) == []


def test_block_device_as_disk(tmp_path: Path) -> None:
    dev = _block_device(tmp_path / "sdc", group="disk")
    qcow = new_spec("vm", disks=(Disk(str(dev)),))
    _only(_problems(qcow, check_files=True), "disks[0].format", Severity.WARNING)
    raw = new_spec("vm", disks=(Disk(str(dev), format=DiskFormat.RAW),))
    assert _problems(raw, check_files=True) == []


def test_mount_matching(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validation, "_mounted_sources", lambda: {"/dev/sdb1", "/dev/nvme0n1p2"})
    assert validation._is_mounted(Path("/dev/sdb"))
    assert validation._is_mounted(Path("/dev/nvme0n1"))
    assert not validation._is_mounted(Path("/dev/sd"))
    assert not validation._is_mounted(Path("/dev/sdc"))
    monkeypatch.setattr(validation, "_mounted_sources", lambda: {"/dev/loop10", "/dev/loop2p1"})
    assert not validation._is_mounted(Path("/dev/loop1"))
    assert validation._is_mounted(Path("/dev/loop10"))
    assert validation._is_mounted(Path("/dev/loop2"))


def test_mounted_sources_reads_this_host() -> None:
    assert isinstance(validation._mounted_sources(), set)


# -- boot, network, display, extra arguments -----------------------------------------------


def test_boot_order_first_device_missing() -> None:
    spec = new_spec("vm", cdrom=None, disks=(Disk("a.qcow2"),),
                    boot_order=(BootDevice.CDROM, BootDevice.DISK, BootDevice.USB,
                                BootDevice.DISK))
    problems = _problems(spec)
    assert _fields(problems, Severity.WARNING) == ["boot_order"] * 2
    assert "appears twice" in problems[0].message
    assert "boot from its CD drive first but has no CD drive" in problems[1].message
    assert not has_errors(problems)
    # The default order (disk, then CD) is fine without a CD drive, or without a disk.
    assert _problems(new_spec("vm", cdrom=None, disks=(Disk("a.qcow2"),))) == []
    assert _problems(new_spec("vm", cdrom=Cdrom(CdromSource.ISO, "/x.iso"))) == []
    assert _problems(new_spec("vm", boot_order=())) == []
    p = _only(_problems(new_spec("vm", cdrom=None)), "boot_order", Severity.WARNING)
    assert "nothing" not in p.message and "no disk, CD drive or USB stick" in p.message
    usb_disk = new_spec("vm", disks=(Disk("u.img", bus=DiskBus.USB),),
                        boot_order=(BootDevice.USB,))
    assert _problems(usb_disk) == []


@pytest.mark.parametrize(
    ("forward", "field", "words"),
    [
        (PortForward(80, 80), "host_port", "needs root"),
        (PortForward(0, 22), "host_port", "does not exist"),
        (PortForward(70000, 22), "host_port", "does not exist"),
        (PortForward(2222, 0), "guest_port", "does not exist"),
        (PortForward(2222, 65536), "guest_port", "does not exist"),
    ],
)
def test_bad_port_forwards(forward: PortForward, field: str, words: str) -> None:
    spec = new_spec("vm", network=Network(forwards=(forward,)))
    p = _only(_problems(spec), f"network.forwards[0].{field}", Severity.ERROR)
    assert words in p.message


def test_duplicate_forwards() -> None:
    spec = new_spec("vm", network=Network(forwards=(
        PortForward(2222, 22), PortForward(2222, 23), PortForward(2222, 22, Protocol.UDP))))
    _only(_problems(spec), "network.forwards[1].host_port", Severity.ERROR)


def test_forwards_without_network() -> None:
    spec = new_spec("vm", network=Network(mode=NetMode.NONE, forwards=(PortForward(2222, 22),)))
    _only(_problems(spec), "network.forwards", Severity.WARNING)


def test_password_only_for_vnc() -> None:
    spec = new_spec("vm", display=Display(DisplayKind.SPICE, password=True))
    _only(_problems(spec), "display.password", Severity.WARNING)
    assert _problems(new_spec("vm", display=Display(DisplayKind.VNC, password=True))) == []


def test_extra_args_nul() -> None:
    spec = new_spec("vm", extra_args=("-no-hpet", "a\0b"))
    _only(_problems(spec), "extra_args[1]", Severity.ERROR)


def test_extra_args_use_the_argv_checker() -> None:
    spec = new_spec("vm", extra_args=("-qmp", "tcp:0.0.0.0:4444,server=on,wait=off"))
    problems = _problems(spec)
    assert problems and all(p.field == "extra_args" for p in problems)
    assert has_errors(problems)
    assert _problems(new_spec("vm", extra_args=("-no-hpet",))) == []


def test_helpers() -> None:
    problems = [Problem("a", Severity.WARNING, "W."), Problem("b", Severity.ERROR, "E.")]
    assert errors(problems) == [problems[1]]
    assert has_errors(problems) and not has_errors(problems[:1])
    assert Severity.ERROR.value == "error"


def test_firmware_enum_untouched_by_bios_host() -> None:
    assert _problems(new_spec("vm", firmware=Firmware.BIOS), BARE_HOST) == []


def test_free_name_skips_taken_names_ignoring_case_and_what_the_caller_rules_out() -> None:
    assert free_name("debian", []) == "debian"
    assert free_name("debian", ["Debian", "DEBIAN-2"]) == "debian-3"
    assert free_name("vm-clone", ["vm-clone"]) == "vm-clone-2"
    # e.g. a folder left by a deleted VM whose disks were kept
    assert free_name("restored", [], lambda name: name in {"restored", "restored-2"}) == (
        "restored-3")


def test_free_name_compares_names_as_validate_name_does() -> None:
    assert free_name("Caf\u00e9", ["Cafe\u0301"]) == "Caf\u00e9-2"
    assert free_name("vm", ["\uff56\uff4d"]) == "vm-2"
    assert validation.name_key("Cafe\u0301") == validation.name_key("CAF\u00c9")
    assert validation.name_key("a b") != validation.name_key("ab")


@pytest.mark.parametrize("name", ["a/b", "../x", "..", "./x", "a/../b", "/etc"])
def test_a_path_like_name_gives_one_message(name: str) -> None:
    assert len(validate_name(name)) == 1, validate_name(name)


# ---------------------------------------------------------------------------------------------
# Install media: the header classification with real images


def _head(path: Path) -> bytes:
    with path.open("rb") as f:
        return f.read(media.HEAD_BYTES)


def _tool(*argv: str | Path) -> None:
    import subprocess

    r = subprocess.run([str(a) for a in argv], capture_output=True, text=True, timeout=60,
                       check=False)
    assert r.returncode == 0, r.stderr


def test_xorriso_iso_is_an_iso(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "hello.txt").write_text("hello\n")
    iso = tmp_path / "tiny.iso"
    _tool("xorriso", "-as", "mkisofs", "-quiet", "-V", "TINY", "-o", iso, content)
    assert media.classify(_head(iso)) is media.MediumKind.ISO9660
    assert validation.install_medium_problems("cdrom.path", str(iso),
                                              media.MediumKind.ISO9660) == []


def test_the_suites_bootable_hybrid_iso_is_an_iso(test_iso: Path) -> None:
    head = _head(test_iso)
    assert media.classify(head) is media.MediumKind.ISO9660


@pytest.mark.qemu
@pytest.mark.parametrize("fmt", ["qcow2", "vmdk", "vdi", "vhdx", "vpc"])
def test_disk_images_of_other_programs_are_named(tmp_path: Path, fmt: str) -> None:
    image = tmp_path / f"disk.{fmt}"
    _tool("qemu-img", "create", "-q", "-f", fmt, image, "16M")
    kind = media.classify(_head(image))
    expected = {"qcow2": media.MediumKind.QCOW2, "vmdk": media.MediumKind.VMDK,
                "vdi": media.MediumKind.VDI, "vhdx": media.MediumKind.VHDX,
                "vpc": media.MediumKind.VHD}[fmt]
    assert kind is expected
    problems = validation.install_medium_problems("cdrom.path", str(image), kind)
    assert [p.message for p in problems] == [
        f"{image} is a {kind.value} disk image, not a CD/DVD image: use it as the VM's "
        "existing disk image instead."]
    assert problems[0].field == "cdrom.path" and problems[0].severity is Severity.ERROR


@pytest.mark.qemu
def test_raw_disk_with_a_boot_sector_is_bootable(tmp_path: Path) -> None:
    image = tmp_path / "stick.img"
    _tool("qemu-img", "create", "-q", "-f", "raw", image, "4M")
    assert media.classify(_head(image)) is media.MediumKind.UNKNOWN  # all zeros: no MBR
    with image.open("r+b") as f:
        f.seek(510)
        f.write(b"\x55\xaa")
    assert media.classify(_head(image)) is media.MediumKind.RAW_DISK
    assert validation.install_medium_problems("cdrom.path", str(image),
                                              media.MediumKind.RAW_DISK) == []


def test_udf_volume_recognition_sequence() -> None:
    head = bytearray(media.HEAD_BYTES)
    head[0x8001:0x8006] = b"BEA01"
    head[0x8801:0x8806] = b"NSR02"
    assert media.classify(bytes(head)) is media.MediumKind.UDF
    bridge = bytearray(media.HEAD_BYTES)
    bridge[0x8801:0x8806] = b"BEA01"
    bridge[0x9001:0x9006] = b"NSR03"
    assert media.classify(bytes(bridge)) is media.MediumKind.UDF


def test_text_files_and_empty_files_are_refused() -> None:
    passwd = Path("/etc/passwd")
    kind = media.classify(_head(passwd))
    assert kind is media.MediumKind.UNKNOWN
    assert [p.message for p in validation.install_medium_problems("cdrom.path", str(passwd),
                                                                  kind)] == [
        "/etc/passwd is neither a CD/DVD image (ISO) nor a bootable disk image: pick the "
        "install or live disc image of the system, usually a file ending in .iso."]
    assert media.classify(b"") is media.MediumKind.EMPTY
    assert "is empty" in validation.install_medium_problems(
        "cdrom.path", "/x.iso", media.MediumKind.EMPTY)[0].message
    # A short file is read whole: no header can match past its end.
    assert media.classify(b"\x55") is media.MediumKind.UNKNOWN


# -- the type of a medium file, before anything opens it ------------------------------------


def test_special_files_are_refused_by_their_type(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.iso"
    os.mkfifo(fifo)
    regular = tmp_path / "disc.iso"
    regular.write_bytes(b"x")
    assert media.file_kind_problem(regular, "ISO file") is None
    assert media.file_kind_problem(tmp_path / "missing.iso", "ISO file") is None
    for path, words in (
        (fifo, "is a named pipe (FIFO), which cannot serve as the ISO file: pick"),
        (Path("/dev/zero"), "is a character device"),
        (Path("/dev/null"), "is a character device"),
        (Path("/proc/self/environ"), "file of the running system"),
        (Path("/proc/version"), "file of the running system"),
        (Path("/sys/kernel"), "file of the running system"),
        (tmp_path, "is a folder"),
    ):
        problem = media.file_kind_problem(path, "ISO file")
        assert problem is not None and words in problem, (path, problem)
    # A link into /proc is judged by where it leads.
    link = tmp_path / "innocent.iso"
    link.symlink_to("/proc/self/environ")
    assert "running system" in (media.file_kind_problem(link, "ISO file") or "")


def test_validation_refuses_special_files_everywhere(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for spec, field in (
        (new_spec("vm", cdrom=Cdrom(CdromSource.ISO, str(fifo))), "cdrom.path"),
        (new_spec("vm", cdrom=Cdrom(CdromSource.ISO, "/proc/version")), "cdrom.path"),
        (new_spec("vm", disks=(Disk(str(fifo), DiskFormat.RAW),)), "disks[0].path"),
        (new_spec("vm", disks=(Disk("/dev/zero", DiskFormat.RAW),)), "disks[0].path"),
        (new_spec("vm", usb_stick=Passthrough("/proc/version")), "usb_stick.path"),
        (new_spec("vm", usb_stick=Passthrough(str(fifo))), "usb_stick.path"),
    ):
        problems = errors(_problems(spec, check_files=True))
        assert [p.field for p in problems] == [field], problems


def test_start_problems_rerun_the_rules_and_check_file_types(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.iso"
    os.mkfifo(fifo)
    good = new_spec("vm", disks=(), cdrom=Cdrom(CdromSource.ISO, str(tmp_path / "gone.iso")))
    # A missing ISO is left to the start itself (QEMU's words, explained with the fix).
    assert validation.start_problems(good, HOST, None) == []
    edited = replace(good, memory_mib=8, cdrom=Cdrom(CdromSource.ISO, str(fifo)),
                     network=Network(forwards=(PortForward(80, 80),)))
    problems = validation.start_problems(edited, HOST, None)
    assert sorted(p.field for p in problems) == ["cdrom.path", "memory_mib",
                                                 "network.forwards[0].host_port"]
    assert all(p.severity is Severity.ERROR for p in problems)


def test_one_minimum_memory() -> None:
    from kvmgui.core.limits import MIN_MEMORY_MIB

    spec = new_spec("vm", memory_mib=MIN_MEMORY_MIB - 1)
    assert f"at least {MIN_MEMORY_MIB} MiB" in _only(
        _problems(spec), "memory_mib", Severity.ERROR).message
