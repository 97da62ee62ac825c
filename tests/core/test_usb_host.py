"""Host USB devices: which are offered, the udev fix, the mounted-stick refusal, the command
line, and the definition's `usb_devices` against hostile files."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from kvmgui.core.blockdevs import Mount
from kvmgui.core.definition import DefinitionError, dump_definition, parse_definition
from kvmgui.core.host import HostFacts
from kvmgui.core.model import OsPreset, UsbDeviceId, VmSpec
from kvmgui.core.paths import VmFolder
from kvmgui.core.restart import restart_fields
from kvmgui.core.trust import Approvals, host_reach, start_refusal
from kvmgui.core.usb_host import (
    SysfsBlock,
    SysfsInterface,
    SysfsUsbDevice,
    UsbIdError,
    choices,
    host_devices,
    mounted_parts,
    mounted_problem,
    parse_usb_id,
    permission_problem,
    udev_rule,
    usb_host_args,
    usb_off_problem,
)
from kvmgui.core.validation import validate_spec

STICK = UsbDeviceId("0781", "5567")
HOST = HostFacts(cpu_count=4, memory_mib=8192)


def _dev(
    name: str,
    vendor: str,
    product_id: str,
    cls: str = "00",
    interfaces: tuple[tuple[str, str, str], ...] = (),
    **attrs: str,
) -> SysfsUsbDevice:
    base = {
        "idVendor": vendor,
        "idProduct": product_id,
        "busnum": "1",
        "devnum": "7",
        "bDeviceClass": cls,
        **attrs,
    }
    return SysfsUsbDevice(name, base, tuple(SysfsInterface(*i) for i in interfaces))


def test_parse_usb_id() -> None:
    assert parse_usb_id("0781:5567") == STICK
    assert parse_usb_id(" 046D:C31C ") == UsbDeviceId("046d", "c31c")
    for bad in ("0781", "781:5567", "0781:55678", "07g1:5567", "0781-5567", "", "0781:5567,x"):
        with pytest.raises(UsbIdError):
            parse_usb_id(bad)


def test_hubs_keyboard_and_mouse_are_not_offered() -> None:
    raw = [
        _dev("usb1", "1d6b", "0002", "09"),
        _dev("1-1", "046d", "c31c", interfaces=(("03", "01", "01"), ("03", "00", "00"))),
        _dev("1-3", "05e3", "0608", "00", interfaces=(("09", "00", "00"),)),
        _dev("1-3.1", "046d", "c077", interfaces=(("03", "01", "02"),)),
        # A HID device without a boot interface (a UPS, a game pad) is offered.
        _dev("1-5", "0764", "0501", interfaces=(("03", "00", "00"),)),
        _dev(
            "1-2",
            "0781",
            "5567",
            interfaces=(("08", "06", "50"),),
            manufacturer="SanDisk",
            product="Cruzer\x1b[2J Blade",
        ),
        _dev("1-6", "zzzz", "0001"),
        _dev("1-7", "1234", "5678", busnum=""),
    ]
    found = host_devices(raw)
    assert [(d.port, str(d.id)) for d in found] == [("1-2", "0781:5567"), ("1-5", "0764:0501")]
    stick = found[0]
    assert stick.mass_storage and not found[1].mass_storage
    assert stick.name == "SanDisk Cruzer[2J Blade"  # the device's own text, made printable
    assert stick.node == "/dev/bus/usb/001/007"


def test_udev_rule_is_narrow_and_exact() -> None:
    path, line = udev_rule(STICK)
    assert path == "/etc/udev/rules.d/70-kvmgui-usb-0781-5567.rules"
    assert line == (
        'SUBSYSTEM=="usb", ATTR{idVendor}=="0781", ATTR{idProduct}=="5567", TAG+="uaccess"'
    )


def test_permission_advice() -> None:
    (stick,) = host_devices(
        [_dev("1-2", "0781", "5567", manufacturer="SanDisk", product="Cruzer Blade")]
    )
    assert permission_problem(stick, stick.node, readable=True, writable=True) is None
    for readable, writable in ((False, False), (True, False), (False, True)):
        advice = permission_problem(stick, stick.node, readable=readable, writable=writable)
        assert advice is not None
        assert advice.startswith(
            "You may not open /dev/bus/usb/001/007 (SanDisk Cruzer Blade, 0781:5567)"
        )
        assert udev_rule(STICK)[1] in advice
        assert "sudo udevadm control --reload && sudo udevadm trigger" in advice
        assert "chmod" not in advice and "chown" not in advice


def test_mounted_stick() -> None:
    (stick,) = host_devices(
        [
            replace(
                _dev("1-2", "0781", "5567", interfaces=(("08", "06", "50"),)),
                block=(SysfsBlock("sdb", "8:16"), SysfsBlock("sdb1", "8:17")),
            )
        ]
    )
    other = Mount("/dev/sda2", "/", "ext4", False, "8:2")
    assert mounted_parts(stick, [other]) == []
    assert mounted_problem(stick, []) is None
    by_number = Mount("/dev/disk/by-label/STICK", "/media/me/STICK", "vfat", False, "8:17")
    by_name = Mount("/dev/sdb", "/mnt/raw", "ext4", True, "")
    parts = mounted_parts(stick, [other, by_number, by_name], swaps=["/dev/sdb1"])
    assert parts == ["/dev/sdb1 on /media/me/STICK", "/dev/sdb on /mnt/raw", "/dev/sdb1 (swap)"]
    problem = mounted_problem(stick, parts)
    assert problem is not None and "eject it here first" in problem


def _spec(**kw: object) -> VmSpec:
    return replace(VmSpec(name="box", id="0123456789abcdef"), **kw)  # type: ignore[arg-type]


def test_command_line_devices() -> None:
    spec = _spec(usb_devices=(STICK, UsbDeviceId("046d", "0825")))
    assert usb_host_args(spec, "xhci.0") == [
        "-device",
        "usb-host,vendorid=0x0781,productid=0x5567,id=usbhost-0781-5567,bus=xhci.0",
        "-device",
        "usb-host,vendorid=0x046d,productid=0x0825,id=usbhost-046d-0825,bus=xhci.0",
    ]


def test_usb_off_is_one_sentence() -> None:
    assert usb_off_problem(_spec(usb_devices=(STICK,))) is None
    assert usb_off_problem(_spec(usb=False)) is None
    off = usb_off_problem(_spec(usb=False, usb_devices=(STICK,)))
    assert off == (
        "'box' has USB turned off, so it has no USB controller for devices of this "
        "computer: turn USB on in its settings (kvmgui-cli edit box --usb) or remove "
        "the devices."
    )
    problems = validate_spec(_spec(usb=False, usb_devices=(STICK,)), HOST, check_files=False)
    assert [p.message for p in problems if p.field == "usb_devices"] == [off]


def test_validation_of_ids() -> None:
    spec = _spec(usb_devices=(UsbDeviceId("781", "5567"), STICK, STICK))
    messages = [
        p.message for p in validate_spec(spec, HOST, check_files=False) if p.field == "usb_devices"
    ]
    assert len(messages) == 2 and "four hex digits" in messages[0] and "twice" in messages[1]


def test_choices_list_absent_devices() -> None:
    (stick,) = host_devices([_dev("1-2", "0781", "5567")])
    cam = UsbDeviceId("046d", "0825")
    rows = choices(_spec(usb_devices=(cam,)), [stick])
    assert [(str(r.id), r.chosen, r.present is not None) for r in rows] == [
        ("0781:5567", False, True),
        ("046d:0825", True, False),
    ]


def test_usb_devices_wait_for_restart_when_edited() -> None:
    assert restart_fields(_spec(), _spec(usb_devices=(STICK,))) == ["usb_devices"]


# ------------------------------------------------------------------------------ definition


def test_definition_round_trip_and_unchanged_files() -> None:
    plain = _spec(os=OsPreset.LINUX)
    assert b"usb_devices" not in dump_definition(plain)  # older files stay byte for byte
    spec = _spec(usb_devices=(STICK,))
    raw = dump_definition(spec)
    assert json.loads(raw)["usb_devices"] == [{"vendor": "0781", "product": "5567"}]
    assert parse_definition(raw, source="vm.json")[0] == spec


def _with_devices(devices: object) -> bytes:
    data = json.loads(dump_definition(_spec()))
    data["usb_devices"] = devices
    return json.dumps(data).encode()


def test_uppercase_ids_are_read_lowercase() -> None:
    raw = _with_devices([{"vendor": "046D", "product": "C31C"}])
    assert parse_definition(raw, source="f")[0].usb_devices == (UsbDeviceId("046d", "c31c"),)


@pytest.mark.parametrize(
    ("devices", "reason"),
    [
        (
            [{"vendor": "0781", "product": "55671"}],
            "'usb_devices[0].product' is '55671', which is not four hex digits",
        ),
        ([{"vendor": "0x78", "product": "5567"}], "'usb_devices[0].vendor' is '0x78'"),
        ([{"vendor": "0781,bus=x", "product": "5567"}], "not four hex digits"),
        ([{"vendor": "０７８１", "product": "5567"}], "not four hex digits"),
        ([{"vendor": 1921, "product": "5567"}], "must be text"),
        ([{"vendor": "0781"}], "the required key 'usb_devices[0].product' is missing"),
        ([{"vendor": "0781", "product": "5567", "bus": "1"}], "'usb_devices[0].bus' is unknown"),
        (["0781:5567"], "must be a JSON object"),
        ({"vendor": "0781"}, "must be a list"),
        (
            [{"vendor": "0781", "product": "5567"}, {"vendor": "0781", "product": "5567"}],
            "listed twice",
        ),
        ([{"vendor": f"{i:04x}", "product": "0001"} for i in range(33)], "more than the 32"),
    ],
)
def test_hostile_usb_devices_are_refused(devices: object, reason: str) -> None:
    with pytest.raises(DefinitionError) as err:
        parse_definition(_with_devices(devices), source="vm.json")
    assert reason in str(err.value)


def test_usb_devices_need_approval(tmp_path: Path) -> None:
    """A vm.json handed in with USB devices does not get them unasked: each is in the list
    of what the definition reaches, and approving one says nothing about another."""
    folder = VmFolder(tmp_path / "box")
    folder.dir.mkdir()
    approvals = Approvals(tmp_path / "approvals.json")
    spec = _spec(usb_devices=(STICK,))
    (reach,) = host_reach(spec, folder)
    assert reach.describe() == "USB device of this computer (read and write): 0781:5567"
    refusal, missing = start_refusal(spec, folder, approvals)
    assert refusal and missing == [reach]
    approvals.approve(spec, folder, [reach])
    assert start_refusal(spec, folder, approvals) == ("", [])
    other = _spec(usb_devices=(STICK, UsbDeviceId("1050", "0407")))
    assert [r.target for r in start_refusal(other, folder, approvals)[1]] == ["1050:0407"]
