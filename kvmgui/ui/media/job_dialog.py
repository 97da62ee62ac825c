"""A dialog that runs its long jobs in a JobPanel: closing it while a job runs cancels the
job first and closes the dialog once the job has stopped."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from kvmgui.ui.media.jobs import JobPanel, track_task
from kvmgui.ui.widgets import dialog_buttons


class JobDialog(QDialog):
    """Subclasses place the panel with make_panel() and re-enable their widgets in _enable()."""

    panel: JobPanel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks: set[asyncio.Task[object]] = set()
        self._close_when_idle = False

    def make_panel(self) -> JobPanel:
        """The job panel, made where the subclass lays it out (so the tab order is kept)."""
        self.panel = JobPanel(self)
        self.panel.busy_changed.connect(self._busy_changed)
        return self.panel

    def panel_and_buttons(
        self, layout: QVBoxLayout, ok_text: str, ok_name: str, on_ok: Callable[[], object]
    ) -> tuple[QDialogButtonBox, QPushButton]:
        """The foot of a dialog whose OK button runs its job: the job panel, then OK and Close
        (the dialog stays open after a job, to run another)."""
        layout.addWidget(self.make_panel())
        return dialog_buttons(self, layout, ok_text, ok_name, on_ok, close=True)

    def _enable(self) -> None:
        """Enable the widgets for the current state (called whenever a job starts or ends)."""

    def _busy_changed(self, busy: int) -> None:
        self._enable()
        if not busy and self._close_when_idle:
            self._close_when_idle = False
            self.reject()

    def _track(self) -> None:
        track_task(self.tasks)

    # -- closing ----------------------------------------------------------------------------

    def reject(self) -> None:
        if self.panel.busy:
            # Closing in the middle would leave the job without a window to report to:
            # cancel it, and close once qemu-img has stopped and cleaned up.
            self._close_when_idle = True
            self.panel.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.panel.busy:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)
