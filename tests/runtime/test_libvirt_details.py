"""What the details of a libvirt domain read from its connection (libvirt's test driver): its
XML, its counters and the rates between two samples; and virt-viewer's command line."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from kvmgui.runtime.libvirt_conn import LibvirtConnection
from kvmgui.runtime.libvirt_details import DomainCounters, domain_view, rates, read_counters
from kvmgui.runtime.viewer import open_libvirt_viewer
from tests.libvirt_node import node_uri

NODE = """<node>
  <domain type='test'>
    <name>lvdetails-one</name>
    <memory unit='MiB'>512</memory>
    <vcpu>1</vcpu>
    <os><type>hvm</type></os>
    <devices>
      <disk type='file' device='disk'>
        <source file='/guest/one.img'/><target dev='vda' bus='virtio'/>
      </disk>
      <interface type='network'>
        <source network='default'/><target dev='testnet0'/>
      </interface>
    </devices>
  </domain>
</node>
"""


@pytest.fixture
def uri(tmp_path: Path) -> str:
    pytest.importorskip("libvirt")
    return node_uri(tmp_path, NODE)


@pytest.mark.asyncio
async def test_view_and_counters_of_a_running_and_a_stopped_domain(uri: str) -> None:
    async with await LibvirtConnection.open(uri) as conn:
        text, view = await domain_view(conn, "lvdetails-one")
        assert "<name>lvdetails-one</name>" in text
        assert [d.target for d in view.disks] == ["vda"]
        first = await read_counters(conn, "lvdetails-one", view)
        await asyncio.sleep(0.05)
        second = await read_counters(conn, "lvdetails-one", view)
        assert first.active and second.active
        # The test driver has no bulk statistics: the per-device calls fill the counters.
        assert second.read_bytes >= first.read_bytes > 0
        assert second.rx_bytes >= first.rx_bytes > 0
        used = rates(first, second)
        assert used is not None and used.cpu_percent is not None and used.rx_per_s is not None
        assert (await conn.force_off("lvdetails-one")).ok
        stopped = await read_counters(conn, "lvdetails-one", view)
        assert not stopped.active
        assert rates(second, stopped) is None


def test_rates() -> None:
    before = DomainCounters(10.0, True, cpu_time_ns=1_000_000_000, memory_bytes=100,
                            read_bytes=1000, write_bytes=0, rx_bytes=50, tx_bytes=50)
    after = DomainCounters(12.0, True, cpu_time_ns=2_000_000_000, memory_bytes=200,
                           read_bytes=5000, write_bytes=2000, rx_bytes=50, tx_bytes=450)
    used = rates(before, after)
    assert used is not None
    assert used.cpu_percent == 50.0  # one CPU second over two seconds
    assert (used.read_per_s, used.write_per_s, used.rx_per_s, used.tx_per_s) == (
        2000.0, 1000.0, 0.0, 200.0)
    assert used.memory_bytes == 200
    # Restarted between the samples: the counters went back, no rate is made up.
    restarted = DomainCounters(14.0, True, cpu_time_ns=10, read_bytes=0, rx_bytes=0)
    again = rates(after, restarted)
    assert again is not None and again.cpu_percent is None and again.read_per_s is None
    first = rates(None, after)
    assert first is not None and first.cpu_percent is None and first.memory_bytes == 200
    # A disk more since the last sample: its whole history is no I/O of these two seconds.
    plugged = DomainCounters(14.0, True, cpu_time_ns=3_000_000_000, read_bytes=9_000_000_000,
                             write_bytes=2000, rx_bytes=50, tx_bytes=450, devices=1)
    jump = rates(after, plugged)
    assert jump is not None and jump.cpu_percent == 50.0 and jump.read_per_s is None


@pytest.mark.asyncio
async def test_virt_viewer_gets_the_uri_and_the_name_as_a_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    record = tmp_path / "argv"
    fake = tmp_path / "virt-viewer"
    fake.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {record}\n')
    fake.chmod(0o755)
    monkeypatch.setitem(os.environ, "DISPLAY", ":99")
    outcome = await open_libvirt_viewer("qemu+ssh://me@host/system", "-f odd", binary=str(fake),
                                        settle_s=5)
    assert outcome.ok, outcome.message  # it exited 0: "closed"
    assert record.read_text().splitlines() == [
        "--connect", "qemu+ssh://me@host/system", "--reconnect", "--domain-name", "--", "-f odd"]
