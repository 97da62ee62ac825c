"""New VMs from what the user already has: `import` (a disk image) and `restore` (a backup).

    kvmgui-cli import IMAGE NAME [--os PRESET] [--convert [--compress]] [--memory MIB] [--cpus N]
    kvmgui-cli restore NAME --rescue-iso ISO --backup-disk DEVICE_OR_IMAGE --disk-size SIZE
                       [--source-size SIZE] [--memory MIB]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from kvmgui.cli.commands_define import free_bytes_at, report_problems
from kvmgui.cli.commands_img import progress_bar, recorded_format
from kvmgui.cli.context import CliContext, CliError
from kvmgui.cli.host_env import HostEnv, load_host_env
from kvmgui.cli.output import add_quiet_option, cli_command
from kvmgui.core.argv import ArgvError, build_argv
from kvmgui.core.model import OsPreset, VmSpec
from kvmgui.core.sizes import SizeError, format_size, parse_size
from kvmgui.core.store import StoredVm, StoreError, VmStore
from kvmgui.core.validation import validate_name, validate_spec
from kvmgui.runtime.creation import create_vm
from kvmgui.runtime.images import ImageCancelled, ImageError
from kvmgui.runtime.live import LiveError, check_source
from kvmgui.runtime.restore import restore_spec, size_problem
from kvmgui.runtime.vm_import import import_spec, import_vm, inspect


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("import", help="make a new VM from an existing disk image",
                       description="Make a new VM from an existing disk image (qcow2, raw, vmdk, "
                                   "vdi, vhdx): used where it is, or converted to qcow2 into "
                                   "the VM's folder with --convert.")
    p.add_argument("image", metavar="IMAGE")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--os", choices=[o.value for o in OsPreset], default=OsPreset.LINUX.value,
                   help="kind of guest; picks sensible defaults (default: linux)")
    p.add_argument("--convert", action="store_true",
                   help="copy the image into the VM's folder as qcow2 (the original stays)")
    p.add_argument("--compress", action="store_true", help="compress the copy (with --convert)")
    p.add_argument("--memory", type=int, metavar="MIB", help="memory in MiB")
    p.add_argument("--cpus", type=int, metavar="N", help="number of virtual CPUs")
    add_quiet_option(p)
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser(
        "restore", help="make a VM that restores a backup (Clonezilla) onto a new disk",
        description="Make a VM that boots a rescue ISO (such as Clonezilla) with a new empty "
                    "disk and the disk holding the backup attached as a protected USB disk.")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--rescue-iso", required=True, metavar="ISO", help="the rescue system")
    p.add_argument("--backup-disk", required=True, metavar="DEVICE_OR_IMAGE",
                   help="the disk (or image file) holding the backup")
    p.add_argument("--disk-size", required=True, metavar="SIZE",
                   help="size of the new disk, e.g. 40G (bare number: GiB)")
    p.add_argument("--source-size", metavar="SIZE",
                   help="size of the disk the backup was made from (checked against SIZE)")
    p.add_argument("--memory", type=int, metavar="MIB", help="memory in MiB (default 1024)")
    p.set_defaults(handler=cmd_restore)


def _size(text: str, what: str) -> int:
    try:
        return parse_size(text, default_unit="G")
    except SizeError as err:
        raise CliError(f"{what}: {err}", 2) from None


def _check(spec: VmSpec, env: HostEnv, store: VmStore, ctx: CliContext) -> None:
    """Validation and a test build of the command line, before anything is written."""
    existing = [vm.spec.name for vm in store.load_all().vms]
    report_problems(validate_name(spec.name, existing))
    folder = store.folder_for(spec.name)
    report_problems(validate_spec(spec, env.host, existing_names=existing, folder=folder,
                                  free_bytes=free_bytes_at(ctx.vm_root), check_files=True))
    try:
        build_argv(spec, caps=env.caps, host=env.host, folder=folder,
                   run=ctx.paths.vm_runtime(spec.id), qemu_binary=ctx.settings.qemu_binary)
    except ArgvError as err:
        raise CliError(str(err)) from None


def _pinned(spec: VmSpec, env: HostEnv) -> VmSpec:
    return replace(spec, machine_version=env.caps.pinned_machine(spec.machine.value))


def _created(stored: StoredVm) -> None:
    print(f"Created VM '{stored.spec.name}' in {stored.folder.dir}.")
    for d in stored.spec.disks:
        size = f", {format_size(d.size_bytes)}" if d.size_bytes else ""
        print(f"  disk {stored.folder.resolve(d.path)} ({d.format}{size})")


async def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.compress and not args.convert:
        raise CliError("--compress only applies to the copy made with --convert.", 2)
    image = Path(args.image).expanduser().absolute()
    qemu_img = ctx.settings.qemu_img_binary
    store = ctx.store()
    try:
        info = await inspect(image, fmt=recorded_format(ctx, str(image)), qemu_img=qemu_img)
        spec = import_spec(args.name, image, info, os_preset=OsPreset(args.os),
                           convert=args.convert)
    except ImageError as err:
        raise CliError(err.message, details=err.details) from None
    if args.memory is not None:
        spec = replace(spec, memory_mib=args.memory)
    if args.cpus is not None:
        spec = replace(spec, cpus=args.cpus)
    env = await load_host_env(ctx)
    spec = _pinned(spec, env)
    # The converted disk does not exist yet: check it as a new disk of the image's size
    # (which also checks the free space).
    _check(spec if not args.convert else replace(spec, disks=(
        replace(spec.disks[0], size_bytes=info.virtual_size),)), env, store, ctx)
    bar = progress_bar(args, f"Converting {image.name}")
    try:
        stored = await import_vm(store, spec, image, info, convert=args.convert,
                                 compress=args.compress, progress=bar, qemu_img=qemu_img)
    except ImageCancelled as err:
        raise CliError(err.message, details=err.details) from None
    except ImageError as err:
        raise CliError(err.message, details=err.details) from None
    except StoreError as err:
        raise CliError(str(err)) from None
    finally:
        bar.clear()
    how = "converted to qcow2" + (", compressed" if args.compress else "") if args.convert \
        else f"used as it is ({info.format})"
    _created(stored)
    print(f"  the image {image} was {how}.")
    print(f"Start it with: {cli_command('start', stored.spec.name)}")
    return 0


async def cmd_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    disk_bytes = _size(args.disk_size, "--disk-size")
    source_bytes = _size(args.source_size, "--source-size") if args.source_size else None
    problem = size_problem(disk_bytes, source_bytes)
    if problem:
        raise CliError(problem)
    if source_bytes is None:
        print("warning: the new disk must be at least as large as the disk the backup was made "
              "from; give that size with --source-size to have it checked.", file=sys.stderr)
    try:
        backup = await check_source(args.backup_disk)
    except LiveError as err:
        raise CliError(f"The backup disk cannot be used: {err}") from None
    # No backing chain to check: the backup reaches the guest as raw bytes (a protected stick,
    # core/argv_storage.py), so a qcow2 header in an image file names no base QEMU would open.
    iso = str(Path(args.rescue_iso).expanduser().absolute())
    spec = restore_spec(args.name, rescue_iso=iso, backup=backup.path, disk_bytes=disk_bytes,
                        **({"memory_mib": args.memory} if args.memory else {}))
    store = ctx.store()
    env = await load_host_env(ctx)
    spec = _pinned(spec, env)
    _check(spec, env, store, ctx)
    try:
        # Hidden until its disk exists, removed again on failure or Ctrl+C (runtime.creation).
        stored = await create_vm(store, spec, qemu_img=ctx.settings.qemu_img_binary)
    except ImageError as err:
        raise CliError(err.message, details=err.details) from None
    except StoreError as err:
        raise CliError(str(err)) from None
    _created(stored)
    print(f"  rescue system {iso} (boots first)")
    print(f"  backup disk {backup.path} ({backup.description}), protected: it is only read")
    print(f"Start it with: {cli_command('start', stored.spec.name)}")
    return 0
