"""The Console page of a libvirt domain: kvmgui's own console over the domain's VNC display.

Where it connects comes from the domain's live XML (core.libvirt_domain_view.console_route):
the display's unix socket or its port on the loopback interface of the domain's host. For a
local URI the console connects to it directly; for a qemu+ssh:// one through an SSH tunnel
(runtime.ssh_tunnel: a local unix socket, in a private folder, that ssh forwards to the display
on the remote host). A display bound to a network address is never connected to over the
network. SPICE displays (and any display, on request) open in virt-viewer, which finds the
display through libvirt and reaches a remote host through the connection's SSH transport.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core.libvirt_domain_view import ConsoleRoute, DomainView, console_route
from kvmgui.core.messages import Message
from kvmgui.core.remote_console import RemoteConsoleError, RemoteDisplay
from kvmgui.runtime.rfb.address import TcpAddress, UnixAddress, VncAddress
from kvmgui.runtime.ssh_tunnel import SshTunnel, SshTunnelError
from kvmgui.runtime.state import VmState
from kvmgui.runtime.viewer import open_libvirt_viewer
from kvmgui.ui.console import ConsoleToolBar, ConsoleWidget
from kvmgui.ui.details_console import display_state
from kvmgui.ui.errors import show_failed
from kvmgui.ui.i18n import core_text, translate

if TYPE_CHECKING:
    from kvmgui.runtime.outcome import Outcome
    from kvmgui.runtime.viewer import ExternalViewer


def local_address(route: ConsoleRoute) -> VncAddress:
    """The address of a route to a display of this computer."""
    if route.socket:
        return UnixAddress(Path(route.socket))
    assert route.port is not None
    return TcpAddress("127.0.0.1", route.port)


def remote_display(route: ConsoleRoute) -> RemoteDisplay:
    """What the SSH tunnel forwards to on the remote host: the display's socket, or its port
    on that host's loopback (console_route never routes to a network address)."""
    return RemoteDisplay(socket=route.socket or None, port=route.port)


