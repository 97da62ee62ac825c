"""The Performance page of a libvirt domain: CPU, memory, disk and network I/O.

Sampled from libvirt's statistics while the page's window is open: each sample is one call
in a worker thread (runtime.libvirt_details.read_counters), never on the Qt thread, and a
sample still under way when the next is due (a slow remote daemon) is not doubled.
"""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kvmgui.core.libvirt_domain_view import DomainView
from kvmgui.runtime.libvirt_conn import LibvirtConnection
from kvmgui.runtime.libvirt_details import DomainCounters, rates, read_counters
from kvmgui.runtime.libvirt_errors import LibvirtError
from kvmgui.ui.details_performance import align_graphs, interval_texts, rate_text
from kvmgui.ui.i18n import format_size, translate
from kvmgui.ui.sparkline import HISTORY, Series, Sparkline, nice_top
from kvmgui.ui.widgets import hint_label

log = logging.getLogger(__name__)

INTERVAL_S = 2.0


class LibvirtPerformancePage(QWidget):
    def __init__(self, connection: LibvirtConnection, name: str,
                 parent: QWidget | None = None, *, interval_s: float = INTERVAL_S) -> None:
        super().__init__(parent)
        self.connection = connection
        self.name = name
        self.view: DomainView | None = None  # names the devices for drivers without bulk stats
        self._last: DomainCounters | None = None
        self._task: asyncio.Task[None] | None = None
        self.samples = 0  # samples taken (tests wait on it)
        self.cpu_series = Series("", QColor("#2f6fd0"))
        self.memory_series = Series(translate("Performance", "in use"), QColor("#2e9d4a"))
        self.read_series = Series(translate("Performance", "read"), QColor("#7a52c7"))
        self.write_series = Series(translate("Performance", "write"), QColor("#d08a00"))
        self.rx_series = Series(translate("LibvirtPerformance", "received"), QColor("#1f8f8f"))
        self.tx_series = Series(translate("LibvirtPerformance", "sent"), QColor("#c0504d"))
        layout = QVBoxLayout(self)
        self.note = hint_label("", self)
        layout.addWidget(self.note)
        self.cpu = Sparkline(translate("PerformancePage", "CPU"), [self.cpu_series],
                             fixed_max=100.0, describe=lambda v: f"{v:.0f} %", parent=self)
        self.memory = Sparkline(translate("LibvirtPerformance", "Memory"),
                                [self.memory_series], describe=lambda v: format_size(int(v)),
                                base=1024, parent=self)
        self.disk = Sparkline(translate("PerformancePage", "Disk input/output"),
                              [self.read_series, self.write_series], describe=rate_text,
                              base=1024, parent=self)
        self.network = Sparkline(translate("LibvirtPerformance", "Network input/output"),
                                 [self.rx_series, self.tx_series], describe=rate_text,
                                 base=1024, parent=self)
        self.graphs = (self.cpu, self.memory, self.disk, self.network)
        note, span = interval_texts(interval_s, HISTORY)
        self.note.setText(note)
        for graph in self.graphs:
            graph.empty_text = translate("PerformancePage",
                                         "Shown while the virtual machine runs.")
            graph.span_text = span
            graph.now_text = translate("PerformancePage", "now")
            layout.addWidget(graph, 1)
        align_graphs(self.graphs)
        self.timer = QTimer(self)
        self.timer.setInterval(round(interval_s * 1000))
        self.timer.timeout.connect(self.sample)

    def start(self) -> None:
        self.timer.start()
        self.sample()

    def stop(self) -> None:
        self.timer.stop()
        task, self._task = self._task, None
        if task is not None:
            task.cancel()

    def sample(self) -> None:
        if self._task is not None and not self._task.done():
            return
        self._task = asyncio.ensure_future(self._sample())

    async def _sample(self) -> None:
        try:
            counters = await read_counters(self.connection, self.name, self.view)
        except LibvirtError as exc:
            # Gone or the connection dropped: the window says so from its events; the graphs
            # keep what they have.
            log.debug("no statistics of %s: %s", self.name, exc)
            return
        self.add(counters)

    def add(self, counters: DomainCounters) -> None:
        used = rates(self._last, counters)
        self._last = counters if counters.active else None
        self.samples += 1
        if used is None:
            return
        for series, value in (
            (self.cpu_series, used.cpu_percent),
            (self.memory_series, used.memory_bytes),
            (self.read_series, used.read_per_s),
            (self.write_series, used.write_per_s),
            (self.rx_series, used.rx_per_s),
            (self.tx_series, used.tx_per_s),
        ):
            if value is not None:
                series.add(float(value))
        # 100 % per busy vCPU, never below 100 %.
        self.cpu.fixed_max = max(100.0, nice_top(max(self.cpu_series.values, default=0.0)))
        align_graphs(self.graphs)
