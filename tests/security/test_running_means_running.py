"""A running VM is seen running from any session, and runtime folders cannot be squatted.

Every test starts real QEMUs through the real `kvmgui-cli` and then acts from "another
session": XDG_RUNTIME_DIR unset (a `su` or cron shell: /tmp/kvmgui-UID), set to another
folder, or the VM's runtime folder removed (logging out removes /run/user/UID). The VM must
be reported running, `delete` refused (the disk's sha256 and the definition unchanged) and
`start` refused, with only one QEMU for the VM. `delete` racing `start` must never leave a QEMU
of a deleted VM. Two ids sharing their first 12 characters get separate folders. A runtime
folder made by another user (uid 65534) is never read: every command refuses it in one
sentence.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from kvmgui.core.model import Disk, DiskFormat
from kvmgui.core.paths import AppPaths
from kvmgui.core.store import StoredVm
from kvmgui.runtime import liveness
from kvmgui.runtime.process import ensure_private_dir, is_alive
from kvmgui.runtime.runfiles import printable
from tests.qemu_holding import qemu_holding
from tests.runtime.helpers import REPO, RunEnv, blank_raw_disk, kill_all, sockets_under, tiny_spec

pytestmark = [pytest.mark.qemu]

NOBODY = 65534


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def environ(env: RunEnv, runtime: str | None) -> dict[str, str]:
    """The test's environment with XDG_RUNTIME_DIR unset (None) or set to `runtime`."""
    full = env.full_environ()
    full.pop("XDG_RUNTIME_DIR", None)
    if runtime is not None:
        full["XDG_RUNTIME_DIR"] = runtime
    return full


def cli_in(env: RunEnv, runtime: str | None, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kvmgui.cli.main", *args],
                          env=environ(env, runtime), capture_output=True, text=True,
                          timeout=120, stdin=subprocess.DEVNULL, cwd=str(REPO))


def paths_in(env: RunEnv, runtime: str | None) -> AppPaths:
    return AppPaths.from_env(environ(env, runtime))


def vm_with_disk(env: RunEnv, name: str, **overrides: object) -> tuple[StoredVm, Path]:
    spec = tiny_spec(name, disks=(Disk("disk.raw", format=DiskFormat.RAW),), **overrides)
    stored = env.store.create(spec)
    disk = blank_raw_disk(stored.folder.dir / "disk.raw", 1024 * 1024)
    with open(disk, "r+b") as f:
        f.write(b"kvmgui marker " + name.encode())
    return stored, disk


def qemus_of(vm_id: str) -> list[int]:
    return [q.pid for q in liveness.scan() if liveness.names_vm(q, vm_id)]


