"""The one place where runtime events become Qt signals.

The runtime publishes plain dataclasses (kvmgui.runtime.events) to subscribers, on the asyncio
loop's thread — which, under qasync, is the Qt thread — so the bridge can emit signals
directly. Windows connect to these signals and never subscribe to the runtime themselves.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from kvmgui.runtime.manager import VmManager

log = logging.getLogger(__name__)


class RuntimeBridge(QObject):
    # Flags travel as int 0/1, never as Python bools: PySide6 6.12.0 on Python 3.11 drops a
    # reference to True/False on every emit of a Python-defined signal carrying one, and the
    # interpreter aborts ("bool_dealloc") after a few hundred emits.
    # vm_id, VmState, reason, details. A sentence travels as `object`: a `str` parameter would
    # turn a Message (core/runtime) into its English text before the UI can translate it.
    state_changed = Signal(str, object, object, str)
    # vm_id, VmStats
    stats_sampled = Signal(str, object)
    # vm_id, display URI or None
    console_available = Signal(str, object)
    # vm_id, device id, tray open
    tray_moved = Signal(str, str, int)
    # vm_id, device, message, nospace
    disk_error = Signal(str, str, object, int)
    # vm_id, by_guest
    guest_reset = Signal(str, int)
    vm_list_changed = Signal()
    # vm_id, core.advisor.Advice or None (the performance advisor's notice)
    advice_changed = Signal(str, object)

    def __init__(self, manager: VmManager | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe: Callable[[], object] | None = None
        if manager is not None:
            self.attach(manager)

    def attach(self, manager: VmManager) -> None:
        self.detach()
        result = manager.subscribe(self.deliver)
        if callable(result):
            self._unsubscribe = result
        elif hasattr(manager, "unsubscribe"):
            self._unsubscribe = lambda: manager.unsubscribe(self.deliver)

    def detach(self) -> None:
        if self._unsubscribe is not None:
            try:
                self._unsubscribe()
            finally:
                self._unsubscribe = None

    def deliver(self, event: object) -> None:
        """Turn one runtime event into the matching signal (unknown events are ignored)."""
        try:
            self._emit(event)
        except RuntimeError:
            # The bridge's C++ side is gone (the app is closing): nothing listens any more.
            log.debug("event after the bridge was destroyed: %r", event)

    def _emit(self, event: object) -> None:
        # Imported here for start-up cost: the events (and asyncio under them) load with the
        # runtime, after the first paint; no event comes before.
        from kvmgui.runtime import events as ev

        if isinstance(event, ev.StateChanged):
            self.state_changed.emit(event.vm_id, event.state, event.reason, event.details)
        elif isinstance(event, ev.StatsSampled):
            self.stats_sampled.emit(event.vm_id, event.stats)
        elif isinstance(event, ev.ConsoleAvailable):
            self.console_available.emit(event.vm_id, event.uri)
        elif isinstance(event, ev.TrayMoved):
            self.tray_moved.emit(event.vm_id, event.device_id, int(event.open))
        elif isinstance(event, ev.DiskError):
            self.disk_error.emit(event.vm_id, event.device, event.message, int(event.nospace))
        elif isinstance(event, ev.GuestReset):
            self.guest_reset.emit(event.vm_id, int(event.by_guest))
        elif isinstance(event, ev.VmListChanged):
            self.vm_list_changed.emit()
        elif isinstance(event, ev.AdviceChanged):
            self.advice_changed.emit(event.vm_id, event.advice)
        else:
            log.debug("runtime event without a signal: %r", event)
