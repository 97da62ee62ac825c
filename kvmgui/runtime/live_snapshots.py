"""Live snapshots of a running VM through QMP: snapshot-save / -load / -delete jobs (QEMU ≥ 6.0).

The traps of QEMU's snapshot jobs, handled here:
- the commands return {} at once; the job's end and its error show only in `query-jobs`
  (polled here), and a concluded job stays until `job-dismiss` (always sent, so a job id is
  never left behind);
- `vmstate` and `devices` are block *node* names: the argv builder names each disk's format
  node `hd<i>`; every writable disk must be qcow2 (internal snapshots), throwaway and read-only
  disks are left out (QEMU cannot snapshot them, and there is nothing to keep);
- a failed load leaves the VM paused in `restore-vm`. When nothing was loaded (the snapshot is
  missing on a disk) it is resumed; otherwise it stays paused and the message says so.

The memory goes with the first disk (`vmstate`), so its snapshot list is the VM's list.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from dataclasses import dataclass
from typing import Any

from kvmgui.core.messages import QT_TRANSLATE_NOOP, KvmguiError, Message
from kvmgui.core.model import DiskFormat, VmSpec
from kvmgui.core.qemu_img import QemuImgOutputError, SnapshotInfo, info_from_dict
from kvmgui.runtime.qmp_session import QmpError, QmpSession

JOB_TIMEOUT_S = 600.0
POLL_S = 0.1


class LiveSnapshotError(KvmguiError):
    """A live snapshot operation failed; str() is one sentence."""


@dataclass(frozen=True)
class SnapshotDisks:
    nodes: list[str]  # format node names, the first holds the memory
    problem: str = ""  # why the VM cannot have snapshots ("" when it can)


def snapshot_disks(spec: VmSpec) -> SnapshotDisks:
    """The disks a snapshot covers (node names), or why the VM cannot have one."""
    nodes = []
    for i, disk in enumerate(spec.disks):
        if disk.readonly or disk.throwaway:
            continue
        if disk.format is not DiskFormat.QCOW2:
            return SnapshotDisks([], Message(QT_TRANSLATE_NOOP(
                "runtime.live_snapshots",
                "Snapshots need qcow2 disks, and disk {number} ({path}) is a {format} image: "
                "convert it to qcow2 with 'kvmgui-cli img convert'."),
                number=i + 1, path=disk.path, format=disk.format.value))
        nodes.append(f"hd{i}")
    if spec.usb_stick is not None and not spec.usb_stick.protected:
        return SnapshotDisks([], Message(QT_TRANSLATE_NOOP(
            "runtime.live_snapshots",
            "A live snapshot cannot include the unprotected USB stick: remove it or make it "
            "protected.")))
    if not nodes:
        return SnapshotDisks([], Message(QT_TRANSLATE_NOOP(
            "runtime.live_snapshots", "This VM has no disk to take snapshots of.")))
    return SnapshotDisks(nodes)


async def list_live(session: QmpSession, spec: VmSpec) -> list[SnapshotInfo]:
    """The snapshots of the VM's first snapshot disk, as the running QEMU sees them."""
    disks = _disks_or_error(spec)
    by_node = await _snapshots_by_node(session)
    return sorted(by_node.get(disks.nodes[0], []), key=lambda s: (s.date, s.id))


async def _snapshots_by_node(session: QmpSession) -> dict[str, list[SnapshotInfo]]:
    try:
        block = await session.execute("query-block")
    except QmpError as exc:
        raise LiveSnapshotError(Message(QT_TRANSLATE_NOOP(
            "runtime.live_snapshots", "QEMU did not list its disks: {exc}"), exc=str(exc))
        ) from None
    found: dict[str, list[SnapshotInfo]] = {}
    for entry in block if isinstance(block, list) else []:
        inserted = entry.get("inserted") if isinstance(entry, dict) else None
        if not isinstance(inserted, dict) or not isinstance(inserted.get("image"), dict):
            continue
        try:
            info = info_from_dict(inserted["image"])
        except QemuImgOutputError:
            continue
        found[str(inserted.get("node-name", ""))] = info.snapshots
    return found


def _disks_or_error(spec: VmSpec) -> SnapshotDisks:
    disks = snapshot_disks(spec)
    if disks.problem:
        raise LiveSnapshotError(disks.problem)
    return disks


