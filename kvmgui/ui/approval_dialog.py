"""The question at Start for a VM whose definition reaches this computer without approval.

A definition that arrived from elsewhere (copied in, hand-edited) may name extra QEMU
arguments, disks, images or devices outside its folder (core.trust). Before its first start the
user sees exactly that list and approves it, or not; the approval covers only that list.
The dialog opens window-modal with `open()` and is awaited (no nested event loop), like the
message boxes in ui.errors; the safe answer (Cancel) is the default.
"""

from __future__ import annotations

import asyncio
import json
import shlex
from collections.abc import Sequence

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core.argv_extra import extra_args_problems
from kvmgui.core.paths import AppPaths
from kvmgui.core.store import StoredVm
from kvmgui.core.trust import Approvals, Reach, ReachKind
from kvmgui.ui.errors import show_error
from kvmgui.ui.i18n import translate

# Open dialogs, so they are not garbage-collected while shown and tests can find them.
_OPEN: list[ApprovalDialog] = []


def open_dialogs() -> list[ApprovalDialog]:
    return list(_OPEN)


class ApprovalDialog(QDialog):
    def __init__(self, parent: QWidget | None, vm_name: str, items: Sequence[Reach]) -> None:
        super().__init__(parent)
        self.setObjectName("approval-dialog")
        self.setWindowTitle(self.tr("Approve what this virtual machine uses"))
        layout = QVBoxLayout(self)
        self.text = QLabel(self.tr(
            "{0} has settings made outside kvmgui that reach this computer; start it only "
            "if you trust where it came from.").format(vm_name))
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        self.list = QPlainTextEdit(self)
        self.list.setObjectName("approval-list")
        self.list.setReadOnly(True)
        self.list.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.list.setPlainText("\n".join(self.describe(item) for item in items))
        self.list.setAccessibleName(self.tr("What the virtual machine uses"))
        layout.addWidget(self.list)
        note = QLabel(self.tr(
            "Approving lets it use exactly these; if its settings are changed outside kvmgui "
            "later, kvmgui asks again."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.buttons = QDialogButtonBox(self)
        self.approve_button = self.buttons.addButton(
            self.tr("&Approve and start"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setDefault(True)
        self.cancel_button.setFocus()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(560, 320)

    def describe(self, item: Reach) -> str:
        if item.kind is ReachKind.EXTRA_ARGS:
            args = shlex.join(json.loads(item.target))
            return self.tr("Extra QEMU arguments: {0}").format(args)
        access = (self.tr("read and write") if item.writable else self.tr("read only"))
        label = {
            ReachKind.DISK: self.tr("Disk ({0}): {1}"),
            ReachKind.BASE_IMAGE: self.tr("Base image ({0}): {1}"),
            ReachKind.ISO: self.tr("CD/DVD image ({0}): {1}"),
            ReachKind.CD_DRIVE: self.tr("Host CD/DVD drive ({0}): {1}"),
            ReachKind.USB_STICK: self.tr("USB stick ({0}): {1}"),
        }[item.kind]
        return label.format(access, item.target)


async def ask_approval(parent: QWidget | None, vm_name: str, items: Sequence[Reach]) -> bool:
    """Show the list and wait for the answer: True when the user approved it."""
    dialog = ApprovalDialog(parent, vm_name, items)
    future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()

    def done(result: int) -> None:
        if not future.done():
            future.set_result(result == QDialog.DialogCode.Accepted.value)
        if dialog in _OPEN:
            _OPEN.remove(dialog)
        dialog.deleteLater()

    dialog.finished.connect(done)
    _OPEN.append(dialog)
    dialog.open()
    return await future


async def approve_at_start(parent: QWidget | None, paths: AppPaths, stored: StoredVm) -> bool:
    """The VM was refused at Start for want of approval: show what it reaches and record the
    approval of exactly that list when the user gives it. False when nothing was approved."""
    approvals = Approvals.for_paths(paths)
    items = approvals.unapproved(stored.spec, stored.folder)
    if not items:
        return True  # approved meanwhile (kvmgui-cli approve): simply start again
    problems = extra_args_problems(stored.spec.extra_args)
    if problems:
        # No approval makes these start; say why instead of asking.
        show_error(parent, translate("Approval", "{0} could not be started.").format(
            stored.spec.name), informative=problems[0])
        return False
    if not await ask_approval(parent, stored.spec.name, items):
        return False
    try:
        approvals.approve(stored.spec, stored.folder, items)
    except OSError as exc:
        show_error(parent, translate("Approval", "The approval could not be saved."),
                   informative=translate("Approval", "Check the permissions of the folder "
                                         "{0}.").format(str(approvals.path.parent)),
                   details=str(exc))
        return False
    return True
