"""Fixtures for the console widget tests: a qasync event loop on pytest-qt's QApplication."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from tests.runtime.rfb.bootsectors import write_disk
from tests.runtime.rfb.qemu_vm import QEMU


@pytest.fixture
def qloop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    """The app's real arrangement: asyncio running inside Qt's event loop. Tests drive it
    with qloop.run_until_complete(coroutine), which also processes Qt events (painting)."""
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    try:
        yield loop
    finally:
        # pytest-qt has closed the test's widgets and asked Qt to delete them. Delete them now,
        # while their loop is open (their `destroyed` handlers cancel tasks on it), rather
        # than in the middle of the next test's loop.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
        for task in pending:
            task.cancel()
        if pending:
            loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        loop.close()
        asyncio.set_event_loop(None)


@pytest.fixture
def keyecho_disk(tmp_path: Path) -> Path:
    return write_disk(tmp_path / "keyecho.img")


@pytest.fixture
def needs_qemu() -> None:
    if QEMU is None:
        pytest.skip("qemu-system-x86_64 is not installed (apt-get install qemu-system-x86)")