def status_in(env: RunEnv, runtime: str | None, name: str) -> dict[str, object]:
    done = cli_in(env, runtime, "status", name, "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert isinstance(data, dict)
    return data


def assert_refused_everywhere(env: RunEnv, runtime: str | None, stored: StoredVm, disk: Path,
                              pid: int) -> None:
    name = stored.spec.name
    before = sha256(disk)
    status = status_in(env, runtime, name)
    assert status["state"] == "running" and status["pid"] == pid, status

    deleted = cli_in(env, runtime, "delete", name)
    assert deleted.returncode == 1
    assert f"is running (QEMU process {pid})" in deleted.stderr
    assert len(deleted.stderr.strip().splitlines()) == 1
    assert stored.folder.definition.is_file() and disk.is_file()
    assert sha256(disk) == before

    started = cli_in(env, runtime, "start", name)
    assert started.returncode == 1
    assert f"is already running (QEMU process {pid})" in started.stderr
    assert qemus_of(stored.spec.id) == [pid]


@pytest.mark.parametrize("session", ["unset", "other"])
def test_other_session_sees_the_vm_running(env: RunEnv, session: str) -> None:
    stored, disk = vm_with_disk(env, "box")
    env.cli("start", "box", check=True)
    [pid] = qemus_of(stored.spec.id)
    runtime = None if session == "unset" else str(env.root / "other")
    if runtime is not None:
        os.mkdir(runtime, 0o700)
    try:
        assert liveness.vm_is_running(stored.spec.id, paths_in(env, runtime))
        assert_refused_everywhere(env, runtime, stored, disk, pid)
        # Its sockets are ours and private: the other session reattached and can act on it.
        paused = cli_in(env, runtime, "pause", "box")
        assert paused.returncode == 0, paused.stderr
        assert status_in(env, runtime, "box")["state"] == "paused"
    finally:
        env.cli("kill", "box")
    assert not is_alive(pid)
    # The other session's (unset: /tmp/kvmgui-UID) folder for this VM holds no socket.
    other = paths_in(env, runtime).vm_runtime(stored.spec.id)
    assert not sockets_under(other.dir) if other.dir.exists() else True
    shutil.rmtree(other.dir, ignore_errors=True)


def test_runtime_folder_removed_while_running(env: RunEnv) -> None:
    stored, disk = vm_with_disk(env, "box")
    env.cli("start", "box", check=True)
    [pid] = qemus_of(stored.spec.id)
    shutil.rmtree(env.paths.vm_runtime(stored.spec.id).dir)
    try:
        assert_refused_everywhere(env, env.environ["XDG_RUNTIME_DIR"], stored, disk, pid)
        status = status_in(env, env.environ["XDG_RUNTIME_DIR"], "box")
        assert "started from another session" in str(status["reason"])
        assert "cannot reach its monitor" in str(status["reason"])
        # In the other session (no XDG_RUNTIME_DIR) it is just as running.
        assert_refused_everywhere(env, None, stored, disk, pid)
    finally:
        kill_all([pid])
        shutil.rmtree(paths_in(env, None).vm_runtime(stored.spec.id).dir, ignore_errors=True)


def test_delete_racing_start_never_hides_a_qemu(env: RunEnv) -> None:
    for attempt in range(6):
        name = f"race{attempt}"
        stored, _disk = vm_with_disk(env, name)
        base = [sys.executable, "-m", "kvmgui.cli.main"]
        full = env.full_environ()
        start = subprocess.Popen([*base, "start", name], env=full, cwd=str(REPO),
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(0.15 * attempt)
        delete = subprocess.Popen([*base, "delete", name], env=full, cwd=str(REPO),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        start_out = start.communicate(timeout=120)
        delete_out = delete.communicate(timeout=120)
        pids = qemus_of(stored.spec.id)
        try:
            if stored.folder.definition.exists():
                # The start won: its QEMU runs and the delete said so.
                assert len(pids) == 1, (start_out, delete_out)
                assert delete.returncode == 1 and "is running" in delete_out[1], delete_out
            else:
                # The delete won: no QEMU of the deleted VM may run.
                assert pids == [], (attempt, start_out, delete_out)
                assert start.returncode == 1, start_out
        finally:
            if pids and stored.folder.definition.exists():
                env.cli("kill", name, check=True)  # cleans its sockets up too
            kill_all(pids)


def test_ids_sharing_twelve_characters_get_their_own_folders(env: RunEnv) -> None:
    prefix = "0123456789ab"
    a = env.store.create(replace(tiny_spec("a"), id=prefix + "a" * 20))
    b = env.store.create(replace(tiny_spec("b"), id=prefix + "b" * 20))
    env.cli("start", "a", check=True)
    env.cli("start", "b", check=True)
    run_a, run_b = (env.paths.vm_runtime(vm.spec.id) for vm in (a, b))
    assert run_a.dir != run_b.dir and run_a.pidfile.is_file() and run_b.pidfile.is_file()
    [pid_b] = qemus_of(b.spec.id)
    try:
        env.cli("kill", "a", check=True)
        assert qemus_of(a.spec.id) == []
        assert is_alive(pid_b)
        assert env.cli_json("status", "b")["state"] == "running"
    finally:
        env.cli("kill", "b")
    assert not is_alive(pid_b)


def test_qemu_of_the_previous_version_is_still_found(env: RunEnv) -> None:
    """A QEMU started by the version that keyed runtime folders by 12 characters of the id."""
    stored, disk = vm_with_disk(env, "old")
    legacy = env.paths.legacy_vm_runtime(stored.spec.id)
    assert legacy is not None
    ensure_private_dir(legacy.dir)
    legacy.meta_file.write_text(json.dumps({"vm_id": stored.spec.id, "name": "old",
                                            "definition": str(stored.folder.definition)}))
    before = sha256(disk)
    with qemu_holding(disk, "raw", pidfile=legacy.pidfile) as pid:
        assert liveness.vm_pid(stored.spec.id, env.paths) == pid
        deleted = env.cli("delete", "old")
        assert deleted.returncode == 1 and f"QEMU process {pid}" in deleted.stderr
        started = env.cli("start", "old")
        assert started.returncode == 1 and f"QEMU process {pid}" in started.stderr
    assert sha256(disk) == before and stored.folder.definition.is_file()


def locks_on(path: Path) -> list[str]:
    inode = f":{os.stat(path).st_ino} "
    return [line for line in Path("/proc/locks").read_text().splitlines() if inode in line]


def test_disk_held_by_another_qemu_is_not_deleted(env: RunEnv) -> None:
    """A QEMU started by hand (no kvmgui pidfile) with the VM's disk attached to a device."""
    stored, disk = vm_with_disk(env, "held")
    before = sha256(disk)
    qemu = subprocess.Popen(["qemu-system-x86_64", "-machine", "pc", "-accel", "tcg",
                             "-nodefaults", "-display", "none", "-S",
                             "-drive", f"file={disk},format=raw,if=ide"],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while not locks_on(disk):
            assert qemu.poll() is None and time.monotonic() < deadline, "QEMU took no lock"
            time.sleep(0.1)
        deleted = env.cli("delete", "held")
        assert deleted.returncode == 1
        assert "is in use by another program" in deleted.stderr
    finally:
        qemu.kill()
        qemu.wait()
    assert sha256(disk) == before and stored.folder.definition.is_file()


# -- squatted runtime folders -------------------------------------------------------------


def squat(folder: Path, *, fake_pid: int) -> dict[Path, str]:
    """Make `folder` as "another user" would: a fake pidfile, a display socket address of
    their choosing and terminal escapes in the reasons; return the files' digests."""
    folder.mkdir(mode=0o755)
    evil = "\x1b]0;owned\x07\x1b[2J"
    (folder / "qemu.pid").write_text(str(fake_pid))
    (folder / "meta.json").write_text(json.dumps({
        "vm_id": "x", "name": evil, "definition": "/etc/passwd",
        "display": "vnc+unix:///tmp/attacker.sock"}))
    (folder / "last-exit.json").write_text(json.dumps({
        "state": "crashed", "reason": f"Run: rm -rf ~ {evil}", "details": evil}))
    for path in (folder, *folder.iterdir()):
        os.chown(path, NOBODY, NOBODY)
    return {p: sha256(p) for p in folder.iterdir()}


COMMANDS = (("status", "box"), ("display", "box"), ("pause", "box"), ("delete", "box"),
            ("start", "box"))


def assert_every_command_refuses(env: RunEnv, runtime: str | None, stored: StoredVm,
                                 disk: Path, sentence: str) -> None:
    before = sha256(disk)
    for command in COMMANDS:
        done = cli_in(env, runtime, *command)
        assert done.returncode == 1, (command, done.stdout, done.stderr)
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and sentence in lines[0], (command, done.stderr)
        for text in (done.stdout, done.stderr):
            assert "\x1b" not in text and "\x07" not in text
            assert "attacker.sock" not in text and "rm -rf" not in text
    assert qemus_of(stored.spec.id) == []
    assert sha256(disk) == before and stored.folder.definition.is_file()


def test_squatted_fallback_folder_is_never_read(env: RunEnv) -> None:
    if os.getuid() != 0:
        pytest.skip("making a folder of another user needs root")
    stored, disk = vm_with_disk(env, "box")
    paths = paths_in(env, None)  # no XDG_RUNTIME_DIR: /tmp/kvmgui-UID
    paths.runtime_dir.mkdir(mode=0o700, exist_ok=True)
    folder = paths.vm_runtime(stored.spec.id).dir
    files = squat(folder, fake_pid=os.getpid())
    try:
        assert_every_command_refuses(env, None, stored, disk, "belongs to another user")
        assert {p: sha256(p) for p in folder.iterdir()} == files
    finally:
        shutil.rmtree(folder)


def test_squatted_parent_folder_is_never_read(env: RunEnv) -> None:
    if os.getuid() != 0:
        pytest.skip("making a folder of another user needs root")
    stored, disk = vm_with_disk(env, "box")
    runtime = env.root / "shared"
    runtime.mkdir(mode=0o755)
    paths = paths_in(env, str(runtime))
    paths.runtime_dir.mkdir(mode=0o755)
    os.chown(paths.runtime_dir, NOBODY, NOBODY)
    squat(paths.vm_runtime(stored.spec.id).dir, fake_pid=os.getpid())
    assert_every_command_refuses(env, str(runtime), stored, disk, "belongs to another user")


def test_text_from_runtime_files_comes_back_escaped(env: RunEnv) -> None:
    """Our own folder, but a reason holding terminal escapes (QEMU's or a guest's words)."""
    stored = env.store.create(tiny_spec("box"))
    run = env.paths.vm_runtime(stored.spec.id)
    ensure_private_dir(run.dir)
    (run.dir / "last-exit.json").write_text(json.dumps({
        "state": "crashed", "reason": "boom \x1b[2J\u202egnp.exe", "details": "a\x1b]0;x\x07"}))
    done = env.cli("status", "box")
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout and "\u202e" not in done.stdout
    assert "boom \\x1b[2J\\u202egnp.exe" in done.stdout
    assert printable("ok\n\ttab\x9b") == "ok\n\ttab\\x9b"


def test_no_signal_reaches_a_squatted_pid(env: RunEnv) -> None:
    """The squatter's pidfile names a process of ours: `kill` must not signal it."""
    if os.getuid() != 0:
        pytest.skip("making a folder of another user needs root")
    env.store.create(tiny_spec("box"))
    sleeper = subprocess.Popen(["sleep", "60"])
    try:
        stored = env.store.get("box")
        paths = paths_in(env, None)
        paths.runtime_dir.mkdir(mode=0o700, exist_ok=True)
        folder = paths.vm_runtime(stored.spec.id).dir
        squat(folder, fake_pid=sleeper.pid)
        try:
            done = cli_in(env, None, "kill", "box")
            assert done.returncode == 1 and "belongs to another user" in done.stderr
            assert sleeper.poll() is None
        finally:
            shutil.rmtree(folder)
    finally:
        sleeper.send_signal(signal.SIGKILL)
        sleeper.wait()
