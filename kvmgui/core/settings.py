"""The application settings file (settings.json in the XDG config dir), typed and versioned.

Reading never fails: the app must start even with a damaged file.
- No file: the defaults, no warning.
- A file that is not a settings object (bad JSON, invalid UTF-8, wrong top-level type) is
  renamed to settings.json.broken-<timestamp> so nothing is lost, and the defaults are used,
  with a warning saying where the old file went.
- A file from a newer kvmgui is left untouched and the defaults are used, with a warning;
  save_settings keeps a copy of it before it would ever be replaced.
- Single bad entries (wrong type, unknown key, out-of-range value) fall back to that
  setting's default with one warning each; the rest of the file is used.

Window geometry and other view state are not here: Qt's QSettings keeps those.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import math
import os
import time
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from kvmgui.core.atomic import read_small_regular_file, write_atomic
from kvmgui.core.choices import Accel, DisplayKind
from kvmgui.core.connections import (
    SavedConnection,
    connections_from_json,
    connections_to_json,
)
from kvmgui.core.limits import MAX_CPUS, MAX_MEMORY_MIB, MIN_MEMORY_MIB
from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message
from kvmgui.core.problems import Problem, Severity, shown
from kvmgui.core.strict_json import JsonError, decode_json

SETTINGS_SCHEMA_VERSION = 1
VERSION_KEY = "schema_version"
MAX_SETTINGS_BYTES = 256 * 1024


class OnQuit(StrEnum):
    """What happens to running guests when the app quits."""

    ASK = "ask"
    KEEP_RUNNING = "keep-running"  # QEMU runs on; the app reattaches at its next start
    SHUTDOWN = "shutdown"  # ACPI power-off, forced after shutdown_timeout_s


class ConsoleScaling(StrEnum):
    FIT = "fit"
    ONE_TO_ONE = "1:1"


@dataclass(frozen=True)
class Settings:
    schema_version: int = SETTINGS_SCHEMA_VERSION
    vm_root: str | None = None  # None: AppPaths.default_vm_root
    default_memory_mib: int = 2048
    default_cpus: int = 2
    default_display: DisplayKind = DisplayKind.VNC
    accelerator: Accel = Accel.AUTO
    qemu_binary: str = "qemu-system-x86_64"
    qemu_img_binary: str = "qemu-img"
    on_quit: OnQuit = OnQuit.ASK
    shutdown_timeout_s: int = 60
    stats_interval_s: float = 2.0
    thumbnail_interval_s: float = 5.0
    console_scaling: ConsoleScaling = ConsoleScaling.FIT
    console_grab_keyboard: bool = True
    confirm_force_off: bool = True
    confirm_delete: bool = True
    # libvirt connections the user added (this computer's kvmgui VMs are always there).
    connections: tuple[SavedConnection, ...] = ()


_DEFAULTS = Settings()
_TYPES: dict[str, Any] = {
    "vm_root": (str, type(None)),
    "default_memory_mib": int,
    "default_cpus": int,
    "default_display": DisplayKind,
    "accelerator": Accel,
    "qemu_binary": str,
    "qemu_img_binary": str,
    "on_quit": OnQuit,
    "shutdown_timeout_s": int,
    "stats_interval_s": float,
    "thumbnail_interval_s": float,
    "console_scaling": ConsoleScaling,
    "console_grab_keyboard": bool,
    "confirm_force_off": bool,
    "confirm_delete": bool,
    "connections": SavedConnection,
}
assert set(_TYPES) == {f.name for f in dataclasses.fields(Settings)} - {"schema_version"}


# ---------------------------------------------------------------------------------------------
# Validation


def _range(
    problems: list[Problem], field: str, value: float, lo: float, hi: float, unit: str
) -> None:
    if not (math.isfinite(value) and lo <= value <= hi):
        problems.append(Problem(field, Severity.ERROR, Message(QT_TRANSLATE_NOOP("core.settings",
            "'{field}' must be between {lo} and {hi} {unit}: change it in the settings."),
            field=field, lo=format(lo, 'g'), hi=format(hi, 'g'), unit=unit)))


def _binary(problems: list[Problem], field: str, value: str) -> None:
    if not value.strip() or "\0" in value:
        problems.append(Problem(field, Severity.ERROR, Message(QT_TRANSLATE_NOOP("core.settings",
            "'{field}' is empty: give the program's name or its full path."), field=field)))
    elif "/" in value and not os.path.isabs(value):
        problems.append(Problem(field, Severity.ERROR, Message(QT_TRANSLATE_NOOP("core.settings",
            "'{field}' must be a program name or a full path starting with '/'."), field=field)))


def validate_settings(s: Settings) -> list[Problem]:
    """Problems with the settings' values, one sentence each (types are trusted)."""
    problems: list[Problem] = []
    if s.schema_version != SETTINGS_SCHEMA_VERSION:
        problems.append(Problem("schema_version", Severity.ERROR, Message(
            QT_TRANSLATE_NOOP(
                "core.settings",
                "The settings have schema {schema_version}; this kvmgui writes "
                "{newest}.",
            ),
            schema_version=s.schema_version,
            newest=SETTINGS_SCHEMA_VERSION,
        )))
    if s.vm_root is not None and (not os.path.isabs(s.vm_root) or "\0" in s.vm_root):
        problems.append(Problem("vm_root", Severity.ERROR, Message(
            QT_TRANSLATE_NOOP(
                "core.settings",
                "The VM folder must be a full path starting with '/': choose it again.",
            ),
        )))
    _range(problems, "default_memory_mib", s.default_memory_mib, MIN_MEMORY_MIB, MAX_MEMORY_MIB,
           "MiB")
    _range(problems, "default_cpus", s.default_cpus, 1, MAX_CPUS, "CPUs")
    _range(problems, "shutdown_timeout_s", s.shutdown_timeout_s, 1, 3600, "seconds")
    _range(problems, "stats_interval_s", s.stats_interval_s, 0.2, 60, "seconds")
    _range(problems, "thumbnail_interval_s", s.thumbnail_interval_s, 0.5, 600, "seconds")
    _binary(problems, "qemu_binary", s.qemu_binary)
    _binary(problems, "qemu_img_binary", s.qemu_img_binary)
    return problems


