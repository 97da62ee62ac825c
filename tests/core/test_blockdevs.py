"""Block-device classification from hand-written lsblk/mountinfo samples, plus a real lsblk run.

The samples follow util-linux 2.38's `lsblk --json -b -p -o NAME,RM,TRAN,SIZE,MODEL,TYPE,
HOTPLUG,RO,VENDOR,SERIAL,MOUNTPOINTS,PKNAME,MAJ:MIN` (JSON booleans, null), and one older
style (strings "0"/"1", `mountpoint`, sizes as strings). This machine has only virtual disks, so
USB sticks, card readers and optical drives are exercised through these samples.
"""

from __future__ import annotations

import asyncio
import json
import shutil
from typing import Any

import pytest

from kvmgui.core import blockdevs as bd
from kvmgui.core.blockdevs import DeviceKind


def dev(name: str, **kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "name": name, "rm": False, "tran": None, "size": 0, "model": None, "type": "disk",
        "hotplug": False, "ro": False, "vendor": None, "serial": None, "mountpoints": [None],
        "pkname": None, "maj:min": None,
    }
    base.update(kw)
    return base


USB_STICK = dev(
    "/dev/sdb", rm=True, tran="usb", size=15_938_355_200, model="Ultra", vendor="SanDisk ",
    hotplug=True, serial="4C530001", **{"maj:min": "8:16"},
    children=[dev("/dev/sdb1", rm=True, size=15_937_306_624, type="part", hotplug=True,
                  pkname="/dev/sdb", **{"maj:min": "8:17"})],
)
USB_STICK_MOUNTED = dev(
    "/dev/sdc", rm=True, tran="usb", size=8_000_000_000, model="DataTraveler", vendor="Kingston",
    hotplug=True, **{"maj:min": "8:32"},
    children=[dev("/dev/sdc1", size=7_999_000_000, type="part", pkname="/dev/sdc",
                  mountpoints=["/media/me/KINGSTON"], **{"maj:min": "8:33"})],
)
LIVE_STICK_RO = dev(
    "/dev/sdd", rm=False, tran="usb", size=4_000_000_000, model="Flash Disk", hotplug=True,
    **{"maj:min": "8:48"},
    children=[dev("/dev/sdd1", size=3_000_000_000, type="part", pkname="/dev/sdd",
                  mountpoints=["/media/me/Debian 12"], **{"maj:min": "8:49"})],
)
CARD_READER_EMPTY = dev(
    "/dev/sde", rm=True, tran="usb", size=0, model="SD/MMC Reader", vendor="Generic-",
    hotplug=True, **{"maj:min": "8:64"},
)
SD_CARD = dev("/dev/mmcblk1", rm=False, tran="mmc", size=31_914_983_424, hotplug=False,
              **{"maj:min": "179:0"})
NVME_SYSTEM = dev(
    "/dev/nvme0n1", tran="nvme", size=512_110_190_592, model="Samsung SSD 980 PRO 500GB",
    serial="S5GXNX0T", **{"maj:min": "259:0"},
    children=[
        dev("/dev/nvme0n1p1", size=536_870_912, type="part", mountpoints=["/boot/efi"],
            pkname="/dev/nvme0n1", **{"maj:min": "259:1"}),
        dev("/dev/nvme0n1p2", size=511_000_000_000, type="part", pkname="/dev/nvme0n1",
            **{"maj:min": "259:2"},
            children=[dev("/dev/mapper/nvme0n1p2_crypt", type="crypt", size=510_000_000_000,
                          pkname="/dev/nvme0n1p2", **{"maj:min": "254:0"},
                          children=[
                              dev("/dev/mapper/vg-root", type="lvm", size=500_000_000_000,
                                  mountpoints=["/"], **{"maj:min": "254:1"}),
                              dev("/dev/mapper/vg-swap", type="lvm", size=8_000_000_000,
                                  mountpoints=["[SWAP]"], **{"maj:min": "254:2"}),
                          ])]),
    ],
)
SATA_DATA = dev("/dev/sda", tran="sata", size=2_000_398_934_016, model="WDC WD20EZRZ",
                **{"maj:min": "8:0"})
