"""States the console shows, and the reconnect back-off (plain Python, no Qt)."""

from __future__ import annotations

from enum import StrEnum


class VmDisplayState(StrEnum):
    """What the VM manager knows about the VM behind the console (set_vm_state())."""

    RUNNING = "running"
    PAUSED = "paused"  # the last frame stays, with a "Paused" overlay
    STOPPED = "stopped"  # nothing to connect to: no reconnect attempts
    NO_DISPLAY = "no-display"  # the VM has no VNC display (SPICE, or none)


class ConnectionState(StrEnum):
    IDLE = "idle"  # no address, or disconnect() was called
    CONNECTING = "connecting"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"  # lost or not there yet: retrying with back-off
    FAILED = "failed"  # retrying cannot help (e.g. the password was refused)


_DELAYS = (0.25, 0.5, 1.0, 2.0, 4.0)
MAX_DELAY = 5.0


def reconnect_delay(attempt: int) -> float:
    """Seconds to wait before reconnect attempt `attempt` (1-based): quick at first, because a
    rebooting guest or restarting QEMU is back within a second or two, then at most 5 s."""
    if attempt <= 0:
        return 0.0
    return _DELAYS[attempt - 1] if attempt <= len(_DELAYS) else MAX_DELAY
