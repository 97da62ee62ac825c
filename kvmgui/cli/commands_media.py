"""Clones, base images and copies to devices: `clone`, `release-base`, `copy-to-device`.

`clone … --json` prints {name, folder, linked, base, chain: [filenames, overlay first]}.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kvmgui.cli.commands_img import print_result, progress_bar, run_job
from kvmgui.cli.context import CliContext, CliError
from kvmgui.cli.host_env import load_host_env
from kvmgui.cli.output import add_json_option, add_quiet_option, cli_command, print_json, say
from kvmgui.core.clones import chain_lines
from kvmgui.core.copy_device import confirm_matches
from kvmgui.core.model import OsPreset
from kvmgui.core.presets import PRESETS
from kvmgui.core.sizes import format_size
from kvmgui.core.store import StoreError
from kvmgui.runtime.clones import create_linked_clone, full_clone_job, release_base
from kvmgui.runtime.copy_device import copy_to_device_job, plan_copy
from kvmgui.runtime.images import ImageError
from kvmgui.runtime.liveness import vm_is_running


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "clone", help="copy a VM: a full copy, or with --linked a clone sharing its disk",
        description="Make a new VM from BASE. Without --linked every disk is copied whole. "
                    "With --linked the new VM's disks are small overlays that store only its "
                    "own changes and read the rest from BASE's disks, which then become "
                    "read-only for as long as clones exist. BASE may also be an image file "
                    "(with --linked).",
    )
    p.add_argument("base", metavar="BASE", help="the VM (or, with --linked, image) to clone")
    p.add_argument("new_name", metavar="NEW_NAME")
    p.add_argument("--linked", action="store_true",
                   help="make a linked clone (copy-on-write overlay) instead of a full copy")
    p.add_argument("--os", choices=[o.value for o in OsPreset], default=OsPreset.LINUX.value,
                   help="the guest's kind, when BASE is an image file (default: linux)")
    add_json_option(p)
    add_quiet_option(p)
    p.set_defaults(handler=cmd_clone)

    p = sub.add_parser("release-base",
                       help="make a base VM's disks writable again once it has no linked "
                            "clones left")
    p.add_argument("name", metavar="NAME")
    p.set_defaults(handler=cmd_release_base)

    p = sub.add_parser(
        "copy-to-device",
        help="write an image (or a VM's disk) onto a block device, LVM volume or file",
        description="Write the disk image (any format; qcow2 overlays included) as a raw disk "
                    "onto TARGET, destroying what TARGET holds. The VM must be stopped, and "
                    "TARGET must be large enough and not mounted. Type the target's name "
                    "again with --confirm. Without --confirm nothing is written: the checks "
                    "run and what would happen is shown.",
    )
    p.add_argument("source", metavar="IMAGE_OR_VM")
    p.add_argument("target", metavar="TARGET", help="e.g. /dev/sdb or /dev/vg/lv")
    p.add_argument("--confirm", metavar="TARGET",
                   help="the target's name typed again (its path or last part, e.g. lv)")
    p.add_argument("--disk", type=int, metavar="N",
                   help="which disk of the VM (1, 2, …), when it has more than one")
    p.add_argument("--verify", action="store_true",
                   help="compare the copy with the image afterwards")
    add_quiet_option(p)
    p.set_defaults(handler=cmd_copy_to_device)


# ------------------------------------------------------------------------------ clone


async def cmd_clone(args: argparse.Namespace, ctx: CliContext) -> int:
    store = ctx.store()
    qemu_img = ctx.settings.qemu_img_binary
    if not args.linked:
        bar = progress_bar(args, f"Cloning {args.base}")
        job = full_clone_job(store, args.base, args.new_name, paths=ctx.paths,
                             qemu_img=qemu_img, progress=bar)
        result = await run_job(job, bar)
        if args.json:
            print_json({"name": args.new_name, "folder": str(result.target), "linked": False,
                   "base": args.base, "chain": []})
        else:
            print_result(result)
            print(f"Start it with: {cli_command('start', args.new_name)}")
        return 0
    machine_version = None
    if Path(args.base).is_file():
        # A new VM from an image: pin its machine type like `create` does.

        env = await load_host_env(ctx)
        machine = PRESETS[OsPreset(args.os)].machine
        machine_version = env.caps.pinned_machine(machine.value)

    try:
        clone = await create_linked_clone(store, args.base, args.new_name, paths=ctx.paths,
                                          os_preset=OsPreset(args.os),
                                          machine_version=machine_version, qemu_img=qemu_img)
    except ImageError as err:
        raise CliError(err.message, details=err.details) from None
    if args.json:
        print_json({"name": clone.stored.spec.name, "folder": str(clone.stored.folder.dir),
               "linked": True, "base": args.base,
               "chain": [link.filename for link in clone.chain]})
        return 0
    print(clone.message)
    for note in clone.notes:
        print(f"note: {note}")

    print("backing chain:")
    for line in chain_lines(clone.chain, resolve=os.path.realpath):
        say(f"  {line}")
    print(f"Start it with: {cli_command('start', clone.stored.spec.name)}")
    return 0


async def cmd_release_base(args: argparse.Namespace, ctx: CliContext) -> int:
    store = ctx.store()
    try:
        vm = store.get(args.name)
    except StoreError as err:
        raise CliError(str(err)) from None
    if vm_is_running(vm.spec.id, ctx.paths):
        raise CliError(f"'{vm.spec.name}' is running; shut it down first: "
                       f"{cli_command('shutdown', vm.spec.name)}")
    try:
        _, changed = await release_base(store, vm, qemu_img=ctx.settings.qemu_img_binary)
    except ImageError as err:
        raise CliError(err.message, details=err.details) from None
    if not changed:
        print(f"'{vm.spec.name}' has no read-only base disk; nothing changed.")
    for line in changed:
        print(f"'{vm.spec.name}': {line}.")
    return 0


# ------------------------------------------------------------------------------ copy


async def cmd_copy_to_device(args: argparse.Namespace, ctx: CliContext) -> int:
    store = ctx.store()
    qemu_img = ctx.settings.qemu_img_binary
    try:
        plan = await plan_copy(args.source, args.target, store=store, paths=ctx.paths,
                               disk=args.disk, qemu_img=qemu_img)
    except ImageError as err:
        raise CliError(err.message, details=err.details) from None
    if not confirm_matches(args.target, args.confirm, plan.target_real):
        print(f"{plan.source} ({plan.source_format}, {format_size(plan.virtual_size)}) → "
              f"{plan.target} ({format_size(plan.target_size)})")
        for w in plan.warnings:
            print(f"warning: {w}")
        if args.confirm:
            raise CliError(f"'{args.confirm}' does not match the target {args.target}; nothing "
                           f"was written. To write, add --confirm {plan.confirm_hint}", code=2)
        raise CliError(f"Nothing was written. To write, type the target's name again: "
                       f"--confirm {plan.confirm_hint}", code=2)
    for w in plan.warnings[1:]:
        print(f"note: {w}", file=sys.stderr)
    bar = progress_bar(args, f"Copying to {args.target}")
    job = copy_to_device_job(args.source, args.target, confirm=args.confirm, store=store,
                             paths=ctx.paths, disk=args.disk, verify=args.verify,
                             qemu_img=qemu_img, progress=bar)
    print_result(await run_job(job, bar))
    return 0

