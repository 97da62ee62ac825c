"""The performance advisor's notices, shown in a VM's Overview: each cause in a sentence, with
a one-click "Apply" for the ones kvmgui can change itself.

The advice comes from kvmgui.core.advisor (static hints about the definition) and from the
runtime's CPU watcher (AdviceChanged, through the bridge). Sentences live in
core.advisor_texts; they are translated here under the context "Advisor", keyed by their
English text, then their {placeholders} are filled.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core.advisor import FORCE_OFF, OPEN_HOST_CHECK, Advice, SpecChange
from kvmgui.core.advisor_texts import TEXTS, Text
from kvmgui.core.store import StoredVm, VmStore
from kvmgui.ui.i18n import core_text, translate


def render(text: Text) -> str:
    """An advisor sentence in the user's language."""
    return text.render(lambda key: QCoreApplication.translate("Advisor", TEXTS[key]))


def _label(text: str, parent: QWidget, bold: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


def apply_change(store: VmStore, stored: StoredVm, change: SpecChange) -> StoredVm:
    """Save `stored` with `change` made (the store's errors propagate)."""
    return store.save(replace(stored, spec=change.apply(stored.spec)))


class AdvicePanel(QFrame):
    """A list of Advice; Apply buttons save the change (takes effect at the next start)."""

    saved = Signal(object)  # the StoredVm after an Apply
    action_requested = Signal(str)  # OPEN_HOST_CHECK / FORCE_OFF

    def __init__(self, store: VmStore, stored: StoredVm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.stored = stored
        self.setObjectName("advice-panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(translate("AdvicePanel", "Advice"))
        self._layout = QVBoxLayout(self)
        self.advice: tuple[Advice, ...] = ()
        self.buttons: dict[str, QPushButton] = {}  # "advice-key/cause-key" → its button
        self.note = _label("", self)
        self.hide()

    def set_stored(self, stored: StoredVm) -> None:
        self.stored = stored
        self.set_advice(self.advice)

    def set_advice(self, advice: Sequence[Advice]) -> None:
        self.advice = tuple(advice)
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.note:
                widget.deleteLater()
        self.buttons.clear()
        for notice in self.advice:
            self._layout.addWidget(_label(render(notice.title), self, bold=True))
            self._layout.addWidget(_label(render(notice.message), self))
            for cause in notice.causes:
                row = QWidget(self)
                h = QHBoxLayout(row)
                h.setContentsMargins(12, 0, 0, 0)
                h.addWidget(_label("• " + render(cause.sentence), row), 1)
                button = self._button_for(notice, cause.key, cause.fix, cause.action, row)
                if button is not None:
                    h.addWidget(button)
                    self.buttons[f"{notice.key}/{cause.key}"] = button
                self._layout.addWidget(row)
        self._layout.addWidget(self.note)
        self.setVisible(bool(self.advice))

    def _button_for(self, notice: Advice, key: str, fix: SpecChange | None,
                    action: str | None, parent: QWidget) -> QPushButton | None:
        if fix is not None:
            if fix.is_applied(self.stored.spec):
                return None  # saved already, waiting for the next start
            button = QPushButton(translate("AdvicePanel", "Apply: {0}").format(render(fix.label)),
                                 parent)
            button.setToolTip(translate("AdvicePanel", "Change this setting now; it takes "
                                                       "effect at the next start"))
            button.clicked.connect(lambda _=False, f=fix: self.apply(f))
            return button
        if action == OPEN_HOST_CHECK:
            button = QPushButton(translate("AdvicePanel", "Open the host check"), parent)
        elif action == FORCE_OFF:
            button = QPushButton(translate("AdvicePanel", "Force off"), parent)
        else:
            return None
        button.clicked.connect(lambda _=False, a=action: self.action_requested.emit(a))
        return button

    def apply(self, change: SpecChange) -> bool:
        try:
            stored = apply_change(self.store, self.stored, change)
        except Exception as exc:  # a store error, or the setting no longer exists
            self.note.setText(translate("AdvicePanel", "The change was not saved: {0}")
                              .format(core_text(str(exc))))
            return False
        self.stored = stored
        self.set_advice(self.advice)
        self.note.setText(translate("AdvicePanel", "Saved: {0}. It takes effect at the next "
                                                   "start.").format(render(change.label)))
        self.saved.emit(stored)
        return True
