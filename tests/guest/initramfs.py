"""The guest's initramfs: pick kernel modules with their dependencies, write a gzip'd newc cpio.

The archive is written here rather than with cpio(1) so every entry is owned by root with a fixed
time stamp: the same inputs give the same bytes, whoever builds it.
"""

from __future__ import annotations

import gzip
import lzma
import struct
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from tests.guest.debs import GuestBuildError, require_tool

_S_IFDIR = 0o040000
_S_IFREG = 0o100000
_S_IFLNK = 0o120000
_S_IFCHR = 0o020000


@dataclass
class Archive:
    """An in-memory file tree destined for a newc cpio archive."""

    # path -> (mode, data, (rdev major, rdev minor))
    entries: dict[str, tuple[int, bytes, tuple[int, int]]] = field(default_factory=dict)

    def add_dir(self, path: str) -> None:
        parts = path.strip("/").split("/")
        for i in range(1, len(parts) + 1):
            self.entries.setdefault("/".join(parts[:i]), (_S_IFDIR | 0o755, b"", (0, 0)))

    def add_file(self, path: str, data: bytes, mode: int = 0o644) -> None:
        path = path.strip("/")
        if "/" in path:
            self.add_dir(path.rsplit("/", 1)[0])
        self.entries[path] = (_S_IFREG | mode, data, (0, 0))

    def add_symlink(self, path: str, target: str) -> None:
        path = path.strip("/")
        if "/" in path:
            self.add_dir(path.rsplit("/", 1)[0])
        self.entries[path] = (_S_IFLNK | 0o777, target.encode(), (0, 0))

    def add_chardev(self, path: str, major: int, minor: int) -> None:
        path = path.strip("/")
        if "/" in path:
            self.add_dir(path.rsplit("/", 1)[0])
        self.entries[path] = (_S_IFCHR | 0o600, b"", (major, minor))

    def to_cpio_gz(self) -> bytes:
        out = bytearray()
        # Parents sort before children, which the kernel's unpacker needs.
        for ino, (path, (mode, data, rdev)) in enumerate(sorted(self.entries.items()), start=1):
            out += _newc_entry(path, mode, data, ino, rdev)
        out += _newc_entry("TRAILER!!!", 0, b"", 0, (0, 0))
        return gzip.compress(bytes(out), compresslevel=9, mtime=0)


def _newc_entry(name: str, mode: int, data: bytes, ino: int, rdev: tuple[int, int]) -> bytes:
    raw_name = name.encode() + b"\0"
    nlink = 2 if mode & 0o170000 == _S_IFDIR else 1
    # ino mode uid gid nlink mtime size devmajor devminor rdevmajor rdevminor namesize check
    fields = (ino, mode, 0, 0, nlink, 0, len(data), 0, 0, *rdev, len(raw_name), 0)
    header = b"070701" + b"".join(b"%08X" % f for f in fields)
    entry = header + raw_name
    entry += b"\0" * (-len(entry) % 4)
    entry += data
    entry += b"\0" * (-len(entry) % 4)
    return entry


@dataclass(frozen=True)
class Module:
    name: str  # canonical name with underscores, e.g. "usb_storage"
    path: Path  # the .ko / .ko.xz / .ko.zst in the unpacked kernel package
    depends: tuple[str, ...]
    softdeps_pre: tuple[str, ...]


def _modinfo(data: bytes) -> list[str]:
    """The key=value strings of an ELF64 kernel module's .modinfo section."""
    if data[:4] != b"\x7fELF":
        raise GuestBuildError("A kernel module is not an ELF file: the kernel package is broken.")
    shoff = struct.unpack_from("<Q", data, 0x28)[0]
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQ", data, shoff + i * shentsize) for i in range(shnum)]
    names_at = sections[shstrndx][4]
    for name_off, _type, _flags, _addr, offset, size in sections:
        start = names_at + name_off
        if data[start : data.index(b"\0", start)] == b".modinfo":
            strings = data[offset : offset + size].split(b"\0")
            return [s.decode(errors="replace") for s in strings if s]
    return []


def canonical(name: str) -> str:
    return name.replace("-", "_")


def module_bytes(path: Path) -> bytes:
    """A module's ELF bytes, decompressing .ko.xz / .ko.zst / .ko.gz as Debian may ship them."""
    if path.name.endswith(".ko.xz"):
        return lzma.decompress(path.read_bytes())
    if path.name.endswith(".ko.gz"):
        return gzip.decompress(path.read_bytes())
    if path.name.endswith(".ko.zst"):
        zstd = require_tool("zstd", "zstd")
        return subprocess.run([zstd, "-dc", str(path)], capture_output=True, check=True).stdout
    return path.read_bytes()


def index_modules(modules_dir: Path) -> dict[str, Path]:
    """Map every module's canonical name to its file under lib/modules/<version>/."""
    index: dict[str, Path] = {}
    for path in modules_dir.rglob("*.ko*"):
        base = path.name.split(".ko", 1)[0]
        index[canonical(base)] = path
    return index


def load_module(name: str, index: dict[str, Path]) -> Module:
    info = _modinfo(module_bytes(index[name]))
    depends: tuple[str, ...] = ()
    pre: tuple[str, ...] = ()
    for item in info:
        key, _, value = item.partition("=")
        if key == "depends" and value:
            depends = tuple(canonical(d) for d in value.split(","))
        elif key == "softdep" and value.startswith("pre:"):
            # "pre: a b post: c" -> the names before "post:"
            words = value[4:].split("post:")[0].split()
            pre += tuple(canonical(w) for w in words)
    return Module(name, index[name], depends, pre)


def resolve(wanted: list[str], index: dict[str, Path], builtin: set[str]) -> list[Module]:
    """The wanted modules plus their dependencies, each after everything it needs.

    Built-in drivers are skipped (nothing to load). A soft pre-dependency that is not a module
    file (e.g. a crypto alias) is skipped too: it is an optimisation, never a requirement.
    """
    ordered: list[Module] = []
    done: set[str] = set()
    visiting: set[str] = set()

    def visit(name: str, required: bool) -> None:
        if name in done or name in builtin:
            return
        if name not in index:
            if required:
                raise GuestBuildError(
                    f"The kernel package has no module '{name}' and it is not built in; "
                    "the test guest's module list needs updating for this kernel."
                )
            return
        if name in visiting:
            return  # dependency cycle: load order among the cycle does not matter for us
        visiting.add(name)
        module = load_module(name, index)
        for dep in module.softdeps_pre:
            visit(dep, required=False)
        for dep in module.depends:
            visit(dep, required=True)
        visiting.discard(name)
        done.add(name)
        ordered.append(module)

    for name in wanted:
        visit(canonical(name), required=True)
    return ordered


def builtin_modules(modules_dir: Path) -> set[str]:
    """Names of drivers compiled into the kernel (listed in modules.builtin)."""
    listing = modules_dir / "modules.builtin"
    if not listing.exists():
        return set()
    names = set()
    for line in listing.read_text().splitlines():
        base = line.rsplit("/", 1)[-1].split(".ko", 1)[0]
        if base:
            names.add(canonical(base))
    return names


def copy_busybox(busybox: Path, archive: Archive) -> None:
    """The static busybox becomes /bin/busybox; init installs the applet links at boot."""
    if not busybox.exists():
        raise GuestBuildError(f"busybox was not found at {busybox}.")
    archive.add_file("bin/busybox", busybox.read_bytes(), 0o755)
    archive.add_symlink("bin/sh", "busybox")
