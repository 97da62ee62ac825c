"""Defining VMs: create, edit, list, show, command-line, delete."""

from __future__ import annotations

import argparse
import shutil
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from kvmgui.cli.commands_img import recorded_format
from kvmgui.cli.commands_run import attached
from kvmgui.cli.context import CliContext, CliError
from kvmgui.cli.host_env import HostEnv, load_host_env
from kvmgui.cli.output import add_command, cli_command, print_json, say, terminal_safe
from kvmgui.cli.spec_options import add_spec_options, apply_spec_options, initial_disks
from kvmgui.core.argv import ArgvError, build_argv, extra_args_problems, shell_line
from kvmgui.core.boot import boot_summary, effective_boot_order, installing, with_install_phase
from kvmgui.core.definition import spec_to_dict
from kvmgui.core.media import file_kind_problem
from kvmgui.core.model import DiskFormat, OsPreset, VmSpec
from kvmgui.core.paths import VmFolder
from kvmgui.core.presets import PRESETS, new_spec
from kvmgui.core.problems import Problem, Severity
from kvmgui.core.restart import restart_note
from kvmgui.core.shares import plan_shares
from kvmgui.core.sizes import SizeError, format_size, parse_size
from kvmgui.core.store import LoadError, StoredVm, StoreError
from kvmgui.core.trust import Approvals
from kvmgui.core.validation import validate_name, validate_spec
from kvmgui.runtime.creation import create_vm
from kvmgui.runtime.deletion import delete_vm
from kvmgui.runtime.images import ImageError, checked_chain, image_info
from kvmgui.runtime.liveness import vm_is_running
from kvmgui.runtime.medium import install_medium_check


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = add_command(sub, "create", "define a new VM (and create its disk)", cmd_create, "name")
    add_spec_options(p, creating=True)
    p.add_argument("--pool", metavar="POOL",
                   help="with --connect: the host's storage pool for the new disk (default: "
                   "the pool named default, else the first active one)")
    p.add_argument("--upload-iso", metavar="LOCAL_ISO",
                   help="with --connect: upload this ISO file of this computer into the pool "
                   "and boot the VM from it")
    p = add_command(
        sub, "edit", "change a VM's settings (takes effect at next start)", cmd_edit, "name"
    )
    add_spec_options(p, creating=False)
    add_command(sub, "list", "list the VMs", cmd_list, with_json=True)
    add_command(sub, "show", "show a VM's definition", cmd_show, "name", with_json=True)
    add_command(
        sub, "command-line", "print the QEMU command line, ready to copy", cmd_command_line, "name"
    )
    p = add_command(sub, "delete", "delete a VM (asks nothing: use with care)", cmd_delete, "name")
    p.add_argument("--keep-disks", action="store_true", help="keep the disk images")

def report_problems(problems: list[Problem]) -> None:
    """Print warnings; raise CliError on the first error (all errors are printed)."""
    errors = [p for p in problems if p.severity is Severity.ERROR]
    for p in problems:
        if p.severity is Severity.WARNING:
            print(f"warning: {p.message}", file=sys.stderr)
    if errors:
        for p in errors[:-1]:
            print(f"kvmgui-cli: {p.message}", file=sys.stderr)
        raise CliError(errors[-1].message)


def find_vm(ctx: CliContext, name: str) -> StoredVm:
    try:
        return ctx.store().get(name)
    except StoreError as err:
        raise CliError(str(err)) from None


def free_bytes_at(path: Path) -> int | None:
    for candidate in (path, *path.parents):
        if candidate.exists():
            return shutil.disk_usage(candidate).free
    return None


def created_spec(args: argparse.Namespace) -> VmSpec:
    """The spec `create`'s options describe (here, or on a libvirt host with --connect)."""
    os_preset = OsPreset(args.os)
    size_bytes: int | None = None
    if args.disk_size is not None:
        try:
            size_bytes = parse_size(args.disk_size, default_unit="G")
        except SizeError as err:
            raise CliError(str(err), 2) from None
    elif not args.disk and not args.no_disk:
        size_bytes = PRESETS[os_preset].disk_gib * 1024**3

    spec = new_spec(args.name, os_preset)
    spec = replace(spec, disks=initial_disks(spec, args, size_bytes))
    spec = apply_spec_options(spec, args)
    if args.boot is None:
        spec = with_install_phase(spec)  # the install medium first, until it is installed
    return spec


