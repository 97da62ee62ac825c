"""The builder's choices, proven with the real test guest running (not just starting) under TCG:

- `-cpu max` under TCG boots a current Linux kernel from the CD (bootindex CD first) and the
  guest writes to its blank raw disk;
- a protected stick (snapshot=on, usb-storage, bootindex) boots, the guest's write to it
  succeeds inside the guest and the image file on the host stays byte-for-byte unchanged;
- `-action panic=pause` with the pvpanic device: a kernel panic leaves QEMU running and the
  guest paused in the guest-panicked state, so its screen stays inspectable.
The three guests boot at the same time (one vCPU each).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from qemu.qmp import QMPClient

from kvmgui.core.argv import build_argv
from kvmgui.core.host import HostFacts
from kvmgui.core.model import (
    Accel,
    BootDevice,
    Cdrom,
    CdromSource,
    Disk,
    DiskFormat,
    OsPreset,
    Passthrough,
    VmSpec,
)
from kvmgui.core.paths import VmFolder, VmRuntimePaths
from kvmgui.core.presets import new_spec
from tests.core.vm_fixtures import GOLDEN_CAPS, fixed_id
from tests.guest.fixtures import wait_for_serial

pytestmark = [pytest.mark.qemu, pytest.mark.slow]

BOOT_TIMEOUT = 240.0  # three TCG guests on a busy two-core machine
QMP_TIMEOUT = 10.0


@dataclass
class Booted:
    serial: str
    status: dict[str, object]
    panicked: bool
    alive_after_panic: bool


def _spec(name: str, **overrides: object) -> VmSpec:
    return new_spec(
        name,
        OsPreset.LINUX,
        id=fixed_id(name),
        memory_mib=256,
        cpus=1,
        accel=Accel.TCG,
        sound=False,
        **overrides,
    )


async def boot(spec: VmSpec, root: Path, wait_text: str, expect_panic: bool = False) -> Booted:
    folder = VmFolder(root / "vm")
    folder.logs.mkdir(parents=True, exist_ok=True)
    run_dir = Path(tempfile.mkdtemp(prefix="kvb-"))
    run = VmRuntimePaths(run_dir)
    argv = build_argv(spec, caps=GOLDEN_CAPS, host=HostFacts(), folder=folder, run=run)
    log = (root / "qemu.log").open("wb")
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    qmp = QMPClient(spec.name)
    try:
        for _ in range(200):
            if run.qmp_socket.exists() or proc.poll() is not None:
                break
            await asyncio.sleep(0.05)
        await asyncio.wait_for(qmp.connect(str(run.qmp_socket)), QMP_TIMEOUT)
        events = qmp.events
        serial = await asyncio.to_thread(
            wait_for_serial, folder.serial_log, wait_text, BOOT_TIMEOUT, process=proc
        )
        panicked = False
        if expect_panic:
            async def panic_event() -> None:
                async for event in events:
                    if event["event"] == "GUEST_PANICKED":
                        return

            await asyncio.wait_for(panic_event(), 60)
            panicked = True
            await asyncio.sleep(1)  # a `shutdown` action would have ended QEMU by now
        status = await asyncio.wait_for(qmp.execute("query-status"), QMP_TIMEOUT)
        alive = proc.poll() is None
        await asyncio.wait_for(qmp.execute("quit"), QMP_TIMEOUT)
        assert isinstance(status, dict)
        return Booted(serial, status, panicked, alive)
    finally:
        with contextlib.suppress(Exception):  # QEMU closes the socket after `quit`
            await asyncio.wait_for(qmp.disconnect(), QMP_TIMEOUT)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
        shutil.rmtree(run_dir, ignore_errors=True)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_guests_boot_with_the_built_command_line(
    tmp_path: Path, test_iso: Path, test_iso_write_boot: Path, test_iso_panic: Path
) -> None:
    cd_root, usb_root, panic_root = (tmp_path / n for n in ("cd", "usb", "panic"))
    (cd_root / "vm").mkdir(parents=True)
    subprocess.run(
        ["qemu-img", "create", "-f", "raw", str(cd_root / "vm" / "marker.raw"), "1M"],
        check=True, capture_output=True,
    )
    cd_spec = _spec(
        "boot from CD",
        disks=(Disk("marker.raw", format=DiskFormat.RAW),),
        cdrom=Cdrom(CdromSource.ISO, str(test_iso)),
        boot_order=(BootDevice.CDROM, BootDevice.DISK),
    )
    usb_root.mkdir()
    stick = usb_root / "stick.img"
    shutil.copyfile(test_iso_write_boot, stick)
    before = _sha256(stick)
    usb_spec = _spec(
        "boot from stick",
        usb_stick=Passthrough(str(stick), protected=True),
        boot_order=(BootDevice.USB,),
    )
    panic_spec = _spec(
        "panicking guest",
        cdrom=Cdrom(CdromSource.ISO, str(test_iso_panic)),
        boot_order=(BootDevice.CDROM,),
    )

    async def all_three() -> tuple[Booted, Booted, Booted]:
        return await asyncio.gather(
            boot(cd_spec, cd_root, "KVMGUI-GUEST: ready"),
            boot(usb_spec, usb_root, "KVMGUI-GUEST: ready"),
            boot(panic_spec, panic_root, "KVMGUI-GUEST: panicking on request", True),
        )

    cd, usb, panic = asyncio.run(all_three())

    assert "KVMGUI-GUEST: boot device /dev/sr0" in cd.serial  # CD first, TCG `-cpu max`
    assert "KVMGUI-GUEST: marker written 1" in cd.serial

    assert "KVMGUI-GUEST: wrote boot device /dev/sd" in usb.serial  # booted the stick
    assert _sha256(stick) == before  # ... and nothing reached it

    assert panic.panicked and panic.alive_after_panic
    assert panic.status["status"] == "guest-panicked"
    assert panic.status["running"] is False
