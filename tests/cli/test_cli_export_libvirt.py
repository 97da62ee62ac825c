"""`kvmgui-cli export-libvirt`: a stored VM as libvirt domain XML on stdout, what libvirt
cannot hold as warnings on stderr (one sentence each), `--json` for scripts."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kvmgui.core.model import (
    Cdrom,
    CdromSource,
    Disk,
    DiskFormat,
    Network,
    PortForward,
    VmSpec,
)
from kvmgui.core.paths import AppPaths
from kvmgui.core.presets import new_spec
from kvmgui.core.store import VmStore
from tests.cli.helpers import run

pytestmark = pytest.mark.usefixtures("vm_root")

VM_ID = "0f6e8a52c2a44d3c9b1e5a7d3c2b1a00"


def store() -> VmStore:
    return VmStore(AppPaths.from_env().default_vm_root)


def make_vm(name: str = "web", **overrides: object) -> VmSpec:
    spec = new_spec(name, **{  # type: ignore[arg-type]
        "id": VM_ID,
        "disks": (Disk("disk.qcow2"),),
        "cdrom": Cdrom(CdromSource.ISO, "/isos/debian.iso"),
        "network": Network(forwards=(PortForward(2222, 22),)),
        **overrides,
    })
    store().create(spec)
    return spec


def test_prints_the_domain_and_warns_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    make_vm()
    code, out, err = run(capsys, "export-libvirt", "web")
    assert code == 0, err
    root = ET.fromstring(out)
    assert root.get("type") == "kvm"
    assert root.findtext("name") == "web"
    assert root.findtext("uuid") == "0f6e8a52-c2a4-4d3c-9b1e-5a7d3c2b1a00"
    disk = root.find("devices/disk/source")
    expected = store().get("web").folder.dir / "disk.qcow2"
    assert disk is not None and disk.get("file") == str(expected)
    # The forward cannot go into a plain libvirt user interface: one warning, one line.
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("warning: The port forwards (tcp 127.0.0.1:2222")


def test_json_and_domain_type(capsys: pytest.CaptureFixture[str]) -> None:
    make_vm("Web server", extra_args=("-no-reboot",))
    code, out, err = run(capsys, "export-libvirt", "Web server", "--json", "--type", "qemu",
                         "--emulator", "/usr/bin/qemu-system-x86_64")
    assert code == 0 and err == ""
    doc = json.loads(out)
    assert doc["name"] == "Web-server"
    assert len(doc["warnings"]) == 2 and "-no-reboot" in doc["warnings"][1]
    root = ET.fromstring(doc["xml"])
    assert root.get("type") == "qemu" and root.findtext("title") == "Web server"
    assert root.findtext("devices/emulator") == "/usr/bin/qemu-system-x86_64"


def test_refusal_and_unknown_vm_are_one_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    make_vm(disks=(Disk("disk.vhdx", format=DiskFormat.VHDX),))
    code, out, err = run(capsys, "export-libvirt", "web")
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "VHDX" in err
    code, out, err = run(capsys, "export-libvirt", "ghost")
    assert code == 1 and out == "" and "ghost" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, "export-libvirt", "web", "--type", "xen")
    assert code == 2 and "invalid choice" in err


@pytest.mark.skipif(shutil.which("virt-xml-validate") is None,
                    reason="virt-xml-validate is missing: install libvirt-clients")
def test_installed_command_output_is_valid_libvirt_xml(tmp_path: Path) -> None:
    make_vm()
    cli = Path(sys.executable).with_name("kvmgui-cli")
    assert cli.exists(), "kvmgui-cli is not installed in the venv (scripts/setup.sh)"
    result = subprocess.run([str(cli), "export-libvirt", "web"], capture_output=True, text=True,
                            timeout=120, check=False, env=os.environ.copy())
    assert result.returncode == 0, result.stderr
    xml = tmp_path / "web.xml"
    xml.write_text(result.stdout)
    check = subprocess.run(["virt-xml-validate", str(xml), "domain"], capture_output=True,
                           text=True, timeout=60, check=False)
    assert check.returncode == 0, check.stdout + check.stderr
