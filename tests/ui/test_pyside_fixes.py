"""The guard against PySide6 6.12.0's lost reference to True on every signal emit, and garbage
collection kept on the GUI thread."""

from __future__ import annotations

import gc
import sys
import threading
import weakref
from typing import Any

from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

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


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only a collection frees it


def test_cycles_are_collected_by_the_gui_thread_timer(qapp: Any, qtbot: QtBot) -> None:
    was_enabled = gc.isenabled()
    collector = pyside_fixes.MainThreadCollector()
    try:
        assert not gc.isenabled()  # no collection can start in a worker thread
        freed_on: list[str] = []
        node = _Node()
        weakref.finalize(node, lambda: freed_on.append(threading.current_thread().name))
        del node
        kept = [[] for _ in range(collector.threshold[0] + 1)]  # past the youngest threshold
        qtbot.waitUntil(lambda: bool(freed_on), timeout=3000)
        assert freed_on == [threading.main_thread().name]
        del kept
    finally:
        collector.deleteLater()
        if was_enabled:
            gc.enable()
