"""The VM list as a Qt item model: one row per VM, columns for what the main window shows.

Rows are plain `VmRow` values; the main window updates them from the bridge's signals
(state, stats, thumbnails) and from the store (names, OS, memory). The model never calls the
runtime itself. It is checked with pytest-qt's qtmodeltester.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QIcon, QImage

from kvmgui.core.choices import OsPreset
from kvmgui.core.sizes import MIB
from kvmgui.runtime.state import VmState
from kvmgui.ui.i18n import core_text, format_size, translate
from kvmgui.ui.icons import icon, os_icon

Index = QModelIndex | QPersistentModelIndex


def os_label(os: OsPreset) -> str:
    """The OS kind's name as the wizard shows it ("Windows 11")."""
    # Imported here for start-up cost: the presets (VM specs) are not needed to paint an
    # empty list.
    from kvmgui.core.presets import PRESETS

    return core_text(PRESETS[os].label)


class Column(IntEnum):
    NAME = 0
    STATE = 1
    CPU = 2
    MEMORY = 3  # what the guest has (configured)
    HOST_MEMORY = 4  # what the QEMU process holds on the host (guest memory touched + QEMU)
    SCREEN = 5


class Role(IntEnum):
    VM_ID = Qt.ItemDataRole.UserRole + 1
    STATE = Qt.ItemDataRole.UserRole + 2  # the VmState (its string value once through Qt)
    THUMBNAIL = Qt.ItemDataRole.UserRole + 3  # QImage or None
    OS = Qt.ItemDataRole.UserRole + 4  # the OsPreset (its string value once through Qt)
    REASON = Qt.ItemDataRole.UserRole + 5  # why it is in this state ("" when obvious)
    ROW = Qt.ItemDataRole.UserRole + 6  # the whole VmRow


@dataclass(frozen=True)
class VmRow:
    vm_id: str
    name: str
    os: OsPreset = OsPreset.OTHER
    memory_mib: int = 0  # configured
    cpus: int = 1
    state: VmState = VmState.STOPPED
    reason: str = ""
    details: str = ""
    cpu_percent: float | None = None  # of one host CPU × vCPUs, as sampled
    memory_used_bytes: int | None = None  # what the QEMU process holds (RSS)
    thumbnail: QImage | None = None
    broken: str = ""  # the definition could not be read: why (the row is shown, not usable)
    advice: str = ""  # the performance advisor's notice (its title), shown as a badge
    throwaway: bool = False  # a "Test a USB stick" VM: gone once it stops, marked as such
    # A libvirt connection's domain (or its group's heading): the connection's URI; "" for
    # this computer's kvmgui VMs.
    connection: str = ""
    header: bool = False  # the heading of a group of the list (a connection, or this computer)
    group: int = 0  # the group's place: 0 this computer's kvmgui VMs, then each connection
    header_state: str = ""  # a heading's state words ("Connected", "Failed")

    @property
    def is_libvirt(self) -> bool:
        return bool(self.connection) and not self.header


def _state_look(state: VmState) -> tuple[str, str]:
    """A state's word and the name of its icon."""
    return {
        VmState.STOPPED: (translate("VmListModel", "Stopped"), "state-stopped"),
        VmState.STARTING: (translate("VmListModel", "Starting"), "state-busy"),
        VmState.RUNNING: (translate("VmListModel", "Running"), "state-running"),
        VmState.PAUSED: (translate("VmListModel", "Paused"), "state-paused"),
        VmState.SHUTTING_DOWN: (translate("VmListModel", "Shutting down"), "state-busy"),
        VmState.CRASHED: (translate("VmListModel", "Crashed"), "state-error"),
    }.get(state, (str(state), "state-stopped"))


def state_word(state: VmState) -> str:
    return _state_look(state)[0]


def state_icon(state: VmState) -> QIcon:
    return icon(_state_look(state)[1])


def throwaway_label() -> str:
    """The marker of a throwaway VM in the list and on its card."""
    return translate("VmListModel", "Throwaway test")


def header(column: Column) -> str:
    return {
        Column.NAME: translate("VmListModel", "Name"),
        Column.STATE: translate("VmListModel", "State"),
        Column.CPU: translate("VmListModel", "CPU"),
        Column.MEMORY: translate("VmListModel", "Memory"),
        Column.HOST_MEMORY: translate("VmListModel", "Used on this computer"),
        Column.SCREEN: translate("VmListModel", "Screen"),
    }[column]


def header_tip(column: Column) -> str | None:
    return {
        Column.MEMORY: translate("VmListModel", "The memory the virtual machine has."),
        Column.HOST_MEMORY: translate(
            "VmListModel",
            "The memory QEMU takes on this computer while the virtual machine runs: the part "
            "of its memory the guest has used so far, plus QEMU's own.",
        ),
    }.get(column)


class VmListModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[VmRow] = []

    # -- Qt model API -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is not Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return header(Column(section))
        if role == Qt.ItemDataRole.ToolTipRole:
            return header_tip(Column(section))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        if not (0 <= index.row() < len(self._rows)) or not (0 <= index.column() < len(Column)):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Role.VM_ID:
            return row.vm_id
        if role == Role.STATE:
            return row.state
        if role == Role.THUMBNAIL:
            return row.thumbnail
        if role == Role.OS:
            return row.os
        if role == Role.REASON:
            return row.broken or row.reason
        if role == Role.ROW:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if row.header:
            return self._header_data(row, column, role)
        if role == Qt.ItemDataRole.DecorationRole:
            if column is Column.NAME:
                return os_icon(row.os)
            if column is Column.STATE:
                if row.broken:
                    return icon("state-error")
                return icon("status-warning") if row.advice else state_icon(row.state)
            if column is Column.SCREEN and row.thumbnail is not None:
                return row.thumbnail
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (Column.MEMORY, Column.HOST_MEMORY) and not row.broken:
                return self._tooltip(row) + "\n" + self._memory_words(row)
            return self._tooltip(row)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            Column.CPU, Column.MEMORY, Column.HOST_MEMORY
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _header_data(self, row: VmRow, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and column is Column.NAME and not row.reason:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and column is Column.NAME:
            return icon("host-check")
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return "\n".join(p for p in (row.name, row.header_state, row.reason) if p)
        return None

    def _display(self, row: VmRow, column: Column) -> str:
        if row.header:
            # A failed connection says why (and the fix) after its name; the whole sentence
            # is in the tool tip and on its card.
            name = (translate("VmListModel", "{0} — {1}").format(row.name, row.reason)
                    if row.reason else row.name)
            return {Column.NAME: name, Column.STATE: row.header_state}.get(column, "")
        if column is Column.NAME:
            if row.throwaway:
                return translate("VmListModel", "{0} ({1})").format(row.name, throwaway_label())
            return row.name
        if column is Column.STATE:
            return (
                translate("VmListModel", "Cannot be read") if row.broken else state_word(row.state)
            )
        if column is Column.CPU:
            if row.cpu_percent is None or not row.state.is_active:
                return "—"
            return f"{row.cpu_percent:.0f} %"
        if column is Column.MEMORY:
            # What the guest has. QEMU's own use on the host is another column: it includes
            # QEMU itself, so it can be more than this and is never "x of" it.
            return format_size(row.memory_mib * MIB) if row.memory_mib else "—"
        if column is Column.HOST_MEMORY:
            if row.memory_used_bytes is None or not row.state.is_active:
                return "—"
            return format_size(row.memory_used_bytes)
        if column is Column.SCREEN:
            if row.state.is_active and row.thumbnail is None:
                return translate("VmListModel", "No picture yet")
            return ""
        return ""

    def _tooltip(self, row: VmRow) -> str:
        parts = [row.name, os_label(row.os)]
        if row.throwaway:
            parts.append(
                translate("VmListModel", "A throwaway test: it disappears when it is switched off.")
            )
        if row.broken:
            parts.append(row.broken)
        else:
            parts.append(state_word(row.state))
            if row.reason:
                parts.append(row.reason)
            if row.advice:
                parts.append(translate("VmListModel", "Advice: {0} (see Details)").format(
                    row.advice))
        return "\n".join(parts)

    def _memory_words(self, row: VmRow) -> str:
        words = translate("VmListModel", "Memory of the virtual machine: {0}.").format(
            self._display(row, Column.MEMORY))
        if row.memory_used_bytes is not None and row.state.is_active:
            words += "\n" + translate(
                "VmListModel", "Used on this computer by QEMU (guest and QEMU itself): {0}."
            ).format(format_size(row.memory_used_bytes))
        return words

    def _accessible(self, row: VmRow, column: Column) -> str:
        if column is Column.NAME:
            return translate("VmListModel", "{0}, {1}").format(
                self._display(row, column), os_label(row.os)
            )
        if column is Column.SCREEN:
            return (
                translate("VmListModel", "Screen of {0}").format(row.name) if row.thumbnail else ""
            )
        if column is Column.HOST_MEMORY:
            return translate("VmListModel", "Used on this computer: {0}").format(
                self._display(row, column))
        return self._display(row, column)

    # -- updates ----------------------------------------------------------------------------

    def rows(self) -> list[VmRow]:
        return list(self._rows)

    def row_of(self, vm_id: str) -> int:
        for i, row in enumerate(self._rows):
            if row.vm_id == vm_id:
                return i
        return -1

    def get(self, vm_id: str) -> VmRow | None:
        i = self.row_of(vm_id)
        return self._rows[i] if i >= 0 else None

    def index_of(self, vm_id: str, column: Column = Column.NAME) -> QModelIndex:
        i = self.row_of(vm_id)
        return self.index(i, column) if i >= 0 else QModelIndex()

    def set_rows(self, rows: list[VmRow]) -> None:
        """Replace this computer's kvmgui VMs, keeping live data (state, stats, thumbnail)
        of VMs still there; the libvirt connections' rows stay."""
        self._set_all([*rows, *(r for r in self._rows if r.connection or r.header)])

    def set_libvirt_rows(self, rows: list[VmRow]) -> None:
        """Replace the groups' headings and the libvirt connections' domains (their live
        data comes with them)."""
        self._set_all([*(r for r in self._rows if not (r.connection or r.header)), *rows])

    def _set_all(self, rows: list[VmRow]) -> None:
        """Rows are sorted by group, heading first, then by name; existing rows are updated
        in place and new/removed rows are inserted/removed individually so views keep their
        selection."""
        wanted = sorted(rows, key=lambda r: (r.group, not r.header, r.name.casefold(), r.vm_id))
        wanted_ids = {r.vm_id for r in wanted}
        for i in range(len(self._rows) - 1, -1, -1):
            if self._rows[i].vm_id not in wanted_ids:
                self.beginRemoveRows(QModelIndex(), i, i)
                del self._rows[i]
                self.endRemoveRows()
        for target, row in enumerate(wanted):
            current = self.row_of(row.vm_id)
            if current == -1:
                self.beginInsertRows(QModelIndex(), target, target)
                self._rows.insert(target, row)
                self.endInsertRows()
                continue
            if current != target:
                self.beginMoveRows(
                    QModelIndex(),
                    current,
                    current,
                    QModelIndex(),
                    target if target < current else target + 1,
                )
                moved = self._rows.pop(current)
                self._rows.insert(target, moved)
                self.endMoveRows()
            old = self._rows[target]
            if row.is_libvirt:
                # Its live data comes with it from the connection; the picture stays.
                merged = replace(row, thumbnail=old.thumbnail if row.state.is_active else None)
            elif row.broken or row.header:
                merged = row
            else:
                merged = replace(
                    row,
                    state=old.state,
                    reason=old.reason,
                    details=old.details,
                    cpu_percent=old.cpu_percent,
                    memory_used_bytes=old.memory_used_bytes,
                    thumbnail=old.thumbnail,
                )
            if merged != old:
                self._rows[target] = merged
                self._changed(target)

    def update(self, vm_id: str, **changes: Any) -> bool:
        """Change fields of one row; False when the VM is not in the list."""
        i = self.row_of(vm_id)
        if i < 0:
            return False
        old = self._rows[i]
        new = replace(old, **changes)
        if new.state is not old.state and not new.state.is_active:
            # Nothing runs any more: its numbers and picture are out of date.
            new = replace(new, cpu_percent=None, memory_used_bytes=None, thumbnail=None)
        if new != old:
            self._rows[i] = new
            self._changed(i, old, new)
        return True

    def _changed(self, row: int, old: VmRow | None = None, new: VmRow | None = None) -> None:
        """Tell the views what changed in `row`: with `old` and `new`, only the cells whose
        text, picture or tooltip changed. A view repaints one item for a one-cell notice but
        its whole visible area for a range, and most updates (live numbers every few seconds,
        a picture) change one or two cells."""
        last = len(Column) - 1
        if old is None or new is None or _shared(old) != _shared(new):
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))
            return
        columns = [c for c in Column if self._cell(old, c) != self._cell(new, c)]
        if Column.NAME in columns:  # the cell a card stands for (views.VmCardDelegate)
            index = self.index(row, Column.NAME)
            self.dataChanged.emit(index, index)
            columns.remove(Column.NAME)
        if columns:
            self.dataChanged.emit(self.index(row, min(columns)), self.index(row, max(columns)))

    def _cell(self, row: VmRow, column: Column) -> tuple[object, ...]:
        """What one cell shows, beyond the fields every cell's tooltip shows (_shared)."""
        if column is Column.NAME:
            # A card draws the name cell with the picture and the CPU figure too.
            return (row.memory_mib, row.cpus, id(row.thumbnail), self._display(row, Column.CPU))
        if column in (Column.MEMORY, Column.HOST_MEMORY):
            return (self._display(row, Column.MEMORY), self._display(row, Column.HOST_MEMORY))
        if column is Column.SCREEN:
            return (id(row.thumbnail),)
        return (self._display(row, column),)


def _shared(row: VmRow) -> tuple[object, ...]:
    """The fields that every cell shows (in its text, icon or tooltip)."""
    return (
        row.vm_id,
        row.name,
        row.os,
        row.state,
        row.reason,
        row.details,
        row.broken,
        row.advice,
        row.throwaway,
        row.connection,
        row.header,
        row.header_state,
    )
