"""libvirt itself accepts an exported domain: `virsh define` on qemu:///system, then undefine.

Marked qemu and slow: it needs a running libvirtd with its QEMU driver (Debian:
libvirt-daemon-system and libvirt-daemon-driver-qemu; without systemd, `virtlogd -d` and
`libvirtd -d` as root), and libvirtd probes QEMU's capabilities, which on a host where /dev/kvm
comes and goes it repeats for each call (minutes). Skipped, with the reason, when virsh or the
daemon is not there.
"""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kvmgui.core.libvirt_xml import domain_uuid
from tests.core.test_libvirt_xml_golden import fixture_domain
from tests.core.vm_fixtures import FIXTURES

pytestmark = [pytest.mark.qemu, pytest.mark.slow]

URI = "qemu:///system"
VIRSH = shutil.which("virsh")


def virsh(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    assert VIRSH is not None
    return subprocess.run([VIRSH, "-c", URI, *args], capture_output=True, text=True,
                          timeout=timeout, check=False)


@pytest.fixture
def libvirt_system() -> None:
    if VIRSH is None:
        pytest.skip("virsh is missing: install libvirt-clients")
    try:
        version = virsh("version")
    except subprocess.TimeoutExpired:
        pytest.skip(f"libvirtd on {URI} does not answer")
    if version.returncode != 0:
        pytest.skip(f"no libvirtd on {URI} (start virtlogd -d and libvirtd -d as root): "
                    f"{version.stderr.strip()}")


@pytest.mark.timeout(900)
@pytest.mark.usefixtures("libvirt_system")
def test_libvirt_defines_an_exported_domain(tmp_path: Path) -> None:
    # A TCG domain: accepted whether or not this host has KVM.
    domain = fixture_domain(FIXTURES["no-nic-no-sound"])
    path = tmp_path / "domain.xml"
    path.write_text(domain.xml)
    defined = virsh("define", str(path), timeout=600)
    try:
        assert defined.returncode == 0, defined.stderr
        uuid = virsh("domuuid", domain.name)
        assert uuid.returncode == 0, uuid.stderr
        assert uuid.stdout.strip() == domain_uuid(FIXTURES["no-nic-no-sound"].spec)
        kept = virsh("dumpxml", "--inactive", domain.name)
        assert kept.returncode == 0, kept.stderr
        root = ET.fromstring(kept.stdout)
        assert root.get("type") == "qemu" and root.find("devices/interface") is None
        assert [d.get("device") for d in root.iter("disk")] == ["disk", "cdrom"]
    finally:
        virsh("undefine", "--nvram", domain.name)