# ---------------------------------------------------------------------------------------------
# Reading


def _convert(key: str, value: object) -> object:
    """`value` as the type of setting `key`; ValueError with a phrase when it cannot be."""
    tp = _TYPES[key]
    if isinstance(tp, tuple):  # str | None
        if value is None:
            return None
        tp = str
    if isinstance(tp, type) and issubclass(tp, StrEnum):
        allowed = ", ".join(m.value for m in tp)
        if not isinstance(value, str) or value not in {m.value for m in tp}:
            raise ValueError(Message(QT_TRANSLATE_NOOP("core.settings", "must be one of {allowed}"),
                allowed=allowed))
        return tp(value)
    if tp is bool:
        if not isinstance(value, bool):
            raise ValueError(Message(QT_TRANSLATE_NOOP("core.settings", "must be true or false")))
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int) or abs(value) > 2**53:
            raise ValueError(Message(QT_TRANSLATE_NOOP("core.settings", "must be a whole number")))
        return value
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, int | float) or abs(value) > 2**53:
            raise ValueError(Message(QT_TRANSLATE_NOOP("core.settings", "must be a number")))
        return float(value)
    if tp is str:
        if not isinstance(value, str) or len(value) > 4096:
            raise ValueError(Message(QT_TRANSLATE_NOOP("core.settings", "must be text")))
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError(Message(
                QT_TRANSLATE_NOOP("core.settings", "must be valid text"),
            )) from None
        return value
    raise AssertionError(f"no converter for {tp!r}")  # pragma: no cover


def settings_from_dict(data: dict[str, Any]) -> tuple[Settings, list[str]]:
    """Settings from a decoded (current-version) file; bad entries fall back with a warning."""
    warnings: list[str] = []
    values: dict[str, object] = {}
    for key, value in data.items():
        if key == VERSION_KEY:
            continue
        if key not in _TYPES:
            warnings.append(Message(QT_TRANSLATE_NOOP("core.settings", "The setting '{key}' is "
                "unknown and was ignored (check its spelling)."), key=shown(str(key), 40)))
            continue
        try:
            if key == "connections":
                # Each entry is checked on its own: a refused one is left out, not them all.
                values[key], refused = connections_from_json(value)
                warnings.extend(refused)
            else:
                values[key] = _convert(key, value)
        except ValueError as exc:
            warnings.append(Message(QT_TRANSLATE_NOOP("core.settings", "The setting '{key}' "
                "{exc}, so its default ({default}) is used."), key=key,
                exc=exc.args[0] if exc.args and isinstance(exc.args[0], Message) else str(exc),
                default=_shown_default(key)))
    settings = Settings(**values)  # type: ignore[arg-type]
    # Values of the right type but outside their range fall back one by one too.
    fixes: dict[str, object] = {}
    for problem in validate_settings(settings):
        if problem.field in _TYPES:
            fixes[problem.field] = getattr(_DEFAULTS, problem.field)
            reason = problem.message.split(": ")[0].removesuffix(".")
            warnings.append(Message(QT_TRANSLATE_NOOP("core.settings", "{reason}, so its default "
                "({default}) is used."), reason=reason, default=_shown_default(problem.field)))
    if fixes:
        settings = dataclasses.replace(settings, **fixes)  # type: ignore[arg-type]
    return settings, warnings


