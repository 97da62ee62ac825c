"""Fixtures for tests that start real QEMUs (tests/runtime), plus the suite's leak check.

The leak check is an autouse session fixture: when the session ends it fails if any QEMU
process started during the session is still alive (found by a variable every process of the
session inherits, or by a command line pointing into a folder made by helpers.short_tmp), or
if any socket is left in those folders. It kills what it finds, so a failure never leaves
processes behind either.
"""

from __future__ import annotations

import asyncio
import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import pytest_asyncio

from kvmgui.core.host import HostFacts
from kvmgui.core.qemu_caps import QemuCaps
from kvmgui.runtime.controller import MonitorRole
from kvmgui.runtime.manager import VmManager
from tests.runtime.helpers import (
    EventLog,
    RunEnv,
    kill_all,
    leaked_processes,
    leaked_sockets,
    mark_session,
    qemu_pids_of_session,
    registered_dirs,
    settings_for_tests,
)


@pytest.fixture(scope="session", autouse=True)
def no_qemu_left_behind() -> Iterator[None]:
    token = uuid.uuid4().hex
    mark_session(token)
    yield
    processes = leaked_processes()
    strays = [p for p in qemu_pids_of_session(token)
              if not any(p in pids for pids in processes.values())]
    if strays:
        processes[Path("(elsewhere)")] = strays
    sockets = leaked_sockets()
    for pids in processes.values():
        kill_all(pids)
    if not processes and not sockets:
        for folder in registered_dirs():
            shutil.rmtree(folder, ignore_errors=True)
    problems = [f"QEMU pid(s) {pids} still running in {folder}"
                for folder, pids in processes.items()]
    problems += [f"socket(s) left behind: {[str(s) for s in socks]}"
                 for socks in sockets.values()]
    assert not problems, "The runtime tests leaked:\n" + "\n".join(problems)


@pytest.fixture(scope="session")
def host_env() -> tuple[HostFacts, QemuCaps]:
    """The real host facts and QEMU capabilities, probed once for the whole session."""
    from kvmgui.runtime.host_probe import check_host
    from kvmgui.runtime.qemu_probe import probe_caps

    async def probe() -> tuple[HostFacts, QemuCaps]:
        report = await check_host(RunEnv.create().root)
        return report.facts, await probe_caps("qemu-system-x86_64")

    return asyncio.run(probe())


@pytest.fixture
def run_env() -> Iterator[RunEnv]:
    env = RunEnv.create()
    yield env
    leftovers = env.cleanup()
    assert not leftovers, f"the test left QEMU pid(s) {leftovers} running"


@pytest_asyncio.fixture
async def manager(run_env: RunEnv,
                  host_env: tuple[HostFacts, QemuCaps]) -> AsyncIterator[VmManager]:
    """An app-role manager over run_env's store (stats sampling off unless a test starts it).

    At teardown every VM it still runs is forced off, so tests need not clean up themselves.
    """
    host, caps = host_env
    mgr = VmManager(run_env.paths, settings_for_tests(), store=run_env.store, host=host,
                    caps=caps, role=MonitorRole.APP, sample_stats=False)
    await mgr.open()
    yield mgr
    for controller in mgr.controllers():
        if controller.pid is not None:
            await controller.force_off()
    await mgr.close()


@pytest.fixture
def events(manager: VmManager) -> EventLog:
    log = EventLog()
    manager.subscribe(log)
    return log
