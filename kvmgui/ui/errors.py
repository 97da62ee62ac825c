"""Message boxes that never block the event loop, with a "Details" part for the raw text.

Every failure reaches the user as one plain sentence (what happened and what to do) with the
raw text — QEMU's stderr, a traceback — under "Show Details…", which QMessageBox already
provides as an expander. Boxes are opened with `open()` (window-modal) instead of `exec()`:
a nested event loop inside an asyncio coroutine would stall the guests' QMP traffic, and
tests can find and click an open box without a timer trick.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from kvmgui.ui.i18n import core_text, translate

if TYPE_CHECKING:
    import asyncio

    # Imported by the functions that open a box: the main window imports this module for its
    # first paint, which shows no box, and PySide builds QMessageBox's Python type with its
    # enums on first import (0.2 MiB).
    from PySide6.QtWidgets import QCheckBox, QMessageBox

    from kvmgui.runtime.outcome import Outcome

log = logging.getLogger(__name__)
T = TypeVar("T")

# Boxes that are open right now, so they are not garbage-collected while shown and so tests
# and the screenshot script can find them.
_OPEN: list[QMessageBox] = []


def _keep(box: QMessageBox) -> None:
    _OPEN.append(box)

    def forget() -> None:
        if box in _OPEN:
            _OPEN.remove(box)

    box.finished.connect(forget)


def open_boxes() -> list[QMessageBox]:
    return list(_OPEN)


def _box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    informative: str = "",
    details: str = "",
) -> QMessageBox:
    from PySide6.QtWidgets import QMessageBox  # see the imports

    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    # Sentences from core/runtime arrive as Messages; core_text translates them (a translated
    # text, or data, is left as it is).
    box.setText(core_text(text))
    box.setAccessibleName(title)
    if informative:
        box.setInformativeText(core_text(informative))
    if details.strip():
        box.setDetailedText(details.strip())
    return box


def _open(box: QMessageBox, button: QMessageBox.StandardButton) -> QMessageBox:
    """Show `box` with its one button, without waiting; it deletes itself once closed."""
    box.setStandardButtons(button)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _keep(box)
    box.open()
    return box


def show_error(
    parent: QWidget | None,
    text: str,
    *,
    details: str = "",
    informative: str = "",
    title: str | None = None,
) -> QMessageBox:
    """Open an error box (not waiting for it); `details` goes under "Show Details…"."""
    from PySide6.QtWidgets import QMessageBox  # see the imports

    log.warning("%s %s", text, details)
    box = _box(
        parent,
        QMessageBox.Icon.Critical,
        title or translate("Messages", "kvmgui: something failed"),
        text,
        informative,
        details,
    )
    return _open(box, QMessageBox.StandardButton.Close)


def show_failed(parent: QWidget | None, text: str, outcome: Outcome[object]) -> QMessageBox:
    """`text` over a failed runtime Outcome: its sentence, and its details under "Show
    Details…"."""
    return show_error(parent, text, informative=outcome.message, details=outcome.details)


def show_info(
    parent: QWidget | None,
    text: str,
    *,
    informative: str = "",
    title: str | None = None,
    details: str = "",
) -> QMessageBox:
    from PySide6.QtWidgets import QMessageBox  # see the imports

    box = _box(
        parent, QMessageBox.Icon.Information, title or translate("Messages", "kvmgui"), text,
        informative, details,
    )  # fmt: skip
    return _open(box, QMessageBox.StandardButton.Ok)


def exception_details(exc: BaseException) -> str:
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


def show_exception(parent: QWidget | None, what: str, exc: BaseException) -> QMessageBox:
    """An unexpected exception: `what` failed, the exception's own sentence, the traceback."""
    sentence = str(exc)  # a Message stays one: not stripped
    if not sentence.strip():
        sentence = type(exc).__name__
    return show_error(parent, what, informative=sentence, details=exception_details(exc))


async def guarded(parent: QWidget | None, what: str, work: Awaitable[T]) -> T | None:
    """Await `work`; any exception becomes an error box saying `what` failed (never silent)."""
    try:
        return await work
    except Exception as exc:  # every failure is shown (a CancelledError is no Exception)
        show_exception(parent, what, exc)
        return None


@dataclass(frozen=True)
class Answer:
    button: QMessageBox.StandardButton
    checked: bool = False

    @property
    def accepted(self) -> bool:
        from PySide6.QtWidgets import QMessageBox  # see the imports

        return self.button in (
            QMessageBox.StandardButton.Yes,
            QMessageBox.StandardButton.Ok,
            QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Apply,
        )


async def ask(
    parent: QWidget | None,
    text: str,
    *,
    informative: str = "",
    title: str | None = None,
    yes_text: str | None = None,
    no_text: str | None = None,
    checkbox: str | None = None,
    checked: bool = False,
    danger: bool = False,
) -> Answer:
    """Ask a yes/no question without a nested event loop; the default button is the safe one.

    `checkbox` adds a check box under the question (e.g. "Keep the disk images"); its state
    comes back in Answer.checked.
    """
    from PySide6.QtWidgets import QCheckBox, QMessageBox  # see the imports

    box = _box(
        parent,
        QMessageBox.Icon.Warning if danger else QMessageBox.Icon.Question,
        title or translate("Messages", "kvmgui"),
        text,
        informative,
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    if yes_text:
        box.button(QMessageBox.StandardButton.Yes).setText(yes_text)
    if no_text:
        box.button(QMessageBox.StandardButton.No).setText(no_text)
    # Enter on a dangerous question must not do the dangerous thing.
    box.setDefaultButton(
        QMessageBox.StandardButton.No if danger else QMessageBox.StandardButton.Yes
    )
    box.setEscapeButton(QMessageBox.StandardButton.No)
    check: QCheckBox | None = None
    if checkbox:
        check = QCheckBox(checkbox)
        check.setChecked(checked)
        check.setAccessibleName(checkbox)
        box.setCheckBox(check)
    # Imported here for start-up cost: the main window is painted before asyncio is loaded.
    import asyncio

    future: asyncio.Future[Answer] = asyncio.get_running_loop().create_future()

    def done(_result: int) -> None:
        clicked = box.clickedButton()
        button = box.standardButton(clicked) if clicked else QMessageBox.StandardButton.No
        if not future.done():
            future.set_result(Answer(button, bool(check and check.isChecked())))
        box.deleteLater()

    box.finished.connect(done)
    _keep(box)
    box.open()
    return await future
