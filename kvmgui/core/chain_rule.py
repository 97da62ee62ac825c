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
- a raw base (the one format that shows the guest any file's bytes as they are) looks like a
  disk: a whole number of 512-byte sectors, and not in a hidden folder (~/.ssh, ~/.config,
  ~/.mozilla...: where the user's own keys and passwords are), except kvmgui's own data
  folder. This is what keeps the user's own secrets out, which the owner rule cannot;
- no image keeps its data in an external data file (qcow2 `data-file`): that file is opened
  for the guest like a base, and kvmgui's copies, backups and deletions would not see it;
- a vmdk made of several files (a descriptor and its extents) keeps them in one folder, all
  the user's own: a descriptor is a text file that can name any file as a part;
- the chain neither loops nor runs deeper than MAX_CHAIN links.

The top image itself is the file the user chose (or the VM's own disk); its place is judged
where it is chosen, not here.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message, Template
from kvmgui.core.problems import shown
from kvmgui.core.qemu_img import INPUT_FORMATS, ImageInfo

# Folders that hold the system, never a user's images (after symbolic links are followed).
SYSTEM_FOLDERS = ("/etc", "/usr", "/boot", "/efi", "/proc", "/sys", "/dev", "/bin", "/sbin",
                  "/lib", "/lib32", "/lib64", "/libx32", "/snap")
MAX_CHAIN = 64  # links; real chains have a handful, a longer one is a trap or damage
SECTOR = 512


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
    size: int | None = None  # bytes


def has_protocol(name: str) -> bool:
    """QEMU reads a name with ':' before any '/' as "protocol:rest" (json:, nbd:, file:...)."""
    return ":" in name.split("/", 1)[0]


def base_name(link: ImageInfo) -> str | None:
    """The base as QEMU opens it: resolved against the image's folder when relative."""
    if link.full_backing_filename or link.backing_file is None:
        return link.full_backing_filename
    if has_protocol(link.backing_file):
        return link.backing_file
    return os.path.join(os.path.dirname(link.filename), link.backing_file)


def parts_of(link: ImageInfo) -> list[str]:
    """The other files a vmdk image reads its data from (its extents), as absolute names."""
    folder = os.path.dirname(link.filename)
    own = os.path.normpath(link.filename)
    names = [e if has_protocol(e) else os.path.normpath(os.path.join(folder, e))
             for e in link.extents]
    return [n for n in dict.fromkeys(names) if n != own]


def facts_needed(link: ImageInfo) -> list[str]:
    """The files whose facts chain_problem() needs to judge `link` (its base, its parts and,
    when it has parts, the image itself)."""
    names = [n for n in (base_name(link),) if n is not None]
    parts = parts_of(link)
    if parts:
        names += [link.filename, *parts]
    return [n for n in names if not has_protocol(n)]


def chain_problem(chain: Sequence[ImageInfo], facts: Mapping[str, FileFacts], *,
                  uid: int, own_folders: Sequence[str] = ()) -> str | None:
    """Why QEMU must not open this chain (one sentence), or None when it may.

    `chain` is the top image and its bases as read so far, nearest first, each as QEMU will
    open it (with a definition's explicit base put in place of the header's). `facts` holds
    the host's facts for every file facts_needed() names. The last link's base may not be
    read yet: it is judged from its facts, so the runtime reads a base only once it passed.
    `own_folders` are kvmgui's own data folders, where a hidden folder is no objection.
    """
    seen: set[str] = set()
    for depth, link in enumerate(chain):
        problem = _link_problem(link, facts, uid=uid, seen=seen, depth=depth,
                                own_folders=own_folders)
        if problem:
            return problem
    return None


def _link_problem(link: ImageInfo, facts: Mapping[str, FileFacts], *, uid: int,
                  seen: set[str], depth: int, own_folders: Sequence[str]) -> str | None:
    image = shown(os.path.basename(link.filename) or link.filename)
    if link.data_file is not None:
        return (Message(QT_TRANSLATE_NOOP("core.chain_rule", "{image} keeps its data in another "
            "file ({data_file}), which kvmgui does not support: kvmgui will not let a VM read it."),
            image=image, data_file=shown(link.data_file)))
    problem = _parts_problem(link, image, facts, uid)
    if problem:
        return problem
    name = base_name(link)
    if link.backing_file is None or name is None:
        return None
    if has_protocol(link.backing_file) or has_protocol(name):
        return (Message(QT_TRANSLATE_NOOP("core.chain_rule", "{image}'s base is '{backing_file}', "
            "which is not a file name but an instruction to QEMU: kvmgui will not let a VM open "
            "it."), image=image, backing_file=shown(link.backing_file, 120)))
    if link.backing_format is None:
        return (Message(QT_TRANSLATE_NOOP("core.chain_rule", "{image} does not record the format "
            "of its base {name}, so QEMU would have to guess it: record it first with qemu-img "
            "rebase -u -F qcow2 (or raw) -b {backing_file} {image}."), image=image,
            name=shown(name), backing_file=shown(link.backing_file)))
    if link.backing_format not in INPUT_FORMATS:
        return (Message(QT_TRANSLATE_NOOP("core.chain_rule", "{image} says its base {name} is a "
            "'{backing_format}' image, which is not a disk image format: kvmgui will not let a VM "
            "open it."), image=image, name=shown(name),
            backing_format=shown(link.backing_format, 40)))
    fact = facts.get(name)
    if fact is None:
        return Message(QT_TRANSLATE_NOOP("core.chain_rule", "{image}'s base {name} could not be "
            "checked: try again."), image=image, name=shown(name))
    base = shown(name)
    if os.path.normpath(name) != fact.real_path:
        base += f" → {shown(fact.real_path)}"  # a symbolic link: where it really leads
    not_own = _place_problem(fact, uid)
    if not_own is None and link.backing_format == "raw":
        not_own = _raw_problem(fact, own_folders)
    if not_own is not None:
        return Message(not_own, image=image, base=base)
    if fact.real_path in seen:
        return Message(QT_TRANSLATE_NOOP("core.chain_rule", "{image}'s bases loop back to {base}, "
            "so the image is damaged: use another one."), image=image, base=base)
    seen.add(fact.real_path)
    if depth + 1 >= MAX_CHAIN:
        return (Message(QT_TRANSLATE_NOOP("core.chain_rule", "{image} sits on more than {limit} "
            "bases in a row, more than kvmgui follows: kvmgui will not let a VM open it."),
            image=image, limit=MAX_CHAIN))
    return None


def _place_problem(fact: FileFacts, uid: int) -> Template | None:
    """Why the base is not one of the user's own images, or None."""
    if fact.kind is FileKind.MISSING:
        return QT_TRANSLATE_NOOP("core.chain_rule", "{image}'s base {base} does not exist: "
                                 "put the base image back where it was, or use another image.")
    if fact.kind is FileKind.UNREADABLE:
        return QT_TRANSLATE_NOOP("core.chain_rule", "{image}'s base {base} cannot be checked: "
                                 "make sure it is one of your images and that you can read it.")
    if fact.kind is FileKind.DEVICE:
        return QT_TRANSLATE_NOOP("core.chain_rule", "{image}'s base {base} is a device, not "
                                 "one of your images: kvmgui will not let a VM read it.")
    if in_system_folder(fact.real_path):
        return QT_TRANSLATE_NOOP("core.chain_rule", "{image}'s base {base} is a system file, "
                                 "not one of your images: kvmgui will not let a VM read it.")
    if fact.kind is not FileKind.REGULAR:
        return QT_TRANSLATE_NOOP("core.chain_rule", "{image}'s base {base} is not an image "
                                 "file: kvmgui will not let a VM read it.")
    if fact.owner_uid != uid:
        return QT_TRANSLATE_NOOP("core.chain_rule", "{image}'s base {base} belongs to "
                                 "another user, not one of your images: kvmgui will not let "
                                 "a VM read it.")
    return None


def _raw_problem(fact: FileFacts, own_folders: Sequence[str]) -> Template | None:
    """A raw base shows the guest any file's bytes as they are, so it must look like a disk:
    outside hidden folders (where settings and keys live, like ~/.ssh) and whole sectors."""
    if in_hidden_folder(fact.real_path, own_folders):
        return QT_TRANSLATE_NOOP("core.chain_rule", "{image}'s base {base} is in a hidden "
                                 "folder, where settings and keys are kept, not images: "
                                 "kvmgui will not let a VM read it.")
    if fact.size is not None and (fact.size == 0 or fact.size % SECTOR):
        return QT_TRANSLATE_NOOP("core.chain_rule", "{image}'s base {base} is not a whole "
                                 "number of disk sectors, so it is no disk image: kvmgui will "
                                 "not let a VM read it.")
    return None


def _parts_problem(link: ImageInfo, image: str, facts: Mapping[str, FileFacts],
                   uid: int) -> str:
    """A vmdk made of several files keeps them together: each part must be a file of the
    user's own in the image's real folder (a descriptor can name any file as a part)."""
    parts = parts_of(link)
    if not parts:
        return ""
    own = facts.get(link.filename)
    for part in parts:
        fact = None if has_protocol(part) else facts.get(part)
        if (own is None or fact is None or fact.kind is not FileKind.REGULAR
                or fact.owner_uid != uid
                or os.path.dirname(fact.real_path) != os.path.dirname(own.real_path)):
            return (Message(QT_TRANSLATE_NOOP("core.chain_rule", "{image} reads part of its data "
                "from {part}, which is not a file of the image's own folder: kvmgui will not let "
                "a VM read it."), image=image, part=shown(part)))
    return ""


def in_hidden_folder(real_path: str, own_folders: Sequence[str] = ()) -> bool:
    """A folder on the way starts with a dot (~/.ssh, ~/.config...), outside `own_folders`."""
    if any(real_path.startswith(os.path.join(folder, "")) for folder in own_folders):
        return False
    return any(part.startswith(".") for part in real_path.split("/")[:-1])


def in_system_folder(real_path: str) -> bool:
    return any(real_path == top or real_path.startswith(top + "/") for top in SYSTEM_FOLDERS)
