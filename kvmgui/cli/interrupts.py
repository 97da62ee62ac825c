"""Ctrl+C, SIGTERM and SIGHUP stop a command the same way: by cancelling it.

Cancelling runs every `finally` and `except BaseException` of the operation: the running
qemu-img is stopped, the temp file is deleted and a half-made VM is removed, exactly as for a
cancel in the app. Python's default for SIGTERM and SIGHUP is to die on the spot, which left
a 400 MB temp file, a VM without its disk and an orphaned qemu-img behind.

- While the command's coroutine runs, a signal cancels its task (from the event loop, as
  asyncio.run does for Ctrl+C). Before and after it, in plain code, it raises `Interrupted`
  (a KeyboardInterrupt), which unwinds through the same `finally` blocks.
- Further signals while the command undoes its work are ignored, so the cleanup is not cut
  short; it is bounded (qemu-img gets a few seconds to stop before SIGKILL).
- The exit code is 128 + the signal's number (130, 143, 129), as a shell reports it.
- A signal the caller ignores stays ignored (`nohup kvmgui-cli …` keeps running when its
  terminal closes).
"""

from __future__ import annotations

import asyncio
import signal
import threading
from collections.abc import Awaitable, Callable
from types import FrameType
from typing import Any, TypeVar

R = TypeVar("R")

SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)

_WHY = {
    signal.SIGINT: "Stopped by Ctrl+C",
    signal.SIGTERM: "Stopped by a request to end kvmgui-cli",
    signal.SIGHUP: "Stopped because the terminal was closed",
}


class Interrupted(KeyboardInterrupt):
    """A stop signal arrived outside the command's coroutine."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class Stopper:
    """Installs the handlers for the duration of one command (see the module docstring)."""

    def __init__(self) -> None:
        self.signum: int | None = None
        self._task: asyncio.Task[object] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._finished = False  # the command's coroutine has ended: nothing left to stop
        self._previous: dict[int, Callable[[int, FrameType | None], Any] | int | None] = {}

    def __enter__(self) -> Stopper:
        # Signal handlers can only be set from the main thread (a test may call main()
        # from another one: it then keeps Python's defaults).
        if threading.current_thread() is threading.main_thread():
            for sig in SIGNALS:
                # An ignored signal stays ignored: `nohup` (SIGHUP) and a shell's background
                # job (SIGINT) ask for exactly that.
                if signal.getsignal(sig) is not signal.SIG_IGN:
                    self._previous[sig] = signal.signal(sig, self._on_signal)
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, previous in self._previous.items():
            signal.signal(sig, previous if previous is not None else signal.SIG_DFL)
        self._previous.clear()

    async def run(self, awaitable: Awaitable[R]) -> R:
        """Await the command's coroutine as the task a signal cancels."""
        self._loop = asyncio.get_running_loop()
        self._task = asyncio.current_task()
        try:
            return await awaitable
        finally:
            self._task = None
            self._finished = True

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        if self.signum is not None or self._finished:
            return  # already stopping (let the cleanup finish), or nothing left to stop
        self.signum = signum
        task, loop = self._task, self._loop
        if task is not None and loop is not None and not task.done():
            loop.call_soon_threadsafe(task.cancel)
            return
        raise Interrupted(signum)

    @property
    def exit_code(self) -> int:
        return 128 + (self.signum or signal.SIGINT)

    def sentence(self) -> str:
        why = _WHY.get(signal.Signals(self.signum or signal.SIGINT), "Stopped")
        return (f"{why} before the command finished; its unfinished work was removed, so run "
                "the command again to complete it.")
