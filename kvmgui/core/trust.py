"""What a VM definition reaches on this computer, and whether this user approved it.

A definition can come from anywhere: a vm.json copied from a forum, a folder a colleague
hands over, a hand edit. Everything in it that reaches beyond the VM's own folder — expert
extra arguments, a disk, base image, ISO or USB stick elsewhere, a host CD drive or block
device, a stick the guest may write to, a shared folder, a USB device of this computer —
only takes effect once the user on this machine approved exactly that. `host_reach` lists
those things; a VM starts only when every item of the list is approved (`start_refusal`).

Approvals live outside every definition, in `approvals.json` in the user's config folder: per
VM id, the SHA-256 of each approved item (its kind, exact target and access). A definition
cannot carry its own approval, and an approval of one argument list says nothing about
another. What the user makes or changes through kvmgui itself is approved as it is written
(VmStore.create and VmStore.save call `Approvals.record`), so nobody is asked about what they
made themselves; only what arrived from outside is shown for approval.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shlex
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from kvmgui.core.atomic import read_small_regular_file, write_atomic
from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message
from kvmgui.core.model import CdromSource, VmSpec
from kvmgui.core.paths import AppPaths, VmFolder

APPROVALS_FILE = "approvals.json"
APPROVALS_VERSION = 1
MAX_APPROVALS_BYTES = 4 * 1024 * 1024


class ReachKind(StrEnum):
    EXTRA_ARGS = "extra-args"
    DISK = "disk"
    BASE_IMAGE = "base-image"
    ISO = "iso"
    CD_DRIVE = "cd-drive"
    USB_STICK = "usb-stick"
    SHARED_FOLDER = "shared-folder"
    USB_DEVICE = "usb-device"  # a host USB device by vendor:product (the guest drives it)


@dataclass(frozen=True)
class Reach:
    """One thing a definition reaches on this computer. `target` is exact: the argument list
    (as JSON) or the real path, symbolic links resolved."""

    kind: ReachKind
    target: str
    writable: bool = False

    @property
    def key(self) -> str:
        text = json.dumps([self.kind.value, self.target, self.writable], ensure_ascii=False)
        import hashlib  # OpenSSL's digests (0.7 MiB resident): not before the first approval

        return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()

    def describe(self) -> str:
        """One line for the approval list (a CLI line, the app's dialog)."""
        if self.kind is ReachKind.EXTRA_ARGS:
            return Message(
                QT_TRANSLATE_NOOP("core.trust", "Extra QEMU arguments: {args}"),
                args=shlex.join(json.loads(self.target)),
            )
        access = Message(
            QT_TRANSLATE_NOOP("core.trust", "read and write"),
        ) if self.writable else Message(QT_TRANSLATE_NOOP("core.trust", "read only"))
        label = {
            ReachKind.DISK: Message(QT_TRANSLATE_NOOP("core.trust", "Disk")),
            ReachKind.BASE_IMAGE: Message(QT_TRANSLATE_NOOP("core.trust", "Base image")),
            ReachKind.ISO: Message(QT_TRANSLATE_NOOP("core.trust", "CD/DVD image")),
            ReachKind.CD_DRIVE: Message(QT_TRANSLATE_NOOP("core.trust", "Host CD/DVD drive")),
            ReachKind.USB_STICK: Message(QT_TRANSLATE_NOOP("core.trust", "USB stick")),
            ReachKind.SHARED_FOLDER: Message(QT_TRANSLATE_NOOP("core.trust", "Shared folder")),
            ReachKind.USB_DEVICE: Message(QT_TRANSLATE_NOOP("core.trust",
                                                            "USB device of this computer")),
        }[self.kind]
        return Message(
            QT_TRANSLATE_NOOP("core.trust", "{label} ({access}): {target}"),
            label=label,
            access=access,
            target=self.target,
        )


def _real(path: Path) -> str:
    return os.path.realpath(path)


def _inside(real_path: str, real_dir: str) -> bool:
    return real_path.startswith(real_dir + os.sep)


def host_reach(spec: VmSpec, folder: VmFolder) -> tuple[Reach, ...]:
    """Everything `spec` reaches on this computer beyond the VM's own folder, in a stable order.

    Paths are resolved as QEMU would open them (relative ones in the VM folder, base images next
    to their disk) and through symbolic links, so a link inside the folder pointing out of it
    counts as outside.
    """
    items: list[Reach] = []
    if spec.extra_args:
        items.append(Reach(ReachKind.EXTRA_ARGS, json.dumps(list(spec.extra_args),
                                                            ensure_ascii=False)))
    home = _real(folder.dir)

    def outside(kind: ReachKind, path: Path, writable: bool) -> None:
        real = _real(path)
        if not _inside(real, home):
            items.append(Reach(kind, real, writable))

    for disk in spec.disks:
        image = folder.resolve(disk.path)
        outside(ReachKind.DISK, image, not (disk.readonly or disk.throwaway))
        if disk.backing_file:
            outside(ReachKind.BASE_IMAGE, image.parent / disk.backing_file, False)
    cd = spec.cdrom
    if cd is not None and cd.path:
        if cd.source is CdromSource.HOST:
            items.append(Reach(ReachKind.CD_DRIVE, _real(folder.resolve(cd.path))))
        else:
            outside(ReachKind.ISO, folder.resolve(cd.path), False)
    if spec.usb_stick is not None:
        outside(ReachKind.USB_STICK, folder.resolve(spec.usb_stick.path),
                not spec.usb_stick.protected)
    for share in spec.shares:
        outside(ReachKind.SHARED_FOLDER, Path(share.path), not share.read_only)
    # Whatever is plugged in with these ids is the guest's: a security key, a stick, a phone.
    items += [Reach(ReachKind.USB_DEVICE, str(device), True) for device in spec.usb_devices]
    return tuple(dict.fromkeys(items))


class Approvals:
    """The approvals file: per VM id, the keys of the approved `Reach` items.

    Writes are atomic (core.atomic) and serialised between processes with an flock, so the
    app and kvmgui-cli approving at the same time both keep their approval. An unreadable
    file counts as "nothing approved": a VM then asks again, it never starts unasked.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    @classmethod
    def for_paths(cls, paths: AppPaths) -> Approvals:
        return cls(paths.config_dir / APPROVALS_FILE)

    # -- reading ----------------------------------------------------------------------------

    def _read(self) -> dict[str, list[str]]:
        try:
            raw = read_small_regular_file(self.path, MAX_APPROVALS_BYTES)
        except OSError:
            return {}
        try:
            data = json.loads(raw)
        except ValueError:
            return {}
        if not isinstance(data, dict) or data.get("version") != APPROVALS_VERSION:
            return {}
        vms = data.get("vms")
        if not isinstance(vms, dict):
            return {}
        return {vm_id: [k for k in keys if isinstance(k, str)]
                for vm_id, keys in vms.items() if isinstance(vm_id, str) and isinstance(keys, list)}

    def approved_keys(self, vm_id: str) -> frozenset[str]:
        return frozenset(self._read().get(vm_id, ()))

    def unapproved(self, spec: VmSpec, folder: VmFolder) -> list[Reach]:
        """What `spec` reaches on this computer without the user's approval."""
        approved = self.approved_keys(spec.id)
        return [item for item in host_reach(spec, folder) if item.key not in approved]

    # -- writing ----------------------------------------------------------------------------

    @contextlib.contextmanager
    def _locked(self) -> Iterator[dict[str, list[str]]]:
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        lock_path = self.path.with_name(f".{self.path.name}.lock")
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            data = self._read()
            yield data
            raw = json.dumps({"version": APPROVALS_VERSION, "vms": data}, indent=1,
                             sort_keys=True).encode() + b"\n"
            write_atomic(self.path, raw)
        finally:
            os.close(fd)

    def record(self, vm_id: str, approve: Iterable[Reach], current: Sequence[Reach]) -> None:
        """Approve `approve` for the VM, and forget approvals of what it no longer reaches
        (`current` is everything it reaches now), so an old approval cannot come back."""
        keep = {item.key for item in current}
        new = [item.key for item in approve]
        with self._locked() as data:
            old = [k for k in data.get(vm_id, []) if k in keep]
            merged = sorted(set(old) | set(new))
            if merged:
                data[vm_id] = merged
            else:
                data.pop(vm_id, None)

    def approve(self, spec: VmSpec, folder: VmFolder, shown: Sequence[Reach]) -> None:
        """The user approved the list `shown` to them (kvmgui-cli approve, the app's dialog):
        exactly those items, nothing the definition may have gained since."""
        self.record(spec.id, shown, host_reach(spec, folder))

    def approve_extra_args(self, spec: VmSpec, folder: VmFolder) -> None:
        """The user has just typed these extra arguments (kvmgui-cli edit --extra-args)."""
        reach = host_reach(spec, folder)
        self.record(spec.id, [r for r in reach if r.kind is ReachKind.EXTRA_ARGS], reach)

    def created(self, spec: VmSpec, folder: VmFolder) -> None:
        """A VM kvmgui has just made for the user: approve what it reaches. (Copying a VM
        whose definition is not fully approved is refused before, see runtime.clones.)"""
        reach = host_reach(spec, folder)
        self.record(spec.id, reach, reach)

    def saved(self, old: VmSpec | None, new: VmSpec, folder: VmFolder) -> None:
        """kvmgui wrote `new` over `old`: what the change brought in came from the user; what
        was already there keeps the approval it had (or had not)."""
        reach = host_reach(new, folder)
        before = set() if old is None else {r.key for r in host_reach(old, folder)}
        self.record(new.id, [r for r in reach if r.key not in before], reach)

    def forget(self, vm_id: str) -> None:
        with contextlib.suppress(OSError), self._locked() as data:
            data.pop(vm_id, None)


def start_refusal(spec: VmSpec, folder: VmFolder, approvals: Approvals) -> tuple[str, list[Reach]]:
    """("", []) when the VM may start; otherwise one sentence saying how to approve, and the
    unapproved items (for the app's dialog and the message's details)."""
    missing = approvals.unapproved(spec, folder)
    if not missing:
        return "", []
    name = spec.name
    quoted = shlex.quote(name)
    return (Message(
        QT_TRANSLATE_NOOP(
            "core.trust",
            "VM '{name}' has settings made outside kvmgui that reach this computer and that you "
            "have not approved yet; run kvmgui-cli approve {quoted} to review and approve them, "
            "or start it from the app, which asks.",
        ),
        name=name,
        quoted=quoted,
    )), missing
