"""`kvmgui-cli` run commands, each run as a separate process on a real QEMU (no OS, TCG).

The CLI talks to the VM over its second monitor (qmp-cli.sock). Every test checks that it
leaves no QEMU and no socket behind.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from kvmgui.core.model import Cdrom, CdromSource
from kvmgui.runtime.process import is_alive
from tests.runtime.helpers import RunEnv, create_vm, qemu_pids_using, tiny_spec

pytestmark = pytest.mark.qemu


def status(env: RunEnv, name: str) -> dict[str, object]:
    return env.cli_json("status", name)


def test_run_commands(env: RunEnv, tmp_path: Path, test_iso: Path) -> None:
    create_vm(env, tiny_spec("box", cdrom=Cdrom(CdromSource.ISO, str(test_iso))))
    s = status(env, "box")
    assert s["state"] == "stopped" and s["pid"] is None and s["reason"] == ""

    started = env.cli("start", "box", check=True)
    assert started.stdout.splitlines()[0] == "Started 'box'."
    assert "Display: vnc+unix:///" in started.stdout
    again = env.cli("start", "box")
    assert again.returncode == 1
    assert again.stderr.strip().startswith("kvmgui-cli: 'box' is already running (QEMU process ")

    s = status(env, "box")
    assert s["state"] == "running" and s["qmp_status"] == "running"
    pid = s["pid"]
    assert isinstance(pid, int) and is_alive(pid) and qemu_pids_using(env.root) == [pid]
    assert s["accelerator"] == "tcg"
    assert isinstance(s["cpu_percent"], float) and isinstance(s["memory_bytes"], int)
    assert isinstance(s["uptime_s"], float) and s["uptime_s"] >= 0
    text = env.cli("status", "box", check=True).stdout
    assert text.startswith("box: running\n") and f"pid {pid}" in text

    assert env.cli("pause", "box", check=True).stdout == "Paused 'box'.\n"
    assert status(env, "box")["state"] == "paused"
    twice = env.cli("pause", "box")
    assert (twice.returncode, twice.stderr) == (1, "kvmgui-cli: 'box' is already paused.\n")
    assert env.cli("resume", "box", check=True).stdout == "Resumed 'box'.\n"
    assert status(env, "box")["state"] == "running"

    assert env.cli("send-key", "box", "ctrl-alt-delete", "ret", check=True).stdout == \
        "Sent ctrl-alt-delete, ret to 'box'.\n"
    bad = env.cli("send-key", "box", "ctrl-alt-dlete")
    assert bad.returncode == 1 and "'dlete' is not a key name QEMU knows" in bad.stderr

    shot = tmp_path / "box.png"
    env.cli("screenshot", "box", str(shot), check=True)
    assert shot.read_bytes()[:4] == b"\x89PNG"

    display = env.cli("display", "box", check=True).stdout.strip()
    assert display == f"vnc+unix://{env.paths.vm_runtime(str(s['id'])).vnc_socket}"

    assert env.cli("eject", "box", check=True).stdout == "Ejected the CD/DVD.\n"
    missing = env.cli("insert", "box", str(tmp_path / "none.iso"))
    assert missing.returncode == 1 and "does not exist" in missing.stderr
    env.cli("insert", "box", str(test_iso), check=True)
    env.cli("reset", "box", check=True)

    # SeaBIOS without an OS ignores the power button: say so, then force it off.
    slow = env.cli("shutdown", "box", "--timeout", "1")
    assert slow.returncode == 1 and "is still running 1 s after the shutdown request" \
        in slow.stderr
    forced = env.cli("shutdown", "box", "--timeout", "1", "--force", check=True)
    assert "so it was forced off" in forced.stdout
    s = status(env, "box")
    assert s["state"] == "stopped" and s["reason"] == "It was forced off."
    assert not qemu_pids_using(env.root)

    for command in (["pause", "box"], ["kill", "box"], ["display", "box"],
                    ["screenshot", "box", str(shot)]):
        result = env.cli(*command)
        assert (result.returncode, result.stderr) == (1, "kvmgui-cli: 'box' is not running.\n")


def test_kill_and_start_wait(env: RunEnv) -> None:
    create_vm(env, tiny_spec("w"))
    env.cli("start", "w", check=True)
    assert env.cli("kill", "w", check=True).stdout == "Turned 'w' off.\n"
    assert status(env, "w")["state"] == "stopped"

    import subprocess
    import sys

    waiting = subprocess.Popen(
        [sys.executable, "-m", "kvmgui.cli.main", "start", "w", "--wait"],
        env=env.full_environ(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while status(env, "w")["state"] != "running":
            assert time.monotonic() < deadline and waiting.poll() is None
            time.sleep(0.2)
        # --wait holds qmp.sock; one-shot commands still work over qmp-cli.sock.
        env.cli("pause", "w", check=True)
        env.cli("kill", "w", check=True)
        out, err = waiting.communicate(timeout=30)
    finally:
        if waiting.poll() is None:
            waiting.kill()
            waiting.wait()
    assert waiting.returncode == 0, err
    lines = out.splitlines()
    assert lines[0] == "Started 'w'."
    assert any(line.endswith(" paused") for line in lines)
    # Another program pulled the plug (QMP quit): the waiting process saw it as turned off.
    assert lines[-1].endswith(" stopped: It was turned off.")


def test_serial_log(env: RunEnv, test_iso: Path) -> None:
    stored = create_vm(env, tiny_spec("ser"))
    none = env.cli("serial", "ser")
    assert none.returncode == 0 and "has no serial console log yet" in none.stderr
    stored.folder.logs.mkdir(exist_ok=True)
    stored.folder.serial_log.write_bytes(b"hello\r\nworld\r\n")
    assert env.cli("serial", "ser", check=True).stdout == "hello\nworld\n"  # text mode
    follow = env.cli("serial", "ser", "--follow", check=True)
    assert "not running" in follow.stderr


def test_errors_are_one_line(env: RunEnv) -> None:
    result = env.cli("start", "nosuch")
    assert result.returncode == 1
    assert result.stderr == ("kvmgui-cli: There is no VM called 'nosuch': 'kvmgui-cli list' "
                             "shows the VMs there are.\n")
    create_vm(env, tiny_spec("broken", cdrom=Cdrom(CdromSource.ISO, "/nonexistent/x.iso")))
    result = env.cli("start", "broken")
    assert result.returncode == 1
    # The sentence first, QEMU's own words under it.
    assert result.stderr.splitlines()[0] == (
        "kvmgui-cli: The ISO image in the CD/DVD drive (/nonexistent/x.iso) does not exist (it "
        "was moved, renamed or deleted): choose the file again in the VM's settings, or "
        "remove it from the VM.")
    assert result.stderr.splitlines()[1] == "QEMU said:"
    assert "Could not open" in result.stderr
    assert json.loads(env.cli("status", "broken", "--json").stdout)["state"] == "stopped"


def test_edit_of_a_running_vm_names_what_waits_for_the_restart(env: RunEnv) -> None:
    """`edit` says what the Hardware page says (core.restart): which changes wait."""
    create_vm(env, tiny_spec("busy"))
    stopped = env.cli("edit", "busy", "--cpus", "2", check=True)
    assert stopped.stdout == "Saved 'busy'. Changes take effect the next time it starts.\n"
    env.cli("start", "busy", check=True)
    try:
        running = env.cli("edit", "busy", "--memory", "160", "--cpus", "1", check=True)
        assert running.stdout == (
            "Saved 'busy'. The VM is running: these changes take effect the next time it "
            "starts: memory, CPUs.\n"
        )
    finally:
        env.cli("kill", "busy", check=True)
