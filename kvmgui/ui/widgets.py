"""Small widgets shared by the wizard and the dialogs: problem lists, hints, copyable text,
the memory and CPU boxes, rows of action buttons, and the buttons and opening lines every
dialog has."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut, QTextOption
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core.limits import MAX_CPUS, MAX_MEMORY_MIB, MIN_MEMORY_MIB
from kvmgui.core.problems import Problem, Severity
from kvmgui.ui.i18n import core_text, translate
from kvmgui.ui.icons import icon

if TYPE_CHECKING:
    # The dialogs' own classes are imported by the functions that make them: the main window
    # uses this module (DetailsToggle, keep_open) from its first paint on, and PySide builds
    # a Qt class's Python type, enums and methods at its first import (0.6 MiB for these).
    from PySide6.QtWidgets import (
        QComboBox,
        QDialog,
        QDialogButtonBox,
        QFileDialog,
        QFormLayout,
        QSpinBox,
        QTabWidget,
    )


def memory_box(parent: QWidget, name: str) -> QSpinBox:
    """Memory in MiB, within what a VM definition may hold (a stored value is never clamped)."""
    from PySide6.QtWidgets import QSpinBox  # see the imports

    box = QSpinBox(parent)
    box.setRange(MIN_MEMORY_MIB, MAX_MEMORY_MIB)
    box.setSingleStep(256)
    box.setSuffix(translate("Widgets", " MiB"))
    box.setAccessibleName(name)
    return box


def cpu_box(parent: QWidget, name: str) -> QSpinBox:
    """A number of virtual CPUs, within what a VM definition may hold."""
    from PySide6.QtWidgets import QSpinBox  # see the imports

    box = QSpinBox(parent)
    box.setRange(1, MAX_CPUS)
    box.setAccessibleName(name)
    return box


class HintLabel(QLabel):
    """A label that takes no room while it has nothing to say.

    Its size hint assumes a realistic line width: QLabel's own guess for wrapped text is
    narrow, so layouts (QFormLayout above all) reserved twice the height it needs.
    """

    HINT_WIDTH = 400

    def setText(self, text: str) -> None:
        # Hints often relay a sentence from core/runtime (English): core_text translates it
        # and leaves an already translated one alone.
        super().setText(core_text(text))
        self.setVisible(bool(text))

    def sizeHint(self) -> QSize:
        if not self.wordWrap():
            return super().sizeHint()
        return QSize(self.HINT_WIDTH, self.heightForWidth(self.HINT_WIDTH))


def hint_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A secondary line under a control: word-wrapped, selectable, a little muted; hidden
    while empty."""
    label = HintLabel(parent)
    label.setText(text)
    label.setWordWrap(True)
    # Top-aligned: a word-wrapped label may be given more height than its text needs, and
    # centred text would then float away from the control it explains.
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    palette = label.palette()
    colour = palette.color(palette.ColorRole.WindowText)
    colour.setAlpha(190)
    palette.setColor(palette.ColorRole.WindowText, colour)
    label.setPalette(palette)
    return label


def text_label(text: str, parent: QWidget | None = None, name: str = "") -> QLabel:
    """Text the user may want to copy (a value, a version, a path): word-wrapped and
    selectable, with its screen-reader `name` when the text alone says too little."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setAccessibleName(name)
    return label


def heading_label(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def add_pages(
    window: QWidget,
    tabs: QTabWidget,
    pages: Sequence[tuple[str, QWidget, str]],
    show: Callable[[str], None],
) -> None:
    """The (key, page, title) `pages` as `tabs`, in order, each also reached with Alt+1, Alt+2…
    from anywhere in `window` (`show(key)`)."""
    for i, (key, page, title) in enumerate(pages):
        tabs.addTab(page, title)
        shortcut = QShortcut(QKeySequence(f"Alt+{i + 1}"), window)
        shortcut.activated.connect(lambda k=key: show(k))


class ProblemList(QWidget):
    """Problems as rows of icon + sentence; hidden when there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._messages: list[str] = []
        self.setAccessibleName(translate("Widgets", "Problems"))
        self.setVisible(False)

    @property
    def messages(self) -> list[str]:
        return list(self._messages)

    def set_problems(self, problems: Iterable[Problem]) -> None:
        items = sorted(problems, key=lambda p: p.severity is not Severity.ERROR)
        texts = [core_text(p.message) for p in items]  # core.validation speaks English
        if texts == self._messages:
            return
        self._messages = texts
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for p, message in zip(items, texts, strict=True):
            row = QWidget(self)
            h = QHBoxLayout(row)
            h.setContentsMargins(0, 0, 0, 0)
            pic = QLabel(row)
            name = "status-failure" if p.severity is Severity.ERROR else "status-warning"
            pic.setPixmap(icon(name).pixmap(16, 16))
            pic.setAlignment(Qt.AlignmentFlag.AlignTop)
            pic.setFixedWidth(20)
            text = QLabel(message, row)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            kind = (
                translate("Widgets", "Error")
                if p.severity is Severity.ERROR
                else translate("Widgets", "Warning")
            )
            text.setAccessibleName(f"{kind}: {message}")
            h.addWidget(pic)
            h.addWidget(text, 1)
            self._layout.addWidget(row)
        self.setVisible(bool(items))


