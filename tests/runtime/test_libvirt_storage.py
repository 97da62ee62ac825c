"""Storage pools and volumes on libvirt's test driver (no daemon): listing, choosing the pool
for new volumes, creating and removing a volume."""

from __future__ import annotations

from pathlib import Path

import pytest

from kvmgui.core.choices import DiskFormat
from kvmgui.core.libvirt_xml import LibvirtXmlError, volume_xml
from kvmgui.runtime.libvirt_conn import LibvirtConnection
from kvmgui.runtime.libvirt_errors import LibvirtError
from kvmgui.runtime.libvirt_storage import (
    PoolInfo,
    create_volume,
    delete_volume,
    pools,
    usable_pool,
    volumes,
)
from tests.libvirt_node import node_uri

pytest.importorskip("libvirt")

NODE = """<node>
  <pool type='dir'>
    <name>images</name>
    <target><path>/var/lib/images</path></target>
  </pool>
  <pool type='dir'>
    <name>default</name>
    <target><path>/var/lib/libvirt/images</path></target>
  </pool>
</node>
"""


@pytest.fixture
def uri(tmp_path: Path) -> str:
    return node_uri(tmp_path, NODE)


def test_volume_xml_is_sparse_and_in_bytes() -> None:
    assert volume_xml("disk.qcow2", 1 << 30, DiskFormat.QCOW2) == (
        "<volume>\n  <name>disk.qcow2</name>\n"
        "  <capacity unit=\"bytes\">1073741824</capacity>\n"
        "  <allocation unit=\"bytes\">0</allocation>\n"
        "  <target>\n    <format type=\"qcow2\" />\n  </target>\n</volume>\n")
    with pytest.raises(LibvirtXmlError, match="above zero"):
        volume_xml("x", 0, DiskFormat.RAW)


@pytest.mark.asyncio
async def test_lists_pools_default_first_and_creates_and_deletes_a_volume(uri: str) -> None:
    async with await LibvirtConnection.open(uri) as conn:
        found = await pools(conn)
        assert [p.name for p in found] == ["default", "images"]
        assert found[0].active and found[0].kind == "dir"
        assert found[0].path == "/var/lib/libvirt/images"
        made = await create_volume(conn, "default", "box.qcow2", 2 << 30, DiskFormat.QCOW2)
        assert made.path == "/var/lib/libvirt/images/box.qcow2"
        assert made.capacity_bytes == 2 << 30
        assert [v.name for v in await volumes(conn, "default")] == ["box.qcow2"]
        with pytest.raises(LibvirtError, match=r"already has a volume named .box\.qcow2."):
            await create_volume(conn, "default", "box.qcow2", 1 << 30, DiskFormat.QCOW2)
        await delete_volume(conn, "default", "box.qcow2")
        await delete_volume(conn, "default", "box.qcow2")  # gone already: nothing happens
        assert await volumes(conn, "default") == []


def _pool(name: str, active: bool = True) -> PoolInfo:
    return PoolInfo(name, "dir", active, f"/p/{name}", 10, 5)


def test_usable_pool_prefers_the_wanted_then_the_first_active() -> None:
    assert usable_pool([_pool("default", False), _pool("b")]).name == "b"
    assert usable_pool([_pool("default"), _pool("b")], "b").name == "b"
    with pytest.raises(LibvirtError, match="no storage pool named 'c'"):
        usable_pool([_pool("default")], "c")
    with pytest.raises(LibvirtError, match="virsh pool-start default"):
        usable_pool([_pool("default", False)], "default")
    with pytest.raises(LibvirtError, match="no active storage pool"):
        usable_pool([_pool("default", False)])
