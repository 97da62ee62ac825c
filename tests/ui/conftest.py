"""Fixtures for the GUI tests: a qasync loop on pytest-qt's QApplication, temp app folders.

The loop is created with `already_running=True`: pytest-qt drives Qt's event loop itself
(qtbot.waitUntil / waitSignal), and that flag makes asyncio see this loop as the running one,
so coroutines started by `@asyncSlot` handlers run while the test waits (QEMU-NOTES §1).

Runtime folders are short paths in /tmp (unix socket paths are limited to 107 bytes, and
pytest's tmp_path can be longer than that).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import shutil
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import pytest
import qasync
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from kvmgui.core.hostcheck import report
from kvmgui.core.model import Accel
from kvmgui.core.paths import AppPaths
from kvmgui.core.settings import Settings, save_settings
from kvmgui.ui.main_window import MainWindow
from tests.core.hosts import KVM_PVM_HOST
from tests.core.vm_fixtures import GOLDEN_CAPS, GOLDEN_HOST
from tests.runtime.helpers import short_tmp
from tests.ui.flows import Launch

T = TypeVar("T")

# The build machine's probe, with the facts the golden command lines are built for (8 GiB,
# 4 CPUs, OVMF and swtpm installed): what `ctx` holds for tests that do not probe QEMU.
RECORDED_HOST = replace(report(KVM_PVM_HOST), facts=GOLDEN_HOST)


@pytest.fixture(autouse=True, scope="session")
def _pyside_emit_guard(qapp: QApplication) -> None:
    """PySide6 6.12.0 drops a reference to True on every emit (see kvmgui.ui.pyside_fixes);
    a long GUI test session would abort without this guard."""
    from kvmgui.ui import pyside_fixes

    pyside_fixes.install(qapp)


@pytest.fixture(autouse=True, scope="session")
def _english_plurals(qapp: QApplication) -> Iterator[None]:
    """The English plural forms ("1 virtual machine", "2 virtual machines"), installed as the
    app does on an English desktop (kvmgui.ui.app); a test that needs French installs that on
    top, and Qt asks the translator installed last first."""
    from PySide6.QtCore import QLocale

    from kvmgui.ui import i18n

    translator = i18n.install_translator(qapp, QLocale(QLocale.Language.English))
    yield
    if translator is not None:
        i18n.remove_translator(qapp, translator)


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread() -> Iterator[None]:
    """No automatic garbage collection while a GUI test runs; this test's garbage is collected
    when it ends, on this thread.

    The qasync loop runs asyncio.to_thread work (QEMU's exit, free space, file copies) on
    QThreads. An automatic collection happens in whichever thread allocates when the
    threshold is reached, and was seen to start in such a worker during a console test: a
    widget, QImage or QTimer in a reference cycle collected there is destroyed off the GUI
    thread, which Qt does not survive (a segfault, only in long runs where cycles pile up).
    Everything allocated during the test stays in the youngest generation, so collecting
    that one generation is enough, and cheap."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.collect(0)
        if was_enabled:
            gc.enable()


@pytest.fixture
def qloop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    # A child process still being started (its pipes connecting) is let finish starting:
    # a start cancelled at that point never completes on Python 3.11 (asyncio then waits for
    # the pipes it has just cancelled), and this teardown would wait its five seconds for it.
    starting = [
        t
        for t in asyncio.all_tasks(loop)
        if not t.done() and t.get_coro().__qualname__.endswith("._connect_pipes")
    ]
    deadline = loop.time() + 5
    while any(not t.done() for t in starting) and loop.time() < deadline:
        qapp.processEvents()
    # Cancel whatever a test left behind, let the cancellations run, then close.
    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in pending:
        task.cancel()
    deadline = loop.time() + 5
    while any(not t.done() for t in pending) and loop.time() < deadline:
        qapp.processEvents()
    with contextlib.suppress(RuntimeError):
        asyncio.events._set_running_loop(None)
    # Not loop.stop(): it calls QApplication.exit(), after which the next QEventLoop.exec()
    # (pytest-qt's waitSignal) would return at once. Just mark the loop as not running.
    loop._QEventLoop__is_running = False
    # already_running=True tied the loop to aboutToQuit, which fires each time a later test's
    # QApplication.exec() returns: cut the tie, or every closed loop stays alive for the session.
    with contextlib.suppress(RuntimeError, TypeError):
        qapp.aboutToQuit.disconnect(loop._after_run_forever)
    loop.close()
    asyncio.set_event_loop(None)
    # Widgets a test deleted, and their Python wrappers, go now, between tests, rather than in
    # the middle of the next test's imports: CPython 3.11's AST converter is not re-entrant
    # (gh-106905) and was seen to fail with "AST constructor recursion depth mismatch".
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


@pytest.fixture
def run_async(qtbot: Any, qloop: qasync.QEventLoop) -> Callable[..., Any]:
    """Run a coroutine on the qasync loop while pytest-qt processes Qt events; return its
    result (raises what it raised)."""

    def run(coro: Coroutine[Any, Any, T], timeout: float = 60.0) -> T:
        task = asyncio.ensure_future(coro)
        qtbot.waitUntil(task.done, timeout=int(timeout * 1000))
        return task.result()

    return run


@pytest.fixture
def short_root() -> Iterator[Path]:
    # Registered, so the session's leak check sees QEMUs and sockets a GUI test left here.
    root = short_tmp()
    yield root
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def app_paths(short_root: Path) -> AppPaths:
    paths = AppPaths.under(short_root)
    for d in (paths.config_dir, paths.data_dir, paths.runtime_dir, paths.cache_dir):
        d.mkdir(parents=True, mode=0o700, exist_ok=True)
    return paths


@pytest.fixture
def settings(app_paths: AppPaths) -> Settings:
    """TCG (this machine's KVM cannot run guests), small intervals so tests see updates."""
    s = replace(
        Settings(),
        accelerator=Accel.TCG,
        stats_interval_s=0.5,
        thumbnail_interval_s=1.0,
        shutdown_timeout_s=30,
    )
    save_settings(app_paths.settings_file, s)
    return s


@pytest.fixture
def ctx(
    request: pytest.FixtureRequest,
    qloop: qasync.QEventLoop,
    app_paths: AppPaths,
    settings: Settings,
) -> Iterator[Any]:
    """The app's context. Unless the test is marked `qemu`, QEMU's capabilities and the host
    report are the recorded ones (QEMU 7.2, this build machine), so no window starts
    qemu-system-x86_64 to probe them: the fast lane runs no QEMU, and a probe cancelled while
    its pipes connect, when a short test ends, never finishes on Python 3.11 (the loop's
    teardown waited five seconds for it)."""
    from kvmgui.ui.context import AppContext

    context = AppContext(app_paths, settings)
    if request.node.get_closest_marker("qemu") is None:
        context.caps = GOLDEN_CAPS
        context.host_report = RECORDED_HOST
    yield context
    context.deleteLater()


@pytest.fixture
def live_ctx(
    qloop: qasync.QEventLoop,
    app_paths: AppPaths,
    settings: Settings,
    run_async: Callable[..., Any],
) -> Iterator[Any]:
    """The context with a real VmManager, built by kvmgui.ui.app.build_context as the app
    builds it (settings read from the file `settings` wrote); every QEMU it started is forced
    off afterwards."""
    from kvmgui.ui import app

    context = app.build_context(app_paths)
    manager = context.manager
    assert manager is not None
    run_async(manager.open())
    yield context

    async def stop_all() -> None:
        manager.reload_store()
        for controller in manager.controllers():
            if controller.pid is not None or controller.state.is_active:
                await controller.force_off()
        await manager.close()

    run_async(stop_all(), timeout=60)
    context.manager = None
    context.deleteLater()


@pytest.fixture
def launch(
    qtbot: Any, qloop: Any, app_paths: AppPaths, settings: Any, run_async: Callable[..., Any]
) -> Iterator[Launch]:
    """launch(): the app built and started by kvmgui.ui.app.launch(), what the `kvmgui` entry
    point runs, on the test's folders (app-level tests build the app with it, never by hand).
    Afterwards every guest it runs is forced off and its runtime closed."""
    windows: list[MainWindow] = []

    def start() -> MainWindow:
        from kvmgui.ui import app

        launched = app.launch(app_paths)
        window = launched.window
        windows.append(window)
        qtbot.addWidget(window)
        qtbot.waitExposed(window)
        qtbot.waitUntil(launched.startup.done, timeout=60_000)
        launched.startup.result()
        return window

    yield start

    async def stop_all(window: MainWindow) -> None:
        from kvmgui.ui import app

        manager = window.ctx.manager
        if manager is None:
            return
        manager.reload_store()
        for controller in manager.controllers():
            if controller.pid is not None or controller.state.is_active:
                await controller.force_off()
        await app.close_runtime(window)

    for window in windows:
        run_async(stop_all(window), timeout=60)
