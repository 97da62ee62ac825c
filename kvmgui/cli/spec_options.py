"""The VM options shared by `create` and `edit`, and how they change a spec.

Every option defaults to None so `edit` changes only what was given on the command line.
"""

from __future__ import annotations

import argparse
import os
import shlex
from dataclasses import replace

from kvmgui.cli.context import CliError
from kvmgui.core.boot import choose_boot_order
from kvmgui.core.model import (
    Accel,
    BootDevice,
    Cdrom,
    CdromSource,
    Disk,
    DisplayKind,
    KeyboardLayout,
    OsPreset,
    Passthrough,
    PortForward,
    Protocol,
    VideoModel,
    VmSpec,
)
from kvmgui.core.presets import disk_bus_for, nic_for
from kvmgui.core.shares import new_share
from kvmgui.core.usb_host import UsbIdError, parse_usb_id


def add_spec_options(p: argparse.ArgumentParser, *, creating: bool) -> None:
    if creating:
        p.add_argument(
            "--os", choices=[o.value for o in OsPreset], default=OsPreset.LINUX.value,
            help="kind of guest; picks sensible defaults (default: linux)",
        )
    media = p.add_mutually_exclusive_group()
    media.add_argument("--iso", metavar="PATH", help="install or live CD/DVD image")
    media.add_argument("--cdrom", metavar="DEVICE", help="a physical CD/DVD drive, e.g. /dev/cdrom")
    if not creating:
        media.add_argument("--no-cd", action="store_true", help="remove the CD/DVD drive")
    p.add_argument(
        "--usb-stick", metavar="DEVICE_OR_IMAGE",
        help="give the guest a USB stick (or an .img file standing in for one), protected",
    )
    if creating:
        disk = p.add_mutually_exclusive_group()
        disk.add_argument(
            "--disk-size", metavar="SIZE", help="new disk size, e.g. 20G (bare number: GiB)"
        )
        disk.add_argument("--disk", metavar="PATH", help="use an existing disk image")
        disk.add_argument("--no-disk", action="store_true", help="no hard disk (live media)")
    p.add_argument("--memory", type=int, metavar="MIB", help="memory in MiB")
    p.add_argument("--cpus", type=int, metavar="N", help="number of virtual CPUs")
    bool_opt = argparse.BooleanOptionalAction
    p.add_argument("--sound", action=bool_opt, default=None, help="sound card (intel-hda)")
    p.add_argument("--usb", action=bool_opt, default=None, help="USB controller and tablet")
    p.add_argument("--virtio-disk", action=bool_opt, default=None, help="fast virtio disk bus")
    p.add_argument("--virtio-net", action=bool_opt, default=None, help="fast virtio network card")
    p.add_argument("--display", choices=["vnc", "spice"], help="display protocol")
    p.add_argument(
        "--clipboard", action=bool_opt, default=None,
        help="share the clipboard text with the guest (off by default; the guest needs the "
        "SPICE agent, spice-vdagent)",
    )
    p.add_argument("--accel", choices=[a.value for a in Accel], help="accelerator (default auto)")
    p.add_argument(
        "--keyboard-layout", choices=[k.value for k in KeyboardLayout],
        help="the keyboard layout the guest's system is set to, for typing text into it "
        "('kvmgui-cli type', Paste as Keystrokes; default en-us)",
    )
    p.add_argument(
        "--boot", choices=[b.value for b in BootDevice],
        help="boot from this device first (a new VM made with --iso or --cdrom and a new disk "
        "boots the CD/DVD first until its system is installed, then the disk)",
    )
    p.add_argument(
        "--extra-args", metavar="ARGS",
        help="expert: extra QEMU arguments, as one quoted text (write --extra-args='-no-hpet "
        "-rtc base=localtime'; --extra-args='' removes them); only the options kvmgui knows to "
        "be safe are accepted, and typing them here approves them for this VM",
    )
    p.add_argument(
        "--forward", action="append", metavar="HOST:GUEST",
        help="forward TCP port HOST on 127.0.0.1 to port GUEST in the guest (repeatable)",
    )
    p.add_argument(
        "--share", action="append", metavar="DIR",
        help="share the host folder DIR with the guest, read-write (repeatable; `show` says "
        "how to reach it in the guest)",
    )
    p.add_argument(
        "--share-ro", action="append", metavar="DIR",
        help="share the host folder DIR with the guest, read-only (repeatable)",
    )
    if not creating:
        p.add_argument("--no-shares", action="store_true",
                       help="stop sharing all folders (then add any --share/--share-ro given)")
    p.add_argument(
        "--usb-device", action="append", metavar="VENDOR:PRODUCT",
        help="give the guest this USB device of the computer, by its ids as 'kvmgui-cli usb "
        "list' shows them (repeatable; the list replaces the VM's devices: add or remove one "
        "with 'kvmgui-cli usb attach/detach')",
    )
    if not creating:
        p.add_argument("--no-usb-devices", action="store_true",
                       help="give the guest no USB device of the computer")


def parse_forward(text: str) -> PortForward:
    proto = Protocol.TCP
    body = text
    if "/" in text:
        body, _, proto_text = text.partition("/")
        try:
            proto = Protocol(proto_text.lower())
        except ValueError:
            raise CliError(f"'{text}': the protocol must be tcp or udp.", 2) from None
    host, sep, guest = body.partition(":")
    if not sep or not host.isdigit() or not guest.isdigit():
        raise CliError(f"'{text}' is not a port forward: write it as HOST:GUEST, e.g. 2222:22.", 2)
    return PortForward(host_port=int(host), guest_port=int(guest), protocol=proto)


