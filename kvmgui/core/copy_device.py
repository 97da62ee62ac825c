"""Copying a disk image onto a block device, an LVM logical volume or a file (pure decisions).

The wiki's recipe is `dd if=disk.img of=/dev/vg/lv`; kvmgui runs
`qemu-img convert -p -f <format> -O raw -n SOURCE TARGET` instead, so qcow2 (and any other
format, overlays included) is written out as the plain disk the target must hold. `-n` writes
into the existing target instead of creating a file.

Writing a device destroys what is on it, so a copy is refused (one sentence each, with the
fix) when:
- the target is missing, is a folder, a CD/DVD drive or a RAM disk, or is write-protected;
- the target is smaller than the image's virtual size (the guest's disk would be cut off);
- the target, one of its partitions or a volume on it is mounted, or is swap;
- the target holds the running system ("/", "/boot", …) anywhere below it;
- LVM, encryption or RAID is active on top of it (those volumes would be destroyed);
- the user may not write to it (fix: `sudo adduser $USER disk` and log in again, or run the
  copy through `sudo kvmgui-cli copy-to-device …`);
- the target is the image itself or one of its bases;
- the name typed to confirm is not the target's (the path or its last part).
The VM owning the image must be stopped (checked by the runtime, which knows what runs).

Regular files are accepted as targets too (tests, or writing a raw copy into an existing
file); the same size rule applies to them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kvmgui.core import qemu_img as qi
from kvmgui.core.blockdevs import SWAP_MARK, SYSTEM_MOUNTS, LsblkNode, Mount
from kvmgui.core.messages import QT_TRANSLATE_NOOP, KvmguiError, Message
from kvmgui.core.problems import shown
from kvmgui.core.sizes import Size

# lsblk TYPEs a disk image may be written onto.
WRITABLE_TYPES = ("disk", "part", "lvm", "loop", "crypt", "dm", "mpath", "md")
# Children that mean "something is built on this device" (partitions are not: they are what
# a disk image brings along and are simply overwritten, unless mounted).
HOLDER_TYPES = ("lvm", "crypt", "dm", "mpath", "md")
DISK_GROUP_FIX = (Message(QT_TRANSLATE_NOOP("core.copy_device", "add yourself to the disk group "
    "(sudo adduser $USER disk, then log out and in again), or run the copy as root: sudo "
    "kvmgui-cli copy-to-device …")))


class CopyRefused(KvmguiError, ValueError):
    """The copy must not happen; str() is one sentence saying why and what to do."""


@dataclass(frozen=True)
class TargetFacts:
    """What the runtime found out about the target before writing to it."""

    path: str  # as the user gave it ("/dev/vg/lv")
    real_path: str  # symlinks resolved ("/dev/dm-3")
    kind: str  # "block", "file", "dir", "missing" or "other"
    size: int  # bytes (0 when unknown)
    writable: bool  # this user may open it for writing
    node: LsblkNode | None = None  # lsblk's view of a block device (with its children)
    mounts: tuple[Mount, ...] = ()  # every mount of the system
    swaps: tuple[str, ...] = ()  # /proc/swaps

    @property
    def is_block(self) -> bool:
        return self.kind == "block"


@dataclass(frozen=True)
class CopyPlan:
    """A copy that passed every check; `warnings` are things to know before confirming."""

    source: Path
    source_format: str
    virtual_size: int
    target: str  # as given
    target_real: str
    target_size: int
    is_block: bool
    owner: str | None = None  # the VM whose disk the source is
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def confirm_hint(self) -> str:
        """What the user types to confirm: the target's last part."""
        return os.path.basename(self.target) or self.target


def copy_argv(plan: CopyPlan, *, qemu_img: str = qi.QEMU_IMG) -> list[str]:
    """`qemu-img convert -p -f FMT -O raw -n SOURCE TARGET` for a checked plan."""
    return qi.convert_argv(plan.source, plan.source_format, plan.target_real, "raw",
                           target_exists=True, qemu_img=qemu_img)


def _opts(path: str, fmt: str, *, size: int | None = None, block: bool = False) -> str:
    """`--image-opts` text for a local file or device, its format forced (never probed)."""
    if "\0" in path:
        raise ValueError(Message(QT_TRANSLATE_NOOP("core.copy_device", "An image path must not "
            "contain NUL characters.")))
    if fmt not in qi.INPUT_FORMATS:
        raise ValueError(Message(QT_TRANSLATE_NOOP("core.copy_device", "{fmt} is not an image "
            "format kvmgui reads."), fmt=repr(fmt)))
    text = f"driver={fmt}"
    if size is not None:
        text += f",size={size}"
    protocol = "host_device" if block else "file"
    return f"{text},file.driver={protocol},file.filename={os.path.abspath(path).replace(',', ',,')}"


