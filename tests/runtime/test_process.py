"""kvmgui.runtime.process with real processes: launch, identity, exit watching, stopping."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kvmgui.core.paths import VmRuntimePaths
from kvmgui.runtime import process
from tests.runtime.helpers import short_tmp

IGNORES_TERM = "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(60)"


@pytest.mark.asyncio
async def test_spawn_detached_runs_in_its_own_session_with_output_to_the_log(
    tmp_path: Path,
) -> None:
    log = tmp_path / "out.log"
    log.write_text("before\n")
    pid = process.spawn_detached(
        ["sh", "-c", "echo out; echo err >&2; read x || echo no-stdin; sleep 30"], log_path=log
    )
    watch = process.ProcessWatch(pid)
    try:
        assert os.getsid(pid) == pid != os.getsid(0)
        deadline = time.monotonic() + 5
        while "no-stdin" not in log.read_text() and time.monotonic() < deadline:
            await asyncio.sleep(0.02)
        assert log.read_text().splitlines() == ["before", "out", "err", "no-stdin"]
    finally:
        status = await process.terminate(watch, term_timeout=2)
    assert status == process.ExitStatus(signal=signal.SIGTERM)


@pytest.mark.asyncio
async def test_spawn_missing_program_is_a_plain_sentence(tmp_path: Path) -> None:
    with pytest.raises(process.LaunchError, match="is not installed or not on the PATH"):
        process.spawn_detached(["qemu-system-nonexistent"], log_path=tmp_path / "log")


@pytest.mark.parametrize("use_pidfd", [True, False])
@pytest.mark.asyncio
async def test_watch_reaps_our_child_and_reports_its_exit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, use_pidfd: bool
) -> None:
    monkeypatch.setattr(process, "_HAS_PIDFD", use_pidfd)
    pid = process.spawn_detached(["sh", "-c", "sleep 0.2; exit 3"], log_path=tmp_path / "log")
    watch = process.ProcessWatch(pid, poll_interval=0.05)
    status = await watch.wait(10)
    assert status == process.ExitStatus(code=3)
    assert status.describe() == "QEMU exited with code 3"
    assert process.proc_state(pid) is None  # reaped: no zombie

    pid = process.spawn_detached(["sleep", "30"], log_path=tmp_path / "log")
    watch = process.ProcessWatch(pid, poll_interval=0.05)
    watch.start()
    os.kill(pid, signal.SIGKILL)
    status = await watch.wait(10)
    assert status == process.ExitStatus(signal=9)
    assert status.describe() == "QEMU was killed by signal 9 (SIGKILL)"
    assert process.proc_state(pid) is None


@pytest.mark.asyncio
async def test_watch_notices_the_end_of_a_process_that_is_not_our_child() -> None:
    # `sh` starts `sleep` in the background and exits: the sleep is adopted by init.
    out = subprocess.run(["sh", "-c", "sleep 30 >/dev/null 2>&1 & echo $!"],
                         capture_output=True, text=True, check=True)
    pid = int(out.stdout)
    assert process.parent_pid(pid) != os.getpid()
    watch = process.ProcessWatch(pid)
    watch.start()
    await asyncio.sleep(0.1)
    assert not watch.exited
    assert watch.send_signal(signal.SIGKILL)
    status = await watch.wait(10)
    assert status is not None and not status.known  # not ours: no exit code to read
    assert status.describe() == "QEMU ended unexpectedly"


@pytest.mark.asyncio
async def test_terminate_escalates_to_sigkill(tmp_path: Path) -> None:
    pid = process.spawn_detached([sys.executable, "-c", IGNORES_TERM], log_path=tmp_path / "l")
    watch = process.ProcessWatch(pid)
    await asyncio.sleep(0.3)  # let it install its handler
    started = time.monotonic()
    status = await process.terminate(watch, term_timeout=0.5, kill_timeout=5)
    assert status == process.ExitStatus(signal=signal.SIGKILL)
    assert time.monotonic() - started < 4
    assert not watch.send_signal(signal.SIGTERM)  # gone: never signals a recycled pid


@pytest.mark.asyncio
async def test_keep_reaping_leaves_no_zombie(tmp_path: Path) -> None:
    pid = process.spawn_detached(["sleep", "0.3"], log_path=tmp_path / "log")
    watch = process.ProcessWatch(pid)
    watch.start()
    process.keep_reaping(watch)  # its owner lets go; the process is still our child
    deadline = time.monotonic() + 5
    while process.proc_state(pid) is not None and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    assert process.proc_state(pid) is None


def _run_dir() -> VmRuntimePaths:
    run = VmRuntimePaths(short_tmp() / "vm1")
    process.ensure_private_dir(run.dir)
    return run


@pytest.mark.qemu
@pytest.mark.asyncio
async def test_identity_needs_a_live_qemu_pointing_into_the_runtime_folder(
    tmp_path: Path,
) -> None:
    run = _run_dir()
    assert process.find_vm_pid(run) is None
    run.pidfile.write_text("999999999\n")  # a dead pid
    assert process.find_vm_pid(run) is None
    run.pidfile.write_text(f"{os.getpid()}\n")  # alive, but not a QEMU (pid reuse)
    assert process.find_vm_pid(run) is None
    run.pidfile.write_text("garbage")
    assert process.read_pidfile(run.pidfile) is None

    other = VmRuntimePaths(run.dir.parent / "vm10")  # a prefix of another VM's folder
    process.ensure_private_dir(other.dir)
    pid = process.spawn_detached(
        ["qemu-system-x86_64", "-machine", "none", "-nodefaults", "-display", "none", "-S",
         "-pidfile", str(run.pidfile)],
        log_path=tmp_path / "qemu.log",
    )
    watch = process.ProcessWatch(pid)
    try:
        deadline = time.monotonic() + 10
        while process.read_pidfile(run.pidfile) != pid and time.monotonic() < deadline:
            await asyncio.sleep(0.02)
        assert process.find_vm_pid(run) == pid
        assert process.is_vm_process(pid, run.dir)
        assert not process.is_vm_process(pid, other.dir)
    finally:
        await process.terminate(watch)
    assert process.find_vm_pid(run) is None


def test_leftovers_are_found_and_removed() -> None:
    run = _run_dir()
    run.pidfile.write_text("1\n")
    run.meta_file.write_text("{}")
    for path in (run.qmp_socket, run.qmp_cli_socket, run.dir / "extra.sock"):
        with socket.socket(socket.AF_UNIX) as s:
            s.bind(str(path))
    assert {p.name for p in process.runtime_leftovers(run)} == {
        "qemu.pid", "qmp.sock", "qmp-cli.sock", "extra.sock"}
    process.remove_leftovers(run)
    assert sorted(p.name for p in run.dir.iterdir()) == []


def test_private_dir_is_0700_and_refuses_symlinks(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b"
    process.ensure_private_dir(target)
    assert target.stat().st_mode & 0o777 == 0o700
    assert target.parent.stat().st_mode & 0o777 == 0o700
    loose = tmp_path / "loose"
    loose.mkdir(mode=0o755)
    os.chmod(loose, 0o755)
    process.ensure_private_dir(loose)
    assert loose.stat().st_mode & 0o777 == 0o700
    link = tmp_path / "link"
    link.symlink_to(loose)
    with pytest.raises(process.LaunchError, match="is not a folder"):
        process.ensure_private_dir(link)


@pytest.mark.asyncio
async def test_start_lock_excludes_other_holders_and_processes(tmp_path: Path) -> None:
    path = tmp_path / "start.lock"
    first, second = process.StartLock(path), process.StartLock(path)
    assert first.try_acquire()
    assert not second.try_acquire()  # a second manager in the same process
    assert second.is_busy()
    assert not await second.acquire(0.2)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import fcntl, sys, time; f = open(sys.argv[1]); fcntl.flock(f, fcntl.LOCK_EX); "
         "print('held', flush=True); time.sleep(1.0)", str(path)],
        stdout=subprocess.PIPE, text=True,
    )
    first.release()
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    assert not second.try_acquire()  # another process holds it
    assert await second.acquire(10)  # ... until it exits
    holder.wait(5)
    holder.stdout.close()
    second.release()
    assert not first.is_busy()
