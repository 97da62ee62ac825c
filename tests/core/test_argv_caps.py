"""The QEMU capability parsers (kvmgui.core.qemu_caps) on QEMU 7.2 to 10.x output, and the
builder on a newer QEMU's capabilities.

7.2's texts are the real ones saved from this machine (tests/core/data); the newer ones are
written by hand in the format those releases print.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from kvmgui.core.argv import build_argv
from kvmgui.core.argv_opts import opts_dict
from kvmgui.core.qemu_caps import (
    QemuCaps,
    parse_audiodev_help,
    parse_device_help,
    parse_machine_help,
    parse_version,
)
from tests.core.vm_fixtures import DATA, FIXTURES, GOLDEN_CAPS, KVM_HOST

BANNERS = [
    (
        "QEMU emulator version 7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3)\n"
        "Copyright (c) 2003-2022 Fabrice Bellard and the QEMU Project developers\n",
        (7, 2, 22),
    ),
    (
        "QEMU emulator version 8.2.2 (Debian 1:8.2.2+ds-0ubuntu1.4)\n"
        "Copyright (c) 2003-2023 Fabrice Bellard and the QEMU Project developers\n",
        (8, 2, 2),
    ),
    ("QEMU emulator version 9.0.2 (qemu-9.0.2-1.fc40)\nCopyright (c) 2003-2024 …\n", (9, 0, 2)),
    ("QEMU emulator version 9.2.50 (v9.2.0-1620-g3f3c7f0c8d)\n", (9, 2, 50)),
    (
        "QEMU emulator version 10.0.0 (Debian 1:10.0.0+ds-2)\n"
        "Copyright (c) 2003-2025 Fabrice Bellard and the QEMU Project developers\n",
        (10, 0, 0),
    ),
    ("QEMU emulator version 10.1.0\nCopyright (c) 2003-2025 …\n", (10, 1, 0)),
    ("QEMU emulator version 8.0\n", (8, 0, 0)),
]


@pytest.mark.parametrize(("text", "expected"), BANNERS)
def test_version_banners(text: str, expected: tuple[int, int, int]) -> None:
    assert parse_version(text) == expected


def test_not_a_banner() -> None:
    with pytest.raises(ValueError):
        parse_version("bash: qemu-system-x86_64: command not found")


MACHINE_HELP_9_2 = """\
Supported machines are:
microvm              microvm (i386)
pc                   Standard PC (i440FX + PIIX, 1996) (alias of pc-i440fx-9.2)
pc-i440fx-9.2        Standard PC (i440FX + PIIX, 1996) (default)
pc-i440fx-9.1        Standard PC (i440FX + PIIX, 1996)
pc-i440fx-2.4        Standard PC (i440FX + PIIX, 1996) (deprecated)
q35                  Standard PC (Q35 + ICH9, 2009) (alias of pc-q35-9.2)
pc-q35-9.2           Standard PC (Q35 + ICH9, 2009)
pc-q35-7.2           Standard PC (Q35 + ICH9, 2009)
pc-q35-2.4           Standard PC (Q35 + ICH9, 2009) (deprecated)
isapc                ISA-only PC
none                 empty machine
x-remote             Experimental remote machine
"""

MACHINE_HELP_10_0 = """\
Supported machines are:
microvm              microvm (i386)
pc                   Standard PC (i440FX + PIIX, 1996) (alias of pc-i440fx-10.0)
pc-i440fx-10.0       Standard PC (i440FX + PIIX, 1996) (default)
pc-i440fx-9.2        Standard PC (i440FX + PIIX, 1996)
q35                  Standard PC (Q35 + ICH9, 2009) (alias of pc-q35-10.0)
pc-q35-10.0          Standard PC (Q35 + ICH9, 2009)
pc-q35-7.2           Standard PC (Q35 + ICH9, 2009)
pc-q35-4.2           Standard PC (Q35 + ICH9, 2009) (deprecated)
isapc                ISA-only PC
none                 empty machine
"""


@pytest.mark.parametrize(
    ("text", "q35", "pc"),
    [
        ((DATA / "qemu-7.2-machine-help.txt").read_text(), "pc-q35-7.2", "pc-i440fx-7.2"),
        (MACHINE_HELP_9_2, "pc-q35-9.2", "pc-i440fx-9.2"),
        (MACHINE_HELP_10_0, "pc-q35-10.0", "pc-i440fx-10.0"),
    ],
)
def test_machine_help(text: str, q35: str, pc: str) -> None:
    machines, aliases = parse_machine_help(text)
    assert "pc-q35-7.2" in machines and "none" in machines
    assert "Supported" not in machines
    assert aliases["q35"] == q35 and aliases["pc"] == pc
    assert q35 in machines and pc in machines


DEVICE_HELP_10_0 = """\
Controller/Bridge/Hub devices:
name "pcie-root-port", bus PCI, desc "PCI Express Root Port"
name "qemu-xhci", bus PCI
name "usb-hub", bus usb-bus

