"""Reading host USB devices from a captured sysfs tree (tests/runtime/data/usb_sysfs: a root
hub, a keyboard, a SanDisk stick with a partition, a hub with a mouse behind it, a webcam
without names, a second bus with a serial adapter, and an entry with damaged ids), the
permission advice with real unreadable device nodes, and the mounted-stick refusal.

Permission: the decision is core's (tested there with every read/write combination); here
the real `os.access` must say no. As root it says yes to every mode, so the listing runs in
a child process that drops to the `nobody` uid first: that is what a desktop user meets, and
an injected check would only test the test.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from kvmgui.core.model import UsbDeviceId
from kvmgui.runtime.manager import VmManager
from kvmgui.runtime.usb_host import (
    StartCheck,
    UsbProbe,
    attach_usb,
    detach_usb,
    list_host_usb,
    read_sysfs,
    start_check,
)
from tests.runtime.helpers import RunEnv, create_vm, tiny_spec

SYSFS = Path(__file__).parent / "data" / "usb_sysfs"
STICK = UsbDeviceId("0781", "5567")
REPO = Path(__file__).resolve().parents[2]


def _allow_all(_path: str, _mode: int) -> bool:
    return True


def test_read_captured_tree() -> None:
    raw = {d.name: d for d in read_sysfs(SYSFS)}
    assert sorted(raw) == ["1-1", "1-2", "1-3", "1-3.1", "1-4", "2-1", "2-2", "usb1", "usb2"]
    assert [b.name for b in raw["1-2"].block] == ["sdb", "sdb1"]
    assert [b.dev for b in raw["1-2"].block] == ["8:16", "8:17"]
    assert raw["1-3.1"].interfaces[0].protocol == "02"


@pytest.mark.asyncio
async def test_list_offers_only_devices_a_guest_may_have() -> None:
    found = await list_host_usb(UsbProbe(sysfs_root=SYSFS, access=_allow_all))
    rows = [(str(f.device.id), f.device.port, f.device.name, f.node) for f in found]
    assert rows == [
        ("0781:5567", "1-2", "SanDisk Cruzer Blade", "/dev/bus/usb/001/004"),
        ("046d:0825", "1-4", "046d:0825", "/dev/bus/usb/001/006"),
        ("0403:6001", "2-1", "FTDI FT232R USB UART", "/dev/bus/usb/002/002"),
    ]
    assert all(not f.problems for f in found)
    assert found[0].device.mass_storage


@pytest.mark.asyncio
async def test_a_missing_sysfs_lists_nothing(tmp_path: Path) -> None:
    assert await list_host_usb(UsbProbe(sysfs_root=tmp_path / "none")) == []


# Everything is imported before dropping root: Python's own files may be root's alone.
_CHILD = """
import asyncio, concurrent.futures.thread, json, os, sys
from pathlib import Path
from kvmgui.runtime.usb_host import UsbProbe, list_host_usb
os.setgroups([]); os.setgid(65534); os.setuid(65534)
found = asyncio.run(list_host_usb(UsbProbe(sysfs_root=Path(sys.argv[1]),
                                           dev_root=Path(sys.argv[2]))))
