"""Running VMs: start, pause, resume, shutdown, kill, reset, status, screenshot, send-key,
type, eject, insert, serial, display.

Every command is a short-lived client: it attaches to the VM over the VM's second monitor
socket (qmp-cli.sock), so it works while the app holds the first one, does its job and lets
go; the VM keeps running. `start` launches QEMU itself (detached, so it outlives the command).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import stat
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any, BinaryIO

from kvmgui.cli.context import CliContext, CliError
from kvmgui.cli.output import (
    TerminalStream,
    add_json_option,
    print_details,
    print_json,
    terminal_safe,
)
from kvmgui.core.keyboard import EscapeError, unescape
from kvmgui.core.model import KeyboardLayout
from kvmgui.runtime.controller import VmController
from kvmgui.runtime.events import RuntimeEvent, StateChanged
from kvmgui.runtime.launch import INVALID_DEFINITION
from kvmgui.runtime.manager import ManagerError, VmManager
from kvmgui.runtime.outcome import Outcome
from kvmgui.runtime.process import ProcessWatch, find_vm_pid
from kvmgui.runtime.state import VmState
from kvmgui.runtime.stats import CpuMeter, process_uptime, read_proc_times, read_rss, system_uptime
from kvmgui.runtime.viewer import ExternalViewer, open_external_viewer
from kvmgui.runtime.write_guard import WriteGuard

CPU_SAMPLE_S = 0.5
Handler = Callable[[argparse.Namespace, CliContext], Awaitable[int]]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    def add(name: str, handler: Callable[[argparse.Namespace, CliContext], Awaitable[int]],
            help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text[0].upper() + help_text[1:]
                           + ".")
        p.add_argument("name", metavar="NAME", help="the VM's name")
        p.set_defaults(handler=handler)
        return p

    p = add("start", cmd_start, "start a VM (it keeps running after this command ends)")
    p.add_argument("--wait", action="store_true",
                   help="stay until the VM stops, printing its state changes (exit code 0 "
                        "when it shut down, 1 when it crashed)")
    add("pause", cmd_pause, "pause a running VM (it keeps its memory)")
    add("resume", cmd_resume, "resume a paused VM")
    p = add("shutdown", cmd_shutdown, "ask a VM to shut down (ACPI power button) and wait")
    p.add_argument("--timeout", type=float, metavar="S",
                   help="seconds to wait for the guest to power off (default: the setting "
                        "shutdown_timeout_s; 0: only ask)")
    p.add_argument("--force", action="store_true",
                   help="force the VM off if it has not shut down within the timeout")
    add("kill", cmd_kill, "force a VM off at once (like pulling the plug)")
    add("reset", cmd_reset, "reset a VM (like pressing its reset button)")
    p = add("status", cmd_status, "show a VM's state, resource use and display address")
    add_json_option(p)
    p = add("screenshot", cmd_screenshot, "save a PNG picture of a VM's screen")
    p.add_argument("file", metavar="FILE", help="where to save the PNG (a new file)")
    p.add_argument("--overwrite", action="store_true",
                   help="replace FILE if it exists (never a VM's disk or another image a VM "
                        "needs)")
    p = add("send-key", cmd_send_key, "press keys in a VM, e.g. ctrl-alt-delete")
    p.add_argument("keys", metavar="KEYS", nargs="+",
                   help="key combinations, keys joined with '-' (ctrl-alt-delete, alt-f2, ret)")
    p = add("type", cmd_type, "type text into a running VM as key presses (any guest: "
            "firmware, installers, consoles)")
    p.add_argument("text", metavar="TEXT",
                   help="the text; \\n presses Enter, \\t Tab, \\\\ types one backslash "
                        "(another backslash is an error); '-' reads the text from standard "
                        "input as it is, without escapes")
    p.add_argument("--layout", choices=[layout.value for layout in KeyboardLayout],
                   help="the keyboard layout the guest uses (default: the VM's setting "
                        "keyboard_layout)")
    p.epilog = ("Characters the layout cannot type are refused before any key is pressed "
                "(exit code 1); a malformed escape is a usage error (exit code 2).")
    p = add("eject", cmd_eject, "eject the CD/DVD from a running VM")
    p.add_argument("--force", action="store_true",
                   help="eject even if the guest has locked the tray")
    p = add("insert", cmd_insert,
            "put an ISO image or a host CD/DVD drive's disc into a running VM's CD/DVD drive")
    p.add_argument("iso", metavar="ISO_OR_DRIVE", help="an ISO image, or a drive such as /dev/sr0")
    p.add_argument("--force", action="store_true",
                   help="change the disc even if the guest has locked the tray")
    p = add("serial", cmd_serial, "print a VM's serial console log")
    p.add_argument("--follow", "-f", action="store_true",
                   help="keep printing new output until the VM stops (Ctrl-C to quit)")
    p = add("display", cmd_display, "print the address a viewer (remote-viewer) connects to")
    p.add_argument("--open", action="store_true",
                   help="open the display in remote-viewer (a VNC display stays open while "
                        "this command runs)")


@contextlib.asynccontextmanager
async def attached(ctx: CliContext, name: str) -> AsyncIterator[tuple[VmManager, VmController]]:
    """The VM's controller, attached over the CLI monitor; always let go at the end."""
    manager = ctx.manager()
    try:
        try:
            controller = await manager.attach_one(name)
        except ManagerError as err:
            raise CliError(str(err)) from None
        yield manager, controller
    finally:
        await manager.close()


