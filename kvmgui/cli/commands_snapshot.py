"""`kvmgui-cli snapshot NAME take|list|revert|delete [SNAP]`: snapshots of a VM.

Stopped VM: disk snapshots through qemu-img. Running VM: live snapshots through QMP, which also
keep the memory, so a revert puts the running guest back to that very moment. `revert` asks for
--yes, because what changed since the snapshot is lost.

`snapshot NAME list --json`: {"vm": NAME, "running": bool, "snapshots": [{name, date (ISO 8601,
UTC), vm_state_size, includes_memory, vm_clock}]}.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from kvmgui.cli.commands_run import attached, report
from kvmgui.cli.context import CliContext, CliError
from kvmgui.cli.output import cli_command, print_json, say
from kvmgui.core.sizes import format_size
from kvmgui.runtime import snapshots as sn

if TYPE_CHECKING:
    from kvmgui.runtime.snapshots import VmSnapshot

ACTIONS = ("take", "list", "revert", "delete")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "snapshot", help="take, list, revert or delete a VM's snapshots",
        description="Snapshots of a VM: of its disks while it is stopped, of its disks and "
                    "memory while it runs.")
    p.add_argument("name", metavar="NAME", help="the VM's name")
    p.add_argument("action", choices=ACTIONS)
    p.add_argument("snap", metavar="SNAP", nargs="?", help="the snapshot's name")
    p.add_argument("--yes", action="store_true",
                   help="confirm a revert (everything changed since the snapshot is lost)")
    p.add_argument("--json", action="store_true", help="machine-readable output (list)")
    p.set_defaults(handler=cmd_snapshot)


async def cmd_snapshot(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.action != "list" and not args.snap:
        raise CliError(f"Say which snapshot to {args.action}: "
                       f"{cli_command('snapshot', args.name, args.action, 'SNAP')}", 2)
    if args.action == "revert" and not args.yes:
        raise CliError(f"Reverting loses everything '{args.name}' changed since the snapshot "
                       f"'{args.snap}': add --yes to confirm.", 2)
    async with attached(ctx, args.name) as (_, vm):
        if args.action == "take":
            return report(await sn.take_snapshot(vm, args.snap))
        if args.action == "revert":
            return report(await sn.revert_snapshot(vm, args.snap))
        if args.action == "delete":
            return report(await sn.delete_snapshot(vm, args.snap))
        outcome = await sn.list_snapshots(vm)
        if not outcome.ok:
            return report(outcome)
        rows = [_row(s) for s in outcome.value or ()]
        running = vm.pid is not None
    if args.json:
        print_json({"vm": args.name, "running": running, "snapshots": rows})
        return 0
    if not rows:
        say(f"'{args.name}' has no snapshots. Take one with: "
            f"{cli_command('snapshot', args.name, 'take', 'NAME')}")
    for r in rows:
        memory = (f"includes memory ({format_size(r['vm_state_size'])})"
                  if r["includes_memory"] else "disks only")
        say(f"{r['name']:<24} {r['date'][:19].replace('T', ' ')} UTC  {memory}")
    return 0


def _row(snap: VmSnapshot) -> dict[str, Any]:
    return {"name": snap.name, "date": snap.date.isoformat(), "vm_state_size": snap.vm_state_size,
            "includes_memory": snap.includes_memory, "vm_clock": round(snap.vm_clock, 3)}
