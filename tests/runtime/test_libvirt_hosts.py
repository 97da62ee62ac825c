"""The app's libvirt connections on libvirt's test driver (test:///PATH, fresh per open)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from kvmgui.core.connections import SavedConnection
from kvmgui.runtime.libvirt_conn import LibvirtConnection
from kvmgui.runtime.libvirt_errors import LibvirtError
from kvmgui.runtime.libvirt_hosts import HostsChanged, HostState, LibvirtHosts
from kvmgui.runtime.state import VmState
from tests.runtime.test_libvirt_conn import NODE

pytest.importorskip("libvirt")


@pytest.fixture
def uri(tmp_path: Path) -> str:
    node = tmp_path / "node.xml"
    node.write_text(NODE)
    return f"test://{node}"


async def _until(check: object, timeout: float = 5) -> None:
    async def seen() -> None:
        while not check():  # type: ignore[operator]
            await asyncio.sleep(0.01)

    await asyncio.wait_for(seen(), timeout)


@pytest.mark.asyncio
async def test_connects_on_demand_lists_domains_and_samples(uri: str) -> None:
    hosts = LibvirtHosts((SavedConnection(uri),), stats_interval_s=0.2)
    changes: list[HostsChanged] = []
    hosts.subscribe(changes.append)
    host = hosts.hosts[uri]
    assert host.state is HostState.NOT_CONNECTED  # nothing happens before it is asked
    task = hosts.connect(uri)
    assert task is not None and host.state is not HostState.CONNECTED
    await task
    try:
        assert host.state is HostState.CONNECTED and host.error is None
        assert sorted(host.domains) == ["Beta", "alpha"]
        assert host.domains["alpha"].state is VmState.RUNNING
        assert host.domains["alpha"].info.memory_bytes == 512 * 2**20
        # The test driver's CPU time moves with the clock: a figure comes at the 2nd tick.
        await _until(lambda: host.domains["alpha"].cpu_percent is not None)
        assert HostsChanged(uri) in changes
    finally:
        await hosts.close()
    assert host.connection is None


@pytest.mark.asyncio
async def test_state_changes_come_from_events_and_actions_work(uri: str) -> None:
    hosts = LibvirtHosts((SavedConnection(uri),), stats_interval_s=30)
    await hosts.connect(uri)  # type: ignore[misc]
    host = hosts.hosts[uri]
    try:
        assert (await hosts.pause(uri, "alpha")).ok
        await _until(lambda: host.domains["alpha"].state is VmState.PAUSED)
        assert (await hosts.resume(uri, "alpha")).ok
        await _until(lambda: host.domains["alpha"].state is VmState.RUNNING)
        assert (await hosts.shutdown(uri, "alpha", 10)).ok
        await _until(lambda: host.domains["alpha"].state is VmState.STOPPED)
        assert host.domains["alpha"].cpu_percent is None
        assert (await hosts.start(uri, "alpha")).ok
        await _until(lambda: host.domains["alpha"].state is VmState.RUNNING)
        assert (await hosts.reset(uri, "alpha")).ok
        assert (await hosts.force_off(uri, "alpha")).ok
        await _until(lambda: host.domains["alpha"].state is VmState.STOPPED)
        assert (await hosts.force_off(uri, "alpha")).code == "not-running"
        # A domain defined from another connection to the same driver is not seen (each open
        # of a node file is its own host), so define it through this one: an event lists it.
        xml = NODE.split("<node>")[1].split("</domain>")[0].replace("alpha", "gamma") + "</domain>"
        await host.connection.run(lambda c: c.defineXML(xml))  # type: ignore[union-attr]
        await _until(lambda: "gamma" in host.domains)
        await host.connection.run(  # type: ignore[union-attr]
            lambda c: c.lookupByName("gamma").undefine()
        )
        await _until(lambda: "gamma" not in host.domains)
    finally:
        await hosts.close()


@pytest.mark.asyncio
async def test_a_failure_says_why_and_reconnect_tries_again(tmp_path: Path) -> None:
    missing = f"test://{tmp_path}/node.xml"
    hosts = LibvirtHosts((SavedConnection(missing),))
    await hosts.connect(missing)  # type: ignore[misc]
    host = hosts.hosts[missing]
    assert host.state is HostState.FAILED and isinstance(host.error, LibvirtError)
    assert (await hosts.start(missing, "alpha")).code == "closed"
    (tmp_path / "node.xml").write_text(NODE)
    await hosts.reconnect(missing)
    assert host.state is HostState.CONNECTED and host.error is None
    await hosts.close()


@pytest.mark.asyncio
async def test_connecting_never_blocks_the_loop(uri: str) -> None:
    """A host that takes its time to answer (ssh to a slow machine) leaves the loop free."""
    release = asyncio.Event()

    async def slow_open(u: str) -> LibvirtConnection:
        await release.wait()
        return await LibvirtConnection.open(u)

    hosts = LibvirtHosts((SavedConnection(uri),), opener=slow_open)
    task = hosts.connect(uri)
    await asyncio.sleep(0.05)
    assert hosts.hosts[uri].state is HostState.CONNECTING
    release.set()
    await task  # type: ignore[misc]
    assert hosts.hosts[uri].state is HostState.CONNECTED
    await hosts.close()


@pytest.mark.asyncio
async def test_the_saved_list_is_followed(uri: str, tmp_path: Path) -> None:
    hosts = LibvirtHosts((SavedConnection(uri),))
    await hosts.connect(uri)  # type: ignore[misc]
    other = SavedConnection("qemu+ssh://u@h/system", "Lab")
    hosts.set_saved((other, SavedConnection(uri, "Mine")))
    assert list(hosts.hosts) == [other.uri, uri]
    assert hosts.hosts[uri].saved.label == "Mine"
    assert hosts.hosts[uri].state is HostState.CONNECTED  # kept its connection
    await hosts.remove(uri)
    assert list(hosts.hosts) == [other.uri]
    await hosts.close()


@pytest.mark.asyncio
async def test_a_dropped_connection_is_marked_and_tried_again(uri: str) -> None:
    hosts = LibvirtHosts((SavedConnection(uri),))
    await hosts.connect(uri)  # type: ignore[misc]
    host = hosts.hosts[uri]
    connection = host.connection
    assert connection is not None
    # What libvirt's close callback hands over when the daemon goes away.
    hosts._dropped(host, connection)
    assert host.state is HostState.FAILED and host.error is not None
    assert host.error.code == "lost"
    await _until(lambda: host.state is HostState.CONNECTED, timeout=10)
    await hosts.close()
