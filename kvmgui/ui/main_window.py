"""The main window: the VM list (cards or table), the actions, the KVM banner, the empty state.

It owns the list model and the stats history, fed by the bridge's signals; it opens the
wizard, the VM windows (console and details), the preferences and the host check. Nothing
here waits: runtime work runs as asyncio tasks on the qasync loop.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Coroutine, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import (
    QEventLoop,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QImage,
    QKeySequence,
    QPaintEvent,
)
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core.settings import OnQuit
from kvmgui.runtime.state import VmState
from kvmgui.ui.banner import Banner, EmptyState, kvm_banner_text
from kvmgui.ui.bridge import RuntimeBridge
from kvmgui.ui.connections import ConnectionsView, group_id
from kvmgui.ui.context import AppContext
from kvmgui.ui.errors import show_error, show_exception
from kvmgui.ui.i18n import core_text, translate
from kvmgui.ui.icons import app_icon, icon
from kvmgui.ui.memory import return_free_memory
from kvmgui.ui.models import Column, Role, VmListModel, VmRow, state_word
from kvmgui.ui.stats_history import StatsHistory
from kvmgui.ui.tasks import spawn_into
from kvmgui.ui.thumbnails import ThumbnailPoller
from kvmgui.ui.vm_actions import VmActions
from kvmgui.ui.widgets import keep_open

if TYPE_CHECKING:
    # asyncio (and the runtime) load once the window is on screen (app.main): the methods
    # that use asyncio import it, for start-up cost; none of them runs before the paint.
    import asyncio

    from PySide6.QtWidgets import QAbstractItemView

    from kvmgui.core.store import StoredVm
    from kvmgui.runtime.outcome import Outcome
    from kvmgui.ui.console_view import ConsoleView
    from kvmgui.ui.details import VmWindow
    from kvmgui.ui.details_console import ConsolePage
    from kvmgui.ui.views import VmGridView, VmTableView
    from kvmgui.ui.wizard import NewVmWizard

log = logging.getLogger(__name__)
R = TypeVar("R")
GRID, TABLE = "grid", "table"


def _add_groups(target: QMenu | QToolBar, groups: list[list[QAction]]) -> None:
    """The actions group by group, a separator between two groups."""
    for i, group in enumerate(groups):
        if i:
            target.addSeparator()
        for action in group:
            target.addAction(action)


def _standard_keys(key: QKeySequence.StandardKey, fallback: str) -> QKeySequence:
    """The desktop's keys for `key`, or `fallback` where the desktop defines none."""
    keys = QKeySequence(key)
    return keys if not keys.isEmpty() else QKeySequence(fallback)


