"""Every field of the VM spec reaches the command line (like virt-manager's test_checkprops).

For each fixture, every field (of VmSpec and of every dataclass nested in it) is changed away
from the fixture's value in every way that makes sense for its type; a field counts as
covered when some change builds and gives a different argv. A field added to the model later
fails this test until the builder (or the EXEMPT list, with a reason) accounts for it.
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from collections.abc import Iterator
from typing import Any

import pytest

from kvmgui.core.argv import ArgvError, build_argv
from kvmgui.core.model import (
    BootDevice,
    Cdrom,
    CdromSource,
    Disk,
    DiskFormat,
    Passthrough,
    PortForward,
    Share,
    UsbDeviceId,
    VmSpec,
)
from tests.core.test_argv_golden import fixture_argv
from tests.core.vm_fixtures import FIXTURES, Fixture

# Fields that legitimately leave the argv alone, and why.
EXEMPT: dict[str, str] = {
    "VmSpec.description": "a note for the user; the virtual hardware is the same",
    "VmSpec.keyboard_layout": "which keys typing text sends (core.keyboard); QEMU's own -k "
    "only matters to VNC clients without scancodes, and its documentation advises against it",
    "Disk.size_bytes": "only used to create the image (qemu-img create); QEMU reads the size "
    "from the image itself",
}

# Candidate values beyond the generic ones, where the generic ones would not build.
SPECIAL: dict[str, list[Any]] = {
    "VmSpec.machine_version": [None, "pc-q35-7.1", "pc-i440fx-7.1", "pc-q35-6.2"],
    "Disk.backing_file": [None, "another-base.qcow2"],
    "Cdrom.path": [None, "/isos/other.iso", "/dev/sr1"],
    "UsbDeviceId.vendor": ["1d50"],
    "UsbDeviceId.product": ["6089"],
}

# A new element for each tuple field, so adding and removing elements is tried too.
NEW_ELEMENT: dict[str, list[Any]] = {
    "VmSpec.disks": [Disk("added.qcow2")],
    "VmSpec.boot_order": list(BootDevice),
    "VmSpec.extra_args": ["-no-reboot"],
    "Network.forwards": [PortForward(9999, 99)],
    "VmSpec.shares": [Share("/srv/added", "added")],
    "VmSpec.usb_devices": [UsbDeviceId("1d50", "6089")],
}

# A value for an Optional field that is None in the fixture.
FOR_NONE: dict[str, list[Any]] = {
    "VmSpec.cdrom": [Cdrom(), Cdrom(CdromSource.ISO, "/isos/x.iso")],
    "VmSpec.usb_stick": [Passthrough("/dev/sdz"), Passthrough("/dev/sdz", protected=False)],
    "VmSpec.machine_version": ["pc-q35-7.1", "pc-i440fx-7.1"],
    "Disk.size_bytes": [1 << 30],
    "Disk.backing_file": ["base.qcow2"],
    "Disk.backing_format": list(DiskFormat),
    "Cdrom.path": ["/isos/x.iso"],
}


def _dataclasses_in(hint: Any) -> Iterator[type]:
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        yield hint
    for arg in typing.get_args(hint):
        yield from _dataclasses_in(arg)


def field_universe(cls: type = VmSpec) -> set[str]:
    """"Class.field" for every field of `cls` and of every dataclass reachable from it."""
    keys: set[str] = set()
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        keys.add(f"{cls.__name__}.{f.name}")
        for nested in _dataclasses_in(hints[f.name]):
            keys |= field_universe(nested)
    return keys


def _is_optional(hint: Any) -> bool:
    return isinstance(hint, types.UnionType) and type(None) in typing.get_args(hint)


def alternatives(key: str, value: Any, hint: Any) -> list[Any]:
    """Values other than `value` for the field `key` (of declared type `hint`)."""
    candidates: list[Any] = list(SPECIAL.get(key, []))
    if value is None:
        if key not in FOR_NONE:
            raise AssertionError(f"no value to try for {key} when it is None: add FOR_NONE")
        candidates += FOR_NONE[key]
    elif isinstance(value, bool):
        candidates.append(not value)
    elif isinstance(value, enum.Enum):
        candidates += list(type(value))
    elif isinstance(value, int):
        candidates += [value + 1, max(1, value - 1)]
    elif isinstance(value, str):
        candidates += [f"x{value}", f"{value}x"]
    elif isinstance(value, tuple):
        for i in range(len(value)):
            candidates.append(value[:i] + value[i + 1:])
        candidates += [(*value, extra) for extra in NEW_ELEMENT.get(key, [])]
        candidates.append(tuple(reversed(value)))
        if key not in NEW_ELEMENT and not value:
            raise AssertionError(f"no element to add to the empty {key}: add NEW_ELEMENT")
    elif dataclasses.is_dataclass(value):
        pass  # its own fields are mutated one by one
    else:
        raise AssertionError(f"no mutation known for {key} = {value!r}: teach alternatives()")
    if _is_optional(hint) and value is not None:
        candidates.append(None)
    return [c for c in candidates if c != value]


def mutations(obj: Any) -> Iterator[tuple[tuple[str, ...], Any]]:
    """(field keys, a copy of `obj` with that field changed), recursively.

    The keys are the changed field and the fields that contain it (a change of
    Display.kind is also a change of VmSpec.display).
    """
    hints = typing.get_type_hints(type(obj))
    for f in dataclasses.fields(obj):
        key = f"{type(obj).__name__}.{f.name}"
        value = getattr(obj, f.name)
        for alt in alternatives(key, value, hints[f.name]):
            yield (key,), dataclasses.replace(obj, **{f.name: alt})
        if dataclasses.is_dataclass(value):
            for nested_keys, changed in mutations(value):
                yield (*nested_keys, key), dataclasses.replace(obj, **{f.name: changed})
        if isinstance(value, tuple):
            for i, element in enumerate(value):
                if dataclasses.is_dataclass(element):
                    for nested_keys, changed in mutations(element):
                        new = (*value[:i], changed, *value[i + 1:])
                        yield (*nested_keys, key), dataclasses.replace(obj, **{f.name: new})


def _argv(fx: Fixture, spec: VmSpec) -> list[str] | None:
    try:
        return build_argv(spec, caps=fx.caps, host=fx.host, folder=fx.folder, run=fx.run)
    except ArgvError:
        return None


def _changing_fields() -> tuple[set[str], dict[str, str]]:
    covered: set[str] = set()
    exempt_changes: dict[str, str] = {}
    for name, fx in FIXTURES.items():
        base = fixture_argv(fx)
        for keys, spec in mutations(fx.spec):
            key = keys[0]
            if key in covered and key not in EXEMPT:
                continue
            argv = _argv(fx, spec)
            if argv is not None and argv != base:
                covered.update(keys)
                if key in EXEMPT:
                    exempt_changes[key] = name
    return covered, exempt_changes


COVERED, EXEMPT_CHANGES = _changing_fields()


def test_every_field_changes_some_argv() -> None:
    missing = field_universe() - COVERED - set(EXEMPT)
    assert not missing, f"spec fields that change no argv in any fixture: {sorted(missing)}"


def test_exempt_fields_really_change_nothing() -> None:
    assert not EXEMPT_CHANGES, f"exempt fields that do change the argv: {EXEMPT_CHANGES}"


def test_exempt_list_names_real_fields() -> None:
    assert set(EXEMPT) <= field_universe()


@pytest.mark.parametrize(
    "key", ["VmSpec.disks", "Disk.cache", "Network.forwards", "Display.password"]
)
def test_universe_reaches_nested_fields(key: str) -> None:
    assert key in field_universe()