print(json.dumps({str(f.device.id): str(f.permission or "") for f in found}))
"""


def test_permission_advice_for_an_unreadable_node(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("drops to the nobody uid, which needs root")
    # A world-readable place: nobody must reach the files, and be refused only by their mode.
    top = Path(os.environ.get("TMPDIR", "/tmp")) / f"kvmgui-usb-{os.getpid()}"
    try:
        top.mkdir(mode=0o755)
        os.chmod(top, 0o755)
        sysfs = top / "sys"
        shutil.copytree(SYSFS, sysfs, symlinks=True)
        dev = top / "dev"
        for bus, address, mode in (
            ("001", "004", 0o600),
            ("001", "006", 0o666),
            ("002", "002", 0o644),
        ):
            node = dev / bus / address
            node.parent.mkdir(parents=True, exist_ok=True)
            node.write_bytes(b"")
            os.chmod(node, mode)
        for d in (dev, dev / "001", dev / "002"):
            os.chmod(d, 0o755)
        result = subprocess.run(
            [sys.executable, "-c", _CHILD, str(sysfs), str(dev)],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=str(REPO),
            env={**os.environ, "PYTHONPATH": str(REPO)},
            check=False,
        )
    finally:
        shutil.rmtree(top, ignore_errors=True)
    assert result.returncode == 0, result.stderr
    advice = json.loads(result.stdout)
    assert advice["046d:0825"] == ""  # rw for everyone
    assert advice["0403:6001"].startswith(
        f"You may not open {dev}/002/002 (FTDI FT232R USB UART, 0403:6001)"
    )  # readable, not writable
    assert advice["0781:5567"] == (
        f"You may not open {dev}/001/004 (SanDisk Cruzer Blade, 0781:5567), so the VM cannot "
        "use it. Let your login use this one device with a udev rule in "
        "/etc/udev/rules.d/70-kvmgui-usb-0781-5567.rules, then reload the rules: "
        'echo \'SUBSYSTEM=="usb", ATTR{idVendor}=="0781", ATTR{idProduct}=="5567", '
        'TAG+="uaccess"\' | sudo tee /etc/udev/rules.d/70-kvmgui-usb-0781-5567.rules '
        ">/dev/null && sudo udevadm control --reload && sudo udevadm trigger"
    )


MOUNTINFO = (
    "22 1 8:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw\n"
    "97 22 8:17 / /media/me/STICK rw,nosuid,nodev shared:50 - vfat /dev/sdb1 rw,uid=1000\n"
)


def _probe(tmp_path: Path, mountinfo: str) -> UsbProbe:
    info = tmp_path / "mountinfo"
    info.write_text(mountinfo)
    swaps = tmp_path / "swaps"
    swaps.write_text("Filename\tType\tSize\tUsed\tPriority\n")
    return UsbProbe(
        sysfs_root=SYSFS, dev_root=tmp_path / "dev", mountinfo=info, swaps=swaps, access=_allow_all
    )


@pytest.mark.asyncio
async def test_mounted_stick_is_listed_as_such(tmp_path: Path) -> None:
    found = {str(f.device.id): f for f in await list_host_usb(_probe(tmp_path, MOUNTINFO))}
    assert found["0781:5567"].mounted == (
        "The USB device SanDisk Cruzer Blade, 0781:5567 is mounted on this computer (/dev/sdb1 "
        "on /media/me/STICK), and a guest writing to it at the same time destroys its files: "
        "eject it here first."
    )
    assert found["0403:6001"].mounted is None


@pytest.mark.qemu
@pytest.mark.asyncio
async def test_attach_refuses_a_mounted_stick_and_keeps_the_definition(
    run_env: RunEnv, manager: VmManager, tmp_path: Path
) -> None:
    create_vm(run_env, tiny_spec("box", usb=True))
    await manager.reload()
    vm = manager.get("box")
    refused = await attach_usb(vm, STICK, _probe(tmp_path, MOUNTINFO))
    assert not refused.ok and refused.code == "mounted"
    assert "eject it here first" in refused.message
    assert run_env.store.get("box").spec.usb_devices == ()

    # Unmounted: a stopped VM keeps it for its next start.
    done = await attach_usb(vm, STICK, _probe(tmp_path, MOUNTINFO.splitlines()[0] + "\n"))
    assert done.ok, done.message
    assert done.message == "'box' gets the USB device 0781:5567 from its next start."
    assert run_env.store.get("box").spec.usb_devices == (STICK,)
    assert (await detach_usb(vm, STICK)).ok
    assert run_env.store.get("box").spec.usb_devices == ()
    again = await detach_usb(vm, STICK)
    assert not again.ok and again.code == "not-attached"


@pytest.mark.qemu
@pytest.mark.asyncio
async def test_attach_refused_while_usb_is_off(
    run_env: RunEnv, manager: VmManager, tmp_path: Path
) -> None:
    create_vm(run_env, tiny_spec("nousb", usb=False))
    await manager.reload()
    refused = await attach_usb(manager.get("nousb"), STICK, _probe(tmp_path, ""))
    assert not refused.ok and refused.code == "usb-off"
    assert refused.message.startswith("'nousb' has USB turned off")
    assert run_env.store.get("nousb").spec.usb_devices == ()


@pytest.mark.asyncio
async def test_start_check(tmp_path: Path) -> None:
    """At a start: a chosen stick mounted here refuses it; a chosen device this user may not
    open is told with the start (the VM runs without it); other devices do not matter."""
    spec = replace(tiny_spec("box", usb=True), usb_devices=(STICK, UsbDeviceId("0403", "6001")))
    assert await start_check(replace(spec, usb_devices=()), _probe(tmp_path, MOUNTINFO)) == (
        StartCheck()
    )
    mounted = await start_check(spec, _probe(tmp_path, MOUNTINFO))
    assert mounted.refusal is not None and "is mounted on this computer" in mounted.refusal
    locked = replace(_probe(tmp_path, ""), access=lambda path, _mode: "/002/" not in path)
    check = await start_check(spec, locked)
    assert check.refusal is None and len(check.notes) == 1
    assert check.notes[0].startswith("You may not open ")
    assert "0403:6001" in check.notes[0]
    assert await start_check(spec, _probe(tmp_path, "")) == StartCheck()
