"""`kvmgui-cli live DEVICE_OR_IMAGE`: boot a USB stick (or an image of one) in a throwaway VM.

The VM has no hard disk and the stick is protected (the guest's writes never reach it) unless
`--unprotected --i-understand-writes` is given. While it runs it is listed and controlled like
any VM (status, display, serial, kill); it disappears when it stops. By default the command
stays until then (holding no monitor, so the other commands and the app can use it; Ctrl-C
turns the VM off); with --no-wait it returns once the VM runs.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
import time

from kvmgui.cli.context import CliContext, CliError
from kvmgui.cli.output import cli_command, terminal_safe
from kvmgui.core.limits import MIN_MEMORY_MIB
from kvmgui.runtime.live import (
    DEFAULT_MEMORY_MIB,
    LiveError,
    LiveVm,
    check_source,
    finish,
    live_spec,
    start_live,
    unprotected_warning,
)
from kvmgui.runtime.process import ProcessWatch
from kvmgui.runtime.runfiles import read_last_exit
from kvmgui.runtime.state import VmState

LAST_EXIT_WAIT_S = 2.0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "live", help="boot a USB stick (or an .img/.iso file) in a throwaway VM",
        description="Boot a USB stick, or an image file (.img, .iso) standing in for one, in a "
                    "throwaway VM with no hard disk. The stick is protected: the guest's writes "
                    "never reach it. The VM disappears when it stops.")
    p.add_argument("source", metavar="DEVICE_OR_IMAGE",
                   help="a USB stick such as /dev/sdb (see 'kvmgui-cli devices') or an image")
    p.add_argument("--memory", type=int, metavar="MIB", default=DEFAULT_MEMORY_MIB,
                   help=f"memory in MiB (default {DEFAULT_MEMORY_MIB})")
    p.add_argument("--unprotected", action="store_true",
                   help="let the guest write to the stick (needs --i-understand-writes)")
    p.add_argument("--i-understand-writes", action="store_true",
                   help="confirm --unprotected: the guest may change or damage the stick")
    p.add_argument("--no-wait", action="store_true",
                   help="return once the VM runs (it still disappears when it stops)")
    p.set_defaults(handler=cmd_live)


async def cmd_live(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.unprotected and not args.i_understand_writes:
        raise CliError("--unprotected lets the guest write to the stick and may damage what is "
                       "on it: add --i-understand-writes to confirm.", 2)
    if args.memory < MIN_MEMORY_MIB:
        raise CliError(f"The memory size must be at least {MIN_MEMORY_MIB} MiB.", 2)
    try:
        source = await check_source(args.source, writable=args.unprotected)
    except LiveError as err:
        raise CliError(str(err)) from None
    if args.unprotected:
        print("warning: " + unprotected_warning(source.path), file=sys.stderr)
    spec = live_spec(source, memory_mib=args.memory, protected=not args.unprotected)
    manager = ctx.manager()
    try:
        live, outcome = await start_live(manager, spec)
        if live is None:
            raise CliError(outcome.message, details=outcome.details,
                           details_heading="QEMU said:")
        vm = live.controller
        name, pid = vm.name, vm.pid
        print(f"Started the throwaway VM '{name}' booting {source.description}"
              f"{'' if args.unprotected else ' (protected: its writes are thrown away)'}.")
        status = vm.status()
        if status.display:
            print(f"Display: {status.display}")
        print(f"Serial console log: {vm.stored.folder.serial_log}")
        print(f"It disappears when it stops; turn it off with: {cli_command('kill', name)}",
              flush=True)
    finally:
        # Let go of the VM's monitor: while we wait, `kvmgui-cli status/kill` and the app use it.
        await manager.close()
    if args.no_wait or pid is None:
        live.release()
        return 0
    return await _wait(ctx, live, pid)


async def _wait(ctx: CliContext, live: LiveVm, pid: int) -> int:
    """Stay until the VM's QEMU ends (Ctrl-C turns it off), then remove it."""
    run = ctx.paths.vm_runtime(live.stored.spec.id)
    watch = ProcessWatch(pid)
    try:
        await watch.wait()
    except asyncio.CancelledError:
        # Ctrl-C: the VM belongs to this command, so it goes with it.
        with contextlib.suppress(Exception):
            await asyncio.shield(_turn_off(ctx, live.stored.spec.id))
        finish(live.stored, live.owner, ctx.paths)
        raise
    finally:
        watch.close()
    # A program that stopped it (kvmgui-cli kill, the app) writes how it ended right after.
    deadline = time.monotonic() + LAST_EXIT_WAIT_S
    while (last := read_last_exit(run)) is None and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    finish(live.stored, live.owner, ctx.paths)
    name = live.stored.spec.name
    reason = terminal_safe(last.reason) if last is not None else ""
    print(f"{time.strftime('%H:%M:%S')} '{name}' stopped" + (f": {reason}" if reason else "."))
    return 1 if last is not None and last.state == VmState.CRASHED.value else 0


async def _turn_off(ctx: CliContext, vm_id: str) -> None:
    manager = ctx.manager()
    try:
        vm = await manager.attach_one(vm_id)
        await vm.force_off()
    finally:
        await manager.close()
