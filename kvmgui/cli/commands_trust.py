"""Approving what a VM definition reaches on this computer: `approve`.

A definition that arrived from elsewhere (copied in, hand-edited) does not start until the user
approved what it reaches beyond its own folder (core.trust). This command shows exactly that
list and records the approval only with --yes (or a typed "y" at a terminal).
"""

from __future__ import annotations

import argparse
import shlex
import sys

from kvmgui.cli.commands_define import find_vm
from kvmgui.cli.context import CliContext, CliError
from kvmgui.core.argv_extra import extra_args_problems
from kvmgui.core.trust import Approvals


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "approve",
        help="show what a VM reaches on this computer (extra QEMU arguments, disks, images or "
        "devices outside its folder) that you have not approved yet, and approve it",
    )
    p.add_argument("name")
    p.add_argument("--yes", action="store_true",
                   help="approve exactly the list shown, without asking")
    p.set_defaults(handler=cmd_approve)


def cmd_approve(args: argparse.Namespace, ctx: CliContext) -> int:
    vm = find_vm(ctx, args.name)
    spec, folder = vm.spec, vm.folder
    approvals = Approvals.for_paths(ctx.paths)
    missing = approvals.unapproved(spec, folder)
    if not missing:
        print(f"Nothing to approve: '{spec.name}' reaches nothing on this computer that you "
              "have not approved.")
        return 0
    problems = extra_args_problems(spec.extra_args)
    if problems:
        # Approving would not make these start: the allow-list refuses them for everyone.
        raise CliError(problems[0])
    print(f"'{spec.name}' reaches these on this computer, which you have not approved yet:")
    for item in missing:
        print(f"  {item.describe()}")
    if not args.yes:
        if not sys.stdin.isatty():
            raise CliError(f"Nothing was approved: if you trust these, run 'kvmgui-cli approve "
                           f"{shlex.quote(spec.name)} --yes'.")
        answer = input("Approve exactly these? [y/N] ").strip().lower()
        if answer not in ("y", "yes"):
            raise CliError("Nothing was approved.")
    try:
        approvals.approve(spec, folder, missing)
    except OSError as exc:
        raise CliError(f"kvmgui could not save the approval in {approvals.path} "
                       f"({exc.strerror}): check that folder's permissions.") from None
    print(f"Approved: '{spec.name}' may now start with these.")
    return 0
