"""The host check: each problem in one plain sentence with its fix, the technical facts under
"Details".

The GUI version of `kvm-ok` plus the steps people otherwise look up in wikis. Findings that share
a fix are shown once (core.hostcheck.merge_findings); a fix that is a command has a Copy button.
Everything wraps: no fixed widths, so long translations are never cut off.
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
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core.hostcheck import Finding, HostReport, Status
from kvmgui.ui.context import AppContext
from kvmgui.ui.i18n import core_text, translate
from kvmgui.ui.icons import icon
from kvmgui.ui.widgets import DetailsToggle, dialog_layout, hint_label


def status_word(status: Status) -> str:
    return {
        Status.OK: translate("HostCheckDialog", "OK"),
        Status.WARNING: translate("HostCheckDialog", "Warning"),
        Status.FAILURE: translate("HostCheckDialog", "Problem"),
        Status.INFO: translate("HostCheckDialog", "Note"),
    }[status]


def details_text(finding: Finding) -> str:
    """The technical side of a shown finding: its own details, then those of the findings
    merged into it (each with its title, so the user can tell them apart)."""
    lines = [core_text(finding.details)] if finding.details else []
    for other in finding.also:
        facts = " ".join(
            text for text in (core_text(other.message), core_text(other.details)) if text
        )
        lines.append(
            translate("HostCheckDialog", "{0}: {1}").format(core_text(other.title), facts)
        )
    return "\n\n".join(lines)


class FindingRow(QFrame):
    """One shown finding: icon, title, plain sentence, the fix (copyable when it is a command),
    and the technical details behind a Details button."""

    def __init__(self, finding: Finding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finding = finding
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Columns: icon | "Fix:" | the fix (takes the width) | Copy. Everything sits in this one
        # grid: a wrapped label nested in a further layout gets a wrong height and is clipped.
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 6, 4, 6)
        grid.setColumnStretch(2, 1)
        top = Qt.AlignmentFlag.AlignTop
        pic = QLabel(self)
        pic.setPixmap(icon(f"status-{finding.status.value}").pixmap(22, 22))
        pic.setAlignment(top)
        pic.setAccessibleName(status_word(finding.status))
        grid.addWidget(pic, 0, 0, 4, 1, top)
        # core.hostcheck speaks English: its title, sentence and fix go through the catalogue.
        name, sentence, fix = (core_text(finding.title), core_text(finding.message),
                               core_text(finding.fix))
        title = QLabel(f"{name} — {status_word(finding.status)}", self)
        bold = title.font()
        bold.setBold(True)
        title.setFont(bold)
        title.setWordWrap(True)
        grid.addWidget(title, 0, 1, 1, 3)
        self.message = QLabel(sentence, self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(self.message, 1, 1, 1, 3)
        self.fix_label: QLabel | None = None
        self.copy_button: QPushButton | None = None
        if finding.fix:
            label = QLabel(translate("HostCheckDialog", "Fix:"), self)
            # A wrapping label rather than a line edit: a long (translated) action stays whole.
            text = QLabel(fix, self)
            text.setWordWrap(True)
            text.setAlignment(Qt.AlignmentFlag.AlignLeft | top)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setAccessibleName(translate("HostCheckDialog", "Fix for {0}").format(name))
            label.setBuddy(text)
            if finding.fix_is_command:
                # One line beside a taller button: both labels centred on it.
                grid.addWidget(label, 2, 1, Qt.AlignmentFlag.AlignVCenter)
                mono = QFont("monospace")
                mono.setStyleHint(QFont.StyleHint.Monospace)
                text.setFont(mono)
                copy = QPushButton(icon("copy"), translate("HostCheckDialog", "Copy"), self)
                copy.setAccessibleName(
                    translate("HostCheckDialog", "Copy the fix for {0}").format(name)
                )
                copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(fix))
                grid.addWidget(text, 2, 2, Qt.AlignmentFlag.AlignVCenter)
                grid.addWidget(copy, 2, 3, top)
                self.copy_button = copy
            else:
                grid.addWidget(label, 2, 1, top)
                grid.addWidget(text, 2, 2, 1, 2)
            self.fix_label = text
        self.details = DetailsToggle(name, self)
        self.details.set_details(details_text(finding))
        grid.addWidget(self.details, 3, 1, 1, 3)
        self.setAccessibleName(f"{name}: {status_word(finding.status)}. {sentence}")


class HostCheckDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = dialog_layout(self, "HostCheckDialog", translate("HostCheckDialog", "Host check"))
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
        self.summary.setText(self.summary_text(report))
        self.accel.setText("")  # the first finding says what `auto` means
        # Problems first, then warnings, then notes and what is fine; one row per fix.
        for finding in report.merged:
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

    def summary_text(self, report: HostReport) -> str:
        # Counted over what is shown: five findings with one fix are one warning to the user.
        failures = sum(1 for f in report.merged if f.status is Status.FAILURE)
        warnings = sum(1 for f in report.merged if f.status is Status.WARNING)
        if failures:
            head = translate(
                "HostCheckDialog",
                "kvmgui cannot run virtual machines until the problems below are fixed.",
            )
        elif report.facts.kvm_usable:
            head = translate(
                "HostCheckDialog",
                "This computer is ready: virtual machines run at nearly full speed.",
            )
        else:
            head = translate(
                "HostCheckDialog",
                "Virtual machines will run, but slower than they could: the first entry says why.",
            )
        counts = self.tr("%n problem(s)", "", failures) + ", " + self.tr(
            "%n warning(s).", "", warnings
        )
        return f"{head} {counts}"
