"""Copy a disk image (or a VM's disk) onto a block device, an LVM volume or a file.

What is refused and why is decided in kvmgui/core/copy_device.py (and, for what must never be
written at all, in kvmgui/core/write_guard.py); this module gathers the facts (stat, lsblk,
/proc/self/mountinfo, /proc/swaps, qemu-img info, whether the owning VM runs) and runs the
copy as an ImageJob (kvmgui/runtime/images.py) with progress and cancel.

Unlike the image jobs, a device copy cannot be made atomic: the target is written in place.
A cancelled or failed copy therefore leaves the target partly written, and says so.

    plan = await plan_copy("disk.qcow2", "/dev/vg/lv", store=store, paths=paths)
    job = copy_to_device_job("disk.qcow2", "/dev/vg/lv", confirm="lv", store=store,
                             paths=paths, progress=on_percent)
    result = await job.run()    # JobResult, or ImageError / CopyError / ImageCancelled
"""

from __future__ import annotations

import asyncio
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from kvmgui.core import copy_device as cd, qemu_img as qi, usage
from kvmgui.core.blockdevs import BlockDevError, parse_lsblk, parse_mountinfo, parse_swaps
from kvmgui.core.clones import disk_image
from kvmgui.core.copy_device import CopyPlan, CopyRefused, TargetFacts
from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message, plural
from kvmgui.core.model import DiskFormat
from kvmgui.core.paths import AppPaths
from kvmgui.core.problems import shown
from kvmgui.core.sizes import Size
from kvmgui.core.store import StoredVm, VmStore
from kvmgui.runtime.blockdev_probe import ProbeError, run_lsblk
from kvmgui.runtime.images import (
    ImageCancelled,
    ImageError,
    ImageJob,
    JobResult,
    ProgressCallback,
    image_chain,
    image_info,
)
from kvmgui.runtime.liveness import vm_is_running
from kvmgui.runtime.write_guard import WriteGuard


class CopyError(ImageError):
    """The copy was refused or failed; `message` is one sentence, `details` the raw text."""


@dataclass(frozen=True)
class CopySource:
    path: Path  # absolute
    fmt: str | None  # None: learnt once from qemu-img info
    owners: tuple[StoredVm, ...]  # the VMs whose disk this image is


