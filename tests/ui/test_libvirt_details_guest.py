"""The details window's console on a real guest of qemu:///system: the test guest boots under
libvirt with its VNC display on a unix socket, the Console page connects to the socket read
from the live XML, and what it shows is the domain's own screenshot (virDomainScreenshot,
through a libvirt stream) within a small tolerance. The same domain seen through a
qemu+ssh:// connection (a private sshd on 127.0.0.1) is shown through the SSH tunnel."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from kvmgui.runtime.libvirt_conn import LibvirtConnection
from kvmgui.runtime.state import VmState
from kvmgui.ui.console import ConnectionState
from kvmgui.ui.libvirt_details import open_libvirt_details
from tests.guest.fixtures import wait_for_serial
from tests.libvirt_daemon import libvirtd  # noqa: F401  (the fixture)
from tests.libvirt_guest import domain_xml, guest_dir  # noqa: F401
from tests.ssh_server import SshServer, ssh_server  # noqa: F401  (the fixture)

libvirt = pytest.importorskip("libvirt")

pytestmark = [pytest.mark.qemu, pytest.mark.slow, pytest.mark.usefixtures("libvirtd")]

# Pixels whose colour differs by more than this (0–255, any channel) count as different; at
# most this share of them may differ (the text cursor blinks between the two reads).
CHANNEL_TOLERANCE = 24
SHARE_TOLERANCE = 0.01


# The display on a unix socket, as kvmgui's own VMs have it.
DISPLAY = """
    <graphics type='vnc'><listen type='socket'/></graphics>
    <video><model type='vga'/></video>"""


@pytest.fixture
def domain(libvirtd: str, guest_dir: Path) -> Iterator[str]:  # noqa: F811
    name = f"lvdetails-{uuid.uuid4().hex[:8]}"
    raw = libvirt.open(libvirtd)
    dom = raw.defineXML(domain_xml(name, guest_dir, DISPLAY))
    try:
        yield name
    finally:
        if dom.isActive():
            dom.destroy()
        dom.undefine()
        raw.close()


def screenshot(conn: Any, name: str) -> QImage:
    """The domain's screen as libvirt's daemon reads it from QEMU."""
    dom = conn.lookupByName(name)
    stream = conn.newStream(0)
    dom.screenshot(stream, 0, 0)
    chunks: list[bytes] = []

    def take(_stream: Any, data: bytes, acc: list[bytes]) -> int:
        acc.append(data)
        return 0

    stream.recvAll(take, chunks)
    stream.finish()
    image = QImage.fromData(b"".join(chunks))
    assert not image.isNull(), "libvirt's screenshot is not an image Qt reads"
    return image


def rgb(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(),
                                                               image.bytesPerLine())
    return rows[:, : image.width() * 3].reshape(image.height(), image.width(), 3).copy()


def different_share(a: QImage, b: QImage) -> float:
    if a.size() != b.size():
        return 1.0
    delta = np.abs(rgb(a).astype(np.int16) - rgb(b).astype(np.int16)).max(axis=2)
    return float((delta > CHANNEL_TOLERANCE).mean())


def same_picture(console: Any, connection: LibvirtConnection, domain: str, qtbot: Any,
                 run_async: Any) -> None:
    """Wait until `console` shows the domain's own screenshot (within the tolerance)."""
    shares: list[float] = []

    def same() -> bool:
        theirs = run_async(connection.run(lambda conn: screenshot(conn, domain)), timeout=60)
        shares.append(different_share(console.image(), theirs))
        return shares[-1] <= SHARE_TOLERANCE

    qtbot.waitUntil(same, timeout=60_000)
    # Not two blank screens: the guest's text is there (light pixels on black).
    assert (rgb(console.image()).max(axis=2) > 100).sum() > 200


@pytest.mark.timeout(420)
def test_console_shows_what_the_domain_shows(
        qtbot: Any, run_async: Any, domain: str, guest_dir: Path, libvirtd: str,  # noqa: F811
        ssh_server: SshServer) -> None:  # noqa: F811
    connection = run_async(LibvirtConnection.open(libvirtd))
    remote = run_async(LibvirtConnection.open(ssh_server.uri()), timeout=60)
    parent = QWidget()
    qtbot.addWidget(parent)
    try:
        window = open_libvirt_details(parent, connection, domain)
        qtbot.waitUntil(lambda: window.view is not None, timeout=30_000)
        assert window.state is VmState.STOPPED
        assert (run_async(connection.start(domain), timeout=120)).ok
        qtbot.waitUntil(lambda: window.state is VmState.RUNNING, timeout=60_000)  # the event
        window.show_page("console")
        page = window.console
        qtbot.waitUntil(lambda: page.address is not None, timeout=30_000)
        # The socket the live XML names, on this computer.
        assert window.view is not None
        assert page.address == window.view.graphics[0].socket
        assert page.address is not None and page.address.startswith("/")
        assert page.stack.currentWidget() is page.console_page
        console = page.console
        qtbot.waitUntil(lambda: console.connection_state == ConnectionState.CONNECTED,
                        timeout=60_000)
        # The guest has drawn its text console once its init says it is ready.
        serial = guest_dir / "serial.log"
        qtbot.waitUntil(lambda: serial.exists()
                        and "KVMGUI-GUEST: ready" in serial.read_text(errors="replace"),
                        timeout=180_000)
        wait_for_serial(serial, "KVMGUI-GUEST: ready", 1)

        same_picture(console, connection, domain, qtbot, run_async)
        assert console.display_size().width() >= 640

        # Through qemu+ssh://: the live XML read over SSH names the socket on "that" host,
        # and the console reaches it through the tunnel's own local socket.
        far = open_libvirt_details(parent, remote, domain)
        qtbot.waitUntil(lambda: far.state is VmState.RUNNING, timeout=60_000)
        far.show_page("console")
        qtbot.waitUntil(lambda: far.console.route is not None, timeout=60_000)
        route = far.console.route
        assert route is not None and route.tunnel is not None
        tunnel = route.tunnel
        assert far.console.address == str(tunnel.socket)
        far_console = far.console.console
        qtbot.waitUntil(lambda: far_console.connection_state == ConnectionState.CONNECTED,
                        timeout=60_000)
        same_picture(far_console, connection, domain, qtbot, run_async)
        far.close()
        qtbot.waitUntil(lambda: not tunnel.running, timeout=30_000)  # ssh ends with it

        assert (run_async(connection.force_off(domain), timeout=60)).ok
        qtbot.waitUntil(lambda: window.state is VmState.STOPPED, timeout=30_000)
        assert page.stack.currentWidget() is page.message_page
        window.close()
    finally:
        run_async(remote.close())
        run_async(connection.close())
