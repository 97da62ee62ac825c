"""Help › About kvmgui: the app's version, QEMU's version, the licence, Qt and PySide6.

QEMU's version comes from the capabilities probe (ctx.caps); when it has not run yet, the
dialog starts it and fills the line in when it answers, so opening About never waits.
"""

from __future__ import annotations

import asyncio

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kvmgui import __version__
from kvmgui.ui.context import AppContext
from kvmgui.ui.icons import app_icon
from kvmgui.ui.widgets import text_label

LICENCE = "GPL-3.0-or-later"


class AboutDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("AboutDialog")
        self.setWindowTitle(self.tr("About kvmgui"))
        self.setWindowIcon(app_icon())
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        icon = QLabel(self)
        icon.setPixmap(app_icon().pixmap(64, 64))
        icon.setAccessibleName(self.tr("kvmgui icon"))
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        self.title = text_label(self.tr("kvmgui %1").replace("%1", __version__), self,
                                 self.tr("Name and version"))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        text.addWidget(self.title)
        text.addWidget(text_label(
            self.tr("A friendly desktop manager for KVM/QEMU virtual machines. It runs QEMU "
                    "directly, as you, without libvirt."), self, self.tr("What kvmgui is")))
        self.qemu = text_label("", self, self.tr("QEMU version"))
        text.addWidget(self.qemu)
        self.toolkit = text_label(
            self.tr("Uses Qt %1 and PySide6 %2.").replace("%1", qVersion())
            .replace("%2", PySide6.__version__), self, self.tr("Toolkit versions"))
        text.addWidget(self.toolkit)
        self.licence = text_label(
            self.tr("kvmgui is free software, licensed under the GNU General Public License, "
                    "version 3 or (at your option) any later version (%1). It comes with "
                    "ABSOLUTELY NO WARRANTY. The LICENSE file that comes with it has the "
                    "full text.").replace("%1", LICENCE), self, self.tr("Licence"))
        text.addWidget(self.licence)
        text.addStretch(1)  # extra height goes below the text, not between the lines
        top.addLayout(text, 1)
        layout.addLayout(top)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        self.resize(480, 300)
        self._task: asyncio.Task[object] | None = None
        self._show_qemu()
        if ctx.caps is None and not ctx.caps_error:
            self.qemu.setText(self.tr("QEMU: finding its version…"))
            self._task = asyncio.ensure_future(self._probe())

    async def _probe(self) -> None:
        await self.ctx.ensure_caps()
        self._show_qemu()

    def _show_qemu(self) -> None:
        caps = self.ctx.caps
        if caps is not None:
            words = caps.version_text.strip().splitlines()[0] if caps.version_text.strip() \
                else ".".join(str(n) for n in caps.version)
            self.qemu.setText(self.tr("QEMU: %1").replace("%1", words))
        elif self.ctx.caps_error:
            self.qemu.setText(self.tr("QEMU: not found (%1)").replace("%1", self.ctx.caps_error))
