"""May kvmgui write this file? The decision, from facts the runtime gathered (pure).

Every command and dialog that writes a file the user named (a screenshot, a converted image,
an image rewritten in place, a copy onto a file or device, a new image) asks this one
question first. The answer is None (go ahead) or a Refusal: one sentence naming what the write
would have destroyed. The rules, in the order they are checked:

- the folder of a new file must exist, and the target must not be a folder (a file would be
  written inside it under another name);
- never the base of linked clones, nor any image in a backing chain: the overlays built on it
  would read the wrong data;
- never a file of any VM kvmgui knows (its disk, USB stick disk, CD/DVD image, definition or
  UEFI variable store), throwaway VMs included: the guest would run on a deleted file and the
  next start would fail, its disk and snapshots gone. Rewriting an image in place (compress,
  resize) is what those tools are for, so only a new content is refused there;
- never a file that backs a mounted loop device (or swap): the mounted file system would be
  corrupted;
- never a read-only file (a protected base, a file marked so on purpose; root ignores the
  mode, kvmgui does not);
- never anything but a regular file, unless the caller writes devices (copy-to-device);
- an existing file only with an explicit overwrite choice.

kvmgui/runtime/write_guard.py gathers the facts (stat, the VM definitions, qemu-img's backing
chains, /sys/block/loop*, /proc/self/mountinfo, /proc/swaps) and calls `refusal`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from kvmgui.core.blockdevs import Mount
from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message
from kvmgui.core.problems import shown
from kvmgui.core.validation import quoted_names


class Intent(StrEnum):
    NEW = "new"  # the file gets new content (screenshot, convert, copy onto it, create)
    REWRITE = "rewrite"  # the image is rewritten with its own content (compress, resize)


class Kind(StrEnum):
    MISSING = "missing"
    FILE = "file"
    DIR = "dir"
    BLOCK = "block"
    OTHER = "other"  # a character device, a socket, a fifo


@dataclass(frozen=True)
class LoopDevice:
    """A loop device as /sys/block shows it."""

    device: str  # "/dev/loop3"
    backing_file: str  # the file it reads and writes ("" when unbound)
    devs: tuple[str, ...]  # "major:minor" of the device and of its partitions
    names: tuple[str, ...]  # "/dev/loop3", "/dev/loop3p1", …


@dataclass(frozen=True)
class LoopUse:
    device: str
    mount_points: tuple[str, ...]
    swap: bool


@dataclass(frozen=True)
class VmFile:
    vm: str  # the VM's name
    role: str  # "disk" or "file"


@dataclass(frozen=True)
class WriteFacts:
    """What the runtime found out about a target before writing to it."""

    path: str  # absolute, as the user named it
    real_path: str  # symlinks resolved
    kind: Kind
    exists: bool = False  # something is at `path` (a dangling symlink too)
    folder_exists: bool = True  # the folder a new file goes into
    read_only: bool = False  # an existing file without the owner's write permission
    vm_files: tuple[VmFile, ...] = ()  # the VMs this file belongs to
    clones: tuple[str, ...] = ()  # the VMs whose disks are built on this file
    overlays: tuple[str, ...] = ()  # other images whose backing chain holds this file
    loops: tuple[LoopUse, ...] = ()  # loop devices it backs that are mounted (or swap)
    swap: bool = False  # the file itself is swap space


@dataclass(frozen=True)
class Refusal:
    code: str  # "exists", "folder", "vm-disk", "base", "loop", "read-only", …
    message: str  # one sentence, with what to do


def _names(names: Sequence[str]) -> str:
    return quoted_names(names, QT_TRANSLATE_NOOP("core.write_guard", "{names} and {last}"))


def loop_uses(real_path: str, loops: Iterable[LoopDevice], mounts: Iterable[Mount],
              swaps: Iterable[str]) -> tuple[LoopUse, ...]:
    """The loop devices backed by `real_path` that are mounted (or swap), with where."""
    mounts = list(mounts)
    swap_set = set(swaps)
    found: list[LoopUse] = []
    for loop in loops:
        backing = loop.backing_file.removesuffix(" (deleted)")
        if not backing or os.path.normpath(backing) != real_path:
            continue
        points = [m.mount_point for m in mounts if m.dev in loop.devs or m.source in loop.names]
        swap = any(n in swap_set for n in loop.names)
        if points or swap:
            found.append(LoopUse(loop.device, tuple(dict.fromkeys(points)), swap))
    return tuple(found)


def refusal(facts: WriteFacts, *, intent: Intent = Intent.NEW, overwrite: bool = False,
            devices: bool = False) -> Refusal | None:
    """Why `facts` must not be written (None: it may).

    `overwrite` is the user's explicit choice to replace an existing file (--overwrite, the
    save dialog's confirmation, the typed confirmation of a copy); `devices` allows block
    devices (copy-to-device, which checks them itself).
    """
    name = shown(facts.path)
    if not facts.exists:
        if not facts.folder_exists:
            folder = shown(os.path.dirname(facts.path))
            return Refusal("folder", Message(QT_TRANSLATE_NOOP("core.write_guard",
                "The folder {folder} does not exist; choose an existing folder."), folder=folder))
        return None
    if facts.kind is Kind.DIR:
        return Refusal("dir", Message(QT_TRANSLATE_NOOP("core.write_guard",
            "{name} is a folder; choose a file name (inside it, for example)."), name=name))
    if facts.clones:
        clones = _names(facts.clones)
        if len(facts.clones) == 1:
            return Refusal("base", Message(QT_TRANSLATE_NOOP("core.write_guard",
                "{name} is the base of the linked clone {clones}, which would stop working; "
                "choose another file."), name=name, clones=clones))
        return Refusal("base", Message(QT_TRANSLATE_NOOP("core.write_guard",
            "{name} is the base of the linked clones {clones}, which would stop working; choose "
            "another file."), name=name, clones=clones))
    if intent is Intent.NEW:
        disks = [f.vm for f in facts.vm_files if f.role == "disk"]
        if len(disks) == 1:
            return Refusal("vm-disk", Message(QT_TRANSLATE_NOOP("core.write_guard",
                "{name} is the disk of the VM {vm}; writing it would destroy that disk, so choose "
                "another file."), name=name, vm=_names(disks)))
        if disks:
            return Refusal("vm-disk", Message(QT_TRANSLATE_NOOP("core.write_guard",
                "{name} is the disk of the VMs {vms}; writing it would destroy that disk, so "
                "choose another file."), name=name, vms=_names(disks)))
        others = [f.vm for f in facts.vm_files]
        if others:
            return Refusal("vm-file", Message(QT_TRANSLATE_NOOP("core.write_guard",
                "{name} is one of the files of the VM {vm}; choose another file."), name=name,
                vm=_names(others[:1])))
    if facts.overlays:
        return Refusal("backing", Message(QT_TRANSLATE_NOOP("core.write_guard",
            "{name} is the base image of {overlay}, which reads its data from it; choose another "
            "file."), name=name, overlay=shown(facts.overlays[0])))
    for loop in facts.loops:
        if loop.mount_points:
            points = ", ".join(shown(p) for p in loop.mount_points)
            return Refusal("loop", Message(QT_TRANSLATE_NOOP("core.write_guard",
                "{name} backs {device}, mounted on {points}: unmount it (sudo umount {point}) "
                "first, or choose another file."), name=name, device=shown(loop.device),
                points=points, point=shown(loop.mount_points[0])))
        return Refusal("loop", Message(QT_TRANSLATE_NOOP("core.write_guard",
            "{name} backs {device}, which is used as swap space; turn that off (sudo swapoff) "
            "first, or choose another file."), name=name, device=shown(loop.device)))
    if facts.swap:
        return Refusal("swap", Message(QT_TRANSLATE_NOOP("core.write_guard",
            "{name} is used as swap space by this computer; choose another file."), name=name))
    if facts.kind is Kind.BLOCK and devices:
        return None
    if facts.kind is not Kind.FILE:
        return Refusal("not-a-file", Message(QT_TRANSLATE_NOOP("core.write_guard",
            "{name} is not a regular file; choose a file name."), name=name))
    if facts.read_only:
        return Refusal("read-only", Message(QT_TRANSLATE_NOOP("core.write_guard",
            "{name} is read-only; choose another file, or make it writable (chmod u+w) if it "
            "really is to be replaced."), name=name))
    if intent is Intent.NEW and not overwrite:
        return Refusal("exists", Message(QT_TRANSLATE_NOOP("core.write_guard",
            "{name} already exists; choose another name or allow replacing it."), name=name))
    return None
