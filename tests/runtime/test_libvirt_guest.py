"""A real guest on qemu:///system, made the way the wizard makes one on a libvirt host: the
wizard's draft becomes a spec, runtime.libvirt_create puts its new disk into a storage pool of
the host (a dir pool of this test's own), finds the ISO among that pool's volumes and defines
the domain; then it is started and seen running through a lifecycle event, its serial console
(logged by libvirt) shows the guest ready, the ACPI power button shuts it down and it is seen
shut off through an event. Everything is removed again. TCG here: this machine's /dev/kvm
cannot run ordinary guests, and the domain type follows what the host can do.

Create to shut off takes 15 to 25 s."""

from __future__ import annotations

import asyncio
import shutil
import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from kvmgui.runtime.libvirt_conn import DomainStateChanged, LibvirtConnection
from kvmgui.runtime.libvirt_create import create_on_host, iso_volumes
from kvmgui.runtime.state import VmState
from kvmgui.ui.wizard.draft import Draft, SourceKind, to_spec
from tests.guest.fixtures import wait_for_serial
from tests.libvirt_daemon import libvirtd  # noqa: F401  (the fixture)
from tests.libvirt_pool import pool_on

libvirt = pytest.importorskip("libvirt")

pytestmark = [pytest.mark.qemu, pytest.mark.slow, pytest.mark.usefixtures("libvirtd")]


@pytest_asyncio.fixture
async def connection(libvirtd: str) -> AsyncIterator[LibvirtConnection]:  # noqa: F811
    async with await LibvirtConnection.open(libvirtd) as conn:
        yield conn


@pytest.mark.asyncio
@pytest.mark.timeout(300)
async def test_guest_made_from_the_wizard_draft_boots_and_shuts_down(
        connection: LibvirtConnection, test_iso: Path) -> None:
    conn = connection
    with pool_on(conn.uri, "lvcreate") as scratch:
        pool = scratch.name
        shutil.copyfile(test_iso, scratch.path / "guest.iso")
        draft = Draft(source=SourceKind.ISO, name=f"lvcreate-{uuid.uuid4().hex[:8]}",
                      memory_mib=256, cpus=1, disk_gib=1)
        [iso] = [v for v in await iso_volumes(conn) if v.pool == pool]
        draft.iso_path = iso.path
        began = time.monotonic()
        created = await create_on_host(conn, to_spec(draft), pool=pool)
        print(f"created in {time.monotonic() - began:.1f} s")
        name = created.name
        log = Path(created.serial_log)
        try:
            assert created.domain_type == "qemu"  # kvm_pvm here: no VT-x/AMD-V
            assert [v.pool for v in created.disks] == [pool]
            events: list[DomainStateChanged] = []
            conn.subscribe(lambda e: events.append(e) if e.name == name else None)
            assert (await conn.domain(name)).state is VmState.STOPPED

            outcome = await conn.start(name)
            assert outcome.ok, (outcome.message, outcome.details)
            assert await conn.wait_for_state(name, {VmState.RUNNING}, 10) is VmState.RUNNING
            assert any(e.state is VmState.RUNNING for e in events)  # from the event itself

            # The power button is only heard once the guest's acpid runs.
            print(f"running at {time.monotonic() - began:.1f} s")
            await asyncio.to_thread(wait_for_serial, log, "KVMGUI-GUEST: ready", 120)
            print(f"ready at {time.monotonic() - began:.1f} s")
            outcome = await conn.shutdown(name, 60)
            assert outcome.ok, (outcome.message, outcome.details)
            assert any(e.state is VmState.STOPPED for e in events)
            assert (await conn.domain(name)).state is VmState.STOPPED
            print(f"shut off at {time.monotonic() - began:.1f} s")
        finally:
            def undefine(c: object) -> None:
                dom = c.lookupByName(name)  # type: ignore[attr-defined]
                if dom.isActive():
                    dom.destroy()
                dom.undefine()

            await conn.run(undefine)  # the pool's removal takes the disk volume
            log.unlink(missing_ok=True)
            (log.parent / f"{name}.log").unlink(missing_ok=True)  # libvirt's QEMU log
