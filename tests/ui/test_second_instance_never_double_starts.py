"""A second kvmgui never starts a guest twice (issue 8, item 1).

Two layers of defence, each proven here:

1. The single-instance guard: a second `kvmgui.ui.app.main()` process finds the first one's
   lock, asks it to come forward over the local socket and exits without building a runtime
   (the in-process SingleInstance API is covered by tests/ui/test_single_instance.py; this is
   the real entry point, as two separate processes).
2. If that guard is bypassed (two app-role VmManagers over the same folders, in one process or
   in two), the per-VM start.lock flock and the pidfile check under it still let exactly one
   QEMU start; the other start is refused with "already running" and adopts that QEMU.

This module is also the child process of test 2: `python -m
tests.ui.test_second_instance_never_double_starts NAME` builds an app-role VmManager from the
environment, prints READY, starts NAME when a line arrives on stdin, prints the outcome, and
lets go of the VM (it keeps running, as when the app quits) on the next line.
"""

from __future__ import annotations

import asyncio
import os
import select
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from dataclasses import replace
from typing import IO

import pytest

from kvmgui.core.model import Accel
from kvmgui.core.paths import AppPaths
from kvmgui.core.settings import Settings, load_settings, save_settings
from kvmgui.runtime.controller import MonitorRole
from kvmgui.runtime.manager import VmManager
from kvmgui.runtime.state import VmState
from tests.runtime.helpers import REPO, RunEnv, qemu_pids_using, tiny_spec

# Every test here runs qemu-img, qemu-io or qemu-system-x86_64: not in the fast lane.
pytestmark = pytest.mark.qemu

ROUNDS = 3


@pytest.fixture
def env() -> Iterator[RunEnv]:
    run_env = RunEnv.create()
    save_settings(run_env.paths.settings_file, replace(Settings(), accelerator=Accel.TCG))
    yield run_env
    leftovers = run_env.cleanup()
    assert not leftovers, f"the test left QEMU pid(s) {leftovers} running"


def _read_line(stream: IO[str] | None, timeout: float) -> str:
    assert stream is not None
    ready, _, _ = select.select([stream], [], [], timeout)
    if not ready:
        raise AssertionError(f"no output within {timeout} s")
    return stream.readline().strip()


async def _force_off_everything(env: RunEnv) -> None:
    """A fresh manager reattaches to whatever runs and turns it off."""
    settings, _ = load_settings(env.paths.settings_file)
    manager = VmManager(env.paths, settings, store=env.store, sample_stats=False)
    await manager.open()
    try:
        for controller in manager.controllers():
            if controller.pid is not None:
                outcome = await controller.force_off()
                assert outcome.ok, outcome.message
    finally:
        await manager.close()


# -- the bypassed guard, two processes --------------------------------------------------------


async def _child(name: str) -> int:
    paths = AppPaths.from_env()
    settings, _ = load_settings(paths.settings_file)
    manager = VmManager(paths, settings, role=MonitorRole.APP)
    await manager.open()
    vm = manager.get(name)
    # Probe QEMU and the host now, so both processes reach the start lock at the same moment.
    await manager.environment()
    loop = asyncio.get_running_loop()
    print("READY", flush=True)
    await loop.run_in_executor(None, sys.stdin.readline)
    outcome = await vm.start()
    verdict = "STARTED" if outcome.ok else "REFUSED"
    print(f"{verdict} {outcome.code or '-'} {vm.pid}", flush=True)
    await loop.run_in_executor(None, sys.stdin.readline)
    await manager.close()
    return 0


