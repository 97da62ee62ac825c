"""How responsive the Qt event loop stays: used by tests/ui/test_load.py and
benches/bench_ui_latency.py."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, QTimer


class Heartbeat(QObject):
    """A repeating timer on the Qt thread that records how late each tick came (seconds)."""

    def __init__(self, interval_ms: int) -> None:
        super().__init__()
        self.interval = interval_ms / 1000
        self.lateness: list[float] = []
        self._last = 0.0
        self._timer = QTimer(self)
        # PreciseTimer: Qt's default (coarse) timers may slip by 5 % on purpose.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.lateness.clear()
        self._last = time.monotonic()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.monotonic()
        self.lateness.append(max(0.0, now - self._last - self.interval))
        self._last = now
