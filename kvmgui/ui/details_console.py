"""The VM window's Console page: the console helper's ConsoleWidget, embedded, detachable.

It follows the VM's state (paused overlay, "stopped" message) and its display address (from
the runtime's ConsoleAvailable notices, or the VM's own VNC socket). SPICE displays are not
drawn in kvmgui (no Qt SPICE widget exists): the page says so and offers remote-viewer.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core.model import DisplayKind, VmSpec
from kvmgui.runtime.state import VmState
from kvmgui.ui.console import ConsoleToolBar, ConsoleWidget, ConsoleWindow, VmDisplayState
from kvmgui.ui.context import AppContext
from kvmgui.ui.errors import show_error, show_info
from kvmgui.ui.i18n import translate

log = logging.getLogger(__name__)


def vnc_address(uri: str | None) -> str | None:
    """A console address from the runtime's display URI (vnc+unix:///p, vnc://h:p, a path)."""
    if not uri:
        return None
    if uri.startswith("vnc+unix://"):
        return "unix:" + uri.removeprefix("vnc+unix://")
    if uri.startswith("vnc://"):
        return uri.removeprefix("vnc://").rstrip("/")
    if uri.startswith("spice"):
        return None
    return uri


def display_state(state: VmState) -> VmDisplayState:
    if state is VmState.PAUSED:
        return VmDisplayState.PAUSED
    if state in (VmState.RUNNING, VmState.STARTING, VmState.SHUTTING_DOWN):
        return VmDisplayState.RUNNING
    return VmDisplayState.STOPPED


class ConsolePage(QWidget):
    detached_changed = Signal(int)  # 1 detached, 0 attached (no bools: see bridge.py)

    def __init__(self, ctx: AppContext, spec: VmSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.spec = spec
        self.window_: ConsoleWindow | None = None
        self._address: str | None = None
        self._task: asyncio.Task[Any] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack)

        self.console = ConsoleWidget()
        self.console.setObjectName("vm-console")
        self.console_page = QWidget(self.stack)
        v = QVBoxLayout(self.console_page)
        v.setContentsMargins(0, 0, 0, 0)
        self.toolbar = ConsoleToolBar(
            self.console, self.console_page, detached=False, screenshot_name=spec.name
        )
        self.toolbar.detachRequested.connect(self.detach)
        self.toolbar.fullscreenToggled.connect(self._fullscreen)
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
        self.message = QLabel(self.message_page)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        m.addWidget(self.message)
        self.message_button = QPushButton(self.message_page)
        self.message_button.clicked.connect(self._message_action)
        self.message_button.hide()
        m.addWidget(self.message_button, 0, Qt.AlignmentFlag.AlignHCenter)
        m.addStretch(2)
        self.stack.addWidget(self.message_page)
        self._state = VmState.STOPPED
        self._update_view()

    # -- state ------------------------------------------------------------------------------

    @property
    def is_vnc(self) -> bool:
        return self.spec.display.kind is DisplayKind.VNC

    def default_address(self) -> str:
        return "unix:" + str(self.ctx.paths.vm_runtime(self.spec.id).vnc_socket)

    def set_spec(self, spec: VmSpec) -> None:
        self.spec = spec
        self._update_view()

    def set_state(self, state: VmState) -> None:
        self._state = state
        self.console.set_vm_state(display_state(state))
        if state.is_active and self.is_vnc and self._address is None:
            self.set_address(self.default_address())
        if not state.is_active:
            self._address = None
        self._update_view()

    def set_address(self, uri: str | None) -> None:
        address = vnc_address(uri) if uri else None
        if address is None or address == self._address or not self.is_vnc:
            return
        self._address = address
        self._task = asyncio.ensure_future(self.console.connect_to(address))

    def _update_view(self) -> None:
        if self.window_ is not None:
            self.message.setText(translate("ConsolePage", "The console is in its own window."))
            self.message_button.setText(translate("ConsolePage", "&Bring it back here"))
            self.message_button.show()
            self.stack.setCurrentWidget(self.message_page)
            return
        if not self.is_vnc:
            if self.spec.display.kind is DisplayKind.SPICE:
                self.message.setText(
                    translate(
                        "ConsolePage",
                        "This virtual machine uses a SPICE screen, which opens in remote-viewer.",
                    )
                )
                self.message_button.setText(translate("ConsolePage", "&Open in remote-viewer"))
                self.message_button.setVisible(self._state.is_active)
            else:
                self.message.setText(
                    translate("ConsolePage", "This virtual machine has no screen.")
                )
                self.message_button.hide()
            self.stack.setCurrentWidget(self.message_page)
            return
        self.message_button.hide()
        self.stack.setCurrentWidget(self.console_page)

    def _message_action(self) -> None:
        if self.window_ is not None:
            self.attach()
            return
        self._task = asyncio.ensure_future(self._open_spice())

    async def _open_spice(self) -> None:
        controller = self.ctx.controller(self.spec.id)
        opener = getattr(controller, "open_viewer", None)
        socket = self.ctx.paths.vm_runtime(self.spec.id).spice_socket
        if opener is None:
            # Starting programs belongs to the runtime, which has no viewer launcher yet:
            # give the exact command instead.
            show_info(
                self,
                translate("ConsolePage", "Open the screen with remote-viewer."),
                informative=translate(
                    "ConsolePage",
                    "Run this command (it is under Details, ready to "
                    "copy): remote-viewer spice+unix://{0}",
                ).format(socket),
                details=f"remote-viewer spice+unix://{socket}",
            )
            return
        outcome = await opener()
        if not outcome.ok:
            show_error(
                self,
                translate("ConsolePage", "remote-viewer could not be started."),
                informative=outcome.message,
                details=outcome.details,
            )

    # -- detaching --------------------------------------------------------------------------

    def detach(self) -> ConsoleWindow:
        if self.window_ is not None:
            self.window_.raise_()
            return self.window_
        self.console.release_grab()
        self.scroll_area.takeWidget()
        window = ConsoleWindow(self.console, vm_name=self.spec.name)
        window.setObjectName("detached-console")
        window.attachRequested.connect(self.attach)
        self.window_ = window
        window.show()
        self._update_view()
        self.detached_changed.emit(1)
        return window

    def attach(self) -> None:
        window, self.window_ = self.window_, None
        if window is None:
            return
        console = window.take_console()
        self.scroll_area.setWidget(console)
        window.attachRequested.disconnect(self.attach)
        window.close()
        window.deleteLater()
        self._update_view()
        self.detached_changed.emit(0)
        console.setFocus()

    def _fullscreen(self, on: bool) -> None:
        top = self.window()
        if on:
            top.showFullScreen()
        else:
            top.showNormal()

    def close_console(self) -> None:
        if self.window_ is not None:
            self.attach()
        self.console.disconnect()

    def screenshot_path(self) -> Path:
        return self.toolbar.default_screenshot_path()
