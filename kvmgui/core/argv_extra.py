"""Checks on the expert "extra arguments" appended to a VM's QEMU command line.

Extra arguments come from the user, but also from any definition file someone hands them, and
QEMU's option surface is far too large for a list of what is dangerous ever to be complete: a
chardev hides in a `guestfwd=` rule, a file name in `file.file.filename=`, a whole object in
JSON. So this is an allow-list: only the options below, and for those that take `key=value`
lists only the listed device and object types with their listed properties, whose values are
plain words (no "/" and nothing QEMU could read as a path, socket or address). Nothing allowed
names a host path, a socket, a network listener, a monitor or a character device; anything
else is refused with one sentence naming the token.

QEMU options take at most one value, so the scan is simple: every token starting with "-" is an
option (QEMU also accepts "--option"); the token after an option that takes a value is that
value. A token that is neither would be opened by QEMU as a disk image, with a guessed format.
Values are split the way QEMU splits them (core.argv_opts: ",," is a comma inside a value).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kvmgui.core.argv_opts import parse_opts
from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message

# Why some well-known options are refused; one clause each (the sentence is built in `_refuse`).
# Everything not allowed below is refused anyway; these only give a more precise reason.
_MONITOR = Message(
    QT_TRANSLATE_NOOP(
        "core.argv_extra",
        "kvmgui gives QEMU its own private monitor sockets, and another could expose the VM",
    ),
)
_DISPLAY = Message(
    QT_TRANSLATE_NOOP(
        "core.argv_extra",
        "kvmgui sets up the display itself, on a private socket only this user can open",
    ),
)
_GUESSED = Message(
    QT_TRANSLATE_NOOP(
        "core.argv_extra",
        "QEMU would guess the image format; add the disk in the VM's settings instead",
    ),
)
_PROCESS = Message(
    QT_TRANSLATE_NOOP("core.argv_extra", "kvmgui needs to manage the QEMU process itself"),
)
_HOST_FILE = Message(
    QT_TRANSLATE_NOOP("core.argv_extra", "it makes QEMU open a file or folder of this computer"),
)

FORBIDDEN: dict[str, str] = {
    "qmp": _MONITOR,
    "qmp-pretty": _MONITOR,
    "monitor": _MONITOR,
    "mon": _MONITOR,
    "chardev": Message(
        QT_TRANSLATE_NOOP(
            "core.argv_extra",
            "extra character devices can open sockets or files outside kvmgui's control",
        ),
    ),
    "serial": Message(
        QT_TRANSLATE_NOOP(
            "core.argv_extra",
            "kvmgui already writes the serial console to the VM's log",
        ),
    ),
    "parallel": Message(
        QT_TRANSLATE_NOOP(
            "core.argv_extra",
            "a parallel port backend can open host devices or sockets",
        ),
    ),
    "debugcon": Message(
        QT_TRANSLATE_NOOP(
            "core.argv_extra",
            "a debug console backend can open host devices or sockets",
        ),
    ),
    "virtioconsole": Message(
        QT_TRANSLATE_NOOP("core.argv_extra", "a console backend can open host devices or sockets"),
    ),
    "qtest": Message(
        QT_TRANSLATE_NOOP(
            "core.argv_extra",
            "the test interface gives full control of the VM to whoever connects",
        ),
    ),
    "gdb": Message(
        QT_TRANSLATE_NOOP(
            "core.argv_extra",
            "a debugger stub lets whoever connects control the guest",
        ),
    ),
    "s": Message(
        QT_TRANSLATE_NOOP(
            "core.argv_extra",
            "it opens a debugger port on TCP 1234 that anyone on the network can use",
        ),
    ),
    "incoming": Message(
        QT_TRANSLATE_NOOP(
            "core.argv_extra",
            "it makes QEMU wait for a migration stream, which can arrive over the network",
        ),
    ),
    "vnc": _DISPLAY,
    "spice": _DISPLAY,
    "display": _DISPLAY,
    "nographic": _DISPLAY,
    "curses": _DISPLAY,
    "sdl": _DISPLAY,
    "pidfile": _PROCESS,
    "daemonize": _PROCESS,
    "runas": _PROCESS,
    "run-with": _PROCESS,
    "chroot": _PROCESS,
    "name": _PROCESS,
    "S": Message(
        QT_TRANSLATE_NOOP("core.argv_extra", "kvmgui decides itself when the guest starts running"),
    ),
    "readconfig": Message(
        QT_TRANSLATE_NOOP(
            "core.argv_extra",
            "a configuration file can add monitors and displays that this check cannot see",
        ),
    ),
    "set": Message(
        QT_TRANSLATE_NOOP(
            "core.argv_extra",
            "it can change the monitors and sockets kvmgui set up",
        ),
    ),
    "plugin": Message(QT_TRANSLATE_NOOP("core.argv_extra", "it loads a shared library into QEMU")),
    "tpmdev": Message(QT_TRANSLATE_NOOP("core.argv_extra", "kvmgui sets up the TPM itself")),
    "hda": _GUESSED,
    "hdb": _GUESSED,
    "hdc": _GUESSED,
    "hdd": _GUESSED,
    "cdrom": _GUESSED,
    "fda": _GUESSED,
    "fdb": _GUESSED,
    "sd": _GUESSED,
    "mtdblock": _GUESSED,
    "pflash": _GUESSED,
    "drive": Message(
        QT_TRANSLATE_NOOP(
            "core.argv_extra",
            "add disks in the VM's settings, where their format is recorded",
        ),
    ),
    "blockdev": Message(
        QT_TRANSLATE_NOOP(
            "core.argv_extra",
            "add disks in the VM's settings, where their format is recorded",
        ),
    ),
    "D": Message(
        QT_TRANSLATE_NOOP(
            "core.argv_extra",
            "it makes QEMU write its log over a file of this computer",
        ),
    ),
    "L": _HOST_FILE,
    "bios": _HOST_FILE,
    "kernel": _HOST_FILE,
    "initrd": _HOST_FILE,
    "dtb": _HOST_FILE,
    "fsdev": _HOST_FILE,
    "virtfs": _HOST_FILE,
    "mem-path": _HOST_FILE,
    "audiodev": Message(
        QT_TRANSLATE_NOOP("core.argv_extra", "kvmgui sets up the sound output itself"),
    ),
    "soundhw": Message(
        QT_TRANSLATE_NOOP(
            "core.argv_extra",
            "QEMU no longer has this option; turn Sound on in the VM's settings instead",
        ),
    ),
    "h": Message(
        QT_TRANSLATE_NOOP(
            "core.argv_extra",
            "QEMU would print its help and exit instead of starting the VM",
        ),
    ),
    "help": Message(
        QT_TRANSLATE_NOOP(
            "core.argv_extra",
            "QEMU would print its help and exit instead of starting the VM",
        ),
    ),
    "version": Message(
        QT_TRANSLATE_NOOP(
            "core.argv_extra",
            "QEMU would print its version and exit instead of starting the VM",
        ),
    ),
    "audio-help": Message(
        QT_TRANSLATE_NOOP(
            "core.argv_extra",
            "QEMU would print its help and exit instead of starting the VM",
        ),
    ),
}

# QEMU options (7.2 to 10.x) that take no value; every other option takes exactly one.
NO_VALUE: frozenset[str] = frozenset(
    {
        "h",
        "help",
        "version",
        "snapshot",
        "usb",
        "nographic",
        "portrait",
        "full-screen",
        "win2k-hack",
        "no-fd-bootchk",
        "no-acpi",
        "no-hpet",
        "singlestep",
        "preconfig",
        "S",
        "s",
        "enable-kvm",
        "xen-attach",
        "xen-domid-restrict",
        "no-reboot",
        "no-shutdown",
        "daemonize",
        "only-migratable",
        "nodefaults",
        "no-user-config",
        "async-teardown",
        "enable-sync-profile",
        "mem-prealloc",
        "audio-help",
        "alt-grab",
        "ctrl-grab",
        "no-quit",
        "sdl",
        "curses",
        "no-frame",
        "enable-fips",
        "semihosting",
        "localtime",
        "rtc-td-hack",
        "nodefconfig",
        "old-param",
        "std-vga",
        "no-kvm",
    }
)

# -- what is allowed ----------------------------------------------------------------------------

# Options without a value that only change how the virtual hardware behaves.
ALLOWED_FLAGS: frozenset[str] = frozenset(
    {
        "no-hpet",
        "no-reboot",
        "no-shutdown",
        "snapshot",
        "usb",
        "no-acpi",
        "enable-kvm",
        "no-fd-bootchk",
        "win2k-hack",
        "mem-prealloc",
        "only-migratable",
    }
)

# A property value: a plain word. No "/" (a path), no "," (another property), nothing else a
# path, URI or socket address could be made of besides ":" (MAC addresses, PCI addresses).
_WORD = re.compile(r"[A-Za-z0-9_.:+@-]{0,128}")
_NUMBER = re.compile(r"-?[0-9]{1,20}")
_SIZE = re.compile(r"[0-9]{1,20}(\.[0-9]{1,6})?[kKmMgGtT]?[bB]?")
_ONOFF = re.compile(r"on|off|yes|no|true|false|y|n")
_CPU_ITEM = re.compile(r"[+-]?[A-Za-z0-9_.-]{1,64}(=[A-Za-z0-9_.-]{0,64})?")
# Free text stored for the guest only (SMBIOS strings, fw_cfg strings, the kernel command line).
_TEXT = re.compile(r"[^\0\n\r]{0,1024}")
_NET = re.compile(r"[0-9A-Fa-f.:]{1,64}(/[0-9]{1,3})?")
_FW_CFG_NAME = re.compile(r"opt/[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*")


@dataclass(frozen=True)
class Prop:
    """An allowed property and the shape its value must have."""

    pattern: re.Pattern[str] = _WORD


_W = Prop()
_N = Prop(_NUMBER)
_B = Prop(_ONOFF)
_T = Prop(_TEXT)


def _props(
    words: Sequence[str] = (), numbers: Sequence[str] = (), flags: Sequence[str] = ()
) -> dict[str, Prop]:
    """A property table: plain-word, numeric and on/off properties."""
    table: dict[str, Prop] = {}
    table.update(dict.fromkeys(words, _W))
    table.update(dict.fromkeys(numbers, _N))
    table.update(dict.fromkeys(flags, _B))
    return table


_PCI = _props(["id", "bus", "addr"], ["bootindex"], ["multifunction", "rombar"])
_VIRTIO = {
    **_PCI,
    **_props(
        (),
        ["vectors"],
        [
            "disable-legacy",
            "disable-modern",
            "iommu_platform",
            "ats",
            "ioeventfd",
            "event_idx",
            "indirect_desc",
            "packed",
        ],
    ),
}
_USB = _props(["id", "bus", "port"])
_USB_HC = {**_PCI, **_props(["masterbus"], ["p2", "p3", "firstport", "streams"])}
_HDA_CODEC = _props(["id", "bus", "audiodev"], ["cad"], ["mixer"])
_SOUND_CARD = {**_PCI, **_props(["audiodev"], (), ["msi"])}
_NIC = {**_PCI, **_props(["netdev", "mac"], (), ["mq"])}
_VIDEO = {
    **_PCI,
    **_props(
        (),
        ["vgamem_mb", "xres", "yres", "max_outputs", "ram_size", "vram_size", "vram64_size_mb"],
        ["edid", "qemu-extended-regs"],
    ),
}
_ISA = _props(["id"], ["iobase", "irq"])

# -device: the allowed device types and their properties. None of these properties names a
# file (no romfile=, pcap=, drive=, chardev=, splash=): those reach the host.
DEVICES: dict[str, dict[str, Prop]] = {
    # input
    "usb-kbd": _USB,
    "usb-mouse": _USB,
    "usb-tablet": _USB,
    "usb-hub": _USB,
    "usb-wacom-tablet": _USB,
    "virtio-keyboard-pci": _VIRTIO,
    "virtio-mouse-pci": _VIRTIO,
    "virtio-tablet-pci": _VIRTIO,
    # USB controllers
    "qemu-xhci": _USB_HC,
    "nec-usb-xhci": _USB_HC,
    "usb-ehci": _USB_HC,
    "ich9-usb-ehci1": _USB_HC,
    "ich9-usb-uhci1": _USB_HC,
    "ich9-usb-uhci2": _USB_HC,
    "ich9-usb-uhci3": _USB_HC,
    "piix3-usb-uhci": _USB_HC,
    "piix4-usb-uhci": _USB_HC,
    "pci-ohci": _USB_HC,
    # sound
    "intel-hda": _SOUND_CARD,
    "ich9-intel-hda": _SOUND_CARD,
    "AC97": _SOUND_CARD,
    "ES1370": _SOUND_CARD,
    "sb16": {**_ISA, **_props(["audiodev"], ["dma", "hdma"])},
    "hda-duplex": _HDA_CODEC,
    "hda-output": _HDA_CODEC,
    "hda-micro": _HDA_CODEC,
    "usb-audio": {**_USB, **_props(["audiodev"])},
    # watchdogs, panic, IOMMU
    "i6300esb": _PCI,
    "ib700": _props(["id"]),
    "pvpanic": {**_ISA, **_props((), ["ioport", "events"])},
    "pvpanic-pci": {**_PCI, **_props((), ["events"])},
    "intel-iommu": _props(["id"], ["aw-bits"], ["intremap", "caching-mode", "device-iotlb", "eim"]),
    "amd-iommu": _props(["id"], (), ["intremap", "xtsup", "device-iotlb"]),
    # misc
    "virtio-rng-pci": {**_VIRTIO, **_props(["rng"], ["max-bytes", "period"])},
    "virtio-balloon-pci": {
        **_VIRTIO,
        **_props((), (), ["deflate-on-oom", "free-page-reporting", "free-page-hint"]),
    },
    "vmcoreinfo": _props(["id"]),
    "pci-bridge": {**_PCI, **_props((), ["chassis_nr"], ["msi", "shpc"])},
    "pcie-root-port": {**_PCI, **_props((), ["chassis", "slot", "port"])},
    "pcie-pci-bridge": _PCI,
    "virtio-scsi-pci": {**_VIRTIO, **_props((), ["num_queues"])},
    # network cards (their back-end comes from -netdev, checked below)
    "e1000": _NIC,
    "e1000e": _NIC,
    "rtl8139": _NIC,
    "virtio-net-pci": {**_VIRTIO, **_NIC},
    "vmxnet3": _NIC,
    "ne2k_pci": _NIC,
    "pcnet": _NIC,
    # video
    "VGA": _VIDEO,
    "virtio-vga": {**_VIRTIO, **_VIDEO},
    "virtio-gpu-pci": {**_VIRTIO, **_VIDEO},
    "qxl-vga": _VIDEO,
    "qxl": _VIDEO,
    "cirrus-vga": _VIDEO,
    "bochs-display": _VIDEO,
    "secondary-vga": _VIDEO,
    "vmware-svga": _VIDEO,
}

# -global: machine-level knobs experts set, plus the device properties above (without the
# placement ones, which a global cannot use).
_GLOBAL_ONLY: dict[str, dict[str, Prop]] = {
    "ICH9-LPC": _props((), ["disable_s3", "disable_s4"]),
    "PIIX4_PM": _props((), ["disable_s3", "disable_s4"]),
    "kvm-pit": _props(["lost_tick_policy"]),
    "mc146818rtc": _props(["lost_tick_policy"]),
}
GLOBALS: dict[str, dict[str, Prop]] = {
    **{
        name: {k: v for k, v in props.items() if k not in ("id", "bus", "addr", "port")}
        for name, props in DEVICES.items()
    },
    **_GLOBAL_ONLY,
}

# -object: types that only hold guest-side state. rng-random without filename= reads
# /dev/urandom, its default.
OBJECTS: dict[str, dict[str, Prop]] = {
    "rng-builtin": _props(["id"]),
    "rng-random": _props(["id"]),
    "iothread": _props(["id"], ["poll-max-ns", "poll-grow", "poll-shrink", "aio-max-batch"]),
    "memory-backend-ram": {
        **_props(["id", "policy"], ["prealloc-threads"], ["merge", "dump", "prealloc", "share"]),
        "size": Prop(_SIZE),
    },
}

# User-mode networking stays inside QEMU; its properties that reach the host are left out:
# hostfwd (a listener), guestfwd (a socket, file or command), tftp/smb (a host folder).
_USER_NET = {
    **_props(
        ["id", "hostname", "dhcpstart", "dns", "dnssearch", "domainname", "ipv6-host", "ipv6-dns"],
        ["ipv6-prefixlen"],
        ["ipv4", "ipv6", "restrict"],
    ),
    "net": Prop(_NET),
    "host": Prop(_NET),
    "ipv6-net": Prop(_NET),
    "ipv6-prefix": Prop(_NET),
}
# -nic model=: only the network cards allowed as -device (plain "virtio" is QEMU's short name).
_NIC_MODEL = Prop(re.compile("|".join(re.escape(m) for m in (
    "virtio", "e1000", "e1000e", "rtl8139", "virtio-net-pci", "vmxnet3", "ne2k_pci", "pcnet"))))
_NET_REASONS: dict[str, str] = {
    "hostfwd": Message(
        QT_TRANSLATE_NOOP(
            "core.argv_extra",
            "port forwards listen on this computer; add them in the VM's network settings, "
            "which bind them to 127.0.0.1",
        ),
    ),
    "guestfwd": Message(
        QT_TRANSLATE_NOOP(
            "core.argv_extra",
            "a guest forward connects the guest to programs, sockets or files of this computer",
        ),
    ),
    "tftp": Message(
        QT_TRANSLATE_NOOP("core.argv_extra", "it shares a folder of this computer with the guest"),
    ),
    "smb": Message(
        QT_TRANSLATE_NOOP("core.argv_extra", "it shares a folder of this computer with the guest"),
    ),
    "bootfile": Message(
        QT_TRANSLATE_NOOP("core.argv_extra", "it only works with a shared folder of this computer"),
    ),
}

_MACHINE = {
    **_props(
        ["type", "accel", "kernel_irqchip", "kernel-irqchip", "vmport", "sata", "pit", "pic"],
        (),
        [
            "usb",
            "hpet",
            "smm",
            "mem-merge",
            "dump-guest-core",
            "graphics",
            "suppress-vmdesc",
            "acpi",
            "i8042",
            "smbus",
            "hmat",
        ],
    ),
    "max-ram-below-4g": Prop(_SIZE),
}
_SMBIOS_TEXT = [
    "vendor",
    "version",
    "date",
    "release",
    "manufacturer",
    "product",
    "serial",
    "uuid",
    "sku",
    "family",
    "asset",
    "location",
    "part",
    "speed",
    "value",
    "max-speed",
    "current-speed",
    "processor-id",
    "sock_pfx",
    "loc_pfx",
    "bank",
]
_SMBIOS = {**_props((), ["type"], ["uefi"]), **dict.fromkeys(_SMBIOS_TEXT, _T)}


@dataclass(frozen=True)
class OptionRule:
    """How the value of one allowed option is read and checked."""

    # "props": a key=value list checked against `table` (or, by type, against `types`).
    # "regex": the whole value must match `pattern`.
    kind: str
    implied: str = ""
    table: dict[str, Prop] | None = None
    types: dict[str, dict[str, Prop]] | None = None
    pattern: re.Pattern[str] | None = None
    check: Callable[[str, str], str | None] | None = None


def _props_rule(implied: str, table: dict[str, Prop]) -> OptionRule:
    return OptionRule("props", implied=implied, table=table)


def _typed_rule(implied: str, types: dict[str, dict[str, Prop]]) -> OptionRule:
    return OptionRule("typed", implied=implied, types=types)


def _regex_rule(pattern: str) -> OptionRule:
    return OptionRule("regex", pattern=re.compile(pattern))


ALLOWED_OPTIONS: dict[str, OptionRule] = {
    "device": _typed_rule("driver", DEVICES),
    "object": _typed_rule("qom-type", OBJECTS),
    "netdev": _typed_rule("type", {"user": _USER_NET}),
    "nic": _typed_rule("type", {"user": {**_USER_NET, **_props(["mac"]), "model": _NIC_MODEL},
                                "none": {}}),
    "global": OptionRule("global"),
    "cpu": OptionRule("cpu"),
    "smp": _props_rule(
        "cpus",
        _props(
            (),
            [
                "cpus",
                "sockets",
                "dies",
                "clusters",
                "cores",
                "threads",
                "maxcpus",
                "books",
                "drawers",
            ],
        ),
    ),
    "m": _props_rule("size", {"size": Prop(_SIZE), "slots": _N, "maxmem": Prop(_SIZE)}),
    "machine": _props_rule("type", _MACHINE),
    "M": _props_rule("type", _MACHINE),
    "accel": _props_rule("accel", {**_props(["accel", "thread", "kernel-irqchip"], ["tb-size"])}),
    "rtc": _props_rule(
        "",
        {
            "base": Prop(
                re.compile(
                    r"utc|localtime|[0-9]{4}-[0-9]{2}-[0-9]{2}"
                    r"(T[0-9]{2}:[0-9]{2}:[0-9]{2})?"
                )
            ),
            "clock": Prop(re.compile(r"host|rt|vm")),
            "driftfix": Prop(re.compile(r"none|slew")),
        },
    ),
    "boot": _props_rule(
        "order",
        {
            "order": Prop(re.compile(r"[a-p]{1,16}")),
            "once": Prop(re.compile(r"[a-p]{1,16}")),
            "menu": _B,
            "strict": _B,
            "splash-time": _N,
            "reboot-timeout": _N,
        },
    ),
    "smbios": _props_rule("", _SMBIOS),
    "fw_cfg": _props_rule("name", {"name": Prop(_FW_CFG_NAME), "string": _T}),
    "overcommit": _props_rule("", _props((), (), ["mem-lock", "cpu-pm"])),
    "msg": _props_rule("", _props((), (), ["timestamp", "guest-name"])),
    "action": _props_rule("", _props(["reboot", "shutdown", "panic", "watchdog"])),
    "sandbox": _props_rule(
        "enable", _props(["enable", "obsolete", "elevateprivileges", "spawn", "resourcecontrol"])
    ),
    "k": _regex_rule(r"[A-Za-z]{2,3}(-[A-Za-z]{2,5})?"),
    "vga": _regex_rule(r"std|cirrus|vmware|qxl|virtio|none"),
    "usbdevice": _regex_rule(r"tablet|mouse|keyboard|wacom-tablet"),
    "watchdog-action": _regex_rule(r"reset|shutdown|poweroff|pause|debug|none|inject-nmi"),
    "uuid": _regex_rule(
        r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}"
        r"-[0-9a-fA-F]{12}"
    ),
    # Only the quiet log items: others (in_asm, exec, trace:…) write gigabytes to the VM's log.
    "d": _regex_rule(r"(guest_errors|unimp|cpu_reset)(,(guest_errors|unimp|cpu_reset)){0,2}"),
    "append": _regex_rule(r"[^\0\n\r]{0,4096}"),
}


# -- messages ------------------------------------------------------------------------------------


def _shown(option: str, value: str | None) -> str:
    return option if value is None else f"{option} {value}"


def _refuse(option: str, reason: str) -> str:
    return Message(
        QT_TRANSLATE_NOOP(
            "core.argv_extra",
            "The extra argument {option} is not one of the extra arguments kvmgui allows: "
            "{reason}.",
        ),
        option=option,
        reason=reason,
    )


def _not_listed(shown: str) -> str:
    return (
        Message(
            QT_TRANSLATE_NOOP(
                "core.argv_extra",
                "The extra argument {shown} is not one of the extra arguments kvmgui allows; "
                "remove it, or set what it does in the VM's settings.",
            ),
            shown=shown,
        )
    )


def _bad_type(shown: str, what: str, name: str, allowed: Sequence[str]) -> str:
    return (
        Message(
            QT_TRANSLATE_NOOP(
                "core.argv_extra",
                "The extra argument {shown} is not one of the extra arguments kvmgui allows: "
                "{what} {name} is not on its list of safe ones ({allowed}).",
            ),
            shown=shown,
            what=what,
            name=name or '(none)',
            allowed=', '.join(sorted(allowed)),
        )
    )


def _bad_prop(shown: str, key: str, owner: str, allowed: Sequence[str]) -> str:
    listed = ", ".join(sorted(allowed)) or "none"
    return (
        Message(
            QT_TRANSLATE_NOOP(
                "core.argv_extra",
                "The extra argument {shown} is not one of the extra arguments kvmgui allows: "
                "the property {property} of {owner} can reach this computer or is not known to "
                "be safe; remove it (allowed: {listed}).",
            ),
            shown=shown,
            property=key or '(unnamed)',
            owner=owner,
            listed=listed,
        )
    )


def _bad_value(shown: str, key: str, value: str) -> str:
    return (
        Message(
            QT_TRANSLATE_NOOP(
                "core.argv_extra",
                "The extra argument {shown} is not one of the extra arguments kvmgui allows: "
                "{value} is not a value kvmgui accepts for {key}; write a plain word or number.",
            ),
            shown=shown,
            value=repr(value),
            key=key,
        )
    )


# -- checking one option's value ---------------------------------------------------------------


def _check_pairs(
    shown: str,
    owner: str,
    pairs: Sequence[tuple[str, str]],
    table: dict[str, Prop],
    skip: str = "",
    reasons: dict[str, str] | None = None,
) -> str | None:
    for key, value in pairs:
        if key == skip:
            continue
        if reasons and key in reasons:
            return _refuse(shown, reasons[key])
        prop = table.get(key)
        if prop is None:
            return _bad_prop(shown, key, owner, list(table))
        if not prop.pattern.fullmatch(value):
            return _bad_value(shown, key, value)
    return None


def _check_typed(option: str, shown: str, value: str, rule: OptionRule) -> str | None:
    assert rule.types is not None
    pairs = parse_opts(value, rule.implied)
    names = [v for k, v in pairs if k == rule.implied]
    what = {"device": Message(
        QT_TRANSLATE_NOOP("core.argv_extra", "the device"),
    ), "object": Message(
        QT_TRANSLATE_NOOP("core.argv_extra", "the object type"),
    )}.get(option, Message(QT_TRANSLATE_NOOP("core.argv_extra", "the back-end")))
    if len(names) != 1:
        return _bad_type(shown, what, ",".join(names), list(rule.types))
    name = names[0]
    table = rule.types.get(name)
    if table is None:
        return _bad_type(shown, what, name, list(rule.types))
    owner = name if option in ("device", "object") else f"-{option} {name}"
    reasons = _NET_REASONS if option in ("netdev", "nic") else None
    return _check_pairs(shown, owner, pairs, table, skip=rule.implied, reasons=reasons)


def _check_global(shown: str, value: str) -> str | None:
    pairs = parse_opts(value)
    if len(pairs) == 1 and pairs[0][0] and "." in pairs[0][0]:
        target, val = pairs[0]
        driver, _, prop = target.partition(".")
    else:
        fields = dict(pairs)
        if set(fields) != {"driver", "property", "value"}:
            return _bad_prop(
                shown,
                ",".join(k for k, _ in pairs if k not in ("driver", "property", "value"))
                or "driver",
                "-global",
                ["driver", "property", "value"],
            )
        driver, prop, val = fields["driver"], fields["property"], fields["value"]
    table = GLOBALS.get(driver)
    if table is None:
        return _bad_type(shown, Message(
            QT_TRANSLATE_NOOP("core.argv_extra", "the device"),
        ), driver, list(GLOBALS))
    return _check_pairs(shown, driver, [(prop, val)], table)


def _check_cpu(shown: str, value: str) -> str | None:
    items = value.split(",")
    if not re.fullmatch(r"[A-Za-z0-9_.-]{1,64}", items[0]):
        return _bad_value(shown, Message(
            QT_TRANSLATE_NOOP("core.argv_extra", "the CPU model"),
        ), items[0])
    for item in items[1:]:
        if not _CPU_ITEM.fullmatch(item):
            return _bad_value(shown, Message(
                QT_TRANSLATE_NOOP("core.argv_extra", "a CPU feature"),
            ), item)
    return None


def _check_value(option: str, value: str) -> str | None:
    shown = _shown(f"-{option}", value)
    if value.lstrip().startswith("{"):
        return _refuse(
            shown,
            Message(
                QT_TRANSLATE_NOOP(
                    "core.argv_extra",
                    "kvmgui reads only the key=value form of option values, not JSON; write it "
                    "as key=value pairs",
                ),
            ),
        )
    rule = ALLOWED_OPTIONS[option]
    if rule.kind == "typed":
        return _check_typed(option, shown, value, rule)
    if rule.kind == "global":
        return _check_global(shown, value)
    if rule.kind == "cpu":
        return _check_cpu(shown, value)
    if rule.kind == "regex":
        assert rule.pattern is not None
        if not rule.pattern.fullmatch(value):
            return _bad_value(shown, f"-{option}", value)
        return None
    assert rule.table is not None
    return _check_pairs(shown, f"-{option}", parse_opts(value, rule.implied), rule.table)


# -- the scan ----------------------------------------------------------------------------------


def _option_name(token: str) -> str | None:
    """ "-qmp" / "--qmp" → "qmp"; None for a token that is not an option."""
    if len(token) < 2 or not token.startswith("-"):
        return None
    name = token[2:] if token.startswith("--") else token[1:]
    # QEMU does not split "-opt=value", but a lookalike must not slip past the table.
    return name.partition("=")[0] or None


def extra_args_problems(args: Sequence[str]) -> list[str]:
    """One plain sentence per problem in the expert extra arguments; empty when they are fine."""
    problems: list[str] = []
    expecting_value_for: str | None = None
    for token in args:
        if token == "":
            problems.append(Message(
                QT_TRANSLATE_NOOP("core.argv_extra", "An extra argument is empty; remove it."),
            ))
            expecting_value_for = None
            continue
        if any(ch in token for ch in "\0\n\r"):
            problems.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core.argv_extra",
                        "The extra argument {token} contains a control character; remove it.",
                    ),
                    token=repr(token),
                )
            )
            expecting_value_for = None
            continue
        name = _option_name(token)
        # A value that looks like a forbidden option is refused too: if the table of
        # value-taking options were ever wrong, an injected "-qmp" must still be caught.
        if name is not None and name in FORBIDDEN:
            problems.append(_refuse(token, FORBIDDEN[name]))
            expecting_value_for = None if name in NO_VALUE else ""
            continue
        if expecting_value_for is not None:
            if expecting_value_for:
                problem = _check_value(expecting_value_for, token)
                if problem:
                    problems.append(problem)
            expecting_value_for = None
            continue
        if name is None:
            problems.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core.argv_extra",
                        "The extra argument {token} is not an option: QEMU would open it as a "
                        "disk image and guess its format; add disks in the VM's settings "
                        "instead.",
                    ),
                    token=token,
                )
            )
            continue
        if "=" in token or (name not in ALLOWED_FLAGS and name not in ALLOWED_OPTIONS):
            problems.append(_not_listed(token))
            # Skip the value of an unknown option too, so one mistake is one sentence.
            expecting_value_for = None if name in NO_VALUE else ""
            continue
        expecting_value_for = None if name in ALLOWED_FLAGS else name
    if expecting_value_for:
        problems.append(Message(
            QT_TRANSLATE_NOOP(
                "core.argv_extra",
                "The extra argument -{expecting_value_for} is missing its value.",
            ),
            expecting_value_for=expecting_value_for,
        ))
    return problems
