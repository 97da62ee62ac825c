"""The guard against PySide6 6.12.0's lost reference to True on every signal emit."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QObject, Signal

from kvmgui.ui import pyside_fixes


class _Emitter(QObject):
    ping = Signal(str, int)


def test_many_emits_never_free_true(qapp: Any) -> None:
    guard = pyside_fixes.install(qapp)
    emitter = _Emitter()
    emitter.ping.connect(lambda *_: None)
    for _ in range(50_000):
        emitter.ping.emit("x", 1)
    if guard is not None:
        guard.top_up()
        assert sys.getrefcount(True) > pyside_fixes.LOW_WATER
    # Reaching here (and the interpreter's clean exit afterwards) is the proof.
    assert sys.getrefcount(True) > 1000
