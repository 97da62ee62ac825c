"""The test guest as a hand-written libvirt domain, for tests whose subject is not how the
domain is made (the console through an SSH tunnel, the details window): `guest_dir` (a
fixture) copies the test ISO where libvirt's QEMU may read it, `domain_xml` is the domain
booting it with its serial console logged next to it."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import quoteattr

import pytest

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