def report(outcome: Outcome[object]) -> int:
    """Print an outcome: the message on stdout, or fail with it (and QEMU's words under it)."""
    if outcome.ok:
        print(terminal_safe(outcome.message))
        return 0
    # An unapproved definition's list is what `kvmgui-cli approve` shows, not QEMU's words; a
    # start refused for the definition's own problems lists them; other details are QEMU's.
    if outcome.code == "unapproved":
        raise CliError(outcome.message)
    heading = "Problems:" if outcome.code == INVALID_DEFINITION else "QEMU said:"
    raise CliError(outcome.message, details=outcome.details, details_heading=heading)


async def cmd_start(args: argparse.Namespace, ctx: CliContext) -> int:
    async with attached(ctx, args.name) as (manager, vm):
        outcome = await vm.start()
        report(outcome)
        status = vm.status()
        if status.display:
            print(f"Display: {status.display}")
        print(f"Serial console log: {vm.stored.folder.serial_log}")
        if not args.wait:
            return 0
        return await _wait_until_stopped(manager, vm)


async def _wait_until_stopped(manager: VmManager, vm: VmController) -> int:
    done = asyncio.Event()

    def on_event(event: RuntimeEvent) -> None:
        if isinstance(event, StateChanged) and event.vm_id == vm.vm_id:
            line = f"{time.strftime('%H:%M:%S')} {event.state.value}"
            reason = terminal_safe(event.reason)
            print(line + (f": {reason}" if reason else ""), flush=True)
            if not event.state.is_active and vm.pid is None:
                done.set()

    unsubscribe = manager.subscribe(on_event)
    try:
        if vm.pid is not None:
            await done.wait()
    finally:
        unsubscribe()
    return 1 if vm.state is VmState.CRASHED else 0


def _one_step(step: Callable[[VmController], Awaitable[Outcome]]) -> Handler:
    """A command that does one step on a running VM and reports its outcome."""

    async def handler(args: argparse.Namespace, ctx: CliContext) -> int:
        async with attached(ctx, args.name) as (_, vm):
            return report(await step(vm))

    return handler


cmd_pause = _one_step(lambda vm: vm.pause())
cmd_resume = _one_step(lambda vm: vm.resume())
cmd_kill = _one_step(lambda vm: vm.force_off())
cmd_reset = _one_step(lambda vm: vm.reset())

MAX_TIMEOUT_S = 24 * 3600


