"""Which backing chains a VM may open (pure: the facts come from kvmgui/runtime/images.py).

Why: a qcow2 image names its base (backing file) by path, and QEMU opens that path for the
guest to read as the bottom layer of its disk. An image the user brings (downloaded, received,
made elsewhere), or a VM definition someone else wrote, can therefore name any file the user
may read: /etc/shadow, the host's disk, another user's image, a private key. The guest would
read it. So before kvmgui accepts such an image, and again before every start, the chain is
read one link at a time (`qemu-img info -f FORMAT`, never opening a base before it passed
here) and chain_problem() decides. A chain passes only when:

- every image that has a base records the base's format (`backing-filename-format`), and that
  format is a disk image format: otherwise QEMU guesses it from the base's first bytes, which
  the guest may have written (see kvmgui/core/qemu_img.py);
- every base is a plain file name: a protocol ("json:{...}", "nbd:", "http:"...) can open
  any file, device or network disk with any options;
- every base is a regular file that belongs to this user (owner uid), outside the system's
  folders (SYSTEM_FOLDERS: /etc, /usr, /boot, /proc, /sys, /dev...), judged after following
  symbolic links. Elsewhere (/home, /tmp, /var, /srv, /mnt...) the owner decides, so a file
  of one's own under /var/tmp is fine and another user's or root's file is not;
- no image keeps its data in an external data file (qcow2 `data-file`): that file is opened
  for the guest like a base, and kvmgui's copies, backups and deletions would not see it;
- the chain neither loops nor runs deeper than MAX_CHAIN links.

The top image itself is the file the user chose (or the VM's own disk); its place is judged
where it is chosen, not here.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from kvmgui.core.qemu_img import INPUT_FORMATS, ImageInfo
from kvmgui.core.validation import shown

# Folders that hold the system, never a user's images (after symbolic links are followed).
SYSTEM_FOLDERS = ("/etc", "/usr", "/boot", "/efi", "/proc", "/sys", "/dev", "/bin", "/sbin",
                  "/lib", "/lib32", "/lib64", "/libx32", "/snap")
MAX_CHAIN = 64  # links; real chains have a handful, a longer one is a trap or damage


class FileKind(StrEnum):
    REGULAR = "regular"
    DEVICE = "device"  # block or character device node
    OTHER = "other"  # folder, pipe, socket
    MISSING = "missing"
    UNREADABLE = "unreadable"  # stat() failed for another reason (permissions, loop)


@dataclass(frozen=True)
class FileFacts:
    """What the host says about one base file, gathered by the runtime."""

    real_path: str  # after symbolic links (os.path.realpath)
    kind: FileKind
    owner_uid: int | None = None


def has_protocol(name: str) -> bool:
    """QEMU reads a name with ':' before any '/' as "protocol:rest" (json:, nbd:, file:...)."""
    return ":" in name.split("/", 1)[0]


def base_name(link: ImageInfo) -> str | None:
    """The base as QEMU opens it: resolved against the image's folder when relative."""
    return link.full_backing_filename or link.backing_file


def chain_problem(chain: Sequence[ImageInfo], facts: Mapping[str, FileFacts], *,
                  uid: int) -> str | None:
    """Why QEMU must not open this chain (one sentence), or None when it may.

    `chain` is the top image and its bases as read so far, nearest first, each as QEMU will
    open it (with a definition's explicit base put in place of the header's). `facts` holds
    the host's facts for every base named, keyed by base_name(). The last link's base may not
    be read yet: it is judged from its facts, so the runtime reads a base only once it passed.
    """
    seen: set[str] = set()
    for depth, link in enumerate(chain):
        problem = _link_problem(link, facts, uid=uid, seen=seen, depth=depth)
        if problem:
            return problem
    return None


def _link_problem(link: ImageInfo, facts: Mapping[str, FileFacts], *, uid: int,
                  seen: set[str], depth: int) -> str | None:
    image = shown(os.path.basename(link.filename) or link.filename)
    if link.data_file is not None:
        return (f"{image} keeps its data in another file ({shown(link.data_file)}), which "
                "kvmgui does not support: kvmgui will not let a VM read it.")
    name = base_name(link)
    if link.backing_file is None or name is None:
        return None
    if has_protocol(link.backing_file) or has_protocol(name):
        return (f"{image}'s base is '{shown(link.backing_file, 120)}', which is not a file "
                "name but an instruction to QEMU: kvmgui will not let a VM open it.")
    if link.backing_format is None:
        return (f"{image} does not record the format of its base {shown(name)}, so QEMU "
                "would have to guess it: record it first with qemu-img rebase -u -F qcow2 "
                f"(or raw) -b {shown(link.backing_file)} {image}.")
    if link.backing_format not in INPUT_FORMATS:
        return (f"{image} says its base {shown(name)} is a '{shown(link.backing_format, 40)}' "
                "image, which is not a disk image format: kvmgui will not let a VM open it.")
    fact = facts.get(name)
    if fact is None:
        return f"{image}'s base {shown(name)} could not be checked: try again."
    base = shown(name)
    if os.path.normpath(name) != fact.real_path:
        base += f" → {shown(fact.real_path)}"  # a symbolic link: where it really leads
    verdict = _place_problem(image, base, fact, uid)
    if verdict:
        return verdict
    if fact.real_path in seen:
        return f"{image}'s bases loop back to {base}, so the image is damaged: use another one."
    seen.add(fact.real_path)
    if depth + 1 >= MAX_CHAIN:
        return (f"{image} sits on more than {MAX_CHAIN} bases in a row, more than kvmgui "
                "follows: kvmgui will not let a VM open it.")
    return None


def _place_problem(image: str, base: str, fact: FileFacts, uid: int) -> str:
    """Why `base` is not one of the user's own images, or ""."""
    if fact.kind is FileKind.MISSING:
        return (f"{image}'s base {base} does not exist: put the base image back where it "
                "was, or use another image.")
    if fact.kind is FileKind.UNREADABLE:
        return (f"{image}'s base {base} cannot be checked: make sure it is one of your images "
                "and that you can read it.")
    if fact.kind is FileKind.DEVICE:
        return (f"{image}'s base {base} is a device, not one of your images: kvmgui will not "
                "let a VM read it.")
    if in_system_folder(fact.real_path):
        return (f"{image}'s base {base} is a system file, not one of your images: kvmgui "
                "will not let a VM read it.")
    if fact.kind is not FileKind.REGULAR:
        return (f"{image}'s base {base} is not an image file: kvmgui will not let a VM "
                "read it.")
    if fact.owner_uid != uid:
        return (f"{image}'s base {base} belongs to another user, not one of your images: "
                "kvmgui will not let a VM read it.")
    return ""


def in_system_folder(real_path: str) -> bool:
    return any(real_path == top or real_path.startswith(top + "/") for top in SYSTEM_FOLDERS)
