"""`kvmgui-cli`: the same operations as the app, from a terminal.

Each group of commands lives in its own module with a `register(subparsers)` function that
adds sub-commands and sets `handler=` to a function `(args, ctx) -> int` (or a coroutine
function returning int). Exit codes: 0 success, 1 the operation failed, 2 bad usage
(argparse's own convention), 130/143/129 stopped by Ctrl+C, SIGTERM or SIGHUP, which cancel
the operation so that it undoes its unfinished work (cli/interrupts.py). Errors are one
readable line on stderr, never a traceback (`--debug` shows it for bug reports).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import inspect
import sys
import traceback
from collections.abc import Sequence

from kvmgui import __version__
from kvmgui.cli import commands
from kvmgui.cli.context import CliContext, CliError
from kvmgui.cli.interrupts import Stopper


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kvmgui-cli",
        description="Manage KVM/QEMU virtual machines from a terminal.",
    )
    parser.add_argument("--version", action="version", version=f"kvmgui {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in commands.MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    with Stopper() as stopper:
        try:
            return _run(args, stopper)
        except (KeyboardInterrupt, asyncio.CancelledError):
            return _stopped(stopper)
        except BaseException:
            if stopper.signum is not None:  # whatever the cancel turned into on its way up
                return _stopped(stopper)
            raise


def _stopped(stopper: Stopper) -> int:
    with contextlib.suppress(OSError):  # after SIGHUP the terminal may be gone
        print(f"kvmgui-cli: {stopper.sentence()}", file=sys.stderr)
    return stopper.exit_code


def _run(args: argparse.Namespace, stopper: Stopper) -> int:
    try:
        ctx = CliContext.from_environment()
        result = args.handler(args, ctx)
        if inspect.isawaitable(result):
            result = asyncio.run(stopper.run(result))
        return int(result or 0)
    except CliError as err:
        if stopper.signum is not None:
            raise
        print(f"kvmgui-cli: {err.message}", file=sys.stderr)
        return err.code
    except Exception as err:  # the last line of defence: one line, not a traceback
        if stopper.signum is not None:
            raise
        if args.debug:
            traceback.print_exc()
        print(
            f"kvmgui-cli: unexpected error: {err} (run again with --debug for details)",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