USB devices:
name "ich9-usb-ehci1", bus PCI
name "piix3-usb-uhci", bus PCI
name "usb-host", bus usb-bus

Storage devices:
name "ich9-ahci", bus PCI, alias "ahci"
name "ide-cd", bus IDE, desc "virtual IDE CD-ROM"
name "ide-hd", bus IDE, desc "virtual IDE disk"
name "usb-storage", bus usb-bus
name "vhost-user-fs-pci", bus PCI
name "virtio-9p-pci", bus PCI, alias "virtio-9p"
name "virtio-blk-pci", bus PCI, alias "virtio-blk"

Network devices:
name "e1000", bus PCI, alias "e1000-82540em", desc "Intel Gigabit Ethernet"
name "rtl8139", bus PCI
name "virtio-net-pci", bus PCI, alias "virtio-net"

Input devices:
name "usb-tablet", bus usb-bus

Display devices:
name "VGA", bus PCI
name "cirrus-vga", bus PCI, desc "Cirrus CLGD 54xx VGA"
name "qxl-vga", bus PCI, desc "Spice QXL GPU (primary, vga compatible)"
name "virtio-vga", bus PCI

Sound devices:
name "hda-duplex", bus HDA, desc "HDA Audio Codec, duplex (line-out, line-in)"
name "ich9-intel-hda", bus PCI, desc "Intel HD Audio Controller (ich9)"
name "intel-hda", bus PCI, desc "Intel HD Audio Controller (ich6)"

Misc devices:
name "pvpanic", bus ISA
name "pvpanic-pci", bus PCI
name "tpm-tis", bus ISA
name "virtio-balloon-pci", bus PCI, alias "virtio-balloon"
name "virtio-rng-pci", bus PCI, alias "virtio-rng"
name "virtio-serial-pci", bus PCI, alias "virtio-serial"
name "virtserialport", bus virtio-serial-bus
"""

AUDIODEV_HELP_8_2 = """\
Available audio drivers:
none
alsa
dbus
jack
oss
pa
pipewire
sdl
sndio
spice
wav
"""


def test_device_help() -> None:
    devices = parse_device_help(DEVICE_HELP_10_0)
    assert {"virtio-blk-pci", "virtio-blk", "ahci", "ich9-ahci", "qemu-xhci", "VGA"} <= devices
    assert "Storage devices:" not in devices
    assert {"virtio-blk-pci", "qemu-xhci", "hda-duplex", "pvpanic"} <= GOLDEN_CAPS.devices


def test_audiodev_help() -> None:
    assert "pipewire" in parse_audiodev_help(AUDIODEV_HELP_8_2)
    assert {"none", "pa", "alsa", "spice", "wav"} <= GOLDEN_CAPS.audio_drivers
    assert "pipewire" not in GOLDEN_CAPS.audio_drivers
    assert not any(" " in d or d.endswith(":") for d in GOLDEN_CAPS.audio_drivers)


def test_golden_caps_are_the_real_7_2() -> None:
    assert GOLDEN_CAPS.version[:2] == (7, 2)
    assert GOLDEN_CAPS.pinned_machine("q35") == "pc-q35-7.2"


def caps_10_0() -> QemuCaps:
    machines, aliases = parse_machine_help(MACHINE_HELP_10_0)
    return QemuCaps(
        version=parse_version(BANNERS[4][0]),
        devices=parse_device_help(DEVICE_HELP_10_0),
        audio_drivers=parse_audiodev_help(AUDIODEV_HELP_8_2),
        machine_aliases=aliases,
        machines=machines,
    )


def test_builder_on_qemu_10() -> None:
    caps = caps_10_0()
    fx = FIXTURES["windows10"]  # a PipeWire host: 10.0 can use it
    argv = build_argv(fx.spec, caps=caps, host=fx.host, folder=fx.folder, run=fx.run)
    assert argv[argv.index("-machine") + 1] == "pc-q35-10.0"
    assert argv[argv.index("-audiodev") + 1] == "pipewire,id=snd0"
    # A VM pinned on 7.2 keeps its machine type on 10.0.
    pinned = replace(fx.spec, machine_version="pc-q35-7.2")
    argv = build_argv(pinned, caps=caps, host=KVM_HOST, folder=fx.folder, run=fx.run)
    assert opts_dict(argv[argv.index("-machine") + 1], implied="type")["type"] == "pc-q35-7.2"


def test_every_fixture_builds_on_qemu_10() -> None:
    caps = caps_10_0()
    for fx in FIXTURES.values():
        if fx.spec.machine_version is None:
            build_argv(fx.spec, caps=caps, host=fx.host, folder=fx.folder, run=fx.run)
