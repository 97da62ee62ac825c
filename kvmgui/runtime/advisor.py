"""The performance advisor's watcher: per running VM, a rolling window of CPU samples.

It listens to the manager's events like any subscriber: StatsSampled feeds the VM's
core.advisor.CpuWindow, StateChanged resets it. The first `boot_grace_s` seconds after a start
or a resume are left out (a booting or catching-up guest is busy by right), and the window
itself must be above the threshold from end to end before anything is said. When the alert
rises or falls it publishes AdviceChanged(vm_id, advice | None) through the manager's own
fan-out, so the UI bridge gets it with the other runtime events.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from kvmgui.core.advisor import (
    DEFAULT_THRESHOLD_PERCENT,
    DEFAULT_WINDOW_S,
    Advice,
    CpuWindow,
    idle_cpu_notice,
)
from kvmgui.core.host import HostFacts
from kvmgui.core.model import Accel, VmSpec
from kvmgui.runtime.events import AdviceChanged, RuntimeEvent, StateChanged, StatsSampled
from kvmgui.runtime.state import VmState

# A desktop guest on KVM is up and settled within a minute; under TCG boots take longer, but
# then "no KVM acceleration" is the right notice anyway.
DEFAULT_BOOT_GRACE_S = 60.0


@dataclass(frozen=True)
class VmFacts:
    """What the advice depends on, looked up when the alert rises."""

    spec: VmSpec
    host: HostFacts
    accel: Accel | None  # the accelerator QEMU really uses (None: unknown)


def accel_in_use(name: str | None) -> Accel | None:
    """VmStatus.accel ("kvm" / "tcg" from the run's meta.json) as an Accel."""
    with contextlib.suppress(ValueError):
        accel = Accel(name or "")
        return None if accel is Accel.AUTO else accel
    return None


@dataclass
class _Watch:
    window: CpuWindow
    state: VmState | None = None
    not_before: float = 0.0  # samples taken earlier are ignored (boot, resume)
    advice: Advice | None = field(default=None)


class CpuAdvisor:
    def __init__(
        self,
        facts: Callable[[str], VmFacts | None],
        publish: Callable[[RuntimeEvent], None],
        *,
        window_s: float = DEFAULT_WINDOW_S,
        threshold: float = DEFAULT_THRESHOLD_PERCENT,
        boot_grace_s: float = DEFAULT_BOOT_GRACE_S,
        clock: Callable[[], float] = time.monotonic,  # the clock of VmStats.sampled_at
    ) -> None:
        self._facts = facts
        self._publish = publish
        self._clock = clock
        self.window_s = window_s
        self.threshold = threshold
        self.boot_grace_s = boot_grace_s
        self._watches: dict[str, _Watch] = {}

    def configure(self, *, window_s: float | None = None, threshold: float | None = None,
                  boot_grace_s: float | None = None) -> None:
        """Change the parameters; windows restart (the grace period is not applied again)."""
        if window_s is not None:
            self.window_s = window_s
        if threshold is not None:
            self.threshold = threshold
        if boot_grace_s is not None:
            self.boot_grace_s = boot_grace_s
        for vm_id, watch in self._watches.items():
            watch.window = CpuWindow(self.window_s, self.threshold)
            self._set_advice(vm_id, watch, None)

    def advice(self, vm_id: str) -> Advice | None:
        """The notice currently shown for `vm_id` (None: nothing to say)."""
        watch = self._watches.get(vm_id)
        return watch.advice if watch is not None else None

    def observe(self, event: RuntimeEvent) -> None:
        """Subscriber for VmManager.subscribe."""
        if isinstance(event, StateChanged):
            self._state_changed(event.vm_id, event.state)
        elif isinstance(event, StatsSampled):
            self._sampled(event)

    def _new_watch(self) -> _Watch:
        return _Watch(CpuWindow(self.window_s, self.threshold))

    def _state_changed(self, vm_id: str, state: VmState) -> None:
        watch = self._watches.get(vm_id)
        if watch is None:
            if state is not VmState.RUNNING:
                return
            watch = self._watches[vm_id] = self._new_watch()
        previous, watch.state = watch.state, state
        if state is VmState.RUNNING and previous is VmState.RUNNING:
            return  # only the reason changed (e.g. the monitor came back)
        watch.window.reset()
        watch.not_before = self._clock() + self.boot_grace_s
        self._set_advice(vm_id, watch, None)
        if not state.is_active:
            del self._watches[vm_id]

    def _sampled(self, event: StatsSampled) -> None:
        watch = self._watches.get(event.vm_id)
        if watch is None:
            # Running before we heard of it: give it the same grace from now on.
            watch = self._watches[event.vm_id] = self._new_watch()
            watch.not_before = self._clock() + self.boot_grace_s
        if watch.state not in (None, VmState.RUNNING):
            return
        stats = event.stats
        if stats.sampled_at < watch.not_before:
            return
        if not watch.window.add(stats.sampled_at, stats.cpu_percent):
            return
        if not watch.window.alert:
            self._set_advice(event.vm_id, watch, None)
            return
        facts = self._facts(event.vm_id)
        if facts is None:
            return
        self._set_advice(event.vm_id, watch, idle_cpu_notice(
            facts.spec, facts.host, facts.accel, window_s=self.window_s,
            threshold=self.threshold, mean=watch.window.mean()))

    def _set_advice(self, vm_id: str, watch: _Watch, advice: Advice | None) -> None:
        if advice == watch.advice:
            return
        watch.advice = advice
        self._publish(AdviceChanged(vm_id, advice))
