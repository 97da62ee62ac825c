"""The details of a libvirt domain read from its XML: the golden exports of every fixture VM,
live XML as libvirt writes it for a running domain, and hostile documents (huge, not XML,
entity bombs, missing parts): one sentence, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from kvmgui.core.libvirt_domain_view import (
    MAX_XML_CHARS,
    DomainXmlError,
    GraphicsView,
    console_refusal,
    parse_domain_view,
)
from kvmgui.core.messages import Message

GOLDEN = Path(__file__).parent / "golden"


def _golden(name: str) -> str:
    return (GOLDEN / f"{name}.xml").read_text()


@pytest.mark.parametrize("path", sorted(GOLDEN.glob("*.xml")), ids=lambda p: p.stem)
def test_every_golden_domain_is_read(path: Path) -> None:
    view = parse_domain_view(path.read_text())
    assert view.name
    assert view.uuid
    assert view.memory_bytes and view.memory_bytes >= 64 * 2**20
    assert view.vcpus and view.vcpus >= 1
    assert view.machine
    assert view.arch == "x86_64"
    assert view.emulator.startswith("/")
    assert all(d.target and d.bus for d in view.disks)
    assert all(n.mac for n in view.nics)


def test_spice_desktop() -> None:
    view = parse_domain_view(_golden("spice-desktop"))
    assert view.name == "Fedora-SPICE"
    assert view.title == "Fedora SPICE"
    assert view.domain_type == "qemu"
    assert view.vcpus == 2
    assert view.memory_bytes == view.current_memory_bytes == 2048 * 2**20
    assert view.machine == "q35"
    assert view.firmware == ""
    (disk,) = view.disks
    assert (disk.device, disk.target, disk.bus, disk.format, disk.read_only) == (
        "disk", "vda", "virtio", "qcow2", False)
    assert disk.source == "/vms/Fedora SPICE/fedora.qcow2"
    assert disk.boot_order == 1
    (nic,) = view.nics
    assert (nic.kind, nic.source, nic.model, nic.mac) == ("user", "", "virtio",
                                                          "52:54:00:12:34:56")
    (graphics,) = view.graphics
    assert graphics == GraphicsView("spice", "socket")
    assert view.video == ("qxl",)
    assert view.sound == ("ich9",)
    assert view.usb.controllers == ("qemu-xhci",)


def test_disks_cdrom_and_read_only() -> None:
    view = parse_domain_view(_golden("disk-modes"))
    assert [d.format for d in view.disks] == ["qcow2", "raw", "vmdk", "vdi", "qcow2", "raw"]
    assert [d.read_only for d in view.disks] == [False, True, False, False, False, False]
    assert view.disks[5].source == "/dev/sdd"
    assert view.disks[4].bus == "usb"
    install = parse_domain_view(_golden("new-vm-install"))
    (cd,) = install.cdroms
    assert cd.source.endswith("netinst.iso") and cd.read_only and cd.bus == "sata"
    assert len(install.hard_disks) == 1


def test_firmware_filesystems_usb_and_titles() -> None:
    assert parse_domain_view(_golden("linux-uefi-pc")).firmware == "efi"
    shares = parse_domain_view(_golden("shared-folders-virtiofs")).filesystems
    assert [(f.driver, f.source, f.tag, f.read_only) for f in shares] == [
        ("virtiofs", "/home/me/Projects", "Projects", False),
        ("path", "/home/me/Docs", "Docs", True),
    ]
    usb = parse_domain_view(_golden("usb-host-devices")).usb
    assert usb.host_devices == ("0781:5567", "046d:0825")
    odd = parse_domain_view(_golden("odd-names"))
    assert odd.title == "Test, with comma = and spaces"


LIVE = """<domain type='kvm' id='7'>
  <name>web</name>
  <uuid>0d0b1a4e-6f5a-4b1e-9d61-5f1e0c7f3a11</uuid>
  <description>The shop's front end</description>
  <memory unit='KiB'>2097152</memory>
  <currentMemory unit='KiB'>1048576</currentMemory>
  <vcpu placement='static' current='2'>4</vcpu>
  <os>
    <type arch='x86_64' machine='pc-q35-7.2'>hvm</type>
    <loader readonly='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE_4M.fd</loader>
  </os>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
    <disk type='volume' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source pool='default' volume='web.qcow2'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <disk type='network' device='disk'>
      <driver name='qemu' type='raw'/>
      <source protocol='rbd' name='pool/image'><host name='ceph1' port='6789'/></source>
      <target dev='vdb' bus='virtio'/>
    </disk>
    <disk type='file' device='cdrom'>
      <target dev='sda' bus='sata'/>
      <readonly/>
    </disk>
    <interface type='network'>
      <mac address='52:54:00:aa:bb:cc'/>
      <source network='default' bridge='virbr0'/>
      <target dev='vnet3'/>
      <model type='e1000e'/>
    </interface>
    <interface type='bridge'>
      <mac address='52:54:00:aa:bb:cd'/>
      <source bridge='br0'/>
    </interface>
    <graphics type='vnc' port='5901' autoport='yes' listen='127.0.0.1'>
      <listen type='address' address='127.0.0.1'/>
    </graphics>
    <graphics type='spice' port='5902' tlsPort='5903' autoport='yes' listen='0.0.0.0'
              passwd='secret'>
      <listen type='address' address='0.0.0.0'/>
    </graphics>
    <hostdev mode='subsystem' type='usb'>
      <source><address bus='1' device='4'/></source>
    </hostdev>
    <redirdev bus='usb' type='spicevmc'/>
    <redirdev bus='usb' type='spicevmc'/>
  </devices>
