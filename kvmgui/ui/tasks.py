"""Background work on the qasync loop that is never lost: held until done, its failure logged
and handed to the window that started it."""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import asyncio

log = logging.getLogger(__name__)


def spawn_into(
    tasks: set[asyncio.Task[Any]],
    coro: Coroutine[Any, Any, Any],
    failed: Callable[[BaseException], object],
    what: str,
) -> asyncio.Task[Any]:
    """Run `coro` as a task kept in `tasks` until it is done (asyncio holds only a weak
    reference); an exception it raises is logged as `what` and passed to `failed`."""
    # Imported here for start-up cost: the main window is painted before asyncio is loaded.
    import asyncio

    task: asyncio.Task[Any] = asyncio.ensure_future(coro)
    tasks.add(task)

    def done(task: asyncio.Task[Any]) -> None:
        tasks.discard(task)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            log.error("%s failed", what, exc_info=exc)
            failed(exc)

    task.add_done_callback(done)
    return task
