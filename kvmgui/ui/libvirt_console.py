"""The Console page of a libvirt domain: kvmgui's own console over the domain's VNC display.

Whether it connects is decided from the domain's live XML first
(core.libvirt_domain_view.console_refusal): only to a VNC display's unix socket or its port on
the loopback interface of the domain's host; a display bound to a network address is never
connected to over the network. Where it connects is the runtime's console route
(runtime.libvirt_console): the display itself for a local URI, the local end of an SSH tunnel
for a qemu+ssh:// one (ssh asks its questions through kvmgui-askpass). The route is opened
for the display of the current run and closed with the run or the window. SPICE displays (and
any display, on request) open in virt-viewer, which finds the display through libvirt and
reaches a remote host through the connection's SSH transport.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton, QWidget

from kvmgui.core.libvirt_domain_view import DomainView, console_refusal
from kvmgui.core.remote_console import RemoteConsoleError
from kvmgui.runtime.libvirt_conn import LibvirtConnection
from kvmgui.runtime.libvirt_console import ConsoleRoute, console_route
from kvmgui.runtime.libvirt_errors import LibvirtError
from kvmgui.runtime.ssh_tunnel import SshTunnelError
from kvmgui.runtime.state import VmState
from kvmgui.runtime.viewer import open_libvirt_viewer
from kvmgui.ui.askpass import program as askpass_program
from kvmgui.ui.console import ConsoleToolBar, ConsoleWidget
from kvmgui.ui.console.stack import ConsoleStack
from kvmgui.ui.details_console import display_state
from kvmgui.ui.errors import show_failed
from kvmgui.ui.i18n import core_text, translate

if TYPE_CHECKING:
    from kvmgui.runtime.outcome import Outcome
    from kvmgui.runtime.viewer import ExternalViewer


# A tunnel that lasted this long worked: when it ends, a new one is opened.
TUNNEL_SETTLED_S = 10.0


class LibvirtConsolePage(QWidget):
    start_requested = Signal()  # the Start button of the stopped state (the window starts it)

    def __init__(self, connection: LibvirtConnection, name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.connection = connection
        self.address: str | None = None  # where the console is connected now
        self._state = VmState.STOPPED
        self._view: DomainView | None = None
        self._task: asyncio.Future[Any] | None = None
        # The display (domain id, socket, port) being connected or connected.
        self._display: tuple[object, ...] | None = None
        self.route: ConsoleRoute | None = None  # its route (a tunnel for another host)
        self._watch: asyncio.Future[None] | None = None
        self.stack = ConsoleStack(self)

        self.console = ConsoleWidget()
        self.console.setObjectName("libvirt-console")
        self.console_page = self.stack.console_page
        self.toolbar = ConsoleToolBar(self.console, self.console_page, screenshot_name=name)
        # One window per domain here: no detaching, and full screen is the window's own.
        self.toolbar.dock_action.setVisible(False)
        self.toolbar.fullscreenToggled.connect(self._fullscreen)
        self.viewer_action = QAction(translate("LibvirtConsole", "Open in Viewer"), self.toolbar)
        self.viewer_action.setToolTip(translate(
            "LibvirtConsole", "Open this screen in virt-viewer, in its own window"))
        self.viewer_action.triggered.connect(self.open_viewer)
        self.toolbar.insertAction(self.toolbar.spacer_action, self.viewer_action)
        self.scroll_area = self.stack.add_console(self.console, self.toolbar)

        self.message_page = self.stack.add_message_page()
        self.message_title = self.message_page.title
        self.message = self.message_page.text
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.viewer_button = QPushButton(translate("LibvirtConsole", "&Open in virt-viewer"))
        self.viewer_button.setAccessibleName(translate("LibvirtConsole", "Open in virt-viewer"))
        self.viewer_button.clicked.connect(self.open_viewer)
        self.message_page.add_button(self.viewer_button)
        self.start_button = QPushButton(translate("LibvirtConsole", "&Start"))
        self.start_button.setAccessibleName(translate("LibvirtConsole", "Start"))
        self.start_button.clicked.connect(self.start_requested)
        self.message_page.add_button(self.start_button)
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

    def _show_message(self, title: str, text: str, *, viewer: bool, start: bool = False) -> None:
        self.message_title.setText(title)
        self.message.setText(text)
        self.viewer_button.setVisible(viewer)
        self.start_button.setVisible(start)
        self.stack.setCurrentWidget(self.message_page)

    def _update(self) -> None:
        view, name = self._view, self.name
        if not self._state.is_active:
            self._show_message(
                translate("LibvirtConsole", "{0} is not running.").format(name),
                translate("LibvirtConsole", "Start it to see its screen here."), viewer=False,
                start=True)
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
        refusal = console_refusal(self.connection.uri, vnc)
        if refusal is not None:
            self._show_message(
                translate("LibvirtConsole", "The screen of {0} is not shown here.").format(name),
                core_text(refusal), viewer=True)
            return
        self.stack.setCurrentWidget(self.console_page)
        display = (view.running_id, vnc.socket, vnc.port)
        if display != self._display:
            self._display = display
            self._task = asyncio.ensure_future(self._connect(display))

    async def _connect(self, display: tuple[object, ...]) -> None:
        """Open the route to the display (a tunnel for another host) and connect to it."""
        await self._close_route()
        try:
            route = await console_route(self.connection, self.name, askpass=askpass_program())
        except (SshTunnelError, RemoteConsoleError, LibvirtError) as exc:
            if self._display == display:
                self._display = None
                self._show_message(
                    translate("LibvirtConsole", "The screen of {0} could not be reached.")
                    .format(self.name), core_text(exc.message), viewer=True)
            return
        if self._display != display:  # stopped or restarted meanwhile
            await route.close()
            return
        self.route = route
        if route.tunnel is not None:
            self._watch = asyncio.ensure_future(self._follow(route))
        self.address = route.address
        await self.console.connect_to(route.address)

    async def _follow(self, route: ConsoleRoute) -> None:
        """ssh ended by itself (the network, the host): a tunnel that had worked a while is
        opened again; one that ends at once is reported (and tried again at the next change
        of the domain), so a host that drops every connection is not hammered."""
        assert route.tunnel is not None
        loop = asyncio.get_running_loop()
        opened = loop.time()
        await route.tunnel.wait_closed()
        if self.route is not route:
            return  # closed by us
        self.route = None
        self.address = None
        self._display = None
        await route.close()
        if loop.time() - opened >= TUNNEL_SETTLED_S:
            self._update()
            return
        self.console.disconnect()
        self._show_message(
            translate("LibvirtConsole", "The screen of {0} could not be reached.").format(
                self.name),
            translate("LibvirtConsole", "The SSH connection for the screen ended at once."),
            viewer=True)

    def _forget_route(self) -> None:
        self._display = None
        self.address = None
        if self.route is not None:
            self._task = asyncio.ensure_future(self._close_route())

    async def _close_route(self) -> None:
        route, self.route = self.route, None
        if route is not None:
            await route.close()

    # -- actions ----------------------------------------------------------------------------

    def open_viewer(self) -> None:
        self._task = asyncio.ensure_future(self.open_in_viewer())

    async def open_in_viewer(self) -> Outcome[ExternalViewer]:
        self.viewer_button.setEnabled(False)
        try:
            outcome = await open_libvirt_viewer(self.connection.uri, self.name)
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
