"""Paste as Keystrokes: the host clipboard's text typed into the guest as key presses.

Pasting through a clipboard needs an agent in the guest; key presses work everywhere
(firmware setup, installers, a text console, a login prompt). The runtime types
(VmController.type_text over QMP); this part reads the clipboard, refuses up front what the
guest's layout cannot type, asks before a long or multi-line text (each newline presses
Enter, which runs a command), and shows progress with a Cancel button. Nothing here waits on
the Qt thread: the dialogs are opened, not exec()ed, and the typing is a task.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from kvmgui.core.keyboard import UntypableText, char_strokes, normalise_newlines
from kvmgui.core.model import KeyboardLayout
from kvmgui.runtime.outcome import Outcome
from kvmgui.ui.errors import show_error, show_info
from kvmgui.ui.i18n import core_text, translate

Progress = Callable[[int, int], object]
TypeText = Callable[[str, Progress], Awaitable[Outcome[int]]]

CONFIRM_ABOVE_CHARACTERS = 200  # longer texts are confirmed first
PREVIEW_CHARACTERS = 120  # how much of the text the question shows
PROGRESS_AFTER_MS = 700  # typing that ends sooner shows no progress window


class KeystrokePaster(QObject):
    """Types text into one VM: `type_text(text, progress)` does the typing, `layout()` says
    which keyboard layout the guest uses (for the check before anything is typed)."""

    finished = Signal(object)  # the Outcome, or None when cancelled (tests wait for it)

    def __init__(
        self,
        parent: QWidget,
        type_text: TypeText,
        layout: Callable[[], KeyboardLayout],
    ) -> None:
        super().__init__(parent)
        self._widget = parent
        self._type_text = type_text
        self._layout = layout
        self._where = parent.window()  # the window the dialogs open over
        self.task: asyncio.Task[None] | None = None
        self.question: QMessageBox | None = None  # the last confirmation (tests answer it)
        self.progress: QProgressDialog | None = None

    @property
    def busy(self) -> bool:
        return self.task is not None and not self.task.done()

    def paste_clipboard(self, where: QWidget | None = None) -> None:
        """Type the clipboard's text (after the checks and, if needed, a question); the
        dialogs open over `where`'s window (the console's own window when it is detached)."""
        self.paste(QGuiApplication.clipboard().text(), where)

    def paste(self, text: str, where: QWidget | None = None) -> None:
        self._where = (where or self._widget).window()
        parent = self._where
        if self.busy:
            show_info(parent, translate(
                "KeystrokePaster", "The previous text is still being typed; stop it first."))
            return
        text = normalise_newlines(text)
        if not text:
            show_info(parent, translate("KeystrokePaster", "The clipboard holds no text."))
            return
        try:
            char_strokes(text, self._layout())
        except UntypableText as exc:
            hint = translate(
                "KeystrokePaster",
                "If the guest uses another keyboard layout, choose it on the VM's Hardware page.",
            )
            show_error(parent, translate("KeystrokePaster", "The text was not typed."),
                       informative=core_text(exc.message) + " " + hint)
            return
        lines = text.count("\n") + (0 if text.endswith("\n") else 1)
        if len(text) <= CONFIRM_ABOVE_CHARACTERS and "\n" not in text:
            self.start(text)
            return
        self._confirm(text, lines)

    def _confirm(self, text: str, lines: int) -> None:
        box = QMessageBox(self._where)
        box.setIcon(QMessageBox.Icon.Question)
        title = translate("KeystrokePaster", "Paste as Keystrokes")
        box.setWindowTitle(title)
        box.setAccessibleName(title)
        characters = translate("KeystrokePaster", "%n character(s)", n=len(text))
        question = translate("KeystrokePaster", "Type %n line(s) into the virtual machine?",
                             n=lines)
        preview = text[:PREVIEW_CHARACTERS] + ("…" if len(text) > PREVIEW_CHARACTERS else "")
        informative = translate(
            "KeystrokePaster",
            "%1 in all, starting as shown. Each line ends with Enter, so a command in the text "
            "runs as soon as its line is typed.",
        ).replace("%1", characters)
        if "\n" not in text:
            informative = translate("KeystrokePaster", "%1 in all, starting as shown.").replace(
                "%1", characters)
        # The clipboard's text goes in the plain-text label only: never read as HTML.
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(question + "\n\n" + preview)
        box.setInformativeText(informative)
        typing = box.addButton(translate("KeystrokePaster", "Type It"),
                               QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(
            lambda button: self.start(text) if button is typing else self.finished.emit(None)
        )
        self.question = box
        box.open()  # not exec(): no nested event loop under qasync

    def start(self, text: str) -> None:
        """Type `text` now, with a progress window if it takes a while."""
        dialog = QProgressDialog(self._where)
        title = translate("KeystrokePaster", "Typing into the Virtual Machine")
        dialog.setWindowTitle(title)
        dialog.setAccessibleName(title)
        dialog.setLabelText(translate("KeystrokePaster", "Typing the text as key presses…"))
        dialog.setCancelButtonText(translate("KeystrokePaster", "Stop Typing"))
        dialog.setRange(0, len(text))
        dialog.setMinimumDuration(PROGRESS_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setValue(0)
        self.progress = dialog

        def progress(done: int, _total: int) -> None:
            dialog.setValue(done)

        self.task = asyncio.ensure_future(self._run(text, progress, dialog))
        dialog.canceled.connect(self.cancel)  # its button, or closing it
        dialog.rejected.connect(self.cancel)  # Esc
        dialog.destroyed.connect(self.cancel)  # its window went away: no one is watching

    def cancel(self) -> None:
        if self.task is not None and not self.task.done():
            self.task.cancel()

    async def _run(self, text: str, progress: Progress, dialog: QProgressDialog) -> None:
        outcome: Outcome[int] | None = None
        try:
            outcome = await self._type_text(text, progress)
        except asyncio.CancelledError:
            outcome = None
        finally:
            # hide(), not close(): closing a progress dialog emits canceled.
            dialog.hide()
            dialog.deleteLater()
        if outcome is not None and not outcome.ok:
            show_error(
                self._where, translate("KeystrokePaster", "The text was not typed."),
                informative=outcome.message, details=outcome.details,
            )  # fmt: skip
        self.finished.emit(outcome)
