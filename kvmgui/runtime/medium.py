"""Reading a would-be install medium's first bytes, in a worker thread, to tell what it is.

The decision is core's (kvmgui.core.media.classify and
kvmgui.core.validation.install_medium_problems); this module only does the reading, so the
wizard never blocks its window on a slow disk and the CLI asks the very same question.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from kvmgui.core.media import HEAD_BYTES, MediumKind, classify
from kvmgui.core.validation import Problem, install_medium_problems


def _read_head(path: Path) -> bytes:
    with path.open("rb") as f:
        return f.read(HEAD_BYTES)


async def medium_kind(path: Path) -> MediumKind | None:
    """What the file at `path` is; None when it cannot be read as a regular file (whether it
    exists and may be read is validate_spec's question, with its own sentence)."""
    if not await asyncio.to_thread(path.is_file):
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
