"""Offline snapshots of a stopped VM's qcow2 disk: take, list, revert, delete (qemu-img).

Live snapshots of a running VM go through QMP instead; these functions refuse an image a VM
holds ("This image is in use by a running VM."), because qemu-img writing into it while QEMU
does would corrupt it.
"""

from __future__ import annotations

import os
from pathlib import Path

from kvmgui.core import qemu_img as qi, snapshots as snap
from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message
from kvmgui.core.qemu_img import SnapshotInfo
from kvmgui.runtime.images import ImageError, image_info, run_qemu_img

SNAPSHOT_TIMEOUT_S = 300.0


async def list_snapshots(
    image: str | os.PathLike[str], *, fmt: str = "qcow2", qemu_img: str = qi.QEMU_IMG
) -> list[SnapshotInfo]:
    """The image's internal snapshots, oldest first (works while a VM runs: read-only)."""
    info = await image_info(image, fmt=fmt, qemu_img=qemu_img)
    return sorted(info.snapshots, key=lambda s: (s.date, s.id))


async def _run(
    image: str | os.PathLike[str], fmt: str, action: snap.SnapshotAction, name: str,
    qemu_img: str, doing: Message,
) -> None:
    try:
        argv = snap.snapshot_argv(image, fmt, action, name, qemu_img=qemu_img)
    except ValueError as exc:
        raise ImageError(str(exc)) from None
    result = await run_qemu_img(argv, timeout=SNAPSHOT_TIMEOUT_S)
    if result.returncode != 0:
        sentence: str = qi.explain_error(result.stderr)
        if not qi.is_locked_error(result.stderr):
            sentence = Message(QT_TRANSLATE_NOOP("runtime.disk_snapshots",
                                                 "{action} failed: {error}"),
                               action=doing, error=sentence)
        raise ImageError(sentence, qi.error_details(result.stderr))


async def _existing(image: str | os.PathLike[str], fmt: str, qemu_img: str) -> list[SnapshotInfo]:
    # force_share=False: the lock test, so an image in use is refused with the plain sentence.
    info = await image_info(image, fmt=fmt, force_share=False, qemu_img=qemu_img)
    return info.snapshots


async def create_snapshot(
    image: str | os.PathLike[str], name: str, *, fmt: str = "qcow2", qemu_img: str = qi.QEMU_IMG
) -> SnapshotInfo:
    """Take a disk-only snapshot called `name` of a stopped VM's image."""
    existing = await _existing(image, fmt, qemu_img)
    problem = snap.name_problem(name, existing)
    if problem:
        raise ImageError(problem)
    await _run(image, fmt, snap.SnapshotAction.CREATE, name, qemu_img,
               Message(QT_TRANSLATE_NOOP("runtime.disk_snapshots", "Taking the snapshot '{name}'"),
                       name=name))
    made = snap.find_snapshot(await list_snapshots(image, fmt=fmt, qemu_img=qemu_img), name)
    if made is None:  # pragma: no cover - qemu-img said it worked
        raise ImageError(Message(QT_TRANSLATE_NOOP(
            "runtime.disk_snapshots", "The snapshot '{name}' was not found after taking it."),
            name=name))
    return made


# What revert and delete are doing, for their error message.
_DOING = {
    snap.SnapshotAction.APPLY: QT_TRANSLATE_NOOP("runtime.disk_snapshots",
                                                 "Reverting to the snapshot '{name}'"),
    snap.SnapshotAction.DELETE: QT_TRANSLATE_NOOP("runtime.disk_snapshots",
                                                  "Deleting the snapshot '{name}'"),
}


async def _on_existing(action: snap.SnapshotAction, image: str | os.PathLike[str], name: str,
                       fmt: str, qemu_img: str) -> None:
    """Apply or delete the snapshot `name`, which must exist."""
    existing = await _existing(image, fmt, qemu_img)
    if snap.find_snapshot(existing, name) is None:
        raise ImageError(Message(QT_TRANSLATE_NOOP(
            "runtime.disk_snapshots", "{image} has no snapshot named '{snapshot}'."),
            image=Path(image).name, snapshot=name))
    await _run(image, fmt, action, name, qemu_img, Message(_DOING[action], name=name))


async def revert_snapshot(
    image: str | os.PathLike[str], name: str, *, fmt: str = "qcow2", qemu_img: str = qi.QEMU_IMG
) -> None:
    """Put the disk back to the snapshot `name`; later changes are lost (ask first)."""
    await _on_existing(snap.SnapshotAction.APPLY, image, name, fmt, qemu_img)


async def delete_snapshot(
    image: str | os.PathLike[str], name: str, *, fmt: str = "qcow2", qemu_img: str = qi.QEMU_IMG
) -> None:
    """Delete the snapshot `name` (the disk's current state is not changed)."""
    await _on_existing(snap.SnapshotAction.DELETE, image, name, fmt, qemu_img)
