"""Every sentence the performance advisor shows, in English, under a stable key.

core has no Qt: each sentence is a marked template (context "core.advisor_texts"), and
`Text.of(key, **values)` makes the Message the UI translates with kvmgui.ui.i18n.core_text.
Placeholders are named (`{name}`, `{cpus}`…) and filled in after translation, so a translator
can move them.
"""

from __future__ import annotations

from typing import cast

from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message, Template

TEXTS: dict[str, Template] = {
    # -- idle guest keeps a host CPU busy ---------------------------------------------------
    "idle-cpu.title": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "This virtual machine keeps the computer busy",
    ),
    "idle-cpu.message": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "For the last {seconds} seconds, '{name}' has used more than {threshold} % of one host "
        "processor (about {cpu} % on average). A guest that is doing nothing should stay below "
        "that. If nothing is running inside it, these are the likely causes:",
    ),
    "idle-cpu.no-kvm": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "KVM acceleration is not in use, so QEMU imitates the processor in software: even an idle "
        "guest then costs several percent of a host processor, and everything runs slowly. The "
        "host check tells why KVM cannot be used here and how to turn it on.",
    ),
    "idle-cpu.tcg-chosen": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "This virtual machine is set to software emulation (TCG) although this computer can use "
        "KVM, which is much faster and lighter. Let kvmgui choose the accelerator.",
    ),
    "idle-cpu.tcg-chosen.fix": QT_TRANSLATE_NOOP("core.advisor_texts", "Use KVM when available"),
    "idle-cpu.virtio-nic-old": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "Older systems often drive the virtio network card badly, which can keep a processor busy "
        "even when no data moves. Almost every system has a driver for the emulated Intel e1000 "
        "card: try it.",
    ),
    "idle-cpu.virtio-nic-old.fix": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "Use an e1000 network card",
    ),
    "idle-cpu.usb-tablet-bsd": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "The USB tablet (it lets the mouse pointer move in and out of the window without being "
        "captured) makes several FreeBSD and other BSD releases check the USB controller without "
        "pause. Turn it off; you then click into the console to use the mouse.",
    ),
    "idle-cpu.usb-tablet-bsd.fix": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "Turn off the USB tablet",
    ),
    "idle-cpu.cpus-above-host": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "It has {cpus} virtual processors but this computer has only {host_cpus} cores, so they "
        "compete with each other and with the host.",
    ),
    "idle-cpu.cpus-idle": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "Every virtual processor costs host time even while the guest is idle, because each one "
        "wakes up many times a second; with {cpus} of them this adds up. Fewer are enough for a "
        "guest that mostly waits; add them back when it has heavy work.",
    ),
    "idle-cpu.cpus.fix-one": QT_TRANSLATE_NOOP("core.advisor_texts", "Use 1 virtual processor"),
    "idle-cpu.cpus.fix-many": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "Use {target} virtual processors",
    ),
    "idle-cpu.guest-busy": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "Something inside the guest may really be working: system updates, file indexing, or a "
        "program stuck in a loop. Look at its own task list (top on Linux, Task Manager on "
        "Windows).",
    ),
    # -- Linux guest on an IDE disk -----------------------------------------------------------
    "ide-disk-linux.title": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "A disk uses slow IDE emulation",
    ),
    "ide-disk-linux.message": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "'{name}' is a Linux guest, but its disk {disk} is attached as IDE, the slowest kind of "
        "emulated disk. Linux has the faster virtio drivers built in.",
    ),
    "ide-disk-linux.virtio": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "Switch the disk to virtio, the fastest choice. Most Linux systems find their disk by its "
        "UUID and start as before; an older one that names /dev/sda or /dev/hda in /etc/fstab must "
        "be changed to /dev/vda first.",
    ),
    "ide-disk-linux.virtio.fix": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "Use virtio for this disk",
    ),
    "ide-disk-linux.elevator": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "To keep IDE, let the guest pass its disk requests on without sorting them, since the host "
        "sorts them again anyway: add elevator=noop to the guest's kernel command line (in "
        "/etc/default/grub inside the guest, then run sudo update-grub). Linux 5.4 and newer "
        "ignore that option; there, run: echo none | sudo tee /sys/block/sda/queue/scheduler",
    ),
    # -- disk cache mode ----------------------------------------------------------------------
    "disk-cache.title": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "A disk does not use the writeback cache",
    ),
    "disk-cache.message": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "writeback, kvmgui's default, is usually the fastest safe choice: writes go to the host's "
        "memory first, and whatever the guest saves on purpose (a flush) still reaches the disk. "
        "The trade-off: if the host itself crashes or loses power, the last writes the guest had "
        "not flushed yet are lost, as with the cache of a real disk.",
    ),
    "disk-cache.none": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "Disk {disk} uses cache=none: the host keeps nothing of it in memory, so reads are never "
        "served from the host's cache. It suits large disks on fast storage; elsewhere writeback "
        "is faster.",
    ),
    "disk-cache.writethrough": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "Disk {disk} uses cache=writethrough: every write waits until it is on the host's disk. "
        "The safest mode, but much slower.",
    ),
    "disk-cache.directsync": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "Disk {disk} uses cache=directsync: every write waits for the host's disk and nothing is "
        "kept in memory. The slowest mode.",
    ),
    "disk-cache.unsafe": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "Disk {disk} uses cache=unsafe: it ignores the guest's flushes, so a crash of the host can "
        "damage the guest's files. writeback is almost as fast and keeps them safe.",
    ),
    "disk-cache.fix": QT_TRANSLATE_NOOP("core.advisor_texts", "Use writeback for this disk"),
    # -- the guest ignored the ACPI power button --------------------------------------------
    "shutdown-windows.title": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "Windows ignored the shutdown request",
    ),
    "shutdown-windows.message": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "'{name}' did not react to the ACPI power button. Windows refuses to shut down this way "
        "while a Remote Desktop (RDP) session is open or locked, or while nobody is logged in, "
        "unless it is told otherwise.",
    ),
    "shutdown-windows.rdp": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "Sign out of every Remote Desktop session (signing out, not just closing its window or "
        "locking it), then try again.",
    ),
    "shutdown-windows.registry": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "To make Windows always obey the power button, run regedit as an administrator in the "
        "guest, open "
        "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System and "
        "set the DWORD value shutdownwithoutlogon to 1. This is the security policy \"Shutdown: "
        "Allow system to be shut down without having to log on\".",
    ),
    "shutdown-windows.power-button": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "In the guest's Control Panel, under Power Options > Choose what the power buttons do, "
        '"When I press the power button" must be "Shut down" (not "Do nothing" or "Sleep").',
    ),
    "shutdown-other.title": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "The guest ignored the shutdown request",
    ),
    "shutdown-other.message": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "'{name}' did not react to the ACPI power button.",
    ),
    "shutdown-other.booting": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "It may still be starting: a guest only reacts once its system is fully up. Wait a moment "
        "and try again.",
    ),
    "shutdown-other.linux": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "A minimal Linux without a desktop may not listen to the power button: install acpid in "
        "the guest, or check that systemd-logind handles the power key.",
    ),
    "shutdown-other.other": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "Some systems do not listen to the ACPI power button at all, or only once it is enabled in "
        "their settings: shut it down from inside the guest.",
    ),
    "shutdown.force-off": QT_TRANSLATE_NOOP(
        "core.advisor_texts",
        "If it must stop now, use Force off. It is like pulling the plug: unsaved work in the "
        "guest is lost, and the guest may check its disk at the next start.",
    ),
}


class Text(Message):
    """An advisor sentence: a Message that also knows its key in TEXTS."""

    __slots__ = ("key",)
    key: str

    @classmethod
    def of(cls, key: str, **values: object) -> Text:
        if key not in TEXTS:
            raise KeyError(f"no advisor text {key!r}")
        text = cast(Text, Message.__new__(cls, TEXTS[key], **values))
        text.key = key
        return text

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_text, (self.key, dict(self.values)))


def _rebuild_text(key: str, values: dict[str, object]) -> Text:
    return Text.of(key, **values)