class CopyableText(QWidget):
    """Read-only monospace text (a command line, a log) with a Copy button."""

    def __init__(self, name: str, parent: QWidget | None = None, *, lines: int = 4) -> None:
        from PySide6.QtWidgets import QPlainTextEdit  # see the imports

        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # Command lines have long tokens (paths): wrap anywhere rather than scroll sideways.
        self.text.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.text.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        font = QGuiApplication.font()
        font.setFamily("monospace")
        font.setStyleHint(font.StyleHint.Monospace)
        self.text.setFont(font)
        self.text.setAccessibleName(name)
        metrics = self.text.fontMetrics()
        self.text.setMinimumHeight(metrics.lineSpacing() * lines + 12)
        self.copy_button = QPushButton(icon("copy"), translate("Widgets", "&Copy"), self)
        self.copy_button.setAccessibleName(translate("Widgets", "Copy {0}").format(name))
        self.copy_button.clicked.connect(self.copy)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.copy_button)
        layout.addWidget(self.text, 1)
        layout.addLayout(row)

    def set_text(self, text: str) -> None:
        self.text.setPlainText(text)

    def plain_text(self) -> str:
        return self.text.toPlainText()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())
        self.copy_button.setText(translate("Widgets", "Copied"))
        # The button as the timer's context: a window closed meanwhile takes the timer along.
        button = self.copy_button
        QTimer.singleShot(2000, button, lambda: button.setText(translate("Widgets", "&Copy")))


class PathField(QWidget):
    """A path typed or chosen with a file dialog that does not block the event loop."""

    changed = Signal(str)

    def __init__(
        self,
        name: str,
        parent: QWidget | None = None,
        *,
        filters: str = "",
        directory: bool = False,
        placeholder: str = "",
    ) -> None:
        super().__init__(parent)
        self._filters = filters
        self._directory = directory
        self._dialog: QFileDialog | None = None
        from PySide6.QtWidgets import QLineEdit  # see the imports

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(name)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self.changed)
        self.browse = QPushButton(translate("Widgets", "Bro&wse…"), self)
        self.browse.setAccessibleName(translate("Widgets", "Browse for {0}").format(name))
        self.browse.clicked.connect(self.open_dialog)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.browse)
        self.setFocusProxy(self.edit)

    def text(self) -> str:
        return self.edit.text()

    def set_text(self, text: str) -> None:
        if text != self.edit.text():
            self.edit.setText(text)

    def open_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # see the imports

        start = self.edit.text().strip() or str(Path.home())
        dialog = QFileDialog(self, self.edit.accessibleName(), start, self._filters)
        if self._directory:
            dialog.setFileMode(QFileDialog.FileMode.Directory)
            dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        else:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.edit.setText)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialog = dialog
        dialog.open()


def keep_open(dialogs: list[QWidget], dialog: QWidget, *, modal: bool = False) -> QWidget:
    """Show `dialog` without waiting for it (`modal`: it blocks its parent window meanwhile),
    held in its window's `dialogs` list until it closes (Python would otherwise let it be
    collected while it is on screen)."""
    from PySide6.QtWidgets import QDialog  # see the imports

    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialogs.append(dialog)
    dialog.destroyed.connect(lambda *_: dialogs.remove(dialog) if dialog in dialogs else None)
    if modal and isinstance(dialog, QDialog):
        dialog.open()
    else:
        dialog.show()
    return dialog


def push_button(
    text: str,
    parent: QWidget,
    *,
    name: str = "",
    tip: str = "",
    clicked: Callable[[], object] | None = None,
) -> QPushButton:
    """A button with its screen-reader name (when the text alone says too little), tool tip
    and action."""
    button = QPushButton(text, parent)
    if name:
        button.setAccessibleName(name)
    if tip:
        button.setToolTip(tip)
    if clicked is not None:
        button.clicked.connect(clicked)
    return button


@dataclass(frozen=True, slots=True)
class Action:
    """What one button of a row says and does: its text (with its Alt+letter), its
    screen-reader name, its slot and, where the text needs one, a tool tip."""

    text: str
    name: str
    clicked: Callable[[], object]
    tip: str = ""


