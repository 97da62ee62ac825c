"""Disk image tools (`img info|chain|convert|compress|resize|check|create`) and `devices`.

Long operations show a percentage on stderr when it is a terminal and stop cleanly on Ctrl-C:
the temporary file is deleted and the original image is left as it was.

`img info --json` prints one object (stable keys):
  filename, format, virtual_size, actual_size, backing_file, backing_format,
  full_backing_filename, dirty, corrupt, cluster_size, in_use, refused (why no VM may use
  it, or null),
  snapshots: [{id, name, date (ISO 8601, UTC), vm_state_size, vm_clock, includes_memory}],
  chain: [{filename, format, virtual_size, actual_size, backing_file, backing_format}]
  (the image first, then its base, the base's base, …).
`img chain IMAGE --json`: {chain: [{filename, format, virtual_size, actual_size, backing_file,
  backing_format, vms}] (the image first, then its base, …; `vms` are the VMs whose disk that
  file is), dependents: [names of the VMs whose disks are overlays on IMAGE]}.
`img check --json`: {status: ok|leaks|corrupt|failed|unsupported, message, corruptions, leaks,
  check_errors, allocated_clusters, total_clusters, image_end_offset}.
`devices --json`: {devices: [{path, kind: stick|optical|disk, size, model, vendor, transport,
  removable, readonly, mounted, usable, why_not, note, aliases, description}]}; only sticks and
  optical drives unless --all.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from kvmgui.cli.context import CliContext, CliError
from kvmgui.cli.output import (
    add_command,
    add_json_option,
    add_quiet_option,
    print_json,
    say,
    terminal_safe,
)
from kvmgui.core import usage
from kvmgui.core.blockdevs import BlockDevice
from kvmgui.core.clones import chain_lines, image_dependents
from kvmgui.core.media import file_kind_problem
from kvmgui.core.qemu_img import INPUT_FORMATS, CheckStatus, ImageInfo, resolve_new_size
from kvmgui.core.sizes import SizeError, format_size, parse_size
from kvmgui.core.usage import recorded_format as recorded
from kvmgui.core.validation import disk_size_problem
from kvmgui.core.write_guard import Intent
from kvmgui.runtime.blockdev_probe import ProbeError, probe_block_devices
from kvmgui.runtime.images import (
    ImageError,
    ImageJob,
    JobResult,
    UnsafeChain,
    check_image,
    checked_chain,
    compress_job,
    convert_job,
    create_image,
    image_chain,
    image_info,
    resize_job,
)
from kvmgui.runtime.write_guard import WriteGuard

FORMATS_OUT = ("qcow2", "raw")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    img = sub.add_parser(
        "img", help="disk image tools: info, chain, convert, compress, resize, check"
    )
    isub = img.add_subparsers(dest="img_command", metavar="ACTION", required=True)

    add_command(isub, "info", "format, sizes, backing chain and snapshots of an image",
                cmd_info, "image", with_json=True)

    add_command(isub, "chain", "the backing chain of an image, and the VMs built on it",
                cmd_chain, "image", with_json=True)

    p = isub.add_parser("convert", help="convert an image (qcow2, raw, vmdk, vdi, vhdx) to a "
                                        "new qcow2 or raw image")
    p.add_argument("src")
    p.add_argument("dst")
    p.add_argument("--to", choices=FORMATS_OUT, default=None,
                   help="format of the new image (default: from DST's extension, else qcow2)")
    p.add_argument("--compress", action="store_true", help="compress the new image (qcow2)")
    p.add_argument("--from", dest="src_format", metavar="FORMAT",
                   help="the source's format, when you know it (otherwise qemu-img detects it)")
    p.add_argument("--overwrite", action="store_true",
                   help="replace DST if it exists (never a VM's disk or another image a VM "
                        "needs)")
    p.add_argument("--verify", action="store_true",
                   help="compare both images' content before the new one appears")
    add_quiet_option(p)
    p.set_defaults(handler=cmd_convert)

    p = isub.add_parser("compress", help="compress a qcow2 image in place (safely: the image is "
                                         "replaced only after the result checked out)")
    p.add_argument("image")
    add_quiet_option(p)
    p.set_defaults(handler=cmd_compress)

    p = isub.add_parser(
        "resize", help="grow (or, with --shrink, shrink) the disk size the guest sees",
        description="SIZE is the new size (30G) or a change (+10G). To shrink by an amount, "
                    "put -- before it: img resize disk.qcow2 --shrink -- -5G",
    )
    p.add_argument("image")
    p.add_argument("size", help="new size like 30G, or +10G")
    p.add_argument("--shrink", action="store_true",
                   help="allow making the disk smaller: everything beyond the new end is lost")
    add_quiet_option(p)
    p.set_defaults(handler=cmd_resize)

    p = isub.add_parser("check", help="check an image for errors")
    p.add_argument("image")
    p.add_argument("--repair", choices=("leaks", "all"),
                   help="repair: 'leaks' is safe; 'all' may lose data (keep a copy first)")
    add_json_option(p)
    p.set_defaults(handler=cmd_check)

    p = isub.add_parser("create", help="create a new empty image, or an overlay on a base image")
    p.add_argument("path")
    p.add_argument("size", nargs="?", help="size like 20G (optional with --backing)")
    p.add_argument("--format", choices=FORMATS_OUT, default="qcow2")
    p.add_argument("--backing", metavar="BASE", help="make a copy-on-write overlay on BASE")
    p.add_argument("--backing-format", metavar="FORMAT",
                   help="BASE's format (otherwise qemu-img detects it once and it is recorded)")
    p.set_defaults(handler=cmd_create)

    p = add_command(sub, "devices", "list USB sticks, card readers and CD/DVD drives",
                    cmd_devices, with_json=True)
    p.add_argument("--all", action="store_true", help="also list disks that are never offered")


def check_format(option: str, fmt: str | None) -> None:
    """A format named on the command line must be one qemu-img is allowed to read here; a typo
    would otherwise reach qemu-img and come back as a confusing failure."""
    if fmt is not None and fmt not in INPUT_FORMATS:
        raise CliError(f"{option} '{terminal_safe(fmt)}' is not an image format kvmgui knows: "
                       f"use one of {', '.join(INPUT_FORMATS)}, or leave {option} out.", 2)


def check_image_path(path: str, what: str = "disk image") -> None:
    """Refuse a path that cannot be an image by its type alone, before qemu-img opens it: a
    FIFO would make it wait for a writer, /dev/zero or a /proc file never end."""
    if not path.strip():
        raise CliError(f"An empty path was given: name the {what}.", 2)
    problem = file_kind_problem(path, what)
    if problem is not None:
        raise CliError(problem)


def check_disk_size(size: int) -> None:
    problem = disk_size_problem(size, "The image")
    if problem:
        raise CliError(problem, 2)



# ------------------------------------------------------------------------------ helpers


class _Progress:
    """A percentage on stderr, rewritten in place; only on a terminal."""

    def __init__(self, title: str, enabled: bool) -> None:
        self.title = title
        self.enabled = enabled
        self.shown = False

    async def __call__(self, percent: float) -> None:
        self.show(percent)

    def show(self, percent: float) -> None:
        if self.enabled:
            sys.stderr.write(f"\r{self.title}… {percent:5.1f}%")
            sys.stderr.flush()
            self.shown = True

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r" + " " * (len(self.title) + 10) + "\r")
            sys.stderr.flush()
            self.shown = False


def progress_bar(args: argparse.Namespace, title: str) -> _Progress:
    return _Progress(title, sys.stderr.isatty() and not getattr(args, "quiet", False))


async def run_job(job: ImageJob, bar: _Progress) -> JobResult:
    try:
        return await job.run()
    except ImageError as err:
        raise CliError(err.message, details=err.details) from None
    finally:
        bar.clear()


def print_result(result: JobResult) -> None:
    print(result.message)
    for w in result.warnings:
        print(f"note: {w}")


def _size_text(n: int | None) -> str:
    return "unknown" if n is None else f"{format_size(n)} ({n} bytes)"


# ------------------------------------------------------------------------------ info


async def cmd_info(args: argparse.Namespace, ctx: CliContext) -> int:
    qemu_img = ctx.settings.qemu_img_binary
    refusal = ""
    check_image_path(args.image)
    try:
        top = await image_info(args.image, fmt=recorded_format(ctx, args.image),
                               qemu_img=qemu_img)
        try:
            # Link by link: a base that is not one of the user's images is not even opened.
            chain = await checked_chain(args.image, top.format, qemu_img=qemu_img)
        except UnsafeChain as err:
            chain, refusal = [top], err.message
    except ImageError as err:
        raise CliError(err.message, details=err.details) from None
    in_use = False
    try:
        await image_info(args.image, fmt=chain[0].format, force_share=False, qemu_img=qemu_img)
    except ImageError as err:
        in_use = err.locked
    info = chain[0]
    if args.json:
        doc = _info_json(info)
        doc["in_use"] = in_use
        doc["refused"] = refusal or None
        doc["chain"] = [
            {k: _info_json(i)[k] for k in ("filename", "format", "virtual_size", "actual_size",
                                          "backing_file", "backing_format")}
            for i in chain
        ]
        print_json(doc)
        return 0
    say(f"image:        {info.filename}")
    say(f"format:       {info.format}")
    say(f"virtual size: {_size_text(info.virtual_size)}")
    say(f"disk size:    {_size_text(info.actual_size)}")
    if info.cluster_size:
        say(f"cluster size: {info.cluster_size}")
    if info.backing_file:
        fmt = info.backing_format or "NOT RECORDED: QEMU would have to guess it"
        say(f"backing file: {info.full_backing_filename or info.backing_file} ({fmt})")
    if in_use:
        say("in use:       yes, by a running VM (the numbers may be slightly out of date)")
    if info.dirty:
        say("warning:      the image was not closed cleanly; run 'kvmgui-cli img check' on it")
    if info.corrupt:
        say("warning:      QEMU marked this image as corrupt; run 'kvmgui-cli img check' on it")
    if refusal:
        say(f"refused:      {refusal}")
    if len(chain) > 1:
        say("backing chain:")
        for depth, link in enumerate(chain):
            say(f"  {'  ' * depth}{link.filename} ({link.format}, "
                  f"{format_size(link.virtual_size)})")
    if info.snapshots:
        say("snapshots:")
        for s in info.snapshots:
            memory = ", includes memory" if s.includes_memory else ""
            say(f"  {s.id:>3}  {s.name}  {s.date:%Y-%m-%d %H:%M:%S} UTC{memory}")
    return 0


async def cmd_chain(args: argparse.Namespace, ctx: CliContext) -> int:
    store = ctx.store()
    vms = store.load_all().vms
    try:
        # A VM's disk is read with the format its definition records, never probed.
        chain = await image_chain(args.image, fmt=usage.recorded_format(vms, args.image),
                                  qemu_img=ctx.settings.qemu_img_binary)
    except ImageError as err:
        raise CliError(err.message, details=err.details) from None
    owners = {os.path.realpath(link.filename): [vm.spec.name
                                                for vm in usage.owners(vms, link.filename)]
              for link in chain}
    dependents = image_dependents(store, Path(args.image))
    if args.json:
        print_json({
            "chain": [
                {"filename": link.filename, "format": link.format,
                 "virtual_size": link.virtual_size, "actual_size": link.actual_size,
                 "backing_file": link.backing_file, "backing_format": link.backing_format,
                 "vms": owners.get(os.path.realpath(link.filename), [])}
                for link in chain
            ],
            "dependents": dependents,
        })
        return 0
    for line in chain_lines(chain, owners, resolve=os.path.realpath):
        say(line)
    if len(chain) == 1:
        print("It has no base image.")
    if dependents:
        print(f"Linked clones built on it: {', '.join(dependents)}")
    return 0


def _info_json(info: ImageInfo) -> dict[str, Any]:
    return {
        "filename": info.filename,
        "format": info.format,
        "virtual_size": info.virtual_size,
        "actual_size": info.actual_size,
        "backing_file": info.backing_file,
        "backing_format": info.backing_format,
        "full_backing_filename": info.full_backing_filename,
        "dirty": info.dirty,
        "corrupt": info.corrupt,
        "cluster_size": info.cluster_size,
        "snapshots": [
            {
                "id": s.id,
                "name": s.name,
                "date": s.date.isoformat(),
                "vm_state_size": s.vm_state_size,
                "vm_clock": s.vm_clock,
                "includes_memory": s.includes_memory,
            }
            for s in info.snapshots
        ],
    }


# ------------------------------------------------------------------------------ jobs


def _default_target_format(dst: str) -> str:
    return "raw" if Path(dst).suffix.lower() in (".raw", ".img") else "qcow2"


async def cmd_convert(args: argparse.Namespace, ctx: CliContext) -> int:
    check_format("--from", args.src_format)
    check_image_path(args.src)
    if not args.dst.strip():
        raise CliError("An empty path was given for the new image: name it.", 2)
    to = args.to or _default_target_format(args.dst)
    if args.compress and to != "qcow2":
        raise CliError("Only qcow2 images can be compressed: use --to qcow2.", code=2)
    dst = Path(args.dst)
    if (dst.exists() or dst.is_symlink()) and not args.overwrite:
        raise CliError(f"{dst} already exists; choose another name or add --overwrite.")
    bar = progress_bar(args, f"Converting {Path(args.src).name}")
    job = convert_job(
        # A VM's disk is read with its recorded format unless --from says otherwise.
        args.src, args.dst, to=to, compress=args.compress,
        src_format=args.src_format or recorded_format(ctx, args.src),
        overwrite=args.overwrite, verify=args.verify, qemu_img=ctx.settings.qemu_img_binary,
        progress=bar, guard=write_guard(ctx),
    )
    print_result(await run_job(job, bar))
    return 0


def recorded_format(ctx: CliContext, image: str) -> str | None:
    """The format a VM's definition records for `image`, when the image is one of its disks.

    A VM's raw disk may carry a qcow2 header the guest wrote; letting qemu-img guess would then
    open the host file that header names. The definition is the truth, never the content.
    """

    return recorded(ctx.store().load_all().vms, image)


def write_guard(ctx: CliContext) -> WriteGuard:
    """What every command that writes a file asks first (runtime/write_guard.py): never a
    VM's disk, a base of linked clones, a file behind a mounted loop device, …"""
    return WriteGuard.for_store(ctx.store(), ctx.paths, qemu_img=ctx.settings.qemu_img_binary)


