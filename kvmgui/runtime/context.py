"""What all VM controllers of one manager share, and small facts derived from a spec."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum

from kvmgui.core.host import HostFacts
from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message
from kvmgui.core.model import CdromSource, DisplayKind, VmSpec
from kvmgui.core.paths import AppPaths, VmFolder
from kvmgui.core.qemu_caps import QemuCaps
from kvmgui.core.settings import Settings
from kvmgui.core.store import StoredVm
from kvmgui.runtime.events import RuntimeEvent


class MonitorRole(StrEnum):
    """Which of the VM's two monitors a process uses when it attaches."""

    APP = "app"  # long-lived (the GUI): qmp.sock, falling back to qmp-cli.sock when taken
    CLI = "cli"  # one-shot commands: qmp-cli.sock only


@dataclass
class RuntimeContext:
    """Built once by VmManager and handed to every controller (no globals)."""

    paths: AppPaths
    settings: Settings
    role: MonitorRole
    environment: Callable[[], Awaitable[tuple[HostFacts, QemuCaps]]]
    publish: Callable[[RuntimeEvent], None]
    refresh: Callable[[str], StoredVm | None]  # the VM's current definition from the store
    # Writes a changed definition through the store (the end of a VM's install phase); None
    # where nothing may be saved.
    save: Callable[[StoredVm], StoredVm] | None = None


def display_uri(spec: VmSpec, paths: AppPaths) -> str | None:
    """The address remote-viewer (or our console) connects to: a unix socket, never TCP."""
    run = paths.vm_runtime(spec.id)
    if spec.display.kind is DisplayKind.VNC:
        return f"vnc+unix://{run.vnc_socket}"
    if spec.display.kind is DisplayKind.SPICE:
        return f"spice+unix://{run.spice_socket}"
    return None


def file_roles(spec: VmSpec, folder: VmFolder) -> dict[str, str]:
    """How the user knows each file and block node, for qemu_errors.explain."""
    # The labels are phrases put inside qemu_errors' sentences (Messages); the memory size is
    # a value.
    roles: dict[str, str] = {"memory": f"{spec.memory_mib} MiB"}
    for i, disk in enumerate(spec.disks):
        path = str(folder.resolve(disk.path))
        label = (Message(QT_TRANSLATE_NOOP("runtime.context", "disk {number}"), number=i + 1)
                 if len(spec.disks) > 1
                 else Message(QT_TRANSLATE_NOOP("runtime.context", "the VM's disk")))
        roles[path] = roles[f"hd{i}"] = roles[f"hd{i}-drive"] = label
        if disk.backing_file:
            roles[f"hd{i}-base"] = Message(QT_TRANSLATE_NOOP(
                "runtime.context", "the base image of {disk}"), disk=label)
    if spec.cdrom is not None and spec.cdrom.path:
        label = (Message(QT_TRANSLATE_NOOP("runtime.context", "the host CD/DVD drive"))
                 if spec.cdrom.source is CdromSource.HOST
                 else Message(QT_TRANSLATE_NOOP("runtime.context",
                                                "the ISO image in the CD/DVD drive")))
        roles[str(folder.resolve(spec.cdrom.path))] = roles["cd0"] = label
    if spec.usb_stick is not None:
        stick = Message(QT_TRANSLATE_NOOP("runtime.context", "the USB stick"))
        roles[str(folder.resolve(spec.usb_stick.path))] = roles["usb0"] = stick
        roles["usb0-drive"] = stick
    roles[str(folder.nvram)] = roles["fw-vars"] = Message(QT_TRANSLATE_NOOP(
        "runtime.context", "the VM's UEFI variable store"))
    roles["fw-code"] = Message(QT_TRANSLATE_NOOP("runtime.context", "the UEFI firmware"))
    return roles
