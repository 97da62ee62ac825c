"""The window of one VM: its details (overview, hardware, performance, logs, snapshots).

Its screen is shown in the main window (MainWindow.open_console); the tool bar's "Open
console" goes there, so there is one console per VM and one place to find it.

Like virt-manager's VM window, but sized for a 1024×768 screen (its details window is 835 px
tall) and with the graphs on from the start. The same VM actions as the main window sit in
its tool bar.
"""

from __future__ import annotations

import contextlib
import time

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QTabWidget, QToolBar, QWidget

from kvmgui.core.advisor import FORCE_OFF, OPEN_HOST_CHECK, Advice
from kvmgui.core.store import StoredVm
from kvmgui.runtime.state import VmState, VmStatus
from kvmgui.ui.bridge import RuntimeBridge
from kvmgui.ui.context import AppContext
from kvmgui.ui.details_hardware import HardwarePage
from kvmgui.ui.details_logs import LogPage
from kvmgui.ui.details_overview import OverviewPage
from kvmgui.ui.details_performance import PerformancePage
from kvmgui.ui.i18n import translate
from kvmgui.ui.icons import os_icon
from kvmgui.ui.media.image_tools import ImageToolsDialog
from kvmgui.ui.media.snapshots_page import SnapshotsPage
from kvmgui.ui.models import VmListModel, VmRow, state_word
from kvmgui.ui.stats_history import StatsHistory
from kvmgui.ui.vm_actions import VmActions
from kvmgui.ui.widgets import add_pages, keep_open

PAGES = ("overview", "hardware", "performance", "serial", "qemu-log", "snapshots")


