"""Which hardware edits of a running VM wait for its next start: decided here, once.

The details window's Hardware page and `kvmgui-cli edit` both ask this module, so the page's
note and the command's answer always name the same changes. QEMU takes a VM's hardware from
its command line, so every change of it reaches a running VM only when it starts again; the
exceptions are the disc in an existing CD drive, which is changed live (Insert now, Eject,
`kvmgui-cli cd`), and USB devices of the computer attached or detached with their own
operation (the Sharing group's check boxes, `kvmgui-cli usb attach/detach`), which acts at
once; a list of them edited with `kvmgui-cli edit --usb-device` waits for the next start.
Clipboard sharing is half live: turning it on adds the guest agent port to
the command line, so it waits for the next start; turning it off over VNC takes effect at
once, because kvmgui's own console is then the one that stops passing text (over SPICE the
external viewer shares through the agent, so the agent must go: the next start).
"""

from __future__ import annotations

from kvmgui.core.boot import installing
from kvmgui.core.messages import COMMA, QT_TRANSLATE_NOOP, Message, joined
from kvmgui.core.model import DisplayKind, VmSpec

# Fields whose change only reaches a running VM at its next start, and their names for the
# user (the CD drive: adding or removing it; its disc is changed live).
_NAMES = {
    "memory_mib": QT_TRANSLATE_NOOP("core.restart", "memory"),
    "cpus": QT_TRANSLATE_NOOP("core.restart", "CPUs"),
    "disks": QT_TRANSLATE_NOOP("core.restart", "disks"),
    "network": QT_TRANSLATE_NOOP("core.restart", "network card"),
    "sound": QT_TRANSLATE_NOOP("core.restart", "sound"),
    "usb": QT_TRANSLATE_NOOP("core.restart", "USB tablet"),
    "usb_devices": QT_TRANSLATE_NOOP("core.restart", "USB devices"),
    "display": QT_TRANSLATE_NOOP("core.restart", "screen"),
    "cdrom": QT_TRANSLATE_NOOP("core.restart", "CD drive"),
    "boot_order": QT_TRANSLATE_NOOP("core.restart", "start-up device"),
    "clipboard": QT_TRANSLATE_NOOP("core.restart", "clipboard sharing"),
    "shares": QT_TRANSLATE_NOOP("core.restart", "shared folders"),
}
RESTART_FIELDS = tuple(_NAMES)


def _boot_key(spec: VmSpec) -> tuple[object, ...]:
    # The install phase is part of where the VM starts from.
    return (*spec.boot_order, installing(spec))


def restart_fields(old: VmSpec, new: VmSpec) -> list[str]:
    """The VmSpec fields changed from `old` to `new` that wait for the next start."""
    changed = []
    for name in RESTART_FIELDS:
        a, b = getattr(old, name), getattr(new, name)
        if name == "cdrom":
            # Changing the disc in an existing drive is live; adding/removing the drive is not.
            a, b = a is None, b is None
        elif name == "boot_order":
            a, b = _boot_key(old), _boot_key(new)
        elif name == "clipboard" and not new.clipboard and new.display.kind is DisplayKind.VNC:
            a = b  # the console stops sharing at once; the idle agent port is harmless
        if a != b:
            changed.append(name)
    return changed


def restart_needed(old: VmSpec, new: VmSpec) -> list[Message]:
    """Which changes wait for the next start, as words for the user."""
    return [Message(_NAMES[name]) for name in restart_fields(old, new)]


def restart_note(old: VmSpec, new: VmSpec) -> Message | None:
    """What a running VM's user is told once the changes are saved; None: nothing waits."""
    waiting = restart_needed(old, new)
    if not waiting:
        return None
    return Message(
        QT_TRANSLATE_NOOP(
            "core.restart",
            "The VM is running: these changes take effect the next time it starts: {changes}.",
        ),
        changes=joined(waiting, COMMA),
    )
