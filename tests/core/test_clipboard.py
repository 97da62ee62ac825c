"""Clipboard sharing in the core: the definition field, the agent port in the argv, restarts."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from kvmgui.core.definition import DefinitionError, dump_definition, parse_definition
from kvmgui.core.model import Display, DisplayKind, VmSpec
from kvmgui.core.restart import restart_fields, restart_note
from tests.core.test_argv import build, error, spec, values
from tests.core.vm_fixtures import GOLDEN_CAPS

VNC = Display(kind=DisplayKind.VNC)
SPICE = Display(kind=DisplayKind.SPICE)


def agent_parts(argv: list[str]) -> list[str]:
    """Every argument that has to do with a guest agent or its port."""
    return [a for a in argv if "vdagent" in a or "spicevmc" in a or "com.redhat.spice" in a]


@pytest.mark.parametrize("display", [VNC, SPICE, Display(kind=DisplayKind.NONE)])
def test_off_by_default_and_then_no_agent_at_all(display: Display) -> None:
    assert VmSpec(name="t", id="t").clipboard is False
    argv = build(spec(display=display))
    assert agent_parts(argv) == []
    assert not any(a.startswith("virtserialport") for a in values(argv, "-device"))


def test_vnc_gets_qemus_own_agent_end() -> None:
    argv = build(spec(clipboard=True))
    assert values(argv, "-chardev") == [
        "qemu-vdagent,id=vdagent,name=vdagent,clipboard=on,mouse=off"
    ]
    devices = values(argv, "-device")
    assert "virtio-serial-pci,id=vser0" in devices
    assert "virtserialport,bus=vser0.0,chardev=vdagent,name=com.redhat.spice.0" in devices
    assert devices.count("virtio-serial-pci,id=vser0") == 1


def test_spice_gets_the_spice_agent_channel() -> None:
    argv = build(spec(clipboard=True, display=SPICE))
    assert values(argv, "-chardev") == ["spicevmc,id=vdagent,name=vdagent"]
    assert "virtserialport,bus=vser0.0,chardev=vdagent,name=com.redhat.spice.0" in values(
        argv, "-device"
    )


def test_no_display_no_agent_even_when_sharing() -> None:
    assert agent_parts(build(spec(clipboard=True, display=Display(kind=DisplayKind.NONE)))) == []


def test_old_qemu_or_missing_devices_are_explained() -> None:
    old = replace(GOLDEN_CAPS, version=(6, 0, 0))
    assert "QEMU 6.1.0 or newer" in error(spec(clipboard=True), caps=old)
    no_serial = replace(GOLDEN_CAPS, devices=GOLDEN_CAPS.devices - {"virtserialport"})
    message = error(spec(clipboard=True), caps=no_serial)
    assert "virtserialport" in message and "clipboard sharing" in message


def test_turning_on_waits_for_a_restart_turning_off_over_vnc_does_not() -> None:
    off = spec()
    on = replace(off, clipboard=True)
    assert restart_fields(off, on) == ["clipboard"]
    assert str(restart_note(off, on)).endswith("starts: clipboard sharing.")
    assert restart_fields(on, off) == []
    # Over SPICE the external viewer shares through the agent: only a restart removes it.
    spice_on = replace(on, display=SPICE)
    assert restart_fields(spice_on, replace(spice_on, clipboard=False)) == ["clipboard"]


def test_definition_writes_it_only_when_on_and_reads_it_back() -> None:
    off = spec()
    assert b"clipboard" not in dump_definition(off)
    on = replace(off, clipboard=True)
    raw = dump_definition(on)
    assert json.loads(raw)["clipboard"] is True
    assert parse_definition(raw, source="vm.json")[0] == on
    assert parse_definition(dump_definition(off), source="vm.json")[0].clipboard is False


@pytest.mark.parametrize("hostile", ["yes", 1, None, [], {"on": True}, "true"])
def test_hostile_values_are_refused(hostile: object) -> None:
    data = json.loads(dump_definition(spec()))
    data["clipboard"] = hostile
    with pytest.raises(DefinitionError, match="'clipboard' must be true or false"):
        parse_definition(json.dumps(data).encode(), source="vm.json")


def test_a_nested_clipboard_key_is_unknown() -> None:
    data = json.loads(dump_definition(spec()))
    data["display"]["clipboard"] = True
    with pytest.raises(DefinitionError, match="unknown"):
        parse_definition(json.dumps(data).encode(), source="vm.json")