# ------------------------------------------------------------------------------ facts


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _device_size(path: str) -> int | None:
    """The exact size of a block device (seek to its end), None without read access."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        return os.lseek(fd, 0, os.SEEK_END)
    finally:
        os.close(fd)


async def gather_target(target: str, *, lsblk: str = "lsblk") -> TargetFacts:
    """Stat the target and, for a block device, ask lsblk what it holds and what is mounted."""
    real = os.path.realpath(target)
    try:
        st = os.stat(real)
    except FileNotFoundError:
        return TargetFacts(target, real, "missing", 0, False)
    except OSError as exc:
        raise CopyError(Message(QT_TRANSLATE_NOOP(
            "runtime.copy_device", "{target} cannot be examined ({strerror})."),
            target=shown(target), strerror=exc.strerror or "")) from None
    if stat.S_ISDIR(st.st_mode):
        return TargetFacts(target, real, "dir", 0, False)
    writable = os.access(real, os.W_OK)
    if stat.S_ISREG(st.st_mode):
        return TargetFacts(target, real, "file", st.st_size, writable)
    if not stat.S_ISBLK(st.st_mode):
        return TargetFacts(target, real, "other", 0, writable)
    try:
        nodes = parse_lsblk(await run_lsblk(lsblk))
    except ProbeError as exc:
        raise CopyError(_cannot_tell(target, exc.message), exc.details) from None
    except BlockDevError as exc:
        raise CopyError(_cannot_tell(target, str(exc))) from None
    node = cd.find_node(nodes, real, os.path.realpath)
    if node is None:
        raise CopyError(Message(QT_TRANSLATE_NOOP(
            "runtime.copy_device",
            "lsblk does not list {target}, so kvmgui cannot tell whether it is in use; it does "
            "not write to it."), target=shown(target)))
    size = await asyncio.to_thread(_device_size, real)
    mounts = parse_mountinfo(await asyncio.to_thread(_read, "/proc/self/mountinfo"))
    swaps = parse_swaps(await asyncio.to_thread(_read, "/proc/swaps"))
    return TargetFacts(target, real, "block", node.size if size is None else size, writable,
                       node, tuple(mounts), tuple(swaps))


def _cannot_tell(target: str, problem: str) -> Message:
    return Message(QT_TRANSLATE_NOOP(
        "runtime.copy_device",
        "kvmgui cannot tell whether {target} is in use, so it does not write to it: {problem}"),
        target=shown(target), problem=problem)


def resolve_source(store: VmStore | None, source: str, disk: int | None = None) -> CopySource:
    """The image to copy: an image file, or disk `disk` (1-based) of the VM named `source`.

    An existing file wins over a VM of the same name. For a file, the VMs using it as their
    disk are its owners (they must be stopped during the copy).
    """
    path = Path(os.path.abspath(source))
    vm = None
    if not path.exists() and store is not None:
        vm = store.find(source)
    if vm is None:
        if not path.exists():
            raise CopyError(Message(QT_TRANSLATE_NOOP(
                "runtime.copy_device",
                "{source} is neither an image file nor a VM: check the name ('kvmgui-cli list' "
                "shows the VMs)."), source=shown(source)))
        if disk is not None:
            raise CopyError(Message(QT_TRANSLATE_NOOP(
                "runtime.copy_device",
                "--disk chooses a disk of a VM; give the VM's name instead of an image file.")))
        owners: list[StoredVm] = []
        fmt: str | None = None
        if store is not None:
            vms = store.load_all().vms
            owners = usage.owners(vms, path)
            # A VM's disk is opened with its recorded format, never probed: a guest may have
            # written a fake qcow2 header into its raw disk.
            fmt = usage.recorded_format(vms, path)
        return CopySource(path, fmt, tuple(owners))
    disks = vm.spec.disks
    if not disks:
        raise CopyError(Message(QT_TRANSLATE_NOOP(
            "runtime.copy_device", "VM '{name}' has no disk to copy."), name=shown(vm.spec.name)))
    if disk is None:
        if len(disks) > 1:
            raise CopyError(Message(QT_TRANSLATE_NOOP(
                "runtime.copy_device",
                "VM '{name}' has {n} disks: choose one with --disk 1 to --disk {n}."),
                name=shown(vm.spec.name), n=len(disks)))
        disk = 1
    if not 1 <= disk <= len(disks):
        raise CopyError(plural(
            len(disks),
            QT_TRANSLATE_NOOP("runtime.copy_device",
                              "VM '{name}' has {n} disk; there is no disk {disk}."),
            QT_TRANSLATE_NOOP("runtime.copy_device",
                              "VM '{name}' has {n} disks; there is no disk {disk}."),
            name=shown(vm.spec.name), disk=disk))
    chosen = disks[disk - 1]
    return CopySource(disk_image(chosen, vm.folder), DiskFormat(chosen.format).value, (vm,))


def _refuse_running(owners: tuple[StoredVm, ...], paths: AppPaths | None) -> None:
    for vm in owners:
        if vm_is_running(vm.spec.id, paths):
            raise CopyError(Message(QT_TRANSLATE_NOOP(
                "runtime.copy_device",
                "VM '{name}' is running and writing to this disk; shut it down first "
                "(kvmgui-cli shutdown '{name}'), then copy."), name=shown(vm.spec.name)))


async def plan_copy(
    source: str,
    target: str,
    *,
    store: VmStore | None = None,
    paths: AppPaths | None = None,
    disk: int | None = None,
    qemu_img: str = qi.QEMU_IMG,
    lsblk: str = "lsblk",
) -> CopyPlan:
    """Check everything (except the confirmation) and say what the copy would do.

    Raises CopyError (or ImageError for an unreadable image) with the first reason not to.
    """
    src = resolve_source(store, source, disk)
    _refuse_running(src.owners, paths)
    # Without a recorded format, info probes once to learn it (see core/qemu_img.py); every
    # later command opens the image with that explicit format.
    chain = await image_chain(src.path, fmt=src.fmt, qemu_img=qemu_img)
    fmt = src.fmt or chain[0].format
    # The lock test: a VM we do not know about (or one started meanwhile) holds the image.
    await image_info(src.path, fmt=fmt, force_share=False, qemu_img=qemu_img)
    virtual = chain[0].virtual_size
    facts = await gather_target(target, lsblk=lsblk)
    files = [os.path.realpath(link.filename) for link in chain]
    if facts.kind in ("file", "block"):
        # First, what must never be written at all: a VM's disk (a block device too), a base
        # of linked clones or of another chain, a file behind a mounted loop device (the
        # checks below see mounts of block devices only). The typed confirmation is the
        # explicit choice to replace what the target holds.
        guard = WriteGuard.for_store(store, paths, qemu_img=qemu_img) if store is not None \
            else WriteGuard(qemu_img=qemu_img)
        verdict = await guard.check(facts.real_path if facts.is_block else target,
                                    overwrite=True, devices=True)
        if not verdict.ok:
            raise CopyError(verdict.message)
    problems = cd.check_target(facts, virtual_size=virtual, image_files=files,
                               resolve=os.path.realpath)
    if problems:
        raise CopyError(problems[0], "\n".join(problems[1:]))
    return CopyPlan(
        source=src.path,
        source_format=fmt,
        virtual_size=virtual,
        target=target,
        target_real=facts.real_path,
        target_size=facts.size,
        is_block=facts.is_block,
        owner=src.owners[0].spec.name if src.owners else None,
        warnings=tuple(cd.target_warnings(facts, virtual)),
    )


# ------------------------------------------------------------------------------ the job


# qemu-img opens the source and the target before it writes a byte: when it could not open
# one of them (missing, not allowed, locked by a running VM) the target is untouched.
_NOTHING_WRITTEN = re.compile(r"Could not open|Failed to get (?:shared )?\"write\" lock|"
                              r"Is another process using the image")


def _fsync(path: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def copy_to_device_job(
    source: str,
    target: str,
    *,
    confirm: str | None,
    store: VmStore | None = None,
    paths: AppPaths | None = None,
    disk: int | None = None,
    verify: bool = False,
    qemu_img: str = qi.QEMU_IMG,
    lsblk: str = "lsblk",
    progress: ProgressCallback | None = None,
) -> ImageJob:
    """Write the image (flattened, as raw) onto `target` after every check in plan_copy.

    `confirm` must be the target's path or its last part, typed again by the user. All
    checks run again when the job starts, right before writing. verify=True compares the
    guest-visible content afterwards (only the image's length of the target is compared).
    """

    async def body(job: ImageJob) -> JobResult:
        try:
            cd.refuse_unless_confirmed(
                TargetFacts(target, os.path.realpath(target), "", 0, False), confirm)
        except CopyRefused as exc:
            raise CopyError(str(exc)) from None
        plan = await plan_copy(source, target, store=store, paths=paths, disk=disk,
                               qemu_img=qemu_img, lsblk=lsblk)
        end = 80.0 if verify else 99.0
        try:
            r = await job.step(cd.copy_argv(plan, qemu_img=qemu_img), span=(0.0, end))
        except ImageCancelled:
            raise ImageCancelled(Message(QT_TRANSLATE_NOOP(
                "runtime.copy_device",
                "The copy to {target} was cancelled. The target now holds part of the image and "
                "is not usable until the copy is made again."), target=shown(target))) from None
        if r.returncode != 0:
            after = (Message(QT_TRANSLATE_NOOP("runtime.copy_device", "Nothing was written to it."))
                     if _NOTHING_WRITTEN.search(r.stderr) else
                     Message(QT_TRANSLATE_NOOP("runtime.copy_device",
                                               "The target may be partly written.")))
            raise CopyError(Message(QT_TRANSLATE_NOOP(
                "runtime.copy_device", "Copying {name} to {target} failed: {error} {after}"),
                name=plan.source.name, target=shown(target),
                error=qi.explain_error(r.stderr), after=after), qi.error_details(r.stderr))
        await asyncio.to_thread(_fsync, plan.target_real)
        if verify:
            await _verify(job, plan, qemu_img, span=(end, 99.0))
        warnings: list[str] = []
        if plan.is_block:
            warnings.append(Message(QT_TRANSLATE_NOOP(
                "runtime.copy_device",
                "If the image has partitions, this computer sees them after the device is "
                "plugged in again (or after: sudo partprobe {target})."), target=shown(target)))
        values = {"name": plan.source.name, "source_format": plan.source_format,
                  "size": Size(plan.virtual_size), "target": shown(target)}
        return JobResult(
            Path(plan.target_real),
            Message(QT_TRANSLATE_NOOP(
                "runtime.copy_device",
                "Copied {name} ({source_format}, {size}) to {target} and checked the copy."),
                **values) if verify
            else Message(QT_TRANSLATE_NOOP(
                "runtime.copy_device", "Copied {name} ({source_format}, {size}) to {target}."),
                **values),
            tuple(warnings),
        )

    title = Message(QT_TRANSLATE_NOOP("runtime.copy_device", "Copying {name} to {target}"),
                    name=Path(source).name, target=target)
    return ImageJob(title, body, progress=progress, qemu_img=qemu_img)


async def _verify(job: ImageJob, plan: CopyPlan, qemu_img: str,
                  span: tuple[float, float]) -> None:
    try:
        r = await job.step(cd.verify_argv(plan, qemu_img=qemu_img), span=span)
    except ImageCancelled:
        raise ImageCancelled(Message(QT_TRANSLATE_NOOP(
            "runtime.copy_device",
            "Checking the copy on {target} was cancelled; the copy itself was finished."),
            target=shown(plan.target))) from None
    if r.returncode == 1:
        raise CopyError(Message(QT_TRANSLATE_NOOP(
            "runtime.copy_device",
            "The copy on {target} differs from {name}: the device may be failing. Try again or "
            "use another target."), target=shown(plan.target), name=plan.source.name),
                        r.stdout.decode("utf-8", "replace")[-2000:] + r.stderr)
    if r.returncode != 0:
        raise CopyError(Message(QT_TRANSLATE_NOOP(
            "runtime.copy_device", "The copy on {target} could not be checked: {error}"),
            target=shown(plan.target), error=qi.explain_error(r.stderr)),
            qi.error_details(r.stderr))
