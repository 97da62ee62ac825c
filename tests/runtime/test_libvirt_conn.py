"""The libvirt connection on libvirt's built-in test driver: no daemon, no guest.

Each test opens its own copy of a small test driver node (test:///PATH), so the state one test
changes is never seen by another (test:///default is shared by a whole process).
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

from kvmgui.runtime.libvirt_conn import DomainStateChanged, LibvirtConnection, sample_status
from kvmgui.runtime.libvirt_errors import LibvirtError
from kvmgui.runtime.state import VmState
from tests.libvirt_node import node_uri

pytest.importorskip("libvirt")

NODE = """<node>
  <domain type='test'>
    <name>alpha</name>
    <memory unit='MiB'>512</memory>
    <vcpu>2</vcpu>
    <os><type>hvm</type></os>
  </domain>
  <domain type='test'>
    <name>Beta</name>
    <memory unit='MiB'>256</memory>
    <vcpu>1</vcpu>
    <os><type>hvm</type></os>
  </domain>
</node>
"""


@pytest.fixture
def uri(tmp_path: Path) -> str:
    return node_uri(tmp_path, NODE)


async def _until(events: list[DomainStateChanged], state: VmState, timeout: float = 5) -> None:
    async def seen() -> None:
        while not any(e.state is state for e in events):
            await asyncio.sleep(0.01)

    await asyncio.wait_for(seen(), timeout)


@pytest.mark.asyncio
async def test_lists_domains_with_state_vcpus_and_memory(uri: str) -> None:
    async with await LibvirtConnection.open(uri) as conn:
        domains = await conn.domains()
    assert [d.name for d in domains] == ["alpha", "Beta"]  # by name, case ignored
    alpha = domains[0]
    assert alpha.state is VmState.RUNNING  # the test driver runs what its node defines
    assert alpha.vcpus == 2
    assert alpha.max_memory_bytes == 512 * 2**20
    assert alpha.persistent


@pytest.mark.asyncio
async def test_operations_report_state_changes_as_events(uri: str) -> None:
    async with await LibvirtConnection.open(uri) as conn:
        events: list[DomainStateChanged] = []
        conn.subscribe(events.append)
        assert (await conn.pause("alpha")).ok
        await _until(events, VmState.PAUSED)
        assert (await conn.resume("alpha")).ok
        await _until(events, VmState.RUNNING)
        outcome = await conn.shutdown("alpha", 10)
        assert outcome.ok, outcome
        await _until(events, VmState.STOPPED)
        assert (await conn.domain("alpha")).state is VmState.STOPPED
        events.clear()
        assert (await conn.start("alpha")).ok
        await _until(events, VmState.RUNNING)
        assert (await conn.force_off("alpha")).ok
        await _until(events, VmState.STOPPED)
    assert {e.name for e in events} == {"alpha"}
    assert all(e.uri == uri for e in events)


@pytest.mark.asyncio
async def test_refusals_are_outcomes_not_errors(uri: str) -> None:
    async with await LibvirtConnection.open(uri) as conn:
        assert (await conn.start("alpha")).code == "already-running"
        assert (await conn.resume("alpha")).code == "not-paused"
        assert (await conn.force_off("alpha")).ok
        for step in (conn.pause, conn.force_off, conn.reset, conn.shutdown):
            outcome = await step("alpha")
            assert not outcome.ok and outcome.code == "not-running"
            assert "'alpha' is not running" in outcome.message


@pytest.mark.asyncio
async def test_unknown_domain_is_one_sentence(uri: str) -> None:
    async with await LibvirtConnection.open(uri) as conn:
        with pytest.raises(LibvirtError) as caught:
            await conn.start("nope")
    assert caught.value.code == "unknown-domain"
    assert "has no VM named 'nope'" in str(caught.value)


@pytest.mark.asyncio
async def test_wait_for_state_times_out_with_none(uri: str) -> None:
    async with await LibvirtConnection.open(uri) as conn:
        assert await conn.wait_for_state("alpha", {VmState.PAUSED}, 0.2) is None
        assert await conn.wait_for_state("alpha", {VmState.RUNNING}, 0.2) is VmState.RUNNING


@pytest.mark.asyncio
async def test_status_samples_cpu_of_a_running_domain(uri: str) -> None:
    async with await LibvirtConnection.open(uri) as conn:
        status = await sample_status(conn, "Beta", 0.05)
        assert status.info.state is VmState.RUNNING
        assert status.cpu_percent is not None
        await conn.force_off("Beta")
        assert (await sample_status(conn, "Beta", 0.05)).cpu_percent is None


@pytest.mark.asyncio
async def test_missing_daemon_socket_says_how_to_start_it(tmp_path: Path) -> None:
    with pytest.raises(LibvirtError) as caught:
        await LibvirtConnection.open(f"qemu:///session?socket={tmp_path}/none.sock")
    assert caught.value.code == "no-daemon", caught.value.details
    assert "not running" in str(caught.value)


@pytest.mark.asyncio
async def test_calls_after_close_fail_with_a_sentence(uri: str) -> None:
    conn = await LibvirtConnection.open(uri)
    await conn.close()
    await conn.close()  # twice is harmless
    with pytest.raises(LibvirtError, match="closed"):
        await conn.domains()


@pytest.mark.asyncio
async def test_missing_binding_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "libvirt", None)  # import libvirt fails
    with pytest.raises(LibvirtError) as caught:
        await LibvirtConnection.open("qemu:///system")
    assert caught.value.code == "no-binding"
    assert "pip install 'kvmgui[libvirt]'" in str(caught.value)


@pytest.mark.asyncio
async def test_libvirts_event_thread_ends_with_the_last_connection(uri: str) -> None:
    """libvirt's event loop iterates GLib's default context, Qt's too: no thread may keep
    iterating it once no connection is open."""
    import threading

    def running() -> bool:
        return any(t.name == "libvirt-events" for t in threading.enumerate())

    first = await LibvirtConnection.open(uri)
    second = await LibvirtConnection.open(uri)
    assert running()
    await first.close()
    assert running()
    await second.close()
    for _ in range(100):
        if not running():
            break
        await asyncio.sleep(0.02)
    assert not running()
    again = await LibvirtConnection.open(uri)  # and it starts again with a new connection
    assert running()
    await again.close()


@pytest.mark.asyncio
async def test_events_thread_serves_many_connections_and_stops_with_the_last(
        tmp_path: Path) -> None:
    """libvirt's file handles and timers are polled by kvmgui's own event thread (not GLib's
    loop, which Qt's dispatcher shares): connections opened and closed together, from worker
    threads, each get their own events; the thread ends when none is left."""
    import threading

    async def one(i: int) -> None:
        node = tmp_path / f"node{i}.xml"
        node.write_text(NODE)
        async with await LibvirtConnection.open(f"test://{node}") as conn:
            events: list[DomainStateChanged] = []
            conn.subscribe(events.append)
            for _ in range(3):
                assert (await conn.pause("alpha")).ok
                await _until(events, VmState.PAUSED)
                assert (await conn.resume("alpha")).ok
                await _until(events, VmState.RUNNING)
                events.clear()

    for _round in range(3):
        await asyncio.gather(*(one(i) for i in range(4)))

    def running() -> bool:
        return any(t.name == "libvirt-events" for t in threading.enumerate())

    for _ in range(100):
        if not running():
            break
        await asyncio.sleep(0.02)
    assert not running()
