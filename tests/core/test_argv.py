"""Behaviour of the argv builder beyond the golden files: errors, fallbacks, spellings."""

from __future__ import annotations

import shlex
from dataclasses import replace
from pathlib import Path

import pytest

from kvmgui.core.argv import (
    CDROM_DEVICE_ID,
    ArgvError,
    build_argv,
    process_name,
    shell_line,
    swtpm_argv,
    swtpm_socket,
)
from kvmgui.core.argv_opts import opts_dict, parse_opts
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
    Network,
    OsPreset,
    Passthrough,
    PortForward,
    Protocol,
    VmSpec,
)
from kvmgui.core.paths import VmFolder, VmRuntimePaths
from kvmgui.core.qemu_caps import QemuCaps
from tests.core.test_argv_golden import fixture_argv
from tests.core.vm_fixtures import FIXTURES, GOLDEN_CAPS, GOLDEN_HOST, KVM_HOST, fixed_id

FOLDER = VmFolder(Path("/vms/t"))
RUN = VmRuntimePaths(Path("/run/user/1000/kvmgui/0123456789ab"))
ALL_ARGVS = {name: fixture_argv(fx) for name, fx in FIXTURES.items()}


def spec(**overrides: object) -> VmSpec:
    return replace(VmSpec(name="t", id=fixed_id("t")), **overrides)  # type: ignore[arg-type]


def build(
    s: VmSpec,
    *,
    caps: QemuCaps = GOLDEN_CAPS,
    host: HostFacts = GOLDEN_HOST,
    folder: VmFolder = FOLDER,
) -> list[str]:
    return build_argv(s, caps=caps, host=host, folder=folder, run=RUN)


def values(argv: list[str], option: str) -> list[str]:
    return [argv[i + 1] for i, arg in enumerate(argv[:-1]) if arg == option]


def devices(argv: list[str]) -> dict[str, dict[str, str]]:
    """-device values keyed by id."""
    found = {}
    for value in values(argv, "-device"):
        fields = opts_dict(value, implied="driver")
        found[fields.get("id", fields["driver"])] = fields
    return found


def error(s: VmSpec, **kwargs: object) -> str:
    with pytest.raises(ArgvError) as info:
        build(s, **kwargs)  # type: ignore[arg-type]
    message = str(info.value)
    assert message.endswith((".", ")")) or "sudo apt install" in message
    assert "\n" not in message
    return message


# --- identity --------------------------------------------------------------------------------


def test_process_name_fits_comm() -> None:
    name = process_name("0123456789abcdef0123456789abcdef")
    assert name == "kvmgui-01234567"
    assert len(name) <= 15
    assert process_name("a-b,c=d/e f") == "kvmgui-abcdef"


def test_name_with_commas_and_equals_stays_one_value() -> None:
    argv = build(spec(name="a, b=c,process=evil"))
    fields = parse_opts(values(argv, "-name")[0])
    assert fields == [("guest", "a, b=c,process=evil"), ("process", process_name(fixed_id("t")))]


def test_control_characters_are_refused() -> None:
    assert "control character" in error(spec(name="two\nlines"))


def test_shell_line_round_trips() -> None:
    for argv in ALL_ARGVS.values():
        assert shlex.split(shell_line(argv)) == argv


# --- spellings that hold from 7.2 to 10.x ------------------------------------------------------


