"""Recent resource figures of every running VM, kept from the app's start so a graph opened
later already has a history (virt-manager shows "Disabled" until polling is switched on)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor

from kvmgui.ui.i18n import translate
from kvmgui.ui.sparkline import HISTORY, Series

if TYPE_CHECKING:
    from kvmgui.runtime.stats import VmStats


@dataclass
class VmHistory:
    cpu: Series = field(default_factory=lambda: Series("", QColor("#2f6fd0")))
    memory: Series = field(
        default_factory=lambda: Series(translate("Performance", "in use"), QColor("#2e9d4a"))
    )
    disk_read: Series = field(
        default_factory=lambda: Series(translate("Performance", "read"), QColor("#7a52c7"))
    )
    disk_write: Series = field(
        default_factory=lambda: Series(translate("Performance", "write"), QColor("#d08a00"))
    )
    last: VmStats | None = None

    def add(self, stats: VmStats) -> None:
        previous = self.last
        self.last = stats
        if stats.cpu_percent is not None:
            self.cpu.add(stats.cpu_percent)
        if stats.rss_bytes is not None:
            self.memory.add(float(stats.rss_bytes))
        if previous is not None and previous.pid == stats.pid:
            elapsed = stats.sampled_at - previous.sampled_at
            if elapsed > 0:
                self.disk_read.add(max(0, stats.read_bytes - previous.read_bytes) / elapsed)
                self.disk_write.add(max(0, stats.write_bytes - previous.write_bytes) / elapsed)

    def clear(self) -> None:
        for s in (self.cpu, self.memory, self.disk_read, self.disk_write):
            s.clear()
        self.last = None


class StatsHistory(QObject):
    updated = Signal(str)  # vm_id

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._by_vm: dict[str, VmHistory] = {}
        self.capacity = HISTORY

    def history(self, vm_id: str) -> VmHistory:
        found = self._by_vm.get(vm_id)
        if found is None:
            found = self._by_vm[vm_id] = VmHistory()
        return found

    def add(self, vm_id: str, stats: object) -> None:
        # Imported here for start-up cost: the runtime's stats (and asyncio) load after the
        # first paint, and no stats arrive before.
        from kvmgui.runtime.stats import VmStats

        if isinstance(stats, VmStats):
            self.history(vm_id).add(stats)
            self.updated.emit(vm_id)

    def forget(self, vm_id: str) -> None:
        self._by_vm.pop(vm_id, None)