def action_buttons(parent: QWidget, *actions: Action) -> list[QPushButton]:
    """A button for each action, made in the order given, which is their tab order."""
    return [push_button(a.text, parent, name=a.name, tip=a.tip, clicked=a.clicked) for a in actions]


def action_row(
    parent: QWidget, *actions: Action, trailing: Sequence[Action] = ()
) -> tuple[QHBoxLayout, list[QPushButton]]:
    """A row of buttons: `actions` from the left, `trailing` ones pushed to the right. Returns
    the row and its buttons, in that order (their tab order too)."""
    buttons = action_buttons(parent, *actions, *trailing)
    row = QHBoxLayout()
    for button in buttons[: len(actions)]:
        row.addWidget(button)
    row.addStretch(1)
    for button in buttons[len(actions) :]:
        row.addWidget(button)
    return row, buttons


def dialog_layout(dialog: QDialog, object_name: str, title: str, intro: str = "") -> QVBoxLayout:
    """Name and title `dialog` (its accessible name is its title) and start its layout with
    the `intro` sentence that says what it does."""
    dialog.setObjectName(object_name)
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(title)
    layout = QVBoxLayout(dialog)
    if intro:
        layout.addWidget(hint_label(intro, dialog))
    return layout


def dialog_buttons(
    dialog: QDialog,
    layout: QVBoxLayout,
    ok_text: str,
    ok_name: str,
    on_ok: Callable[[], object],
    *,
    close: bool = False,
) -> tuple[QDialogButtonBox, QPushButton]:
    """The row at the foot of `layout`: the dialog's OK button, renamed for what it does, and
    Cancel (Close where the dialog stays open after its work, to do it again)."""
    from PySide6.QtWidgets import QDialogButtonBox  # see the imports

    standard = QDialogButtonBox.StandardButton
    buttons = QDialogButtonBox(standard.Ok | (standard.Close if close else standard.Cancel), dialog)
    ok = buttons.button(standard.Ok)
    ok.setText(ok_text)
    ok.setAccessibleName(ok_name)
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    layout.addStretch(1)
    layout.addWidget(buttons)
    return buttons, ok


def form_row(form: QFormLayout, text: str, buddy: QWidget, field: QWidget | None = None) -> QLabel:
    """Add `text` (with its Alt+letter) as the label of `field` (default: `buddy`), the letter
    giving `buddy` the focus; returns the label."""
    label = QLabel(text, buddy.parentWidget())
    label.setBuddy(buddy)
    form.addRow(label, field if field is not None else buddy)
    return label


def row_widget(parent: QWidget) -> tuple[QWidget, QHBoxLayout]:
    """A widget that lines up several controls side by side, without margins of its own (one
    cell of a form, one line of a page)."""
    row = QWidget(parent)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    return row, layout


def icon_text_field(
    form: QFormLayout, parent: QWidget, name: str, label: str
) -> tuple[QLabel, QLabel]:
    """A row of `form` under `label` showing an icon and a value (a state): the two labels,
    the value's screen-reader name `name`."""
    row, layout = row_widget(parent)
    pic = QLabel(row)
    value = text_label("", row, name)
    layout.addWidget(pic)
    layout.addWidget(value, 1)
    form.addRow(label, row)
    return pic, value


def choice_combo(parent: QWidget, name: str, items: Iterable[tuple[str, str]]) -> QComboBox:
    """A drop-down list of (shown text, value) choices; the value is each item's data."""
    from PySide6.QtWidgets import QComboBox  # see the imports

    combo = QComboBox(parent)
    combo.setAccessibleName(name)
    for label, value in items:
        combo.addItem(label, value)
    return combo


class DetailsToggle(QWidget):
    """A "Details" button that shows or hides technical text below it; hidden when empty."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.button = QToolButton(self)
        self.button.setText(translate("HostCheckDialog", "Details"))
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setArrowType(Qt.ArrowType.RightArrow)
        self.button.setAutoRaise(True)
        self.button.setCheckable(True)
        self.button.setAccessibleName(translate("HostCheckDialog", "Details for {0}").format(name))
        self.button.toggled.connect(self.set_expanded)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.text.hide()
        layout.addWidget(self.text)
        self.setVisible(False)

    def set_details(self, text: str) -> None:
        self.text.setText(text)
        self.text.setAccessibleName(text)
        self.button.setChecked(False)
        self.set_expanded(False)
        self.setVisible(bool(text))

    @property
    def expanded(self) -> bool:
        return self.button.isChecked()

    def set_expanded(self, on: bool) -> None:
        self.button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.text.setVisible(on)