def verify_argv(plan: CopyPlan, *, qemu_img: str = qi.QEMU_IMG) -> list[str]:
    """`qemu-img compare` of the image with the first `virtual_size` bytes of the target.

    A target larger than the image keeps old data past the image's end; limiting the raw
    view of the target to the image's size (the raw driver's `size` option) leaves that out.
    """
    return [qemu_img, "compare", "-p", "--image-opts",
            _opts(str(plan.source), plan.source_format),
            _opts(plan.target_real, "raw", size=plan.virtual_size, block=plan.is_block)]


def confirm_matches(target: str, confirm: str | None, real_path: str | None = None) -> bool:
    """True when `confirm` is the target's path or its last part (of the link or the device)."""
    if confirm is None:
        return False
    typed = confirm.strip()
    if not typed:
        return False
    names = {target, os.path.basename(target.rstrip("/"))}
    if real_path:
        names |= {real_path, os.path.basename(real_path)}
    return typed in names


def _size_sentence(target: str, size: int, needed: int, *, lvm: bool) -> Message:
    if lvm:
        return Message(QT_TRANSLATE_NOOP("core.copy_device", "{target} is {size} but the image "
            "needs {needed_size}: choose a target of at least {needed_size}, or make the volume "
            "larger (sudo lvextend -L {gib}G {target})."), target=shown(target), size=Size(size),
            needed_size=Size(needed), gib=_gib_up(needed))
    return Message(QT_TRANSLATE_NOOP("core.copy_device", "{target} is {size} but the image needs "
        "{needed_size}: choose a target of at least {needed_size}."), target=shown(target),
        size=Size(size), needed_size=Size(needed))