async def cmd_create(args: argparse.Namespace, ctx: CliContext) -> int:
    for given, option in ((args.pool, "--pool"), (args.upload_iso, "--upload-iso")):
        if given is not None:
            raise CliError(f"{option} names a storage pool of a libvirt host: use it with "
                           "--connect URI.", 2)
    store = ctx.store()
    existing = [vm.spec.name for vm in store.load_all().vms]
    report_problems(validate_name(args.name, existing))
    spec = await _detect_existing_formats(created_spec(args), ctx)
    env = await load_host_env(ctx)
    spec = replace(spec, machine_version=env.caps.pinned_machine(spec.machine.value))

    folder = store.folder_for(spec.name)
    report_problems(
        validate_spec(
            spec, env.host, existing_names=existing, folder=folder,
            free_bytes=free_bytes_at(ctx.vm_root), check_files=True,
        )
        + await _iso_problems(spec, args)
    )
    _check_buildable(spec, env, folder, ctx)

    try:
        # Hidden until its disks exist, removed again on failure or Ctrl+C (runtime.creation).
        stored = await create_vm(store, spec, qemu_img=ctx.settings.qemu_img_binary)
    except StoreError as err:
        raise CliError(str(err)) from None
    except ImageError as err:
        raise CliError(err.message, details=err.details) from None
    print(f"Created VM '{spec.name}' in {stored.folder.dir}.")
    for d in stored.spec.disks:
        if d.size_bytes:
            path = stored.folder.resolve(d.path)
            print(f"  disk {path} ({format_size(d.size_bytes)}, {d.format})")
    print(f"Start it with: {cli_command('start', spec.name)}")
    return 0


async def _iso_problems(spec: VmSpec, args: argparse.Namespace) -> list[Problem]:
    """A file given with --iso must be a disc image the VM can boot (the wizard asks the
    same question of the ISO chosen on its first page)."""
    if not args.iso or spec.cdrom is None or not spec.cdrom.path:
        return []
    return await install_medium_check("cdrom.path", Path(spec.cdrom.path))


async def _detect_existing_formats(spec: VmSpec, ctx: CliContext) -> VmSpec:
    """An existing image keeps its own format; it is recorded so QEMU never has to probe.

    Another VM's disk keeps the format its definition records (its guest chose its bytes).
    Its bases must be recorded and be the user's own images (runtime.images.checked_chain).
    """
    qemu_img = ctx.settings.qemu_img_binary
    disks = []
    for d in spec.disks:
        if d.size_bytes is None and Path(d.path).exists():
            # Its type first: qemu-img would wait forever on a FIFO, read /dev/zero for ever.
            problem = file_kind_problem(d.path, "disk image")
            if problem is not None:
                raise CliError(problem)
            try:
                info = await image_info(Path(d.path), fmt=recorded_format(ctx, d.path),
                                        qemu_img=qemu_img)
            except ImageError as err:
                raise CliError(err.message, details=err.details) from None
            try:
                d = replace(d, format=DiskFormat(info.format))
            except ValueError:
                raise CliError(
                    f"{d.path} is a '{info.format}' image, which kvmgui cannot use directly: "
                    f"convert it first with 'kvmgui-cli img convert'."
                ) from None
            try:
                await checked_chain(d.path, d.format.value, qemu_img=qemu_img)
            except ImageError as err:
                raise CliError(err.message) from None
        disks.append(d)
    return replace(spec, disks=tuple(disks))


def _check_buildable(spec: VmSpec, env: HostEnv, folder: VmFolder, ctx: CliContext) -> list[str]:
    try:
        return build_argv(
            spec, caps=env.caps, host=env.host, folder=folder,
            run=ctx.paths.vm_runtime(spec.id), qemu_binary=ctx.settings.qemu_binary,
        )
    except ArgvError as err:
        raise CliError(str(err)) from None


