"""What the runtime tells its subscribers (the UI bridge, the CLI's --wait, tests).

Plain frozen dataclasses, delivered synchronously on the event loop thread through
VmManager.subscribe. They are notices, not commands: a subscriber that needs more asks the
manager (e.g. `controller.status()`).
"""

from __future__ import annotations

from dataclasses import dataclass

from kvmgui.core.advisor import Advice
from kvmgui.runtime.state import VmState
from kvmgui.runtime.stats import VmStats


@dataclass(frozen=True)
class StateChanged:
    vm_id: str
    state: VmState
    reason: str = ""
    details: str = ""


@dataclass(frozen=True)
class StatsSampled:
    vm_id: str
    stats: VmStats


@dataclass(frozen=True)
class ConsoleAvailable:
    """The VM's display can be connected to at `uri` (None: it went away)."""

    vm_id: str
    uri: str | None


@dataclass(frozen=True)
class TrayMoved:
    vm_id: str
    device_id: str
    open: bool


@dataclass(frozen=True)
class DiskError:
    vm_id: str
    device: str
    message: str
    nospace: bool = False


@dataclass(frozen=True)
class GuestReset:
    vm_id: str
    by_guest: bool


@dataclass(frozen=True)
class VmListChanged:
    """VMs were added to or removed from the store (manager.reload())."""


@dataclass(frozen=True)
class AdviceChanged:
    """The performance advisor's notice for a VM appeared (`advice`) or went away (None).

    Sent by runtime.advisor.CpuAdvisor when a running guest keeps its QEMU above the
    threshold for a whole window, and again with None when that ends (window below the
    threshold, pause, stop). manager.advisor.advice(vm_id) gives the current one.
    """

    vm_id: str
    advice: Advice | None


RuntimeEvent = (
    StateChanged | StatsSampled | ConsoleAvailable | TrayMoved | DiskError | GuestReset
    | VmListChanged | AdviceChanged
)
