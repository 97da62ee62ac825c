"""core.restart: which hardware edits of a running VM wait for its next start."""

from __future__ import annotations

from dataclasses import replace

from kvmgui.core.model import Cdrom, CdromSource
from kvmgui.core.presets import new_spec
from kvmgui.core.restart import restart_fields, restart_needed, restart_note


def test_hardware_waits_for_the_restart_and_the_disc_does_not() -> None:
    old = new_spec("vm", cdrom=Cdrom(CdromSource.ISO, "/a.iso"))
    new = replace(
        old,
        memory_mib=old.memory_mib * 2,
        cpus=old.cpus + 1,
        cdrom=Cdrom(CdromSource.ISO, "/b.iso"),
        description="changed",
    )
    assert restart_fields(old, new) == ["memory_mib", "cpus"]
    assert restart_needed(old, new) == ["memory", "CPUs"]
    assert str(restart_note(old, new)) == (
        "The VM is running: these changes take effect the next time it starts: memory, CPUs."
    )
    assert restart_fields(old, replace(old, cdrom=None)) == ["cdrom"]
    assert restart_note(old, replace(old, description="only words")) is None
