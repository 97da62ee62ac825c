"""Fixtures for tests that start real QEMUs (tests/runtime).

The suite-wide leak check lives in tests/leakcheck.py.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator

import pytest
import pytest_asyncio

from kvmgui.core.host import HostFacts
from kvmgui.core.qemu_caps import QemuCaps
from kvmgui.runtime.controller import MonitorRole
from kvmgui.runtime.manager import VmManager
from tests.runtime.helpers import (
    EventLog,
    RunEnv,
    settings_for_tests,
    sockets_under,
)


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


@pytest.fixture
def env() -> Iterator[RunEnv]:
    """A RunEnv (short socket paths) that must end with no QEMU running and no socket left."""
    run_env = RunEnv.create()
    yield run_env
    socks = sockets_under(run_env.root)
    leftovers = run_env.cleanup()
    assert not leftovers, f"QEMU pid(s) {leftovers} left running"
    assert not socks, f"sockets left behind: {socks}"


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