async def cmd_shutdown(args: argparse.Namespace, ctx: CliContext) -> int:
    timeout = args.timeout
    if timeout is not None and not 0 <= timeout <= MAX_TIMEOUT_S:  # NaN fails both
        raise CliError(f"--timeout must be a number of seconds from 0 (only ask) to "
                       f"{MAX_TIMEOUT_S}, such as 60.", 2)
    async with attached(ctx, args.name) as (_, vm):
        return report(await vm.shutdown(args.timeout, force=args.force))


async def cmd_screenshot(args: argparse.Namespace, ctx: CliContext) -> int:
    guard = WriteGuard.for_store(ctx.store(), ctx.paths, qemu_img=ctx.settings.qemu_img_binary)
    async with attached(ctx, args.name) as (_, vm):
        outcome = await vm.screenshot(Path(args.file), overwrite=args.overwrite, guard=guard)
        if outcome.code == "exists":
            raise CliError(f"{args.file} already exists; choose another name or add "
                           "--overwrite.")
        return report(outcome)


async def cmd_send_key(args: argparse.Namespace, ctx: CliContext) -> int:
    async with attached(ctx, args.name) as (_, vm):
        return report(await vm.send_keys(args.keys))


async def cmd_type(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.text == "-":
        text = sys.stdin.read()
    else:
        try:
            text = unescape(args.text)
        except EscapeError as exc:
            raise CliError(exc.message, 2) from None
    layout = KeyboardLayout(args.layout) if args.layout else None
    async with attached(ctx, args.name) as (_, vm):
        return report(await vm.type_text(text, layout=layout))


async def cmd_eject(args: argparse.Namespace, ctx: CliContext) -> int:
    async with attached(ctx, args.name) as (_, vm):
        return report(await vm.eject(force=args.force))


async def cmd_insert(args: argparse.Namespace, ctx: CliContext) -> int:
    async with attached(ctx, args.name) as (_, vm):
        return report(await vm.change_cd(Path(args.iso), force=args.force))


async def cmd_display(args: argparse.Namespace, ctx: CliContext) -> int:
    async with attached(ctx, args.name) as (_, vm):
        if args.open:
            return await _open_display(vm)
        outcome = await vm.display_address()
        if not outcome.ok:
            return report(outcome)
        print(outcome.value)
        password = vm.display_password()
        if password:
            # On stderr, so scripts reading the address from stdout never log it by accident.
            print(f"Display password: {password}", file=sys.stderr)
        if sys.stdout.isatty():
            print(f"Open it with: remote-viewer {outcome.value}", file=sys.stderr)
        return 0


async def _open_display(vm: VmController) -> int:
    outcome = await open_external_viewer(vm, vm.name)
    if not outcome.ok:
        raise CliError(outcome.message, details=outcome.details)
    print(terminal_safe(outcome.message))
    shown = outcome.value
    if isinstance(shown, ExternalViewer) and shown.relay is not None:
        # kvmgui relays this VNC display to the viewer: stay until the viewer is closed.
        print("The viewer is open; close it (or press Ctrl-C) to end this command.",
              file=sys.stderr)
        try:
            await shown.wait()
        except asyncio.CancelledError:
            await shown.terminate()
            raise
    return 0


async def cmd_status(args: argparse.Namespace, ctx: CliContext) -> int:
    async with attached(ctx, args.name) as (_, vm):
        data = await status_dict(vm)
    if args.json:
        print_json(data)
        return 0
    print(f"{terminal_safe(data['name'])}: {data['state']}")
    if data["reason"]:
        print(f"  {terminal_safe(data['reason'])}")
    if data["pid"] is not None:
        print(f"  pid {data['pid']}, up {_duration(data['uptime_s'])}, "
              f"accelerator {data['accelerator'] or 'unknown'}")
        cpu = data["cpu_percent"]
        mem = data["memory_bytes"]
        print(f"  CPU {cpu:.0f} %" if cpu is not None else "  CPU unknown", end="")
        print(f", memory {mem / 2**20:.0f} MiB" if mem is not None else "")
        if data["display"]:
            print(f"  display {data['display']}")
    if data["details"]:
        print_details(str(data["details"]), "  QEMU said:", file=sys.stdout, indent="    ")
    return 0


async def status_dict(vm: VmController) -> dict[str, Any]:
    status = vm.status()
    data: dict[str, Any] = {
        "name": status.name,
        "id": status.vm_id,
        "state": status.state.value,
        "reason": status.reason,
        "details": status.details,
        "pid": status.pid,
        "qmp_status": status.qmp_status,
        "uptime_s": None,
        "accelerator": status.accel,
        "display": status.display,
        "cpu_percent": None,
        "memory_bytes": None,
    }
    pid = status.pid
    if pid is None:
        return data
    accel = await vm.query_accel()
    if accel:
        data["accelerator"] = accel
    meter = CpuMeter()
    first = read_proc_times(pid)
    if first is not None:
        meter.update(pid, first, time.monotonic())
        await asyncio.sleep(CPU_SAMPLE_S)
        second = read_proc_times(pid)
        if second is not None:
            cpu = meter.update(pid, second, time.monotonic())
            data["cpu_percent"] = None if cpu is None else round(cpu, 1)
            uptime = process_uptime(second, system_uptime())
            data["uptime_s"] = None if uptime is None else round(uptime, 1)
    data["memory_bytes"] = read_rss(pid)
    return data


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "?"
    s = int(seconds)
    if s < 120:
        return f"{s} s"
    if s < 7200:
        return f"{s // 60} min"
    return f"{s // 3600} h {s % 3600 // 60} min"


async def cmd_serial(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        vm = ctx.store().get(args.name)
    except Exception as err:
        raise CliError(str(err)) from None
    path = vm.folder.serial_log
    # The guest writes this log: on a terminal its escape sequences would drive the user's
    # terminal, so they are shown escaped (kvmgui.cli.output).
    log = _LogCopy(path, sys.stdout.buffer)
    log.copy_new()
    if not args.follow:
        log.finish()
        if log.position == 0 and not path.exists():
            print(f"{_quoted(vm.spec.name)} has no serial console log yet (it is written while "
                  "the VM runs).", file=sys.stderr)
        return 0
    pid = find_vm_pid(ctx.paths.vm_runtime(vm.spec.id))
    watch = ProcessWatch(pid) if pid is not None else None
    if watch is None:
        log.finish()
        print(f"({_quoted(vm.spec.name)} is not running.)", file=sys.stderr)
        return 0
    watch.start()
    try:
        # A file has no change notification without inotify: read new bytes a few times a
        # second (cheap), and stop once the VM's QEMU has exited.
        while not watch.exited:
            await asyncio.sleep(0.2)
            log.copy_new()
        log.copy_new()
        log.finish()
    finally:
        watch.close()
    return 0


def _quoted(name: str) -> str:
    return f"'{terminal_safe(name)}'"


class _LogCopy:
    """Copies what a growing log file gained since the last call, a chunk at a time, so a log
    of hundreds of megabytes never sits in memory whole."""

    CHUNK = 1 << 16

    def __init__(self, path: Path, out: BinaryIO) -> None:
        self.path = path
        self.out = out
        self.position = 0
        self.stream = TerminalStream()

    def copy_new(self) -> None:
        try:
            # Non-blocking and checked, so a FIFO put in the log's place cannot hang us.
            fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        except OSError:
            return
        with open(fd, "rb", closefd=True) as f:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                return
            if st.st_size < self.position:  # a new run truncated the log
                self.position = 0
            f.seek(self.position)
            while True:
                try:
                    chunk = f.read(self.CHUNK)
                except OSError:
                    break
                if not chunk:
                    break
                self.position += len(chunk)
                self.out.write(self.stream.feed(chunk))
        self.out.flush()

    def finish(self) -> None:
        self.out.write(self.stream.finish())
        self.out.flush()
