"""Golden files: the libvirt domain XML of every fixture VM (tests/core/golden/*.xml).

The same fixtures as the argv goldens, so each XML can be read next to the argv it stands for.
Regenerate them with `pytest tests/core/test_libvirt_xml_golden.py --regenerate-golden` and
read the diff. Every golden XML is checked against libvirt's own schema with
virt-xml-validate (Debian package libvirt-clients, installed by scripts/setup.sh test).
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace

import pytest

from kvmgui.core.libvirt_xml import DomainType, LibvirtDomain, LibvirtXmlError, export_domain
from kvmgui.core.model import Accel, DiskFormat, VmSpec
from tests.core.vm_fixtures import FIXTURES, GOLDEN_DIR, Fixture

EMULATOR = "/usr/bin/qemu-system-x86_64"


def exportable(fx: Fixture) -> VmSpec:
    """The fixture's spec, minus what libvirt refuses: a VHDX disk becomes qcow2 (libvirt has
    no VHDX; test_vhdx_is_refused covers the refusal)."""
    disks = tuple(
        replace(d, format=DiskFormat.QCOW2) if d.format is DiskFormat.VHDX else d
        for d in fx.spec.disks
    )
    return replace(fx.spec, disks=disks)


def fixture_domain(fx: Fixture) -> LibvirtDomain:
    """The export as the fixture's host would run it: kvm where its argv uses KVM."""
    kind: DomainType = "kvm" if fx.host.resolve_accel(fx.spec.accel) is Accel.KVM else "qemu"
    return export_domain(
        exportable(fx),
        folder=fx.folder,
        domain_type=kind,
        emulator=EMULATOR,
        ovmf_code=fx.host.ovmf_code,
    )


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_golden_xml(name: str, regenerate_golden: bool) -> None:
    fx = FIXTURES[name]
    text = fixture_domain(fx).xml
    path = GOLDEN_DIR / f"{name}.xml"
    if regenerate_golden:
        GOLDEN_DIR.mkdir(exist_ok=True)
        path.write_text(text)
        return
    assert path.exists(), f"no golden XML for {name}: run with --regenerate-golden"
    assert text.splitlines() == path.read_text().splitlines()


def test_no_stale_golden_xml() -> None:
    stale = {p.stem for p in GOLDEN_DIR.glob("*.xml")} - set(FIXTURES)
    assert not stale, f"golden XML without a fixture: {sorted(stale)}"


VALIDATOR = shutil.which("virt-xml-validate")


@pytest.mark.skipif(
    VALIDATOR is None,
    reason="virt-xml-validate is missing: install the Debian package libvirt-clients "
    "(scripts/setup.sh test does)",
)
@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_golden_xml_is_valid_for_libvirt(name: str) -> None:
    assert VALIDATOR is not None
    path = GOLDEN_DIR / f"{name}.xml"
    result = subprocess.run(
        [VALIDATOR, str(path), "domain"], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_vhdx_is_refused() -> None:
    fx = FIXTURES["disk-modes"]
    with pytest.raises(LibvirtXmlError, match="Disk 5 is a VHDX image"):
        export_domain(fx.spec, folder=fx.folder)
