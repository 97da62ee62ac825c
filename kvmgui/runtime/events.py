"""What the runtime tells its subscribers (the UI bridge, the CLI's --wait, tests).

Plain frozen dataclasses, delivered synchronously on the event loop thread through
VmManager.subscribe. They are notices, not commands: a subscriber that needs more asks the
manager (e.g. `controller.status()`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kvmgui.runtime.state import VmState
from kvmgui.runtime.stats import VmStats

if TYPE_CHECKING:
    # Only the advisor makes AdviceChanged, and it is loaded with the first running VM.
    from kvmgui.core.advisor import Advice


@dataclass(frozen=True, slots=True)
class VmEvent:
    """Something that happened to one VM."""

    vm_id: str


@dataclass(frozen=True, slots=True)
class StateChanged(VmEvent):
    state: VmState
    reason: str = ""
    details: str = ""


@dataclass(frozen=True, slots=True)
class StatsSampled(VmEvent):
    stats: VmStats


@dataclass(frozen=True, slots=True)
class ConsoleAvailable(VmEvent):
    """The VM's display can be connected to at `uri` (None: it went away)."""

    uri: str | None


@dataclass(frozen=True, slots=True)
class TrayMoved(VmEvent):
    device_id: str
    open: bool


@dataclass(frozen=True, slots=True)
class DiskError(VmEvent):
    device: str
    message: str
    nospace: bool = False


@dataclass(frozen=True, slots=True)
class GuestReset(VmEvent):
    by_guest: bool


@dataclass(frozen=True, slots=True)
class VmListChanged:
    """VMs were added to or removed from the store (manager.reload())."""


@dataclass(frozen=True, slots=True)
class AdviceChanged(VmEvent):
    """The performance advisor's notice for a VM appeared (`advice`) or went away (None).

    Sent by runtime.advisor.CpuAdvisor when a running guest keeps its QEMU above the
    threshold for a whole window, and again with None when that ends (window below the
    threshold, pause, stop). manager.advisor.advice(vm_id) gives the current one.
    """

    advice: Advice | None


RuntimeEvent = (
    StateChanged | StatsSampled | ConsoleAvailable | TrayMoved | DiskError | GuestReset
    | VmListChanged | AdviceChanged
)