async def cmd_edit(args: argparse.Namespace, ctx: CliContext) -> int:
    store = ctx.store()
    vm = find_vm(ctx, args.name)
    spec = apply_spec_options(vm.spec, args)
    if spec == vm.spec:
        if args.extra_args is not None and spec.extra_args:
            # Typing the same extra arguments again is how a user approves them.
            _approve_typed_extra_args(vm, ctx)
            print("Nothing to change; the extra arguments you typed are approved.")
            return 0
        print("Nothing to change.")
        return 0
    env = await load_host_env(ctx)
    others = [v.spec.name for v in store.load_all().vms if v.spec.id != vm.spec.id]
    report_problems(
        validate_spec(
            spec, env.host, existing_names=others, folder=vm.folder,
            free_bytes=free_bytes_at(vm.folder.dir), check_files=True,
        )
        + await _iso_problems(spec, args)
    )
    _check_buildable(spec, env, vm.folder, ctx)
    try:
        saved = store.save(replace(vm, spec=spec))
    except StoreError as err:
        raise CliError(str(err)) from None
    if args.extra_args is not None and spec.extra_args:
        _approve_typed_extra_args(saved, ctx)

    # The same answer as the Hardware page's (core.restart): what waits for the next start.
    note = restart_note(vm.spec, spec) if vm_is_running(spec.id, ctx.paths) else None
    if note is not None:
        print(f"Saved '{spec.name}'. {note}")
    else:
        print(f"Saved '{spec.name}'. Changes take effect the next time it starts.")
    return 0


def _approve_typed_extra_args(vm: StoredVm, ctx: CliContext) -> None:
    problems = extra_args_problems(vm.spec.extra_args)
    if problems:
        raise CliError(problems[0])
    try:
        Approvals.for_paths(ctx.paths).approve_extra_args(vm.spec, vm.folder)
    except OSError as exc:
        raise CliError(f"kvmgui could not save the approval of the extra arguments "
                       f"({exc.strerror}): check the permissions of {ctx.paths.config_dir}."
                       ) from None


def _vm_summary(vm: StoredVm, ctx: CliContext, *, throwaway: bool = False) -> dict[str, Any]:
    return {
        "name": vm.spec.name,
        "id": vm.spec.id,
        "os": vm.spec.os.value,
        "memory_mib": vm.spec.memory_mib,
        "cpus": vm.spec.cpus,
        "running": vm_is_running(vm.spec.id, ctx.paths),
        "folder": str(vm.folder.dir),
        "throwaway": throwaway,  # a running "Test a USB stick" / `live` VM, gone once stopped
    }


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    store = ctx.store()
    result = store.load_all()
    rows = [_vm_summary(vm, ctx, throwaway=store.is_throwaway(vm))
            for vm in sorted(result.vms, key=lambda v: v.spec.name.lower())]
    errors = [{"folder": str(_error_folder(e)), "message": e.message} for e in result.errors]
    if args.json:
        print_json({"vms": rows, "errors": errors})
        return 0
    if not rows:
        print("No VMs yet. Create one with: kvmgui-cli create NAME --iso PATH")
    for r in rows:
        state = "running" if r["running"] else "stopped"
        say(f"{r['name']:<24} {state:<8} {r['os']:<12} {r['memory_mib']:>6} MiB  {r['cpus']} CPU")
    for e in result.errors:
        print(f"warning: skipped {terminal_safe(str(_error_folder(e)))}: "
              f"{terminal_safe(e.message)}", file=sys.stderr)
    return 0


def _error_folder(error: LoadError) -> Path:
    """The VM folder a load error is about (the error names the file: the folder's vm.json),
    as docs/cli-json.md promises; the root itself for an unreadable VM folder."""
    path = error.path
    return path.parent if error.name and path.name == VmFolder(path.parent).definition.name \
        else path


