"""Reading a would-be install medium's first bytes, in a worker thread, to tell what it is.

The decision is core's (kvmgui.core.media.classify and
kvmgui.core.validation.install_medium_problems); this module only does the reading, so the
wizard never blocks its window on a slow disk and the CLI asks the very same question.
"""

from __future__ import annotations

import asyncio
import os
import stat
from pathlib import Path

from kvmgui.core.media import HEAD_BYTES, MediumKind, classify, file_kind_problem
from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message
from kvmgui.core.problems import Problem
from kvmgui.core.validation import install_medium_problems


def _read_head(path: Path) -> bytes:
    # Non-blocking, and checked again on the open file: a FIFO swapped in after the type
    # check must not make the read wait for a writer.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOCTTY)
    with open(fd, "rb", closefd=True) as f:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"{path} is not a regular file")
        return f.read(HEAD_BYTES)


def _readable_file(path: Path) -> bool:
    """A regular file that is no /proc or /sys file: the only kind whose head is read."""
    what = Message(QT_TRANSLATE_NOOP("runtime.medium", "disc image"))
    return path.is_file() and file_kind_problem(path, what) is None


async def medium_kind(path: Path) -> MediumKind | None:
    """What the file at `path` is; None when it cannot be read as a regular file (whether it
    exists, has the right type and may be read is validate_spec's question, with its own
    sentence). The type is checked before anything is opened."""
    if not await asyncio.to_thread(_readable_file, path):
        return None
    try:
        head = await asyncio.to_thread(_read_head, path)
    except OSError:
        return None
    return classify(head)


async def install_medium_check(field: str, path: Path) -> list[Problem]:
    """The problems of `path` as the install or live disc a new VM boots from."""
    kind = await medium_kind(path)
    if kind is None:
        return []
    return install_medium_problems(field, str(path), kind)
