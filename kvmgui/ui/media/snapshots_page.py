"""The VM window's Snapshots page: list, take, revert (after a confirmation naming the snapshot
and what is lost) and delete.

The work is done by a SnapshotBackend (snapshot_backend.py): the runtime's snapshots module
when it exists (offline or live, it decides), else qemu-img on the stopped VM's disks. While
the VM runs and the backend cannot act on a running VM, Take, Revert and Delete are disabled
and their tooltips say why.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core import snapshots as snap
from kvmgui.core.store import StoredVm
from kvmgui.runtime.state import VmState
from kvmgui.ui.bridge import RuntimeBridge
from kvmgui.ui.context import AppContext
from kvmgui.ui.errors import ask, show_error
from kvmgui.ui.i18n import core_text, format_size, translate
from kvmgui.ui.media.fields import set_columns
from kvmgui.ui.media.jobs import JobPanel, alive, ask_text, async_slot, track_task, while_alive
from kvmgui.ui.media.snapshot_backend import (
    SnapshotBackend,
    SnapshotRow,
    make_backend,
    short_date,
)
from kvmgui.ui.services import base_refusal
from kvmgui.ui.widgets import Action, action_row, hint_label


class SnapshotsPage(QWidget):
    def __init__(
        self,
        ctx: AppContext,
        stored: StoredVm,
        parent: QWidget | None = None,
        *,
        bridge: RuntimeBridge | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stored = stored
        self.backend: SnapshotBackend = make_backend(ctx)
        self.rows: list[SnapshotRow] = []
        self.tasks: set[asyncio.Task[object]] = set()
        status = ctx.status(stored.spec.id)
        self.state = status.state if status is not None else VmState.STOPPED
        self.setObjectName("SnapshotsPage")
        layout = QVBoxLayout(self)
        self.intro = hint_label(
            translate(
                "SnapshotsPage",
                "A snapshot keeps the disks as they are now, so you can come back to this "
                "moment later, for example before an update or an experiment.",
            ),
            self,
        )
        layout.addWidget(self.intro)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(translate("SnapshotsPage", "Snapshots"))
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        set_columns(
            self.tree,
            [
                translate("SnapshotsPage", "Name"),
                translate("SnapshotsPage", "Taken"),
                translate("SnapshotsPage", "Memory size"),
                translate("SnapshotsPage", "Contents"),
            ],
            stretch=0,
        )
        self.tree.itemSelectionChanged.connect(self._enable)
        self.tree.itemActivated.connect(lambda *_: self.on_revert())
        layout.addWidget(self.tree, 1)
        self.empty_hint = hint_label("", self)
        layout.addWidget(self.empty_hint)

        row, buttons = action_row(
            self,
            Action(
                translate("SnapshotsPage", "&Take snapshot…"),
                translate("SnapshotsPage", "Take a snapshot"),
                self.on_take,
            ),
            Action(
                translate("SnapshotsPage", "Re&vert to it…"),
                translate("SnapshotsPage", "Revert to the selected snapshot"),
                self.on_revert,
            ),
            Action(
                translate("SnapshotsPage", "De&lete…"),
                translate("SnapshotsPage", "Delete the selected snapshot"),
                self.on_delete,
            ),
            trailing=[
                Action(
                    translate("SnapshotsPage", "Re&fresh"),
                    translate("SnapshotsPage", "Refresh the list"),
                    self.refresh,
                )
            ],
        )
        self.take_button, self.revert_button, self.delete_button, self.refresh_button = buttons
        layout.addLayout(row)
        self.reason = hint_label("", self)
        layout.addWidget(self.reason)
        self.panel = JobPanel(self)
        self.panel.cancel_button.setVisible(False)
        self.panel.busy_changed.connect(lambda _b: self._enable())
        layout.addWidget(self.panel)
        if bridge is not None:
            bridge.state_changed.connect(self._state_changed)
        self._loaded = False
        self.refreshed = 0  # how many times the list was read (tests wait for it)
        self._enable()

    # -- data -------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.refresh()

    def set_stored(self, stored: StoredVm) -> None:
        self.stored = stored
        self._enable()
        if self._loaded:
            self.refresh()

    def set_state(self, state: VmState) -> None:
        old = self.state
        self.state = state
        self._enable()
        # A live snapshot or a guest that ran changes the list and the sizes.
        if self._loaded and old.is_active != state.is_active:
            self.refresh()

    def _state_changed(self, vm_id: str, state: object, _reason: str, _details: str) -> None:
        if vm_id == self.stored.spec.id and isinstance(state, VmState):
            self.set_state(state)

    @property
    def running(self) -> bool:
        return self.state.is_active

    def selected(self) -> SnapshotRow | None:
        items = self.tree.selectedItems()
        if not items:
            return None
        index = self.tree.indexOfTopLevelItem(items[0])
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def select(self, name: str) -> bool:
        for i, row in enumerate(self.rows):
            if row.name == name:
                item = self.tree.topLevelItem(i)
                if item is not None:
                    self.tree.setCurrentItem(item)
                return True
        return False

    @async_slot()
    @while_alive
    async def refresh(self) -> list[SnapshotRow] | None:
        selected = self.selected()
        try:
            rows = await self.backend.snapshots(self.stored)
        except Exception as exc:  # the list is informative: say why it is empty
            if not alive(self):
                return None
            self.rows = []
            self.tree.clear()
            message = core_text(getattr(exc, "message", "") or str(exc))  # a runtime Message
            self.empty_hint.setText(
                translate("SnapshotsPage", "The snapshots could not be read: {0}").format(message)
            )
            self.refreshed += 1
            self._enable()
            return None
        if not alive(self):
            return None
        self.rows = rows
        self.tree.clear()
        for row in rows:
            item = QTreeWidgetItem(
                [
                    row.name,
                    short_date(row.date),
                    format_size(row.state_size) if row.includes_memory else "—",
                    translate("SnapshotsPage", "disks and memory (includes memory)")
                    if row.includes_memory
                    else translate("SnapshotsPage", "disks only"),
                ]
            )
            item.setToolTip(0, row.name)
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, row.name)
            self.tree.addTopLevelItem(item)
        self.empty_hint.setText(
            ""
            if rows
            else translate("SnapshotsPage", "No snapshots yet. Take one before a risky change.")
        )
        if selected is not None:
            self.select(selected.name)
        elif rows:
            last = self.tree.topLevelItem(len(rows) - 1)
            if last is not None:
                self.tree.setCurrentItem(last)
        self.refreshed += 1
        self._enable()
        return rows

    # -- enabling ---------------------------------------------------------------------------

    def _enable(self) -> None:
        problem = self.backend.problem(self.stored, self.running)
        busy = self.panel.busy
        chosen = self.selected() is not None
        self.take_button.setEnabled(not problem and not busy)
        self.revert_button.setEnabled(not problem and not busy and chosen)
        self.delete_button.setEnabled(not problem and not busy and chosen)
        self.refresh_button.setEnabled(not busy)
        shown = core_text(problem)
        for b in (self.take_button, self.revert_button, self.delete_button):
            b.setToolTip(shown)
        self.reason.setText(shown)

    # -- actions ----------------------------------------------------------------------------

    def _suggest_name(self) -> str:
        taken = {r.name for r in self.rows}
        # The date as the user writes it ("02/12/2026 16:45" in French); a snapshot name may
        # hold any printable character.
        base = short_date(datetime.now(UTC))
        name, n = base, 2
        while name in taken:
            name = f"{base} ({n})"
            n += 1
        return name

    @async_slot()
    async def on_take(self) -> bool:
        if not self._can_change():
            return False
        name = await ask_text(
            self,
            translate("SnapshotsPage", "Take a snapshot"),
            translate("SnapshotsPage", "Name of the snapshot:"),
            text=self._suggest_name(),
            ok_text=translate("SnapshotsPage", "&Take snapshot"),
        )
        if name is None:
            return False
        name = name.strip()
        problem = snap.name_problem(name, [])
        if not problem and any(r.name == name for r in self.rows):
            problem = translate(
                "SnapshotsPage", "A snapshot named '{0}' already exists; choose another name."
            ).format(name)
        if problem:
            show_error(
                self, translate("SnapshotsPage", "The snapshot was not taken."), informative=problem
            )
            return False
        done = await self._change(
            lambda: self.backend.take(self.stored, name),
            what=translate("SnapshotsPage", "Taking the snapshot '{0}'…").format(name),
            failed=translate("SnapshotsPage", "The snapshot was not taken."),
            result=translate("SnapshotsPage", "Took the snapshot '{0}'.").format(name),
        )
        if done:
            self.select(name)
        return done

    @async_slot()
    async def on_revert(self) -> bool:
        row = self._row_to_change()
        if row is None:
            return False
        when = short_date(row.date)
        answer = await ask(
            self,
            translate("SnapshotsPage", "Revert {0} to the snapshot '{1}'?").format(
                self.stored.spec.name, row.name
            ),
            informative=translate(
                "SnapshotsPage",
                "The disks go back to how they were on {0}. Every change made since "
                "then (files saved, programs installed, updates) is lost, and this "
                "cannot be undone. Take a snapshot first if you may want them back.",
            ).format(when),
            yes_text=translate("SnapshotsPage", "&Revert and lose the changes"),
            no_text=translate("SnapshotsPage", "&Cancel"),
            danger=True,
        )
        if not answer.accepted:
            return False
        # Linked clones read the base's disks: going back in time would corrupt them.
        refusal = await base_refusal(
            self.ctx.store,
            self.stored,
            "revert a snapshot of",
            qemu_img=self.ctx.settings.qemu_img_binary,
        )
        if refusal:
            show_error(
                self,
                translate("SnapshotsPage", "The virtual machine was not reverted."),
                informative=refusal,
            )
            return False
        return await self._change(
            lambda: self.backend.revert(self.stored, row.name),
            what=translate("SnapshotsPage", "Reverting to '{0}'…").format(row.name),
            failed=translate("SnapshotsPage", "The virtual machine was not reverted."),
            result=translate("SnapshotsPage", "{0} is back to the snapshot '{1}' ({2}).").format(
                self.stored.spec.name, row.name, when
            ),
        )

    @async_slot()
    async def on_delete(self) -> bool:
        row = self._row_to_change()
        if row is None:
            return False
        answer = await ask(
            self,
            translate("SnapshotsPage", "Delete the snapshot '{0}'?").format(row.name),
            informative=translate(
                "SnapshotsPage",
                "The virtual machine stays as it is now; only the way back to {0} is lost.",
            ).format(short_date(row.date)),
            yes_text=translate("SnapshotsPage", "&Delete"),
            no_text=translate("SnapshotsPage", "&Cancel"),
            danger=True,
        )
        if not answer.accepted:
            return False
        return await self._change(
            lambda: self.backend.delete(self.stored, row.name),
            what=translate("SnapshotsPage", "Deleting the snapshot '{0}'…").format(row.name),
            failed=translate("SnapshotsPage", "The snapshot was not deleted."),
            result=translate("SnapshotsPage", "Deleted the snapshot '{0}'.").format(row.name),
        )

    def _can_change(self) -> bool:
        """Whether take, revert or delete may start: no job is running and the backend sees
        nothing in the way. Tracks the calling task, so closing the page waits for it."""
        track_task(self.tasks)
        return not self.panel.busy and not self.backend.problem(self.stored, self.running)

    def _row_to_change(self) -> SnapshotRow | None:
        """The selected snapshot, when revert or delete may start on it."""
        row = self.selected()
        return row if self._can_change() and row is not None else None

    async def _change(
        self, work: Callable[[], Awaitable[object]], *, what: str, failed: str, result: str
    ) -> bool:
        """Take, revert or delete (the busy panel shows it running or failing), list the
        snapshots again, and say `result` when it was done."""

        async def finished() -> bool:
            await work()
            return True

        done = await self.panel.run_busy(finished, what=what, failed=failed)
        await self.refresh()
        if done:
            self.panel.show_result(result)
        return bool(done)
