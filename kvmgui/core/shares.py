"""Shared folders: the tag a guest mounts a host folder by, how each folder reaches the guest,
and the line the user types in the guest.

How a folder reaches the guest (`plan_shares`, decided again at every start because it depends
on the host):
- Windows guests: QEMU's built-in SMB server on the user-mode network (`-netdev user,smb=DIR`;
  QEMU runs Samba's smbd itself), seen in the guest as \\\\10.0.2.4\\qemu. QEMU offers one such
  folder per network and always writable (its generated smb.conf says `read only=no`), so
  core.validation refuses a second share or a read-only one for Windows.
- Other guests: virtio-fs through a virtiofsd per share when it can run here and honour the
  share's access, else 9p (QEMU serves the folder itself) with the reason shown. The virtiofsd
  of QEMU 7.2 (written in C, `-o source=`) has no read-only mode and runs only as root: it
  locks its socket under /var/run/virtiofsd and sandboxes itself in new mount, pid and net
  namespaces. The newer virtiofsd (written in Rust, `--shared-dir`) has `--readonly` and a
  namespace sandbox that also works for a plain user.

virtiofsd is always sandboxed (`sandbox=namespace`: it pivots into the shared folder), so a
guest can never reach a file outside it; 9p relies on QEMU's own checks (and
`security_model=mapped-xattr`: guest owners and modes are stored in extended attributes, the
host files keep the user's ownership).
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from kvmgui.core.host import HostFacts
from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message
from kvmgui.core.model import OsPreset, Share, VmSpec

# virtio-fs carries at most 36 bytes of tag; older 9p guests cut tags at 31.
MAX_TAG_LEN = 31
TAG_RE = re.compile(r"[A-Za-z0-9_-]{1,31}")
MAX_SHARES = 16
SMB_GUEST_PATH = "\\\\10.0.2.4\\qemu"
WINDOWS = frozenset({OsPreset.WINDOWS11, OsPreset.WINDOWS10, OsPreset.WINDOWS_OLD})


class ShareMethod(StrEnum):
    VIRTIOFS = "virtio-fs"
    NINEP = "9p"
    SMB = "smb"


@dataclass(frozen=True)
class ShareRoute:
    """How share number `index` of the VM reaches the guest; `reason` says why it does not use
    virtio-fs (one sentence, "" when it does or for Windows)."""

    index: int
    share: Share
    method: ShareMethod
    reason: str = ""

    @property
    def instruction(self) -> str:
        return guest_command(self.share, self.method)


def derive_tag(path: str, taken: Iterable[str] = ()) -> str:
    """A tag for the folder `path`: its name reduced to letters, digits, '-' and '_' (accents
    dropped), at most MAX_TAG_LEN long, made unique against `taken` with "-2", "-3", …"""
    name = Path(path.rstrip("/") or "/").name
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = re.sub(r"[^A-Za-z0-9_-]+", "-", ascii_name).strip("-") or "share"
    base = base[:MAX_TAG_LEN]
    used = {t.casefold() for t in taken}
    tag, n = base, 1
    while tag.casefold() in used:
        n += 1
        suffix = f"-{n}"
        tag = base[: MAX_TAG_LEN - len(suffix)] + suffix
    return tag


def new_share(path: str, existing: Iterable[Share], *, read_only: bool = False) -> Share:
    """A share of `path` (made absolute) with a tag not used by `existing`."""
    absolute = os.path.abspath(os.path.expanduser(path))
    return Share(absolute, derive_tag(absolute, (s.tag for s in existing)), read_only)


def guest_command(share: Share, method: ShareMethod) -> str:
    """What to type in the guest to reach the folder (a command or a network path)."""
    if method is ShareMethod.SMB:
        return SMB_GUEST_PATH
    if method is ShareMethod.VIRTIOFS:
        return f"sudo mount -t virtiofs {share.tag} /mnt"
    return f"sudo mount -t 9p -o trans=virtio,version=9p2000.L {share.tag} /mnt"


def plan_shares(spec: VmSpec, host: HostFacts) -> tuple[ShareRoute, ...]:
    """How each of `spec`'s shares reaches the guest on this host, in the spec's order."""
    routes: list[ShareRoute] = []
    for index, share in enumerate(spec.shares):
        if spec.os in WINDOWS:
            routes.append(ShareRoute(index, share, ShareMethod.SMB))
            continue
        reason = virtiofs_refusal(share, host)
        method = ShareMethod.NINEP if reason else ShareMethod.VIRTIOFS
        routes.append(ShareRoute(index, share, method, reason))
    return tuple(routes)


def virtiofs_refusal(share: Share, host: HostFacts) -> str:
    """Why `share` cannot use virtio-fs on this host (one sentence), or ""."""
    if not host.virtiofsd:
        return host.virtiofsd_reason or Message(
            QT_TRANSLATE_NOOP(
                "core.shares",
                "virtiofsd is not installed, so the folder is shared with 9p (slower); install it "
                "with: sudo apt install virtiofsd",
            )
        )
    if share.read_only and not host.virtiofsd_readonly:
        return Message(
            QT_TRANSLATE_NOOP(
                "core.shares",
                "This computer's folder-sharing program (virtiofsd) cannot share a folder "
                "read-only, so this folder is shared the older, slower way (9p), which can.",
            )
        )
    if host.virtiofsd_legacy and "," in share.path:
        return Message(
            QT_TRANSLATE_NOOP(
                "core.shares",
                "This virtiofsd cannot take a folder whose path contains a comma, so the folder is "
                "shared with 9p.",
            )
        )
    return ""


def uses_virtiofs(routes: Iterable[ShareRoute]) -> bool:
    return any(r.method is ShareMethod.VIRTIOFS for r in routes)
