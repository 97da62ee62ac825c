"""libvirt itself accepts an exported domain: `virsh define` on qemu:///system, then undefine.

Marked qemu: it needs libvirtd with its QEMU driver, which the `libvirtd` fixture
(tests/libvirt_daemon.py) starts when it is not running. Skipped, with the reason, when virsh
is not installed.
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
from tests.libvirt_daemon import libvirtd  # noqa: F401  (the fixture)

pytestmark = [pytest.mark.qemu]

VIRSH = shutil.which("virsh")


def virsh(uri: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    assert VIRSH is not None
    return subprocess.run([VIRSH, "-c", uri, *args], capture_output=True, text=True,
                          timeout=timeout, check=False)


def test_libvirt_defines_an_exported_domain(tmp_path: Path, libvirtd: str) -> None:  # noqa: F811
    if VIRSH is None:
        pytest.skip("virsh is missing: install libvirt-clients")
    # A TCG domain: accepted whether or not this host has KVM.
    domain = fixture_domain(FIXTURES["no-nic-no-sound"])
    path = tmp_path / "domain.xml"
    path.write_text(domain.xml)
    defined = virsh(libvirtd, "define", str(path))
    try:
        assert defined.returncode == 0, defined.stderr
        uuid = virsh(libvirtd, "domuuid", domain.name)
        assert uuid.returncode == 0, uuid.stderr
        assert uuid.stdout.strip() == domain_uuid(FIXTURES["no-nic-no-sound"].spec)
        kept = virsh(libvirtd, "dumpxml", "--inactive", domain.name)
        assert kept.returncode == 0, kept.stderr
        root = ET.fromstring(kept.stdout)
        assert root.get("type") == "qemu" and root.find("devices/interface") is None
        assert [d.get("device") for d in root.iter("disk")] == ["disk", "cdrom"]
    finally:
        virsh(libvirtd, "undefine", "--nvram", domain.name)