def _abs(path: str) -> str:
    return os.path.abspath(os.path.expanduser(path))


_PATH_OPTIONS = (("iso", "--iso", "an ISO file"), ("cdrom", "--cdrom", "a CD/DVD drive"),
                 ("usb_stick", "--usb-stick", "a USB stick or image file"),
                 ("disk", "--disk", "a disk image"))


def _apply_shares(spec: VmSpec, args: argparse.Namespace) -> VmSpec:
    """--no-shares first, then each --share/--share-ro adds a folder (or changes the access of
    one already shared, which keeps its tag)."""
    shares = [] if getattr(args, "no_shares", False) else list(spec.shares)
    given = [(d, False) for d in args.share or ()] + [(d, True) for d in args.share_ro or ()]
    for folder, read_only in given:
        if not folder.strip():
            option = "--share-ro" if read_only else "--share"
            raise CliError(f"{option} was given an empty path: name a folder, or leave {option} "
                           "out.", 2)
        path = _abs(folder)
        known = [i for i, s in enumerate(shares) if s.path == path]
        if known:
            shares[known[0]] = replace(shares[known[0]], read_only=read_only)
        else:
            shares.append(new_share(path, shares, read_only=read_only))
    return replace(spec, shares=tuple(shares))


def _refuse_empty_paths(args: argparse.Namespace) -> None:
    """An empty path (`--iso ""`, a shell variable that was not set) is a mistake, not "no
    ISO": it would otherwise be ignored without a word."""
    for attr, option, what in _PATH_OPTIONS:
        value = getattr(args, attr, None)
        if value is not None and not value.strip():
            raise CliError(f"{option} was given an empty path: name {what}, or leave {option} "
                           "out.", 2)


def apply_spec_options(spec: VmSpec, args: argparse.Namespace) -> VmSpec:
    """Return `spec` changed by the options the user gave (None means not given)."""
    _refuse_empty_paths(args)
    if args.iso:
        spec = replace(spec, cdrom=Cdrom(CdromSource.ISO, _abs(args.iso)))
    elif args.cdrom:
        # Keep the name the user chose (/dev/cdrom); the argv builder resolves the link.
        spec = replace(spec, cdrom=Cdrom(CdromSource.HOST, _abs(args.cdrom)))
    elif getattr(args, "no_cd", False):
        spec = replace(spec, cdrom=None)
    if args.usb_stick:
        spec = replace(spec, usb_stick=Passthrough(_abs(args.usb_stick), protected=True))
    if args.memory is not None:
        spec = replace(spec, memory_mib=args.memory)
    if args.cpus is not None:
        spec = replace(spec, cpus=args.cpus)
    if args.sound is not None:
        spec = replace(spec, sound=args.sound)
    if args.usb is not None:
        spec = replace(spec, usb=args.usb)
    if args.virtio_disk is not None:
        bus = disk_bus_for(spec.os, spec.machine, args.virtio_disk)
        spec = replace(spec, disks=tuple(replace(d, bus=bus) for d in spec.disks))
    if args.virtio_net is not None:
        nic = nic_for(spec.os, args.virtio_net)
        spec = replace(spec, network=replace(spec.network, nic=nic))
    if args.display:
        kind = DisplayKind(args.display)
        # SPICE's own video device is QXL; keep the user's choice for VNC.
        video = VideoModel.QXL if kind is DisplayKind.SPICE else (
            VideoModel.STD if spec.display.video is VideoModel.QXL else spec.display.video
        )
        spec = replace(spec, display=replace(spec.display, kind=kind, video=video))
    if args.clipboard is not None:
        spec = replace(spec, clipboard=args.clipboard)
    if args.accel:
        spec = replace(spec, accel=Accel(args.accel))
    if args.keyboard_layout:
        spec = replace(spec, keyboard_layout=KeyboardLayout(args.keyboard_layout))
    if args.extra_args is not None:
        try:
            # Split like a shell would, only to turn the typed text into a list: nothing runs it.
            extra = tuple(shlex.split(args.extra_args))
        except ValueError as exc:
            raise CliError(f"The extra arguments cannot be read ({exc}): check their quotes.",
                           2) from None
        spec = replace(spec, extra_args=extra)
    if args.forward:
        forwards = tuple(parse_forward(f) for f in args.forward)
        spec = replace(spec, network=replace(spec.network, forwards=forwards))
    if args.share or args.share_ro or getattr(args, "no_shares", False):
        spec = _apply_shares(spec, args)
    if args.usb_device:
        try:
            ids = [parse_usb_id(text) for text in args.usb_device]
        except UsbIdError as exc:
            raise CliError(str(exc), 2) from None
        spec = replace(spec, usb_devices=tuple(dict.fromkeys(ids)))
    elif getattr(args, "no_usb_devices", False):
        spec = replace(spec, usb_devices=())
    if args.boot:
        first = BootDevice(args.boot)
        rest = tuple(b for b in (BootDevice.DISK, BootDevice.CDROM, BootDevice.USB) if b != first)
        # The user's own order: it also ends a new VM's install phase (core.boot).
        spec = choose_boot_order(spec, (first, *rest))
    return spec


def initial_disks(
    spec: VmSpec, args: argparse.Namespace, size_bytes: int | None
) -> tuple[Disk, ...]:
    """The disk a new VM gets: a new qcow2, an existing image, or none."""
    if args.no_disk:
        return ()
    bus = disk_bus_for(spec.os, spec.machine, args.virtio_disk)
    if args.disk:
        return (Disk(path=_abs(args.disk), bus=bus),)
    return (Disk(path="disk.qcow2", bus=bus, size_bytes=size_bytes),)