class LibvirtConsolePage(QWidget):
    def __init__(self, uri: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uri = uri
        self.name = name
        self.address: VncAddress | None = None  # where the console is connected now
        self._state = VmState.STOPPED
        self._view: DomainView | None = None
        self._task: asyncio.Future[Any] | None = None
        self._route: ConsoleRoute | None = None  # the route being connected or connected
        self.tunnel: SshTunnel | None = None  # for a display of another host
        self._watch: asyncio.Future[None] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack)

        self.console = ConsoleWidget()
        self.console.setObjectName("libvirt-console")
        self.console_page = QWidget(self.stack)
        v = QVBoxLayout(self.console_page)
        v.setContentsMargins(0, 0, 0, 0)
        self.toolbar = ConsoleToolBar(self.console, self.console_page, screenshot_name=name)
        # One window per domain here: no detaching, and full screen is the window's own.
        self.toolbar.dock_action.setVisible(False)
        self.toolbar.fullscreenToggled.connect(self._fullscreen)
        self.viewer_action = QAction(translate("LibvirtConsole", "Open in Viewer"), self.toolbar)
        self.viewer_action.setToolTip(translate(
            "LibvirtConsole", "Open this screen in virt-viewer, in its own window"))
        self.viewer_action.triggered.connect(self.open_viewer)
        self.toolbar.insertAction(self.toolbar.spacer_action, self.viewer_action)
        v.addWidget(self.toolbar)
        self.scroll_area = QScrollArea(self.console_page)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        palette = self.scroll_area.palette()
        palette.setColor(QPalette.ColorRole.Window, Qt.GlobalColor.black)
        self.scroll_area.setPalette(palette)
        self.scroll_area.setWidget(self.console)
        v.addWidget(self.scroll_area, 1)
        self.stack.addWidget(self.console_page)

        self.message_page = QWidget(self.stack)
        m = QVBoxLayout(self.message_page)
        m.addStretch(1)
        self.message_title = QLabel(self.message_page)
        self.message_title.setWordWrap(True)
        self.message_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.message_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.message_title.setFont(font)
        m.addWidget(self.message_title)
        self.message = QLabel(self.message_page)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        m.addWidget(self.message)
        self.viewer_button = QPushButton(translate("LibvirtConsole", "&Open in virt-viewer"))
        self.viewer_button.setAccessibleName(translate("LibvirtConsole", "Open in virt-viewer"))
        self.viewer_button.clicked.connect(self.open_viewer)
        m.addWidget(self.viewer_button, 0, Qt.AlignmentFlag.AlignHCenter)
        m.addStretch(2)
        self.stack.addWidget(self.message_page)
        self._update()

    # -- what is shown ----------------------------------------------------------------------

    def set_state(self, state: VmState) -> None:
        self._state = state
        self.console.set_vm_state(display_state(state))
        if not state.is_active:
            self._forget_route()
        self._update()

    def set_view(self, view: DomainView) -> None:
        """The domain's (live) description: where its display listens now."""
        self._view = view
        self._update()

    def _show_message(self, title: str, text: str, *, viewer: bool) -> None:
        self.message_title.setText(title)
        self.message.setText(text)
        self.viewer_button.setVisible(viewer)
        self.stack.setCurrentWidget(self.message_page)

    def _update(self) -> None:
        view, name = self._view, self.name
        if not self._state.is_active:
            self._show_message(
                translate("LibvirtConsole", "{0} is not running.").format(name),
                translate("LibvirtConsole", "Start it to see its screen here."), viewer=False)
            return
        if view is None:
            self._show_message(translate("LibvirtConsole", "Reading {0}…").format(name), "",
                               viewer=False)
            return
        vnc = next((g for g in view.graphics if g.kind == "vnc"), None)
        if vnc is None:
            if view.graphics:
                self._show_message(
                    translate("LibvirtConsole", "{0} shows its screen over {1}.").format(
                        name, view.graphics[0].kind.upper()),
                    translate(
                        "LibvirtConsole",
                        "kvmgui draws VNC screens only; this one opens in virt-viewer, a "
                        "separate window."), viewer=True)
            else:
                self._show_message(
                    translate("LibvirtConsole", "{0} has no screen.").format(name),
                    translate("LibvirtConsole",
                              "Its description has no graphical display."), viewer=False)
            return
        route = console_route(self.uri, vnc)
        if isinstance(route, Message):
            self._show_message(
                translate("LibvirtConsole", "The screen of {0} is not shown here.").format(name),
                core_text(route), viewer=True)
            return
        self.stack.setCurrentWidget(self.console_page)
        if route != self._route:
            self._route = route
            self._task = asyncio.ensure_future(self._connect(route))

    async def _connect(self, route: ConsoleRoute) -> None:
        """Connect the console along `route`: directly, or through a new SSH tunnel."""
        await self._close_tunnel()
        if not route.remote_host:
            address: VncAddress = local_address(route)
        else:
            try:
                tunnel = await SshTunnel.open(self.uri, remote_display(route))
            except (SshTunnelError, RemoteConsoleError) as exc:
                if self._route == route:
                    self._route = None
                    self._show_message(
                        translate("LibvirtConsole", "The screen of {0} could not be reached.")
                        .format(self.name), core_text(exc.message), viewer=True)
                return
            if self._route != route:  # stopped or moved on meanwhile
                await tunnel.close()
                return
            self.tunnel = tunnel
            self._watch = asyncio.ensure_future(self._follow(tunnel))
            address = UnixAddress(tunnel.socket)
        self.address = address
        await self.console.connect_to(address)

    async def _follow(self, tunnel: SshTunnel) -> None:
        """ssh ended by itself (the network, the host): open a new tunnel once."""
        await tunnel.wait_closed()
        if self.tunnel is tunnel:
            self.tunnel = None
            self._route = None
            self.address = None
            await tunnel.close()
            self._update()

    def _forget_route(self) -> None:
        self._route = None
        self.address = None
        if self.tunnel is not None:
            self._task = asyncio.ensure_future(self._close_tunnel())

    async def _close_tunnel(self) -> None:
        tunnel, self.tunnel = self.tunnel, None
        if tunnel is not None:
            await tunnel.close()

    # -- actions ----------------------------------------------------------------------------

    def open_viewer(self) -> None:
        self._task = asyncio.ensure_future(self.open_in_viewer())

    async def open_in_viewer(self) -> Outcome[ExternalViewer]:
        self.viewer_button.setEnabled(False)
        try:
            outcome = await open_libvirt_viewer(self.uri, self.name)
        finally:
            self.viewer_button.setEnabled(True)
        if not outcome.ok:
            show_failed(self, translate(
                "LibvirtConsole", "The display could not be opened in a viewer."), outcome)
        return outcome

    def _fullscreen(self, on: bool) -> None:
        top = self.window()
        if on:
            self.toolbar.hide()
            top.showFullScreen()
            self.console.take_keyboard()
        else:
            top.showNormal()
            self.toolbar.show()

    def close_console(self) -> None:
        """The window closes: the session, and the tunnel if there is one, end."""
        self.console.disconnect()
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._forget_route()
