"""May this file be written? Gathers the facts, then asks kvmgui/core/write_guard.py.

    guard = WriteGuard.for_store(store, paths, qemu_img=settings.qemu_img_binary)
    verdict = await guard.check(path, overwrite=args.overwrite)      # an Outcome
    if not verdict.ok: refuse with verdict.message

Every command and dialog that writes a file the user named goes through `check_writable`: the
CLI's screenshot, the console's screenshot save, `img convert/compress/resize/create`,
copy-to-device onto a file, and the image tools' dialog (the jobs in runtime/images.py and
runtime/copy_device.py call it right before they write, so every face gets the same answer).

The facts: stat (in a worker thread), the VM definitions of every store given (the user's VMs
and the throwaway ones), the linked clones and overlays built on the file (runtime/clones.py's
dependents_deep, which reads every VM disk's real backing chain with qemu-img, formats given),
the chains of the images being read (a convert must not replace its own base), and the loop
devices backed by the file with their mounts (/sys/block/loop*/loop/backing_file,
/proc/self/mountinfo, /proc/swaps). Nothing here blocks the event loop (the app's Qt thread).
"""

from __future__ import annotations

import asyncio
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kvmgui.core import qemu_img as qi, write_guard as wg
from kvmgui.core.blockdevs import parse_mountinfo, parse_swaps
from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message
from kvmgui.core.paths import AppPaths
from kvmgui.core.store import StoredVm, VmStore
from kvmgui.core.usage import vms_using
from kvmgui.core.write_guard import Intent, Kind, LoopDevice, VmFile, WriteFacts
from kvmgui.runtime.clones import dependents_deep
from kvmgui.runtime.images import ImageError, image_chain
from kvmgui.runtime.outcome import Outcome
from kvmgui.runtime.throwaway import StoreWithThrowaways, throwaway_store

SYS_BLOCK = "/sys/block"
MOUNTINFO = "/proc/self/mountinfo"
SWAPS = "/proc/swaps"

# An image read by the operation, and its format (None: learnt by the caller's own probe).
Source = tuple[str | os.PathLike[str], str | None]


@dataclass(frozen=True)
class WriteGuard:
    """The VMs to protect and the qemu-img to read chains with; check() asks check_writable."""

    stores: tuple[VmStore, ...] = ()
    qemu_img: str = qi.QEMU_IMG
    sys_block: str = field(default=SYS_BLOCK, compare=False)

    @classmethod
    def for_store(cls, store: VmStore, paths: AppPaths | None = None, *,
                  qemu_img: str = qi.QEMU_IMG) -> WriteGuard:
        """The user's VMs and, with `paths`, the throwaway VMs (kvmgui-cli live, "Test a USB
        stick"), unless `store` lists them already."""
        if paths is None or isinstance(store, StoreWithThrowaways):
            return cls((store,), qemu_img)
        return cls((store, throwaway_store(paths)), qemu_img)

    async def check(self, path: str | os.PathLike[str], *, overwrite: bool = False,
                    intent: Intent = Intent.NEW, devices: bool = False,
                    sources: Sequence[Source] = ()) -> Outcome[Path]:
        return await check_writable(path, stores=self.stores, overwrite=overwrite,
                                    intent=intent, devices=devices, sources=sources,
                                    qemu_img=self.qemu_img, sys_block=self.sys_block)

    async def require(self, path: str | os.PathLike[str], *, overwrite: bool = False,
                      intent: Intent = Intent.NEW, devices: bool = False,
                      sources: Sequence[Source] = ()) -> None:
        """check(), raising ImageError with the refusal (for the image jobs)."""
        verdict = await self.check(path, overwrite=overwrite, intent=intent, devices=devices,
                                   sources=sources)
        if not verdict.ok:
            raise GuardRefused(verdict.message, code=verdict.code)


class GuardRefused(ImageError):
    """The write guard refused the target; `code` is the refusal's kind ("exists", …)."""

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.code = code


async def check_writable(
    path: str | os.PathLike[str],
    *,
    stores: Sequence[VmStore] = (),
    overwrite: bool = False,
    intent: Intent = Intent.NEW,
    devices: bool = False,
    sources: Sequence[Source] = (),
    qemu_img: str = qi.QEMU_IMG,
    sys_block: str = SYS_BLOCK,
) -> Outcome[Path]:
    """Whether `path` may be written: Outcome.success, or a failure whose message names what
    the write would have destroyed (code: the refusal's kind, see core/write_guard.py)."""
    facts = await gather_facts(path, stores=stores, sources=sources, qemu_img=qemu_img,
                               sys_block=sys_block)
    refused = wg.refusal(facts, intent=intent, overwrite=overwrite, devices=devices)
    if refused is not None:
        return Outcome.failure(refused.message, code=refused.code)
    return Outcome.success(Message(QT_TRANSLATE_NOOP("runtime.write_guard",
                                                     "{path} may be written."),
                                   path=str(facts.path)), value=Path(facts.path))


# ------------------------------------------------------------------------------ facts


