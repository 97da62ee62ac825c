"""`kvmgui-cli live`: the test guest boots from an image standing in for a USB stick, writes to
it, and the image is unchanged afterwards; the throwaway VM is listed and controllable while it
runs and gone once it stops. Each command runs as a separate process on a real QEMU (TCG).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kvmgui.cli.context import CliContext
from kvmgui.runtime.throwaway import StoreWithThrowaways
from tests.guest.fixtures import wait_for_serial
from tests.runtime.helpers import (
    BOOT_TIMEOUT_S,
    REPO,
    RunEnv,
    qemu_pids_using,
)

pytestmark = pytest.mark.qemu


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cli_lists_throwaways() -> bool:
    """`list` and `serial` read CliContext.store(): they see throwaway VMs once it is the
    StoreWithThrowaways (a change in kvmgui/cli/context.py, asked of its owner)."""
    return isinstance(CliContext.from_environment().store(), StoreWithThrowaways)


def test_live_stick_is_protected_listed_and_gone_after_kill(
    env: RunEnv, test_iso_write_boot: Path
) -> None:
    stick = env.root / "stick.img"
    shutil.copyfile(test_iso_write_boot, stick)
    before = sha256(stick)

    started = env.cli("live", str(stick), "--memory", "256", "--no-wait", check=True)
    assert started.stdout.startswith("Started the throwaway VM 'live-stick' booting stick.img "
                                     "(protected: its writes are thrown away).\n")
    assert "kvmgui-cli kill live-stick" in started.stdout

    status = env.cli_json("status", "live-stick")
    assert status["state"] == "running" and isinstance(status["pid"], int)
    assert str(status["display"]).startswith("vnc+unix://")
    assert qemu_pids_using(env.root) == [status["pid"]]
    folder = env.paths.throwaway_root / "live-stick"
    assert (folder / "vm.json").is_file()
    assert not env.paths.default_vm_root.exists()  # nothing in the user's VM folder

    serial = folder / "logs" / "serial.log"
    log = wait_for_serial(serial, "KVMGUI-GUEST: ready", BOOT_TIMEOUT_S)
    assert "KVMGUI-GUEST: wrote boot device /dev/sd" in log  # the guest did write to it

    if cli_lists_throwaways():
        listed = json.loads(env.cli("list", "--json", check=True).stdout)["vms"]
        assert [(v["name"], v["running"]) for v in listed] == [("live-stick", True)]
        assert "wrote boot device" in env.cli("serial", "live-stick", check=True).stdout

    assert env.cli("kill", "live-stick", check=True).stdout == "Turned 'live-stick' off.\n"
    assert qemu_pids_using(env.root) == []
    gone = env.cli("status", "live-stick")
    assert gone.returncode == 1 and "There is no VM called 'live-stick'" in gone.stderr
    assert not folder.exists()
    assert not env.paths.vm_runtime(str(status["id"])).dir.exists()
    assert sha256(stick) == before


def test_live_refusals(env: RunEnv, tmp_path: Path) -> None:
    stick = tmp_path / "stick.img"
    stick.write_bytes(b"\0" * 4096)
    unconfirmed = env.cli("live", str(stick), "--unprotected")
    assert unconfirmed.returncode == 2
    assert "add --i-understand-writes to confirm" in unconfirmed.stderr

    missing = env.cli("live", str(tmp_path / "none.img"))
    assert missing.returncode == 1 and "does not exist" in missing.stderr

    folder = env.cli("live", str(tmp_path))
    assert folder.returncode == 1 and "neither a USB stick nor an image file" in folder.stderr

    empty = tmp_path / "empty.img"
    empty.touch()
    assert "is empty" in env.cli("live", str(empty)).stderr
    assert not env.paths.throwaway_root.exists() or not any(env.paths.throwaway_root.iterdir())


def test_live_waits_until_the_vm_is_killed(env: RunEnv, test_iso: Path) -> None:
    stick = env.root / "boot.iso"
    shutil.copyfile(test_iso, stick)
    proc = subprocess.Popen(
        [sys.executable, "-m", "kvmgui.cli.main", "live", str(stick), "--memory", "128"],
        env=env.full_environ(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        stdin=subprocess.DEVNULL, cwd=str(REPO))
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(4)]
        assert lines[0].startswith("Started the throwaway VM 'live-boot'"), lines
        # The waiting command holds no monitor: status and kill work at once.
        assert env.cli_json("status", "live-boot")["state"] == "running"
        env.cli("kill", "live-boot", check=True)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    assert out.strip().endswith("'live-boot' stopped: It was forced off.")
    assert not (env.paths.throwaway_root / "live-boot").exists()
