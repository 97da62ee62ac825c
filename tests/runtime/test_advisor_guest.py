"""The performance advisor in the runtime: its watcher on synthetic events, then the acceptance
test with real guests under TCG (a busy-looping one gets the notice, an idle one does not)."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from kvmgui.core.advisor import IDLE_CPU, Advice
from kvmgui.core.host import HostFacts
from kvmgui.core.model import Accel
from kvmgui.core.presets import new_spec
from kvmgui.core.qemu_caps import QemuCaps
from kvmgui.runtime.advisor import CpuAdvisor, VmFacts, accel_in_use
from kvmgui.runtime.events import AdviceChanged, RuntimeEvent, StateChanged, StatsSampled
from kvmgui.runtime.manager import VmManager
from kvmgui.runtime.state import VmState
from kvmgui.runtime.stats import VmStats
from tests.runtime.helpers import (
    EventLog,
    RunEnv,
    create_vm,
    guest_spec,
    wait_for_serial_async,
)

# -- the watcher, fed by hand -----------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


SPEC = new_spec("busy", accel=Accel.TCG, cpus=1)
FACTS = VmFacts(SPEC, HostFacts(kvm_usable=False, cpu_count=2), Accel.TCG)


def make(grace: float = 5.0, window: float = 10.0,
         facts: VmFacts | None = FACTS) -> tuple[CpuAdvisor, list[RuntimeEvent], Clock]:
    published: list[RuntimeEvent] = []
    clock = Clock()
    advisor = CpuAdvisor(lambda vm_id: facts, published.append, window_s=window,
                         threshold=3.0, boot_grace_s=grace, clock=clock)
    return advisor, published, clock


def sample(advisor: CpuAdvisor, clock: Clock, cpu: float | None, vm_id: str = SPEC.id,
           step: float = 1.0) -> None:
    clock.now += step
    advisor.observe(StatsSampled(vm_id, VmStats(vm_id, 42, cpu, 1, 1.0, (), clock.now)))


def state(advisor: CpuAdvisor, new: VmState, vm_id: str = SPEC.id) -> None:
    advisor.observe(StateChanged(vm_id, new))


def notices(published: list[RuntimeEvent]) -> list[Advice | None]:
    return [e.advice for e in published if isinstance(e, AdviceChanged)]


def test_busy_guest_gets_the_notice_after_grace_plus_window() -> None:
    advisor, published, clock = make(grace=5, window=10)
    state(advisor, VmState.RUNNING)
    started = clock.now
    sample(advisor, clock, None)
    while not notices(published):
        sample(advisor, clock, 100.0)
        assert clock.now - started < 30
    # The first sample after the grace only bounds the window; the window is then 10 s long.
    assert clock.now - started == 5 + 10
    (advice,) = notices(published)
    assert advice is not None and advice.key == IDLE_CPU
    assert advice.causes[0].key == "no-kvm"
    assert "100 %" in str(advice.message)
    assert advisor.advice(SPEC.id) == advice


def test_boot_spike_inside_the_grace_is_ignored() -> None:
    advisor, published, clock = make(grace=5, window=10)
    state(advisor, VmState.RUNNING)
    for _ in range(5):
        sample(advisor, clock, 100.0)  # boot
    for _ in range(60):
        sample(advisor, clock, 0.6)
    assert notices(published) == []


def test_pause_clears_and_resume_waits_for_grace_again() -> None:
    advisor, published, clock = make(grace=5, window=10)
    state(advisor, VmState.RUNNING)
    for _ in range(20):
        sample(advisor, clock, 50.0)
    assert notices(published)[-1] is not None
    state(advisor, VmState.PAUSED)
    assert notices(published)[-1] is None
    assert advisor.advice(SPEC.id) is None
    for _ in range(20):
        sample(advisor, clock, 50.0)  # stale figures while paused: ignored
    assert len(notices(published)) == 2
    state(advisor, VmState.RUNNING)
    resumed = clock.now
    while len(notices(published)) < 3:
        sample(advisor, clock, 50.0)
    assert clock.now - resumed == 15


def test_stop_clears_the_notice_and_forgets_the_vm() -> None:
    advisor, published, clock = make(grace=0, window=4)
    state(advisor, VmState.RUNNING)
    for _ in range(6):
        sample(advisor, clock, 50.0)
    state(advisor, VmState.STOPPED)
    assert notices(published)[-1] is None
    state(advisor, VmState.CRASHED)  # nothing left to clear: no second notice
    assert notices(published).count(None) == 1


def test_a_new_reason_while_running_does_not_restart_the_window() -> None:
    advisor, published, clock = make(grace=0, window=10)
    state(advisor, VmState.RUNNING)
    for _ in range(6):
        sample(advisor, clock, 50.0)
    advisor.observe(StateChanged(SPEC.id, VmState.RUNNING, "monitor back"))
    for _ in range(5):
        sample(advisor, clock, 50.0)
    assert notices(published) and notices(published)[0] is not None


def test_notice_clears_after_a_quiet_window() -> None:
    advisor, published, clock = make(grace=0, window=4)
    state(advisor, VmState.RUNNING)
    for _ in range(6):
        sample(advisor, clock, 50.0)
    for _ in range(6):
        sample(advisor, clock, 0.5)
    assert notices(published)[0] is not None and notices(published)[-1] is None


def test_vm_seen_only_through_stats_gets_the_grace_too() -> None:
    advisor, published, clock = make(grace=5, window=4)
    for _ in range(8):
        sample(advisor, clock, 50.0)
    assert notices(published) == []
    for _ in range(3):
        sample(advisor, clock, 50.0)
    assert notices(published)


def test_unknown_vm_gets_no_advice() -> None:
    advisor, published, clock = make(grace=0, window=4, facts=None)
    state(advisor, VmState.RUNNING)
    for _ in range(10):
        sample(advisor, clock, 50.0)
    assert notices(published) == []


def test_configure_restarts_the_windows() -> None:
    advisor, published, clock = make(grace=0, window=4)
    state(advisor, VmState.RUNNING)
    for _ in range(6):
        sample(advisor, clock, 50.0)
    advisor.configure(window_s=8, threshold=60.0)
    assert notices(published)[-1] is None
    for _ in range(20):
        sample(advisor, clock, 50.0)
    assert notices(published)[-1] is None  # 50 % is below the new threshold


def test_accel_in_use() -> None:
    assert accel_in_use("tcg") is Accel.TCG
    assert accel_in_use("kvm") is Accel.KVM
    assert accel_in_use("auto") is None
    assert accel_in_use("") is None and accel_in_use(None) is None


# -- acceptance: real guests under TCG ---------------------------------------------------------

WINDOW_S = 10.0
# Boot to "ready" takes ~8-12 s under TCG here, more with a busy neighbour: the grace leaves
# the boot out. The idle guest must reach "ready" before it ends (checked below).
GRACE_S = 22.0
INTERVAL_S = 1.0


@pytest.mark.slow
@pytest.mark.qemu
@pytest.mark.asyncio
async def test_busy_guest_gets_the_notice_and_idle_guest_does_not(
    manager: VmManager, run_env: RunEnv, events: EventLog, test_iso: Path, test_iso_busy: Path,
    host_env: tuple[HostFacts, QemuCaps],
) -> None:
    host, _caps = host_env
    busy_id = create_vm(run_env, guest_spec("busy", test_iso_busy)).spec.id
    idle_id = create_vm(run_env, guest_spec("idle", test_iso)).spec.id
    await manager.reload()
    busy, idle = manager.get(busy_id), manager.get(idle_id)
    manager.advisor.configure(window_s=WINDOW_S, boot_grace_s=GRACE_S)
    manager.stats.set_interval(INTERVAL_S)
    manager.stats.start()

    timed: list[tuple[float, AdviceChanged]] = []
    manager.subscribe(lambda e: timed.append((time.monotonic(), e))
                      if isinstance(e, AdviceChanged) else None)

    started = time.monotonic()
    outcomes = await asyncio.gather(busy.start(), idle.start())
    assert all(o.ok for o in outcomes), outcomes
    assert busy.status().accel == "tcg"

    idle_ready = asyncio.ensure_future(
        wait_for_serial_async(idle.stored.folder.serial_log, "KVMGUI-GUEST: ready", 60))
    ready_at: list[float] = []
    idle_ready.add_done_callback(lambda _: ready_at.append(time.monotonic()))
    busy_ready = asyncio.ensure_future(
        wait_for_serial_async(busy.stored.folder.serial_log, "KVMGUI-GUEST: busy loop started",
                              60))

    def advice_for(vm_id: str) -> list[tuple[float, Advice | None]]:
        return [(at, e.advice) for at, e in timed if e.vm_id == vm_id]

    await events.wait_for(lambda: any(a for _, a in advice_for(busy.vm_id)),
                          GRACE_S + WINDOW_S + 25)
    noticed_at, advice = next((at, a) for at, a in advice_for(busy.vm_id) if a is not None)
    assert advice is not None and advice.key == IDLE_CPU
    expected_first = "tcg-chosen" if host.kvm_usable else "no-kvm"
    assert advice.causes[0].key == expected_first, advice.cause_keys
    assert advice.cause_keys[-1] == "guest-busy"
    # Not before the grace and a whole window had passed (a boot spike never fires).
    assert noticed_at - started >= GRACE_S + WINDOW_S - INTERVAL_S
    await busy_ready

    # The idle guest: its own window after the grace is over by now (both started together);
    # wait one more window so it was judged on a whole quiet window at least once.
    text = await idle_ready
    ready_after = ready_at[0] - started  # within the 0.2 s polling step
    await asyncio.sleep(max(0.0, started + GRACE_S + WINDOW_S + 3 * INTERVAL_S
                            - time.monotonic()))
    figures = [round(e.stats.cpu_percent, 2) for e in events.of_type(StatsSampled)
               if e.vm_id == idle.vm_id and e.stats.cpu_percent is not None]
    busy_figures = [round(e.stats.cpu_percent, 1) for e in events.of_type(StatsSampled)
                    if e.vm_id == busy.vm_id and e.stats.cpu_percent is not None]
    print(f"\nidle guest CPU % per {INTERVAL_S:g} s sample: {figures}")
    print(f"busy guest CPU % per {INTERVAL_S:g} s sample: {busy_figures}")
    print(f"busy notice {noticed_at - started:.1f} s after Start; idle guest ready "
          f"{ready_after:.1f} s after Start")
    idle_notices = [a for _, a in advice_for(idle.vm_id) if a is not None]
    assert "KVMGUI-GUEST: ready" in text
    assert not idle_notices, (
        f"the idle guest got the notice; its CPU figures were {figures} (boot to 'ready' "
        f"took {ready_after:.0f} s, grace {GRACE_S:g} s)")
    assert manager.advisor.advice(idle.vm_id) is None
    assert manager.advisor.advice(busy.vm_id) == advice

    # Stopping the busy guest takes the notice away.
    await busy.force_off()
    assert advice_for(busy.vm_id)[-1][1] is None
    await manager.stats.stop()