async def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    vm = find_vm(ctx, args.name)
    # vm.json leaves clipboard sharing out while it is off; here it is always said.
    data = {**spec_to_dict(vm.spec), "clipboard": vm.spec.clipboard}
    # How each folder reaches the guest depends on this host (virtiofsd), so ask it only
    # when there are shared folders.
    routes = plan_shares(vm.spec, (await load_host_env(ctx)).host) if vm.spec.shares else ()
    if args.json:
        shares = [{"path": r.share.path, "tag": r.share.tag, "read_only": r.share.read_only,
                   "how": r.method.value, "reason": r.reason, "in_guest": r.instruction}
                  for r in routes]
        print_json({"folder": str(vm.folder.dir), "definition": data, "shares": shares})
        return 0
    s = vm.spec
    say(f"Name:      {s.name}")
    say(f"Folder:    {vm.folder.dir}")
    say(f"OS:        {PRESETS[s.os].label}")
    say(f"Memory:    {s.memory_mib} MiB    CPUs: {s.cpus}    Accelerator: {s.accel}")
    say(f"Machine:   {s.machine_version or s.machine}    Firmware: {s.firmware}")
    for d in s.disks:
        flags = ", ".join(
            f for f, on in (("read-only", d.readonly), ("throwaway", d.throwaway)) if on
        )
        say(f"Disk:      {vm.folder.resolve(d.path)} ({d.format}, {d.bus}, cache={d.cache}"
              f"{', ' + flags if flags else ''})")
    if s.cdrom:
        say(f"CD/DVD:    {s.cdrom.path or 'empty'} ({s.cdrom.source})")
    if s.usb_stick:
        prot = "protected" if s.usb_stick.protected else "WRITABLE"
        say(f"USB stick: {s.usb_stick.path} ({prot})")
    if s.usb_devices:
        say(f"USB:       {', '.join(str(d) for d in s.usb_devices)} (devices of this computer)")
    order = ", ".join(b.value for b in effective_boot_order(s))
    if installing(s):
        say(f"Boot:      {order} (install phase): {boot_summary(s)}")
        say(f"           After it: {', '.join(b.value for b in s.boot_order)} (choose "
              f"another order with: {cli_command('edit', s.name, options=('--boot', 'DEVICE'))})")
    else:
        say(f"Boot:      {order}")
    net = "none" if s.network.mode.value == "none" else f"NAT, {s.network.nic} card"
    fwd = ", ".join(f"{f.host_port}->{f.guest_port}/{f.protocol}" for f in s.network.forwards)
    say(f"Network:   {net}{'; forwards ' + fwd if fwd else ''}")
    say(f"Sound:     {'on' if s.sound else 'off'}    USB tablet: {'on' if s.usb else 'off'}")
    say(f"Display:   {s.display.kind} ({s.display.video} video)    Keyboard layout: "
        f"{s.keyboard_layout}")
    say(f"Clipboard: {'shared with the guest' if s.clipboard else 'not shared'}")
    for r in routes:
        access = "read-only" if r.share.read_only else "read-write"
        say(f"Share:     {r.share.path} ({access}, tag {r.share.tag}, {r.method.value})")
        say(f"           in the guest: {r.instruction}")
        if r.reason:
            say(f"           {r.reason}")
    if s.extra_args:
        say(f"Extra:     {' '.join(s.extra_args)}")
    return 0


async def cmd_command_line(args: argparse.Namespace, ctx: CliContext) -> int:
    vm = find_vm(ctx, args.name)
    env = await load_host_env(ctx)
    say(shell_line(_check_buildable(vm.spec, env, vm.folder, ctx)))
    return 0


async def cmd_delete(args: argparse.Namespace, ctx: CliContext) -> int:
    # The same operation as the app's Delete, under the VM's start lock.
    async with attached(ctx, args.name) as (manager, vm):
        outcome = await delete_vm(vm, manager.store, keep_disks=args.keep_disks,
                                  qemu_img=ctx.settings.qemu_img_binary, paths=ctx.paths)
    if not outcome.ok:
        raise CliError(outcome.message)
    say(outcome.message)
    for path in outcome.value or []:
        say(f"  kept {path}")
    return 0
