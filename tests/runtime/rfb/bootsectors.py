"""Tiny guests for the console tests: 512-byte boot sectors, no build step.

KEYECHO (source: keyecho.S beside this file; rebuild with
`as --32 -o k.o keyecho.S && ld -m elf_i386 -Ttext 0x7c00 --oformat binary -o k.bin k.o`)
prints "KVMGUI-ECHO READY" to COM1 and the VGA text screen, then echoes every typed character
to both (Enter as CR LF); F1 switches the display to a Bochs VBE 800x600x32 mode and prints
"KVMGUI-MODE 800x600".
"""

from __future__ import annotations

from pathlib import Path

_KEYECHO_HEX = (
    "fa31c08ed88ec08ed0bc007cfbbea87ce8700030e4cd1680fc3b741284c074f3e86b003c0d75ecb00ae86200"
    "ebe5c606a77c01bb040031c9e83d00bb0100b92003e83400bb0200b95802e82b00bb0300b92000e82200bb04"
    "00b94100e8190006b800a08ec031ffb9008089f8abe2fb07bebc7ce80d00eb9bbace0189d8ef4289c8efc3ac"
    "84c07405e80300ebf6c3505352baf803ee803ea77c007507b40ebb0700cd105a5b58c3004b564d4755492d45"
    "43484f2052454144590d0a004b564d4755492d4d4f444520383030783630300d0a"
)
KEYECHO = bytes.fromhex(_KEYECHO_HEX).ljust(510, b"\0") + b"\x55\xaa"
READY_LINE = b"KVMGUI-ECHO READY"
MODE_LINE = b"KVMGUI-MODE 800x600"


def write_disk(path: Path, boot_sector: bytes = KEYECHO) -> Path:
    """A 1 MiB raw disk image that boots `boot_sector` (sparse: costs one block)."""
    with path.open("wb") as f:
        f.write(boot_sector)
        f.truncate(1 << 20)
    return path