def _stat_facts(path: str) -> WriteFacts:
    real = os.path.realpath(path)
    exists = os.path.lexists(path)
    try:
        st = os.stat(path)
    except OSError:
        return WriteFacts(path, real, Kind.MISSING, exists=exists,
                          folder_exists=os.path.isdir(os.path.dirname(path)))
    mode = st.st_mode
    if stat.S_ISDIR(mode):
        kind = Kind.DIR
    elif stat.S_ISREG(mode):
        kind = Kind.FILE
    elif stat.S_ISBLK(mode):
        kind = Kind.BLOCK
    else:
        kind = Kind.OTHER
    # The owner's write bit, not os.access: root may write anything, yet a file made
    # read-only (a base of linked clones, a file protected on purpose) must stay so.
    read_only = kind is Kind.FILE and (not mode & stat.S_IWUSR or not os.access(path, os.W_OK))
    return WriteFacts(path, real, kind, exists=True, read_only=read_only)


def _vm_files(vms: Sequence[StoredVm], real: str) -> tuple[VmFile, ...]:
    found: list[VmFile] = []
    disk_of = {use.vm.spec.id for use in vms_using(vms, real) if use.direct}
    for vm in vms:
        spec, folder = vm.spec, vm.folder
        disks = [folder.resolve(spec.usb_stick.path)] if spec.usb_stick is not None else []
        others = [folder.definition, folder.nvram]
        if spec.cdrom is not None and spec.cdrom.path:
            others.append(folder.resolve(spec.cdrom.path))
        if spec.id in disk_of or any(os.path.realpath(p) == real for p in disks):
            found.append(VmFile(spec.name, "disk"))
        elif any(os.path.realpath(p) == real for p in others):
            found.append(VmFile(spec.name, "file"))
    return tuple(found)


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _loop_devices(sys_block: str) -> list[LoopDevice]:
    """Every bound loop device: its backing file, its dev numbers and its partitions'."""
    try:
        names = sorted(n for n in os.listdir(sys_block) if n.startswith("loop"))
    except OSError:
        return []
    loops = []
    for name in names:
        folder = Path(sys_block) / name
        backing = _read(str(folder / "loop" / "backing_file")).strip()
        if not backing:
            continue
        devs = [_read(str(folder / "dev")).strip()]
        nodes = [f"/dev/{name}"]
        try:
            parts = [p for p in os.listdir(folder) if p.startswith(name + "p")]
        except OSError:
            parts = []
        for part in parts:
            devs.append(_read(str(folder / part / "dev")).strip())
            nodes.append(f"/dev/{part}")
        loops.append(LoopDevice(nodes[0], backing, tuple(d for d in devs if d), tuple(nodes)))
    return loops


def _system_facts(real: str, sys_block: str) -> tuple[tuple[wg.LoopUse, ...], bool]:
    """The loop devices `real` backs that are in use, and whether `real` itself is swap."""
    swaps = parse_swaps(_read(SWAPS))
    loops = _loop_devices(sys_block)
    uses: tuple[wg.LoopUse, ...] = ()
    if any(os.path.normpath(loop.backing_file.removesuffix(" (deleted)")) == real
           for loop in loops):
        uses = wg.loop_uses(real, loops, parse_mountinfo(_read(MOUNTINFO)), swaps)
    return uses, real in {os.path.realpath(s) for s in swaps}


async def _overlays_of(real: str, sources: Sequence[Source], qemu_img: str) -> list[str]:
    """The images being read whose backing chain holds `real` (below the image itself)."""
    found = []
    for src, fmt in sources:
        if not os.path.isfile(src):
            continue
        try:
            chain = await image_chain(src, fmt=fmt, qemu_img=qemu_img)
        except ImageError:
            continue
        if any(os.path.realpath(link.filename) == real for link in chain[1:]):
            found.append(os.fspath(src))
    return found


async def gather_facts(
    path: str | os.PathLike[str],
    *,
    stores: Sequence[VmStore] = (),
    sources: Sequence[Source] = (),
    qemu_img: str = qi.QEMU_IMG,
    sys_block: str = SYS_BLOCK,
) -> WriteFacts:
    """Everything core/write_guard.refusal needs about `path` (see the module docstring)."""
    absolute = os.path.abspath(os.path.expanduser(os.fspath(path)))
    facts = await asyncio.to_thread(_stat_facts, absolute)
    if facts.kind is Kind.MISSING:
        return facts
    real = facts.real_path
    vms: dict[str, StoredVm] = {}
    clones: list[str] = []
    for store in stores:
        loaded = [vm for vm in (await asyncio.to_thread(store.load_all)).vms
                  if vm.spec.id not in vms]
        vms.update((vm.spec.id, vm) for vm in loaded)
        if facts.kind is not Kind.DIR:
            deps = await dependents_deep(store, [Path(real)], qemu_img=qemu_img, vms=loaded)
            clones += [d.vm for d in deps if os.path.realpath(d.overlay) != real]
    overlays = await _overlays_of(real, sources, qemu_img)
    loops: tuple[wg.LoopUse, ...] = ()
    swap = False
    if facts.kind is Kind.FILE:
        loops, swap = await asyncio.to_thread(_system_facts, real, sys_block)
    return WriteFacts(
        facts.path, real, facts.kind, exists=True, read_only=facts.read_only,
        vm_files=_vm_files(list(vms.values()), real),
        clones=tuple(sorted(set(clones), key=str.casefold)),
        overlays=tuple(overlays), loops=loops, swap=swap,
    )
