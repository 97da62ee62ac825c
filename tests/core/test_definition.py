from __future__ import annotations

import copy
import json
import uuid
from pathlib import Path
from typing import Any

import pytest

from kvmgui.core.definition import (
    MAX_DEFINITION_BYTES,
    SCHEMA_VERSION,
    DefinitionError,
    dump_definition,
    migrate,
    parse_definition,
    spec_from_dict,
    spec_to_dict,
)
from kvmgui.core.model import (
    Accel,
    BootDevice,
    CacheMode,
    Cdrom,
    CdromSource,
    Disk,
    DiskBus,
    DiskFormat,
    Display,
    DisplayKind,
    Firmware,
    MachineType,
    Network,
    NicModel,
    OsPreset,
    Passthrough,
    PortForward,
    Protocol,
    VideoModel,
    VmSpec,
)
from kvmgui.core.presets import new_spec

DATA = Path(__file__).parent / "data" / "definitions"


def _rich_spec() -> VmSpec:
    return new_spec(
        "rich",
        OsPreset.WINDOWS11,
        machine_version="pc-q35-7.2",
        accel=Accel.TCG,
        disks=(
            Disk("os.qcow2", size_bytes=64 << 30),
            Disk("overlay.qcow2", backing_file="base.qcow2", backing_format=DiskFormat.QCOW2,
                 bus=DiskBus.SATA, cache=CacheMode.UNSAFE, throwaway=True),
            Disk("/dev/sdc", format=DiskFormat.RAW, bus=DiskBus.USB, readonly=True),
        ),
        cdrom=Cdrom(CdromSource.HOST, "/dev/sr0"),
        usb_stick=Passthrough("/dev/sdb", protected=False),
        boot_order=(BootDevice.USB, BootDevice.CDROM, BootDevice.DISK),
        network=Network(nic=NicModel.RTL8139, forwards=(
            PortForward(2222, 22), PortForward(5353, 53, Protocol.UDP))),
        display=Display(DisplayKind.SPICE, VideoModel.QXL, password=True),
        extra_args=("-no-hpet", "-rtc", "base=utc,clock=host"),
        description="Ünïcödé ✓ and \"quotes\"\nand lines",
    )


@pytest.mark.parametrize("preset", list(OsPreset))
def test_every_preset_round_trips(preset: OsPreset) -> None:
    spec = new_spec(f"vm-{preset.value}", preset)
    assert spec_from_dict(spec_to_dict(spec), source="t") == spec
    parsed, version = parse_definition(dump_definition(spec), source="t")
    assert parsed == spec and version == SCHEMA_VERSION


def test_rich_spec_round_trips() -> None:
    spec = _rich_spec()
    assert parse_definition(dump_definition(spec), source="t") == (spec, SCHEMA_VERSION)


def test_dict_has_version_first_and_plain_json_types() -> None:
    data = spec_to_dict(_rich_spec())
    assert next(iter(data)) == "schema_version" and data["schema_version"] == 2
    assert data["os"] == "windows11"
    assert data["disks"][1]["backing_format"] == "qcow2"  # type: ignore[index]
    assert json.loads(json.dumps(data)) == data


def test_stored_v2_file_is_read_and_written_byte_for_byte() -> None:
    raw = (DATA / "v2-debian.json").read_bytes()
    spec, version = parse_definition(raw, source="v2-debian.json")
    assert version == 2
    assert spec.name == "debian 12" and spec.machine_version == "pc-q35-7.2"
    assert spec.disks[0].size_bytes == 20 << 30
    assert dump_definition(spec) == raw  # the format is stable


def test_v1_file_is_migrated() -> None:
    raw = (DATA / "v1-clonezilla-restore.json").read_bytes()
    spec, version = parse_definition(raw, source="v1-clonezilla-restore.json")
    assert version == 1
    assert spec == VmSpec(
        name="clonezilla-restore",
        id="3f2504e04f8911d39a0c0305e82c3301",
        os=OsPreset.LINUX,
        memory_mib=512,
        cpus=1,
        accel=Accel.AUTO,
        machine=MachineType.PC,
        firmware=Firmware.BIOS,
        disks=(Disk("restore.img", format=DiskFormat.RAW, bus=DiskBus.IDE),),
        cdrom=Cdrom(CdromSource.ISO, "/srv/iso/clonezilla-live-2.6.2-15-amd64.iso"),
        usb_stick=Passthrough("/dev/sdb", protected=False),
        boot_order=(BootDevice.CDROM, BootDevice.DISK),
        network=Network(nic=NicModel.E1000, forwards=(
            PortForward(2222, 22), PortForward(5353, 53, Protocol.UDP))),
        sound=True,
        usb=True,
        display=Display(DisplayKind.VNC, VideoModel.STD),
        extra_args=("-no-hpet", "-rtc", "base=utc,clock=host"),
        description="Restores the office image onto the USB disk (kvm -m 512 -cdrom "
                    "clonezilla.iso -boot d restore.img -hdb /dev/sdb).",
    )
    # Saving it writes schema 2, which reads back identically.
    assert parse_definition(dump_definition(spec), source="t") == (spec, 2)


