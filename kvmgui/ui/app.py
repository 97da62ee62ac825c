"""The `kvmgui` entry point: QApplication + qasync loop, the runtime, the main window.

Everything is built here once and passed down (no globals): AppPaths from the environment,
the settings file, the VM store and the VmManager (from kvmgui.runtime.session, like the CLI's;
the manager reattaches to guests still running from an earlier session) and the window. A
second start only brings the first window forward. main() and the app-level tests both go
through launch() and close_runtime(), so the tests run the app as users get it.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from kvmgui.core.paths import AppPaths
from kvmgui.runtime.session import load_environment
from kvmgui.ui import pyside_fixes
from kvmgui.ui.context import AppContext
from kvmgui.ui.errors import show_error
from kvmgui.ui.i18n import install_translator, translate
from kvmgui.ui.icons import app_icon
from kvmgui.ui.main_window import MainWindow
from kvmgui.ui.single_instance import SingleInstance

if TYPE_CHECKING:
    import asyncio

log = logging.getLogger(__name__)
DESKTOP_ID = "io.github.kvmgui.KvmGui"


def _application(argv: Sequence[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setApplicationName("kvmgui")
    QCoreApplication.setOrganizationName("kvmgui")
    app = QApplication(list(argv))

    pyside_fixes.install(app)
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(app_icon())
    # The window decides when to quit (it may first ask about running guests).
    app.setQuitOnLastWindowClosed(False)
    return app


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    app = _application(sys.argv if argv is None else argv)
    translator = install_translator(app)
    paths = AppPaths.from_env()

    guard = SingleInstance(paths.app_lock_file)
    try:
        first = guard.acquire()
    except OSError as exc:
        # Imported only where kvmgui does not start: PySide builds a Qt class's Python type,
        # with its enums, at its first import.
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(
            None,
            translate("App", "kvmgui cannot start"),
            translate(
                "App",
                "kvmgui cannot create its runtime folder {0}: {1}. Check that the folder is "
                "writable.",
            ).format(paths.runtime_dir, exc.strerror or exc),
        )
        return 1
    if not first:
        if not guard.ask_first_to_raise():
            from PySide6.QtWidgets import QMessageBox  # see above

            QMessageBox.information(
                None,
                translate("App", "kvmgui is already running"),
                translate("App", "kvmgui is already running for your user; switch to its window."),
            )
        return 0

    window = build(paths, guard)
    window.show()
    window.wait_painted()
    # Imported once the window is on screen, for start-up cost: asyncio, qasync and the
    # runtime (which window.startup() loads) are not needed for the first paint.
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    import qasync

    loop = qasync.QEventLoop(app)
    # asyncio.to_thread's workers (the host probe's file reads, libvirt calls): qasync's own
    # default executor starts ten QThreads at its first use and keeps them for the session;
    # the standard one starts a thread when no idle one is left, so it holds two or three.
    loop.set_default_executor(ThreadPoolExecutor(thread_name_prefix="kvmgui-worker"))
    asyncio.set_event_loop(loop)
    app.lastWindowClosed.connect(app.quit)
    try:
        with loop:
            window.spawn(window.startup())  # runs once the loop runs
            loop.run_forever()
            loop.run_until_complete(close_runtime(window))
    finally:
        guard.release()
        del translator
    return 0


class Launched(NamedTuple):
    window: MainWindow
    startup: asyncio.Task[None]  # reattaching to running guests, then the host probe


def launch(paths: AppPaths, guard: SingleInstance | None = None) -> Launched:
    """Build the app, show its window and start its start-up on the current event loop."""
    window = build(paths, guard)
    window.show()
    return Launched(window, window.spawn(window.startup()))


def build_context(paths: AppPaths, *, start_runtime: bool = True) -> AppContext:
    """The context from the settings file, with its runtime started unless told otherwise:
    what build() gives the window (tests that drive windows of their own start from it too)."""
    env = load_environment(paths)  # as kvmgui-cli reads them
    ctx = AppContext(paths, env.settings, settings_warnings=env.settings_warnings)
    if start_runtime:
        ctx.start_runtime()
    return ctx


def build(paths: AppPaths, guard: SingleInstance | None = None) -> MainWindow:
    """The context and the main window (also used by the screenshot script); the window's
    startup() starts the runtime once the window has been painted."""
    ctx = build_context(paths, start_runtime=False)
    warnings = ctx.settings_warnings
    window = MainWindow(ctx, start_runtime=True)
    if guard is not None:

        def bring_forward() -> None:
            window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
            window.show()
            window.raise_()
            window.activateWindow()

        guard.raise_requested.connect(bring_forward)
    if warnings:
        show_error(
            window,
            translate("App", "Some settings could not be used; the defaults were used instead."),
            details="\n".join(warnings),
            title=translate("App", "Settings"),
        )
    return window


async def close_runtime(window: MainWindow) -> None:
    await window.ctx.close_libvirt()
    manager = window.ctx.manager
    if manager is not None:
        # Let go of the guests (they keep running unless the window shut them down).
        await manager.close()


if __name__ == "__main__":
    sys.exit(main())
