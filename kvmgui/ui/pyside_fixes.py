"""Work-arounds for bugs of the installed PySide6 that would crash kvmgui.

Garbage is collected on the GUI thread only (MainThreadCollector). CPython runs an automatic
collection in whichever thread allocates when a threshold is reached; the qasync loop runs
asyncio.to_thread work (waiting for QEMU to exit, file copies, free space) on worker threads,
so a widget, QImage or QTimer caught in a reference cycle could be destroyed off the GUI
thread, which Qt does not survive (a segfault, seen in long test runs). So automatic
collection is off and a timer on the GUI thread collects by the same thresholds.

PySide6 6.12.0: every `signal.emit(...)` called from Python returns Py_True without taking a
reference to it. On Python 3.11 (where True is an ordinary reference-counted object; it is
immortal from 3.12) each emit therefore drops one reference, and after a few thousand emits
the interpreter aborts with "Fatal Python error: bool_dealloc". A manager of running guests
emits several signals a second, so it would die within the hour.

The guard measures whether the bug is present and, only then, raises True's reference count
by a large amount (directly: CPython's ob_refcnt is the first field of every object) and
tops it up from a timer, so the count never reaches zero. Adding references can never free
anything, so the only cost is that True is never freed, which it never is anyway. On fixed
versions it does nothing. The real fix is a PySide6 without the bug (6.11.x, or a later
release).
"""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

RESERVE = 1 << 24  # references added to True at a time (16 million emits)
LOW_WATER = 1 << 22
CHECK_INTERVAL_MS = 5_000
COLLECT_INTERVAL_MS = 1_000
_PROBE_EMITS = 16


class _Probe(QObject):
    ping = Signal()


def emit_drops_true_references() -> bool:
    """True when emitting a signal from Python loses a reference to True (the 6.12.0 bug)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False  # True is immortal from 3.12: a lost reference cannot free it
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBE_EMITS):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    probe.deleteLater()
    return lost >= _PROBE_EMITS // 2


def add_true_references(count: int) -> None:
    """Raise the reference count of True by `count` (CPython only)."""
    import ctypes  # only where the bug is present

    refcnt = ctypes.c_ssize_t.from_address(id(True))
    refcnt.value += count


def _repeating(parent: QObject, interval_ms: int, slot: Callable[[], object]) -> QTimer:
    """A started timer that calls `slot` every `interval_ms`."""
    timer = QTimer(parent)
    timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    timer.start()
    return timer


class BoolRefcountGuard(QObject):
    """Keeps Py_True alive despite the references PySide6 6.12.0 drops on every emit."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.top_ups = 0
        self.top_up()
        self._timer = _repeating(self, CHECK_INTERVAL_MS, self.top_up)

    def top_up(self) -> None:
        if sys.getrefcount(True) < LOW_WATER:
            add_true_references(RESERVE)
            self.top_ups += 1


class MainThreadCollector(QObject):
    """Automatic garbage collection off; the same generational thresholds checked from a
    GUI-thread timer instead, so cycles holding Qt objects are freed on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self._timer = _repeating(self, COLLECT_INTERVAL_MS, self.collect)

    def collect(self) -> None:
        young, middle, old = gc.get_count()
        if young > self.threshold[0]:
            generation = 0
            if middle > self.threshold[1]:
                generation = 2 if old > self.threshold[2] else 1
            gc.collect(generation)


_guard: BoolRefcountGuard | None = None
_collector: MainThreadCollector | None = None


def install(parent: QObject | None = None) -> BoolRefcountGuard | None:
    """Install the work-arounds once per process: the GUI-thread garbage collector, and the
    emit guard if this PySide6 needs it; returns the guard (or None)."""
    global _guard, _collector
    if _collector is None:
        _collector = MainThreadCollector(parent)
    if _guard is not None:
        return _guard
    if not emit_drops_true_references():
        return None
    import PySide6

    log.warning(
        "PySide6 %s drops a reference to True on every signal emit; kvmgui keeps a "
        "reserve so it cannot crash (install another PySide6 version to fix it).",
        PySide6.__version__,
    )
    _guard = BoolRefcountGuard(parent)
    return _guard
