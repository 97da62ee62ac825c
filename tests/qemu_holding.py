"""A real, idle QEMU that holds a disk image open for writing, as a running VM does.

Tests of "refused while a VM uses the image" need QEMU to own the image's write lock before
they act. Polling with `qemu-img info` until it fails races with QEMU's own start: the probe's
shared lock can make QEMU itself fail with "Failed to get write lock". Neither is the pidfile a
sign: QEMU writes it before it opens its drives. QEMU answers QMP commands only from its main
loop, which runs after every drive is open, so the reply to `qmp_capabilities` (QMP over
stdio, no socket path to keep short) is the moment the lock is held.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

QEMU = shutil.which("qemu-system-x86_64")


def _read_line(proc: subprocess.Popen[bytes], pending: bytearray, deadline: float) -> bytes:
    """One line of QEMU's stdout; `pending` keeps what arrived after it."""
    assert proc.stdout is not None
    while b"\n" not in pending:
        ready, _, _ = select.select([proc.stdout], [], [], max(deadline - time.monotonic(), 0))
        if not ready:
            raise AssertionError("QEMU did not answer on QMP in time")
        chunk = os.read(proc.stdout.fileno(), 4096)
        if not chunk:
            err = proc.stderr.read() if proc.stderr else b""
            raise AssertionError(f"QEMU did not start: {err.decode(errors='replace')}")
        pending += chunk
    line, _, rest = bytes(pending).partition(b"\n")
    pending[:] = rest
    return line


@contextlib.contextmanager
def qemu_holding(image: Path, fmt: str, pidfile: Path | None = None) -> Iterator[int]:
    """Yield the pid of a QEMU that holds `image` (format `fmt`) open for writing.

    With `pidfile` (a VM's runtime pidfile), kvmgui's liveness check sees that VM as running.
    """
    if QEMU is None:
        pytest.skip("qemu-system-x86_64 is not installed")
    argv = [QEMU, "-machine", "none", "-nodefaults", "-display", "none", "-S", "-accel", "tcg",
            "-qmp", "stdio",
            "-blockdev", f"driver=file,filename={image},node-name=f0",
            "-blockdev", f"driver={fmt},file=f0,node-name=d0"]
    if pidfile is not None:
        pidfile.parent.mkdir(parents=True, exist_ok=True)
        argv += ["-pidfile", str(pidfile)]
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, bufsize=0)
    try:
        assert proc.stdin is not None
        deadline, pending = time.monotonic() + 20, bytearray()
        greeting = json.loads(_read_line(proc, pending, deadline))
        assert "QMP" in greeting, greeting
        proc.stdin.write(b'{"execute": "qmp_capabilities"}\n')
        proc.stdin.flush()
        reply = json.loads(_read_line(proc, pending, deadline))
        assert reply == {"return": {}}, reply
        yield proc.pid
    finally:
        proc.kill()
        proc.wait(timeout=10)
        for stream in (proc.stdin, proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()
        if pidfile is not None:
            pidfile.unlink(missing_ok=True)