def _shown_default(key: str) -> str:
    value = getattr(_DEFAULTS, key)
    if value is None or value == ():
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _broken_name(path: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.name}.broken-{stamp}")
    n = 1
    while os.path.lexists(candidate):
        n += 1
        candidate = path.with_name(f"{path.name}.broken-{stamp}-{n}")
    return candidate


def _read(path: Path) -> bytes:
    return read_small_regular_file(path, MAX_SETTINGS_BYTES)


def _classify(raw: bytes) -> tuple[dict[str, Any] | None, int | None, str]:
    """(object, version, reason): the decoded object, or None and why it is unusable."""
    try:
        data = decode_json(raw, max_bytes=MAX_SETTINGS_BYTES)
    except JsonError as exc:
        return None, None, str(exc)
    if not isinstance(data, dict):
        return None, None, Message(QT_TRANSLATE_NOOP("core.settings", "it is not a JSON object"))
    version = data.get(VERSION_KEY)
    if isinstance(version, bool) or not isinstance(version, int):
        return None, None, Message(QT_TRANSLATE_NOOP("core.settings", "it has no '{key}' number"),
            key=VERSION_KEY)
    if version < 1:
        return None, None, Message(QT_TRANSLATE_NOOP("core.settings", "its schema version "
            "{version} does not exist"), version=version)
    return data, version, ""


def load_settings(path: Path) -> tuple[Settings, list[str]]:
    """The settings in `path` and warnings (plain sentences) about anything that was wrong."""
    try:
        raw = _read(path)
    except FileNotFoundError:
        return Settings(), []
    except OSError as exc:
        return Settings(), [Message(QT_TRANSLATE_NOOP("core.settings", "The settings file {path} "
            "cannot be read ({strerror}), so the defaults are used: check its permissions."),
            path=shown(str(path)), strerror=exc.strerror)]
    data, version, reason = _classify(raw)
    if data is None or version is None:
        try:
            target = _broken_name(path)
            os.replace(path, target)
            where = Message(QT_TRANSLATE_NOOP("core.settings", "it was kept as {target}"),
                target=shown(str(target)))
        except OSError as exc:
            where = Message(QT_TRANSLATE_NOOP("core.settings", "it could not be moved aside "
                "({strerror}) and was left as it is"), strerror=exc.strerror)
        return Settings(), [Message(QT_TRANSLATE_NOOP("core.settings", "The settings file {path} "
            "was damaged ({reason}), so the defaults are used; {where}."), path=shown(str(path)),
            reason=reason, where=where)]
    if version > SETTINGS_SCHEMA_VERSION:
        return Settings(), [Message(QT_TRANSLATE_NOOP("core.settings", "The settings file {path} "
            "was written by a newer kvmgui, so the defaults are used and the file is left "
            "untouched: update kvmgui to use it."), path=shown(str(path)))]
    # Version 1 is current; later versions add their migrations here.
    return settings_from_dict(data)


# ---------------------------------------------------------------------------------------------
# Writing


def settings_to_dict(s: Settings) -> dict[str, object]:
    out: dict[str, object] = {VERSION_KEY: SETTINGS_SCHEMA_VERSION}
    for f in dataclasses.fields(s):
        if f.name == VERSION_KEY:
            continue
        value = getattr(s, f.name)
        if f.name == "connections":
            out[f.name] = connections_to_json(value)
        else:
            out[f.name] = value.value if isinstance(value, StrEnum) else value
    return out


def save_settings(path: Path, settings: Settings) -> None:
    """Write `settings` atomically (0600). A file this kvmgui cannot read is kept first."""
    raw = (json.dumps(settings_to_dict(settings), indent=2, ensure_ascii=False) + "\n").encode()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with contextlib.suppress(FileNotFoundError):
        current = _read(path)
        data, version, _reason = _classify(current)
        if data is None or version is None or version > SETTINGS_SCHEMA_VERSION:
            # Damaged or from a newer kvmgui: never replace it without a copy.
            write_atomic(_broken_name(path), current, overwrite=False)
    write_atomic(path, raw)
