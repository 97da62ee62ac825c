"""core.libvirt_xml beyond the golden files: names, UUIDs, what is refused, what is warned
about, and that no display is ever reachable from the network."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from kvmgui.core.libvirt_xml import (
    LibvirtXmlError,
    default_domain_type,
    domain_name,
    domain_uuid,
    export_domain,
)
from kvmgui.core.model import (
    Accel,
    Cdrom,
    CdromSource,
    Disk,
    DiskBus,
    Display,
    DisplayKind,
    Firmware,
    Network,
    Passthrough,
    PortForward,
    Protocol,
)
from kvmgui.core.paths import VmFolder
from kvmgui.core.presets import new_spec
from tests.core.test_libvirt_xml_golden import exportable
from tests.core.vm_fixtures import FIXTURES

FOLDER = VmFolder(Path("/vms/test"))


def _spec(**overrides: object):  # type: ignore[no-untyped-def]
    return replace(new_spec("test", id="6b766d67-7569-4172-8776-000000000001"), **overrides)


def test_names_are_safe_and_the_title_keeps_the_name() -> None:
    assert domain_name(_spec(name="Test, with comma = and spaces")) == "Test-with-comma-and-spaces"
    assert domain_name(_spec(name="ok.name_1+2-x")) == "ok.name_1+2-x"
    assert domain_name(_spec(name="…", id="abcdef0123456789")) == "kvmgui-abcdef012345"
    root = ET.fromstring(export_domain(_spec(name="Été / hiver"), folder=FOLDER).xml)
    assert root.findtext("name") == "Ete-hiver"
    assert root.findtext("title") == "Été / hiver"


def test_uuid_is_the_id_or_derived_stably() -> None:
    spec = _spec()
    assert domain_uuid(spec) == "6b766d67-7569-4172-8776-000000000001"
    odd = _spec(id="not-a-uuid")
    assert domain_uuid(odd) == domain_uuid(odd) != domain_uuid(_spec(id="not-a-uuid-2"))


def test_domain_type_follows_the_accelerator() -> None:
    assert default_domain_type(_spec(accel=Accel.TCG)) == "qemu"
    assert default_domain_type(_spec(accel=Accel.AUTO)) == "kvm"
    root = ET.fromstring(export_domain(_spec(accel=Accel.TCG), folder=FOLDER).xml)
    assert root.get("type") == "qemu"
    cpu = root.find("cpu")
    assert cpu is not None and cpu.get("mode") == "maximum"


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_no_display_listens_on_the_network_nor_carries_a_password(name: str) -> None:
    fx = FIXTURES[name]
    root = ET.fromstring(export_domain(exportable(fx), folder=fx.folder).xml)
    for graphics in root.iter("graphics"):
        assert graphics.get("passwd") is None and graphics.get("listen") is None
        assert [listen.get("type") for listen in graphics.iter("listen")] == ["socket"]


def test_refusals_are_one_sentence() -> None:
    with pytest.raises(LibvirtXmlError, match="Disk 1 is read-only"):
        export_domain(_spec(disks=(Disk("a.qcow2", bus=DiskBus.SATA, readonly=True),)),
                      folder=FOLDER)
    with pytest.raises(LibvirtXmlError, match="backing file"):
        export_domain(_spec(disks=(Disk("a.qcow2", backing_file="b.qcow2"),)), folder=FOLDER)
    with pytest.raises(LibvirtXmlError, match="CD/DVD"):
        export_domain(_spec(cdrom=Cdrom(CdromSource.ISO, None)), folder=FOLDER)
    with pytest.raises(LibvirtXmlError, match="positive"):
        export_domain(_spec(cpus=0), folder=FOLDER)
    with pytest.raises(LibvirtXmlError, match="control character"):
        export_domain(_spec(disks=(Disk("a\x1b[2J.qcow2"),)), folder=FOLDER)
    with pytest.raises(LibvirtXmlError, match="free positions"):
        export_domain(_spec(disks=tuple(Disk(f"{i}.qcow2", bus=DiskBus.SATA) for i in range(6))),
                      folder=FOLDER)


def test_warnings_name_what_is_left_out() -> None:
    spec = _spec(
        network=Network(forwards=(PortForward(2222, 22),)),
        extra_args=("-no-reboot",),
        display=Display(kind=DisplayKind.VNC, password=True),
        firmware=Firmware.UEFI,
        tpm=True,
    )
    warnings = [str(w) for w in export_domain(spec, folder=FOLDER).warnings]
    assert len(warnings) == 5
    assert "tcp 127.0.0.1:2222 → 22" in warnings[0] and "passt" in warnings[0]
    assert "-no-reboot" in warnings[1]
    assert "password" in warnings[2] and "UEFI" in warnings[3] and "TPM" in warnings[4]
    assert export_domain(_spec(), folder=FOLDER).warnings == ()


def test_secure_boot_follows_the_ovmf_build() -> None:
    spec = _spec(firmware=Firmware.UEFI)
    secure = ET.fromstring(export_domain(spec, folder=FOLDER,
                                      ovmf_code="/usr/share/OVMF/OVMF_CODE_4M.ms.fd").xml)
    plain = ET.fromstring(export_domain(spec, folder=FOLDER,
                                     ovmf_code="/usr/share/OVMF/OVMF_CODE_4M.fd").xml)
    assert secure.find("features/smm") is not None and plain.find("features/smm") is None
    assert {f.get("enabled") for f in secure.iter("feature")} == {"yes"}
    assert {f.get("enabled") for f in plain.iter("feature")} == {"no"}
    bios = ET.fromstring(export_domain(_spec(), folder=FOLDER,
                                    ovmf_code="/usr/share/OVMF/OVMF_CODE_4M.ms.fd").xml)
    assert bios.find("os").get("firmware") is None  # type: ignore[union-attr]


def test_passt_carries_the_forwards_on_loopback(tmp_path: Path) -> None:
    spec = _spec(network=Network(forwards=(PortForward(2222, 22),
                                           PortForward(5353, 53, Protocol.UDP))))
    domain = export_domain(spec, folder=FOLDER, passt=True)
    assert domain.warnings == ()
    interface = ET.fromstring(domain.xml).find("devices/interface")
    assert interface is not None and interface.get("type") == "user"
    backend = interface.find("backend")
    assert backend is not None and backend.get("type") == "passt"
    forwards = [(f.get("proto"), f.get("address"), r.get("start"), r.get("to"))
                for f in interface.iter("portForward") for r in f.iter("range")]
    assert forwards == [("tcp", "127.0.0.1", "2222", "22"), ("udp", "127.0.0.1", "5353", "53")]
    # Without forwards, or without passt, the plain SLIRP interface stays.
    assert "type=\"passt\"" not in export_domain(_spec(), folder=FOLDER, passt=True).xml
    assert "type=\"passt\"" not in export_domain(spec, folder=FOLDER).xml
    _validate(domain.xml, tmp_path)


def _validate(xml: str, tmp_path: Path) -> None:
    """libvirt's own schema check of a domain's XML."""
    validator = shutil.which("virt-xml-validate")
    if validator is None:
        pytest.skip("virt-xml-validate is missing: install libvirt-clients")
    path = tmp_path / "domain.xml"
    path.write_text(xml)
    result = subprocess.run([validator, str(path), "domain"], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_serial_console_is_a_pty_logged_on_the_host(tmp_path: Path) -> None:
    # What a VM created on a libvirt host gets: its disk and ISO are volumes of the host.
    spec = _spec(disks=(Disk("/pool/box.qcow2", size_bytes=1 << 30),),
                 cdrom=Cdrom(CdromSource.ISO, "/pool/guest.iso"))
    plain = ET.fromstring(export_domain(spec, folder=FOLDER).xml)
    assert plain.find("devices/serial") is None and plain.find("devices/console") is None
    xml = export_domain(spec, folder=FOLDER, domain_type="qemu", serial_console=True,
                        serial_log="/var/log/libvirt/qemu/box-serial.log").xml
    devices = ET.fromstring(xml).find("devices")
    assert devices is not None
    serial = devices.find("serial")
    assert serial is not None and serial.get("type") == "pty"
    log = serial.find("log")
    assert log is not None and log.attrib == {
        "file": "/var/log/libvirt/qemu/box-serial.log", "append": "off"}
    console = devices.find("console/target")
    assert console is not None and console.attrib == {"type": "serial", "port": "0"}
    without_log = export_domain(spec, folder=FOLDER, serial_console=True).xml
    assert "<log" not in without_log and "<serial type=\"pty\">" in without_log
    _validate(xml, tmp_path)


def test_a_throwaway_host_device_is_read_only_with_a_warning() -> None:
    # libvirt 9.0: "transient disk supported only with 'file' type".
    stick = _spec(usb_stick=Passthrough("/dev/sdb"))
    domain = export_domain(stick, folder=FOLDER)
    disk = ET.fromstring(domain.xml).find("devices/disk")
    assert disk is not None and disk.find("readonly") is not None
    assert disk.find("transient") is None
    assert [str(w) for w in domain.warnings] == [
        "libvirt cannot put a throwaway overlay on a host device, so /dev/sdb is passed "
        "read-only instead; some live systems refuse to start from a read-only medium."
    ]
    image = export_domain(_spec(usb_stick=Passthrough("stick.img")), folder=FOLDER)
    assert "<transient />" in image.xml and image.warnings == ()
    virtio = export_domain(_spec(disks=(Disk("/dev/sdc", throwaway=True),)), folder=FOLDER)
    assert "<readonly />" in virtio.xml and "discard" not in virtio.xml
    assert len(virtio.warnings) == 1
    with pytest.raises(LibvirtXmlError, match="Disk 1 is a throwaway host device on the SATA"):
        export_domain(_spec(disks=(Disk("/dev/sdc", bus=DiskBus.SATA, throwaway=True),)),
                      folder=FOLDER)
