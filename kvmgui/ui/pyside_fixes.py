"""Work-arounds for bugs of the installed PySide6 that would crash kvmgui.

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

import ctypes
import logging
import platform
import sys

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

RESERVE = 1 << 24  # references added to True at a time (16 million emits)
LOW_WATER = 1 << 22
CHECK_INTERVAL_MS = 5_000
_PROBE_EMITS = 16


class _Probe(QObject):
    ping = Signal()


def emit_drops_true_references() -> bool:
    """True when emitting a signal from Python loses a reference to True (the 6.12.0 bug)."""
    if sys.version_info >= (3, 12) or platform.python_implementation() != "CPython":
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
    refcnt = ctypes.c_ssize_t.from_address(id(True))
    refcnt.value += count


class BoolRefcountGuard(QObject):
    """Keeps Py_True alive despite the references PySide6 6.12.0 drops on every emit."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.top_ups = 0
        self.top_up()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.top_up)
        self._timer.start()

    def top_up(self) -> None:
        if sys.getrefcount(True) < LOW_WATER:
            add_true_references(RESERVE)
            self.top_ups += 1


_guard: BoolRefcountGuard | None = None


def install(parent: QObject | None = None) -> BoolRefcountGuard | None:
    """Install the guard once per process if this PySide6 needs it; returns it (or None)."""
    global _guard
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
