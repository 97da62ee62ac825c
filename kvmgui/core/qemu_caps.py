"""What the installed QEMU can do: its version, devices, audio drivers and machine types.

The argv builder consults this so it never emits an option the installed QEMU lacks, and
chooses the spellings that work from 7.2 to 10.x. The runtime fills it by running the binary
(`--version`, `-device help`, `-audiodev help`, `-machine help`) and parsing the output with the
pure functions here; tests can build one by hand.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message


@dataclass(frozen=True)
class QemuCaps:
    version: tuple[int, int, int]
    devices: frozenset[str] = field(default_factory=frozenset)
    audio_drivers: frozenset[str] = field(default_factory=frozenset)
    # Audio drivers this QEMU knows but whose module is not installed, mapped to the package
    # QEMU names for it ({"pa": "qemu-system-gui"} on Debian without that package).
    audio_packages: dict[str, str] = field(default_factory=dict)
    # Machine aliases ("q35", "pc") mapped to the versioned type they stand for ("pc-q35-7.2").
    machine_aliases: dict[str, str] = field(default_factory=dict)
    machines: frozenset[str] = field(default_factory=frozenset)
    version_text: str = ""

    def has_device(self, name: str) -> bool:
        # An empty set means "not probed": trust the caller rather than drop devices.
        return not self.devices or name in self.devices

    def pinned_machine(self, alias: str) -> str:
        """The versioned machine type to record at creation for `alias` (q35 or pc)."""
        return self.machine_aliases.get(alias, alias)

    def to_json(self) -> dict[str, Any]:
        """Plain JSON values (the runtime caches them on disk, keyed by the binary)."""
        return {
            "version": list(self.version),
            "devices": sorted(self.devices),
            "audio_drivers": sorted(self.audio_drivers),
            "audio_packages": dict(self.audio_packages),
            "machine_aliases": dict(self.machine_aliases),
            "machines": sorted(self.machines),
            "version_text": self.version_text,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> QemuCaps:
        """The caps to_json() wrote; ValueError when `data` is not of that shape."""

        def strings(value: object) -> frozenset[str]:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError("not a list of strings")
            return frozenset(value)

        def table(value: object) -> dict[str, str]:
            if not isinstance(value, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in value.items()
            ):
                raise ValueError("not a table of strings")
            return dict(value)

        version = data.get("version")
        if (
            not isinstance(version, list)
            or len(version) != 3
            or not all(isinstance(n, int) for n in version)
        ):
            raise ValueError("no QEMU version")
        text = data.get("version_text", "")
        if not isinstance(text, str):
            raise ValueError("no version text")
        return cls(
            version=(version[0], version[1], version[2]),
            devices=strings(data.get("devices")),
            audio_drivers=strings(data.get("audio_drivers")),
            audio_packages=table(data.get("audio_packages")),
            machine_aliases=table(data.get("machine_aliases")),
            machines=strings(data.get("machines")),
            version_text=text,
        )


_VERSION_RE = re.compile(r"QEMU emulator version (\d+)\.(\d+)(?:\.(\d+))?")


def parse_version(text: str) -> tuple[int, int, int]:
    """Parse `qemu-system-x86_64 --version` (e.g. "QEMU emulator version 7.2.22 (Debian …)")."""
    m = _VERSION_RE.search(text)
    if not m:
        raise ValueError(Message(
            QT_TRANSLATE_NOOP("core.qemu_caps", "Not a QEMU version banner: {text}"),
            text=repr(text.strip()[:80]),
        ))
    return int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)


_DEVICE_RE = re.compile(r'^name "([^"]+)"', re.MULTILINE)


def parse_device_help(text: str) -> frozenset[str]:
    """Parse `-device help`: lines like `name "virtio-blk-pci", bus PCI, alias "virtio-blk"`."""
    names: set[str] = set()
    for line in text.splitlines():
        m = _DEVICE_RE.match(line.strip())
        if m:
            names.add(m.group(1))
            alias = re.search(r'alias "([^"]+)"', line)
            if alias:
                names.add(alias.group(1))
    return frozenset(names)


def parse_audiodev_help(text: str) -> frozenset[str]:
    """Parse `-audiodev help`: a header line, then one driver name per line."""
    drivers = set()
    for line in text.splitlines():
        word = line.strip()
        if word and " " not in word and not word.endswith(":"):
            drivers.add(word)
    return frozenset(drivers)


_MISSING_MODULE_RE = re.compile(
    r"module (?P<kind>[a-z]+)-(?P=kind)-(?P<name>[\w-]+) not found"
    r"(?:, do you want to install (?P<package>[\w.+-]+) package)?"
)


def parse_missing_modules(text: str, kind: str) -> dict[str, str]:
    """{driver: package} from the notes QEMU prints about modules it could not load.

    Debian's QEMU says `qemu: module audio-audio-pa not found, do you want to install
    qemu-system-gui package?` on stderr for every audio back-end whose package is missing
    (upstream QEMU prints no package name: the driver is then mapped to "").
    """
    found: dict[str, str] = {}
    for m in _MISSING_MODULE_RE.finditer(text):
        if m.group("kind") == kind:
            found[m.group("name")] = m.group("package") or ""
    return found


def parse_machine_help(text: str) -> tuple[frozenset[str], dict[str, str]]:
    """Parse `-machine help`.

    Lines look like `q35     Standard PC (Q35 + ICH9, 2009) (alias of pc-q35-7.2)`.
    """
    machines: set[str] = set()
    aliases: dict[str, str] = {}
    for line in text.splitlines():
        parts = line.split()
        if not parts or line.startswith("Supported machines"):
            continue
        name = parts[0]
        machines.add(name)
        m = re.search(r"\(alias of ([^)]+)\)", line)
        if m:
            aliases[name] = m.group(1)
    return frozenset(machines), aliases
