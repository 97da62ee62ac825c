"""The details window of a libvirt domain on libvirt's test driver (no daemon, no guest): every
page shows the domain, state changes arrive through events, the XML copies, opening it again
raises the same window. Qt warnings fail these tests (the project's pytest setting)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from kvmgui.runtime.libvirt_conn import LibvirtConnection
from kvmgui.runtime.state import VmState
from kvmgui.ui.libvirt_details import PAGES, LibvirtDetailsWindow, open_libvirt_details
from tests.libvirt_node import node_uri
from tests.ui.test_translations import (  # the French walk's own helpers
    Texts,
    _english_found,
    _mnemonic_clashes,
    french,  # noqa: F401  (the fixture)
)

pytest.importorskip("libvirt")

NODE = """<node>
  <domain type='test'>
    <name>lvdetails-web</name>
    <title>The web shop</title>
    <description>Front end</description>
    <memory unit='MiB'>1024</memory>
    <currentMemory unit='MiB'>512</currentMemory>
    <vcpu>2</vcpu>
    <os><type arch='x86_64' machine='pc'>hvm</type></os>
    <devices>
      <disk type='file' device='disk'>
        <driver name='qemu' type='qcow2'/>
        <source file='/guest/web.qcow2'/>
        <target dev='vda' bus='virtio'/>
      </disk>
      <disk type='file' device='cdrom'>
        <source file='/isos/install.iso'/>
        <target dev='sda' bus='sata'/>
        <readonly/>
      </disk>
      <interface type='network'>
        <mac address='52:54:00:01:02:03'/>
        <source network='default'/>
        <target dev='testnet0'/>
        <model type='virtio'/>
      </interface>
      <graphics type='spice' autoport='yes'><listen type='address' address='127.0.0.1'/></graphics>
      <sound model='ich9'/>
    </devices>
  </domain>
  <domain type='test'>
    <name>lvdetails-vnc</name>
    <memory unit='MiB'>256</memory>
    <vcpu>1</vcpu>
    <os><type>hvm</type></os>
    <devices>
      <graphics type='vnc' port='5999' listen='192.0.2.7'>
        <listen type='address' address='192.0.2.7'/>
      </graphics>
    </devices>
  </domain>