def test_minimal_v1_file_gets_old_defaults_and_a_stable_id() -> None:
    raw = (DATA / "v1-winxp.json").read_bytes()
    spec, _ = parse_definition(raw, source="v1-winxp.json")
    again, _ = parse_definition(raw, source="v1-winxp.json")
    assert spec.id == again.id  # derived from the name until the file is saved as v2
    uuid.UUID(hex=spec.id)
    assert spec.os is OsPreset.WINDOWS_OLD
    assert spec.memory_mib == 256 and spec.cpus == 1
    assert spec.disks == (Disk("winxp.qcow2", format=DiskFormat.QCOW2, bus=DiskBus.IDE),)
    assert spec.cdrom == Cdrom(CdromSource.HOST, "/dev/cdrom")
    assert spec.display.kind is DisplayKind.NONE and spec.display.video is VideoModel.CIRRUS
    assert spec.network.nic is NicModel.RTL8139
    assert spec.rtc_localtime and spec.sound and not spec.usb
    assert spec.usb_stick is None


def test_v1_disk_without_format_is_raw() -> None:
    spec = spec_from_dict({"version": 1, "name": "a", "disk": "a.img"}, source="t")
    assert spec.disks[0].format is DiskFormat.RAW  # never guess qcow2: raw cannot chain


def test_migrate_does_not_modify_its_input() -> None:
    data = json.loads((DATA / "v1-clonezilla-restore.json").read_bytes())
    before = copy.deepcopy(data)
    out = migrate(data)
    assert data == before
    assert out["schema_version"] == SCHEMA_VERSION and "version" not in out
    current = spec_to_dict(new_spec("x"))
    assert migrate(current) == current and migrate(current) is not current


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"version": 1, "name": "a", "redir": ["2222:22"]}, "'redir[0]' must look like"),
        ({"version": 1, "name": "a", "args": "-append 'unclosed"}, "'args' cannot be split"),
        ({"version": 1, "name": "a", "flopy": "a.img"}, "'flopy' is unknown"),
        ({"version": 1, "uuid": "x"}, "'name' is missing"),
        ({"version": 1, "name": "a", "memory": "512"}, "'memory' has the wrong type"),
        ({"version": 1, "name": "a", "memory": 10**30}, "outside the range"),
        ({"version": 1, "name": "a", "boot": "n"}, "'boot'"),
        ({"version": 1, "name": "a", "os": "amiga"}, "'os'"),
        ({"version": 1, "name": "a", "nic": "ne2k_pci"}, "'nic'"),
        ({"version": 1, "name": "a", "disk": "a", "disk_format": "cow"}, "'disk_format'"),
        ({"version": 1, "name": "a", "uuid": "../../etc"}, "'id'"),
    ],
)
def test_bad_v1_files(data: dict[str, Any], words: str) -> None:
    with pytest.raises(DefinitionError) as info:
        spec_from_dict(data, source="old.json")
    assert words in str(info.value)


def _good() -> dict[str, Any]:
    return spec_to_dict(_rich_spec())


def _set(path: str, value: object) -> dict[str, Any]:
    data = _good()
    target: Any = data
    *parents, last = path.split(".")
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    key: Any = int(last) if last.isdigit() else last
    if value is _DELETE:
        del target[key]
    else:
        target[key] = value
    return data


_DELETE = object()


