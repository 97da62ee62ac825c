"""Test a USB stick (or an .img/.iso file standing in for one) in a throwaway VM.

1. `check_source(path)`: a block device must be a stick the device scan offers (never a disk
   the system runs from, never one mounted read-write, and one this user may open: else the
   wiki's fix `sudo adduser $USER disk`); a regular file is an image of a stick.
2. `live_spec(source, ...)`: no hard disk, the stick as the USB stick (protected by default:
   QEMU's snapshot=on keeps the guest's writes in a temporary overlay, so they never reach
   it), booting from USB, the Linux preset.
3. `start_live(manager, spec)`: writes it as a throwaway VM (runtime/throwaway.py), so it is
   listed and controlled like any VM while it runs and disappears when it stops, and starts it.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from kvmgui.core.blockdevs import DeviceKind
from kvmgui.core.messages import QT_TRANSLATE_NOOP, KvmguiError, Message
from kvmgui.core.model import BootDevice, OsPreset, Passthrough, VmSpec
from kvmgui.core.paths import AppPaths
from kvmgui.core.presets import new_spec
from kvmgui.core.store import StoredVm, StoreError
from kvmgui.runtime import process, throwaway
from kvmgui.runtime.controller import VmController
from kvmgui.runtime.manager import VmManager
from kvmgui.runtime.outcome import Outcome

DEFAULT_MEMORY_MIB = 1024


def unprotected_warning(path: str) -> Message:
    return Message(QT_TRANSLATE_NOOP(
        "runtime.live",
        "Protection is OFF: everything the guest writes goes straight to {path}. A live system "
        "may change or damage what is on it."), path=path)


class LiveError(KvmguiError):
    """The stick or image cannot be used; str() is one sentence with the fix."""


@dataclass(frozen=True)
class LiveSource:
    path: str  # absolute: the device node or the image file
    device: bool
    description: str  # "SanDisk Ultra (14.3 GiB, USB)" or the file name


def _check_image(path: Path, *, writable: bool) -> LiveSource:
    try:
        st = path.stat()
    except FileNotFoundError:
        raise LiveError(Message(QT_TRANSLATE_NOOP(
            "runtime.live", "{path} does not exist: check the name of the stick or image."),
            path=str(path))) from None
    except OSError as exc:
        raise LiveError(Message(QT_TRANSLATE_NOOP(
            "runtime.live", "{path} cannot be checked ({strerror})."),
            path=str(path), strerror=exc.strerror or "")) from None
    if not stat.S_ISREG(st.st_mode):
        raise LiveError(Message(QT_TRANSLATE_NOOP(
            "runtime.live",
            "{path} is neither a USB stick nor an image file (.img or .iso): pick a stick "
            "listed by 'kvmgui-cli devices', or an image file."), path=str(path)))
    if st.st_size == 0:
        raise LiveError(Message(QT_TRANSLATE_NOOP(
            "runtime.live", "{path} is empty, so there is nothing to boot."), path=str(path)))
    if not os.access(path, os.R_OK) or (writable and not os.access(path, os.W_OK)):
        need = (Message(QT_TRANSLATE_NOOP("runtime.live", "read and write")) if writable
                else Message(QT_TRANSLATE_NOOP("runtime.live", "read")))
        raise LiveError(Message(QT_TRANSLATE_NOOP(
            "runtime.live", "You may not {need} {path}: give your user access to it (chmod "
            "u+rw)."), need=need, path=str(path)))
    return LiveSource(str(path), False, path.name)


async def check_source(path: str, *, writable: bool = False, lsblk: str = "lsblk"
                       ) -> LiveSource:
    """The stick or image to boot, or LiveError saying why it cannot be used."""
    given = Path(os.path.abspath(os.path.expanduser(path)))
    try:
        is_block = stat.S_ISBLK(given.stat().st_mode)
    except OSError:
        is_block = False
    if not is_block:
        return _check_image(given, writable=writable)
    from kvmgui.runtime.blockdev_probe import ProbeError, find_device

    try:
        device = await find_device(str(given), lsblk)
    except ProbeError as exc:
        raise LiveError(exc.message, exc.details) from None
    if device is None:
        raise LiveError(Message(QT_TRANSLATE_NOOP(
            "runtime.live",
            "{given} is not a USB stick or card this computer lists (a partition?): pick a "
            "whole stick from 'kvmgui-cli devices'."), given=str(given)))
    if device.kind is DeviceKind.OPTICAL:
        raise LiveError(Message(QT_TRANSLATE_NOOP(
            "runtime.live",
            "{given} is a CD/DVD drive: use it as the CD of a VM instead (kvmgui-cli create NAME "
            "--cdrom {given})."), given=str(given)))
    if not device.usable:
        raise LiveError(device.why_not)
    if writable and not os.access(device.path, os.W_OK):
        raise LiveError(Message(QT_TRANSLATE_NOOP(
            "runtime.live",
            "You may not write to {path}; add yourself to the disk group: sudo adduser $USER "
            "disk, then log in again."), path=device.path))
    return LiveSource(device.path, True, device.description)


def live_name(source: LiveSource) -> str:
    stem = Path(source.path).name
    if not source.device:
        stem = Path(stem).stem or stem
    return f"live-{stem}"[:48]


def live_spec(source: LiveSource, *, memory_mib: int = DEFAULT_MEMORY_MIB,
              protected: bool = True, name: str | None = None) -> VmSpec:
    """A VM with no hard disk that boots the stick, which is protected unless told otherwise."""
    spec = new_spec(name or live_name(source), OsPreset.LINUX, memory_mib=memory_mib,
                    disks=(), cdrom=None, usb_stick=Passthrough(source.path, protected=protected),
                    boot_order=(BootDevice.USB,),
                    description=Message(QT_TRANSLATE_NOOP(
                        "runtime.live", "Throwaway VM testing {description}."),
                        description=source.description))
    return spec


@dataclass
class LiveVm:
    """A started throwaway VM; `release()` hands it over (it then disappears when it stops)."""

    stored: StoredVm
    controller: VmController
    owner: process.StartLock

    def release(self) -> None:
        throwaway.release(self.owner)


async def start_live(manager: VmManager, spec: VmSpec) -> tuple[LiveVm | None, Outcome[int]]:
    """Create the throwaway VM and start it through `manager` (which then lists it).

    On success the caller holds the owner lock (LiveVm.release, or discard after waiting);
    on failure everything is removed again and (None, the failure) is returned.
    """
    paths: AppPaths = manager.paths
    taken = [vm.spec.name for vm in manager.store.load_all().vms]
    try:
        stored, owner = throwaway.create_throwaway(spec, paths, taken)
    except (StoreError, process.LaunchError) as exc:
        return None, Outcome.failure(str(exc), code="throwaway")
    try:
        await manager.reload()
        controller = manager.get(stored.spec.id)
        outcome = await controller.start()
    except BaseException:
        finish(stored, owner, paths)
        raise
    if not outcome.ok:
        finish(stored, owner, paths)
        return None, outcome
    return LiveVm(stored, controller, owner), outcome


def finish(stored: StoredVm, owner: process.StartLock, paths: AppPaths) -> bool:
    """Let go of a throwaway VM we own; it is removed at once if its QEMU has ended."""
    throwaway.release(owner)
    return throwaway.discard(stored, paths)

