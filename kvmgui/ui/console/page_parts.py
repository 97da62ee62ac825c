"""Parts of a page that embeds a console: the scroll area that holds it on black, and the
page of a title and a sentence (with buttons) shown instead while there is no screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from kvmgui.ui.console.widget import ConsoleWidget
from kvmgui.ui.widgets import heading_label


def console_scroll_area(console: ConsoleWidget, parent: QWidget) -> QScrollArea:
    """`console` centred on black, scrolled when shown 1:1 and larger than the page."""
    area = QScrollArea(parent)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setAlignment(Qt.AlignmentFlag.AlignCenter)
    palette = area.palette()
    palette.setColor(QPalette.ColorRole.Window, Qt.GlobalColor.black)
    area.setPalette(palette)
    area.setWidget(console)
    return area


class MessagePage(QWidget):
    """A large title and a sentence, centred, with buttons under them (add_button)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.addStretch(1)
        self.title = heading_label("", self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.title.setFont(font)
        self._layout.addWidget(self.title)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self.text)
        self._layout.addStretch(2)

    def add_button(self, button: QPushButton) -> None:
        """Under the sentence (and the buttons added before), centred."""
        self._layout.insertWidget(
            self._layout.count() - 1, button, 0, Qt.AlignmentFlag.AlignHCenter
        )