async def cmd_compress(args: argparse.Namespace, ctx: CliContext) -> int:
    check_image_path(args.image)
    bar = progress_bar(args, f"Compressing {Path(args.image).name}")
    job = compress_job(args.image, fmt=recorded_format(ctx, args.image),
                       qemu_img=ctx.settings.qemu_img_binary, progress=bar,
                       guard=write_guard(ctx))
    print_result(await run_job(job, bar))
    return 0


async def cmd_resize(args: argparse.Namespace, ctx: CliContext) -> int:
    qemu_img = ctx.settings.qemu_img_binary
    check_image_path(args.image)
    try:
        info = await image_info(args.image, fmt=recorded_format(ctx, args.image),
                                qemu_img=qemu_img)
    except ImageError as err:
        raise CliError(err.message, details=err.details) from None
    try:
        new = resolve_new_size(args.size, info.virtual_size)
    except SizeError as err:
        raise CliError(str(err), code=2) from None
    check_disk_size(new)
    if new < info.virtual_size:
        if not args.shrink:
            raise CliError(
                f"{format_size(new)} is smaller than the disk's current size "
                f"({format_size(info.virtual_size)}). Shrinking deletes everything beyond "
                f"{format_size(new)} on the disk; shrink the guest's partitions first, then "
                "add --shrink.",
                code=2,
            )
        verdict = await write_guard(ctx).check(args.image, intent=Intent.REWRITE)
        if not verdict.ok:
            raise CliError(verdict.message)
        print(f"warning: shrinking deletes everything beyond {format_size(new)} on the disk.",
              file=sys.stderr)
    bar = progress_bar(args, f"Resizing {Path(args.image).name}")
    job = resize_job(args.image, new, shrink=args.shrink, fmt=info.format, qemu_img=qemu_img,
                     progress=bar, guard=write_guard(ctx))
    print_result(await run_job(job, bar))
    return 0


