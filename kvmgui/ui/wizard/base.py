"""What every wizard page shares: the draft, live validation, and a problem list at the bottom."""

from __future__ import annotations

from PySide6.QtWidgets import QSpinBox, QVBoxLayout, QWidget, QWizardPage

from kvmgui.core.problems import Problem, Severity
from kvmgui.ui.i18n import translate
from kvmgui.ui.widgets import ProblemList
from kvmgui.ui.wizard.model import WizardModel

# The largest number a QSpinBox holds.
SPIN_MAX = 2**31 - 1


class DraftPage(QWizardPage):
    """A page that edits part of the wizard's Draft and shows the problems of its fields.

    Subclasses build their controls into `self.body` (a QVBoxLayout), write changes to
    `self.model.draft` and call `self.changed(field, ...)` naming the spec fields the control
    sets; they redraw from the draft in `load()`.

    An error is shown only once the user has touched its field or pressed Next: a page that
    has just opened is not red, and Next stays enabled until it has shown why it may not go on.
    """

    key = ""  # which PAGE_FIELDS entry this page shows problems for

    def __init__(self, model: WizardModel) -> None:
        super().__init__(None)
        self.model = model
        title, subtitle = page_texts(self.key)
        self.setTitle(title)
        self.setSubTitle(subtitle)
        outer = QVBoxLayout(self)
        self.body = QVBoxLayout()
        outer.addLayout(self.body)
        outer.addStretch(1)
        self.problems = ProblemList(self)
        outer.addWidget(self.problems)
        self._loading = False
        self._touched: set[str] = set()
        self._revealed = False  # Next was pressed: every error of the page is shown
        model.problems_changed.connect(self._show_problems)

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

    def changed(self, *fields: str) -> None:
        """The user changed the spec `fields` (attribute paths or their prefixes) on this
        page: their errors may show from now on; revalidate everything."""
        if not self._loading:
            self._touched.update(fields)
            self.model.revalidate()

    def set_kept(self, field: str, value: object, *spec_fields: str) -> None:
        """The user set the draft's `field` (a value that a new OS choice must keep): store it
        and report the change of `spec_fields`."""
        if self._loading:
            return
        setattr(self.model.draft, field, value)
        self.model.note_kept(field)
        self.changed(*spec_fields)

    def my_problems(self) -> list[Problem]:
        """Every problem of this page's fields, shown or not yet."""
        return self.model.problems_for(self.key)

    def shown_problems(self) -> list[Problem]:
        """The problems the user sees: warnings, and errors of touched fields (all of them
        once Next was pressed)."""
        return [
            p
            for p in self.my_problems()
            if p.severity is not Severity.ERROR
            or self._revealed
            or any(_covers(t, p.field) for t in self._touched)
        ]

    def _show_problems(self) -> None:
        self.problems.set_problems(self.shown_problems())
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not any(p.severity is Severity.ERROR for p in self.shown_problems())

    def validatePage(self) -> bool:
        """Next (or Create) with errors not shown yet: show them and stay."""
        if any(p.severity is Severity.ERROR for p in self.my_problems()):
            self._revealed = True
            self._show_problems()
            return False
        return True

    def add(self, widget: QWidget) -> QWidget:
        self.body.addWidget(widget)
        return widget


def page_texts(key: str) -> tuple[str, str]:
    """The title and subtitle of the wizard's step `key` (each in its page's context)."""
    return {
        "source": (
            translate("SourcePage", "Start from"),
            translate(
                "SourcePage",
                "Step 1 of 6: choose what the new virtual machine starts "
                "from. You can change the CD or add a disk later.",
            ),
        ),
        "os": (
            translate("OsPage", "System type"),
            translate(
                "OsPage",
                "Step 2 of 6: what kind of system will run inside? It picks "
                "settings that work for it; you can change each one later.",
            ),
        ),
        "resources": (
            translate("ResourcesPage", "Memory and CPUs"),
            translate(
                "ResourcesPage",
                "Step 3 of 6: how much of this computer the virtual machine may use while it runs.",
            ),
        ),
        "disk": (
            translate("DiskPage", "Hard disk"),
            translate(
                "DiskPage", "Step 4 of 6: where the virtual machine keeps its system and files."
            ),
        ),
        "options": (
            translate("OptionsPage", "Devices"),
            translate(
                "OptionsPage",
                "Step 5 of 6: the virtual hardware. The defaults suit the system type you chose.",
            ),
        ),
        "summary": (
            translate("SummaryPage", "Ready to create"),
            translate(
                "SummaryPage",
                "Step 6 of 6: name the virtual machine and check what will be created.",
            ),
        ),
    }[key]


def _covers(touched: str, field: str) -> bool:
    """True when `field` is `touched` or inside it ("disks" covers "disks[0].size_bytes")."""
    return field == touched or field.startswith((touched + ".", touched + "["))


def accept_any_count(box: QSpinBox) -> None:
    """Let `box` take any whole number typed into it, 0 and huge ones included.

    A spin box refuses or clamps what is outside its range, so "0" or "64" on a two-core
    host would silently become something else; the wizard's validation says instead what is
    wrong with the number, and keeps it.
    """
    box.setRange(0, SPIN_MAX)
