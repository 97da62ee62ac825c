"""The states a VM can be in, as the user sees them, and how QEMU's run states map onto them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message


class VmState(StrEnum):
    STOPPED = "stopped"
    STARTING = "starting"
    RUNNING = "running"
    PAUSED = "paused"
    SHUTTING_DOWN = "shutting-down"
    CRASHED = "crashed"

    @property
    def is_active(self) -> bool:
        """A QEMU process exists (or is being started) for the VM."""
        return self not in (VmState.STOPPED, VmState.CRASHED)


# `query-status` run states (QAPI RunState) grouped by what the user should see.
_RUNNING = {"running"}
_PAUSED = {
    "paused", "suspended", "debug", "inmigrate", "postmigrate", "finish-migrate",
    "save-vm", "restore-vm", "colo", "watchdog", "prelaunch", "io-error",
}
_CRASHED = {"guest-panicked", "internal-error"}
_SHUTTING_DOWN = {"shutdown"}

_REASONS = {
    "io-error": Message(QT_TRANSLATE_NOOP(
        "runtime.state",
        "It was paused because a disk reported an error; fix the disk (for example free space "
        "on the host), then resume it.")),
    "guest-panicked": Message(QT_TRANSLATE_NOOP(
        "runtime.state",
        "The guest operating system crashed (kernel panic or blue screen); it is kept paused "
        "so you can read the screen. Reset or force it off.")),
    "internal-error": Message(QT_TRANSLATE_NOOP(
        "runtime.state", "QEMU hit an internal error and stopped the guest; force it off.")),
    "prelaunch": Message(QT_TRANSLATE_NOOP(
        "runtime.state",
        "It was started but never resumed (the program starting it was interrupted); resume "
        "it to let it run.")),
    "suspended": Message(QT_TRANSLATE_NOOP(
        "runtime.state", "The guest suspended itself (sleep); wake it from the console.")),
    "watchdog": Message(QT_TRANSLATE_NOOP(
        "runtime.state", "The guest's watchdog expired and QEMU paused it.")),
    "restore-vm": Message(QT_TRANSLATE_NOOP(
        "runtime.state",
        "Loading a snapshot failed part-way; resume it or restore another snapshot.")),
}


@dataclass(frozen=True)
class QmpRunState:
    state: VmState
    reason: str


def from_qmp_status(status: str) -> QmpRunState:
    """Map QMP's `query-status` "status" to a VmState and a sentence (empty when obvious)."""
    reason: str = _REASONS.get(status, "")
    if status in _RUNNING:
        return QmpRunState(VmState.RUNNING, "")
    if status in _CRASHED:
        return QmpRunState(VmState.CRASHED, reason)
    if status in _SHUTTING_DOWN:
        return QmpRunState(VmState.SHUTTING_DOWN, "")
    if status in _PAUSED:
        return QmpRunState(VmState.PAUSED, reason)
    # A run state newer than this list: say what QEMU said rather than guess.
    return QmpRunState(VmState.PAUSED, Message(QT_TRANSLATE_NOOP(
        "runtime.state", "QEMU reports the state '{status}'."), status=status))


@dataclass(frozen=True)
class VmStatus:
    """A snapshot of what is known about one VM."""

    vm_id: str
    name: str
    state: VmState
    reason: str = ""  # one sentence: why it is in this state (empty when obvious)
    details: str = ""  # raw text behind the reason (QEMU's last error lines)
    pid: int | None = None
    started_at: float | None = None  # wall-clock seconds since the epoch
    accel: str | None = None  # the accelerator in use: "kvm" or "tcg"
    display: str | None = None  # vnc+unix:///… or spice+unix:///…
    qmp_status: str | None = None  # QEMU's own run state, for the curious
