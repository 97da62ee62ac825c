"""A real guest on qemu:///system through the libvirt connection: defined, started, seen
running through a lifecycle event, shut down with the ACPI power button, seen shut off through
an event, undefined. TCG, so it runs where /dev/kvm is missing too.

Start to shut off takes about 20 s."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import quoteattr

import pytest

from kvmgui.runtime.libvirt_conn import DomainStateChanged, LibvirtConnection
from kvmgui.runtime.state import VmState
from tests.guest.fixtures import wait_for_serial
from tests.libvirt_daemon import libvirtd  # noqa: F401  (the fixture)

libvirt = pytest.importorskip("libvirt")

pytestmark = [pytest.mark.qemu, pytest.mark.slow, pytest.mark.usefixtures("libvirtd")]

# Where libvirt's QEMU (another user, libvirt-qemu) may read the ISO and write the serial log:
# a test's own temporary folder under /tmp or /root is not reachable for it.
IMAGES = Path("/var/lib/libvirt/images")


@pytest.fixture
def guest_dir(test_iso: Path) -> Iterator[Path]:
    IMAGES.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="kvmgui-test-", dir=IMAGES))
    folder.chmod(0o755)
    shutil.copyfile(test_iso, folder / "guest.iso")
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def domain_xml(name: str, folder: Path, devices: str = "") -> str:
    """The test guest's domain; `devices`: more device elements (a display…)."""
    # q35 with the CD on SATA (AHCI, DMA): under TCG the boot takes a quarter of what an IDE
    # CD on the pc machine takes.
    iso = quoteattr(str(folder / "guest.iso"))
    log = quoteattr(str(folder / "serial.log"))
    return f"""<domain type='qemu'>
  <name>{name}</name>
  <memory unit='MiB'>256</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64' machine='q35'>hvm</type><boot dev='cdrom'/></os>
  <features><acpi/></features>
  <on_poweroff>destroy</on_poweroff>
  <devices>
    <disk type='file' device='cdrom'>
      <driver name='qemu' type='raw'/>
      <source file={iso}/>
      <target dev='sda' bus='sata'/>
      <readonly/>
    </disk>
    <serial type='file'><source path={log}/><target port='0'/></serial>{devices}
  </devices>
</domain>"""


@pytest.mark.asyncio
@pytest.mark.timeout(180)
async def test_guest_starts_and_shuts_down_seen_through_events(libvirtd: str,  # noqa: F811
                                                               guest_dir: Path) -> None:
    name = f"kvmgui-test-{uuid.uuid4().hex[:8]}"
    raw = await asyncio.to_thread(libvirt.open, libvirtd)
    dom = await asyncio.to_thread(raw.defineXML, domain_xml(name, guest_dir))
    try:
        async with await LibvirtConnection.open(libvirtd) as conn:
            events: list[DomainStateChanged] = []
            conn.subscribe(lambda e: events.append(e) if e.name == name else None)
            assert (await conn.domain(name)).state is VmState.STOPPED

            outcome = await conn.start(name)
            assert outcome.ok, (outcome.message, outcome.details)
            assert await conn.wait_for_state(name, {VmState.RUNNING}, 10) is VmState.RUNNING
            assert any(e.state is VmState.RUNNING for e in events)  # from the event itself

            # The power button is only heard once the guest's acpid runs.
            await asyncio.to_thread(wait_for_serial, guest_dir / "serial.log",
                                    "KVMGUI-GUEST: ready", 60)
            outcome = await conn.shutdown(name, 30)
            assert outcome.ok, (outcome.message, outcome.details)
            assert any(e.state is VmState.STOPPED for e in events)
            assert (await conn.domain(name)).state is VmState.STOPPED
    finally:
        def remove() -> None:
            if dom.isActive():
                dom.destroy()
            dom.undefine()
            raw.close()

        await asyncio.to_thread(remove)