async def _run_job(session: QmpSession, command: str, arguments: dict[str, Any],
                   timeout: float) -> str | None:
    """Run one snapshot job to its end; returns its error text (None when it worked)."""
    job_id = f"kvmgui-{command}-{uuid.uuid4().hex[:8]}"
    try:
        await session.execute(command, {"job-id": job_id, **arguments})
    except QmpError as exc:
        raise LiveSnapshotError(Message(QT_TRANSLATE_NOOP(
            "runtime.live_snapshots", "QEMU refused the snapshot: {exc}"), exc=str(exc))
        ) from None
    deadline = time.monotonic() + timeout
    try:
        while True:
            jobs = await session.execute("query-jobs")
            job = next((j for j in jobs if isinstance(j, dict) and j.get("id") == job_id), None)
            if job is None:
                return None  # already dismissed by someone: it ended
            if job.get("status") == "concluded":
                error = job.get("error")
                return str(error) if error else None
            if time.monotonic() > deadline:
                raise LiveSnapshotError(Message(QT_TRANSLATE_NOOP(
                    "runtime.live_snapshots",
                    "The snapshot did not finish within {timeout} s; QEMU is still working on "
                    "it."), timeout=f"{timeout:g}"))
            await asyncio.sleep(POLL_S)
    finally:
        # Not concluded (timeout) or gone: nothing more we can do.
        with contextlib.suppress(QmpError):
            await session.execute("job-dismiss", {"id": job_id})


def _refuse_shares(spec: VmSpec) -> None:
    # QEMU cannot save or restore a virtio-fs device's state, nor a 9p folder the guest has
    # mounted; snapshots of the VM while it is off are not concerned.
    if spec.shares:
        raise LiveSnapshotError(Message(QT_TRANSLATE_NOOP(
            "runtime.live_snapshots",
            "A running VM with shared folders cannot take or go back to a snapshot, because "
            "QEMU cannot save their state: shut the VM down first, or stop sharing them.")))


async def take_live(session: QmpSession, spec: VmSpec, name: str,
                    timeout: float = JOB_TIMEOUT_S) -> None:
    """Save the disks and the memory as snapshot `name` (the guest pauses meanwhile)."""
    _refuse_shares(spec)
    disks = _disks_or_error(spec)
    error = await _run_job(session, "snapshot-save", {
        "tag": name, "vmstate": disks.nodes[0], "devices": disks.nodes}, timeout)
    if error:
        raise LiveSnapshotError(Message(QT_TRANSLATE_NOOP(
            "runtime.live_snapshots", "Taking the snapshot '{name}' failed: {error}"),
            name=name, error=error), error)


async def revert_live(session: QmpSession, spec: VmSpec, name: str,
                      timeout: float = JOB_TIMEOUT_S) -> None:
    """Load snapshot `name`: disks and memory go back; the VM runs on from that moment."""
    _refuse_shares(spec)
    disks = _disks_or_error(spec)
    by_node = await _snapshots_by_node(session)
    missing = [n for n in disks.nodes if not any(s.name == name for s in by_node.get(n, []))]
    if missing:
        raise LiveSnapshotError(_no_such_snapshot(name))
    error = await _run_job(session, "snapshot-load", {
        "tag": name, "vmstate": disks.nodes[0], "devices": disks.nodes}, timeout)
    if not error:
        return
    if "does not exist" in error:
        # Nothing was loaded: the VM can go on as it was.
        with contextlib.suppress(QmpError):
            await session.execute("cont")
        raise LiveSnapshotError(_no_such_snapshot(name), error)
    raise LiveSnapshotError(Message(QT_TRANSLATE_NOOP(
        "runtime.live_snapshots",
        "Loading the snapshot '{name}' failed part-way ({error}); the VM is paused. Revert to "
        "another snapshot, or turn it off: resuming it may show a damaged state."),
        name=name, error=error), error)


async def delete_live(session: QmpSession, spec: VmSpec, name: str,
                      timeout: float = JOB_TIMEOUT_S) -> None:
    disks = _disks_or_error(spec)
    error = await _run_job(session, "snapshot-delete", {"tag": name, "devices": disks.nodes},
                           timeout)
    if error:
        raise LiveSnapshotError(Message(QT_TRANSLATE_NOOP(
            "runtime.live_snapshots", "Deleting the snapshot '{name}' failed: {error}"),
            name=name, error=error), error)


def _no_such_snapshot(name: str) -> Message:
    return Message(QT_TRANSLATE_NOOP(
        "runtime.live_snapshots", "There is no snapshot named '{name}' on every disk of this VM."),
        name=name)
