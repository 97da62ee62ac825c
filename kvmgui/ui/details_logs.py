"""The VM window's log pages: the guest's serial console, and QEMU's own log with a
plain-language reading of its errors (kvmgui.runtime.qemu_errors.explain).

The files are read off the Qt thread (asyncio.to_thread), only their last part, and only
while the page is visible.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QHideEvent, QShowEvent, QTextCursor, QTextOption
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from kvmgui.runtime.qemu_errors import explain
from kvmgui.ui.i18n import core_text, translate
from kvmgui.ui.widgets import hint_label, push_button

TAIL_BYTES = 128 * 1024


def read_tail(path: Path, limit: int = TAIL_BYTES) -> tuple[str, bool]:
    """The last `limit` bytes of `path` as text, and whether the file exists."""
    try:
        with open(path, "rb") as f:
            f.seek(0, os.SEEK_END)
            size = f.tell()
            f.seek(max(0, size - limit))
            data = f.read()
    except FileNotFoundError:
        return "", False
    except OSError as exc:
        return translate("LogPage", "The log cannot be read: {0}").format(exc.strerror or exc), True
    return data.decode(errors="replace").replace("\r\n", "\n"), True


class LogPage(QWidget):
    def __init__(
        self, title: str, path: Path, *, explain: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.explain = explain
        self._text = ""
        self._task: asyncio.Task[object] | None = None
        layout = QVBoxLayout(self)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.explanation.setVisible(False)
        self.explanation.setAccessibleName(translate("LogPage", "What the log means"))
        layout.addWidget(self.explanation)
        self.where = hint_label(translate("LogPage", "File: {0}").format(path), self)
        layout.addWidget(self.where)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(title)
        self.text.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.text.setFont(mono)
        self.text.setMaximumBlockCount(5000)
        layout.addWidget(self.text, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.reload_button = push_button(
            translate("LogPage", "&Reload"),
            self,
            name=translate("LogPage", "Reload {0}").format(title),
            clicked=self.reload,
        )
        row.addWidget(self.reload_button)
        layout.addLayout(row)
        self.timer = QTimer(self)
        self.timer.setInterval(2000)
        self.timer.timeout.connect(self.reload)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()
        self.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        super().hideEvent(event)

    def reload(self) -> asyncio.Task[object] | None:
        if self._task is not None and not self._task.done():
            return self._task
        self._task = asyncio.ensure_future(self._load())
        return self._task

    async def _load(self) -> None:
        text, exists = await asyncio.to_thread(read_tail, self.path)
        if not exists:
            text = ""
            self.text.setPlaceholderText(
                translate(
                    "LogPage",
                    "Nothing written yet: the log starts when the virtual machine starts.",
                )
            )
        if text != self._text:
            at_end = (
                self.text.verticalScrollBar().value() >= self.text.verticalScrollBar().maximum() - 2
            )
            self._text = text
            self.text.setPlainText(text)
            if at_end:
                self.text.moveCursor(QTextCursor.MoveOperation.End)
        if self.explain:
            self._explain(text)

    def _explain(self, text: str) -> None:
        output = last_run_output(text)
        if output is None:
            self.explanation.setVisible(False)
            return
        if not output.strip():
            self.explanation.setText(
                translate("LogPage", "QEMU reported no problems at its last start.")
            )
        else:
            found = explain(output, during_start=False)
            self.explanation.setText(
                translate("LogPage", "In plain words: {0}").format(core_text(found.message))
            )
        self.explanation.setVisible(True)


BANNER = "=== kvmgui "


def last_run_output(text: str) -> str | None:
    """What QEMU itself wrote during the last run: the text after the last start banner and
    the command line that follows it (None when the log has no banner)."""
    at = text.rfind("\n" + BANNER)
    if at < 0:
        if not text.startswith(BANNER):
            return None
        at = 0
    else:
        at += 1
    lines = text[at:].split("\n")
    # lines[0] is the banner, lines[1] the command line kvmgui ran.
    return "\n".join(lines[2:])