@pytest.mark.parametrize("name", sorted(ALL_ARGVS))
def test_modern_spellings_only(name: str) -> None:
    argv = ALL_ARGVS[name]
    text = "\n".join(argv)
    for removed in ("-soundhw", "-no-acpi", "-no-hpet", "-enable-kvm", "-usbdevice", "-vga"):
        assert removed not in argv
    assert ",nowait" not in text and "server,nowait" not in text
    assert "0.0.0.0" not in text
    assert argv.count("-accel") == 1
    assert "accel=" not in values(argv, "-machine")[0]
    assert "-S" not in argv  # the runtime adds it
    for option in ("-nodefaults", "-no-user-config"):
        assert option in argv
    assert values(argv, "-display") == ["none"]
    for vnc in values(argv, "-vnc"):
        assert vnc.startswith("unix:")
    for spice in values(argv, "-spice"):
        fields = opts_dict(spice)
        assert fields["unix"] == "on" and "password" not in fields and "port" not in fields
    qmps = values(argv, "-qmp")
    assert qmps == [
        f"unix:{FIXTURES[name].run.qmp_socket},server=on,wait=off",
        f"unix:{FIXTURES[name].run.qmp_cli_socket},server=on,wait=off",
    ]
    assert values(argv, "-pidfile") == [str(FIXTURES[name].run.pidfile)]
    assert values(argv, "-serial") == [f"file:{FIXTURES[name].folder.serial_log}"]
    for netdev in values(argv, "-netdev"):
        for key, rule in parse_opts(netdev):
            if key == "hostfwd":
                assert ":127.0.0.1:" in rule
    for device in values(argv, "-device"):
        if device.startswith("hda-"):
            assert "audiodev=snd0" in device


@pytest.mark.parametrize("name", sorted(ALL_ARGVS))
def test_cd_drive_always_has_the_runtime_id(name: str) -> None:
    found = devices(ALL_ARGVS[name])
    assert (CDROM_DEVICE_ID in found) == (FIXTURES[name].spec.cdrom is not None)


def test_extra_args_come_last() -> None:
    fx = FIXTURES["extra-args"]
    argv = ALL_ARGVS["extra-args"]
    assert tuple(argv[-len(fx.spec.extra_args):]) == fx.spec.extra_args


def test_bad_extra_args_list_every_problem() -> None:
    with pytest.raises(ArgvError) as info:
        build(spec(extra_args=("-qmp", "tcp:0.0.0.0:4444", "-vnc", ":1")))
    assert len(info.value.problems) == 2
    assert "-qmp" in str(info.value) and "1 more problem" in str(info.value)


# --- machine and CPU ---------------------------------------------------------------------------


def test_machine_is_pinned_from_caps_or_spec() -> None:
    assert values(build(spec()), "-machine") == ["pc-q35-7.2"]
    assert values(build(spec(machine=MachineType.PC)), "-machine") == ["pc-i440fx-7.2"]
    pinned = spec(machine_version="pc-q35-6.2")
    assert values(build(pinned), "-machine") == ["pc-q35-6.2"]


def test_unknown_or_mismatched_machine_is_explained() -> None:
    assert "does not know the machine type pc-q35-9.2" in error(
        spec(machine_version="pc-q35-9.2")
    )
    assert "does not match" in error(spec(machine_version="pc-i440fx-7.2"))


def test_accelerator_and_cpu() -> None:
    tcg = build(spec())
    assert values(tcg, "-accel") == ["tcg"] and values(tcg, "-cpu") == ["max"]
    kvm = build(spec(), host=KVM_HOST)
    assert values(kvm, "-accel") == ["kvm"] and values(kvm, "-cpu") == ["host"]
    fallback = build(spec(), host=replace(KVM_HOST, kvm_cpu_model="max"))
    assert values(fallback, "-cpu") == ["max"]
    forced_tcg = build(spec(accel=Accel.TCG), host=KVM_HOST)
    assert values(forced_tcg, "-accel") == ["tcg"]
    old = build(spec(os=OsPreset.WINDOWS_OLD, machine=MachineType.PC))
    assert values(old, "-cpu") == ["qemu64"]


def test_hyperv_only_for_modern_windows_under_kvm() -> None:
    win = spec(os=OsPreset.WINDOWS11)
    assert "hv_relaxed" in values(build(win, host=KVM_HOST), "-cpu")[0]
    assert values(build(win), "-cpu") == ["max"]
    assert "hv_" not in values(build(spec(), host=KVM_HOST), "-cpu")[0]


def test_smp_topology_is_one_socket() -> None:
    assert values(build(spec(cpus=4)), "-smp") == ["4,sockets=1,cores=4,threads=1"]


def test_bad_numbers() -> None:
    assert "memory" in error(spec(memory_mib=0))
    assert "CPUs" in error(spec(cpus=0))


