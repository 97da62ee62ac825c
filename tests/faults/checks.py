"""What every fault (and security) test checks after the dust settles, and a side door to QMP.

- no zombie: no child of the test process is left in state Z (a QEMU that died and was never
  reaped would be one);
- no stale runtime file: no socket, pidfile or display password left in the VM's runtime
  folder once its QEMU is gone;
- `qmp_cli`: one command over the VM's second monitor (qmp-cli.sock), the one kvmgui-cli
  uses, so a test can ask QEMU directly while the manager holds the first.
"""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path
from typing import Any

from kvmgui.core.paths import VmRuntimePaths
from kvmgui.runtime.display_auth import password_file
from kvmgui.runtime.process import parent_pid, proc_state
from kvmgui.runtime.qmp_session import QmpSession
from tests.runtime.helpers import sockets_under


def zombie_children() -> list[int]:
    """Children of this process that have exited but were not reaped."""
    me = os.getpid()
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit() and parent_pid(int(entry)) == me and proc_state(int(entry)) == "Z":
            found.append(int(entry))
    return found


async def assert_no_zombies(timeout: float = 5.0) -> None:
    """Reaping happens on the event loop (a pidfd callback): give it a moment, then insist."""
    deadline = time.monotonic() + timeout
    while zombie_children():
        if time.monotonic() > deadline:
            raise AssertionError(f"zombie child process(es) left: {zombie_children()}")
        await asyncio.sleep(0.05)


def stale_runtime_files(run: VmRuntimePaths) -> list[Path]:
    """Sockets, the pidfile and the display password left in a stopped VM's runtime folder."""
    if not run.dir.exists():
        return []
    stale = sockets_under(run.dir)
    stale += [p for p in (run.pidfile, password_file(run)) if p.exists()]
    return stale


async def assert_clean_end(run: VmRuntimePaths) -> None:
    await assert_no_zombies()
    stale = stale_runtime_files(run)
    assert not stale, f"stale runtime files: {[str(p) for p in stale]}"


async def qmp_cli(run: VmRuntimePaths, command: str, arguments: dict[str, Any] | None = None,
                  *, timeout: float = 10.0) -> Any:
    session = QmpSession(run.qmp_cli_socket, name="test")
    await session.connect(timeout)
    try:
        return await session.execute(command, arguments, timeout=timeout)
    finally:
        await session.close()
