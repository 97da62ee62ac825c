"""A new VM's install phase on real QEMU 7.2 with the test guest ISO and an empty qcow2 disk.

The firmware's own words are the signal: SeaBIOS writes every boot attempt ("Booting from Hard
Disk...", "Boot failed: not a bootable disk", "Booting from DVD/CD...") to its debug port. The
VM runs the real qemu-system-x86_64 through a small wrapper that adds that port
(`isa-debugcon` at 0x402) to the VM's command line, logged to a file per run; nothing else
changes.

One VM, in order (the serial log's "ready" proves each boot reached the guest):
1. `kvmgui-cli create NAME --iso` with a new disk: the VM is in its install phase.
2. First start: the CD boots at once, no attempt on the empty disk. The guest writes a marker
   at the start of the disk (like an installer's first writes; no boot record).
3. QEMU is killed: the install phase holds, the next start boots the CD directly again; a
   reset in that run tries the disk first (the final order, set over QMP before `cont`).
4. "Installation": a bootable image is written to the disk. The next start ends the phase
   (saved in vm.json) and boots the disk first, without any failure message.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import time
from pathlib import Path

import pytest

from kvmgui.core.host import HostFacts
from kvmgui.core.qemu_caps import QemuCaps
from kvmgui.runtime.controller import MonitorRole
from kvmgui.runtime.manager import VmManager
from kvmgui.runtime.runfiles import read_meta
from kvmgui.runtime.state import VmState
from tests.runtime.helpers import (
    BOOT_TIMEOUT_S,
    RunEnv,
    settings_for_tests,
    wait_for_serial_async,
)

pytestmark = [pytest.mark.qemu, pytest.mark.slow]

NAME = "installer"
HD_ATTEMPT = "Booting from Hard Disk"
HD_FAILED = "Boot failed: not a bootable disk"
CD_BOOT = "Booting from DVD/CD"


def _wrapper(env: RunEnv) -> tuple[Path, Path]:
    """A qemu-system-x86_64 that logs SeaBIOS' debug port to firmware.log when it runs a VM
    (the capability probes, which have no -pidfile, run unchanged)."""
    log = env.root / "firmware.log"
    script = env.root / "qemu-with-debugcon"
    script.write_text(
        "#!/bin/sh\n"
        'case " $* " in *" -pidfile "*)\n'
        f'  exec qemu-system-x86_64 "$@" -chardev file,id=kgfw,path={log} '
        "-device isa-debugcon,iobase=0x402,chardev=kgfw ;;\n"
        "esac\n"
        'exec qemu-system-x86_64 "$@"\n'
    )
    script.chmod(0o755)
    return script, log


def _boot_lines(log: Path) -> list[str]:
    text = log.read_bytes().decode(errors="replace") if log.exists() else ""
    return [line.strip() for line in text.splitlines()
            if line.startswith(("Booting from", "Boot failed"))]


async def _wait_boot_lines(log: Path, count: int, timeout: float = BOOT_TIMEOUT_S) -> list[str]:
    deadline = time.monotonic() + timeout
    while True:
        lines = [x for x in _boot_lines(log) if not x.startswith("Booting from 0000")]
        if len(lines) >= count or time.monotonic() > deadline:
            return lines
        await asyncio.sleep(0.5)


def _definition(env: RunEnv) -> dict[str, object]:
    data = json.loads(env.store.get(NAME).folder.definition.read_text())
    assert isinstance(data, dict)
    return data


@pytest.mark.asyncio
async def test_first_boot_is_the_cd_then_the_installed_disk(
    run_env: RunEnv, test_iso: Path, host_env: tuple[HostFacts, QemuCaps]
) -> None:
    env = run_env
    env.cli("create", NAME, "--iso", str(test_iso), "--disk-size", "64M", "--memory", "256",
            "--cpus", "1", "--accel", "tcg", "--no-sound", "--no-usb", check=True)
    shown = env.cli("show", NAME, check=True).stdout
    assert "Boot:      cdrom, disk (install phase): It starts from the CD/DVD for the " \
           "installation" in shown
    assert "After it: disk, cdrom" in shown
    assert _definition(env)["install_phase"] is True

    qemu, firmware_log = _wrapper(env)
    host, caps = host_env
    manager = VmManager(env.paths, settings_for_tests(qemu_binary=str(qemu)), store=env.store,
                        host=host, caps=caps, role=MonitorRole.APP, sample_stats=False)
    await manager.open()
    try:
        vm = manager.get(NAME)
        serial = vm.stored.folder.serial_log
        disk = vm.stored.folder.resolve("disk.qcow2")

        # 2. The first start boots the CD directly, and the guest comes up.
        outcome = await vm.start()
        assert outcome.ok, outcome.message
        log = await wait_for_serial_async(serial, "KVMGUI-GUEST: ready", BOOT_TIMEOUT_S)
        assert "KVMGUI-GUEST: marker written 1" in log  # data at the start of the disk
        assert _boot_lines(firmware_log)[0].startswith(CD_BOOT)
        assert not any(x.startswith((HD_ATTEMPT, HD_FAILED)) for x in _boot_lines(firmware_log))
        meta = read_meta(vm.run)
        assert meta is not None
        assert any(a.startswith("ide-cd,") and a.endswith("bootindex=1") for a in meta.argv)

        # 3. QEMU killed mid-install: the phase holds and the CD boots directly again.
        assert (await vm.force_off()).ok
        assert _definition(env)["install_phase"] is True
        firmware_log.unlink()
        serial.write_bytes(b"")
        assert (await vm.start()).ok
        assert (await _wait_boot_lines(firmware_log, 1))[0].startswith(CD_BOOT)
        # A reset in the same run uses the final order: the disk first (still empty here).
        await wait_for_serial_async(serial, "KVMGUI-GUEST: booted", BOOT_TIMEOUT_S)
        assert (await vm.reset()).ok
        lines = await _wait_boot_lines(firmware_log, 2)
        assert lines[:2] == [f"{CD_BOOT}...", f"{HD_ATTEMPT}..."], lines
        assert (await vm.force_off()).ok
        assert vm.state is VmState.STOPPED

        # 4. "Install" a system: a bootable image on the disk (the ISO is isohybrid).
        subprocess.run(["qemu-img", "convert", "-f", "raw", "-O", "qcow2", str(test_iso),
                        str(disk)], check=True, capture_output=True)
        firmware_log.unlink()
        serial.write_bytes(b"")
        assert (await vm.start()).ok
        await wait_for_serial_async(serial, "KVMGUI-GUEST: ready", BOOT_TIMEOUT_S)
        lines = await _wait_boot_lines(firmware_log, 1)
        assert lines[0].startswith(HD_ATTEMPT), lines
        assert HD_FAILED not in "\n".join(lines)
        assert "install_phase" not in _definition(env)  # ended, and saved
        assert vm.stored.spec.install_phase is False
        shown = env.cli("show", NAME, check=True).stdout
        assert "Boot:      disk, cdrom\n" in shown
    finally:
        for controller in manager.controllers():
            if controller.pid is not None:
                await controller.force_off()
        await manager.close()