def test_crash_handling_follows_caps() -> None:
    argv = build(spec())
    assert values(argv, "-action") == ["panic=pause"]
    assert "pvpanic0" in devices(argv)
    argv = build(spec(), caps=QemuCaps(version=(5, 2, 0)))  # -action came with 6.0
    assert "-action" not in argv


# --- firmware and TPM --------------------------------------------------------------------------


def test_uefi_needs_ovmf() -> None:
    message = error(spec(firmware=Firmware.UEFI), host=replace(GOLDEN_HOST, ovmf_code=None))
    assert "sudo apt install ovmf" in message


def test_uefi_uses_the_vms_own_nvram() -> None:
    argv = build(spec(firmware=Firmware.UEFI))
    assert values(argv, "-machine") == ["pc-q35-7.2,pflash0=fw-code,pflash1=fw-vars"]
    nodes = [opts_dict(v) for v in values(argv, "-blockdev")]
    assert {"driver": "file", "filename": str(FOLDER.nvram), "node-name": "fw-vars-file"} in nodes
    assert "-global" not in argv  # plain OVMF: no SMM


def test_secure_boot_firmware_needs_q35() -> None:
    host = replace(GOLDEN_HOST, ovmf_code="/usr/share/OVMF/OVMF_CODE_4M.secboot.fd")
    argv = build(spec(firmware=Firmware.UEFI), host=host)
    assert values(argv, "-machine")[0].endswith(",smm=on")
    assert "Q35" in error(spec(firmware=Firmware.UEFI, machine=MachineType.PC), host=host)


def test_tpm_needs_swtpm() -> None:
    assert "sudo apt install swtpm" in error(
        spec(tpm=True), host=replace(GOLDEN_HOST, swtpm=None)
    )


def test_tpm_refuses_a_comma_in_the_folder() -> None:
    message = error(spec(tpm=True), folder=VmFolder(Path("/vms/a, b")))
    assert "comma" in message


def test_swtpm_argv_matches_the_socket_qemu_uses() -> None:
    argv = swtpm_argv(RUN, FOLDER, "/usr/bin/swtpm")
    assert argv[:3] == ["/usr/bin/swtpm", "socket", "--tpm2"]
    assert f"type=unixio,path={swtpm_socket(RUN)}" in argv
    assert f"dir={FOLDER.tpm_dir},mode=0600" in argv
    assert "--terminate" in argv
    qemu = build(spec(tpm=True))
    assert f"socket,id=tpmchr,path={swtpm_socket(RUN)}" in values(qemu, "-chardev")


# --- storage -----------------------------------------------------------------------------------


def test_relative_paths_live_in_the_vm_folder() -> None:
    argv = build(spec(disks=(Disk("d.qcow2"), Disk("/abs/e.qcow2"))))
    files = [opts_dict(v).get("filename") for v in values(argv, "-blockdev")]
    assert "/vms/t/d.qcow2" in files and "/abs/e.qcow2" in files


def test_device_paths_use_host_drivers() -> None:
    argv = build(spec(disks=(Disk("/dev/sdc", format=DiskFormat.RAW),),
                      cdrom=Cdrom(CdromSource.HOST, "/dev/sr0")))
    drivers = {opts_dict(v)["filename"]: opts_dict(v)["driver"]
               for v in values(argv, "-blockdev") if "filename" in opts_dict(v)}
    assert drivers == {"/dev/sdc": "host_device", "/dev/sr0": "host_cdrom"}


def test_read_only_disk_cannot_be_ide() -> None:
    for bus in (DiskBus.IDE, DiskBus.SATA):
        assert "read-only" in error(spec(disks=(Disk("r.raw", readonly=True, bus=bus),)))


def test_read_only_wins_over_throwaway() -> None:
    argv = build(spec(disks=(Disk("r.qcow2", readonly=True, throwaway=True),)))
    assert "-drive" not in argv
    assert all("read-only=on" in v for v in values(argv, "-blockdev"))


def test_ide_slots_run_out_on_a_classic_pc() -> None:
    disks = tuple(Disk(f"{i}.qcow2", bus=DiskBus.IDE) for i in range(3))
    build(spec(machine=MachineType.PC, disks=disks, cdrom=Cdrom()))
    more = (*disks, Disk("x.qcow2", bus=DiskBus.IDE))
    assert "IDE slot" in error(spec(machine=MachineType.PC, disks=more))


