"""Property tests (issue 8): parsers and validators never fail except in their documented way.

Arbitrary text, bytes and JSON go into the size parser, the name and path validators, the
definition reader (both schemas) and the settings reader. Each must return a result or raise
only its own error type (SizeError, DefinitionError, StoreError), never crash, never hang and
never let a name escape the VM folder. Settings are modest so the file runs in seconds.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings, strategies as st

from kvmgui.core.definition import (
    SCHEMA_VERSION,
    DefinitionError,
    dump_definition,
    parse_definition,
    spec_from_dict,
    spec_to_dict,
)
from kvmgui.core.host import HostFacts
from kvmgui.core.model import (
    BootDevice,
    Cdrom,
    CdromSource,
    Disk,
    DiskBus,
    DiskFormat,
    Network,
    NicModel,
    OsPreset,
    Passthrough,
    PortForward,
    VmSpec,
)
from kvmgui.core.paths import VmFolder
from kvmgui.core.problems import Problem
from kvmgui.core.settings import Settings, load_settings
from kvmgui.core.sizes import MAX_SIZE, SizeError, parse_size
from kvmgui.core.store import StoreError, VmStore
from kvmgui.core.validation import validate_name, validate_spec
from tests.examples import examples

FUZZ = settings(max_examples=examples(200), deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)

# -- sizes ----------------------------------------------------------------------------------

size_like = st.from_regex(
    r"\s*[+-]?[0-9]{0,6}(\.[0-9]{0,3})?\s*([kKmMgGtTbB]|[kKmMgGtT]i?[bB]|bytes?)?\s*",
    fullmatch=True,
)


@FUZZ
@given(st.one_of(st.text(), size_like), st.sampled_from(["B", "K", "M", "G", "T"]))
def test_parse_size_returns_a_sane_size_or_size_error(text: str, unit: str) -> None:
    try:
        n = parse_size(text, default_unit=unit)
    except SizeError as exc:
        message = str(exc)
        assert message.endswith(".") and "\n" not in message and len(message) < 200
    else:
        assert 0 < n <= MAX_SIZE


# -- names and folders ----------------------------------------------------------------------


@FUZZ
@given(st.text(), st.lists(st.text(max_size=10), max_size=4))
def test_validate_name_never_raises_and_valid_names_stay_in_the_folder(
    name: str, existing: list[str]
) -> None:
    problems = validate_name(name, existing)
    assert all(isinstance(p, Problem) and p.message.endswith(".") for p in problems)
    if not problems:
        root = Path("/vms")
        folder = VmStore(root).folder_for(name)
        assert folder.dir.parent == root
        assert os.path.normpath(folder.dir) == str(folder.dir)
        assert not name.startswith(".") and "/" not in name and "\0" not in name


@FUZZ
@given(st.text() | st.sampled_from(["..", ".", "../..", "/etc/passwd", "a/../../b", "x\0y"]))
def test_folder_for_never_escapes(name: str) -> None:
    root = Path("/vms")
    try:
        folder = VmStore(root).folder_for(name)
    except StoreError as exc:
        assert str(exc).endswith(".")
    else:
        assert folder.dir.parent == root
        assert os.path.realpath(folder.dir).startswith("/vms/")


# -- definitions ----------------------------------------------------------------------------

_BASE = spec_to_dict(VmSpec(name="fuzz", id="f" * 32, disks=(Disk("d.qcow2"),),
                            network=Network(forwards=(PortForward(2222, 22),))))


def _spots(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a nested dict/list where a value could be replaced."""
    places: list[tuple[Any, ...]] = []
    items = data.items() if isinstance(data, dict) else enumerate(data)
    for key, value in items:
        places.append((*prefix, key))
        if isinstance(value, dict | list):
            places.extend(_spots(value, (*prefix, key)))
    return places


_PLACES = _spots(_BASE)


@FUZZ
@given(json_values)
def test_spec_from_arbitrary_json(data: object) -> None:
    try:
        spec = spec_from_dict(data, source="fuzz.json")
    except DefinitionError as exc:
        assert str(exc).startswith("The VM definition fuzz.json cannot be used: ")
    else:
        assert isinstance(spec, VmSpec)


@FUZZ
@given(st.sampled_from(_PLACES), json_values)
def test_spec_from_a_valid_file_with_one_value_replaced(place: tuple[Any, ...],
                                                        value: object) -> None:
    data = json.loads(json.dumps(_BASE))
    target = data
    for key in place[:-1]:
        target = target[key]
    target[place[-1]] = value
    try:
        spec = spec_from_dict(data, source="fuzz.json")
    except DefinitionError:
        return
    # Whatever was accepted is written and read back unchanged.
    assert parse_definition(dump_definition(spec), source="again") == (spec, SCHEMA_VERSION)


