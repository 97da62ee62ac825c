"""`kvmgui-cli usb list|attach|detach`: USB devices of this computer given to a VM.

A VM keeps its devices by vendor:product, so the choice follows a device to another port.
On a running VM attach and detach act at once (QMP) and in the definition; on a stopped one
they change the definition only. Both go through runtime.usb_host, as the app's check
boxes do.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kvmgui.cli.commands_run import attached, report
from kvmgui.cli.context import CliContext, CliError
from kvmgui.cli.output import add_command, print_json, say, terminal_safe
from kvmgui.core.usb_host import UsbIdError, parse_usb_id, udev_rule
from kvmgui.runtime.usb_host import HostUsb, UsbProbe, attach_usb, detach_usb, list_host_usb


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    usb = sub.add_parser("usb", help="USB devices of this computer in a VM: list, attach, detach")
    usub = usb.add_subparsers(dest="usb_command", metavar="ACTION", required=True)
    p = add_command(
        usub,
        "list",
        "the USB devices a VM can be given (not hubs, keyboard, mouse)",
        cmd_list,
        with_json=True,
    )
    # A copy of /sys (a bug report's, the tests' captured tree) instead of this computer's.
    p.add_argument("--sysfs-root", type=Path, default=Path("/sys"), help=argparse.SUPPRESS)
    p.add_argument("--dev-root", type=Path, default=Path("/dev/bus/usb"), help=argparse.SUPPRESS)
    for action, help_text, handler in (
        ("attach", "give a VM a USB device (at once when it runs, and at every start)", cmd_attach),
        ("detach", "take a USB device away from a VM (at once when it runs)", cmd_detach),
    ):
        p = add_command(usub, action, help_text, handler, "name")
        p.add_argument(
            "device",
            metavar="VENDOR:PRODUCT",
            help="the device's ids, as 'kvmgui-cli usb list' shows them",
        )


def _row(found: HostUsb) -> dict[str, object]:
    d = found.device
    path, line = udev_rule(d.id)
    return {
        "id": str(d.id),
        "vendor": d.id.vendor,
        "product": d.id.product,
        "name": d.name,
        "manufacturer": d.manufacturer,
        "product_name": d.product,
        "bus": d.bus,
        "address": d.address,
        "port": d.port,
        "node": found.node,
        "mass_storage": d.mass_storage,
        "usable": not found.problems,
        "problems": [str(p) for p in found.problems],
        "udev_rule": {"path": path, "line": line} if found.permission is not None else None,
    }


async def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    found = await list_host_usb(UsbProbe(sysfs_root=args.sysfs_root, dev_root=args.dev_root))
    if args.json:
        print_json({"devices": [_row(f) for f in found]})
        return 0
    if not found:
        print(
            "No USB device that a VM could be given is plugged into this computer (hubs, "
            "the keyboard and the mouse are never offered)."
        )
        return 0
    print(f"{'ID':<10} {'BUS':>3} {'PORT':<8} NAME")
    for f in found:
        d = f.device
        say(f"{d.id!s:<10} {d.bus:>3} {d.port:<8} {d.name}")
        for problem in f.problems:
            print(f"           {terminal_safe(problem)}")
    return 0


def _device(text: str) -> str:
    try:
        return str(parse_usb_id(text))
    except UsbIdError as exc:
        raise CliError(str(exc), 2) from None


async def cmd_attach(args: argparse.Namespace, ctx: CliContext) -> int:
    device = parse_usb_id(_device(args.device))
    async with attached(ctx, args.name) as (_manager, vm):
        return report(await attach_usb(vm, device))


async def cmd_detach(args: argparse.Namespace, ctx: CliContext) -> int:
    device = parse_usb_id(_device(args.device))
    async with attached(ctx, args.name) as (_manager, vm):
        return report(await detach_usb(vm, device))