def test_sata_ports_run_out_on_q35() -> None:
    disks = tuple(Disk(f"{i}.qcow2", bus=DiskBus.SATA) for i in range(5))
    argv = build(spec(disks=disks, cdrom=Cdrom()))
    buses = sorted(f["bus"] for f in devices(argv).values() if "bus" in f and "ide." in f["bus"])
    assert buses == ["ide.0", "ide.1", "ide.2", "ide.3", "ide.4", "ide.5"]
    assert "SATA port" in error(spec(disks=(*disks, Disk("x.qcow2", bus=DiskBus.SATA))))


def test_backing_files_need_qcow2_and_a_format() -> None:
    raw = Disk("r.raw", format=DiskFormat.RAW, backing_file="b", backing_format=DiskFormat.RAW)
    assert "only qcow2" in error(spec(disks=(raw,)))
    assert "unknown format" in error(spec(disks=(Disk("c.qcow2", backing_file="b.qcow2"),)))


def test_cd_image_must_be_chosen() -> None:
    assert "ISO file" in error(spec(cdrom=Cdrom(CdromSource.ISO)))
    assert "host drive" in error(spec(cdrom=Cdrom(CdromSource.HOST)))


def test_boot_order_becomes_bootindex() -> None:
    s = spec(
        disks=(Disk("a.qcow2"), Disk("b.qcow2")),
        cdrom=Cdrom(CdromSource.ISO, "x.iso"),
        usb_stick=Passthrough("/dev/sdb"),
        boot_order=(BootDevice.USB, BootDevice.CDROM, BootDevice.DISK, BootDevice.CDROM),
    )
    found = devices(build(s))
    assert found["usbstick0"]["bootindex"] == "1"
    assert found["cdrom0"]["bootindex"] == "2"
    assert (found["disk0"]["bootindex"], found["disk1"]["bootindex"]) == ("3", "4")
    unlisted = devices(build(replace(s, boot_order=(BootDevice.DISK,))))
    assert "bootindex" not in unlisted["cdrom0"] and "bootindex" not in unlisted["usbstick0"]


def test_usb_stick_gets_a_controller_even_without_the_tablet() -> None:
    found = devices(build(spec(usb=False, usb_stick=Passthrough("/dev/sdb"))))
    assert "xhci" in found and "tablet0" not in found
    assert found["usbstick0"]["bus"] == "xhci.0"
    old = devices(build(spec(os=OsPreset.WINDOWS_OLD, machine=MachineType.PC)))
    assert old["usb"]["driver"] == "piix3-usb-uhci" and old["tablet0"]["bus"] == "usb.0"


def test_protected_stick_is_throwaway_unprotected_is_writable() -> None:
    protected = build(spec(usb_stick=Passthrough("/dev/sdb")))
    drive = opts_dict(values(protected, "-drive")[0])
    assert drive["snapshot"] == "on" and drive["format"] == "raw"
    assert drive["file.driver"] == "host_device"
    image = build(spec(usb_stick=Passthrough("stick.img", protected=False)))
    assert "-drive" not in image
    assert {"driver": "file", "filename": "/vms/t/stick.img", "node-name": "usb0-file"} in [
        opts_dict(v) for v in values(image, "-blockdev")
    ]


# --- devices -----------------------------------------------------------------------------------


def test_missing_devices_are_explained() -> None:
    no_virtio = replace(GOLDEN_CAPS, devices=GOLDEN_CAPS.devices - {"virtio-blk-pci"})
    assert "virtio-blk-pci" in error(spec(disks=(Disk("d.qcow2"),)), caps=no_virtio)
    no_hda = replace(GOLDEN_CAPS, devices=GOLDEN_CAPS.devices - {"ich9-intel-hda"})
    assert "sound off" in error(spec(), caps=no_hda)