def _gib_up(n: int) -> int:
    return -(-n // (1024**3))


@dataclass(frozen=True)
class _Usage:
    mounted: list[str]
    system: list[str]
    swap: bool
    holders: list[str]


def _usage(node: LsblkNode, mounts: Iterable[Mount], swaps: Iterable[str],
           resolve: Callable[[str], str]) -> _Usage:
    """Mounts, swap and stacked volumes on `node` or anything below it."""
    by_dev: dict[str, list[str]] = {}
    by_source: dict[str, list[str]] = {}
    for m in mounts:
        if m.dev and not m.dev.startswith("0:"):  # 0:N are anonymous (tmpfs, btrfs, …)
            by_dev.setdefault(m.dev, []).append(m.mount_point)
        if m.source.startswith("/"):
            by_source.setdefault(resolve(m.source), []).append(m.mount_point)
    swap_set = {resolve(s) for s in swaps}
    points: list[str] = []
    holders: list[str] = []
    swap = False
    for part in node.walk():
        found = list(part.mountpoints)
        found += by_source.get(resolve(part.name), [])
        if part.dev:
            found += by_dev.get(part.dev, [])
        for p in found:
            if p == SWAP_MARK:
                swap = True
            elif p not in points:
                points.append(p)
        if resolve(part.name) in swap_set:
            swap = True
        if part is not node and part.type in HOLDER_TYPES:
            holders.append(f"{part.name} ({part.type})")
    system = sorted(p for p in points if p in SYSTEM_MOUNTS)
    return _Usage(sorted(points), system, swap, holders)


def check_target(
    facts: TargetFacts,
    *,
    virtual_size: int,
    image_files: Iterable[str] = (),
    resolve: Callable[[str], str] = os.path.normpath,
) -> list[str]:
    """Why `facts` must not receive an image of `virtual_size` bytes (empty: it may).

    The first sentence is the one to show; the rest are further problems. `image_files` are
    the source image and its bases (resolved), which must not be the target.
    """
    name = shown(facts.path)
    if facts.kind == "missing":
        return [Message(QT_TRANSLATE_NOOP("core.copy_device", "{name} does not exist: check the "
            "name (lsblk lists the block devices, sudo lvs the logical volumes)."), name=name)]
    if facts.kind == "dir":
        return [Message(QT_TRANSLATE_NOOP("core.copy_device", "{name} is a folder; choose a block "
            "device, a logical volume or a file."), name=name)]
    if facts.kind not in ("block", "file"):
        return [Message(QT_TRANSLATE_NOOP("core.copy_device", "{name} is neither a block device "
            "nor a regular file."), name=name)]
    if facts.real_path in set(image_files):
        return [Message(QT_TRANSLATE_NOOP("core.copy_device", "{name} is the image itself (or one "
            "of its bases); choose another target."), name=name)]
    problems: list[str] = []
    node = facts.node
    if node is not None:
        if node.type == "rom":
            return [Message(QT_TRANSLATE_NOOP("core.copy_device", "{name} is a CD/DVD drive, "
                "which cannot be written like a disk."), name=name)]
        if node.type.startswith("zram") or os.path.basename(node.name).startswith("zram"):
            return [Message(QT_TRANSLATE_NOOP("core.copy_device", "{name} is a compressed RAM "
                "disk, not a place to keep a disk."), name=name)]
        if node.type and node.type not in WRITABLE_TYPES and not node.type.startswith("raid"):
            problems.append(Message(QT_TRANSLATE_NOOP("core.copy_device", "{name} is a {type} "
                "device, which kvmgui does not write disk images onto."), name=name,
                type=node.type))
        usage = _usage(node, facts.mounts, facts.swaps, resolve)
        if usage.system:
            problems.append(Message(QT_TRANSLATE_NOOP("core.copy_device", "This computer runs "
                "from {name} (it holds {points}); writing to it would destroy the running system."),
                name=name, points=', '.join(usage.system)))
        elif usage.swap:
            problems.append(Message(QT_TRANSLATE_NOOP("core.copy_device", "{name} is used as swap "
                "space by this computer; turn that off (sudo swapoff) before writing to it."),
                name=name))
        elif usage.mounted:
            problems.append(Message(QT_TRANSLATE_NOOP("core.copy_device", "{name} is mounted at "
                "{points}: unmount it first (for example: sudo umount {point}), so that this "
                "computer and the copy do not both write to it."), name=name,
                points=', '.join(usage.mounted), point=shown(usage.mounted[0])))
        if usage.holders and not usage.system:
            problems.append(Message(QT_TRANSLATE_NOOP("core.copy_device", "{name} is in use by "
                "{holders}; deactivate those first (sudo vgchange -an, cryptsetup close), or "
                "choose another target."), name=name, holders=', '.join(usage.holders)))
        if node.readonly:
            problems.append(Message(QT_TRANSLATE_NOOP("core.copy_device", "{name} is "
                "write-protected (read-only); release the lock switch or choose another target."),
                name=name))
    if facts.size < virtual_size:
        lvm = node is not None and node.type == "lvm"
        problems.append(_size_sentence(facts.path, facts.size, virtual_size, lvm=lvm))
    if not facts.writable:
        if facts.is_block:
            problems.append(Message(QT_TRANSLATE_NOOP("core.copy_device", "You may not write to "
                "{name}; {fix}."), name=name, fix=DISK_GROUP_FIX))
        else:
            problems.append(Message(QT_TRANSLATE_NOOP("core.copy_device", "You may not write to "
                "{name}: make it writable (chmod u+w) or choose another file."), name=name))
    return problems


def target_warnings(facts: TargetFacts, virtual_size: int) -> list[str]:
    """What the user should know before confirming a copy that passed check_target."""
    warnings: list[str] = [Message(QT_TRANSLATE_NOOP("core.copy_device", "Everything on {path} "
        "will be overwritten."), path=shown(facts.path))]
    node = facts.node
    if node is not None:
        parts = [p.name for p in node.walk() if p is not node and p.type == "part"]
        if parts:
            warnings.append(Message(QT_TRANSLATE_NOOP("core.copy_device", "Its partitions "
                "({partitions}) will be overwritten too."), partitions=', '.join(parts)))
    if facts.size > virtual_size:
        warnings.append(Message(QT_TRANSLATE_NOOP("core.copy_device", "The target is larger "
            "({size}) than the image ({image_size}); the rest of it is left as it was."),
            size=Size(facts.size), image_size=Size(virtual_size)))
    return warnings


def refuse_unless_confirmed(facts: TargetFacts, confirm: str | None) -> None:
    """Raise CopyRefused unless `confirm` names the target."""
    if confirm_matches(facts.path, confirm, facts.real_path):
        return
    hint = os.path.basename(facts.path.rstrip("/")) or facts.path
    if not confirm:
        raise CopyRefused(Message(QT_TRANSLATE_NOOP("core.copy_device", "Writing to {path} "
            "destroys everything on it; to confirm, type its name ({hint}) again."),
            path=shown(facts.path), hint=shown(hint)))
    raise CopyRefused(Message(QT_TRANSLATE_NOOP("core.copy_device", "The confirmation '{confirm}' "
        "does not match the target {path}; type {hint} to confirm, or check that you chose the "
        "right target."), confirm=shown(confirm), path=shown(facts.path), hint=shown(hint)))


def find_node(nodes: Iterable[LsblkNode], real_path: str,
              resolve: Callable[[str], str] = os.path.normpath) -> LsblkNode | None:
    """The lsblk node (searched at every depth) for the device `real_path`."""
    for top in nodes:
        for node in top.walk():
            if resolve(node.name) == real_path:
                return node
    return None
