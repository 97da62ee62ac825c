"""ConsoleWindow: a detached console in its own window, with the console tool bar."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QPalette
from PySide6.QtWidgets import QFrame, QMainWindow, QScrollArea, QWidget

from kvmgui.runtime.write_guard import WriteGuard
from kvmgui.ui.console.fullscreen import FullscreenBar
from kvmgui.ui.console.paste_keys import KeystrokePaster
from kvmgui.ui.console.toolbar import ConsoleToolBar
from kvmgui.ui.console.widget import ConsoleWidget


class ConsoleWindow(QMainWindow):
    """Shows a ConsoleWidget (created here, or an embedded one being detached).

    attachRequested: the user wants the console back in the main window (the tool bar's
    action, or closing this window). The owner calls take_console() and closes the window.
    """

    attachRequested = Signal()

    def __init__(
        self,
        console: ConsoleWidget | None = None,
        *,
        vm_name: str = "",
        parent: QWidget | None = None,
        write_guard: WriteGuard | None = None,
        paster: KeystrokePaster | None = None,
    ) -> None:
        super().__init__(parent)
        self.console = console if console is not None else ConsoleWidget()
        self._vm_name = vm_name
        self._attaching = False
        self._was_maximized = False

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidgetResizable(True)  # fit mode fills it; 1:1 mode scrolls
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        palette = self.scroll_area.palette()
        palette.setColor(QPalette.ColorRole.Window, Qt.GlobalColor.black)
        self.scroll_area.setPalette(palette)
        self.scroll_area.setWidget(self.console)
        self.setCentralWidget(self.scroll_area)

        self.toolbar = ConsoleToolBar(
            self.console, self, detached=True, screenshot_name=vm_name or "screenshot",
            write_guard=write_guard, paster=paster,
        )
        self.addToolBar(self.toolbar)
        self.toolbar.fullscreenToggled.connect(self.set_fullscreen)
        self.toolbar.attachRequested.connect(self._request_attach)
        self.fullscreen_bar = FullscreenBar(self.console, self)
        if paster is not None:  # full screen hides the tool bar: its Send Key menu has it too
            self.fullscreen_bar.send_keys_menu.addSeparator()
            self.fullscreen_bar.send_keys_menu.addAction(self.toolbar.paste_keys_action)
        self.fullscreen_bar.leaveRequested.connect(lambda: self.set_fullscreen(False))

        self.console.grabChanged.connect(self._show_grab)
        self.console.connectionStateChanged.connect(self._update_title)
        self._update_title()
        self.statusBar().setAccessibleName(self.tr("Console status"))
        self.resize(800, 520)
        self.console.setFocus()

    def _update_title(self, *_: object) -> None:
        name = self._vm_name or self.tr("Virtual machine")
        title = self.tr("%1 — Console").replace("%1", name)
        if self.console.is_grabbed():
            title = self.tr("%1 (press Ctrl+Alt to release)").replace("%1", title)
        self.setWindowTitle(title)

    def _show_grab(self, grabbed: bool) -> None:
        if grabbed:
            self.statusBar().showMessage(self.console.grab_hint_text())
        else:
            self.statusBar().clearMessage()
        self._update_title()

    def set_fullscreen(self, on: bool) -> None:
        """Full screen shows only the guest's screen; the FullscreenBar leaves it."""
        if on == self.isFullScreen():
            return
        if on:
            self._was_maximized = self.isMaximized()
            self.toolbar.hide()
            self.statusBar().hide()
            self.showFullScreen()
        else:
            if self._was_maximized:
                self.showMaximized()
            else:
                self.showNormal()
            self.toolbar.show()
            self.statusBar().show()
        self.fullscreen_bar.set_active(on)
        if self.toolbar.fullscreen_action.isChecked() != on:
            self.toolbar.fullscreen_action.setChecked(on)
        if on:  # leaving after Ctrl+Alt must not take the keyboard back
            self.console.take_keyboard()

    def take_console(self) -> ConsoleWidget:
        """Remove the console from this window (to re-embed it elsewhere), keeping its
        connection."""
        self.set_fullscreen(False)
        self.console.release_grab()
        self.scroll_area.takeWidget()
        return self.console

    def _request_attach(self) -> None:
        self._attaching = True
        self.attachRequested.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing a detached console means "put it back", not "lose the connection".
        self.console.release_grab()
        if not self._attaching and self.scroll_area.widget() is self.console:
            self._attaching = True
            self.attachRequested.emit()
        super().closeEvent(event)