@FUZZ
@given(st.dictionaries(
    st.sampled_from(["name", "uuid", "os", "memory", "smp", "kvm", "disk", "disk_format",
                     "disk_interface", "disk_cache", "snapshot", "hdb", "hdb_writable", "cdrom",
                     "boot", "vnc", "std_vga", "sound", "usb", "net", "nic", "redir",
                     "localtime", "args", "notes", "bogus"]),
    json_values | st.text(alphabet="abcdgtu:0123456789 '\"-=,", max_size=20),
    max_size=8,
))
def test_v1_migration_of_arbitrary_content(fields: dict[str, Any]) -> None:
    data = {"version": 1, "name": "old", **fields}
    try:
        spec = spec_from_dict(data, source="v1.json")
    except DefinitionError:
        return
    assert parse_definition(dump_definition(spec), source="again")[0] == spec


@FUZZ
@given(st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
def test_parse_definition_of_arbitrary_bytes(raw: bytes) -> None:
    with contextlib.suppress(DefinitionError):
        parse_definition(raw, source="vm.json")


safe_text = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\0"),
                    max_size=30)
specs = st.builds(
    VmSpec,
    name=st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=20),
    id=st.from_regex(r"[A-Za-z0-9_-]{1,64}", fullmatch=True),
    os=st.sampled_from(OsPreset),
    memory_mib=st.integers(1, 16 * 1024 * 1024),
    cpus=st.integers(1, 1024),
    disks=st.lists(st.builds(Disk, path=safe_text, format=st.sampled_from(DiskFormat),
                             bus=st.sampled_from(DiskBus),
                             size_bytes=st.none() | st.integers(1, MAX_SIZE),
                             backing_file=st.none() | safe_text,
                             backing_format=st.none() | st.sampled_from(DiskFormat)),
                   max_size=3).map(tuple),
    cdrom=st.none() | st.builds(Cdrom, source=st.sampled_from(CdromSource),
                                path=st.none() | safe_text),
    usb_stick=st.none() | st.builds(Passthrough, path=safe_text),
    boot_order=st.lists(st.sampled_from(BootDevice), max_size=4).map(tuple),
    network=st.builds(Network, nic=st.sampled_from(NicModel),
                      forwards=st.lists(st.builds(PortForward, host_port=st.integers(1, 65535),
                                                  guest_port=st.integers(1, 65535)),
                                        max_size=3).map(tuple)),
    extra_args=st.lists(safe_text, max_size=3).map(tuple),
    description=safe_text,
)


@FUZZ
@given(specs)
def test_any_valid_spec_round_trips(spec: VmSpec) -> None:
    assert spec_from_dict(spec_to_dict(spec), source="t") == spec
    assert parse_definition(dump_definition(spec), source="t") == (spec, SCHEMA_VERSION)


@FUZZ
@given(specs, st.text(max_size=20), st.integers(-1, 2**45) | st.none())
def test_validate_spec_never_raises(spec: VmSpec, path: str, free: int | None) -> None:
    host = HostFacts(cpu_count=2, memory_mib=4096)
    # Arbitrary paths, checked against the real filesystem (they mostly do not exist).
    spec = replace(spec, cdrom=Cdrom(CdromSource.HOST, path),
                   usb_stick=Passthrough(path, protected=False))
    problems = validate_spec(spec, host, existing_names=["a"],
                             folder=VmFolder(Path("/nonexistent")), free_bytes=free,
                             check_files=True)
    assert all(p.message.endswith(".") for p in problems)


# -- settings -------------------------------------------------------------------------------

setting_keys = st.sampled_from([
    "schema_version", "vm_root", "default_memory_mib", "default_cpus", "default_display",
    "accelerator", "qemu_binary", "qemu_img_binary", "on_quit", "shutdown_timeout_s",
    "stats_interval_s", "thumbnail_interval_s", "console_scaling", "console_grab_keyboard",
    "confirm_force_off", "confirm_delete", "unknown",
])


@FUZZ
@given(st.binary(max_size=300)
       | st.dictionaries(setting_keys, json_values, max_size=6).map(
           lambda d: json.dumps({"schema_version": 1, **d}).encode())
       | st.dictionaries(setting_keys, json_values, max_size=6).map(
           lambda d: json.dumps(d).encode()))
def test_load_settings_of_arbitrary_content(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "settings.json"
        path.write_bytes(raw)
        loaded, warnings = load_settings(path)
        assert isinstance(loaded, Settings)
        assert all(isinstance(w, str) and w.endswith(".") for w in warnings)
        # Nothing is lost: the file is either still there or kept aside.
        kept = [p for p in Path(tmp).iterdir()]
        assert len(kept) == 1 and kept[0].read_bytes() == raw
