"""Offline (internal, qcow2) snapshots through `qemu-img snapshot`: argv and name rules.

`qemu-img snapshot` has no `-f` option in QEMU 7.2, so the format is forced through
`--image-opts driver=qcow2,file.driver=file,file.filename=PATH`: the image is never probed
(see core/qemu_img.py for why that matters), and `file.driver=file` means the path can only be
a local file. Commas in the path are doubled, as QEMU's option syntax requires.

Snapshots are listed from `qemu-img info --output=json` (ImageInfo.snapshots), not from
`snapshot -l`, whose text table is meant for people.
"""

from __future__ import annotations

import os
from enum import StrEnum

from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message
from kvmgui.core.qemu_img import QEMU_IMG, SNAPSHOT_FORMATS, SnapshotInfo

MAX_NAME = 100


class SnapshotAction(StrEnum):
    CREATE = "-c"
    APPLY = "-a"  # revert the disk to the snapshot
    DELETE = "-d"


def image_opts(path: str | os.PathLike[str], fmt: str) -> str:
    """`--image-opts` text that opens `path` as a local file with the given format."""
    if fmt not in SNAPSHOT_FORMATS:
        raise ValueError(Message(
            QT_TRANSLATE_NOOP("core.snapshots", "Only {formats} images can have snapshots."),
            formats=', '.join(SNAPSHOT_FORMATS),
        ))
    text = os.path.abspath(os.fspath(path))
    if "\0" in text:
        raise ValueError(Message(
            QT_TRANSLATE_NOOP("core.snapshots", "An image path must not contain NUL characters."),
        ))
    return f"driver={fmt},file.driver=file,file.filename={text.replace(',', ',,')}"


def snapshot_argv(
    path: str | os.PathLike[str],
    fmt: str,
    action: SnapshotAction,
    name: str,
    *,
    qemu_img: str = QEMU_IMG,
) -> list[str]:
    """`qemu-img snapshot -q --image-opts -c|-a|-d NAME driver=…`."""
    problem = name_problem(name) if action is SnapshotAction.CREATE else _lookup_problem(name)
    if problem:
        raise ValueError(problem)
    return [qemu_img, "snapshot", "-q", "--image-opts", action.value, name,
            image_opts(path, fmt)]


def name_problem(name: str, existing: list[SnapshotInfo] | None = None) -> str:
    """One sentence saying why `name` cannot name a new snapshot, or "" when it can."""
    if not name or not name.strip():
        return Message(QT_TRANSLATE_NOOP("core.snapshots", "The snapshot needs a name."))
    if name != name.strip():
        return Message(
            QT_TRANSLATE_NOOP(
                "core.snapshots",
                "A snapshot name must not start or end with a space.",
            ),
        )
    if len(name) > MAX_NAME:
        return Message(
            QT_TRANSLATE_NOOP(
                "core.snapshots",
                "A snapshot name can have at most {limit} characters.",
            ),
            limit=MAX_NAME,
        )
    if not name.isprintable():
        return Message(
            QT_TRANSLATE_NOOP(
                "core.snapshots",
                "A snapshot name must not contain control characters.",
            ),
        )
    if name.isdigit():
        # qemu-img finds a snapshot by its numeric ID or its name, so "2" would be ambiguous.
        return Message(
            QT_TRANSLATE_NOOP(
                "core.snapshots",
                "A snapshot name must not be a plain number; add a word, like 'before-2'.",
            ),
        )
    if existing and any(s.name == name for s in existing):
        return Message(
            QT_TRANSLATE_NOOP(
                "core.snapshots",
                "A snapshot named '{name}' already exists; choose another name.",
            ),
            name=name,
        )
    return ""


def _lookup_problem(name: str) -> str:
    if not name or not name.isprintable():
        return Message(QT_TRANSLATE_NOOP("core.snapshots", "Choose the snapshot by its name."))
    return ""


def find_snapshot(snapshots: list[SnapshotInfo], name: str) -> SnapshotInfo | None:
    """The snapshot called `name` (names first, then the numeric ID, as qemu-img does)."""
    for s in snapshots:
        if s.name == name:
            return s
    for s in snapshots:
        if s.id == name:
            return s
    return None
