"""How a QEMU run ended, in the user's terms: stopped (and why) or crashed (and why).

Decided from what the controller saw during the run (a SHUTDOWN event and its reason, a guest
panic, our own force-off) and from how the process ended (exit code or signal, known only for
our own child), with QEMU's last log lines as the details.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kvmgui.core.messages import QT_TRANSLATE_NOOP, SENTENCE, Message, joined
from kvmgui.runtime.process import ExitStatus
from kvmgui.runtime.qemu_errors import explain, tail
from kvmgui.runtime.state import VmState

# QAPI ShutdownCause values → what happened, for a clean exit.
_GUEST_SHUT_DOWN = Message(QT_TRANSLATE_NOOP("runtime.exits", "The guest shut down."))
SHUTDOWN_REASONS = {
    "guest-shutdown": _GUEST_SHUT_DOWN,
    "host-qmp-quit": Message(QT_TRANSLATE_NOOP("runtime.exits", "It was turned off.")),
    "host-signal": Message(QT_TRANSLATE_NOOP(
        "runtime.exits",
        "QEMU was asked to quit by a signal (for example because the computer is shutting "
        "down).")),
    "host-ui": Message(QT_TRANSLATE_NOOP("runtime.exits",
                                         "It was closed from QEMU's own window.")),
    "guest-reset": _GUEST_SHUT_DOWN,
}
GUEST_CRASHED = Message(QT_TRANSLATE_NOOP(
    "runtime.exits", "The guest operating system crashed (kernel panic or blue screen)."))


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
        return Verdict(VmState.STOPPED,
                       Message(QT_TRANSLATE_NOOP("runtime.exits", "It was forced off.")))
    if panicked or shutdown_reason == "guest-panic":
        return Verdict(VmState.CRASHED, GUEST_CRASHED, details)
    clean_exit = status.signal is None and status.code in (0, None)
    if shutdown_reason is not None and clean_exit:
        return Verdict(VmState.STOPPED, SHUTDOWN_REASONS.get(shutdown_reason) or Message(
            QT_TRANSLATE_NOOP("runtime.exits", "It shut down.")))
    what = status.describe()
    explained = explain(log_text, roles=roles, during_start=False, exit_text=what)
    reason: str
    if explained.code == "qemu-error":
        # QEMU's last line is its own words: a value.
        last = (details.splitlines()[-1] if details else "").rstrip(".")
        reason = (Message(QT_TRANSLATE_NOOP("runtime.exits", "{exit}: {error}."), exit=what,
                          error=last) if last
                  else Message(QT_TRANSLATE_NOOP("runtime.exits", "{exit}."), exit=what))
    else:
        reason = joined([Message(QT_TRANSLATE_NOOP("runtime.exits", "{exit}."), exit=what),
                         explained.message], SENTENCE)
    return Verdict(VmState.CRASHED, reason, details)
