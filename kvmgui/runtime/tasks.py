"""Stopping a background task of ours and waiting until it has stopped."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any


async def cancel_and_wait(task: asyncio.Future[Any] | None, *, quiet: bool = False) -> None:
    """Cancel `task` (None: there is none) and wait until it ends. Its CancelledError stops
    here; with `quiet` so does any error it ended with (its result is being thrown away)."""
    if task is None:
        return
    task.cancel()
    ignored: tuple[type[BaseException], ...] = (
        (asyncio.CancelledError, Exception) if quiet else (asyncio.CancelledError,))
    with contextlib.suppress(*ignored):
        await task
