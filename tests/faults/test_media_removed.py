"""Media taken away while the VM runs: the ISO file deleted, the USB stick "unplugged".

One booted test guest serves the whole story (a boot costs seconds under TCG):
1. it boots from a copy of the test ISO, with an image file standing in for a USB stick
   (unprotected, so the guest writes its marker to it at boot);
2. the ISO file is deleted and the stick's image truncated to nothing: the guest keeps
   running and answers (typed keys come back on its serial port), because QEMU holds both
   files open;
3. the stick's filesystem then fills up and the guest is reset: it boots again from the
   deleted ISO (still open) and writes its marker to the stick; the write fails, QEMU pauses
   the guest (BLOCK_IO_ERROR) and the VM's state and reason say so;
4. forced off, it leaves no zombie and no socket; the next start says the ISO is missing.

What cannot be simulated here is a real unplug: a stick pulled out of the host makes its
device node fail every request (EIO/ENODEV), which QEMU reports the same way (BLOCK_IO_ERROR,
the guest paused for writes; reads are reported to the guest) but without the "disk full"
wording; the container has neither device-mapper nor scsi_debug to fake a dying device, and
a loop device cannot be detached while QEMU holds it. The full filesystem (a 1 MiB tmpfs,
root only) gives a real I/O error through the same path; without root the test stops after
step 2 and checks the rest without it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from kvmgui.core.model import Passthrough
from kvmgui.runtime.events import DiskError
from kvmgui.runtime.manager import VmManager
from kvmgui.runtime.state import VmState
from tests.faults.checks import assert_clean_end, qmp_cli
from tests.runtime.helpers import (
    BOOT_TIMEOUT_S,
    EventLog,
    RunEnv,
    blank_raw_disk,
    create_vm,
    guest_spec,
    qemu_pids_using,
    wait_for_serial_async,
)
from tests.security.listening import assert_nothing_exposed

pytestmark = [pytest.mark.qemu, pytest.mark.slow]

STICK_SIZE = 16 * 1024 * 1024


@pytest.fixture
def stick_folder(run_env: RunEnv) -> Iterator[tuple[Path, bool]]:
    """A folder for the stick's image: a 1 MiB tmpfs when we may mount one (True)."""
    folder = run_env.root / "stickfs"
    folder.mkdir()
    mounted = os.getuid() == 0 and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(folder)],
        capture_output=True).returncode == 0
    try:
        yield folder, mounted
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path) -> None:
    with open(folder / "filler", "wb", buffering=0) as f:
        try:
            while True:
                f.write(b"\xff" * 65536)
        except OSError:
            pass
        try:
            while True:
                f.write(b"\xff")
        except OSError:
            pass


@pytest.mark.asyncio
async def test_iso_deleted_and_stick_unplugged_while_running(
    run_env: RunEnv, manager: VmManager, events: EventLog, test_iso: Path,
    stick_folder: tuple[Path, bool],
) -> None:
    folder, mounted = stick_folder
    iso = run_env.root / "install.iso"
    shutil.copyfile(test_iso, iso)
    stick = blank_raw_disk(folder / "stick.img", STICK_SIZE)
    stored = create_vm(run_env, guest_spec(
        "media", iso, usb_stick=Passthrough(str(stick), protected=False)))
    await manager.reload()
    vm = manager.get("media")
    run = run_env.paths.vm_runtime(vm.vm_id)
    serial = stored.folder.serial_log
    assert (await vm.start()).ok
    log = await wait_for_serial_async(serial, "KVMGUI-GUEST: ready", BOOT_TIMEOUT_S)
    assert "KVMGUI-GUEST: marker written 1" in log  # the guest uses the stick

    # 2. Both files go away under the running guest.
    iso.unlink()
    os.truncate(stick, 0)
    assert (await vm.send_keys(["o", "k", "ret"])).ok
    await wait_for_serial_async(serial, "KVMGUI-KEY: ok", 30)
    assert vm.state is VmState.RUNNING
    assert (await qmp_cli(run, "query-status"))["status"] == "running"
    assert not events.of_type(DiskError)
    assert vm.pid is not None
    assert_nothing_exposed([vm.pid])

    if mounted:
        # 3. The guest's next write to the stick fails for real.
        fill(folder)
        rebooted = len(log)
        assert (await vm.reset()).ok
        await events.wait_for(lambda: vm.state is VmState.PAUSED, BOOT_TIMEOUT_S)
        text = serial.read_bytes().decode(errors="replace")[rebooted:]
        assert "KVMGUI-GUEST: booted" in text  # it did boot again from the deleted ISO
        errors = events.of_type(DiskError)
        assert errors and errors[0].nospace
        assert vm.reason == errors[0].message
        assert "disk" in vm.reason and vm.reason.endswith(".")
        assert (await qmp_cli(run, "query-status"))["status"] == "io-error"

    # 4. Off, clean, and the next start names the missing ISO.
    assert (await vm.force_off()).ok
    assert vm.status().state is VmState.STOPPED
    await assert_clean_end(run)
    again = await vm.start()
    assert not again.ok
    assert str(iso) in again.message and "does not exist" in again.message
    assert again.message.endswith(".")
    assert vm.status().state is VmState.STOPPED and vm.reason == again.message
    assert qemu_pids_using(run_env.root) == []
    await assert_clean_end(run)
