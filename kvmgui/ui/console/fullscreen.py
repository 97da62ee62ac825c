"""The full-screen console's own small tool bar, hidden until the pointer reaches the top edge.

Like virt-manager's and remote-viewer's: in full screen only the guest's screen shows; moving
the pointer to the top of the screen reveals a bar to leave full screen or send a key
combination, which hides again a moment after the pointer leaves it. F11 and Esc also leave
full screen, but only once the console has let go of the keyboard (Ctrl+Alt): while it is
grabbed they belong to the guest.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from kvmgui.ui.console.send_keys import build_send_keys_menu
from kvmgui.ui.console.widget import ConsoleWidget

_SHOW_MS = 2500  # how long the bar stays after entering full screen or after the pointer left
_EDGE_PX = 2  # how close to the top the pointer must come


class FullscreenBar(QFrame):
    """Overlays `host` (the widget that fills the screen in full screen) at its top centre.

    The owner calls set_active(True/False) when full screen starts and ends; leaveRequested
    asks it to leave full screen (the bar's button, F11 or Esc)."""

    leaveRequested = Signal()

    def __init__(self, console: ConsoleWidget, host: QWidget) -> None:
        super().__init__(host)
        self._console = console
        self._host = host
        self._active = False
        self.setObjectName("console-fullscreen-bar")
        self.setAccessibleName(self.tr("Full screen tools"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(4)

        self.leave_action = QAction(self.tr("Leave Full Screen"), host)
        self.leave_action.setObjectName("console-leave-fullscreen")
        self.leave_action.setShortcuts([QKeySequence("F11"), QKeySequence("Esc")])
        self.leave_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.leave_action.setToolTip(self.tr("Show the window's menus and tools again (F11)"))
        self.leave_action.setEnabled(False)  # its keys are the window's only in full screen
        self.leave_action.triggered.connect(self.leaveRequested)
        host.addAction(self.leave_action)

        self.leave_button = QToolButton(self)
        self.leave_button.setDefaultAction(self.leave_action)
        self.leave_button.setAccessibleName(self.leave_action.text())
        layout.addWidget(self.leave_button)

        self.send_keys_menu = build_send_keys_menu(self, console.send_combo)
        self.keys_button = QToolButton(self)
        self.keys_button.setText(self.send_keys_menu.title())
        self.keys_button.setAccessibleName(self.send_keys_menu.title())
        self.keys_button.setMenu(self.send_keys_menu)
        self.keys_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        layout.addWidget(self.keys_button)

        self.hint = QLabel(self)
        layout.addWidget(self.hint)

        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.setInterval(_SHOW_MS)
        self._hide_timer.timeout.connect(self._hide_unless_used)
        self.hide()

    def is_active(self) -> bool:
        return self._active

    def set_active(self, active: bool) -> None:
        self._active = active
        self.leave_action.setEnabled(active)
        # Watch the console and its host only in full screen: an event filter runs Python for
        # every event of the console, 30 paints a second included.
        for watched in (self._console, self._host):
            if active:
                watched.installEventFilter(self)
            else:
                watched.removeEventFilter(self)
        if active:
            self.reveal()  # shown for a moment, so that one learns where it is
        else:
            self._hide_timer.stop()
            self.hide()

    def reveal(self) -> None:
        if not self._active:
            return
        self.hint.setText(self._console.grab_hint_text() if self._console.is_grabbed() else "")
        self.hint.setVisible(self._console.is_grabbed())
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()
        self._hide_timer.start()

    def _place(self) -> None:
        self.move(max((self._host.width() - self.width()) // 2, 0), 0)

    def _hide_unless_used(self) -> None:
        if self.underMouse() or self.send_keys_menu.isVisible():
            self._hide_timer.start()
            return
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._active:
            return False
        if (
            watched is self._console
            and event.type() == QEvent.Type.MouseMove
            and isinstance(event, QMouseEvent)
        ):
            top = self._console.mapTo(self._host, event.position().toPoint()).y()
            if top <= _EDGE_PX and not self.isVisible():
                self.reveal()
        elif watched is self._host and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False