OPTICAL_WITH_DISC = dev("/dev/sr0", rm=True, tran="sata", size=3_963_617_280, type="rom",
                        model="DVD-RW DRU-870S", ro=False, mountpoints=["/media/me/DEBIAN"],
                        **{"maj:min": "11:0"})
OPTICAL_EMPTY = dev("/dev/sr1", rm=True, tran="usb", size=0, type="rom", hotplug=True,
                    model="External DVD", **{"maj:min": "11:1"})
LOOP = dev("/dev/loop0", size=73_728_000, type="loop", ro=True, mountpoints=["/snap/core/1"],
           **{"maj:min": "7:0"})
USB_SWAP_DISK = dev("/dev/sdf", tran="usb", hotplug=True, size=64_000_000_000,
                    mountpoints=["[SWAP]"], **{"maj:min": "8:80"})

ALL = [USB_STICK, USB_STICK_MOUNTED, LIVE_STICK_RO, CARD_READER_EMPTY, SD_CARD, NVME_SYSTEM,
       SATA_DATA, OPTICAL_WITH_DISC, OPTICAL_EMPTY, LOOP, USB_SWAP_DISK]

MOUNTINFO = "\n".join([
    "22 1 254:1 / / rw,relatime shared:1 - ext4 /dev/mapper/vg-root rw,errors=remount-ro",
    "23 22 259:1 / /boot/efi rw,relatime shared:2 - vfat /dev/nvme0n1p1 rw,fmask=0077",
    "24 22 0:23 / /run rw,nosuid,nodev shared:5 - tmpfs tmpfs rw,size=1620000k,mode=755",
    "40 22 8:33 / /media/me/KINGSTON rw,nosuid,nodev shared:60 - vfat /dev/sdc1 rw,uid=1000",
    r"41 22 8:49 / /media/me/Debian\04012 ro,nosuid,nodev shared:61 - iso9660 /dev/sdd1 ro",
    "42 22 11:0 / /media/me/DEBIAN ro,nosuid,nodev shared:62 - iso9660 /dev/sr0 ro",
    "43 22 7:0 / /snap/core/1 ro,nodev,relatime shared:63 - squashfs /dev/loop0 ro",
])
SWAPS = "Filename\tType\tSize\tUsed\tPriority\n/dev/dm-2  partition\t8000000\t0\t-2\n"


def _resolve(path: str) -> str:
    # What os.path.realpath does on a real system for the device-mapper links.
    return {"/dev/dm-2": "/dev/mapper/vg-swap"}.get(path, path)


def scan(devices: list[dict[str, Any]], mountinfo: str = MOUNTINFO,
         swaps: str = SWAPS) -> dict[str, bd.BlockDevice]:
    nodes = bd.parse_lsblk(json.dumps({"blockdevices": devices}))
    found = bd.classify(nodes, bd.parse_mountinfo(mountinfo), bd.parse_swaps(swaps),
                        resolve=_resolve)
    return {d.path: d for d in found}


# ------------------------------------------------------------------------------ kinds


def test_kinds() -> None:
    found = scan(ALL)
    kinds = {path: d.kind for path, d in found.items()}
    assert kinds == {
        "/dev/sdb": DeviceKind.STICK,
        "/dev/sdc": DeviceKind.STICK,
        "/dev/sdd": DeviceKind.STICK,  # rm=0 but USB transport
        "/dev/sde": DeviceKind.STICK,
        "/dev/mmcblk1": DeviceKind.STICK,  # an SD card in a built-in reader
        "/dev/nvme0n1": DeviceKind.DISK,
        "/dev/sda": DeviceKind.DISK,
        "/dev/sr0": DeviceKind.OPTICAL,
        "/dev/sr1": DeviceKind.OPTICAL,
        "/dev/loop0": DeviceKind.DISK,
        "/dev/sdf": DeviceKind.STICK,
    }


def test_plain_usb_stick_is_usable() -> None:
    stick = scan(ALL)["/dev/sdb"]
    assert stick.usable and stick.why_not == "" and stick.mounted == []
    assert stick.vendor == "SanDisk" and stick.model == "Ultra" and stick.transport == "usb"
    assert stick.removable and stick.size == 15_938_355_200
    assert stick.description == "SanDisk Ultra (14.8 GiB, USB)"
    assert stick.label.startswith("/dev/sdb — SanDisk Ultra")