class VmWindow(QMainWindow):
    saved = Signal(object)  # StoredVm
    host_check_requested = Signal()  # an advisor cause's "Open the host check"

    def __init__(
        self,
        ctx: AppContext,
        stored: StoredVm,
        *,
        model: VmListModel,
        history: StatsHistory,
        bridge: RuntimeBridge,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stored = stored
        self.vm_id = stored.spec.id
        self.model = model
        self.history = history
        self.bridge = bridge
        self.dialogs: list[QWidget] = []  # the modeless tools opened from here, while open
        self.setObjectName("VmWindow")
        self.setWindowIcon(os_icon(stored.spec.os))
        self.vm_actions = VmActions(ctx, self, self.row, with_shortcuts=True)
        self.vm_actions.details_requested.connect(lambda _id: self.show_page("overview"))
        self.vm_actions.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self._build_toolbar()

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(translate("VmWindow", "Views of the virtual machine"))
        self.tabs.setDocumentMode(True)
        self.overview = OverviewPage(ctx, stored, self.tabs)
        self.hardware = HardwarePage(ctx, stored, self.tabs)
        self.hardware.saved.connect(self._hardware_saved)
        self.hardware.disk_tools_requested.connect(self.open_image_tools)
        self.overview.advice.saved.connect(self._advice_applied)
        self.overview.advice.action_requested.connect(self._advice_action)
        self.performance = PerformancePage(
            history, self.vm_id, ctx.settings.stats_interval_s, self.tabs
        )
        self.serial = LogPage(
            translate("VmWindow", "Serial console log"), stored.folder.serial_log, parent=self.tabs
        )
        self.qemu_log = LogPage(
            translate("VmWindow", "QEMU log"),
            stored.folder.qemu_log,
            explain=True,
            parent=self.tabs,
        )
        self.snapshots = SnapshotsPage(ctx, stored, self.tabs, bridge=bridge)
        self._pages: dict[str, QWidget] = {
            "overview": self.overview,
            "hardware": self.hardware,
            "performance": self.performance,
            "serial": self.serial,
            "qemu-log": self.qemu_log,
            "snapshots": self.snapshots,
        }
        titles = {
            "overview": translate("VmWindow", "&Overview"),
            "hardware": translate("VmWindow", "&Hardware"),
            "performance": translate("VmWindow", "&Performance"),
            "serial": translate("VmWindow", "&Serial log"),
            "qemu-log": translate("VmWindow", "&QEMU log"),
            "snapshots": translate("VmWindow", "S&napshots"),
        }
        # Alt+1…6 jump to a page from anywhere (the console keeps ordinary keys for the guest).
        add_pages(self, self.tabs, [(k, self._pages[k], titles[k]) for k in PAGES],
                  self.show_page)
        self.setCentralWidget(self.tabs)
        # Esc and Ctrl+W close it like a dialog (a popup or an open combo box takes Esc first).
        # The page has no console, so no guest needs these keys here.
        # Only these two: a second shortcut on the same keys (StandardKey.Close is Ctrl+W on
        # some desktops) would make both ambiguous, and neither would fire.
        self.close_shortcuts: list[QShortcut] = []
        for keys in (QKeySequence(Qt.Key.Key_Escape), QKeySequence("Ctrl+W")):
            shortcut = QShortcut(keys, self)
            shortcut.activated.connect(self.close_from_keyboard)
            self.close_shortcuts.append(shortcut)

        # Bound methods only: PySide disconnects them when this window is deleted, while a
        # lambda would keep calling into a destroyed window.
        bridge.state_changed.connect(self._state_changed)
        bridge.advice_changed.connect(self._advice_changed)
        manager = ctx.manager
        advisor = getattr(manager, "advisor", None)
        if advisor is not None:
            self.overview.set_live_advice(advisor.advice(self.vm_id))
        history.updated.connect(self._stats)
        model.dataChanged.connect(self._model_changed)
        self.uptime_timer = QTimer(self)
        self.uptime_timer.setInterval(1000)
        self.uptime_timer.timeout.connect(self.refresh)
        self.uptime_timer.start()
        self.resize(self._default_size())
        self.refresh()
        row = self.row()
        if row is not None:
            self.hardware.set_state(row.state)

    def _default_size(self) -> QSize:
        geometry = self.ctx.view_state.value("vm-window/size")
        if isinstance(geometry, QSize) and geometry.isValid():
            return geometry
        return QSize(900, 640)

    def _build_toolbar(self) -> None:
        tb = QToolBar(translate("VmWindow", "Virtual machine"), self)
        tb.setObjectName("vm-toolbar")
        tb.setAccessibleName(translate("VmWindow", "Virtual machine tools"))
        tb.setMovable(False)
        tb.setIconSize(QSize(20, 20))
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        a = self.vm_actions
        for action in a.power():
            tb.addAction(action)
        tb.addSeparator()
        tb.addAction(a.console)  # the main window's console page (MainWindow connects it)
        for action in tb.actions():
            button = tb.widgetForAction(action)
            if button is not None:
                button.setAccessibleName(action.text().replace("&", ""))
        self.toolbar = tb
        self.addToolBar(tb)

    # -- data -------------------------------------------------------------------------------

    def row(self) -> VmRow | None:
        return self.model.get(self.vm_id)

    def _status(self) -> VmStatus | None:
        return self.ctx.status(self.vm_id)

    def refresh(self) -> None:
        row = self.row()
        state = row.state if row is not None else VmState.STOPPED
        self.setWindowTitle(
            translate("VmWindow", "{0} — {1}").format(self.stored.spec.name, state_word(state))
        )
        last = self.history.history(self.vm_id).last
        uptime = getattr(last, "uptime_s", None) if last is not None else None
        if uptime is not None and last is not None:
            uptime += max(0.0, time.monotonic() - last.sampled_at)
        self.overview.set_status(row, self._status(), uptime)
        self.vm_actions.refresh()

    def _model_changed(self, *_: object) -> None:
        self.refresh()

    def show_page(self, key: str) -> None:
        if key == "console":
            self.vm_actions.console.trigger()
            return
        page = self._pages.get(key)
        if page is not None:
            self.tabs.setCurrentWidget(page)

    def _state_changed(self, vm_id: str, state: object, reason: str, details: str) -> None:
        if vm_id != self.vm_id or not isinstance(state, VmState):
            return
        self.hardware.set_state(state)
        self.refresh()

    def _stats(self, vm_id: str) -> None:
        if vm_id == self.vm_id:
            self.refresh()

    def _advice_changed(self, vm_id: str, advice: object) -> None:
        if vm_id == self.vm_id:
            self.overview.set_live_advice(advice if isinstance(advice, Advice) else None)

    def _advice_applied(self, stored: StoredVm) -> None:
        self.hardware.load(stored)  # its form would otherwise save the old definition
        self._hardware_saved(stored)

    def _advice_action(self, action: str) -> None:
        if action == FORCE_OFF:
            self.vm_actions.force_off.trigger()
        elif action == OPEN_HOST_CHECK:
            self.host_check_requested.emit()

    def _hardware_saved(self, stored: StoredVm) -> None:
        self.stored = stored
        self.overview.set_stored(stored)
        self.snapshots.set_stored(stored)
        self.saved.emit(stored)

    def open_image_tools(self, image: str = "") -> QWidget:
        """The disk image tools, opened on `image` (the Hardware page's chosen disk)."""
        return keep_open(self.dialogs, ImageToolsDialog(self.ctx, self, image=image))

    def close_from_keyboard(self) -> None:
        """Esc or Ctrl+W: close, unless the Hardware page has changes not applied yet (a key
        pressed by mistake must not throw them away): then show them and say so."""
        if self.hardware.edited_spec() != self.hardware.stored.spec:
            self.show_page("hardware")
            self.statusBar().showMessage(
                translate(
                    "VmWindow",
                    "Apply or revert the changes on the Hardware page, then close the window.",
                ),
                8000,
            )
            return
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ctx.view_state.setValue("vm-window/size", self.size())
        self.uptime_timer.stop()
        for signal, slot in (
            (self.bridge.state_changed, self._state_changed),
            (self.bridge.advice_changed, self._advice_changed),
            (self.history.updated, self._stats),
            (self.model.dataChanged, self._model_changed),
        ):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)
        self.performance.detach()
        super().closeEvent(event)
