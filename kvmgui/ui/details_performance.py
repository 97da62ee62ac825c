"""The VM window's Performance page: CPU, memory and disk I/O over the last minutes.

Fed by the main window's StatsHistory, which records every sample from the app's start, so
the graphs are never "Disabled" and already have a history when the page is opened.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kvmgui.ui.i18n import format_size, translate
from kvmgui.ui.sparkline import Sparkline, nice_top
from kvmgui.ui.stats_history import StatsHistory
from kvmgui.ui.widgets import hint_label


def rate_text(value: float) -> str:
    return translate("PerformancePage", "{0}/s").format(
        format_size(int(value)) if value >= 1 else format_size(0)
    )


class PerformancePage(QWidget):
    def __init__(
        self, history: StatsHistory, vm_id: str, interval_s: float, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.history = history
        self.vm_id = vm_id
        h = history.history(vm_id)
        layout = QVBoxLayout(self)
        self.note = hint_label("", self)
        layout.addWidget(self.note)
        self.cpu = Sparkline(
            translate("PerformancePage", "CPU"),
            [h.cpu],
            fixed_max=100.0,
            describe=lambda v: f"{v:.0f} %",
            parent=self,
        )
        self.memory = Sparkline(
            translate("PerformancePage", "Memory used by QEMU"),
            [h.memory],
            describe=lambda v: format_size(int(v)),
            base=1024,
            parent=self,
        )
        self.disk = Sparkline(
            translate("PerformancePage", "Disk input/output"),
            [h.disk_read, h.disk_write],
            describe=rate_text,
            base=1024,
            parent=self,
        )
        for graph in (self.cpu, self.memory, self.disk):
            graph.empty_text = translate("PerformancePage", "Shown while the virtual machine runs.")
            layout.addWidget(graph, 1)
        self.set_interval(interval_s)
        history.updated.connect(self._updated)

    def set_interval(self, interval_s: float) -> None:
        note, span = interval_texts(interval_s, self.history.capacity)
        self.note.setText(note)
        for graph in (self.cpu, self.memory, self.disk):
            graph.span_text = span
            graph.now_text = translate("PerformancePage", "now")
        self._align()

    def detach(self) -> None:
        """Stop following the history (its window is closing; the history lives on)."""
        with contextlib.suppress(RuntimeError, TypeError):
            self.history.updated.disconnect(self._updated)

    def _updated(self, vm_id: str) -> None:
        if vm_id != self.vm_id:
            return
        h = self.history.history(vm_id)
        # The CPU scale grows with the guest: 100 % per busy core, never below 100 %.
        self.cpu.fixed_max = max(100.0, nice_top(max(h.cpu.values, default=0.0)))
        self._align()

    def _align(self) -> None:
        align_graphs((self.cpu, self.memory, self.disk))


def interval_texts(interval_s: float, capacity: int) -> tuple[str, str]:
    """The note above the graphs (how often, over how long) and what the left end of their
    x axis is, for samples every `interval_s` seconds of which `capacity` are kept."""
    span_s = interval_s * capacity
    minutes = round(span_s / 60)
    note = translate(
        "PerformancePage",
        "Measured every {0} s, over the last %n minute(s). 100 % CPU "
        "is one host core fully busy.",
        "",
        minutes,
    ).format(QLocale().toString(interval_s, "g", 6))  # the user's locale: "0,5 s" in French
    if span_s >= 120:
        span = translate("PerformancePage", "%n minute(s) ago", "", minutes)
    else:
        span = translate("PerformancePage", "%n second(s) ago", "", round(span_s))
    return note, span


def align_graphs(graphs: Sequence[Sparkline]) -> None:
    """One y-scale gutter for graphs stacked on a page, so their time axes line up."""
    gutter = max(graph.gutter_needed() for graph in graphs)
    for graph in graphs:
        graph.min_gutter = gutter
        graph.refresh()
