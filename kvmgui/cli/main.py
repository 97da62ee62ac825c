"""`kvmgui-cli`: the same operations as the app, from a terminal.

Each group of commands lives in its own module with a `register(subparsers)` function that
adds sub-commands and sets `handler=` to a function `(args, ctx) -> int` (or a coroutine
function returning int). Exit codes: 0 success, 1 the operation failed, 2 bad usage
(argparse's own convention), 130/143/129 stopped by Ctrl+C, SIGTERM or SIGHUP, which cancel
the operation so that it undoes its unfinished work (cli/interrupts.py). Errors are one
readable line on stderr, never a traceback (`--debug` shows it for bug reports); a program's
own words (QEMU's, qemu-img's) follow under it, indented, with their control characters
escaped (kvmgui.cli.output).

When the reader of standard output goes away (`kvmgui-cli list | head -1`) the command ends
quietly with exit code 141, what a shell reports for a program killed by SIGPIPE, so that
`set -o pipefail` scripts see it as they see any other tool's. SIGPIPE itself stays ignored
(Python's default): an operation in progress, such as an image conversion, is ended by its
own clean-up code rather than killed half-way.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import inspect
import os
import select
import sys
import traceback
from collections.abc import Sequence

from kvmgui import __version__
from kvmgui.cli import commands, commands_connect
from kvmgui.cli.context import CliContext, CliError
from kvmgui.cli.interrupts import Stopper
from kvmgui.cli.output import print_details, terminal_safe

# 128 + SIGPIPE: the exit status of a program the closed pipe would have killed.
EXIT_BROKEN_PIPE = 141


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kvmgui-cli",
        description="Manage KVM/QEMU virtual machines from a terminal.",
    )
    parser.add_argument("--version", action="version", version=f"kvmgui {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    parser.add_argument("--connect", metavar="URI",
                        help="act on the VMs of a libvirt connection instead of kvmgui's own "
                             "(qemu:///system, qemu:///session, qemu+ssh://user@host/system); "
                             "for create, list, show, start, shutdown, kill, pause, resume, "
                             "reset and status")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in commands.MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        # Help and usage text go to a pipe too (kvmgui-cli --help | head).
        try:
            args = parser.parse_args(argv)
        except SystemExit:
            # argparse ignores a failed write of its text (and exits with its own code), but
            # what is still buffered would fail again at exit with an "Exception ignored" line.
            try:
                sys.stdout.flush()
            except BrokenPipeError:
                _silence_stdout()
            raise
        with Stopper() as stopper:
            try:
                return _run(args, stopper)
            except (KeyboardInterrupt, asyncio.CancelledError):
                return _stopped(stopper)
            except BrokenPipeError:
                raise
            except BaseException:
                if stopper.signum is not None:  # whatever the cancel turned into on its way up
                    return _stopped(stopper)
                raise
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE


def _stopped(stopper: Stopper) -> int:
    with contextlib.suppress(OSError):  # after SIGHUP the terminal may be gone
        print(f"kvmgui-cli: {stopper.sentence()}", file=sys.stderr)
    return stopper.exit_code


def _run(args: argparse.Namespace, stopper: Stopper) -> int:
    try:
        ctx = CliContext.from_environment()
        handler = args.handler
        if args.connect is not None:
            handler = commands_connect.handler_for(args)
        result = handler(args, ctx)
        if inspect.isawaitable(result):
            result = asyncio.run(stopper.run(result))
        sys.stdout.flush()
        return int(result or 0)
    except BrokenPipeError:
        if not _stdout_closed():
            return _unexpected(args, "a connection was closed while the command ran")
        raise
    except CliError as err:
        if stopper.signum is not None:
            raise
        print(f"kvmgui-cli: {terminal_safe(err.message)}", file=sys.stderr)
        print_details(err.details, err.details_heading)
        if "see the details" in err.message and not err.details.strip():
            print("Details:\n  (the program gave none)", file=sys.stderr)
        return err.code
    except Exception as err:  # the last line of defence: one line, not a traceback
        if stopper.signum is not None:
            raise
        return _unexpected(args, str(err))


def _unexpected(args: argparse.Namespace, what: str) -> int:
    if args.debug:
        traceback.print_exc()
    print(
        f"kvmgui-cli: unexpected error: {terminal_safe(what)} (run again with --debug for "
        "details)",
        file=sys.stderr,
    )
    return 1


def _stdout_closed() -> bool:
    """True when standard output is a pipe whose reader has gone (a BrokenPipeError may also
    come from a socket, which is a real error)."""
    try:
        fd = sys.stdout.fileno()
        poller = select.poll()
        poller.register(fd, 0)  # POLLERR and POLLHUP are always reported
        return any(ev & (select.POLLERR | select.POLLHUP) for _, ev in poller.poll(0))
    except (OSError, ValueError):
        return False


def _silence_stdout() -> None:
    """Point standard output and error at /dev/null, so the interpreter's final flush of what
    is still buffered does not fail with a second BrokenPipeError on the way out."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        for stream in (sys.stdout, sys.stderr):
            # A stream that is not a real file (a test's capture) is not flushed at exit.
            with contextlib.suppress(OSError, ValueError):
                os.dup2(devnull, stream.fileno())
    finally:
        os.close(devnull)


if __name__ == "__main__":
    sys.exit(main())