async def cmd_check(args: argparse.Namespace, ctx: CliContext) -> int:
    check_image_path(args.image)
    try:
        result = await check_image(args.image, repair=args.repair,
                                   fmt=recorded_format(ctx, args.image),
                                   qemu_img=ctx.settings.qemu_img_binary)
    except ImageError as err:
        raise CliError(err.message, details=err.details) from None
    if args.json:
        print_json({
                "status": result.status.value,
                "message": result.message,
                "corruptions": result.corruptions,
                "leaks": result.leaks,
                "check_errors": result.check_errors,
                "allocated_clusters": result.allocated_clusters,
                "total_clusters": result.total_clusters,
                "image_end_offset": result.image_end_offset,
            })
    else:
        print(result.message)
        if result.status is CheckStatus.LEAKS:
            print(f"Repair with: kvmgui-cli img check --repair leaks {args.image}")
    return 0 if result.ok else 1


async def cmd_create(args: argparse.Namespace, ctx: CliContext) -> int:
    qemu_img = ctx.settings.qemu_img_binary
    size: int | None = None
    if args.size is not None:
        try:
            size = parse_size(args.size)
        except SizeError as err:
            raise CliError(str(err), code=2) from None
        check_disk_size(size)
    elif not args.backing:
        raise CliError("Give the new image's size, like 20G.", code=2)
    check_format("--backing-format", args.backing_format)
    backing_format = args.backing_format
    if args.backing and args.format != "qcow2":
        raise CliError("Only qcow2 images can have a backing file.", code=2)
    try:
        if args.backing and not backing_format:
            base = Path(args.backing)
            if not base.is_absolute():  # qemu-img resolves it against the new image's folder
                base = Path(args.path).parent / base
            check_image_path(str(base), "base image")
            # The base's format is learnt once here and recorded with -F, so QEMU never
            # probes it again when the overlay is used: a VM's disk has the format its
            # definition records, only an image the user brings is probed.
            backing_format = (await image_info(base, fmt=recorded_format(ctx, str(base)),
                                               qemu_img=qemu_img)).format
        if args.backing:  # the overlay's VMs will read the base and every base under it
            await checked_chain(args.path, args.format, base=args.backing,
                                base_format=backing_format, qemu_img=qemu_img)
        await create_image(args.path, args.format, size, backing=args.backing,
                           backing_format=backing_format, qemu_img=qemu_img)
        info = await image_info(args.path, fmt=args.format, qemu_img=qemu_img)
    except ImageError as err:
        raise CliError(err.message, details=err.details) from None
    text = f"Created {args.path} ({info.format}, {format_size(info.virtual_size)})"
    if args.backing:
        text += f" on top of {args.backing} ({backing_format})"
    print(text + ".")
    return 0


