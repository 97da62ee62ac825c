"""The host check: every finding of core.hostcheck with a status icon, its sentence and the fix.

The GUI version of `kvm-ok` plus the steps people otherwise look up in wikis (PEERS.md, user
request 1): a fix command is shown in a copyable field with its own Copy button.
"""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core.hostcheck import Finding, HostReport, Status
from kvmgui.ui.context import AppContext
from kvmgui.ui.i18n import core_text, translate
from kvmgui.ui.icons import icon
from kvmgui.ui.widgets import hint_label


def status_word(status: Status) -> str:
    return {
        Status.OK: translate("HostCheckDialog", "OK"),
        Status.WARNING: translate("HostCheckDialog", "Warning"),
        Status.FAILURE: translate("HostCheckDialog", "Problem"),
        Status.INFO: translate("HostCheckDialog", "Note"),
    }[status]


def summary_text(report: HostReport) -> str:
    failures = sum(1 for f in report.findings if f.status is Status.FAILURE)
    warnings = sum(1 for f in report.findings if f.status is Status.WARNING)
    if failures:
        head = translate(
            "HostCheckDialog",
            "kvmgui cannot run virtual machines until the problems below are fixed.",
        )
    elif report.facts.kvm_usable:
        head = translate(
            "HostCheckDialog",
            "This computer is ready: virtual machines run with KVM at nearly native speed.",
        )
    else:
        head = translate(
            "HostCheckDialog", "Virtual machines will run, but without KVM they are much slower."
        )
    counts = translate("HostCheckDialog", "{0} problem(s), {1} warning(s).").format(
        failures, warnings
    )
    return f"{head} {counts}"


class FindingRow(QFrame):
    """One finding: icon, title, sentence, and the fix with a Copy button."""

    def __init__(self, finding: Finding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finding = finding
        self.setFrameShape(QFrame.Shape.NoFrame)
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 6, 4, 6)
        grid.setColumnStretch(1, 1)
        pic = QLabel(self)
        pic.setPixmap(icon(f"status-{finding.status.value}").pixmap(22, 22))
        pic.setAlignment(Qt.AlignmentFlag.AlignTop)
        pic.setAccessibleName(status_word(finding.status))
        grid.addWidget(pic, 0, 0, 2, 1)
        # core.hostcheck speaks English: its title, sentence and fix go through the catalogue.
        name, sentence, fix = (core_text(finding.title), core_text(finding.message),
                               core_text(finding.fix))
        title = QLabel(f"{name} — {status_word(finding.status)}", self)
        bold = title.font()
        bold.setBold(True)
        title.setFont(bold)
        title.setWordWrap(True)
        grid.addWidget(title, 0, 1)
        message = QLabel(sentence, self)
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(message, 1, 1)
        self.fix_edit: QLineEdit | None = None
        if finding.fix:
            row = QWidget(self)
            h = QHBoxLayout(row)
            h.setContentsMargins(0, 2, 0, 0)
            label = QLabel(translate("HostCheckDialog", "Fix:"), row)
            edit = QLineEdit(fix, row)
            edit.setReadOnly(True)
            mono = QFont("monospace")
            mono.setStyleHint(QFont.StyleHint.Monospace)
            edit.setFont(mono)
            edit.setAccessibleName(
                translate("HostCheckDialog", "Fix for {0}").format(name)
            )
            edit.setCursorPosition(0)
            copy = QPushButton(icon("copy"), translate("HostCheckDialog", "Copy"), row)
            copy.setAccessibleName(
                translate("HostCheckDialog", "Copy the fix for {0}").format(name)
            )
            copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(fix))
            label.setBuddy(edit)
            h.addWidget(label)
            h.addWidget(edit, 1)
            h.addWidget(copy)
            grid.addWidget(row, 2, 1)
            self.fix_edit = edit
        self.setAccessibleName(f"{name}: {status_word(finding.status)}. {sentence}")


class HostCheckDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("HostCheckDialog")
        self.setWindowTitle(translate("HostCheckDialog", "Host check"))
        self.setAccessibleName(translate("HostCheckDialog", "Host check"))
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.summary.setFont(font)
        layout.addWidget(self.summary)
        self.accel = hint_label("", self)
        layout.addWidget(self.accel)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list = QWidget(self.scroll_area)
        self.list_layout = QVBoxLayout(self.list)
        self.list_layout.setSpacing(2)
        self.scroll_area.setWidget(self.list)
        layout.addWidget(self.scroll_area, 1)
        self.rows: list[FindingRow] = []
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.again = QPushButton(translate("HostCheckDialog", "Check &again"), self)
        self.again.setAccessibleName(translate("HostCheckDialog", "Check the host again"))
        buttons.addButton(self.again, QDialogButtonBox.ButtonRole.ActionRole)
        self.again.clicked.connect(self.check_again)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 620)
        ctx.host_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        report = self.ctx.host_report
        for row in self.rows:
            row.deleteLater()
        self.rows = []
        while self.list_layout.count():
            self.list_layout.takeAt(0)
        if report is None:
            self.summary.setText(
                core_text(self.ctx.host_error)
                or translate("HostCheckDialog", "Checking this computer…")
            )
            self.accel.setText("")
            return
        self.summary.setText(summary_text(report))
        self.accel.setText("")  # the first finding says what `auto` means
        # Problems first, then warnings, then notes and what is fine.
        order = {Status.FAILURE: 0, Status.WARNING: 1, Status.INFO: 2, Status.OK: 3}
        for finding in sorted(report.findings, key=lambda f: order[f.status]):
            row = FindingRow(finding, self.list)
            self.rows.append(row)
            self.list_layout.addWidget(row)
        self.list_layout.addStretch(1)

    def check_again(self) -> asyncio.Future[object]:
        self.again.setEnabled(False)
        self.summary.setText(translate("HostCheckDialog", "Checking this computer…"))

        async def run() -> None:
            try:
                await self.ctx.refresh_host()
            finally:
                self.again.setEnabled(True)
                self.refresh()

        return asyncio.ensure_future(run())
