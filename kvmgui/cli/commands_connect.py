"""`kvmgui-cli --connect URI COMMAND`: create, list, show, start, shutdown, kill, pause,
resume, reset and status on the domains of a libvirt connection (qemu:///system, qemu:///session,
qemu+ssh://user@host/system), with the output, exit codes and one-line errors of the same
commands on kvmgui's own VMs. Every libvirt call is the runtime's
(kvmgui.runtime.libvirt_conn); this module only prints.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from kvmgui.cli.commands_define import created_spec, report_problems
from kvmgui.cli.commands_img import progress_bar
from kvmgui.cli.context import CliContext, CliError
from kvmgui.cli.output import print_json, say, terminal_safe
from kvmgui.core.model import Cdrom, CdromSource
from kvmgui.core.sizes import format_size
from kvmgui.core.validation import validate_name
from kvmgui.runtime.libvirt_conn import (
    DomainInfo,
    DomainStateChanged,
    LibvirtConnection,
    sample_status,
)
from kvmgui.runtime.libvirt_create import create_on_host
from kvmgui.runtime.libvirt_errors import LibvirtError
from kvmgui.runtime.outcome import Outcome
from kvmgui.runtime.state import VmState

DETAILS_HEADING = "libvirt said:"
MAX_TIMEOUT_S = 24 * 3600
Handler = Callable[[argparse.Namespace, CliContext], Awaitable[int]]


@contextlib.asynccontextmanager
async def connected(uri: str) -> AsyncIterator[LibvirtConnection]:
    """The open connection to `uri`, closed at the end; its failure is one line."""
    try:
        connection = await LibvirtConnection.open(uri)
    except LibvirtError as err:
        raise _cli_error(err) from None
    try:
        yield connection
    except LibvirtError as err:
        raise _cli_error(err) from None
    finally:
        await connection.close()


def _cli_error(err: LibvirtError) -> CliError:
    return CliError(err.message, details=err.details, details_heading=DETAILS_HEADING)


def report(outcome: Outcome[object]) -> int:
    if outcome.ok:
        print(terminal_safe(outcome.message))
        return 0
    raise CliError(outcome.message, details=outcome.details, details_heading=DETAILS_HEADING)


def _row(info: DomainInfo, uri: str) -> dict[str, Any]:
    # The keys of `kvmgui-cli list --json` for kvmgui's own VMs, and what libvirt adds.
    return {
        "name": info.name,
        "id": info.uuid,
        "os": None,
        "memory_mib": info.max_memory_bytes // 2**20,
        "cpus": info.vcpus,
        "running": info.state.is_active,
        "folder": None,
        "throwaway": False,
        "state": info.state.value,
        "persistent": info.persistent,
        "uri": uri,
    }


async def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    async with connected(args.connect) as connection:
        rows = [_row(info, connection.uri) for info in await connection.domains()]
    if args.json:
        print_json({"vms": rows, "errors": []})
        return 0
    if not rows:
        say(f"No VMs on {args.connect}.")
    for r in rows:
        kind = "libvirt"
        say(f"{r['name']:<24} {r['state']:<8} {kind:<12} {r['memory_mib']:>6} MiB  "
            f"{r['cpus']} CPU")
    return 0


async def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    async with connected(args.connect) as connection:
        info = await connection.domain(args.name)
    data = {
        "name": info.name,
        "id": info.uuid,
        "memory_mib": info.max_memory_bytes // 2**20,
        "cpus": info.vcpus,
        "accel": info.domain_type,
        "state": info.state.value,
        "persistent": info.persistent,
        "autostart": info.autostart,
    }
    if args.json:
        print_json({"uri": args.connect, "folder": None, "definition": data})
        return 0
    say(f"Name:      {info.name}")
    say(f"UUID:      {info.uuid}")
    say(f"Libvirt:   {args.connect}")
    say(f"Memory:    {data['memory_mib']} MiB    CPUs: {info.vcpus}    Accelerator: "
        f"{info.domain_type or 'unknown'}")
    say(f"State:     {info.state.value}    Persistent: {'yes' if info.persistent else 'no'}"
        f"    Autostart: {'on' if info.autostart else 'off'}")
    return 0


async def cmd_start(args: argparse.Namespace, ctx: CliContext) -> int:
    async with connected(args.connect) as connection:
        if not args.wait:
            return report(await connection.start(args.name))
        # Listen before starting, so no state change of the run is missed.
        stopped: list[VmState] = []
        lines: list[str] = []

        def on_change(change: DomainStateChanged) -> None:
            if change.name != args.name or change.state is None:
                return
            lines.append(change.state.value)
            print(f"{time.strftime('%H:%M:%S')} {change.state.value}", flush=True)

        unsubscribe = connection.subscribe(on_change)
        try:
            report(await connection.start(args.name))
            reached = await connection.wait_for_state(
                args.name, {VmState.STOPPED, VmState.CRASHED}, None)
            if reached is not None:
                stopped.append(reached)
        finally:
            unsubscribe()
    return 1 if stopped and stopped[0] is VmState.CRASHED else 0


def _one_step(step: Callable[[LibvirtConnection, str], Awaitable[Outcome]]) -> Handler:
    async def handler(args: argparse.Namespace, ctx: CliContext) -> int:
        async with connected(args.connect) as connection:
            return report(await step(connection, args.name))

    return handler


cmd_pause = _one_step(lambda c, name: c.pause(name))
cmd_resume = _one_step(lambda c, name: c.resume(name))
cmd_kill = _one_step(lambda c, name: c.force_off(name))
cmd_reset = _one_step(lambda c, name: c.reset(name))


async def cmd_shutdown(args: argparse.Namespace, ctx: CliContext) -> int:
    timeout = args.timeout
    if timeout is not None and not 0 <= timeout <= MAX_TIMEOUT_S:  # NaN fails both
        raise CliError(f"--timeout must be a number of seconds from 0 (only ask) to "
                       f"{MAX_TIMEOUT_S}, such as 60.", 2)
    if timeout is None:
        timeout = float(ctx.settings.shutdown_timeout_s)
    async with connected(args.connect) as connection:
        return report(await connection.shutdown(args.name, timeout, force=args.force))


async def cmd_status(args: argparse.Namespace, ctx: CliContext) -> int:
    async with connected(args.connect) as connection:
        status = await sample_status(connection, args.name)
    info = status.info
    active = info.state.is_active
    data: dict[str, Any] = {
        "name": info.name,
        "id": info.uuid,
        "state": info.state.value,
        "reason": "",
        "details": "",
        "pid": None,
        "qmp_status": None,
        "uptime_s": None,
        "accelerator": info.domain_type or None,
        "display": None,
        "cpu_percent": status.cpu_percent,
        "memory_bytes": info.memory_bytes if active else None,
        "uri": args.connect,
    }
    if args.json:
        print_json(data)
        return 0
    print(f"{terminal_safe(info.name)}: {info.state.value}")
    if active:
        print(f"  on {terminal_safe(args.connect)}, accelerator {data['accelerator'] or 'unknown'}")
        cpu = data["cpu_percent"]
        print(f"  CPU {cpu:.0f} %" if cpu is not None else "  CPU unknown", end="")
        print(f", memory {info.memory_bytes / 2**20:.0f} MiB")
    return 0


# create's options that name something of this computer (or matter to it only).
_LOCAL_ONLY = (("disk", "--disk"), ("cdrom", "--cdrom"), ("usb_stick", "--usb-stick"),
               ("share", "--share"), ("share_ro", "--share-ro"), ("usb_device", "--usb-device"),
               ("forward", "--forward"), ("extra_args", "--extra-args"),
               ("keyboard_layout", "--keyboard-layout"))


async def cmd_create(args: argparse.Namespace, ctx: CliContext) -> int:
    given = [option for attr, option in _LOCAL_ONLY if getattr(args, attr) is not None]
    if given:
        raise CliError(f"{' and '.join(given)} act on this computer and cannot be used with "
                       "--connect; a VM on a libvirt host gets a new disk in a storage pool "
                       "and an ISO of the host (--iso) or one uploaded (--upload-iso).", 2)
    if args.upload_iso is not None and args.iso is not None:
        raise CliError("Give --iso (an ISO of the host) or --upload-iso (one of this "
                       "computer), not both.", 2)
    report_problems(validate_name(args.name, ()))  # the host's own names: create_on_host
    iso, args.iso = args.iso, None  # a path or volume of the host, never made absolute here
    spec = created_spec(args)
    if iso:
        spec = replace(spec, cdrom=Cdrom(CdromSource.ISO, iso))
    upload = Path(args.upload_iso).expanduser() if args.upload_iso else None
    if upload is not None and not upload.is_file():
        raise CliError(f"--upload-iso: {upload} is not a file of this computer.", 2)
    bar = progress_bar(args, f"Uploading {upload.name}" if upload else "")

    def shown(fraction: float, _what: str) -> None:
        # Only the upload takes long enough to be worth a percentage.
        if upload is not None and fraction <= 1:
            bar.show(100 * fraction)

    try:
        async with connected(args.connect) as connection:
            created = await create_on_host(connection, spec, pool=args.pool,
                                           upload_iso=upload, progress=shown)
    finally:
        bar.clear()
    uri = terminal_safe(args.connect)
    say(f"Created VM '{created.name}' on {uri} ({created.domain_type}).")
    for volume, disk in zip(created.disks, spec.disks, strict=True):
        say(f"  disk {volume.path} ({format_size(disk.size_bytes or 0)}, {disk.format}, "
            f"pool {volume.pool})")
    if created.iso is not None:
        say(f"  CD/DVD {created.iso.path} (pool {created.iso.pool})")
    for warning in created.warnings:
        print(f"warning: {terminal_safe(warning)}", file=sys.stderr)
    say(f"Start it with: kvmgui-cli --connect {uri} start {created.name}")
    return 0


HANDLERS: dict[str, Handler] = {
    "create": cmd_create,
    "list": cmd_list,
    "show": cmd_show,
    "start": cmd_start,
    "shutdown": cmd_shutdown,
    "kill": cmd_kill,
    "pause": cmd_pause,
    "resume": cmd_resume,
    "reset": cmd_reset,
    "status": cmd_status,
}


def handler_for(args: argparse.Namespace) -> Handler:
    """The handler of `args.command` on a libvirt connection, or a usage error."""
    handler = HANDLERS.get(args.command)
    if handler is None:
        raise CliError(f"--connect works with {', '.join(sorted(HANDLERS))}; "
                       f"'{args.command}' acts on kvmgui's own VMs only.", 2)
    return handler


