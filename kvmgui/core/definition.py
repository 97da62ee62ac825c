"""A VM's definition file (vm.json): the VmSpec as versioned JSON, and its migrations.

Format (schema 2): one JSON object, `"schema_version": 2` plus every VmSpec field under its
attribute name; nested parts (disks, cdrom, usb_stick, network, display) are objects with
their own attribute names, enums are their string values, tuples are lists. Every field is
written, defaults included, so a file says exactly what runs; the exceptions are
`install_phase` (a new VM's "boot the install medium first", core.boot), written only while
true; `clipboard` and `keyboard_layout` (which keys typing text needs, core.keyboard),
written only when not off / not en-us; `shares` and `usb_devices` (host USB devices,
`[{"vendor": "0781", "product": "5567"}]`), written only when there are some: the files of
all other VMs stay exactly as before these existed and an older kvmgui still reads them.

Reading is strict, because the file may have been edited by hand or damaged:
- `name` and `id` are required; other missing keys take the model's defaults.
- Unknown keys are an error, not ignored: a typo ("memroy_mib") must not silently give the
  default, and re-saving must not silently drop what the file said. The store reports such
  a file by name and reason and still loads the other VMs.
- Wrong types, invalid enum values, out-of-range numbers (memory above 16 TiB, 1024 CPUs),
  NUL characters, over-long texts and lists, duplicate keys, NaN/Infinity and invalid UTF-8
  are errors. The id must be a path-safe token because it names the runtime folder.
- A file from a newer kvmgui is refused with a clear message rather than half-understood.

Schema 1 was the flat format of the first prototype, close to the wiki's `kvm` command
lines (see `_migrate_v1`); it is migrated in memory and written as schema 2 on the next save.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shlex
import types
import typing
from collections.abc import Sized
from enum import StrEnum
from typing import Any

from kvmgui.core import model
from kvmgui.core.limits import MAX_CPUS, MAX_MEMORY_MIB
from kvmgui.core.messages import QT_TRANSLATE_NOOP, KvmguiError, Message, Template
from kvmgui.core.model import (
    MACHINE_VERSION_RE,
    VM_ID_RE,
    BootDevice,
    Cdrom,
    Disk,
    OsPreset,
    PortForward,
    UsbDeviceId,
    VmSpec,
)
from kvmgui.core.problems import shown
from kvmgui.core.shares import MAX_SHARES, TAG_RE
from kvmgui.core.sizes import MAX_SIZE
from kvmgui.core.strict_json import JsonError, decode_json

SCHEMA_VERSION = 2
VERSION_KEY = "schema_version"
MAX_DEFINITION_BYTES = 1024 * 1024

_USB_ID_RE = re.compile(r"[0-9a-fA-F]{4}")
# Stable ids for schema-1 files that had none, so reloading before a save gives the same id.
_V1_NAMESPACE = "5d7c3a0e-6b55-4c1e-9f4e-6b1f0f5a2c11"

# (class name, field) -> inclusive range. Other ints must lie in 0 .. 2**31-1.
_INT_RANGES: dict[tuple[str, str], tuple[int, int]] = {
    ("VmSpec", "memory_mib"): (1, MAX_MEMORY_MIB),
    ("VmSpec", "cpus"): (1, MAX_CPUS),
    ("Disk", "size_bytes"): (1, MAX_SIZE),
    ("PortForward", "host_port"): (1, 65535),
    ("PortForward", "guest_port"): (1, 65535),
}
_DEFAULT_INT_RANGE = (0, 2**31 - 1)
_STR_LIMITS: dict[tuple[str, str], int] = {
    ("VmSpec", "name"): 255,
    ("VmSpec", "description"): 10_000,
}
_DEFAULT_STR_LIMIT = 4096
_LIST_LIMITS: dict[tuple[str, str], int] = {
    ("VmSpec", "extra_args"): 256,
    ("VmSpec", "disks"): 32,
    ("VmSpec", "shares"): MAX_SHARES,
    ("VmSpec", "usb_devices"): 32,
}
_DEFAULT_LIST_LIMIT = 64


class DefinitionError(KvmguiError, ValueError):
    """A definition that cannot be used: str() is one sentence naming the file and the reason."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(Message(QT_TRANSLATE_NOOP("core.definition", "The VM definition {source} "
            "cannot be used: {reason}."), source=source, reason=reason))