def test_unprobed_caps_are_trusted() -> None:
    bare = QemuCaps(version=(7, 2, 0))
    for fx in FIXTURES.values():
        build_argv(fx.spec, caps=bare, host=fx.host, folder=fx.folder, run=fx.run)


def test_spice_needs_a_spice_build() -> None:
    no_spice = replace(GOLDEN_CAPS, audio_drivers=frozenset({"none", "pa"}))
    assert "without SPICE" in error(
        spec(display=Display(kind=DisplayKind.SPICE)), caps=no_spice
    )


def test_optional_helpers_are_skipped_when_missing() -> None:
    lean = replace(
        GOLDEN_CAPS,
        devices=GOLDEN_CAPS.devices
        - {"pvpanic", "virtio-rng-pci", "virtio-balloon-pci", "virtio-serial-pci"},
    )
    found = devices(build(spec(display=Display(kind=DisplayKind.SPICE)), caps=lean))
    assert not {"pvpanic0", "rng0", "balloon0", "vser0"} & set(found)


@pytest.mark.parametrize(
    ("host_driver", "caps_drivers", "expected"),
    [
        ("pa", None, "pa"),
        ("pipewire", None, "none"),  # 7.2 has no pipewire back-end
        ("pipewire", frozenset({"none", "pa", "pipewire"}), "pipewire"),
        ("alsa", frozenset(), "alsa"),  # not probed: trust the host
        ("none", None, "none"),
        ("", None, "none"),
    ],
)
def test_audio_driver_choice(
    host_driver: str, caps_drivers: frozenset[str] | None, expected: str
) -> None:
    caps = GOLDEN_CAPS if caps_drivers is None else replace(
        GOLDEN_CAPS, audio_drivers=caps_drivers
    )
    argv = build(spec(), caps=caps, host=replace(GOLDEN_HOST, audio_driver=host_driver))
    assert values(argv, "-audiodev") == [f"{expected},id=snd0"]


def test_sound_off_means_no_audio_at_all() -> None:
    argv = build(spec(sound=False))
    assert "-audiodev" not in argv and "hda" not in devices(argv)


def test_port_forwards() -> None:
    fwd = (PortForward(2222, 22), PortForward(2222, 22, Protocol.UDP))
    netdev = values(build(spec(network=Network(forwards=fwd))), "-netdev")[0]
    assert netdev == (
        "user,id=net0,hostfwd=tcp:127.0.0.1:2222-:22,hostfwd=udp:127.0.0.1:2222-:22"
    )
    assert "twice" in error(spec(network=Network(forwards=(fwd[0], fwd[0]))))
    for bad in (PortForward(0, 22), PortForward(2222, 70000)):
        assert "1 to 65535" in error(spec(network=Network(forwards=(bad,))))


def test_vnc_password() -> None:
    argv = build(spec(display=Display(password=True)))
    assert values(argv, "-vnc") == [f"unix:{RUN.vnc_socket},password=on"]


def test_spice_password_keeps_ticketing_on() -> None:
    open_spice = values(build(spec(display=Display(kind=DisplayKind.SPICE))), "-spice")
    locked = values(
        build(spec(display=Display(kind=DisplayKind.SPICE, password=True))), "-spice"
    )
    assert open_spice == [f"unix=on,addr={RUN.spice_socket},disable-ticketing=on"]
    assert locked == [f"unix=on,addr={RUN.spice_socket}"]


def test_no_display_means_no_listener() -> None:
    argv = build(spec(display=Display(kind=DisplayKind.NONE)))
    assert "-vnc" not in argv and "-spice" not in argv
    assert "video0" in devices(argv)  # the guest still has a graphics card


def test_socket_paths_with_commas_are_escaped() -> None:
    run = VmRuntimePaths(Path("/run/a,b"))
    argv = build_argv(spec(), caps=GOLDEN_CAPS, host=GOLDEN_HOST, folder=FOLDER, run=run)
    assert values(argv, "-vnc") == ["unix:/run/a,,b/vnc.sock"]
    assert values(argv, "-qmp")[0] == "unix:/run/a,,b/qmp.sock,server=on,wait=off"
    assert values(argv, "-pidfile") == ["/run/a,b/qemu.pid"]  # a plain path, not an option list
