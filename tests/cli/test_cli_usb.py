"""`kvmgui-cli usb list|attach|detach` and `--usb-device`.

The QEMU test runs each command as a separate process on a real QEMU (no OS, TCG) and looks
at the result through the VM's own monitor: `qom-list /machine/peripheral` must show the
usb-host device with the vendor:product asked for. This machine has no USB device at all, so
the device is one that is not plugged in: QEMU accepts it and would attach it once it
appears, which is exactly what a device remembered by vendor:product relies on.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from qemu.qmp import QMPClient

from tests.cli.helpers import run
from tests.runtime.helpers import RunEnv, create_vm, tiny_spec

SYSFS = Path(__file__).resolve().parents[1] / "runtime" / "data" / "usb_sysfs"


async def _usb_hosts(socket: Path) -> dict[str, tuple[int, int]]:
    """{qom id: (vendorid, productid)} of the running VM's usb-host devices."""
    client = QMPClient("test")
    await client.connect(str(socket))
    try:
        listed: Any = await client.execute("qom-list", {"path": "/machine/peripheral"})
        found = {}
        for item in listed:
            if item["type"] == "child<usb-host>":
                path = f"/machine/peripheral/{item['name']}"
                vendor = await client.execute("qom-get", {"path": path, "property": "vendorid"})
                product = await client.execute("qom-get", {"path": path, "property": "productid"})
                found[item["name"]] = (int(vendor), int(product))  # type: ignore[call-overload]
        return found
    finally:
        await client.disconnect()


def usb_hosts(env: RunEnv) -> dict[str, tuple[int, int]]:
    # The CLI's monitor is free again once a command has ended.
    return asyncio.run(
        _usb_hosts(env.paths.vm_runtime(env.store.get("box").spec.id).dir / "qmp-cli.sock")
    )


@pytest.mark.qemu
def test_attach_and_detach_on_a_running_vm(env: RunEnv) -> None:
    # An OTHER guest gets the UHCI controller: the device must name its bus (usb.0).
    create_vm(env, tiny_spec("box", usb=True))
    env.cli("start", "box", check=True)
    try:
        assert usb_hosts(env) == {}
        out = env.cli("usb", "attach", "box", "1D50:6089", check=True).stdout
        assert out == (
            "'box' gets the USB device 1d50:6089 as soon as it is plugged in (it is "
            "not plugged in now), and at its next starts.\n"
        )
        assert usb_hosts(env) == {"usbhost-1d50-6089": (0x1D50, 0x6089)}
        shown = env.cli_json("show", "box")
        assert shown["definition"]["usb_devices"] == [{"vendor": "1d50", "product": "6089"}]
        # Twice: nothing more is added.
        env.cli("usb", "attach", "box", "1d50:6089", check=True)
        assert usb_hosts(env) == {"usbhost-1d50-6089": (0x1D50, 0x6089)}

        # The next start has it on the command line.
        line = env.cli("command-line", "box", check=True).stdout
        assert "usb-host,vendorid=0x1d50,productid=0x6089,id=usbhost-1d50-6089,bus=usb.0" in line
        env.cli("kill", "box", check=True)
        env.cli("start", "box", check=True)
        assert usb_hosts(env) == {"usbhost-1d50-6089": (0x1D50, 0x6089)}

        out = env.cli("usb", "detach", "box", "1d50:6089", check=True).stdout
        assert out == "Detached the USB device 1d50:6089 from 'box'.\n"
        assert usb_hosts(env) == {}
        assert "usb_devices" not in env.cli_json("show", "box")["definition"]
        again = env.cli("usb", "detach", "box", "1d50:6089")
        assert (again.returncode, again.stderr) == (
            1,
            "kvmgui-cli: 'box' does not have the USB device 1d50:6089.\n",
        )
    finally:
        env.cli("kill", "box")


@pytest.mark.qemu
def test_usb_off_is_said_in_one_sentence(env: RunEnv) -> None:
    create_vm(env, tiny_spec("box", usb=False))
    refused = env.cli("usb", "attach", "box", "1d50:6089")
    assert (refused.returncode, refused.stderr) == (
        1,
        (
            "kvmgui-cli: 'box' has USB turned off, so it has no USB controller for devices of this "
            "computer: turn USB on in its settings (kvmgui-cli edit box --usb) or remove the "
            "devices.\n"
        ),
    )


@pytest.mark.usefixtures("vm_root")
@pytest.mark.qemu  # create asks QEMU what it can do
def test_list_create_and_edit(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "usb", "list", "--sysfs-root", str(SYSFS), "--json")
    assert code == 0
    devices = json.loads(out)["devices"]
    assert [(d["id"], d["port"], d["name"]) for d in devices] == [
        ("0781:5567", "1-2", "SanDisk Cruzer Blade"),
        ("046d:0825", "1-4", "046d:0825"),
        ("0403:6001", "2-1", "FTDI FT232R USB UART"),
    ]
    assert devices[0]["mass_storage"] and devices[0]["node"] == "/dev/bus/usb/001/004"

    code, out, _ = run(capsys, "usb", "list", "--sysfs-root", str(SYSFS))
    assert code == 0
    assert out.splitlines()[:2] == [
        "ID         BUS PORT     NAME",
        "0781:5567    1 1-2      SanDisk Cruzer Blade",
    ]

    code, _, err = run(
        capsys,
        "create",
        "box",
        "--no-disk",
        "--usb-device",
        "0781:5567",
        "--usb-device",
        "046D:0825",
    )
    assert code == 0, err
    code, out, _ = run(capsys, "show", "box")
    assert "USB:       0781:5567, 046d:0825 (devices of this computer)" in out
    code, _, err = run(capsys, "edit", "box", "--usb-device", "0781")
    assert code == 2 and "'0781' is not a USB device id" in err
    code, _, err = run(capsys, "edit", "box", "--no-usb-devices")
    assert code == 0, err
    code, out, _ = run(capsys, "show", "box", "--json")
    assert "usb_devices" not in json.loads(out)["definition"]
