"""Load: 20 VMs defined, 10 started at once through the real app; the window stays responsive
and every state shown agrees with QEMU's own (issue 8, item 5).

The app is built by `kvmgui.ui.app.build` (AppContext + MainWindow, whose startup() starts the
VmManager, as `main()` does) over a registered RunEnv, so the suite's leak check sees any QEMU
or socket left behind.
Actions go through the window's VmActions handlers (what the toolbar buttons run). VMs are
tiny: TCG, 32/64 MiB, no disk (SeaBIOS finds nothing to boot and idles), no sound, VNC on a
unix socket.

Event-loop latency is watched with a 20 ms QTimer heartbeat the whole time and only checked
loosely (a frozen window would show seconds); the real figures come from
benches/bench_ui_latency.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest

from kvmgui.core.model import Accel
from kvmgui.core.settings import Settings, save_settings
from kvmgui.runtime.state import VmState
from kvmgui.ui.main_window import MainWindow
from tests.runtime.helpers import RunEnv, qemu_pids_using, tiny_spec
from tests.ui.heartbeat import Heartbeat

DEFINED = 20
STARTED = 10
PAUSED = 3
FORCED_OFF = 5
HEARTBEAT_MS = 20
MAX_LATENESS_S = 1.0  # a guard against a frozen window, not a performance figure
STATE_TIMEOUT_MS = 30_000  # 10 TCG starts on 2 busy cores


@pytest.fixture
def env() -> Iterator[RunEnv]:
    run_env = RunEnv.create()
    yield run_env
    leftovers = run_env.cleanup()
    assert not leftovers, f"the test left QEMU pid(s) {leftovers} running"


def _state(window: MainWindow, vm_id: str) -> VmState | None:
    row = window.model.get(vm_id)
    return row.state if row is not None else None


def _wait_states(qtbot: Any, window: MainWindow, expected: dict[str, VmState]) -> None:
    def reached() -> bool:
        return all(_state(window, vm_id) is state for vm_id, state in expected.items())

    try:
        qtbot.waitUntil(reached, timeout=STATE_TIMEOUT_MS)
    except AssertionError:
        wrong = {window.model.get(v).name: _state(window, v)  # type: ignore[union-attr]
                 for v, s in expected.items() if _state(window, v) is not s}
        raise AssertionError(f"states not reached within {STATE_TIMEOUT_MS} ms: {wrong}") from None


def _check_against_qmp(run_async: Callable[..., Any], window: MainWindow,
                       expected: dict[str, VmState]) -> None:
    """QEMU's own `query-status` (asked through the controller's QMP session) agrees with
    the list for every VM; a stopped VM has no QEMU at all."""
    manager = window.ctx.manager
    assert manager is not None
    qmp_word = {VmState.RUNNING: "running", VmState.PAUSED: "paused"}

    async def ask_all() -> dict[str, str | None]:
        answers: dict[str, str | None] = {}
        for vm_id in expected:
            controller = manager.find(vm_id)
            assert controller is not None
            if controller.pid is None:
                answers[vm_id] = None
                continue
            session = controller._session  # the controller's own QMP connection
            assert session is not None and session.connected, controller.name
            answers[vm_id] = (await session.execute("query-status"))["status"]
        return answers

    answers = run_async(ask_all(), timeout=30)
    for vm_id, state in expected.items():
        controller = manager.find(vm_id)
        assert controller is not None
        assert controller.status().state is state, controller.name
        if state is VmState.STOPPED:
            assert answers[vm_id] is None and controller.pid is None, controller.name
        else:
            assert answers[vm_id] == qmp_word[state], (controller.name, answers[vm_id])


@pytest.mark.qemu
@pytest.mark.slow
def test_twenty_defined_ten_running(qtbot: Any, qloop: Any, run_async: Callable[..., Any],
                                    env: RunEnv) -> None:
    from kvmgui.ui.app import build

    # Stats and thumbnails more often than the defaults: more traffic on the UI thread.
    save_settings(env.paths.settings_file,
                  replace(Settings(), accelerator=Accel.TCG, stats_interval_s=1.0,
                          thumbnail_interval_s=2.0, confirm_force_off=False))
    ids = [env.store.create(tiny_spec(f"load{i:02d}", memory_mib=32 if i % 2 else 64)).spec.id
           for i in range(DEFINED)]

    heartbeat = Heartbeat(HEARTBEAT_MS)
    window = build(env.paths)
    qtbot.addWidget(window)
    manager = None
    try:
        window.show()
        qtbot.waitExposed(window)
        run_async(window.startup(), timeout=60)  # starts the runtime once painted
        manager = window.ctx.manager
        assert manager is not None
        assert window.model.rowCount() == DEFINED
        heartbeat.start()

        # Ten starts at once, as ten clicks on Start would run them.
        actions = window.vm_actions
        rows = [window.model.get(vm_id) for vm_id in ids[:STARTED]]
        tasks = [window.spawn(actions.do_start(row)) for row in rows if row is not None]
        qtbot.waitUntil(lambda: all(t.done() for t in tasks), timeout=STATE_TIMEOUT_MS * 2)
        outcomes = [t.result() for t in tasks]
        assert all(o.ok for o in outcomes), [o.message for o in outcomes if not o.ok]
        expected = {vm_id: VmState.RUNNING if i < STARTED else VmState.STOPPED
                    for i, vm_id in enumerate(ids)}
        _wait_states(qtbot, window, expected)
        _check_against_qmp(run_async, window, expected)
        assert len(qemu_pids_using(env.root)) == STARTED

        # Pause three.
        paused = ids[:PAUSED]
        for vm_id in paused:
            row = window.model.get(vm_id)
            assert row is not None
            outcome = run_async(actions.do_pause_resume(row), timeout=30)
            assert outcome.ok, outcome.message
            expected[vm_id] = VmState.PAUSED
        _wait_states(qtbot, window, expected)
        _check_against_qmp(run_async, window, expected)

        # Force five of the running ones off, all at once.
        forced = ids[PAUSED:PAUSED + FORCED_OFF]
        force_rows = [window.model.get(vm_id) for vm_id in forced]
        tasks = [window.spawn(actions.do_force_off(row)) for row in force_rows if row is not None]
        qtbot.waitUntil(lambda: all(t.done() for t in tasks), timeout=STATE_TIMEOUT_MS * 2)
        assert all(t.result().ok for t in tasks), [t.result().message for t in tasks]
        for vm_id in forced:
            expected[vm_id] = VmState.STOPPED
        _wait_states(qtbot, window, expected)
        # Let a few stats and thumbnail rounds pass with the survivors, then check again.
        qtbot.wait(2500)
        _check_against_qmp(run_async, window, expected)
        assert len(qemu_pids_using(env.root)) == STARTED - FORCED_OFF
        assert [vm_id for vm_id in ids if expected[vm_id] is VmState.RUNNING] == ids[8:10]

        heartbeat.stop()
        assert len(heartbeat.lateness) > 50
        worst = max(heartbeat.lateness)
        print(f"heartbeat: {len(heartbeat.lateness)} ticks, max lateness {worst * 1000:.0f} ms")
        assert worst < MAX_LATENESS_S, f"the UI event loop stalled for {worst:.2f} s"
    finally:
        heartbeat.stop()

        async def stop_all() -> None:
            window.thumbnails.stop()
            if manager is None:
                return
            for controller in manager.controllers():
                if controller.pid is not None:
                    await controller.force_off()
            await manager.close()

        run_async(stop_all(), timeout=90)
        # Close through the window's own path (nothing runs, so it does not ask) while the
        # loop is still alive.
        window.close()
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