def test_stick_mounted_read_write_is_refused_and_mount_listed() -> None:
    stick = scan(ALL)["/dev/sdc"]
    assert not stick.usable
    assert stick.mounted == ["/media/me/KINGSTON (read-write)"]
    assert "/media/me/KINGSTON" in stick.why_not and "unmount" in stick.why_not


def test_stick_mounted_read_only_is_usable_with_a_note() -> None:
    stick = scan(ALL)["/dev/sdd"]
    assert stick.usable
    assert stick.mounted == ["/media/me/Debian 12 (read-only)"]  # \040 unescaped
    assert "read-only" in stick.note


def test_empty_card_reader_is_not_usable() -> None:
    reader = scan(ALL)["/dev/sde"]
    assert not reader.usable and "No medium" in reader.why_not
    assert "no medium" in reader.description


def test_system_disk_is_refused_through_lvm_on_crypt() -> None:
    nvme = scan(ALL)["/dev/nvme0n1"]
    assert not nvme.usable
    assert "/boot/efi" in nvme.why_not
    assert "/ (read-write)" in nvme.mounted and "runs from this disk" in nvme.why_not


def test_system_disk_refused_even_without_mountinfo() -> None:
    # lsblk alone knows "/": no mountinfo match needed (e.g. /dev/root in mountinfo).
    nvme = scan([NVME_SYSTEM], mountinfo="", swaps="")["/dev/nvme0n1"]
    assert not nvme.usable and "runs from this disk" in nvme.why_not


def test_root_matched_by_major_minor_when_mountinfo_says_dev_root() -> None:
    disk = dev("/dev/sdg", tran="usb", hotplug=True, size=32_000_000_000, **{"maj:min": "8:96"})
    info = "22 1 8:96 / / rw,relatime - ext4 /dev/root rw"
    found = scan([disk], mountinfo=info, swaps="")["/dev/sdg"]
    assert not found.usable and "(it holds /)" in found.why_not


def test_swap_disk_is_refused() -> None:
    found = scan(ALL)
    assert not found["/dev/sdf"].usable and "swap" in found["/dev/sdf"].why_not
    # swap listed only in /proc/swaps (through a /dev/dm-N name) is found as well
    lvm = dev("/dev/sdh", tran="usb", size=10**9, **{"maj:min": "8:112"},
              children=[dev("/dev/mapper/vg-swap", type="lvm", size=10**9)])
    assert "swap" in scan([lvm], mountinfo="")["/dev/sdh"].why_not


def test_internal_disks_and_loops_are_never_offered() -> None:
    found = scan(ALL)
    assert not found["/dev/sda"].usable and "not a removable" in found["/dev/sda"].why_not
    assert not found["/dev/loop0"].usable and "loop" in found["/dev/loop0"].why_not


def test_optical_drives() -> None:
    found = scan(ALL)
    with_disc, empty = found["/dev/sr0"], found["/dev/sr1"]
    assert with_disc.usable and with_disc.mounted == ["/media/me/DEBIAN (read-only)"]
    assert empty.usable and "No disc" in empty.note


def test_optical_mounted_per_lsblk_only_counts_as_read_write_unless_ro() -> None:
    # Without mountinfo, a mount lsblk reports is assumed writable unless the device is RO.
    rom = dict(OPTICAL_WITH_DISC, ro=True)
    assert scan([rom], mountinfo="")["/dev/sr0"].usable
    assert not scan([OPTICAL_WITH_DISC], mountinfo="")["/dev/sr0"].usable


def test_device_scan_groups() -> None:
    nodes = bd.parse_lsblk(json.dumps({"blockdevices": ALL}))
    result = bd.DeviceScan(bd.classify(nodes))
    assert [d.path for d in result.optical] == ["/dev/sr0", "/dev/sr1"]
    assert "/dev/sdb" in [d.path for d in result.sticks]
    assert all(d.kind is not DeviceKind.DISK for d in result.offered)


