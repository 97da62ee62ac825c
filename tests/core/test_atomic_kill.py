"""Crash safety (issue 8): a writer SIGKILLed at any moment leaves the old file or the new one.

A child process writes two different contents in turn, as fast as it can, and is killed at
a random moment; the file must then parse as exactly one of the two. Kills that land
mid-write leave a temp file behind (that is expected and counted: it proves the kills hit
the dangerous window) and `remove_stale_temps` tidies them up.
"""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from kvmgui.core.atomic import remove_stale_temps, stale_temps, write_atomic
from kvmgui.core.definition import dump_definition, parse_definition
from kvmgui.core.model import Disk
from kvmgui.core.presets import new_spec
from kvmgui.core.settings import OnQuit, Settings, load_settings, settings_to_dict

REPO = Path(__file__).resolve().parents[2]

# The two kill loops (200 child processes each, tens of seconds on a busy machine) are `slow`:
# the fast lane keeps the single-process tests of write_atomic.

# The child imports only what it needs, so 200 start-ups stay cheap.
WRITER = r"""
import sys
from pathlib import Path
from kvmgui.core.atomic import write_atomic
target = Path(sys.argv[1])
contents = [Path(p).read_bytes() for p in sys.argv[2:]]
print("ready", flush=True)
i = 0
while True:
    write_atomic(target, contents[i % len(contents)])
    i += 1
"""

SETTINGS_WRITER = r"""
import json, sys
from pathlib import Path
from kvmgui.core.settings import Settings, save_settings, OnQuit
target = Path(sys.argv[1])
variants = [Settings(), Settings(default_memory_mib=4096, on_quit=OnQuit.SHUTDOWN,
                                 vm_root="/srv/vms")]
print("ready", flush=True)
i = 0
while True:
    save_settings(target, variants[i % 2])
    i += 1
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _kill_loop(script: str, args: list[str], iterations: int, check: object) -> int:
    """Run the writer `iterations` times, SIGKILL it at a random moment, check the file."""
    rng = random.Random(8)
    env = _env()
    assert callable(check)
    for _ in range(iterations):
        child = subprocess.Popen([sys.executable, "-c", script, *args], env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert child.stdout is not None
        ready = child.stdout.readline()
        assert ready == b"ready\n", child.stderr.read() if child.stderr else b""
        # Random moments from "before the first write" to "many writes in".
        time.sleep(rng.choice([0.0, 0.0005, 0.001, 0.002, rng.uniform(0, 0.02)]))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        if child.stderr:
            child.stderr.close()
        assert child.returncode == -signal.SIGKILL
        check()
    return iterations


@pytest.mark.slow
def test_definition_survives_sigkill_while_saving(tmp_path: Path) -> None:
    old = new_spec("kill-test", disks=(Disk("disk.qcow2", size_bytes=20 << 30),))
    new = replace(old, memory_mib=512, description="x" * 5000, extra_args=("-no-hpet",))
    old_raw, new_raw = dump_definition(old), dump_definition(new)
    (tmp_path / "old").write_bytes(old_raw)
    (tmp_path / "new").write_bytes(new_raw)
    target = tmp_path / "vm" / "vm.json"
    target.parent.mkdir()
    write_atomic(target, old_raw)
    seen = {"old": 0, "new": 0}

    def check() -> None:
        spec, _version = parse_definition(target.read_bytes(), source=str(target))
        assert spec in (old, new)
        seen["old" if spec == old else "new"] += 1

    n = _kill_loop(WRITER, [str(target), str(tmp_path / "old"), str(tmp_path / "new")], 200,
                   check)
    assert n >= 200
    # Both contents were seen, so the kills landed at different points of the loop.
    assert seen["old"] > 0 and seen["new"] > 0, seen
    leftovers = stale_temps(target, older_than_s=0)
    print(f"{n} kills: {seen}, {len(leftovers)} killed mid-write (temp file left)")
    assert all(p.parent == target.parent for p in leftovers)
    remove_stale_temps(target, older_than_s=0)
    assert sorted(os.listdir(target.parent)) == ["vm.json"]
    # The written file is private to the user.
    assert target.stat().st_mode & 0o777 == 0o600


@pytest.mark.slow
def test_settings_survive_sigkill_while_saving(tmp_path: Path) -> None:
    target = tmp_path / "config" / "settings.json"
    expected = [
        settings_to_dict(Settings()),
        settings_to_dict(Settings(default_memory_mib=4096, on_quit=OnQuit.SHUTDOWN,
                                  vm_root="/srv/vms")),
    ]

    def check() -> None:
        if not target.exists():
            return  # killed before the very first save finished
        data = json.loads(target.read_bytes())
        assert data in expected
        assert load_settings(target)[1] == []

    _kill_loop(SETTINGS_WRITER, [str(target)], 200, check)
    broken = [p for p in target.parent.iterdir() if ".broken-" in p.name]
    assert broken == []


def test_failed_write_keeps_old_content_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "f.json"
    target.write_bytes(b"old")

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError) as info:
        write_atomic(target, b"new")
    monkeypatch.undo()
    assert info.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"old"
    assert sorted(os.listdir(tmp_path)) == ["f.json"]


def test_no_overwrite_refuses_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "f.json"
    target.write_bytes(b"old")
    with pytest.raises(FileExistsError):
        write_atomic(target, b"new", overwrite=False)
    assert target.read_bytes() == b"old"
    assert sorted(os.listdir(tmp_path)) == ["f.json"]


def test_write_atomic_creates_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    write_atomic(target, b"one", overwrite=False)
    assert target.read_bytes() == b"one"
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    write_atomic(target, b"three", mode=0o644)
    assert target.stat().st_mode & 0o777 == 0o644
    assert sorted(os.listdir(tmp_path)) == ["a.json"]


def test_write_atomic_replaces_a_symlink_not_its_target(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.write_bytes(b"precious")
    link = tmp_path / "vm.json"
    link.symlink_to(outside)
    write_atomic(link, b"new")
    assert outside.read_bytes() == b"precious"
    assert not link.is_symlink() and link.read_bytes() == b"new"


def test_young_temp_files_are_not_stale(tmp_path: Path) -> None:
    target = tmp_path / "vm.json"
    young = tmp_path / ".vm.json.abc.tmp"
    young.write_bytes(b"")
    assert stale_temps(target) == []  # a writer may still be busy with it
    old_time = time.time() - 3600
    os.utime(young, (old_time, old_time))
    assert stale_temps(target) == [young]
    assert remove_stale_temps(target) == [young]
    assert not young.exists()