class MainWindow(QMainWindow):
    def __init__(
        self,
        ctx: AppContext,
        *,
        bridge: RuntimeBridge | None = None,
        start_runtime: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        """`start_runtime`: ctx has no runtime yet; startup() starts it once the window is on
        screen (the runtime's modules are not needed for the first paint)."""
        super().__init__(parent)
        self.ctx = ctx
        self._start_runtime = start_runtime
        self._painted: asyncio.Future[None] | None = None
        self._paint_waiter: QEventLoop | None = None
        self._shown_painted = False  # wait_painted() saw the first paint
        self._watching_paint = False  # wait_painted() or _first_paint() waits for a paint
        self.setObjectName("MainWindow")
        self.setWindowTitle(translate("MainWindow", "kvmgui — Virtual machines"))
        self.setWindowIcon(app_icon())
        self.model = VmListModel(self)
        self.history = StatsHistory(self)
        self.bridge = bridge if bridge is not None else RuntimeBridge(parent=self)
        if bridge is None and ctx.manager is not None:
            self.bridge.attach(ctx.manager)
        self.vm_windows: dict[str, VmWindow] = {}
        self.dialogs: list[QWidget] = []  # the modeless tools (image tools, clone…), while open
        self.wizard: NewVmWizard | None = None
        self.tasks: set[asyncio.Task[Any]] = set()
        self._quitting = False
        self._really_close = False
        self._reloading = False
        self.load_errors: list[str] = []
        # The console page (and the RFB client and numpy under it) is built the first time a
        # console is opened: nothing of it is on screen at start-up.
        self._console: ConsoleView | None = None
        self._chrome_before_fullscreen: list[QWidget] = []

        self._build_central()
        self.connections = ConnectionsView(ctx, self)
        self.connections.rows_changed.connect(self._libvirt_changed)
        self.vm_actions = VmActions(ctx, self, self.selected_row)
        self.vm_actions.new_requested.connect(lambda: self.open_wizard())
        self.vm_actions.console_requested.connect(self.open_console)
        self.vm_actions.details_requested.connect(self.open_details)
        self.vm_actions.deleted.connect(self._vm_deleted)
        self.vm_actions.message.connect(
            lambda text: self.statusBar().showMessage(core_text(text), 8000)
        )

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.status_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.status_label)
        self.statusBar().setAccessibleName(translate("MainWindow", "Status"))

        self.bridge.state_changed.connect(self._state_changed)
        self.bridge.stats_sampled.connect(self._stats_sampled)
        self.bridge.vm_list_changed.connect(self.reload)
        self.bridge.disk_error.connect(self._disk_error)
        self.bridge.console_available.connect(self._console_available)
        self.bridge.advice_changed.connect(self._advice_changed)
        ctx.host_changed.connect(self._host_changed)
        ctx.settings_changed.connect(self._settings_changed)
        self.model.rowsInserted.connect(self._list_changed)
        self.model.rowsRemoved.connect(self._list_changed)
        self.model.dataChanged.connect(self._data_changed)

        self.thumbnails = ThumbnailPoller(ctx, self.model, self, visible_ids=self.visible_vm_ids)
        # Reading the VM definitions (a millisecond each) waits for the first paint when the
        # runtime does (startup() lists them at once after it); an empty folder costs nothing
        # to list, and showing its empty state at once spares a blank list flashing by.
        self._listed = not start_runtime or self._nothing_to_list()
        self.restore_view_state()
        if not start_runtime:
            self.reload()
        elif self._listed:
            # Nothing to list: the empty state at once, without loading the store's modules
            # (startup() reads the folder properly once the window is on screen).
            self._update_stack()
            self._update_status_line()

    # -- building ---------------------------------------------------------------------------

    def _build_central(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner = Banner(central)
        self.banner.action_clicked.connect(self.open_host_check)
        layout.addWidget(self.banner)
        self.load_banner = Banner(central)
        self.load_banner.action_clicked.connect(self._show_load_errors)
        layout.addWidget(self.load_banner)
        self.stack = QStackedWidget(central)
        self.empty = EmptyState(self.stack)
        self.empty.create_clicked.connect(lambda: self.open_wizard())
        self.empty.usb_clicked.connect(self.test_usb_stick)
        self.stack.addWidget(self.empty)
        # The views share one selection; each is built the first time it is shown (`grid`,
        # `table`): a first start shows the empty state and needs neither.
        self.selection = QItemSelectionModel(self.model, self)
        self._grid: VmGridView | None = None
        self._table: VmTableView | None = None
        # The list and a VM's console take turns in the window (open_console / show_list).
        self.pages = QStackedWidget(central)
        self.pages.addWidget(self.stack)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.selection.selectionChanged.connect(self._selection_changed)
        self.selection.currentChanged.connect(self._selection_changed)

    def _add_view(self, view: QAbstractItemView) -> None:
        """Set up a list view just built (cards or table): it shares the one selection, lives
        in the stack, and its activation, context menu and scrolling are handled here."""
        view.setSelectionModel(self.selection)
        self.stack.addWidget(view)
        view.activated.connect(self._activated)
        view.customContextMenuRequested.connect(lambda pos: self._context_menu(view, pos))
        view.verticalScrollBar().valueChanged.connect(self.thumbnails.tick_soon)
        view.horizontalScrollBar().valueChanged.connect(self.thumbnails.tick_soon)

    @property
    def grid(self) -> VmGridView:
        """The cards view of the list, built on first use."""
        if self._grid is None:
            # Imported here for start-up cost: the views (item delegates, painting) are not
            # on screen when there is nothing to list.
            from kvmgui.ui.views import VmGridView

            grid = VmGridView(self.model, self.stack)
            self._add_view(grid)
            self._grid = grid
        return self._grid

    @property
    def table(self) -> VmTableView:
        """The table view of the list, built on first use: setting up a QTableView costs
        about as much as the rest of the window, and the cards are what most people see."""
        if self._table is None:
            from kvmgui.ui.views import VmTableView  # start-up cost: see `grid`

            table = VmTableView(self.model, self.stack)
            self._add_view(table)
            self._table = table
        return self._table

    @property
    def console_view(self) -> ConsoleView:
        """The console page, built on first use."""
        if self._console is None:
            # Imported here for start-up cost: the console widget pulls in the RFB client
            # and numpy, none of which the list needs.
            from kvmgui.ui.console_view import ConsoleView

            a = self.vm_actions
            view = ConsoleView(self.ctx, [*a.power(), a.details], self.pages)
            view.back_requested.connect(self.show_list)
            view.start_requested.connect(self._start_from_console)
            view.attached.connect(self.open_console)
            view.fullscreen_changed.connect(self._console_fullscreen)
            view.spec_saved.connect(self._console_spec_saved)
            self.pages.addWidget(view)
            self._console = view
        return self._console

    def _console_spec_saved(self, stored: Any) -> None:
        self.reload()
        window = self.vm_windows.get(stored.spec.id)
        if window is not None:
            window.hardware.saved_elsewhere(stored)

    def _console_available(self, vm_id: str, uri: object) -> None:
        if self._console is not None:
            self._console.set_address(vm_id, uri)

    def _build_actions(self) -> None:
        self.usb_action = QAction(icon("usb"), translate("MainWindow", "Test a &USB stick…"), self)
        self.usb_action.setObjectName("action-usb")
        self.usb_action.setShortcut(QKeySequence("Ctrl+U"))
        self.usb_action.setStatusTip(
            translate("MainWindow", "Boot a USB stick in a virtual machine without changing it")
        )
        self.usb_action.triggered.connect(self.test_usb_stick)
        self.prefs_action = QAction(
            icon("preferences"), translate("MainWindow", "&Preferences…"), self
        )
        self.prefs_action.setObjectName("action-preferences")
        self.prefs_action.setShortcut(
            _standard_keys(QKeySequence.StandardKey.Preferences, "Ctrl+,")
        )
        self.prefs_action.triggered.connect(self.open_preferences)
        self.quit_action = QAction(translate("MainWindow", "&Quit"), self)
        self.quit_action.setObjectName("action-quit")
        self.quit_action.setShortcut(_standard_keys(QKeySequence.StandardKey.Quit, "Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        self.host_action = QAction(
            icon("host-check"), translate("MainWindow", "&Host check…"), self
        )
        self.host_action.setObjectName("action-host-check")
        self.host_action.setShortcut(QKeySequence("Ctrl+H"))
        self.host_action.setStatusTip(
            translate(
                "MainWindow",
                "Check whether this computer can run virtual machines well, and how to fix it",
            )
        )
        self.host_action.triggered.connect(self.open_host_check)
        self.about_action = QAction(translate("MainWindow", "&About kvmgui"), self)
        self.about_action.triggered.connect(self.open_about)
        self.reload_action = QAction(translate("MainWindow", "&Reload the list"), self)
        self.reload_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.reload_action.triggered.connect(self.reload)
        self.image_tools_action = QAction(translate("MainWindow", "&Disk image tools…"), self)
        self.image_tools_action.setObjectName("action-image-tools")
        self.image_tools_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.image_tools_action.setStatusTip(
            translate("MainWindow", "Show, convert, compress, resize or check a disk image")
        )
        self.image_tools_action.triggered.connect(lambda: self.open_image_tools())
        self.restore_action = QAction(translate("MainWindow", "&Restore a backup…"), self)
        self.restore_action.setObjectName("action-restore")
        self.restore_action.setStatusTip(
            translate(
                "MainWindow",
                "Boot a rescue disc such as Clonezilla with a new disk and "
                "your backup disk, to restore the backup into a virtual machine",
            )
        )
        self.restore_action.triggered.connect(self.open_restore)
        self.clone_action = QAction(translate("MainWindow", "C&lone…"), self)
        self.clone_action.setObjectName("action-clone")
        self.clone_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.clone_action.setStatusTip(
            translate("MainWindow", "Make a linked clone or a full copy")
        )
        self.clone_action.triggered.connect(lambda: self.open_clone(self._disk_vm_id()))
        self.copy_device_action = QAction(translate("MainWindow", "Copy disk to a &device…"), self)
        self.copy_device_action.setObjectName("action-copy-device")
        self.copy_device_action.setStatusTip(
            translate("MainWindow", "Write the disk onto a USB stick, a logical volume or a file")
        )
        self.copy_device_action.triggered.connect(
            lambda: self.open_copy_device(self._disk_vm_id())
        )
        group = QActionGroup(self)
        self.grid_action = QAction(translate("MainWindow", "As &cards with screens"), self)
        self.grid_action.setShortcut(QKeySequence("Ctrl+1"))
        self.table_action = QAction(translate("MainWindow", "As a &table"), self)
        self.table_action.setShortcut(QKeySequence("Ctrl+2"))
        for a, mode in ((self.grid_action, GRID), (self.table_action, TABLE)):
            a.setCheckable(True)
            group.addAction(a)
            a.triggered.connect(lambda _=False, m=mode: self.set_view(m))

    def _build_connection_actions(self) -> None:
        self.add_connection_action = QAction(
            translate("MainWindow", "Add &Connection…"), self
        )
        self.add_connection_action.setObjectName("action-add-connection")
        self.add_connection_action.setStatusTip(
            translate(
                "MainWindow",
                "Manage the virtual machines of libvirt, on this computer or another one",
            )
        )
        self.add_connection_action.triggered.connect(self.open_add_connection)
        self.reconnect_action = QAction(translate("MainWindow", "&Reconnect"), self)
        self.reconnect_action.setObjectName("action-reconnect")
        self.reconnect_action.triggered.connect(lambda: self.reconnect(self.selected_connection()))
        self.remove_connection_action = QAction(
            translate("MainWindow", "Re&move Connection"), self
        )
        self.remove_connection_action.setObjectName("action-remove-connection")
        self.remove_connection_action.triggered.connect(
            lambda: self.remove_connection(self.selected_connection())
        )
        self._refresh_connection_actions()

    def _build_menus(self) -> None:
        self._build_connection_actions()
        bar = self.menuBar()
        file_menu = bar.addMenu(translate("MainWindow", "&File"))
        file_menu.addAction(self.vm_actions.new)
        file_menu.addAction(self.usb_action)
        file_menu.addSeparator()
        file_menu.addAction(self.add_connection_action)
        file_menu.addAction(self.reconnect_action)
        file_menu.addAction(self.remove_connection_action)
        file_menu.addSeparator()
        file_menu.addAction(self.prefs_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        vm_menu = bar.addMenu(translate("MainWindow", "&Virtual machine"))
        self._add_vm_actions(vm_menu)
        vm_menu.insertAction(self.vm_actions.delete, self.clone_action)
        vm_menu.insertAction(self.vm_actions.delete, self.copy_device_action)
        vm_menu.insertAction(self.vm_actions.delete, self.vm_actions.export_libvirt)
        vm_menu.insertAction(self.vm_actions.delete, self.vm_actions.move)
        vm_menu.insertSeparator(self.vm_actions.delete)
        view_menu = bar.addMenu(translate("MainWindow", "Vie&w"))
        view_menu.addAction(self.grid_action)
        view_menu.addAction(self.table_action)
        view_menu.addSeparator()
        view_menu.addAction(self.reload_action)
        tools_menu = bar.addMenu(translate("MainWindow", "&Tools"))
        tools_menu.setObjectName("menu-tools")
        tools_menu.addAction(self.image_tools_action)
        tools_menu.addAction(self.restore_action)
        help_menu = bar.addMenu(translate("MainWindow", "&Help"))
        help_menu.addAction(self.host_action)
        help_menu.addAction(self.about_action)

    def _vm_action_groups(self) -> list[list[QAction]]:
        a = self.vm_actions
        return [a.power(), [a.console, a.details], [a.delete]]

    def _add_vm_actions(self, menu: QMenu) -> None:
        _add_groups(menu, self._vm_action_groups())

    def _build_toolbar(self) -> None:
        tb = QToolBar(translate("MainWindow", "Main tools"), self)
        tb.setObjectName("main-toolbar")
        tb.setAccessibleName(translate("MainWindow", "Main tools"))
        tb.setIconSize(QSize(22, 22))
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        tb.setMovable(False)
        _add_groups(tb, [[self.vm_actions.new], *self._vm_action_groups()])
        self.toolbar = tb
        self.addToolBar(tb)

    # -- view state -------------------------------------------------------------------------

    def restore_view_state(self) -> None:
        state = self.ctx.view_state
        geometry = state.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(980, 660)
        mode = str(state.value("main/view", GRID))
        self.set_view(mode if mode in (GRID, TABLE) else GRID)

    def save_view_state(self) -> None:
        state = self.ctx.view_state
        state.setValue("main/geometry", self.saveGeometry())
        state.setValue("main/view", self.view_mode)
        state.sync()

    @property
    def view_mode(self) -> str:
        return TABLE if self.table_action.isChecked() else GRID

    def set_view(self, mode: str) -> None:
        (self.table_action if mode == TABLE else self.grid_action).setChecked(True)
        self._update_stack()
        self.thumbnails.tick_soon()

    def _nothing_to_list(self) -> bool:
        """Whether the VM folder and the throwaway VMs' folder hold no VM (a cheap look)."""
        for folder in (self.ctx.vm_root, self.ctx.paths.throwaway_root):
            try:
                with os.scandir(folder) as entries:
                    if any(not e.name.startswith(".") for e in entries):
                        return False
            except FileNotFoundError:
                continue
            except OSError:
                return False  # reload() says why
        return True

    def _update_stack(self) -> None:
        if not self._listed:
            self.stack.setCurrentWidget(self.grid)  # empty until startup() has read the list
        elif self.model.rowCount() == 0:
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.table if self.view_mode == TABLE else self.grid)

    def current_view(self) -> QAbstractItemView:
        return self.table if self.view_mode == TABLE else self.grid

    def visible_vm_ids(self) -> list[str]:
        """The VMs whose picture is on screen now: none while the window is hidden or
        minimised or shows a console; else those whose card (or table row's screen) is in
        the visible part of the list."""
        shown = self.stack.currentWidget()
        # A list view, not the empty state (compared, not isinstance'd: QAbstractItemView's
        # Python type is built with the first list view).
        view = self._grid if shown is self._grid else self._table if shown is self._table else None
        if (
            not self.isVisible()
            or self.isMinimized()
            or self.pages.currentWidget() is not self.stack
            or view is None
        ):
            return []
        area = view.viewport().rect()
        column = Column.SCREEN if view is self._table else Column.NAME
        return [
            row.vm_id
            for i, row in enumerate(self.model.rows())
            if not row.header and view.visualRect(self.model.index(i, column)).intersects(area)
        ]

    # -- the list ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the VM folder again and merge what the runtime knows about each VM."""
        if self._reloading:
            return  # the runtime's VmListChanged while we make it reload
        self._reloading = True
        try:
            self._reload()
        finally:
            self._reloading = False

    def _reload(self) -> None:
        self._listed = True
        if self.ctx.manager is not None:
            self.ctx.manager.reload_store()
        result = self.ctx.store.load_all()
        rows: list[VmRow] = []
        for stored in result.vms:
            spec = stored.spec
            rows.append(
                VmRow(
                    vm_id=spec.id,
                    name=spec.name,
                    os=spec.os,
                    memory_mib=spec.memory_mib,
                    cpus=spec.cpus,
                    throwaway=self.ctx.store.is_throwaway(stored),
                )
            )
        for err in result.errors:
            rows.append(
                VmRow(
                    vm_id=f"broken:{err.path}",
                    name=err.name or str(err.path),
                    broken=core_text(err.message),
                )
            )
        selected = self.selected_row()
        self.model.set_rows(rows)
        shown = self.console_vm_id()
        if shown is not None and self.model.get(shown) is None:
            # Its VM is gone (a throwaway test that stopped, or deleted elsewhere).
            self.show_list()
            self.console_view.forget(shown)
        for row in rows:
            if not row.broken:
                self._apply_status(row.vm_id)
        self.load_errors = [core_text(e.message) for e in result.errors]
        if self.load_errors:
            self.load_banner.show_message(
                self.tr(
                    "%n VM folder(s) could not be read and are shown as such.", "",
                    len(self.load_errors),
                ),
                translate("MainWindow", "Show &why"),
            )
        else:
            self.load_banner.hide()
        if selected is not None:
            self.select(selected.vm_id)
        elif self.model.rowCount() and not self.selection.hasSelection():
            first = next((r for r in self.model.rows() if not r.header), self.model.rows()[0])
            self.select(first.vm_id)
        self._update_stack()
        self._update_status_line()
        self.vm_actions.refresh()
        self._refresh_disk_actions()

    def _apply_status(self, vm_id: str) -> None:
        status = self.ctx.status(vm_id)
        if status is None:
            return
        self.model.update(
            vm_id,
            state=status.state,
            reason=core_text(status.reason or ""),  # a runtime Message
            details=status.details or "",
        )

    def selected_row(self) -> VmRow | None:
        vm_id = self.console_vm_id()
        if vm_id is not None:  # the console page acts on its own VM
            return self.model.get(vm_id)
        index = self.selection.currentIndex()
        if not index.isValid() or not self.selection.isRowSelected(index.row(), QModelIndex()):
            rows = self.selection.selectedRows() or self.selection.selectedIndexes()
            if not rows:
                return None
            index = rows[0]
        row = index.data(Role.ROW)
        return row if isinstance(row, VmRow) else None

    def select(self, vm_id: str) -> bool:
        index = self.model.index_of(vm_id)
        if not index.isValid():
            return False
        self.selection.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.current_view().scrollTo(index)
        return True

    def _selection_changed(self, *_: object) -> None:
        self.vm_actions.refresh()
        self._refresh_disk_actions()
        self._refresh_connection_actions()

    def _disk_vm_id(self) -> str | None:
        """The selected VM, when it has disks of its own to clone or copy (a throwaway test VM
        has none)."""
        row = self.selected_row()
        if row is None or row.broken or row.throwaway or row.connection or row.header:
            return None
        return row.vm_id

    def _refresh_disk_actions(self) -> None:
        ok = self._disk_vm_id() is not None
        self.clone_action.setEnabled(ok)
        self.copy_device_action.setEnabled(ok)

    def _list_changed(self, *_: object) -> None:
        self._update_stack()
        self._update_status_line()

    def _data_changed(self, top_left: QModelIndex, *_: object) -> None:
        row = self.selected_row()
        if row is not None and top_left.row() == self.model.row_of(row.vm_id):
            self.vm_actions.refresh()
        self._update_status_line()

    def _update_status_line(self) -> None:
        rows = [r for r in self.model.rows() if not r.header]
        running = sum(1 for r in rows if r.state.is_active)
        self.status_label.setText(
            self.tr("%n virtual machine(s), {0} running", "", len(rows)).format(running)
        )

    def _activated(self, index: QModelIndex) -> None:
        row = index.data(Role.ROW)
        if not isinstance(row, VmRow) or row.broken:
            return
        if row.header:
            if row.connection and row.reason:  # a failed connection: try again
                self.reconnect(row.connection)
            return
        if row.is_libvirt:
            self.open_details(row.vm_id, "console" if row.state.is_active else "overview")
            return
        if row.state.is_active:
            self.open_console(row.vm_id)
        else:
            self.open_vm_window(row.vm_id, "overview")

    def _context_menu(self, view: QAbstractItemView, pos: QPoint) -> None:
        index = view.indexAt(pos)
        if index.isValid():
            self.selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        menu = QMenu(self)
        menu.setAccessibleName(translate("MainWindow", "Virtual machine actions"))
        row = index.data(Role.ROW) if index.isValid() else None
        if isinstance(row, VmRow) and row.connection:
            if not row.header:
                _add_groups(menu, [self.vm_actions.power(), [self.vm_actions.details]])
            _add_groups(menu, [[self.reconnect_action, self.remove_connection_action]])
            menu.addSeparator()
        elif index.isValid() and not (isinstance(row, VmRow) and row.header):
            self._add_vm_actions(menu)
            menu.addSeparator()
        menu.addAction(self.vm_actions.new)
        menu.popup(view.viewport().mapToGlobal(pos))
        self._last_menu = menu

    # -- runtime signals --------------------------------------------------------------------

    def _state_changed(self, vm_id: str, state: object, reason: str, details: str) -> None:
        if not isinstance(state, VmState):
            return
        reason = core_text(reason)  # a runtime Message (the signal keeps it one)
        if self._console is not None:
            self._console.set_state(vm_id, state)
        if self.model.get(vm_id) is None:
            self.reload()
        old = self.model.get(vm_id)
        self.model.update(vm_id, state=state, reason=reason, details=details)
        if old is not None and old.state is not state:
            self.statusBar().showMessage(
                translate("MainWindow", "{0}: {1}").format(old.name, state_word(state))
                + (f" — {reason}" if reason else ""),
                8000,
            )
            if not state.is_active:
                self.history.forget(vm_id)
            if state is VmState.RUNNING:
                self.thumbnails.refresh_soon(vm_id)
        if (
            state is VmState.CRASHED
            and reason
            and old is not None
            and old.state is not VmState.CRASHED
        ):
            show_error(
                self,
                translate("MainWindow", "{0} stopped with a problem.").format(old.name),
                informative=reason,
                details=details,
            )

    def _stats_sampled(self, vm_id: str, stats: object) -> None:
        self.history.add(vm_id, stats)
        self.model.update(
            vm_id,
            cpu_percent=getattr(stats, "cpu_percent", None),
            memory_used_bytes=getattr(stats, "rss_bytes", None),
        )

    def _advice_changed(self, vm_id: str, advice: object) -> None:
        title = getattr(advice, "title", None)
        self.model.update(vm_id, advice=core_text(title) if title is not None else "")

    def _disk_error(self, vm_id: str, device: str, message: str, nospace: int) -> None:
        row = self.model.get(vm_id)
        name = row.name if row else vm_id
        show_error(
            self,
            translate("MainWindow", "{0} was paused because of a disk problem.").format(name),
            informative=core_text(message),
            details=device,
        )

    def set_thumbnail(self, vm_id: str, image: QImage | None) -> None:
        self.model.update(vm_id, thumbnail=image)

    # -- host facts -------------------------------------------------------------------------

    def _host_changed(self) -> None:
        report = self.ctx.host_report
        if report is None:
            return
        if report.facts.kvm_usable:
            self.banner.hide()
            return
        text, details = kvm_banner_text(report)
        self.banner.show_message(
            text, translate("MainWindow", "Open the &host check"), details=details
        )

    def _settings_changed(self) -> None:
        self.thumbnails.apply_interval()
        self.reload()

    def _show_load_errors(self) -> None:
        show_error(
            self,
            translate("MainWindow", "Some VM folders could not be read."),
            informative=translate(
                "MainWindow",
                "Each is listed with the reason; fix or move the "
                "folder, then choose View > Reload the list.",
            ),
            details="\n\n".join(self.load_errors),
            title=translate("MainWindow", "VM folders"),
        )

    # -- windows ----------------------------------------------------------------------------

    def open_wizard(self, source: object = None,
                    connections: Sequence[str] | None = None) -> NewVmWizard:
        """The new-VM wizard; `connections`: libvirt URIs it may create the VM on too (None:
        the saved connections)."""
        # Imported on first use, for start-up cost: the first paint needs none of it.
        from kvmgui.ui.wizard import NewVmWizard, SourceKind

        if self.wizard is not None and self.wizard.isVisible():
            self.wizard.raise_()
            self.wizard.activateWindow()
            return self.wizard
        kind = source if isinstance(source, SourceKind) else None
        if connections is None:
            connections = self.ctx.connection_uris
        wizard = NewVmWizard(self.ctx, source=kind, parent=self, connections=connections)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.vm_created.connect(self._vm_created)
        wizard.vm_created_on_host.connect(self._vm_created_on_host)
        wizard.destroyed.connect(lambda: setattr(self, "wizard", None))
        self.wizard = wizard
        wizard.show()
        return wizard

    def test_usb_stick(self) -> QWidget:
        # Imported on first use, for start-up cost: the first paint needs none of it.
        from kvmgui.ui.media.usb_test import UsbTestDialog

        def console(vm_id: str) -> None:
            self.reload()
            self.open_console(vm_id)

        return keep_open(self.dialogs, UsbTestDialog(self.ctx, self, open_console=console))

    def open_image_tools(self, image: str = "") -> QWidget:
        # Imported on first use, for start-up cost: the first paint needs none of it.
        from kvmgui.ui.media.image_tools import ImageToolsDialog

        return keep_open(self.dialogs, ImageToolsDialog(self.ctx, self, image=image))

    def open_clone(self, vm_id: str | None) -> QWidget | None:
        # Imported on first use, for start-up cost: the first paint needs none of it.
        from kvmgui.ui.media.clone_dialog import CloneDialog

        stored = self._stored(vm_id) if vm_id else None
        if stored is None:
            return None
        dialog = CloneDialog(self.ctx, stored, self)

        def cloned(new: StoredVm) -> None:
            self.reload()
            self.select(new.spec.id)

        dialog.cloned.connect(cloned)
        return keep_open(self.dialogs, dialog)

    def open_copy_device(self, vm_id: str | None) -> QWidget:
        # Imported on first use, for start-up cost: the first paint needs none of it.
        from kvmgui.ui.media.copy_device_dialog import CopyDeviceDialog

        stored = self._stored(vm_id) if vm_id else None
        return keep_open(self.dialogs, CopyDeviceDialog(self.ctx, self, stored=stored))

    def open_restore(self) -> QWidget:
        # Imported on first use, for start-up cost: the first paint needs none of it.
        from kvmgui.ui.media.restore import RestoreDialog

        def created(stored: StoredVm) -> None:
            self.reload()
            self.select(stored.spec.id)
            self.open_vm_window(stored.spec.id, "console")

        dialog = RestoreDialog(self.ctx, self)
        dialog.created.connect(created)
        return keep_open(self.dialogs, dialog)

    def _stored(self, vm_id: str) -> StoredVm | None:
        return next((vm for vm in self.ctx.store.load_all().vms if vm.spec.id == vm_id), None)

    def _vm_created_on_host(self, uri: str, name: str, started: bool) -> None:
        # Its row comes with libvirt's own event (the domain was defined there).
        self.statusBar().showMessage(
            translate("MainWindow", "Created {0} on {1}.").format(name, uri), 8000)
        connection = self.ctx.libvirt_hosts.connection(uri) if started else None
        if connection is not None:
            # As for a VM made here: Start now shows its screen.
            # Imported on first use, for start-up cost (its pages are not needed to paint).
            from kvmgui.ui.libvirt_details import open_libvirt_details

            open_libvirt_details(self, connection, name, "console")

    def _vm_created(self, stored: StoredVm, start_now: int) -> None:
        self.reload()
        self.select(stored.spec.id)
        self.statusBar().showMessage(
            translate("MainWindow", "Created {0}.").format(stored.spec.name), 8000
        )
        if start_now:
            task = self.vm_actions.run("start")
            if task is not None:

                def opened(t: asyncio.Task[object], vm_id: str = stored.spec.id) -> None:
                    if not t.cancelled() and t.exception() is None and t.result():
                        self.open_console(vm_id)

                task.add_done_callback(opened)

    def _vm_deleted(self, vm_id: str) -> None:
        if self.console_vm_id() == vm_id:
            self.show_list()
        if self._console is not None:
            self._console.forget(vm_id)
        window = self.vm_windows.pop(vm_id, None)
        if window is not None:
            window.close()
        self.history.forget(vm_id)
        self.reload()

    # -- the console page -------------------------------------------------------------------

    def console_vm_id(self) -> str | None:
        """The VM whose console the window shows (None: the list is shown)."""
        if self._console is not None and self.pages.currentWidget() is self._console:
            return self._console.current_vm_id
        return None

    def open_console(self, vm_id: str) -> ConsolePage | None:
        """Show `vm_id`'s screen in this window (GNOME Boxes style); returns its ConsolePage.
        A libvirt domain's screen is the Console page of its details window (None here)."""
        row = self.model.get(vm_id)
        if row is not None and row.is_libvirt:
            self.open_details(vm_id, "console")
            return None
        stored = self._stored(vm_id)
        if stored is None:
            show_error(
                self, translate("MainWindow", "This virtual machine is no longer in the VM folder.")
            )
            self.reload()
            return None
        self.select(vm_id)
        row = self.model.get(vm_id)
        status = self.ctx.status(vm_id)
        state = row.state if row is not None else VmState.STOPPED
        uri = getattr(status, "display", None) if state.is_active else None
        page = self.console_view.show_vm(stored.spec, state, uri)
        self.pages.setCurrentWidget(self.console_view)
        self.toolbar.hide()  # the console page has its own tools; the screen gets the room
        self.setWindowTitle(translate("MainWindow", "{0} — kvmgui").format(stored.spec.name))
        self.vm_actions.refresh()
        if page.window_ is not None:
            page.window_.raise_()
            page.window_.activateWindow()
        elif not self.isActiveWindow():
            self.raise_()  # asked from a VM's details window
            self.activateWindow()
        return page

    def _console_fullscreen(self, on: int) -> None:
        """A full-screen console shows only the guest's screen: the menu bar, the banners and
        the status bar make way (the console page hides its own bars), and come back after."""
        if on:
            chrome = [self.menuBar(), self.banner, self.load_banner, self.toolbar,
                      self.statusBar()]  # fmt: skip
            self._chrome_before_fullscreen = [w for w in chrome if not w.isHidden()]
            for widget in chrome:
                widget.hide()
        else:
            for widget in self._chrome_before_fullscreen:
                widget.show()
            self._chrome_before_fullscreen = []

    def show_list(self) -> None:
        if self._console is not None:
            self._console.leave()
        self.pages.setCurrentWidget(self.stack)
        self.toolbar.show()
        self.setWindowTitle(translate("MainWindow", "kvmgui — Virtual machines"))
        self.vm_actions.refresh()
        self.current_view().setFocus()
        self.thumbnails.tick_soon()

    def _start_from_console(self, vm_id: str) -> None:
        if self.console_vm_id() == vm_id:
            self.vm_actions.run("start")

    def open_vm_window(self, vm_id: str, page: str = "overview") -> VmWindow | None:
        # Imported on first use, for start-up cost: the first paint needs none of it.
        from kvmgui.ui.details import VmWindow

        window = self.vm_windows.get(vm_id)
        if window is None:
            stored = self._stored(vm_id)
            if stored is None:
                show_error(
                    self,
                    translate("MainWindow", "This virtual machine is no longer in the VM folder."),
                )
                self.reload()
                return None
            window = VmWindow(
                self.ctx, stored, model=self.model, history=self.history, bridge=self.bridge
            )
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.destroyed.connect(lambda *_: self.vm_windows.pop(vm_id, None))
            window.vm_actions.new_requested.connect(lambda: self.open_wizard())
            window.vm_actions.console_requested.connect(self.open_console)
            window.host_check_requested.connect(self.open_host_check)
            window.vm_actions.deleted.connect(self._vm_deleted)
            window.saved.connect(lambda *_: self.reload())
            window.saved.connect(self._spec_saved)
            self.vm_windows[vm_id] = window
        window.show_page(page)
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def _spec_saved(self, stored: Any) -> None:
        if self._console is not None:
            self._console.set_spec(stored.spec)

    # -- libvirt connections ----------------------------------------------------------------

    def _libvirt_changed(self) -> None:
        self.model.set_libvirt_rows(self.connections.rows())
        if not self.selection.hasSelection() and self.model.rowCount():
            first = next((r for r in self.model.rows() if not r.header), None)
            if first is not None:
                self.select(first.vm_id)
        self._update_stack()
        self._update_status_line()
        self.vm_actions.refresh()
        self._refresh_connection_actions()

    def selected_connection(self) -> str:
        """The URI of the connection the selected row belongs to ("" for kvmgui's own)."""
        row = self.selected_row()
        return row.connection if row is not None else ""

    def _refresh_connection_actions(self) -> None:
        on = bool(self.selected_connection())
        self.reconnect_action.setEnabled(on)
        self.remove_connection_action.setEnabled(on)

    def open_add_connection(self) -> QWidget:
        from kvmgui.ui.connection_dialog import AddConnectionDialog  # start-up cost

        dialog = AddConnectionDialog(self.ctx, self)

        def added() -> None:
            if dialog.uri:
                self.connections.attach(self.ctx.libvirt_hosts)
                self._libvirt_changed()
                self.ctx.libvirt_hosts.connect(dialog.uri)
                self.select(group_id(dialog.uri))

        dialog.accepted.connect(added)
        return keep_open(self.dialogs, dialog, modal=True)

    def reconnect(self, uri: str) -> None:
        if uri:
            self.spawn(self.ctx.libvirt_hosts.reconnect(uri))

    def remove_connection(self, uri: str) -> None:
        if uri:
            self.connections.remove(uri)
            self._libvirt_changed()

    def open_details(self, vm_id: str, page: str = "overview") -> QWidget | None:
        """The details window of the row's VM, on `page`: kvmgui's own, or a libvirt
        domain's."""
        row = self.model.get(vm_id)
        if row is None or not row.is_libvirt:
            return self.open_vm_window(vm_id, page)
        connection = self.ctx.libvirt_hosts.connection(row.connection)
        if connection is None:
            return None
        # Imported on first use, for start-up cost (its pages are not needed to paint).
        from kvmgui.ui.libvirt_details import open_libvirt_details

        return open_libvirt_details(self, connection, row.name, page)

    def open_preferences(self) -> QWidget:
        # Imported on first use, for start-up cost: the first paint needs none of it.
        from kvmgui.ui.preferences import PreferencesDialog

        return keep_open(self.dialogs, PreferencesDialog(self.ctx, self), modal=True)

    def open_host_check(self) -> QWidget:
        # Imported on first use, for start-up cost: the first paint needs none of it.
        from kvmgui.ui.hostcheck_dialog import HostCheckDialog

        dialog = HostCheckDialog(self.ctx, self)
        keep_open(self.dialogs, dialog)
        if self.ctx.host_report is None:
            dialog.check_again()
        return dialog

    def open_about(self) -> QWidget:
        # Imported on first use, for start-up cost: the first paint needs none of it.
        from kvmgui.ui.about import AboutDialog

        return keep_open(self.dialogs, AboutDialog(self.ctx, self), modal=True)

    # -- start-up and quitting --------------------------------------------------------------

    def spawn(self, coro: Coroutine[Any, Any, R]) -> asyncio.Task[R]:
        """Run `coro` on the loop; an exception it raises is shown, never lost."""
        return spawn_into(self.tasks, coro, self._task_failed, "background task")

    def _task_failed(self, exc: BaseException) -> None:
        show_exception(self, translate("MainWindow", "kvmgui could not finish a task."), exc)

    def paintEvent(self, event: QPaintEvent) -> None:
        # The paint is seen here rather than by an event filter: a filter written in Python
        # receives every event as a QEvent, for which PySide builds the Python types of all of
        # Qt's fifty event classes (0.5 MiB resident for the session); a paint event is one.
        super().paintEvent(event)
        if not self._watching_paint:
            return
        self._watching_paint = False
        if self._paint_waiter is not None:
            # One more turn of the event loop, so the painted frame reaches the screen.
            QTimer.singleShot(0, self._paint_waiter.quit)
        if self._painted is not None and not self._painted.done():
            self._painted.set_result(None)

    def wait_painted(self, timeout_ms: int = 2000) -> None:
        """Run Qt's events until the shown window has been painted and its frame has reached
        the screen (or `timeout_ms` has passed): main() calls it before the asyncio loop
        exists, so the first paint waits for neither asyncio nor the runtime."""
        if not self.isVisible():
            return
        waiting = QEventLoop(self)
        self._paint_waiter = waiting
        self._watching_paint = True
        QTimer.singleShot(timeout_ms, waiting.quit)
        self.update()
        waiting.exec()
        self._watching_paint = False
        self._paint_waiter = None
        self._shown_painted = True

    async def _first_paint(self, timeout_s: float = 2.0) -> None:
        """Return once the window has been painted (at once when it is not shown)."""
        if not self.isVisible() or self._shown_painted:
            return
        import asyncio  # start-up cost: see the imports

        self._painted = asyncio.get_running_loop().create_future()
        self._watching_paint = True
        self.update()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(self._painted), timeout_s)
        self._watching_paint = False
        # One more turn of the event loop, so the painted frame reaches the screen before
        # the runtime's imports take the Qt thread.
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        def turned() -> None:
            if not done.done():
                done.set_result(None)

        QTimer.singleShot(0, turned)
        await done

    async def startup(self) -> None:
        """Start the runtime once the window is on screen (when asked to), reattach to guests
        still running, then probe the host (for the banner)."""
        if self._start_runtime and self.ctx.manager is None:
            await self._first_paint()
            if not self._listed:
                self.reload()  # the list right after the first paint, before the runtime
                self._shown_painted = False  # the list on screen before the runtime loads
                await self._first_paint()
            self.bridge.attach(self.ctx.start_runtime())
        manager = self.ctx.manager
        if manager is not None:
            self.statusBar().showMessage(
                translate("MainWindow", "Looking for running virtual machines…")
            )
            await manager.open()
            self.statusBar().clearMessage()
        self.reload()
        self.thumbnails.start()
        # The saved libvirt connections connect in the background: a host that does not
        # answer shows "Connecting…" and never holds up the rest.
        self.connections.attach(self.ctx.libvirt_hosts)
        self.ctx.libvirt_hosts.connect_all()
        self._libvirt_changed()
        await self.ctx.refresh_host()
        return_free_memory()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._really_close:
            self._shutdown_children()
            super().closeEvent(event)
            return
        event.ignore()
        if not self._quitting:
            self._quitting = True
            self.spawn(self._quit())

    def _running(self) -> list[VmRow]:
        # kvmgui's own guests: a libvirt host's domains run on whatever the app does.
        return [r for r in self.model.rows() if r.state.is_active and not r.connection]

    async def _quit(self) -> None:
        try:
            running = self._running()
            choice: OnQuit | None = self.ctx.settings.on_quit
            if running and choice is OnQuit.ASK:
                choice = await self._ask_on_quit(running)
                if choice is None:
                    return
            if running and choice is OnQuit.SHUTDOWN:
                await self._shut_down_all(running)
            self.save_view_state()
            self._really_close = True
            self.close()
        finally:
            self._quitting = False

    async def _ask_on_quit(self, running: list[VmRow]) -> OnQuit | None:
        # Imported when asked, for start-up cost: PySide builds a Qt class's Python type, with
        # its enums, at its first import.
        from PySide6.QtWidgets import QCheckBox, QMessageBox

        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("MainWindow", "Quit kvmgui"))
        names = ", ".join(r.name for r in running)
        box.setText(
            self.tr("%n virtual machine(s) are running: {0}.", "", len(running)).format(names)
        )
        box.setInformativeText(
            translate(
                "MainWindow",
                "They can keep running without kvmgui; it reconnects "
                "to them the next time it starts.",
            )
        )
        keep = box.addButton(
            translate("MainWindow", "&Keep running"), QMessageBox.ButtonRole.AcceptRole
        )
        stop = box.addButton(
            translate("MainWindow", "&Shut them down"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(keep)
        remember = QCheckBox(
            translate("MainWindow", "&Remember my choice (change it in Preferences)"), box
        )
        # Asked the first time only, unless the user wants to be asked again.
        remember.setChecked(True)
        box.setCheckBox(remember)
        import asyncio  # start-up cost: see the imports

        future: asyncio.Future[OnQuit | None] = asyncio.get_running_loop().create_future()

        def done(_result: int) -> None:
            clicked = box.clickedButton()
            choice = (
                OnQuit.KEEP_RUNNING
                if clicked is keep
                else OnQuit.SHUTDOWN
                if clicked is stop
                else None
            )
            if not future.done():
                future.set_result(choice)

        box.finished.connect(done)
        self._quit_box = box
        box.open()
        choice = await future
        if choice is not None and remember.isChecked():
            self.ctx.apply_settings(replace(self.ctx.settings, on_quit=choice))
        box.deleteLater()
        return choice

    async def _shut_down_all(self, running: list[VmRow]) -> None:
        self.statusBar().showMessage(
            self.tr("Shutting down %n virtual machine(s)…", "", len(running))
        )
        self.setEnabled(False)

        async def one(row: VmRow) -> Outcome | None:
            controller = self.ctx.controller(row.vm_id)
            if controller is None:
                return None
            # ACPI first; forced off when the guest has not powered off after the timeout.
            return await controller.shutdown(
                float(self.ctx.settings.shutdown_timeout_s), force=True
            )

        import asyncio  # start-up cost: see the imports

        try:
            outcomes = await asyncio.gather(*(one(r) for r in running), return_exceptions=True)
        finally:
            self.setEnabled(True)
        failed = [
            o for o in outcomes if isinstance(o, BaseException) or (o is not None and not o.ok)
        ]
        if failed:
            log.warning("some VMs did not stop: %r", failed)

    def _shutdown_children(self) -> None:
        self.thumbnails.stop()
        if self._console is not None:
            self._console.close_all()
        for window in list(self.vm_windows.values()):
            with contextlib.suppress(RuntimeError):
                window.close()
        import asyncio  # start-up cost: see the imports

        for task in list(self.tasks):
            if not task.done() and task is not asyncio.current_task():
                task.cancel()
        self.bridge.detach()
