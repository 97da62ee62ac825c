"""Creating a VM on a libvirt host, on libvirt's test driver (no daemon): the disk volume, the
ISO found among the pools' volumes, the defined domain, the refusals and the rollback; the
choice between KVM and TCG from what the host says."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from kvmgui.core.model import Accel, Cdrom, CdromSource, Disk, Share
from kvmgui.core.presets import new_spec
from kvmgui.core.sizes import GIB
from kvmgui.runtime.libvirt_accel import host_domain_type
from kvmgui.runtime.libvirt_conn import LibvirtConnection
from kvmgui.runtime.libvirt_create import (
    create_on_host,
    find_volume,
    iso_volumes,
    serial_log_path,
)
from kvmgui.runtime.libvirt_errors import LibvirtError
from kvmgui.runtime.libvirt_storage import volumes
from tests.libvirt_node import node_uri

libvirt = pytest.importorskip("libvirt")

NODE = """<node>
  <pool type='dir'>
    <name>default</name>
    <target><path>/var/lib/libvirt/images</path></target>
  </pool>
  <pool type='dir'>
    <name>isos</name>
    <target><path>/srv/isos</path></target>
    <volume>
      <name>guest.iso</name>
      <capacity unit='MiB'>20</capacity>
      <target><path>/srv/isos/guest.iso</path><format type='raw'/></target>
    </volume>
    <volume>
      <name>notes.txt</name>
      <capacity unit='KiB'>1</capacity>
      <target><path>/srv/isos/notes.txt</path><format type='raw'/></target>
    </volume>
  </pool>