@pytest.mark.qemu
def test_two_app_processes_start_the_same_vm_at_once(env: RunEnv) -> None:
    names = [f"dual{i}" for i in range(ROUNDS)]
    for name in names:
        env.store.create(tiny_spec(name, memory_mib=32))
    try:
        running: list[int] = []  # the guests of earlier rounds keep running
        for name in names:
            children = [
                subprocess.Popen(
                    [sys.executable, "-m", "tests.ui.test_second_instance_never_double_starts",
                     name],
                    env=env.full_environ(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                    text=True, cwd=str(REPO),
                )
                for _ in range(2)
            ]
            try:
                for child in children:
                    assert _read_line(child.stdout, 60) == "READY"
                for child in children:  # go, as close together as two writes get
                    assert child.stdin is not None
                    child.stdin.write("go\n")
                    child.stdin.flush()
                answers = sorted(_read_line(child.stdout, 60).split() for child in children)
                # Exactly one launched QEMU; the other saw it under the lock and adopted it.
                assert [a[0] for a in answers] == ["REFUSED", "STARTED"], answers
                assert answers[0][1] == "already-running", answers
                pids = sorted(set(qemu_pids_using(env.root)) - set(running))
                assert pids == [int(answers[1][2])], (answers, pids)
                assert answers[0][2] == answers[1][2], answers  # the loser adopted it
                for child in children:
                    assert child.stdin is not None
                    child.stdin.write("\n")
                    child.stdin.flush()
                for child in children:
                    assert child.wait(30) == 0
            finally:
                for child in children:
                    if child.poll() is None:
                        child.kill()
                        child.wait(10)
                    for stream in (child.stdin, child.stdout):
                        if stream is not None:
                            stream.close()
            # Both managers let go; the one guest still runs, once.
            running += pids
            assert sorted(qemu_pids_using(env.root)) == sorted(running)
    finally:
        asyncio.run(_force_off_everything(env))
    assert not qemu_pids_using(env.root)


# -- the bypassed guard, one process --------------------------------------------------------


@pytest.mark.qemu
def test_two_app_managers_in_one_process_start_one_qemu(env: RunEnv) -> None:
    env.store.create(tiny_spec("twin", memory_mib=32))

    async def race() -> None:
        settings, _ = load_settings(env.paths.settings_file)
        managers = [VmManager(env.paths, settings, store=env.store, role=MonitorRole.APP,
                              sample_stats=False) for _ in range(2)]
        for manager in managers:
            await manager.open()
            await manager.environment()
        try:
            vms = [manager.get("twin") for manager in managers]
            outcomes = await asyncio.gather(*(vm.start() for vm in vms))
            assert sorted(o.ok for o in outcomes) == [False, True], outcomes
            assert [o.code for o in outcomes if not o.ok] == ["already-running"]
            pids = qemu_pids_using(env.root)
            assert len(pids) == 1 and all(vm.pid == pids[0] for vm in vms), pids
            winner = vms[0] if outcomes[0].ok else vms[1]
            assert winner.state is VmState.RUNNING
            assert (await winner.force_off()).ok
        finally:
            for manager in managers:
                await manager.close()

    try:
        asyncio.run(race())
    finally:
        asyncio.run(_force_off_everything(env))
    assert not qemu_pids_using(env.root)


# -- the guard itself: a second main() raises the first --------------------------------------

# The first instance is the real kvmgui.ui.app.main(); only build() is wrapped, to say when the
# window exists and to close it (the window's own path) once it was asked to come forward.
FIRST_INSTANCE = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    import kvmgui.ui.app as app

    real_build = app.build

    def build(paths, guard=None):
        window = real_build(paths, guard)
        def raised():
            print("RAISED", flush=True)
            QTimer.singleShot(200, window.close)
        guard.raise_requested.connect(raised)
        print("READY", flush=True)
        return window

    app.build = build
    sys.exit(app.main(["kvmgui"]))
""")


def test_second_main_process_raises_the_first_and_exits(env: RunEnv) -> None:
    environ = env.full_environ()
    environ["QT_QPA_PLATFORM"] = "offscreen"
    # Nothing of the app belongs in the shared TMPDIR: keep anything it puts there in the
    # test's folder.
    tmpdir = env.root / "tmp"
    tmpdir.mkdir(mode=0o700)
    environ["TMPDIR"] = str(tmpdir)
    env.store.create(tiny_spec("solo", memory_mib=32))

    first = subprocess.Popen([sys.executable, "-c", FIRST_INSTANCE], env=environ,
                             stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True, cwd=str(REPO))
    try:
        assert _read_line(first.stdout, 60) == "READY"
        lock_pid = env.paths.app_lock_file.read_text().strip()
        assert lock_pid == str(first.pid)
        began = time.monotonic()
        second = subprocess.run([sys.executable, "-m", "kvmgui.ui.app"], env=environ,
                                stdin=subprocess.DEVNULL, capture_output=True, text=True,
                                cwd=str(REPO), timeout=60)
        assert second.returncode == 0, second.stderr
        assert time.monotonic() - began < 30
        # The second start built no runtime: the lock still names the first, and the first
        # heard the request.
        assert env.paths.app_lock_file.read_text().strip() == str(first.pid)
        assert _read_line(first.stdout, 30) == "RAISED"
        assert first.wait(60) == 0
    finally:
        if first.poll() is None:
            first.kill()
            first.wait(10)
        if first.stdout is not None:
            first.stdout.close()
    assert not qemu_pids_using(env.root)
    assert not [p for p in tmpdir.iterdir() if p.is_socket()], "the raise socket was left"
    assert os.path.exists(env.paths.app_lock_file)


if __name__ == "__main__":
    sys.exit(asyncio.run(_child(sys.argv[1])))
