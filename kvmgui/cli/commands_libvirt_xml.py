"""`export-libvirt`: a VM as libvirt domain XML (core.libvirt_xml), for virsh define."""

from __future__ import annotations

import argparse
import sys

from kvmgui.cli.commands_define import find_vm
from kvmgui.cli.context import CliContext, CliError
from kvmgui.cli.output import add_command, print_json, terminal_safe
from kvmgui.core.libvirt_xml import LibvirtXmlError, export_domain
from kvmgui.core.model import Firmware
from kvmgui.core.store import StoredVm
from kvmgui.runtime.host_probe import check_host


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = add_command(
        sub,
        "export-libvirt",
        "print a VM as libvirt domain XML (for virsh define); what libvirt cannot hold is "
        "listed as warnings",
        cmd_export_libvirt,
        "name",
        with_json=True,
    )
    p.add_argument(
        "--type",
        choices=("kvm", "qemu"),
        default=None,
        help="the domain type (default: qemu when the VM is set to TCG, else kvm)",
    )
    p.add_argument(
        "--emulator",
        metavar="PATH",
        default=None,
        help="the QEMU binary to name in the XML (default: none, the libvirt host picks)",
    )
    p.add_argument(
        "--passt",
        action="store_true",
        help="carry the port forwards with libvirt's passt back-end (libvirt 9.0 or newer, "
        "with the passt package on the libvirt host)",
    )


async def ovmf_code_for(vm: StoredVm, ctx: CliContext) -> str | None:
    """The OVMF build `vm` runs with here (UEFI VMs only): Secure Boot or not decides what
    libvirt is asked for (as in core.argv)."""
    if vm.spec.firmware is not Firmware.UEFI:
        return None
    report = await check_host(
        ctx.vm_root,
        qemu_binary=ctx.settings.qemu_binary,
        qemu_img=ctx.settings.qemu_img_binary,
    )
    return report.facts.ovmf_code


async def cmd_export_libvirt(args: argparse.Namespace, ctx: CliContext) -> int:
    vm = find_vm(ctx, args.name)
    ovmf_code = await ovmf_code_for(vm, ctx)
    try:
        domain = export_domain(
            vm.spec,
            folder=vm.folder,
            domain_type=args.type,
            emulator=args.emulator,
            ovmf_code=ovmf_code,
            passt=args.passt,
        )
    except LibvirtXmlError as err:
        raise CliError(str(err)) from None
    if args.json:
        print_json(
            {
                "name": domain.name,
                "xml": domain.xml,
                "warnings": [str(w) for w in domain.warnings],
            }
        )
    else:
        # The XML as it is: ElementTree escaped every name and path for XML.
        sys.stdout.write(domain.xml)
        for warning in domain.warnings:
            print(f"warning: {terminal_safe(warning)}", file=sys.stderr)
    return 0
