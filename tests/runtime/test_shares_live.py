"""A running VM with shared folders refuses live snapshots (QEMU cannot save their state)."""

from __future__ import annotations

import pytest

from kvmgui.core.model import Share
from kvmgui.core.presets import new_spec
from kvmgui.runtime import live_snapshots as ls


@pytest.mark.asyncio
async def test_live_snapshots_refuse_shared_folders() -> None:
    spec = new_spec("s", shares=(Share("/srv/data", "data"),))
    for call in (ls.take_live, ls.revert_live):
        with pytest.raises(ls.LiveSnapshotError, match="shared folders"):
            await call(None, spec, "s1")  # type: ignore[arg-type]  # refused before any QMP
