"""How a QEMU run ended, in the user's terms: stopped (and why) or crashed (and why).

Decided from what the controller saw during the run (a SHUTDOWN event and its reason, a guest
panic, our own force-off) and from how the process ended (exit code or signal, known only for
our own child), with QEMU's last log lines as the details.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kvmgui.runtime.process import ExitStatus
from kvmgui.runtime.qemu_errors import explain, tail
from kvmgui.runtime.state import VmState

# QAPI ShutdownCause values → what happened, for a clean exit.
SHUTDOWN_REASONS = {
    "guest-shutdown": "The guest shut down.",
    "host-qmp-quit": "It was turned off.",
    "host-signal": "QEMU was asked to quit by a signal (for example because the computer is "
                   "shutting down).",
    "host-ui": "It was closed from QEMU's own window.",
    "guest-reset": "The guest shut down.",
}
GUEST_CRASHED = "The guest operating system crashed (kernel panic or blue screen)."


@dataclass(frozen=True)
class Verdict:
    state: VmState
    reason: str
    details: str = ""


def exit_verdict(
    status: ExitStatus,
    log_text: str,
    *,
    forced: bool,
    panicked: bool,
    shutdown_reason: str | None,
    roles: Mapping[str, str] | None = None,
) -> Verdict:
    details = tail(log_text)
    if forced:
        return Verdict(VmState.STOPPED, "It was forced off.")
    if panicked or shutdown_reason == "guest-panic":
        return Verdict(VmState.CRASHED, GUEST_CRASHED, details)
    clean_exit = status.signal is None and status.code in (0, None)
    if shutdown_reason is not None and clean_exit:
        return Verdict(VmState.STOPPED, SHUTDOWN_REASONS.get(shutdown_reason, "It shut down."))
    what = status.describe()
    explained = explain(log_text, roles=roles, during_start=False, exit_text=what)
    if explained.code == "qemu-error":
        last = details.splitlines()[-1] if details else ""
        reason = what + (f": {last}" if last else "")
        reason = reason if reason.endswith(".") else reason + "."
    else:
        reason = f"{what}. {explained.message}"
    return Verdict(VmState.CRASHED, reason, details)