</node>
"""


@pytest.fixture
def connection(tmp_path: Path, run_async: Any) -> Any:
    conn = run_async(LibvirtConnection.open(node_uri(tmp_path, NODE)))
    yield conn
    run_async(conn.close())


@pytest.fixture
def parent(qtbot: Any) -> QWidget:
    widget = QWidget()  # the main window's place: the details windows are its children
    qtbot.addWidget(widget)
    return widget


def _open(qtbot: Any, parent: QWidget, connection: LibvirtConnection,
          name: str) -> LibvirtDetailsWindow:
    window = open_libvirt_details(parent, connection, name)
    qtbot.waitUntil(lambda: window.view is not None, timeout=10_000)
    return window


def test_every_page_shows_the_domain(qtbot: Any, parent: QWidget, connection: Any) -> None:
    window = _open(qtbot, parent, connection, "lvdetails-web")
    assert window.isVisible()
    assert "lvdetails-web" in window.windowTitle() and "Running" in window.windowTitle()
    for i, key in enumerate(PAGES):  # Alt+1…5 reach every page
        window.activateWindow()
        QTest.keyClick(window, Qt.Key(Qt.Key.Key_1 + i), Qt.KeyboardModifier.AltModifier)
        assert window.tabs.currentWidget() is window.pages[key]

    fields = window.overview.fields
    assert fields["title"].text() == "The web shop"
    assert fields["description"].text() == "Front end"
    assert fields["cpus"].text() == "2"
    assert fields["memory"].text() == "512 MiB (up to 1 GiB)"
    assert fields["connection"].text() == connection.uri
    assert window.overview.state.text() == "Running"

    rows = window.hardware.rows()
    assert rows["Disks"] == [("vda (virtio)", "/guest/web.qcow2 · qcow2")]
    assert rows["CD/DVD and floppy drives"] == [
        ("sda (sata)", "/isos/install.iso · read-only")]
    assert rows["Network"] == [
        ("virtio", "virtual network default · MAC 52:54:00:01:02:03 · host interface testnet0")]
    assert rows["Sound"] == [("ich9", "")]
    assert rows["Shared folders"] == []

    xml = window.xml.xml
    assert "<name>lvdetails-web</name>" in xml.plain_text()
    xml.copy_button.click()
    assert QGuiApplication.clipboard().text() == xml.plain_text()

    # SPICE: not drawn here, offered in virt-viewer.
    console = window.console
    assert console.stack.currentWidget() is console.message_page
    assert "SPICE" in console.message_title.text()
    assert not console.viewer_button.isHidden()

    # The graphs fill from libvirt's statistics, sampled off the Qt thread.
    perf = window.performance
    qtbot.waitUntil(lambda: perf.samples >= 2, timeout=15_000)
    qtbot.waitUntil(lambda: bool(perf.cpu_series.values) and bool(perf.rx_series.values),
                    timeout=15_000)
    assert perf.memory_series.last and perf.memory_series.last > 0
    # The test driver counts about 50 KB/s: no jump when the disks and NICs became known.
    assert max(perf.read_series.values) < 2**30 and max(perf.rx_series.values) < 2**30
    window.close()


def test_state_follows_events_and_the_window_is_opened_once(
        qtbot: Any, parent: QWidget, connection: Any, run_async: Any) -> None:
    window = open_libvirt_details(parent, connection, "lvdetails-web")
    qtbot.waitUntil(lambda: window.view is not None, timeout=10_000)
    assert open_libvirt_details(parent, connection, "lvdetails-web") is window
    other = open_libvirt_details(parent, connection, "lvdetails-vnc")
    assert other is not window

    assert run_async(connection.pause("lvdetails-web")).ok
    qtbot.waitUntil(lambda: window.state is VmState.PAUSED, timeout=10_000)
    assert window.overview.state.text() == "Paused"
    assert run_async(connection.force_off("lvdetails-web")).ok
    qtbot.waitUntil(lambda: window.state is VmState.STOPPED, timeout=10_000)
    assert "not running" in window.console.message_title.text()
    assert "Stopped" in window.windowTitle()
    start = window.console.start_button
    assert not start.isHidden()
    start.click()  # the stopped console's Start
    qtbot.waitUntil(lambda: window.state is VmState.RUNNING, timeout=10_000)
    assert start.isHidden()
    window.close()
    other.close()


def test_a_display_on_the_network_is_not_connected_to(qtbot: Any, parent: QWidget,
                                                      connection: Any) -> None:
    window = _open(qtbot, parent, connection, "lvdetails-vnc")
    console = window.console
    assert console.stack.currentWidget() is console.message_page
    assert "192.0.2.7" in console.message.text()
    assert console.address is None
    assert "192.0.2.7" in window.hardware.rows()["Display"][0][1]
    window.close()


def test_the_window_speaks_french(qtbot: Any, parent: QWidget, connection: Any,
                                  french: QTranslator) -> None:  # noqa: F811
    window = _open(qtbot, parent, connection, "lvdetails-web")
    texts = Texts()
    clashes: list[str] = []
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        texts.widget(window)
        clashes += _mnemonic_clashes(window)
    assert len(texts.items) > 60  # the walk really saw the pages
    assert "Matériel" in window.tabs.tabText(1)
    assert window.overview.state.text() != "Running"
    # The domain's own words (its XML, names, paths, models) are data, not English to
    # translate.
    data = {"lvdetails-web", "The web shop", "Front end", connection.uri,
            window.xml.xml.plain_text(), "virtio", "ich9", "SPICE"}
    english = _english_found(texts, data)
    assert not english, "English in the French window:\n" + "\n".join(english)
    assert not clashes, "accelerators used twice:\n" + "\n".join(sorted(set(clashes)))
    window.close()