</domain>"""


def test_live_xml_of_a_running_domain() -> None:
    view = parse_domain_view(LIVE)
    assert view.running_id == 7
    assert view.description == "The shop's front end"
    assert (view.vcpus, view.max_vcpus) == (2, 4)
    assert view.memory_bytes == 2 * 2**30 and view.current_memory_bytes == 2**30
    assert view.firmware == "/usr/share/OVMF/OVMF_CODE_4M.fd"
    assert [d.source for d in view.disks] == ["default/web.qcow2", "rbd://ceph1/pool/image", ""]
    assert view.disks[2].format == ""
    assert [(n.kind, n.source, n.model, n.target) for n in view.nics] == [
        ("network", "default", "e1000e", "vnet3"), ("bridge", "br0", "", "")]
    vnc, spice = view.graphics
    assert vnc == GraphicsView("vnc", "address", address="127.0.0.1", port=5901)
    assert (spice.address, spice.port, spice.tls_port, spice.has_password) == (
        "0.0.0.0", 5902, 5903, True)
    assert view.usb.host_devices == ("1.4",)
    assert view.usb.redirections == 2


@pytest.mark.parametrize("text", [
    "",
    "not xml at all",
    "<domain><name>x</name>",
    "<network><name>default</name></network>",
    "<?xml version='1.0'?><!DOCTYPE d [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;'>]>"
    "<domain><name>&b;</name></domain>",
    "<domain>" + " " * (MAX_XML_CHARS + 1) + "</domain>",
])
def test_hostile_documents_are_refused_with_one_sentence(text: str) -> None:
    with pytest.raises(DomainXmlError) as caught:
        parse_domain_view(text)
    message = str(caught.value)
    assert message.endswith(".") and "\n" not in message
    assert isinstance(caught.value.message, Message)


@pytest.mark.parametrize("text", [
    "<domain/>",
    "<domain type='kvm'><memory unit='parsecs'>3</memory><vcpu>many</vcpu>"
    "<currentMemory>-4</currentMemory><os><loader/></os><devices><disk><source/></disk>"
    "<interface/><graphics type='vnc' port='99999'/><hostdev type='usb'><source>"
    "<vendor id='zz'/><product id='0x1'/></source></hostdev><filesystem/>"
    "<controller type='usb' model='none'/><video/></devices></domain>",
])
def test_missing_or_odd_parts_are_shown_as_missing(text: str) -> None:
    view = parse_domain_view(text)
    assert view.name == ""
    assert view.memory_bytes is None and view.vcpus is None and view.current_memory_bytes is None
    assert view.usb.controllers == ()
    for graphics in view.graphics:
        assert graphics.port is None


def test_deep_nesting_is_no_crash() -> None:
    deep = "<a>" * 200_000 + "</a>" * 200_000
    view = parse_domain_view(f"<domain><name>d</name><description>{deep}</description></domain>")
    assert view.name == "d" and view.description == ""


def test_a_large_but_sane_domain_is_read() -> None:
    disks = "".join(
        f"<disk type='file' device='disk'><source file='/d/{i}.qcow2'/>"
        f"<target dev='vd{i}' bus='virtio'/></disk>" for i in range(2000))
    view = parse_domain_view(f"<domain><name>big</name><devices>{disks}</devices></domain>")
    assert len(view.disks) == 2000


# --- whether the console connects -------------------------------------------------------


@pytest.mark.parametrize(("uri", "graphics"), [
    ("qemu:///system", GraphicsView("vnc", "socket", socket="/run/libvirt/qemu/vnc.sock")),
    ("qemu:///system", GraphicsView("vnc", "address", address="127.0.0.1", port=5900)),
    # Bound everywhere, reached through the host's own loopback: nothing on the network.
    ("qemu:///session", GraphicsView("vnc", "address", address="0.0.0.0", port=5901)),
    ("qemu+ssh://me@host.example:2222/system",
     GraphicsView("vnc", "address", address="127.0.0.1", port=5900)),
    ("qemu+ssh://host.example/system",
     GraphicsView("vnc", "socket", socket="/var/lib/libvirt/qemu/d/vnc.sock")),
])
def test_console_may_connect(uri: str, graphics: GraphicsView) -> None:
    assert console_refusal(uri, graphics) is None


@pytest.mark.parametrize(("uri", "graphics", "words"), [
    ("qemu:///system", GraphicsView("vnc", "address", address="192.168.1.5", port=5900),
     "network address 192.168.1.5"),
    ("qemu+ssh://h/system", GraphicsView("vnc", "address", address="10.0.0.2", port=5900),
     "network address 10.0.0.2"),
    ("qemu+tcp://h/system", GraphicsView("vnc", "address", address="127.0.0.1", port=5900),
     "SSH"),
    ("qemu:///system", GraphicsView("spice", "socket", socket="/s"), "spice"),
    ("qemu:///system", GraphicsView("vnc", "address", address="127.0.0.1"), "no port"),
    ("qemu:///system", GraphicsView("vnc", "none"), "listens nowhere"),
])
def test_console_refusals(uri: str, graphics: GraphicsView, words: str) -> None:
    refusal = console_refusal(uri, graphics)
    assert isinstance(refusal, Message)
    assert words in refusal
