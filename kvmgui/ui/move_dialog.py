"""Virtual machine ▸ Move to…: copy a stopped VM to a libvirt host (runtime.libvirt_move).

The user picks the destination (a libvirt URI: the connections they already use, this
computer's qemu:///system, or an ssh host) and, once connected, one of its storage pools.
Connecting, listing the pools and the move itself run on the qasync loop with every libvirt
call in a worker thread, so the window never freezes, even on a slow ssh link. Progress has
a Cancel button: the move then removes what it made on the host. The result says where the
VM now is and what its definition could not carry there; the VM here is kept.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QProgressBar,
    QPushButton,
    QWidget,
)

from kvmgui.core.messages import KvmguiError
from kvmgui.core.paths import AppPaths
from kvmgui.core.store import StoredVm, VmStore
from kvmgui.runtime.libvirt_conn import LibvirtConnection
from kvmgui.runtime.libvirt_move import MoveResult, MoveStep, move_vm
from kvmgui.runtime.libvirt_storage import PoolInfo, pools, usable_pool
from kvmgui.ui.i18n import core_text, translate
from kvmgui.ui.widgets import (
    DetailsToggle,
    dialog_layout,
    form_row,
    hint_label,
    push_button,
    row_widget,
)

# Offered after the user's own connections: this computer's system daemon, and the shape of
# a remote one to edit.
DEFAULT_URIS = ("qemu:///system", "qemu+ssh://user@host/system")

# Connections still closing after their dialog went away: held until closed.
_closing: set[asyncio.Task[None]] = set()


def uri_choices(known: Sequence[str]) -> list[str]:
    """The destinations offered: the known ones first, then the defaults, each once."""
    found: list[str] = []
    for uri in (*known, *DEFAULT_URIS):
        if uri and uri not in found:
            found.append(uri)
    return found


class MoveDialog(QDialog):
    moved = Signal(object)  # the MoveResult

    def __init__(self, stored: StoredVm, parent: QWidget | None = None, *,
                 paths: AppPaths | None = None, store: VmStore | None = None,
                 qemu_img: str = "qemu-img", ovmf_code: str | None = None,
                 known_uris: Sequence[str] = (),
                 open_connection: Callable[[str], Awaitable[LibvirtConnection]] =
                 LibvirtConnection.open) -> None:
        super().__init__(parent)
        # How to reach a host: the app's own way (ssh asking through its dialog).
        self._open_connection = open_connection
        self.stored = stored
        self._paths = paths
        self._store = store
        self._qemu_img = qemu_img
        self._ovmf_code = ovmf_code
        self.connection: LibvirtConnection | None = None
        self.tasks: set[asyncio.Task[object]] = set()
        self._move: asyncio.Task[MoveResult] | None = None
        self.result_value: MoveResult | None = None
        self._closed = False  # done(): widgets may be gone, a late connection is closed

        name = stored.spec.name
        layout = dialog_layout(
            self, "move-dialog", translate("MoveDialog", "Move {0} to a libvirt host").format(name),
            translate("MoveDialog",
                      "The disks are copied into a storage pool of the host and the virtual "
                      "machine is defined there. A linked clone's disk is copied whole. The "
                      "virtual machine here is kept until you delete it."))
        form = QFormLayout()
        layout.addLayout(form)
        row, row_layout = row_widget(self)
        self.uri = QComboBox(row)
        self.uri.setEditable(True)
        self.uri.setAccessibleName(translate("MoveDialog", "Destination"))
        self.uri.addItems(uri_choices(known_uris))
        self.uri.setToolTip(translate(
            "MoveDialog", "A libvirt connection: qemu:///system for this computer, "
                          "qemu+ssh://user@host/system for another one"))
        self.uri.currentTextChanged.connect(self._uri_changed)
        self.connect_button = push_button(
            translate("MoveDialog", "C&onnect"), row,
            name=translate("MoveDialog", "Connect to the destination"),
            clicked=self.connect_to_host)
        row_layout.addWidget(self.uri, 1)
        row_layout.addWidget(self.connect_button)
        form_row(form, translate("MoveDialog", "&Destination:"), self.uri, row)
        self.pool = QComboBox(self)
        self.pool.setAccessibleName(translate("MoveDialog", "Storage pool"))
        self.pool.setEnabled(False)
        form_row(form, translate("MoveDialog", "Storage &pool:"), self.pool)
        self.status = hint_label("", self)
        self.status.setAccessibleName(translate("MoveDialog", "Status"))
        layout.addWidget(self.status)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.bar.setAccessibleName(translate("MoveDialog", "Progress"))
        self.bar.setVisible(False)
        layout.addWidget(self.bar)
        self.details = DetailsToggle(translate("MoveDialog", "the move"), self)
        layout.addWidget(self.details)
        layout.addStretch(1)
        standard = QDialogButtonBox.StandardButton
        self.buttons = QDialogButtonBox(standard.Ok | standard.Cancel, self)
        ok = self.buttons.button(standard.Ok)
        ok.setText(translate("MoveDialog", "&Move"))
        ok.setAccessibleName(translate("MoveDialog", "Move the virtual machine"))
        ok.setEnabled(False)
        self.move_button: QPushButton = ok
        self.cancel_button: QPushButton = self.buttons.button(standard.Cancel)
        self.buttons.accepted.connect(self.start_move)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    # -- connecting -------------------------------------------------------------------------

    @property
    def moving(self) -> bool:
        return self._move is not None and not self._move.done()

    def _spawn(self, coro: Coroutine[Any, Any, object]) -> asyncio.Task[object]:
        task = asyncio.ensure_future(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
        return task

    def _uri_changed(self, _text: str) -> None:
        if self.moving:
            return
        # The pools listed were another host's.
        self.pool.clear()
        self.pool.setEnabled(False)
        self.move_button.setEnabled(False)
        self._drop_connection()

    def _drop_connection(self) -> None:
        connection, self.connection = self.connection, None
        if connection is not None:
            task = asyncio.ensure_future(connection.close())
            _closing.add(task)
            task.add_done_callback(_closing.discard)

    def connect_to_host(self) -> asyncio.Task[object]:
        """Connect to the URI typed or chosen and list its pools (a task; tests await it)."""
        return self._spawn(self._connect(self.uri.currentText().strip()))

    async def _connect(self, uri: str) -> None:
        if self._closed:
            return
        self._drop_connection()
        self.pool.clear()
        self.pool.setEnabled(False)
        self.move_button.setEnabled(False)
        self.details.set_details("")
        if not uri:
            self.status.setText(translate("MoveDialog", "Type or choose a destination first."))
            return
        self.connect_button.setEnabled(False)
        self.status.setText(translate("MoveDialog", "Connecting to {0}…").format(uri))
        connection: LibvirtConnection | None = None
        try:
            connection = await self._open_connection(uri)
            found = await pools(connection)
            chosen = usable_pool(found)
        except KvmguiError as err:
            if connection is not None:
                await connection.close()
            if not self._closed:
                self.connect_button.setEnabled(True)
                self._failed(err)
            return
        # The dialog closed meanwhile, or another destination was chosen: not needed.
        if self._closed or uri != self.uri.currentText().strip():
            await connection.close()
            return
        self.connect_button.setEnabled(True)
        self.connection = connection
        self._fill_pools(found, chosen)
        self.status.setText(translate("MoveDialog", "Connected to {0}.").format(uri))

    def _fill_pools(self, found: list[PoolInfo], chosen: PoolInfo) -> None:
        for pool in found:
            if pool.active:
                where = f" ({pool.path})" if pool.path else ""
                self.pool.addItem(f"{pool.name}{where}", pool.name)
        self.pool.setCurrentIndex(max(self.pool.findData(chosen.name), 0))
        self.pool.setEnabled(True)
        self.move_button.setEnabled(True)

    def _failed(self, err: KvmguiError) -> None:
        self.status.setText(core_text(err.message))
        self.details.set_details(err.details)

    # -- moving -----------------------------------------------------------------------------

    def start_move(self) -> asyncio.Task[MoveResult] | None:
        """Move the VM to the chosen pool (a task; tests await it)."""
        connection = self.connection
        pool = self.pool.currentData()
        if connection is None or pool is None or self.moving:
            return None
        self.uri.setEnabled(False)
        self.pool.setEnabled(False)
        self.connect_button.setEnabled(False)
        self.move_button.setEnabled(False)
        self.details.set_details("")
        self.bar.setValue(0)
        self.bar.setVisible(True)
        self.cancel_button.setToolTip(translate(
            "MoveDialog", "Stop the move; what it copied to the host is removed."))
        task = asyncio.ensure_future(move_vm(
            self.stored, connection, pool=str(pool), paths=self._paths,
            ovmf_code=self._ovmf_code, store=self._store, qemu_img=self._qemu_img,
            progress=self._progress))
        self._move = task
        self._spawn(self._finish(task))
        return task

    def _progress(self, step: MoveStep) -> None:
        self.status.setText(core_text(step.text))
        if step.total:
            self.bar.setValue(round(1000 * step.done / step.total))

    async def _finish(self, task: asyncio.Task[MoveResult]) -> None:
        try:
            result = await asyncio.shield(task)
        except asyncio.CancelledError:
            if not task.done():  # this waiter was cancelled (the dialog's loop is closing)
                raise
            self._ended(translate(
                "MoveDialog", "The move was cancelled; nothing was left on the host."))
            self.move_button.setEnabled(self.connection is not None)
            return
        except KvmguiError as err:
            self._ended("")
            self._failed(err)
            self.move_button.setEnabled(self.connection is not None)
            return
        except Exception as exc:  # never silent: an unexpected failure is said too
            self._ended(str(exc))
            self.move_button.setEnabled(self.connection is not None)
            return
        self.result_value = result
        lines = [core_text(result.message)]
        if result.warnings:
            lines.append(translate("MoveDialog", "What the moved virtual machine lacks:"))
            lines += [f"• {core_text(w)}" for w in result.warnings]
        self._ended("\n".join(lines))
        self.move_button.setVisible(False)
        self.cancel_button.setText(translate("MoveDialog", "&Close"))
        self.moved.emit(result)

    def _ended(self, text: str) -> None:
        self.bar.setVisible(False)
        self.uri.setEnabled(True)
        self.pool.setEnabled(self.pool.count() > 0)
        self.connect_button.setEnabled(True)
        self.cancel_button.setToolTip("")
        self.status.setText(text)

    def cancel_move(self) -> None:
        if self.moving and self._move is not None:
            self.status.setText(translate("MoveDialog", "Cancelling; removing what was copied…"))
            self.cancel_button.setEnabled(False)
            self._move.cancel()
            self._move.add_done_callback(lambda _t: self.cancel_button.setEnabled(True))

    # -- closing ----------------------------------------------------------------------------

    def reject(self) -> None:
        # While moving, Cancel (and Esc, and the window's close button) stops the move; the
        # dialog stays to say what became of it.
        if self.moving:
            self.cancel_move()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.moving:
            event.ignore()
            self.cancel_move()
            return
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self._closed = True
        self._drop_connection()
        super().done(result)
