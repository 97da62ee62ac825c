"""Printing text the CLI does not control (QEMU's words, the guest's serial output, runtime
files) without letting it drive the user's terminal, and quoting names in commands to copy.

A guest, or whoever edited a runtime file, can put terminal control sequences in that text:
ESC sequences that move the cursor, rewrite the title, hide lines, or (on some terminals)
answer back as typed input; a carriage return that overprints a line; bidi overrides that
make text read in another order. Every such character is shown as a visible escape
(\\x1b, \\r, \\u202e) instead. Newlines and tabs stay where the text is meant to be several
lines (details, the serial log); a one-line message escapes them too.
"""

from __future__ import annotations

import argparse
import codecs
import json
import shlex
import sys
from collections.abc import Callable
from typing import TextIO

# What every command prints that it did not write itself goes through this.
from kvmgui.core.printable import escape_controls

terminal_safe = escape_controls


class TerminalStream:
    """Bytes from an untrusted stream (the serial console) made safe for a terminal, chunk by
    chunk: UTF-8 is decoded across chunk boundaries, bytes that are not UTF-8 are shown as
    \\xNN, and a CR right before LF (a serial console's line end) is dropped, not escaped."""

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="backslashreplace")
        self._pending_cr = False

    def feed(self, data: bytes, *, final: bool = False) -> bytes:
        text = self._decoder.decode(data, final=final)
        if self._pending_cr:
            text = "\r" + text
            self._pending_cr = False
        if text.endswith("\r") and not final:
            # Its LF may be in the next chunk.
            text = text[:-1]
            self._pending_cr = True
        text = text.replace("\r\n", "\n")
        return terminal_safe(text, multiline=True).encode("utf-8")

    def finish(self) -> bytes:
        return self.feed(b"", final=True)


def print_details(details: str, heading: str = "Details:", file: TextIO | None = None,
                  indent: str = "  ") -> None:
    """Untrusted details (QEMU's or qemu-img's own words) under a heading, indented."""
    out = file if file is not None else sys.stderr
    lines = details.rstrip().splitlines()
    if not lines:
        return
    print(heading, file=out)
    for line in lines:
        print(f"{indent}{terminal_safe(line, multiline=True)}", file=out)


def cli_command(command: str, *names: str, options: tuple[str, ...] = ()) -> str:
    """A `kvmgui-cli COMMAND [OPTIONS] NAMES` line to copy into a shell: every word quoted as
    the shell needs, and a `--` before the names when one starts with '-' so it is not read as
    an option (a VM may be called '-x2')."""
    words = ["kvmgui-cli", *command.split(), *options]
    if any(n.startswith("-") for n in names):
        words.append("--")
    words += names
    return " ".join(shlex.quote(terminal_safe(w)) for w in words)


def say(line: str) -> None:
    """Print one line of output that quotes untrusted text (names and paths from a definition
    or an image header, snapshot names), its control characters escaped."""
    print(terminal_safe(line))


def print_json(doc: object) -> None:
    """`--json` output: one indented document and a newline."""
    json.dump(doc, sys.stdout, indent=2)
    print()


def add_json_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="machine-readable output")


def add_command(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    help_text: str,
    handler: Callable[..., object],
    *positionals: str,
    with_json: bool = False,
) -> argparse.ArgumentParser:
    """The sub-command `name`, run by `handler`, taking the `positionals` (then `--json` when
    `with_json`); the caller adds its other options to the parser it returns."""
    p = sub.add_parser(name, help=help_text)
    for positional in positionals:
        p.add_argument(positional)
    if with_json:
        add_json_option(p)
    p.set_defaults(handler=handler)
    return p


def add_quiet_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("-q", "--quiet", action="store_true", help="no progress display")