# ------------------------------------------------------------------------------ devices


async def cmd_devices(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        scan = await probe_block_devices()
    except ProbeError as err:
        raise CliError(err.message, details=err.details) from None
    devices = scan.devices if args.all else scan.offered
    if args.json:
        print_json({"devices": [_device_json(d) for d in devices]})
        return 0
    if not devices:
        print("No USB sticks, card readers or CD/DVD drives were found.")
        return 0
    for d in devices:
        kind = {"stick": "USB/removable", "optical": "CD/DVD drive"}.get(d.kind.value, "disk")
        names = ", ".join([d.path, *d.aliases])
        print(f"{names}  {kind}  {d.description}")
        if d.mounted:
            print(f"    mounted: {', '.join(d.mounted)}")
        if not d.usable:
            print(f"    not usable: {d.why_not}")
        elif d.note:
            print(f"    note: {d.note}")
    return 0


def _device_json(d: BlockDevice) -> dict[str, Any]:
    return {
        "path": d.path,
        "kind": d.kind.value,
        "size": d.size,
        "model": d.model,
        "vendor": d.vendor,
        "transport": d.transport,
        "removable": d.removable,
        "readonly": d.readonly,
        "mounted": list(d.mounted),
        "usable": d.usable,
        "why_not": d.why_not,
        "note": d.note,
        "aliases": list(d.aliases),
        "description": d.description,
    }
