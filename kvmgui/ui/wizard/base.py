"""What every wizard page shares: the draft, live validation, and a problem list at the bottom."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget, QWizardPage

from kvmgui.core.validation import Problem, Severity
from kvmgui.ui.widgets import ProblemList

if TYPE_CHECKING:
    from kvmgui.ui.wizard.wizard import NewVmWizard


class DraftPage(QWizardPage):
    """A page that edits part of the wizard's Draft and shows the problems of its fields.

    Subclasses build their controls into `self.body` (a QVBoxLayout), write changes to
    `self.wiz.draft` and call `self.changed()`; they redraw from the draft in `load()`.
    """

    key = ""  # which PAGE_FIELDS entry this page shows problems for

    def __init__(self, wiz: NewVmWizard) -> None:
        super().__init__(None)
        self.wiz = wiz
        outer = QVBoxLayout(self)
        self.body = QVBoxLayout()
        outer.addLayout(self.body)
        outer.addStretch(1)
        self.problems = ProblemList(self)
        outer.addWidget(self.problems)
        self._loading = False
        wiz.problems_changed.connect(self._show_problems)

    # -- subclass hooks ---------------------------------------------------------------------

    def load(self) -> None:
        """Set the controls from the draft (without echoing changes back)."""

    # -- shared -----------------------------------------------------------------------------

    def initializePage(self) -> None:
        self._loading = True
        try:
            self.load()
        finally:
            self._loading = False
        self._show_problems()

    def changed(self) -> None:
        """The user changed something on this page: revalidate everything."""
        if not self._loading:
            self.wiz.revalidate()

    def my_problems(self) -> list[Problem]:
        return self.wiz.problems_for(self.key)

    def _show_problems(self) -> None:
        self.problems.set_problems(self.my_problems())
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not any(p.severity is Severity.ERROR for p in self.my_problems())

    def add(self, widget: QWidget) -> QWidget:
        self.body.addWidget(widget)
        return widget
