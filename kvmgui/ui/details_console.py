"""The VM window's Console page: the console helper's ConsoleWidget, embedded, detachable.

It follows the VM's state (paused overlay, "stopped" message) and its display address (from
the runtime's ConsoleAvailable notices, or the VM's own VNC socket). SPICE displays are not
drawn in kvmgui (no Qt SPICE widget exists): the page says so and offers remote-viewer.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QPushButton, QWidget

from kvmgui.core.model import DisplayKind, KeyboardLayout, VmSpec
from kvmgui.core.store import StoreError
from kvmgui.runtime.display_auth import read_password
from kvmgui.runtime.outcome import Outcome
from kvmgui.runtime.runfiles import read_meta
from kvmgui.runtime.state import VmState
from kvmgui.runtime.viewer import open_external_viewer
from kvmgui.runtime.write_guard import WriteGuard
from kvmgui.ui.console import ConsoleToolBar, ConsoleWidget, ConsoleWindow, VmDisplayState
from kvmgui.ui.console.fullscreen import FullscreenBar
from kvmgui.ui.console.paste_keys import KeystrokePaster, Progress
from kvmgui.ui.console.stack import ConsoleStack
from kvmgui.ui.context import AppContext
from kvmgui.ui.errors import show_error, show_failed
from kvmgui.ui.i18n import core_text, translate

if TYPE_CHECKING:
    from kvmgui.runtime.viewer import ExternalViewer

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
    start_requested = Signal()  # the "Start" button of the stopped state (the owner starts it)
    # 1 entering full screen, 0 leaving: the window hides or shows its own menus and bars.
    fullscreen_changed = Signal(int)
    spec_saved = Signal(object)  # the StoredVm, after the tool bar changed clipboard sharing

    def __init__(self, ctx: AppContext, spec: VmSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.spec = spec
        self.window_: ConsoleWindow | None = None
        self._fullscreen_on = False
        self._was_maximized = False
        self._address: str | None = None
        self._task: asyncio.Task[object] | None = None
        self.last_status = ""  # the last status bar message (tests read it)
        self.stack = ConsoleStack(self)

        self.console = ConsoleWidget()
        self.console.setObjectName("vm-console")
        self.console.set_clipboard_sharing(spec.clipboard)
        self.console.clipboardSharingChanged.connect(self._clipboard_toggled)
        self.console_page = self.stack.console_page
        self.paster = KeystrokePaster(self, self._type_text, self._keyboard_layout)
        self.toolbar = ConsoleToolBar(
            self.console, self.console_page, detached=False, screenshot_name=spec.name,
            write_guard=self.write_guard(), paster=self.paster,
        )
        self.toolbar.detachRequested.connect(self.detach)
        self.toolbar.fullscreenToggled.connect(self._fullscreen)
        self.viewer_action = QAction(translate("ConsolePage", "Open in Viewer"), self.toolbar)
        self.viewer_action.triggered.connect(self._open_viewer)
        self.toolbar.insertAction(self.toolbar.spacer_action, self.viewer_action)
        self.viewer_action.setToolTip(
            translate("ConsolePage", "Open this screen in remote-viewer, in its own window")
        )
        self.scroll_area = self.stack.add_console(self.console, self.toolbar)
        self.fullscreen_bar = FullscreenBar(self.console, self.console_page)
        # Full screen hides the tool bar: its Send Key menu offers Paste as Keystrokes too.
        self.fullscreen_bar.send_keys_menu.addSeparator()
        self.fullscreen_bar.send_keys_menu.addAction(self.toolbar.paste_keys_action)
        self.fullscreen_bar.leaveRequested.connect(lambda: self.set_fullscreen(False))

        self.message_page = self.stack.add_message_page()
        self.message_title = self.message_page.title
        self.message = self.message_page.text
        self.message_button = QPushButton(self.message_page)
        self.message_button.clicked.connect(self._message_action)
        self.message_button.hide()
        self.message_page.add_button(self.message_button)
        self.raise_button = QPushButton(translate("ConsolePage", "S&how its window"))
        self.raise_button.setAccessibleName(translate("ConsolePage", "Show its window"))
        self.raise_button.setToolTip(
            translate("ConsolePage", "Bring the console's own window to the front")
        )
        self.raise_button.clicked.connect(self.raise_window)
        self.raise_button.hide()
        self.message_page.add_button(self.raise_button)
        self._state = VmState.STOPPED
        self._mode = ""
        self._update_view()

    # -- state ------------------------------------------------------------------------------

    @property
    def is_vnc(self) -> bool:
        return self.spec.display.kind is DisplayKind.VNC

    def default_address(self) -> str:
        return "unix:" + str(self.ctx.paths.vm_runtime(self.spec.id).vnc_socket)

    def set_spec(self, spec: VmSpec) -> None:
        self.spec = spec
        self.console.set_clipboard_sharing(spec.clipboard)
        self._update_view()

    def _clipboard_toggled(self, on: bool) -> None:
        """The tool bar's switch: remember it in the VM's definition, as the Hardware page
        would."""
        if on == self.spec.clipboard:
            return
        try:
            stored = self.ctx.store.get(self.spec.id)
            stored = self.ctx.store.save(replace(stored, spec=replace(stored.spec, clipboard=on)))
        except StoreError as exc:
            self.console.set_clipboard_sharing(self.spec.clipboard)
            show_error(
                self,
                translate("ConsolePage", "Clipboard sharing could not be saved."),
                informative=str(exc),
            )
            return
        self.spec = stored.spec
        self.spec_saved.emit(stored)
        if on and self._state.is_active and not self.running_with_agent():
            self.status_message(
                translate(
                    "ConsolePage",
                    "Clipboard sharing is on. The guest gets it at the VM's next start: it was "
                    "started without the agent's port.",
                )
            )

    def running_with_agent(self) -> bool:
        """Whether the running QEMU has the guest agent port that carries the clipboard."""
        meta = read_meta(self.ctx.paths.vm_runtime(self.spec.id))
        return meta is not None and any("vdagent" in arg for arg in meta.argv)

    def status_message(self, text: str) -> None:
        self.last_status = text
        top = self.window()
        if isinstance(top, QMainWindow):
            top.statusBar().showMessage(text, 10000)

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
        # A VM with a display password gets a new one at each start (runtime.display_auth).
        password = read_password(self.ctx.paths.vm_runtime(self.spec.id))
        if password is None and self.spec.display.password:
            return  # not set yet (the VM is starting): set_state(RUNNING) comes back here
        self._address = address
        self._task = asyncio.ensure_future(self.console.connect_to(address, password=password))

    def _show_message(self, mode: str, title: str, text: str, button: str = "") -> None:
        self._mode = mode
        self.message_title.setText(title)
        self.message.setText(core_text(text))
        self.message_button.setText(button)
        self.message_button.setAccessibleName(button.replace("&", ""))
        self.message_button.setVisible(bool(button))
        self.raise_button.setVisible(mode == "attach")
        self.stack.setCurrentWidget(self.message_page)

    def _update_view(self) -> None:
        name = self.spec.name
        self.viewer_action.setVisible(self.is_vnc)
        if self.window_ is not None:
            self._show_message(
                "attach",
                translate("ConsolePage", "The console is in its own window."),
                translate(
                    "ConsolePage",
                    "Use it there, show its window, or bring the console back into this one.",
                ),
                translate("ConsolePage", "&Bring it back here"),
            )
            return
        if not self._state.is_active:
            self._show_message(
                "start",
                translate("ConsolePage", "{0} is not running.").format(name),
                translate("ConsolePage", "Start it to see its screen here."),
                translate("ConsolePage", "&Start"),
            )
            return
        if self.spec.display.kind is DisplayKind.SPICE:
            self._show_message(
                "open-display",
                translate("ConsolePage", "{0} shows its screen over SPICE.").format(name),
                translate(
                    "ConsolePage",
                    "kvmgui cannot draw SPICE screens itself; they open in remote-viewer, "
                    "a separate window that also passes USB devices and, when the VM shares it, "
                    "the clipboard.",
                ),
                translate("ConsolePage", "&Open display"),
            )
            return
        if self.spec.display.kind is DisplayKind.NONE:
            self._show_message(
                "",
                translate("ConsolePage", "{0} has no screen.").format(name),
                translate(
                    "ConsolePage",
                    "Its display is set to none. To see one, choose VNC or SPICE under "
                    "Details › Hardware; it takes effect at the next start.",
                ),
            )
            return
        self._mode = ""
        self.message_button.hide()
        self.raise_button.hide()
        self.stack.setCurrentWidget(self.console_page)

    def _message_action(self) -> None:
        if self._mode == "attach":
            self.attach()
        elif self._mode == "start":
            self.start_requested.emit()
        elif self._mode == "open-display":
            self._open_viewer()

    def _open_viewer(self) -> None:
        self._task = asyncio.ensure_future(self.open_viewer())

    async def open_viewer(self) -> Outcome[ExternalViewer] | None:
        """Open the VM's display in remote-viewer (through the runtime); failures are shown."""
        controller = self.ctx.controller(self.spec.id)
        if controller is None:
            show_error(self, translate("ConsolePage", "kvmgui's runtime is not running."))
            return None
        self.message_button.setEnabled(False)
        try:
            outcome = await open_external_viewer(controller, self.spec.name)
        finally:
            self.message_button.setEnabled(True)
        if not outcome.ok:
            failed = translate("ConsolePage", "The display could not be opened in a viewer.")
            show_failed(self, failed, outcome)
        return outcome

    async def _type_text(self, text: str, progress: Progress) -> Outcome[int]:
        """Paste as Keystrokes: the runtime types the text over the VM's monitor."""
        controller = self.ctx.controller(self.spec.id)
        if controller is None:
            return Outcome.failure(translate("ConsolePage", "kvmgui's runtime is not running."))
        return await controller.type_text(text, progress=progress)

    def _keyboard_layout(self) -> KeyboardLayout:
        controller = self.ctx.controller(self.spec.id)
        return (controller.spec if controller is not None else self.spec).keyboard_layout

    # -- detaching --------------------------------------------------------------------------

    def detach(self) -> ConsoleWindow:
        if self.window_ is not None:
            self.raise_window()
            return self.window_
        self.set_fullscreen(False)
        self.console.release_grab()
        self.scroll_area.takeWidget()
        # Parented (QMainWindow stays a top-level window): Qt owns it, so it is deleted by
        # deleteLater on the event loop, never by the garbage collector at a random moment.
        window = ConsoleWindow(self.console, vm_name=self.spec.name, parent=self,
                               write_guard=self.write_guard(), paster=self.paster)
        window.setObjectName("detached-console")
        window.attachRequested.connect(self.attach)
        self.window_ = window
        window.show()
        self._update_view()
        self.detached_changed.emit(1)
        return window

    def raise_window(self) -> None:
        """Bring the detached console's window to the front (and the keyboard to it)."""
        window = self.window_
        if window is None:
            return
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()

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
        console.take_keyboard()

    def is_fullscreen(self) -> bool:
        return self._fullscreen_on

    def set_fullscreen(self, on: bool) -> None:
        """Only the guest's screen: this page's tool bar goes, the window hides its own bars
        (fullscreen_changed), and the FullscreenBar waits at the top edge."""
        if on == self._fullscreen_on:
            return
        self._fullscreen_on = on
        top = self.window()
        if on:
            self._was_maximized = top.isMaximized()
            self.toolbar.hide()
            self.fullscreen_changed.emit(1)
            top.showFullScreen()
        else:
            self.fullscreen_changed.emit(0)
            if self._was_maximized:
                top.showMaximized()
            else:
                top.showNormal()
            self.toolbar.show()
        self.fullscreen_bar.set_active(on)
        if self.toolbar.fullscreen_action.isChecked() != on:
            self.toolbar.fullscreen_action.setChecked(on)
        # Entering full screen means using the guest; leaving it after Ctrl+Alt must not
        # take the keyboard back.
        if on and self.stack.currentWidget() is self.console_page:
            self.console.take_keyboard()

    def _fullscreen(self, on: bool) -> None:
        self.set_fullscreen(on)

    def close_console(self) -> None:
        self.set_fullscreen(False)
        if self.window_ is not None:
            self.attach()
        self.console.disconnect()

    def write_guard(self) -> WriteGuard:
        """A screenshot never replaces any VM's disk or other file a VM needs."""
        return WriteGuard.for_store(self.ctx.store, self.ctx.paths,
                                    qemu_img=self.ctx.settings.qemu_img_binary)

    def screenshot_path(self) -> Path:
        return self.toolbar.default_screenshot_path()
