"""Ask the installed QEMU binary what it can do, once per binary version.

Runs `--version`, `-machine help`, `-device help` and `-audiodev help` (each a plain argv, each
with a timeout) and hands the text to the pure parsers in `kvmgui.core.qemu_caps`. The audio
drivers are whatever the installed QEMU lists: distributions ship some as loadable modules in
separate packages (Debian's PulseAudio driver is in qemu-system-gui). The result
is cached in memory by the binary's real path and modification time and the state of its
module folders, so an upgrade of QEMU (or a newly installed module) while the app runs is noticed
on the next probe and nothing is written to disk.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

from kvmgui.core.atomic import write_atomic
from kvmgui.core.messages import QT_TRANSLATE_NOOP, KvmguiError, Message
from kvmgui.core.qemu_caps import (
    QemuCaps,
    parse_audiodev_help,
    parse_device_help,
    parse_machine_help,
    parse_missing_modules,
    parse_version,
)
from kvmgui.runtime.children import spawn_tied

DEFAULT_BINARY = "qemu-system-x86_64"
PROBE_TIMEOUT_S = 15.0
INSTALL_FIX = "sudo apt install qemu-system-x86"


class QemuProbeError(KvmguiError, RuntimeError):
    """The binary exists but could not be asked for its capabilities; one plain sentence."""


class QemuNotFound(QemuProbeError):
    """No QEMU binary under that name or path."""

    def __init__(self, binary: str) -> None:
        super().__init__(Message(QT_TRANSLATE_NOOP(
            "runtime.qemu_probe",
            "QEMU ({binary}) is not installed or not on the PATH; install it with: {fix}"),
            binary=binary, fix=INSTALL_FIX))
        self.binary = binary
        self.fix = INSTALL_FIX


# Where distributions install QEMU's loadable modules (Debian/Ubuntu, Fedora, Arch). Installing
# one (Debian's qemu-system-gui adds the PulseAudio driver) leaves the binary untouched but
# changes the folder, so the folder is part of the cache key: "Check again" after an install
# sees the new driver.
MODULE_DIRS: tuple[str, ...] = (
    "/usr/lib/x86_64-linux-gnu/qemu",
    "/usr/lib64/qemu",
    "/usr/lib/qemu",
)


@dataclass(frozen=True)
class _CacheKey:
    path: str
    mtime_ns: int
    size: int
    modules: tuple[int, ...]  # modification times of the module folders (-1: none)


def _modules_stamp() -> tuple[int, ...]:
    stamps = []
    for folder in (os.environ.get("QEMU_MODULE_DIR", ""), *MODULE_DIRS):
        try:
            stamps.append(os.stat(folder).st_mtime_ns if folder else -1)
        except OSError:
            stamps.append(-1)
    return tuple(stamps)


_cache: dict[_CacheKey, QemuCaps] = {}


def clear_cache() -> None:
    _cache.clear()


# The on-disk cache (AppPaths.qemu_caps_cache): one entry per binary, under the same key as
# the memory cache, so a start of the app knows its QEMU without running it four times. A
# changed binary or module folder is a new key; a file of another format is ignored.
DISK_FORMAT = 1
DISK_ENTRIES = 8  # binaries remembered (the newest kept)


def _key_json(key: _CacheKey) -> dict[str, object]:
    return {**asdict(key), "modules": list(key.modules)}


def _disk_entries(cache_file: Path) -> list[dict[str, object]]:
    try:
        data = json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(data, dict) or data.get("format") != DISK_FORMAT:
        return []
    entries = data.get("entries")
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


def read_disk_cache(cache_file: Path, key: _CacheKey) -> QemuCaps | None:
    """The caps stored under `key`, or None (no file, another key, a damaged entry)."""
    wanted = _key_json(key)
    for entry in _disk_entries(cache_file):
        caps = entry.get("caps")
        if entry.get("key") == wanted and isinstance(caps, dict):
            try:
                return QemuCaps.from_json(caps)
            except ValueError:
                return None
    return None


def write_disk_cache(cache_file: Path, key: _CacheKey, caps: QemuCaps) -> None:
    """Store `caps` under `key`, replacing what was known of the same binary; a cache that
    cannot be written only means probing again next time."""
    def other_binary(entry: dict[str, object]) -> bool:
        known = entry.get("key")
        return not isinstance(known, dict) or known.get("path") != key.path

    kept = [e for e in _disk_entries(cache_file) if other_binary(e)]
    entries = [*kept, {"key": _key_json(key), "caps": caps.to_json()}][-DISK_ENTRIES:]
    text = json.dumps({"format": DISK_FORMAT, "entries": entries}, indent=1)
    with contextlib.suppress(OSError):
        cache_file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic(cache_file, text.encode())


def resolve_binary(binary: str) -> str:
    """The absolute real path of `binary` (a name looked up on PATH, or a path)."""
    found = shutil.which(binary) if os.sep not in binary else binary
    if not found or not os.path.isfile(found) or not os.access(found, os.X_OK):
        raise QemuNotFound(binary)
    return os.path.realpath(found)


async def _run(path: str, *args: str, timeout: float) -> tuple[str, str]:
    """(stdout, stderr) of `path args`; raises QemuProbeError when it fails or hangs."""
    try:
        # -audiodev help prints "module … not found" lines for audio back-ends whose
        # packages are not installed: stderr is kept apart, it names the package to install.
        proc = await spawn_tied([path, *args])
    except FileNotFoundError as err:
        raise QemuNotFound(path) from err
    except PermissionError as err:
        raise QemuProbeError(Message(QT_TRANSLATE_NOOP(
            "runtime.qemu_probe", "QEMU ({path}) cannot be run: {strerror}."),
            path=path, strerror=err.strerror or "")) from err
    try:
        out, err_out = await asyncio.wait_for(proc.communicate(), timeout)
    except TimeoutError:
        proc.kill()
        await proc.wait()
        raise QemuProbeError(Message(QT_TRANSLATE_NOOP(
            "runtime.qemu_probe",
            "QEMU ({path}) did not answer `{command}` within {timeout} seconds."),
            path=path, command=" ".join(args), timeout=f"{timeout:g}")) from None
    if proc.returncode != 0:
        detail = err_out.decode(errors="replace").strip().splitlines()
        raise QemuProbeError(
            Message(QT_TRANSLATE_NOOP("runtime.qemu_probe",
                                      "QEMU ({path}) failed to answer `{command}`: {error}"),
                    path=path, command=" ".join(args), error=detail[-1]) if detail else
            Message(QT_TRANSLATE_NOOP("runtime.qemu_probe",
                                      "QEMU ({path}) failed to answer `{command}`."),
                    path=path, command=" ".join(args)),
            "\n".join(detail))
    return out.decode(errors="replace"), err_out.decode(errors="replace")


async def probe_caps(
    binary: str = DEFAULT_BINARY,
    *,
    timeout: float = PROBE_TIMEOUT_S,
    cache_file: Path | None = None,
) -> QemuCaps:
    """The capabilities of `binary`; raises QemuNotFound (with the install command) or
    QemuProbeError.

    Probed once per binary (path, size, modification time and QEMU's module folders);
    `cache_file` (AppPaths.qemu_caps_cache) keeps the answer between starts.
    """
    path = resolve_binary(binary)
    st = os.stat(path)
    key = _CacheKey(path, st.st_mtime_ns, st.st_size, _modules_stamp())
    cached = _cache.get(key)
    if cached is not None:
        return cached
    if cache_file is not None:
        cached = await asyncio.to_thread(read_disk_cache, cache_file, key)
        if cached is not None:
            _cache[key] = cached
            return cached
    # One after another: four short runs, and the machine may be busy running guests.
    version_text, _ = await _run(path, "--version", timeout=timeout)
    machine_text, _ = await _run(path, "-machine", "help", timeout=timeout)
    device_text, _ = await _run(path, "-device", "help", timeout=timeout)
    audio_text, audio_notes = await _run(path, "-audiodev", "help", timeout=timeout)
    try:
        version = parse_version(version_text)
    except ValueError as err:
        raise QemuProbeError(Message(QT_TRANSLATE_NOOP(
            "runtime.qemu_probe", "{path} does not look like QEMU: {error}"),
            path=path, error=str(err))) from err
    machines, aliases = parse_machine_help(machine_text)
    caps = QemuCaps(
        version=version,
        devices=parse_device_help(device_text),
        audio_drivers=parse_audiodev_help(audio_text),
        audio_packages=parse_missing_modules(audio_notes, "audio"),
        machine_aliases=aliases,
        machines=machines,
        version_text=version_text.strip().splitlines()[0] if version_text.strip() else "",
    )
    _cache[key] = caps
    if cache_file is not None:
        await asyncio.to_thread(write_disk_cache, cache_file, key, caps)
    return caps