def test_aliases() -> None:
    found = list(scan(ALL).values())
    with_links = bd.with_aliases(found, {"/dev/cdrom": "/dev/sr0", "/dev/dvd": "/dev/sr0"})
    sr0 = next(d for d in with_links if d.path == "/dev/sr0")
    assert sr0.aliases == ["/dev/cdrom", "/dev/dvd"]


# ------------------------------------------------------------------------------ defensive parsing


def test_old_lsblk_strings() -> None:
    old = {
        "blockdevices": [
            {"name": "/dev/sdb", "rm": "1", "tran": "usb", "size": "8004304896",
             "model": "USB DISK 2.0    ", "type": "disk", "hotplug": "1", "ro": "0",
             "vendor": "        ", "serial": None, "mountpoint": None,
             "children": [{"name": "/dev/sdb1", "rm": "1", "size": "8003256320",
                           "type": "part", "ro": "0", "mountpoint": "/media/usb"}]},
            {"name": "/dev/sr0", "rm": "1", "size": "1073741312", "type": "rom", "ro": "0",
             "mountpoint": None},
        ]
    }
    nodes = bd.parse_lsblk(json.dumps(old))
    stick, rom = bd.classify(nodes)
    assert stick.kind is DeviceKind.STICK and stick.size == 8004304896
    assert stick.vendor is None and stick.model == "USB DISK 2.0"
    assert not stick.usable and stick.mounted == ["/media/usb (read-write)"]
    assert rom.kind is DeviceKind.OPTICAL and rom.usable


@pytest.mark.parametrize(
    "text",
    ["", "[]", "not json", '{"blockdevices": [{"type": "disk"}]}',
     '{"blockdevices": [42]}', '{"blockdevices": "x"}'],
)
def test_bad_lsblk_output(text: str) -> None:
    with pytest.raises(bd.BlockDevError):
        bd.parse_lsblk(text)


def test_empty_and_odd_values() -> None:
    nodes = bd.parse_lsblk(json.dumps({"blockdevices": [
        {"name": "/dev/x", "size": None, "rm": None, "children": None, "mountpoints": None},
        {"name": "/dev/y", "size": True, "type": "disk", "rm": 1, "mountpoints": "/m"},
    ]}))
    assert nodes[0].size == 0 and nodes[0].children == () and nodes[0].mountpoints == ()
    assert nodes[1].size == 0 and nodes[1].removable and nodes[1].mountpoints == ("/m",)
    assert bd.parse_lsblk('{"blockdevices": []}') == []


def test_mountinfo_and_swaps_parsing() -> None:
    mounts = bd.parse_mountinfo(MOUNTINFO + "\ngarbage line\n1 2 3\n")
    assert len(mounts) == 7
    root = mounts[0]
    assert (root.source, root.mount_point, root.fstype, root.read_only, root.dev) == (
        "/dev/mapper/vg-root", "/", "ext4", False, "254:1")
    assert bd.parse_swaps(SWAPS) == ["/dev/dm-2"]
    assert bd.parse_swaps("Filename Type Size Used Priority\n") == []


def test_lsblk_argv() -> None:
    argv = bd.lsblk_argv()
    assert argv[:4] == ["lsblk", "--json", "-b", "-p"]
    assert "MOUNTPOINTS" in argv[-1] and "PKNAME" in argv[-1]


# ------------------------------------------------------------------------------ this machine


@pytest.mark.skipif(shutil.which("lsblk") is None, reason="lsblk is not installed")
def test_real_lsblk_on_this_machine() -> None:
    from kvmgui.runtime.blockdev_probe import probe_block_devices, run_lsblk

    raw = asyncio.run(run_lsblk())
    nodes = bd.parse_lsblk(raw)
    result = asyncio.run(probe_block_devices())
    assert [d.path for d in result.devices] == [n.name for n in nodes]
    for d in result.devices:
        if "/ (read-write)" in d.mounted or "/ (read-only)" in d.mounted:
            assert not d.usable  # the disk this machine runs from is never offered
        if d.kind is DeviceKind.DISK:
            assert not d.usable and d.why_not
        assert d not in result.offered or d.kind is not DeviceKind.DISK
