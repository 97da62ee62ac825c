"""The "no hardware acceleration" banner and the first-run empty state of the main window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kvmgui.ui.i18n import core_text, translate
from kvmgui.ui.icons import app_icon, icon
from kvmgui.ui.widgets import DetailsToggle

if TYPE_CHECKING:
    from kvmgui.core.hostcheck import HostReport


class Banner(QFrame):
    """A coloured strip with an icon, a sentence (and what to do), an action button and a close
    button; technical details, when there are any, stay behind a Details button."""

    action_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Banner")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#fff3cd"))
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#4a3500"))
        self.setPalette(palette)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        self.pic = QLabel(self)
        self.pic.setPixmap(icon("status-warning").pixmap(24, 24))
        self.pic.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.pic)
        column = QVBoxLayout()
        column.setSpacing(2)
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        column.addWidget(self.text)
        self.details = DetailsToggle(translate("MainWindow", "this message"), self)
        column.addWidget(self.details)
        layout.addLayout(column, 1)
        self.button = QPushButton(self)
        self.button.clicked.connect(self.action_clicked)
        # At the top, so it stays put when the details unfold.
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(translate("MainWindow", "Hide this message"))
        self.close_button.setAccessibleName(translate("MainWindow", "Hide this message"))
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(self, text: str, button: str, details: str = "") -> None:
        self.text.setText(text)
        self.details.set_details(details)
        self.button.setText(button)
        self.button.setAccessibleName(button.replace("&", ""))
        self.setAccessibleName(text)
        self.show()


def kvm_banner_text(report: HostReport) -> tuple[str, str]:
    """(what the banner says, its details) when this computer cannot use KVM.

    The host check's accelerator finding, in the same order: the plain sentence, what to do,
    and the technical reason (TCG, kvm_pvm, vmx/svm) only under Details.
    """
    finding = next((f for f in report.findings if f.key == "accel"), None)
    if finding is None:
        return core_text(report.facts.kvm_reason), ""
    text = core_text(finding.message)
    if finding.fix:
        text += "\n" + translate("MainWindow", "What to do: {0}").format(core_text(finding.fix))
    return text, core_text(finding.details)


class EmptyState(QWidget):
    """What a first start shows instead of an empty list: the two things people come for."""

    create_clicked = Signal()
    usb_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EmptyState")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        box = QVBoxLayout()
        box.setSpacing(12)
        pic = QLabel(self)
        pic.setPixmap(app_icon().pixmap(96, 96))
        pic.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(pic)
        title = QLabel(translate("MainWindow", "No virtual machines yet"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(title)
        text = QLabel(
            translate(
                "MainWindow",
                "A virtual machine is a computer inside your computer: try a "
                "Linux ISO, run an old system, or check that a USB stick "
                "boots — without touching your own system.",
            ),
            self,
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setMinimumWidth(420)
        text.setMaximumWidth(560)
        # Centred with stretches, not with an alignment flag: a flag would make the layout
        # ignore the label's height-for-width and clip the wrapped text.
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(text, 2)
        centred.addStretch(1)
        box.addLayout(centred)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.create_button = QPushButton(
            icon("new"), translate("MainWindow", "&Create a virtual machine"), self
        )
        self.usb_button = QPushButton(
            icon("usb"), translate("MainWindow", "&Test a USB stick"), self
        )
        for b in (self.create_button, self.usb_button):
            b.setIconSize(QSize(24, 24))
            b.setMinimumHeight(44)
            b.setMinimumWidth(220)
            b.setAccessibleName(b.text().replace("&", ""))
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_clicked)
        self.usb_button.clicked.connect(self.usb_clicked)
        self.usb_button.setToolTip(
            translate(
                "MainWindow",
                "Boot a USB stick in a virtual machine; the stick "
                "is protected, nothing on it is changed.",
            )
        )
        box.addLayout(buttons)
        outer.addLayout(box)
        outer.addStretch(2)
