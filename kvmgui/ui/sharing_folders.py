"""The Hardware page's "Sharing" group: host folders the guest sees.

A table of shared folders (folder, tag, read-only), Add…/Remove, and for the selected folder
what to type in the guest (with a Copy button) and, when it cannot use virtio-fs, why. How a
folder travels is core.shares' answer for this guest and host; the checks are
core.validation's, shown by the page with its other problems.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core.host import HostFacts
from kvmgui.core.model import Share, VmSpec
from kvmgui.core.shares import ShareMethod, ShareRoute, new_share, plan_shares
from kvmgui.ui.i18n import core_text, translate
from kvmgui.ui.widgets import Action, action_row, hint_label, push_button

_FOLDER, _TAG, _READ_ONLY = range(3)


def _method_name(method: ShareMethod) -> str:
    return {
        ShareMethod.VIRTIOFS: "virtio-fs",
        ShareMethod.NINEP: "9p",
        ShareMethod.SMB: translate("SharedFolders", "SMB (Windows network folder)"),
    }[method]


class SharedFolders(QGroupBox):
    """Edits a VM's shared folders; `changed` after every edit, `shares()` the result."""

    changed = Signal()

    def __init__(self, host: HostFacts, parent: QWidget | None = None) -> None:
        super().__init__(translate("SharedFolders", "Shared folders"), parent)
        self.host = host
        self._spec: VmSpec | None = None
        self._shares: list[Share] = []
        self._dialog: QFileDialog | None = None
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 3, self)
        self.table.setAccessibleName(translate("SharedFolders", "Shared folders"))
        self.table.setHorizontalHeaderLabels(
            [
                translate("SharedFolders", "Shared folder"),
                translate("SharedFolders", "Tag"),
                translate("SharedFolders", "Read-only"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        # Tab leaves the table (arrows move in it, Space ticks read-only): otherwise Tab walks
        # every cell before it reaches the buttons.
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(_FOLDER, QHeaderView.ResizeMode.Stretch)
        for col in (_TAG, _READ_ONLY):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        buttons, (self.add_button, self.remove_button) = action_row(
            self,
            Action(
                translate("SharedFolders", "Add f&older…"),
                translate("SharedFolders", "Add a shared folder"),
                self.choose_folder,
            ),
            Action(
                translate("SharedFolders", "Stop s&haring"),
                translate("SharedFolders", "Remove the shared folder"),
                self.remove,
            ),
        )
        layout.addLayout(buttons)
        guest = QHBoxLayout()
        self.instruction = QLabel(self)
        self.instruction.setWordWrap(True)
        self.instruction.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = push_button(
            translate("SharedFolders", "Cop&y"),
            self,
            name=translate("SharedFolders", "Copy what to type in the guest"),
            clicked=self.copy,
        )
        # Owned by the box: it dies with it, so it never touches a deleted button.
        self._copied = QTimer(self)
        self._copied.setSingleShot(True)
        self._copied.setInterval(2000)
        self._copied.timeout.connect(
            lambda: self.copy_button.setText(translate("SharedFolders", "Cop&y"))
        )
        guest.addWidget(self.instruction, 1)
        guest.addWidget(self.copy_button)
        layout.addLayout(guest)
        self.reason = hint_label("", self)
        layout.addWidget(self.reason)
        self.empty_hint = hint_label(
            translate(
                "SharedFolders",
                "No folder is shared. Shared folders let the guest read (and write, unless "
                "read-only) files of this computer.",
            ),
            self,
        )
        layout.addWidget(self.empty_hint)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.table.itemChanged.connect(self._item_changed)

    # -- model ------------------------------------------------------------------------------

    def set_spec(self, spec: VmSpec) -> None:
        self._spec = spec
        self._shares = list(spec.shares)
        self._fill()

    def shares(self) -> tuple[Share, ...]:
        return tuple(self._shares)

    def add(self, path: str, *, read_only: bool = False) -> None:
        if not path.strip():
            return
        self._shares.append(new_share(path, self._shares, read_only=read_only))
        self._fill()
        self.table.selectRow(len(self._shares) - 1)
        self.changed.emit()

    def remove(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            del self._shares[row]
        self._fill()
        self.changed.emit()

    def choose_folder(self) -> None:
        dialog = QFileDialog(self, translate("SharedFolders", "Folder to share"), str(Path.home()))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(self.add)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialog = dialog
        dialog.open()

    def copy(self) -> None:
        route = self._selected_route()
        if route is None:
            return
        QGuiApplication.clipboard().setText(route.instruction)
        self.copy_button.setText(translate("SharedFolders", "Copied"))
        self._copied.start()

    # -- view -------------------------------------------------------------------------------

    def _fill(self) -> None:
        blocker = QSignalBlocker(self.table)
        self.table.setRowCount(len(self._shares))
        for row, share in enumerate(self._shares):
            folder = QTableWidgetItem(share.path)
            folder.setToolTip(share.path)
            self.table.setItem(row, _FOLDER, folder)
            self.table.setItem(row, _TAG, QTableWidgetItem(share.tag))
            check = QTableWidgetItem()
            check.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsSelectable
            )
            check.setCheckState(
                Qt.CheckState.Checked if share.read_only else Qt.CheckState.Unchecked
            )
            check.setData(
                Qt.ItemDataRole.AccessibleTextRole, translate("SharedFolders", "Read-only")
            )
            self.table.setItem(row, _READ_ONLY, check)
        del blocker
        rows = max(1, len(self._shares))
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(
            header
            + rows * self.table.verticalHeader().defaultSectionSize()
            + 2 * self.table.frameWidth()
            + 2
        )
        if self._shares and not self.table.selectedIndexes():
            self.table.selectRow(0)
        self._show_selected()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != _READ_ONLY or item.row() >= len(self._shares):
            return
        row = item.row()
        read_only = item.checkState() == Qt.CheckState.Checked
        share = self._shares[row]
        if share.read_only != read_only:
            self._shares[row] = replace(share, read_only=read_only)
            self._show_selected()
            self.changed.emit()

    def _selected_route(self) -> ShareRoute | None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        if not rows or self._spec is None or rows[0] >= len(self._shares):
            return None
        spec = replace(self._spec, shares=tuple(self._shares))
        return plan_shares(spec, self.host)[rows[0]]

    def _show_selected(self) -> None:
        route = self._selected_route()
        self.remove_button.setEnabled(route is not None)
        self.copy_button.setVisible(route is not None)
        self.empty_hint.setVisible(not self._shares)
        if route is None:
            self.instruction.setText("")
            self.reason.setText("")
            return
        self.instruction.setText(
            translate("SharedFolders", "To see it in the guest, type: {0}").format(
                route.instruction
            )
        )
        self.instruction.setToolTip(
            translate("SharedFolders", "Shared with {0}").format(_method_name(route.method))
        )
        self.reason.setText(core_text(route.reason) if route.reason else "")
