"""One kvmgui per user: a second start only brings the first window forward."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kvmgui.ui.single_instance import SingleInstance


def test_second_instance_asks_the_first_to_raise(qtbot: Any, short_root: Path) -> None:
    lock = short_root / "run" / "app.lock"
    first = SingleInstance(lock)
    assert first.acquire()
    second = SingleInstance(lock)
    assert not second.acquire()
    with qtbot.waitSignal(first.raise_requested, timeout=5000):
        assert second.ask_first_to_raise()
    first.release()
    third = SingleInstance(lock)
    assert third.acquire()  # the lock went with the first instance
    third.release()


def test_nobody_listening(qtbot: Any, short_root: Path) -> None:
    lonely = SingleInstance(short_root / "run" / "other.lock")
    assert not lonely.ask_first_to_raise()