# ---------------------------------------------------------------------------------------------
# Writing


def _to_json(value: object) -> object:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, tuple):
        return [_to_json(v) for v in value]
    return value


# Fields written only when they differ from these values: a state or choice that most VMs
# never have, so a definition without it (every file written before it existed) is read and
# re-written byte for byte, and an older kvmgui still reads the VMs that do not use it.
_OMITTED_WHEN: dict[str, object] = {
    "install_phase": False,
    "clipboard": False,
    "keyboard_layout": "en-us",
    "shares": [],
    "usb_devices": [],
}


def spec_to_dict(spec: VmSpec) -> dict[str, object]:
    """The JSON-ready dict of `spec`, schema version first."""
    body = _to_json(spec)
    assert isinstance(body, dict)
    for key, value in _OMITTED_WHEN.items():
        if key in body and body[key] == value and type(body[key]) is type(value):
            del body[key]
    return {VERSION_KEY: SCHEMA_VERSION, **body}


def dump_definition(spec: VmSpec) -> bytes:
    """The bytes of a vm.json for `spec` (UTF-8, indented, ending in a newline)."""
    text = json.dumps(spec_to_dict(spec), indent=2, ensure_ascii=False)
    # surrogatepass would write invalid UTF-8; names with surrogates are refused earlier.
    return (text + "\n").encode("utf-8")


# ---------------------------------------------------------------------------------------------
# Reading


