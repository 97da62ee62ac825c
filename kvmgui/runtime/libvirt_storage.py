"""Storage on a libvirt host: its pools and their volumes, and making or removing a volume.

A VM created on or moved to a libvirt host keeps its disks as volumes of one of the host's
storage pools (libvirt then owns their paths, permissions and SELinux labels), and its ISO
images are chosen from the pools' volumes. Every call goes through LibvirtConnection.run, off
the event loop's thread.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

from kvmgui.core.choices import DiskFormat
from kvmgui.core.libvirt_xml import volume_xml
from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message
from kvmgui.runtime.libvirt_conn import LibvirtConnection
from kvmgui.runtime.libvirt_errors import LibvirtError

# virStoragePoolState: RUNNING is the one whose volumes can be used.
_POOL_RUNNING = 2
# The pool libvirt's own tools (virt-install, virt-manager) create and use first.
DEFAULT_POOL = "default"


@dataclass(frozen=True)
class PoolInfo:
    """One storage pool as a chooser shows it."""

    name: str
    kind: str  # libvirt's pool type: "dir", "logical", "netfs"…
    active: bool
    path: str  # its target path ("" when it has none)
    capacity_bytes: int
    available_bytes: int


@dataclass(frozen=True)
class VolumeInfo:
    """One volume of a pool."""

    pool: str
    name: str
    path: str
    disk_format: str  # libvirt's word for it ("qcow2", "raw", "iso"…; "" when unknown)
    capacity_bytes: int
    allocation_bytes: int


async def pools(connection: LibvirtConnection) -> list[PoolInfo]:
    """Every storage pool of the host, the default pool first, then by name."""

    def read(conn: Any) -> list[PoolInfo]:
        found = [_pool_info(pool) for pool in conn.listAllStoragePools(0)]
        return sorted(found, key=lambda p: (p.name != DEFAULT_POOL, p.name.lower()))

    return await connection.run(read)


def usable_pool(choices: list[PoolInfo], wanted: str | None = None) -> PoolInfo:
    """The pool to put new volumes in: `wanted` when given, else the default pool, else the
    first active one. Raises LibvirtError with what to do when there is none."""
    if wanted is not None:
        for pool in choices:
            if pool.name == wanted:
                if not pool.active:
                    raise LibvirtError(Message(QT_TRANSLATE_NOOP(
                        "runtime.libvirt_storage",
                        "The storage pool '{pool}' is not active; start it with: virsh "
                        "pool-start {pool}"), pool=wanted), code="pool-inactive")
                return pool
        raise LibvirtError(Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_storage",
            "The host has no storage pool named '{pool}'; list its pools with: virsh "
            "pool-list --all"), pool=wanted), code="no-pool")
    for pool in choices:
        if pool.active:
            return pool
    raise LibvirtError(Message(QT_TRANSLATE_NOOP(
        "runtime.libvirt_storage",
        "The host has no active storage pool; create one with: virsh pool-define-as default "
        "dir --target /var/lib/libvirt/images, then virsh pool-start default")), code="no-pool")


async def volumes(connection: LibvirtConnection, pool: str) -> list[VolumeInfo]:
    """The volumes of `pool` (refreshed first, so files copied there by hand are listed)."""

    def read(conn: Any) -> list[VolumeInfo]:
        handle = conn.storagePoolLookupByName(pool)
        handle.refresh(0)
        found = [_volume_info(pool, vol) for vol in handle.listAllVolumes(0)]
        return sorted(found, key=lambda v: v.name.lower())

    return await connection.run(read)


async def create_volume(connection: LibvirtConnection, pool: str, name: str,
                        capacity_bytes: int, disk_format: DiskFormat) -> VolumeInfo:
    """A new, empty volume `name` in `pool`. Raises LibvirtError when one of that name
    exists (it is never overwritten)."""
    xml = volume_xml(name, capacity_bytes, disk_format)

    def make(conn: Any) -> VolumeInfo:
        handle = conn.storagePoolLookupByName(pool)
        handle.refresh(0)
        if name in handle.listVolumes():
            raise LibvirtError(Message(QT_TRANSLATE_NOOP(
                "runtime.libvirt_storage",
                "The storage pool '{pool}' already has a volume named '{name}'; choose "
                "another name."), pool=pool, name=name), code="volume-exists")
        return _volume_info(pool, handle.createXML(xml, 0))

    return await connection.run(make)


async def delete_volume(connection: LibvirtConnection, pool: str, name: str) -> None:
    """Remove volume `name` from `pool`; nothing happens when there is none."""

    def remove(conn: Any) -> None:
        handle = conn.storagePoolLookupByName(pool)
        handle.refresh(0)
        if name in handle.listVolumes():
            handle.storageVolLookupByName(name).delete(0)

    await connection.run(remove)


def _pool_info(pool: Any) -> PoolInfo:
    state, capacity, _allocation, available = pool.info()
    root = ET.fromstring(pool.XMLDesc(0))
    return PoolInfo(
        name=pool.name(), kind=root.get("type", ""), active=state == _POOL_RUNNING,
        path=root.findtext("target/path", "") or "", capacity_bytes=capacity,
        available_bytes=available)


def _volume_info(pool: str, vol: Any) -> VolumeInfo:
    _kind, capacity, allocation = vol.info()
    root = ET.fromstring(vol.XMLDesc(0))
    fmt = root.find("target/format")
    return VolumeInfo(
        pool=pool, name=vol.name(), path=vol.path(),
        disk_format=fmt.get("type", "") if fmt is not None else "",
        capacity_bytes=capacity, allocation_bytes=allocation)
