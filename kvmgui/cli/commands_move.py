"""`move NAME --to URI [--pool POOL]`: a stopped VM copied to a libvirt host
(kvmgui.runtime.libvirt_move): its disks uploaded into a storage pool there (a linked clone's
flattened), its definition defined as a domain; the VM here is kept until the user deletes it.

Progress goes to stderr when it is a terminal; Ctrl+C cancels the move and removes what it
made on the host. `--json` prints {uri, domain, pool, volumes: [{name, path, format}],
warnings, message}.
"""

from __future__ import annotations

import argparse
import sys

from kvmgui.cli.commands_connect import DETAILS_HEADING, connected
from kvmgui.cli.commands_define import find_vm
from kvmgui.cli.commands_libvirt_xml import ovmf_code_for
from kvmgui.cli.context import CliContext, CliError
from kvmgui.cli.output import add_command, add_quiet_option, print_json, terminal_safe
from kvmgui.core.messages import KvmguiError
from kvmgui.runtime.libvirt_errors import LibvirtError
from kvmgui.runtime.libvirt_move import MoveStep, move_vm


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = add_command(
        sub,
        "move",
        "copy a stopped VM to a libvirt host (its disks into a storage pool there, a linked "
        "clone's flattened); the VM here is kept until you delete it",
        cmd_move,
        "name",
        with_json=True,
    )
    p.add_argument("--to", metavar="URI", required=True,
                   help="the libvirt connection: qemu:///system, qemu+ssh://user@host/system")
    p.add_argument("--pool", metavar="POOL", default=None,
                   help="the storage pool for the disks (default: 'default', else the first "
                        "active pool)")
    add_quiet_option(p)


class _StepPrinter:
    """The current step and its percentage on stderr, rewritten in place; only on a
    terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.width = 0

    def __call__(self, step: MoveStep) -> None:
        if not self.enabled:
            return
        percent = 100.0 * step.done / step.total if step.total else 0.0
        line = f"{terminal_safe(step.text)}… {percent:5.1f}%"
        sys.stderr.write("\r" + line.ljust(self.width))
        sys.stderr.flush()
        self.width = max(self.width, len(line))

    def clear(self) -> None:
        if self.width:
            sys.stderr.write("\r" + " " * self.width + "\r")
            sys.stderr.flush()
            self.width = 0


async def cmd_move(args: argparse.Namespace, ctx: CliContext) -> int:
    vm = find_vm(ctx, args.name)
    ovmf_code = await ovmf_code_for(vm, ctx)
    printer = _StepPrinter(sys.stderr.isatty() and not args.quiet and not args.json)
    async with connected(args.to) as connection:
        try:
            result = await move_vm(
                vm, connection, pool=args.pool, paths=ctx.paths,
                ovmf_code=ovmf_code, store=ctx.store(),
                qemu_img=ctx.settings.qemu_img_binary,
                progress=printer)
        except LibvirtError:
            raise  # connected() says it, with libvirt's own words as the details
        except KvmguiError as err:  # qemu-img's (flattening a linked clone)
            raise CliError(err.message, details=err.details,
                           details_heading=DETAILS_HEADING) from None
        finally:
            printer.clear()
    if args.json:
        print_json({
            "uri": result.uri,
            "domain": result.domain,
            "pool": result.pool,
            "volumes": [{"name": v.name, "path": v.path, "format": v.disk_format}
                        for v in result.volumes],
            "warnings": [str(w) for w in result.warnings],
            "message": str(result.message),
        })
        return 0
    print(terminal_safe(result.message))
    for warning in result.warnings:
        print(f"warning: {terminal_safe(warning)}", file=sys.stderr)
    return 0