</node>
"""


@pytest.fixture
def uri(tmp_path: Path) -> str:
    return node_uri(tmp_path, NODE)


def _spec(name: str = "lvcreate-box", iso: str = "isos/guest.iso"):  # type: ignore[no-untyped-def]
    spec = new_spec(name, disks=(Disk("disk.qcow2", size_bytes=4 * GIB),))
    return replace(spec, cdrom=Cdrom(CdromSource.ISO, iso))


@pytest.mark.asyncio
async def test_creates_the_volume_finds_the_iso_and_defines_the_domain(uri: str) -> None:
    steps: list[float] = []
    async with await LibvirtConnection.open(uri) as conn:
        assert [v.name for v in await iso_volumes(conn)] == ["guest.iso"]
        created = await create_on_host(conn, _spec(), progress=lambda f, _m: steps.append(f))
        assert created.domain_type == "qemu"  # the test driver offers no KVM
        assert [v.path for v in created.disks] == [
            "/var/lib/libvirt/images/lvcreate-box.qcow2"]
        assert created.iso is not None and created.iso.path == "/srv/isos/guest.iso"
        assert [v.name for v in await volumes(conn, "default")] == ["lvcreate-box.qcow2"]
        xml = await conn.run(lambda c: c.lookupByName("lvcreate-box").XMLDesc(0))
    root = ET.fromstring(xml)
    sources = [(d.get("device"), s.get("file")) for d in root.iter("disk")
               for s in d.iter("source")]
    assert sources == [("disk", "/var/lib/libvirt/images/lvcreate-box.qcow2"),
                       ("cdrom", "/srv/isos/guest.iso")]
    assert root.find("devices/serial[@type='pty']") is not None
    assert steps[0] == 0.0 and steps[-1] == 1.0


@pytest.mark.asyncio
async def test_the_iso_by_path_or_name_and_a_missing_one_is_one_sentence(uri: str) -> None:
    async with await LibvirtConnection.open(uri) as conn:
        assert (await find_volume(conn, "/srv/isos/guest.iso")).name == "guest.iso"
        assert (await find_volume(conn, "guest.iso")).pool == "isos"
        with pytest.raises(LibvirtError, match=r"No active storage pool of .* holds 'x\.iso'"):
            await create_on_host(conn, _spec(iso="x.iso"))
        assert await volumes(conn, "default") == []  # refused before anything was made


@pytest.mark.asyncio
async def test_a_name_taken_on_the_host_is_refused_and_nothing_is_made(uri: str) -> None:
    async with await LibvirtConnection.open(uri) as conn:
        await create_on_host(conn, _spec())
        with pytest.raises(LibvirtError, match="already has a VM named 'lvcreate-box'; choose"):
            await create_on_host(conn, _spec())
        assert [v.name for v in await volumes(conn, "default")] == ["lvcreate-box.qcow2"]


@pytest.mark.asyncio
async def test_a_failed_define_deletes_the_volume(uri: str) -> None:
    async with await LibvirtConnection.open(uri) as conn:
        other = await create_on_host(conn, _spec(name="lvcreate-other"))
        # Another name with the same UUID: libvirt refuses the definition, after the volume.
        taken = await conn.run(lambda c: c.lookupByName(other.name).UUIDString())
        twin = replace(_spec(name="lvcreate-twin"), id=taken)
        with pytest.raises(LibvirtError, match="libvirt refused"):
            await create_on_host(conn, twin)
        assert [v.name for v in await volumes(conn, "default")] == ["lvcreate-other.qcow2"]


@pytest.mark.asyncio
async def test_what_only_this_computer_has_is_refused(uri: str) -> None:
    async with await LibvirtConnection.open(uri) as conn:
        existing = replace(_spec(), disks=(Disk("/home/me/disk.qcow2"),))
        with pytest.raises(LibvirtError, match="new disks only"):
            await create_on_host(conn, existing)
        shared = replace(_spec(), shares=(Share("/home/me", "home"),))
        with pytest.raises(LibvirtError, match="cannot share this computer's folders"):
            await create_on_host(conn, shared)
        with pytest.raises(LibvirtError, match="no storage pool named 'nope'"):
            await create_on_host(conn, _spec(), pool="nope")
        assert await volumes(conn, "default") == []


def _fake(answers: dict[str, Any]) -> LibvirtConnection:
    """A connection whose host answers getDomainCapabilities and compareCPU as told."""

    class Host:
        def getDomainCapabilities(self, *_args: object) -> str:
            if answers["kvm"] is None:
                raise libvirt.libvirtError("no KVM")
            return "<domainCapabilities/>"

        def getCapabilities(self) -> str:
            return "<capabilities/>"

        def compareCPU(self, xml: str, _flags: int) -> int:
            return 2 if any(f"name='{f}'" in xml for f in answers["flags"]) else 0

    async def run(fn: Callable[[Any], Any], _domain: str = "") -> Any:
        return fn(Host())

    return SimpleNamespace(binding=libvirt, run=run)  # type: ignore[return-value]


@pytest.mark.asyncio
async def test_kvm_only_where_the_host_offers_it_and_its_cpu_virtualizes() -> None:
    spec = _spec()
    assert await host_domain_type(_fake({"kvm": True, "flags": ["svm"]}), spec) == "kvm"
    assert await host_domain_type(_fake({"kvm": True, "flags": ["vmx"]}), spec) == "kvm"
    # /dev/kvm without VT-x/AMD-V (kvm_pvm in a VM without nested virtualization): TCG.
    assert await host_domain_type(_fake({"kvm": True, "flags": []}), spec) == "qemu"
    assert await host_domain_type(_fake({"kvm": None, "flags": ["svm"]}), spec) == "qemu"
    tcg = replace(spec, accel=Accel.TCG)
    assert await host_domain_type(_fake({"kvm": True, "flags": ["svm"]}), tcg) == "qemu"


def test_the_serial_log_lives_in_a_system_daemons_log_folder() -> None:
    assert serial_log_path("qemu:///system", "a") == "/var/log/libvirt/qemu/a-serial.log"
    assert serial_log_path("qemu+ssh://me@h/system?keyfile=k", "a").endswith("a-serial.log")
    assert serial_log_path("qemu:///session", "a") == ""