@pytest.mark.parametrize(
    ("path", "value", "words"),
    [
        ("name", _DELETE, "the required key 'name' is missing"),
        ("id", _DELETE, "the required key 'id' is missing"),
        ("memroy_mib", 4096, "the key 'memroy_mib' is unknown"),
        ("disks.0.sizee", 1, "the key 'disks[0].sizee' is unknown"),
        ("memory_mib", "4096", "'memory_mib' must be a whole number, not text"),
        ("memory_mib", 4096.0, "'memory_mib' must be a whole number, not a number"),
        ("memory_mib", True, "'memory_mib' must be a whole number, not true/false"),
        ("memory_mib", 17 * 1024 * 1024, "'memory_mib' is 17825792, outside the range"),
        ("memory_mib", 10**100, "a huge number"),
        ("memory_mib", 0, "outside the range 1 to"),
        ("cpus", 1025, "'cpus' is 1025, outside the range 1 to 1024"),
        ("cpus", None, "'cpus' must be a whole number, not null"),
        ("sound", "yes", "'sound' must be true or false, not text"),
        ("os", "windows12", "'os' is 'windows12', which is not one of linux, windows11"),
        ("os", 3, "'os' must be one of"),
        ("disks", {}, "'disks' must be a list, not an object"),
        ("disks", [{"path": "a"}] * 33, "'disks' has 33 entries, more than the 32 allowed"),
        ("disks.0", "a.qcow2", "'disks[0]' must be a JSON object, not text"),
        ("disks.0.path", _DELETE, "the required key"),
        ("disks.1.bus", "scsi", "'disks[1].bus' is 'scsi'"),
        ("disks.0.size_bytes", 65 << 40, "'disks[0].size_bytes'"),
        ("disks.0.size_bytes", -1, "outside the range"),
        ("network.forwards.0.host_port", 70000, "'network.forwards[0].host_port' is 70000"),
        ("cdrom", [], "'cdrom' must be a JSON object, not a list"),
        ("extra_args", "-no-hpet", "'extra_args' must be a list, not text"),
        ("extra_args", ["-a", 1], "'extra_args[1]' must be text, not a number"),
        ("description", "x" * 10_001, "more than the 10000 allowed"),
        ("disks.0.path", "a\0b", "'disks[0].path' contains a NUL character"),
        ("disks.0.path", "\ud800", "not valid Unicode"),
        ("id", "../../../tmp/x", "'id' must be 1 to 64 letters"),
        ("id", "", "'id' must be 1 to 64 letters"),
        ("name", "", "'name' is empty"),
        ("name", "a/b", "'name' contains '/'"),
        ("machine_version", "pc-q35-7.2,accel=kvm", "'machine_version'"),
        ("schema_version", 3, "newer kvmgui"),
        ("schema_version", 0, "does not exist"),
        ("schema_version", "2", "no 'schema_version' number"),
        ("schema_version", _DELETE, "no 'schema_version' number"),
        ("version", 2, "'version' is unknown"),
    ],
)
def test_bad_definitions_are_named_and_explained(path: str, value: object, words: str) -> None:
    with pytest.raises(DefinitionError) as info:
        spec_from_dict(_set(path, value), source="/vms/x/vm.json")
    message = str(info.value)
    assert words in message
    assert message.startswith("The VM definition /vms/x/vm.json cannot be used: ")
    assert message.endswith(".") and "\n" not in message


def test_newer_file_says_to_update() -> None:
    with pytest.raises(DefinitionError) as info:
        spec_from_dict(_set("schema_version", 7), source="vm.json")
    assert "made by a newer kvmgui (schema 7; this one reads up to 2): update kvmgui" in str(
        info.value)


@pytest.mark.parametrize("data", [None, [], "x", 1, 2.5, True, {1: 2}, object()])
def test_not_an_object(data: object) -> None:
    with pytest.raises(DefinitionError):
        spec_from_dict(data, source="t")


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"", "it is empty"),
        (b"   \n", "it is empty"),
        (b"\xff\xfe{}", "not valid UTF-8 text (bad byte at position 0)"),
        (b'{"name": "caf\xe9"}', "not valid UTF-8"),
        (b"{", "not valid JSON"),
        (b'{"schema_version": 2, "name": "a", "name": "b", "id": "x"}',
         "the key 'name' appears twice"),
        (b'{"schema_version": 2, "name": "a", "id": "x", "memory_mib": NaN}', "NaN"),
        (b'{"schema_version": 2, "name": "a", "id": "x", "cpus": Infinity}', "Infinity"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"schema_version": 2, "name": "a", "id": "x", "cpus": ' + b"9" * 5000 + b"}",
         "not valid JSON"),
        (b" " * (MAX_DEFINITION_BYTES + 1), "far more than such a file can be"),
        (b"[1, 2]", "must be a JSON object, not a list"),
    ],
)
def test_bad_bytes(raw: bytes, words: str) -> None:
    with pytest.raises(DefinitionError) as info:
        parse_definition(raw, source="vm.json")
    assert words in str(info.value)


def test_utf8_bom_is_tolerated() -> None:
    spec = new_spec("bom")
    assert parse_definition(b"\xef\xbb\xbf" + dump_definition(spec), source="t")[0] == spec


def test_missing_optional_keys_take_model_defaults() -> None:
    spec = spec_from_dict({"schema_version": 2, "name": "bare", "id": "abc"}, source="t")
    assert spec == VmSpec(name="bare", id="abc")


def test_definition_error_is_a_value_error_with_parts() -> None:
    err = DefinitionError("f.json", "it is empty")
    assert isinstance(err, ValueError)
    assert (err.source, err.reason) == ("f.json", "it is empty")
    assert str(err) == "The VM definition f.json cannot be used: it is empty."
