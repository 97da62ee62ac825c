"""Short-lived helpers: started tied to us, as our direct child, with their own command line;
a missing or unrunnable program is reported as before (FileNotFoundError/PermissionError)."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kvmgui.runtime.children import spawn_tied, tied_argv


@pytest.mark.asyncio
async def test_the_helper_is_our_child_running_its_own_program() -> None:
    proc = await spawn_tied(["sleep", "30"])
    try:
        await asyncio.sleep(0.2)
        cmdline = Path(f"/proc/{proc.pid}/cmdline").read_bytes().split(b"\0")
        assert cmdline[1:3] == [b"30", b""] and cmdline[0].endswith(b"sleep")
    finally:
        proc.kill()
        await proc.wait()


CHILD = """
import asyncio, sys
from kvmgui.runtime.children import spawn_tied
async def main():
    proc = await spawn_tied(["sleep", "60"])
    print(proc.pid, flush=True)
    await asyncio.sleep(60)
asyncio.run(main())
"""


def test_the_helper_dies_when_its_parent_is_killed() -> None:
    parent = subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    helper = int(parent.stdout.readline())
    # Once `sleep` runs, setpriv has set the death signal (it does so before its exec). A
    # SIGKILL in the millisecond between fork and that prctl would leave the helper untied.
    deadline = time.monotonic() + 10
    while b"setpriv" in Path(f"/proc/{helper}/cmdline").read_bytes():
        assert time.monotonic() < deadline, "the helper never started"
        time.sleep(0.01)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{helper}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return
        if state == "Z":
            return
        time.sleep(0.05)
    os.kill(helper, signal.SIGKILL)
    raise AssertionError("the helper outlived its killed parent")


def test_missing_and_unrunnable_programs_fail_as_before(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        tied_argv(["kvmgui-no-such-program", "x"])
    script = tmp_path / "not-executable"
    script.write_text("#!/bin/sh\n")
    with pytest.raises(PermissionError):
        tied_argv([str(script)])
