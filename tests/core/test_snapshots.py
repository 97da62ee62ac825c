"""Offline snapshot argv and name rules."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kvmgui.core import snapshots as snap
from kvmgui.core.qemu_img import SnapshotInfo


def test_snapshot_argv_forces_the_format() -> None:
    argv = snap.snapshot_argv("/vms/a,b.qcow2", "qcow2", snap.SnapshotAction.CREATE, "before")
    assert argv == ["qemu-img", "snapshot", "-q", "--image-opts", "-c", "before",
                    "driver=qcow2,file.driver=file,file.filename=/vms/a,,b.qcow2"]
    assert snap.snapshot_argv("/x.qcow2", "qcow2", snap.SnapshotAction.APPLY, "1")[4] == "-a"
    assert snap.snapshot_argv("/x.qcow2", "qcow2", snap.SnapshotAction.DELETE, "s")[4] == "-d"


def test_only_qcow2_has_snapshots() -> None:
    with pytest.raises(ValueError, match="qcow2"):
        snap.snapshot_argv("/x.raw", "raw", snap.SnapshotAction.CREATE, "s")


def _snap(i: str, name: str) -> SnapshotInfo:
    return SnapshotInfo(i, name, 0, datetime(2025, 1, 1, tzinfo=UTC), 0.0)


@pytest.mark.parametrize(
    ("name", "words"),
    [("", "needs a name"), ("  ", "needs a name"), (" a", "space"), ("x" * 101, "at most"),
     ("a\nb", "control"), ("42", "plain number"), ("taken", "already exists")],
)
def test_name_problems(name: str, words: str) -> None:
    assert words in snap.name_problem(name, [_snap("1", "taken")])


def test_good_names() -> None:
    for name in ("before update", "2025-01-01", "v2", "état"):
        assert snap.name_problem(name, [_snap("1", "taken")]) == ""
    with pytest.raises(ValueError):
        snap.snapshot_argv("/x.qcow2", "qcow2", snap.SnapshotAction.CREATE, "7")


def test_find_snapshot() -> None:
    items = [_snap("1", "first"), _snap("2", "second")]
    assert snap.find_snapshot(items, "second") == items[1]
    assert snap.find_snapshot(items, "1") == items[0]
    assert snap.find_snapshot(items, "third") is None
