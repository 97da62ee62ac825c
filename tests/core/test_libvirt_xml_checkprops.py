"""Every field of the VM spec reaches the exported libvirt XML, or a warning, or a refusal
(as tests/core/test_argv_checkprops.py does for the QEMU command line): a field added to the
model later fails here until the export (or EXEMPT, with a reason) accounts for it."""

from __future__ import annotations

from kvmgui.core.libvirt_xml import LibvirtXmlError, export_domain
from kvmgui.core.model import VmSpec
from tests.core.test_argv_checkprops import field_universe, mutations
from tests.core.vm_fixtures import FIXTURES, Fixture

EXEMPT: dict[str, str] = {
    "VmSpec.keyboard_layout": "which keys kvmgui's typing sends; nothing in the virtual hardware",
    "Disk.size_bytes": "only used to create the image; libvirt reads the size from the image",
}


def _export(fx: Fixture, spec: VmSpec) -> tuple[str, tuple[str, ...]] | None:
    try:
        # No domain type given: the spec's accelerator picks it (kvm unless TCG is asked for).
        domain = export_domain(spec, folder=fx.folder)
    except LibvirtXmlError:
        return None  # a refusal says so in a sentence: the field is accounted for
    return domain.xml, tuple(str(w) for w in domain.warnings)


def _covered() -> set[str]:
    covered: set[str] = set()
    for fx in FIXTURES.values():
        base = _export(fx, fx.spec)
        for keys, spec in mutations(fx.spec):
            if keys[0] in covered:
                continue
            if _export(fx, spec) != base:
                covered.update(keys)
    return covered


def test_every_field_changes_the_export() -> None:
    missing = field_universe() - _covered() - set(EXEMPT)
    assert not missing, f"spec fields the libvirt export ignores: {sorted(missing)}"


def test_exempt_list_names_real_fields() -> None:
    assert set(EXEMPT) <= field_universe()
