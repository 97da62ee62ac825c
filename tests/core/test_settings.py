from __future__ import annotations

import json
import os
from dataclasses import fields, replace
from pathlib import Path

import pytest

from kvmgui.core.connections import SavedConnection
from kvmgui.core.model import Accel, DisplayKind
from kvmgui.core.paths import AppPaths
from kvmgui.core.settings import (
    SETTINGS_SCHEMA_VERSION,
    ConsoleScaling,
    OnQuit,
    Settings,
    load_settings,
    save_settings,
    settings_to_dict,
    validate_settings,
)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return AppPaths.under(tmp_path).settings_file


def _others(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p != path)


def test_defaults() -> None:
    s = Settings()
    assert s.schema_version == SETTINGS_SCHEMA_VERSION == 1
    assert s.vm_root is None
    assert (s.default_display, s.accelerator, s.on_quit) == (DisplayKind.VNC, Accel.AUTO,
                                                             OnQuit.ASK)
    assert s.qemu_binary == "qemu-system-x86_64" and s.qemu_img_binary == "qemu-img"
    assert s.shutdown_timeout_s == 60 and s.stats_interval_s == 2.0
    assert s.thumbnail_interval_s == 5.0 and s.console_scaling is ConsoleScaling.FIT
    assert s.console_grab_keyboard and s.confirm_force_off and s.confirm_delete
    assert validate_settings(s) == []


def test_missing_file_gives_defaults_silently(path: Path) -> None:
    assert load_settings(path) == (Settings(), [])
    assert not path.parent.exists()


def test_save_and_load_round_trip(path: Path) -> None:
    s = Settings(vm_root="/srv/vms", default_memory_mib=4096, default_cpus=4,
                 default_display=DisplayKind.SPICE, accelerator=Accel.TCG,
                 qemu_binary="/opt/qemu/bin/qemu-system-x86_64", qemu_img_binary="qemu-img-9",
                 on_quit=OnQuit.KEEP_RUNNING,
                 shutdown_timeout_s=30, stats_interval_s=1.0, thumbnail_interval_s=10.0,
                 console_scaling=ConsoleScaling.ONE_TO_ONE, console_grab_keyboard=False,
                 confirm_force_off=False, confirm_delete=False,
                 connections=(SavedConnection("qemu+ssh://u@h/system", "Lab"),))
    # Every setting differs from its default, so each one is proven to round-trip.
    assert all(getattr(s, f.name) != getattr(Settings(), f.name)
               for f in fields(Settings) if f.name != "schema_version")
    save_settings(path, s)
    assert load_settings(path) == (s, [])
    assert next(iter(settings_to_dict(s))) == "schema_version"
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
    data = json.loads(path.read_bytes())
    assert data["schema_version"] == 1 and data["on_quit"] == "keep-running"
    assert set(data) == {f.name for f in fields(Settings)}
    assert _others(path) == []


def test_corrupt_file_is_kept_aside_and_defaults_used(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(b"{not json")
    settings, warnings = load_settings(path)
    assert settings == Settings()
    [warning] = warnings
    assert "was damaged (it is not valid JSON" in warning
    [broken] = _others(path)
    assert broken.startswith("settings.json.broken-")
    assert warning.endswith(f"it was kept as {path.parent / broken}.")
    assert (path.parent / broken).read_bytes() == b"{not json"
    assert not path.exists()  # the next save writes a fresh file; nothing is lost
    # A second damaged file gets its own name, never overwriting the first backup.
    path.write_bytes(b"\xff\xfe")
    load_settings(path)
    assert len(_others(path)) == 2


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"", "it is empty"),
        (b"[]", "not a JSON object"),
        (b'{"default_cpus": 2}', "no 'schema_version' number"),
        (b'{"schema_version": 0}', "does not exist"),
        (b"\xff", "not valid UTF-8"),
        (b'{"schema_version": 1, "a": 1, "a": 2}', "appears twice"),
    ],
)
def test_unusable_files(path: Path, raw: bytes, words: str) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(raw)
    settings, [warning] = load_settings(path)
    assert settings == Settings() and words in warning
    assert len(_others(path)) == 1


def test_bad_entries_fall_back_one_by_one(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({
        "schema_version": 1,
        "default_memory_mib": 4096,  # fine: kept
        "default_cpus": "four",
        "on_quit": "explode",
        "stats_interval_s": -1,
        "thumbnail_interval_s": 3,  # an int where a float is expected: fine
        "vm_root": "relative/path",
        "qemu_binary": "",
        "confirm_delete": "yes",
        "colour": "red",
    }))
    settings, warnings = load_settings(path)
    assert settings == Settings(default_memory_mib=4096, thumbnail_interval_s=3.0)
    text = "\n".join(warnings)
    assert len(warnings) == 7
    assert "'default_cpus' must be a whole number, so its default (2) is used." in text
    assert "'on_quit' must be one of ask, keep-running, shutdown" in text
    assert "'stats_interval_s' must be between 0.2 and 60 seconds, so its default (2.0)" in text
    assert "The VM folder must be a full path" in text
    assert "'qemu_binary' is empty" in text
    assert "'confirm_delete' must be true or false" in text
    assert "The setting 'colour' is unknown and was ignored" in text
    assert all(w.endswith(".") for w in warnings)
    assert _others(path) == []  # a readable file is not moved


def test_newer_file_is_left_alone_and_copied_before_any_save(path: Path) -> None:
    path.parent.mkdir(parents=True)
    newer = json.dumps({"schema_version": 5, "future": True}).encode()
    path.write_bytes(newer)
    settings, [warning] = load_settings(path)
    assert settings == Settings() and "newer kvmgui" in warning
    assert path.read_bytes() == newer and _others(path) == []
    save_settings(path, Settings(default_cpus=1))
    [copy] = _others(path)
    assert (path.parent / copy).read_bytes() == newer
    assert load_settings(path) == (Settings(default_cpus=1), [])


def test_save_keeps_a_file_damaged_after_loading(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(b"garbage")
    save_settings(path, Settings())
    [copy] = _others(path)
    assert (path.parent / copy).read_bytes() == b"garbage"


def test_unreadable_settings(path: Path) -> None:
    path.mkdir(parents=True)  # a folder where the file should be
    settings, [warning] = load_settings(path)
    assert settings == Settings() and "cannot be read" in warning


def test_fifo_does_not_hang(path: Path) -> None:
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    settings, [warning] = load_settings(path)
    assert settings == Settings() and "cannot be read" in warning


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"default_memory_mib": 16}, "default_memory_mib"),
        ({"default_cpus": 0}, "default_cpus"),
        ({"shutdown_timeout_s": 0}, "shutdown_timeout_s"),
        ({"stats_interval_s": float("nan")}, "stats_interval_s"),
        ({"thumbnail_interval_s": float("inf")}, "thumbnail_interval_s"),
        ({"vm_root": "vms"}, "vm_root"),
        ({"qemu_img_binary": "bin/qemu-img"}, "qemu_img_binary"),
        ({"schema_version": 2}, "schema_version"),
    ],
)
def test_validate_settings(changes: dict[str, object], field: str) -> None:
    problems = validate_settings(replace(Settings(), **changes))  # type: ignore[arg-type]
    assert [p.field for p in problems] == [field]
    assert problems[0].message.endswith(".")
