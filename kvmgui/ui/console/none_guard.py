"""Stopgap for a PySide6 6.12 bug on Python 3.11: every call of a void C++ method (update(),
setX(), QPainter.fillRect()…) returns None without taking a reference, so None's reference
count falls by one per call. None starts with a few thousand references; a console repainting
30 times a second reaches zero within a minute and the interpreter aborts with "Fatal Python
error: none_dealloc" (measured here: PySide6 6.12.0 loses 1 per call, 6.11.2 loses none; on
Python >= 3.12 None is immortal and nothing happens).

The fix belongs in the dependencies (PySide6 < 6.12 on Python 3.11, or Python >= 3.12). Until
then, `guard_none_refcount()` detects the leak and, only if present, gives None a reference
count so large that the leak can never reach zero. None is never freed in a healthy process,
so this changes nothing else.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QPoint

_HEADROOM = 1 << 40  # > 30 years at a million void calls per second
_checked = False


def leaks_none_references() -> bool:
    """True if this PySide6 drops a reference to None on every void call."""
    probe = QPoint()
    before = sys.getrefcount(None)
    for _ in range(16):
        probe.setX(1)
    return sys.getrefcount(None) < before - 8


def guard_none_refcount() -> bool:
    """Apply the stopgap once per process if needed; returns whether it was applied."""
    global _checked
    if _checked or sys.version_info >= (3, 12):
        return False
    _checked = True
    if not leaks_none_references():
        return False
    refcount = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is PyObject's first field
    refcount.value += _HEADROOM
    return True
