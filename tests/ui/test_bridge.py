"""The bridge: every runtime event becomes its signal, and flags never travel as bools."""

from __future__ import annotations

from typing import Any

from kvmgui.runtime import events as ev
from kvmgui.runtime.state import VmState
from kvmgui.runtime.stats import VmStats
from kvmgui.ui.bridge import RuntimeBridge


class FakeManager:
    """Only the subscribe API of VmManager (the real one is used in test_main_window)."""

    def __init__(self) -> None:
        self.subscribers: list[Any] = []

    def subscribe(self, callback: Any) -> Any:
        self.subscribers.append(callback)
        return lambda: self.subscribers.remove(callback)

    def publish(self, event: object) -> None:
        for s in list(self.subscribers):
            s(event)


def test_every_event_reaches_its_signal(qtbot: Any) -> None:
    manager = FakeManager()
    bridge = RuntimeBridge(manager)
    got: list[tuple[str, tuple[Any, ...]]] = []
    for name in ("state_changed", "stats_sampled", "console_available", "tray_moved",
                 "disk_error", "guest_reset", "vm_list_changed"):
        getattr(bridge, name).connect(lambda *a, n=name: got.append((n, a)))
    stats = VmStats("v", 1, 5.0, 100, 2.0)
    for event in (
        ev.StateChanged("v", VmState.RUNNING, "why", "raw"),
        ev.StatsSampled("v", stats),
        ev.ConsoleAvailable("v", "vnc+unix:///x"),
        ev.TrayMoved("v", "cdrom0", True),
        ev.DiskError("v", "disk0", "full", True),
        ev.GuestReset("v", False),
        ev.VmListChanged(),
    ):
        manager.publish(event)
    assert [n for n, _ in got] == ["state_changed", "stats_sampled", "console_available",
                                   "tray_moved", "disk_error", "guest_reset", "vm_list_changed"]
    assert got[0][1] == ("v", VmState.RUNNING, "why", "raw")
    assert got[3][1] == ("v", "cdrom0", 1)
    bridge.detach()
    assert manager.subscribers == []


def test_flags_travel_as_ints(qtbot: Any) -> None:
    # Never Python bools through a Python-defined signal (see kvmgui.ui.pyside_fixes).
    manager = FakeManager()
    bridge = RuntimeBridge(manager)
    got: list[Any] = []
    bridge.disk_error.connect(lambda *a: got.append(a))
    bridge.guest_reset.connect(lambda *a: got.append(a))
    manager.publish(ev.DiskError("v", "disk0", "full", True))
    manager.publish(ev.GuestReset("v", True))
    assert got == [("v", "disk0", "full", 1), ("v", 1)]
    assert all(type(a[-1]) is int for a in got)