def _describe(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return Message(QT_TRANSLATE_NOOP("core.definition", "a number"))
    if isinstance(value, str):
        return "text"
    if isinstance(value, list | tuple):
        return Message(QT_TRANSLATE_NOOP("core.definition", "a list"))
    if isinstance(value, dict):
        return Message(QT_TRANSLATE_NOOP("core.definition", "an object"))
    return type(value).__name__


_HINTS: dict[str, dict[str, Any]] = {}


def _hints(cls: type[Any]) -> dict[str, Any]:
    # get_type_hints evaluates the model's string annotations: do it once per class.
    key = f"{cls.__module__}.{cls.__qualname__}"
    if key not in _HINTS:
        _HINTS[key] = typing.get_type_hints(cls)
    return _HINTS[key]


def _required(cls: type[Any]) -> list[str]:
    """Fields without a default (VmSpec's name and id, a disk's path, a forward's ports)."""
    return [
        f.name for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    ]


class _Reader:
    """Turns JSON-like data into model objects, checking everything on the way."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, reason: str) -> DefinitionError:
        return DefinitionError(self.source, reason)

    def wrong_type(self, template: Template, where: str, data: object,
                   **values: object) -> DefinitionError:
        """`data` at `where` is not of the type the model wants ("… not {data}")."""
        return self.fail(Message(template, where=where, data=_describe(data), **values))

    def within(self, data: Sized, where: str, limit: int, too_long: Template) -> None:
        """No more than `limit` entries or characters at `where` ({count} and {limit})."""
        if len(data) > limit:
            raise self.fail(Message(too_long, where=where, count=len(data), limit=limit))

    def value(self, tp: Any, data: object, where: str, owner: str, name: str) -> object:
        origin = typing.get_origin(tp)
        if origin in (types.UnionType, typing.Union):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if data is None:
                return None
            if len(args) != 1:  # pragma: no cover - the model only uses `X | None`
                raise TypeError(f"unsupported type {tp!r}")
            return self.value(args[0], data, where, owner, name)
        if origin is tuple:
            (item_tp, _ellipsis) = typing.get_args(tp)
            if not isinstance(data, list):
                raise self.wrong_type(QT_TRANSLATE_NOOP(
                    "core.definition", "'{where}' must be a list, not {data}"), where, data)
            limit = _LIST_LIMITS.get((owner, name), _DEFAULT_LIST_LIMIT)
            self.within(data, where, limit, QT_TRANSLATE_NOOP(
                "core.definition", "'{where}' has {count} entries, more than the {limit} allowed"))
            return tuple(
                self.value(item_tp, item, f"{where}[{i}]", owner, name)
                for i, item in enumerate(data)
            )
        if isinstance(tp, type) and issubclass(tp, StrEnum):
            allowed = ", ".join(m.value for m in tp)
            if not isinstance(data, str):
                raise self.wrong_type(QT_TRANSLATE_NOOP(
                    "core.definition", "'{where}' must be one of {allowed}, not {data}"),
                    where, data, allowed=allowed)
            try:
                return tp(data)
            except ValueError:
                raise self.fail(Message(QT_TRANSLATE_NOOP("core.definition",
                    "'{where}' is '{data}', which is not one of {allowed}"), where=where,
                    data=shown(data, 40), allowed=allowed)) from None
        if tp is bool:
            if not isinstance(data, bool):
                raise self.wrong_type(QT_TRANSLATE_NOOP(
                    "core.definition", "'{where}' must be true or false, not {data}"), where, data)
            return data
        if tp is int:
            if isinstance(data, bool) or not isinstance(data, int):
                raise self.wrong_type(QT_TRANSLATE_NOOP(
                    "core.definition", "'{where}' must be a whole number, not {data}"), where, data)
            lo, hi = _INT_RANGES.get((owner, name), _DEFAULT_INT_RANGE)
            if not lo <= data <= hi:
                number = str(data) if len(str(data)) <= 24 else Message(
                    QT_TRANSLATE_NOOP("core.definition", "a huge number"),
                )
                raise self.fail(Message(QT_TRANSLATE_NOOP("core.definition",
                    "'{where}' is {shown}, outside the range {lo} to {hi}"), where=where,
                    shown=number, lo=lo, hi=hi))
            return data
        if tp is str:
            if not isinstance(data, str):
                raise self.wrong_type(QT_TRANSLATE_NOOP(
                    "core.definition", "'{where}' must be text, not {data}"), where, data)
            self.within(data, where, _STR_LIMITS.get((owner, name), _DEFAULT_STR_LIMIT),
                        QT_TRANSLATE_NOOP("core.definition", "'{where}' is {count} characters "
                                          "long, more than the {limit} allowed"))
            if "\0" in data:
                raise self.fail(Message(QT_TRANSLATE_NOOP("core.definition",
                    "'{where}' contains a NUL character"), where=where))
            try:
                data.encode("utf-8")
            except UnicodeEncodeError:
                raise self.fail(Message(QT_TRANSLATE_NOOP("core.definition",
                    "'{where}' contains characters that are not valid Unicode"),
                    where=where)) from None
            return data
        if isinstance(tp, type) and dataclasses.is_dataclass(tp):
            return self.obj(tp, data, where)
        raise TypeError(f"unsupported type {tp!r}")  # pragma: no cover - model changed

    def obj(self, cls: type[Any], data: object, where: str) -> Any:
        if not isinstance(data, dict):
            what = f"'{where}'" if where else Message(QT_TRANSLATE_NOOP("core.definition",
                "the file"))
            raise self.fail(Message(QT_TRANSLATE_NOOP("core.definition", "{what} must be a JSON "
                "object, not {data}"), what=what, data=_describe(data)))
        prefix = f"{where}." if where else ""
        hints = _hints(cls)
        fields = {f.name: f for f in dataclasses.fields(cls)}
        for key in data:
            if not isinstance(key, str) or key not in fields:
                quoted = shown(key, 40) if isinstance(key, str) else repr(key)
                raise self.fail(Message(QT_TRANSLATE_NOOP("core.definition",
                    "the key '{prefix}{shown}' is unknown (check its spelling)"), prefix=prefix,
                    shown=quoted))
        for key in _required(cls):
            if key not in data:
                raise self.fail(Message(QT_TRANSLATE_NOOP("core.definition",
                    "the required key '{prefix}{key}' is missing"), prefix=prefix, key=key))
        kwargs: dict[str, object] = {}
        for key, value in data.items():
            kwargs[key] = self.value(hints[key], value, prefix + key, cls.__name__, key)
        return cls(**kwargs)


def _check_tokens(spec: VmSpec, reader: _Reader) -> None:
    """Fields that end up in paths or on the QEMU command line must be plain tokens."""
    if not VM_ID_RE.fullmatch(spec.id):
        raise reader.fail(Message(QT_TRANSLATE_NOOP("core.definition", "'id' must be 1 to 64 "
            "letters, digits, '-' or '_'")))
    if not spec.name.strip():
        raise reader.fail(Message(QT_TRANSLATE_NOOP("core.definition", "'name' is empty")))
    if "/" in spec.name:
        raise reader.fail(Message(QT_TRANSLATE_NOOP("core.definition", "'name' contains '/'")))
    mv = spec.machine_version
    if mv is not None and not MACHINE_VERSION_RE.fullmatch(mv):
        raise reader.fail(Message(QT_TRANSLATE_NOOP("core.definition", "'machine_version' is "
            "'{mv}', which is not a QEMU machine type"), mv=shown(mv, 40)))
    tags: set[str] = set()
    for i, share in enumerate(spec.shares):
        if not share.path.startswith("/") or any(ch in share.path for ch in "\n\r"):
            raise reader.fail(Message(QT_TRANSLATE_NOOP("core.definition", "'shares[{i}].path' "
                "must be an absolute path on one line"), i=i))
        if not TAG_RE.fullmatch(share.tag):
            raise reader.fail(Message(QT_TRANSLATE_NOOP("core.definition", "'shares[{i}].tag' "
                "must be 1 to 31 letters, digits, '-' or '_'"), i=i))
        if share.tag.casefold() in tags:
            raise reader.fail(Message(QT_TRANSLATE_NOOP("core.definition", "'shares[{i}].tag' "
                "'{tag}' is used twice"), i=i, tag=share.tag))
        tags.add(share.tag.casefold())


def _usb_devices(spec: VmSpec, reader: _Reader) -> tuple[UsbDeviceId, ...]:
    """The host USB devices, each id exactly four hex digits (they go on QEMU's command line
    and into a udev rule offered to copy), lowercased, none twice."""
    seen: list[UsbDeviceId] = []
    for i, device in enumerate(spec.usb_devices):
        for key in ("vendor", "product"):
            value = getattr(device, key)
            if not _USB_ID_RE.fullmatch(value):
                raise reader.fail(Message(QT_TRANSLATE_NOOP("core.definition", "'{where}' is "
                    "'{value}', which is not four hex digits"),
                    where=f"usb_devices[{i}].{key}", value=shown(value, 40)))
        device = UsbDeviceId(device.vendor.lower(), device.product.lower())
        if device in seen:
            raise reader.fail(Message(QT_TRANSLATE_NOOP("core.definition", "the USB device "
                "{device} is listed twice in 'usb_devices'"), device=str(device)))
        seen.append(device)
    return tuple(seen)


def spec_from_dict(data: object, *, source: str) -> VmSpec:
    """The VmSpec in `data` (any schema kvmgui knows); DefinitionError says what is wrong."""
    reader = _Reader(source)
    current = migrate(data, source=source)
    body = dict(current)
    del body[VERSION_KEY]
    spec = reader.obj(VmSpec, body, "")
    assert isinstance(spec, VmSpec)
    _check_tokens(spec, reader)
    if spec.usb_devices:
        spec = dataclasses.replace(spec, usb_devices=_usb_devices(spec, reader))
    return spec


def schema_version_of(data: object) -> int | None:
    """The schema version a decoded file claims, or None when it claims none usable."""
    if not isinstance(data, dict):
        return None
    version = data.get(VERSION_KEY, data.get("version"))
    if isinstance(version, bool) or not isinstance(version, int):
        return None
    return version


def migrate(data: object, *, source: str = "file") -> dict[str, Any]:
    """`data` brought up to SCHEMA_VERSION (a new dict; the input is not modified)."""
    if not isinstance(data, dict):
        raise DefinitionError(source, Message(QT_TRANSLATE_NOOP("core.definition",
            "it must be a JSON object, not {data}"), data=_describe(data)))
    version = schema_version_of(data)
    if version is None:
        raise DefinitionError(source, Message(QT_TRANSLATE_NOOP("core.definition",
            "it has no '{key}' number"), key=VERSION_KEY))
    if version > SCHEMA_VERSION:
        raise DefinitionError(source, Message(QT_TRANSLATE_NOOP("core.definition",
            "it was made by a newer kvmgui (schema {version}; this one reads up to {newest}): "
            "update kvmgui to use this VM"), version=version, newest=SCHEMA_VERSION))
    if version < 1:
        raise DefinitionError(source, Message(QT_TRANSLATE_NOOP("core.definition",
            "its schema version {version} does not exist"), version=version))
    if version == 1:
        return _migrate_v1(data, _Reader(source))
    if "version" in data:
        raise DefinitionError(source, Message(QT_TRANSLATE_NOOP("core.definition",
            "the key 'version' is unknown (check its spelling)")))
    return dict(data)


# ---------------------------------------------------------------------------------------------
# Schema 1: the prototype's flat format, e.g.
#   {"version": 1, "name": "debian", "uuid": "…", "memory": 512, "smp": 1, "kvm": true,
#    "disk": "disk.img", "disk_format": "raw", "disk_interface": "ide", "cdrom": "x.iso",
#    "boot": "d", "hdb": "/dev/sdb", "vnc": true, "std_vga": true, "sound": true, "usb": true,
#    "nic": "rtl8139", "redir": ["tcp:2222::22"], "localtime": false, "args": "-no-hpet",
#    "notes": "…"}
# Everything except version and name was optional. Its defaults were QEMU's of the time: an
# i440fx PC, IDE disk, cirrus video, rtl8139, no sound, no USB. A disk without a format is
# taken as raw: raw never follows a backing-file name written inside an image.

_V1_KEYS: dict[str, tuple[type | tuple[type, ...], object]] = {
    "version": (int, 1),
    "name": (str, None),
    "uuid": ((str, type(None)), None),
    "os": (str, "other"),
    "memory": (int, 512),
    "smp": (int, 1),
    "kvm": (bool, True),
    "disk": ((str, type(None)), None),
    "disk_format": (str, "raw"),
    "disk_interface": (str, "ide"),
    "disk_cache": (str, "writeback"),
    "snapshot": (bool, False),
    "hdb": ((str, type(None)), None),
    "hdb_writable": (bool, False),
    "cdrom": ((str, type(None)), None),
    "boot": (str, "c"),
    "vnc": (bool, True),
    "std_vga": (bool, False),
    "sound": (bool, False),
    "usb": (bool, False),
    "net": (str, "user"),
    "nic": (str, "rtl8139"),
    "redir": (list, []),
    "localtime": (bool, False),
    "args": (str, ""),
    "notes": (str, ""),
}
_V1_OS = {
    "linux": OsPreset.LINUX,
    "windows": OsPreset.WINDOWS10,
    "winxp": OsPreset.WINDOWS_OLD,
    "win2k": OsPreset.WINDOWS_OLD,
    "win98": OsPreset.WINDOWS_OLD,
    "bsd": OsPreset.BSD,
    "other": OsPreset.OTHER,
}
_V1_BOOT = {
    "c": (BootDevice.DISK, BootDevice.CDROM),
    "d": (BootDevice.CDROM, BootDevice.DISK),
}
_V1_REDIR_RE = re.compile(r"(tcp|udp):(\d{1,5}):(?:10\.0\.2\.15)?:(\d{1,5})")


def _v1_enum(reader: _Reader, enum: type[Any], key: str, value: str) -> Any:
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise reader.fail(Message(QT_TRANSLATE_NOOP("core.definition", "'{key}' is '{value}', "
            "which is not one of {allowed}"), key=key, value=shown(value, 40),
            allowed=allowed)) from None


def _migrate_v1(data: dict[str, Any], reader: _Reader) -> dict[str, Any]:
    for key in data:
        if key not in _V1_KEYS:
            quoted = shown(key, 40) if isinstance(key, str) else repr(key)
            raise reader.fail(Message(QT_TRANSLATE_NOOP("core.definition", "the key '{shown}' is "
                "unknown in a schema 1 file"), shown=quoted))
    if "name" not in data:
        raise reader.fail(Message(QT_TRANSLATE_NOOP("core.definition", "the required key 'name' "
            "is missing")))
    v: dict[str, Any] = {}
    for key, (tp, default) in _V1_KEYS.items():
        value = data.get(key, default)
        if (isinstance(value, bool) and tp is int) or not isinstance(value, tp):
            raise reader.fail(Message(QT_TRANSLATE_NOOP("core.definition", "'{key}' has the wrong "
                "type ({value})"), key=key, value=_describe(value)))
        v[key] = value

    name: str = v["name"]
    raw_id = v["uuid"]
    # uuid (and the platform module it loads) only for these old files.
    import uuid

    vm_id = (raw_id.replace("-", "").lower() if raw_id
             else uuid.uuid5(uuid.UUID(_V1_NAMESPACE), name).hex)
    if v["os"] not in _V1_OS:
        raise reader.fail(Message(QT_TRANSLATE_NOOP("core.definition", "'os' is '{value}', which "
            "is not one of {allowed}"), value=shown(v["os"], 40), allowed=", ".join(_V1_OS)))
    if v["boot"] not in _V1_BOOT:
        raise reader.fail(Message(QT_TRANSLATE_NOOP("core.definition", "'boot' is '{value}', "
            "which is not one of c, d"), value=shown(v['boot'], 40)))

    disks: list[Disk] = []
    if v["disk"]:
        disks.append(Disk(
            path=v["disk"],
            format=_v1_enum(reader, model.DiskFormat, "disk_format", v["disk_format"]),
            bus=_v1_enum(reader, model.DiskBus, "disk_interface", v["disk_interface"]),
            cache=_v1_enum(reader, model.CacheMode, "disk_cache", v["disk_cache"]),
            throwaway=v["snapshot"],
        ))
    cd_path: str | None = v["cdrom"]
    if cd_path:
        source = model.CdromSource.HOST if cd_path.startswith("/dev/") else model.CdromSource.ISO
        cdrom = Cdrom(source=source, path=cd_path)
    else:
        cdrom = Cdrom()
    stick = model.Passthrough(path=v["hdb"], protected=not v["hdb_writable"]) if v["hdb"] else None

    forwards: list[PortForward] = []
    for i, item in enumerate(v["redir"]):
        m = _V1_REDIR_RE.fullmatch(item) if isinstance(item, str) else None
        if m is None:
            raise reader.fail(Message(QT_TRANSLATE_NOOP("core.definition", "'redir[{i}]' must "
                "look like tcp:2222::22"), i=i))
        forwards.append(PortForward(host_port=int(m[2]), guest_port=int(m[3]),
                                    protocol=model.Protocol(m[1])))
    if v["net"] not in ("user", "none"):
        raise reader.fail(Message(QT_TRANSLATE_NOOP("core.definition", "'net' is '{value}', which "
            "is not one of user, none"), value=shown(v['net'], 40)))
    try:
        # The prototype kept extra arguments as one shell-like string; split it once, here,
        # into an argv list. Nothing is ever given to a shell.
        extra = tuple(shlex.split(v["args"]))
    except ValueError as exc:
        raise reader.fail(Message(QT_TRANSLATE_NOOP("core.definition", "'args' cannot be split "
            "into arguments ({exc})"), exc=exc)) from None

    spec = VmSpec(
        name=name,
        id=vm_id,
        os=_V1_OS[v["os"]],
        memory_mib=v["memory"],
        cpus=v["smp"],
        accel=model.Accel.AUTO if v["kvm"] else model.Accel.TCG,
        machine=model.MachineType.PC,
        firmware=model.Firmware.BIOS,
        disks=tuple(disks),
        cdrom=cdrom,
        usb_stick=stick,
        boot_order=_V1_BOOT[v["boot"]],
        network=model.Network(
            mode=_v1_enum(reader, model.NetMode, "net", v["net"]),
            nic=_v1_enum(reader, model.NicModel, "nic", v["nic"]),
            forwards=tuple(forwards),
        ),
        sound=v["sound"],
        usb=v["usb"],
        display=model.Display(
            kind=model.DisplayKind.VNC if v["vnc"] else model.DisplayKind.NONE,
            video=model.VideoModel.STD if v["std_vga"] else model.VideoModel.CIRRUS,
        ),
        rtc_localtime=v["localtime"],
        extra_args=extra,
        description=v["notes"],
    )
    # Round-trip through the schema-2 form so the usual checks (ranges, lengths) apply.
    return spec_to_dict(spec)


# ---------------------------------------------------------------------------------------------
# Bytes


def parse_definition(raw: bytes, *, source: str) -> tuple[VmSpec, int]:
    """The spec in a vm.json's bytes and the schema version the file had (before migration)."""
    try:
        data = decode_json(raw, max_bytes=MAX_DEFINITION_BYTES)
    except JsonError as exc:
        raise DefinitionError(source, str(exc)) from None
    version = schema_version_of(data)
    spec = spec_from_dict(data, source=source)
    assert version is not None  # spec_from_dict refuses files without one
    return spec, version


__all__ = [
    "MAX_DEFINITION_BYTES",
    "SCHEMA_VERSION",
    "DefinitionError",
    "dump_definition",
    "migrate",
    "parse_definition",
    "schema_version_of",
    "spec_from_dict",
    "spec_to_dict",
]
