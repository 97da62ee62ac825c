"""Where the media tools appear: the main window's menus and the VM window's pages.

Kept here so the main window and the VM window each need one call
(`install_main_window_entries`, `install_vm_window_entries`) and no knowledge of the dialogs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QBoxLayout, QMenu, QPushButton, QWidget

from kvmgui.core.store import StoredVm
from kvmgui.ui.context import AppContext
from kvmgui.ui.errors import show_error
from kvmgui.ui.i18n import translate

if TYPE_CHECKING:
    from kvmgui.ui.details import VmWindow
    from kvmgui.ui.main_window import MainWindow


def _stored(ctx: AppContext, vm_id: str) -> StoredVm | None:
    return next((vm for vm in ctx.store.load_all().vms if vm.spec.id == vm_id), None)


def _keep(window: MainWindow | VmWindow, dialog: QWidget) -> QWidget:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialogs = getattr(window, "_media_dialogs", None)
    if dialogs is None:
        dialogs = []
        window._media_dialogs = dialogs
    dialogs.append(dialog)
    dialog.destroyed.connect(lambda *_: dialogs.remove(dialog) if dialog in dialogs else None)
    dialog.show()
    return dialog


# ------------------------------------------------------------------------------ openers


def open_usb_test(window: MainWindow) -> QWidget:
    from kvmgui.ui.media.usb_test import UsbTestDialog

    def console(vm_id: str) -> None:
        window.reload()
        window.select(vm_id)
        opener = getattr(window, "open_console", None)
        if callable(opener):
            opener(vm_id)
        else:
            window.open_vm_window(vm_id, "console")

    return _keep(window, UsbTestDialog(window.ctx, window, open_console=console))


def open_image_tools(window: MainWindow, image: str = "") -> QWidget:
    from kvmgui.ui.media.image_tools import ImageToolsDialog

    return _keep(window, ImageToolsDialog(window.ctx, window, image=image))


def open_clone(window: MainWindow, vm_id: str) -> QWidget | None:
    from kvmgui.ui.media.clone_dialog import CloneDialog

    stored = _stored(window.ctx, vm_id)
    if stored is None:
        return None
    dialog = CloneDialog(window.ctx, stored, window)

    def cloned(new: StoredVm) -> None:
        window.reload()
        window.select(new.spec.id)

    dialog.cloned.connect(cloned)
    return _keep(window, dialog)


def open_copy_device(window: MainWindow, vm_id: str | None) -> QWidget:
    from kvmgui.ui.media.copy_device_dialog import CopyDeviceDialog

    stored = _stored(window.ctx, vm_id) if vm_id else None
    return _keep(window, CopyDeviceDialog(window.ctx, window, stored=stored))


def open_restore(window: MainWindow) -> QWidget:
    from kvmgui.ui.media.restore import RestoreDialog

    def created(stored: StoredVm) -> None:
        window.reload()
        window.select(stored.spec.id)
        window.open_vm_window(stored.spec.id, "console")

    dialog = RestoreDialog(window.ctx, window)
    dialog.created.connect(created)
    return _keep(window, dialog)


# ------------------------------------------------------------------------------ main window


def install_main_window_entries(window: MainWindow) -> None:
    """Tools menu (image tools, restore) and Virtual machine menu (clone, copy to device)."""

    def selected_id() -> str | None:
        row = window.selected_row()
        return None if row is None or row.broken or row.throwaway else row.vm_id

    tools = QAction(translate("MediaEntries", "&Disk image tools…"), window)
    tools.setObjectName("action-image-tools")
    tools.setShortcut(QKeySequence("Ctrl+Shift+I"))
    tools.setStatusTip(
        translate("MediaEntries", "Show, convert, compress, resize or check a disk image")
    )
    tools.triggered.connect(lambda: open_image_tools(window))
    restore = QAction(translate("MediaEntries", "&Restore a backup…"), window)
    restore.setObjectName("action-restore")
    restore.setStatusTip(
        translate(
            "MediaEntries",
            "Boot a rescue disc such as Clonezilla with a new disk and "
            "your backup disk, to restore the backup into a virtual machine",
        )
    )
    restore.triggered.connect(lambda: open_restore(window))
    clone = QAction(translate("MediaEntries", "C&lone…"), window)
    clone.setObjectName("action-clone")
    clone.setShortcut(QKeySequence("Ctrl+Shift+C"))
    clone.setStatusTip(translate("MediaEntries", "Make a linked clone or a full copy"))
    clone.triggered.connect(lambda: (vm := selected_id()) and open_clone(window, vm))
    copy = QAction(translate("MediaEntries", "Copy disk to a &device…"), window)
    copy.setObjectName("action-copy-device")
    copy.setStatusTip(
        translate("MediaEntries", "Write the disk onto a USB stick, a logical volume or a file")
    )
    copy.triggered.connect(lambda: open_copy_device(window, selected_id()))

    anchor = window.vm_actions.delete
    window.vm_menu.insertAction(anchor, clone)
    window.vm_menu.insertAction(anchor, copy)
    window.vm_menu.insertSeparator(anchor)
    tools_menu = QMenu(translate("MediaEntries", "&Tools"), window)
    tools_menu.setObjectName("menu-tools")
    tools_menu.addAction(tools)
    tools_menu.addAction(restore)
    window.menuBar().insertMenu(window.help_menu.menuAction(), tools_menu)

    def refresh() -> None:
        row = window.selected_row()
        # A throwaway test VM has no disk to clone or copy.
        ok = row is not None and not row.broken and not row.throwaway
        clone.setEnabled(ok)
        copy.setEnabled(ok)

    window.selection.selectionChanged.connect(lambda *_: refresh())
    window.selection.currentChanged.connect(lambda *_: refresh())
    window.model.modelReset.connect(refresh)
    refresh()
    window.media_actions = {
        "image-tools": tools,
        "restore": restore,
        "clone": clone,
        "copy-device": copy,
    }


# ------------------------------------------------------------------------------ VM window


def install_vm_window_entries(vm_window: VmWindow) -> None:
    """The Snapshots tab (Alt+N, after the other pages) and, on the Hardware page,
    "Disk tools…" for the chosen disk."""
    from kvmgui.ui.media.snapshots_page import SnapshotsPage

    page = SnapshotsPage(vm_window.ctx, vm_window.stored, vm_window.tabs, bridge=vm_window.bridge)
    vm_window.snapshots = page
    vm_window._pages["snapshots"] = page
    vm_window.tabs.addTab(page, translate("VmWindow", "S&napshots"))
    # Alt+N like the other pages: N is this tab's position.
    shortcut = QShortcut(QKeySequence(f"Alt+{vm_window.tabs.count()}"), vm_window)
    shortcut.activated.connect(lambda: vm_window.show_page("snapshots"))
    vm_window.saved.connect(page.set_stored)

    hardware = vm_window.hardware
    button = QPushButton(translate("MediaEntries", "Dis&k tools…"), hardware)
    button.setAccessibleName(translate("MediaEntries", "Disk image tools for the selected disk"))
    button.setToolTip(
        translate("MediaEntries", "Show, convert, compress, resize or check the selected disk")
    )

    def open_tools() -> None:
        rows = sorted({i.row() for i in hardware.disks.selectedIndexes()})
        disks = hardware.stored.spec.disks
        if not rows or rows[0] >= len(disks):
            return
        image = str(hardware.stored.folder.resolve(disks[rows[0]].path))
        from kvmgui.ui.media.image_tools import ImageToolsDialog

        _keep(vm_window, ImageToolsDialog(vm_window.ctx, vm_window, image=image))

    button.clicked.connect(open_tools)
    button.setEnabled(False)
    hardware.disks.itemSelectionChanged.connect(
        lambda: button.setEnabled(bool(hardware.disks.selectedIndexes()))
    )
    # Next to "Remove selected", in the disk group's row of buttons.
    remove = hardware.remove_disk
    box = remove.parentWidget()
    layout = box.layout() if box is not None else None
    placed = False
    if layout is not None:
        for i in range(layout.count()):
            item = layout.itemAt(i)
            child = item.layout() if item is not None else None
            if isinstance(child, QBoxLayout) and child.indexOf(remove) >= 0:
                child.insertWidget(child.indexOf(remove), button)
                placed = True
                break
    if not placed and layout is not None:
        layout.addWidget(button)
    hardware.disk_tools_button = button


# ------------------------------------------------------------------------------ delete


async def base_refusal(ctx: AppContext, stored: StoredVm) -> str:
    """The runtime's sentence when `stored` is the base of linked clones, else ""."""
    from kvmgui.runtime.clones import CloneError, refuse_if_base

    try:
        await refuse_if_base(ctx.store, stored, "delete", qemu_img=ctx.settings.qemu_img_binary)
    except CloneError as exc:
        return exc.message
    return ""


def show_base_refusal(widget: QWidget, name: str, refusal: str) -> None:
    show_error(
        widget,
        translate("MediaEntries", "{0} was not deleted.").format(name),
        informative=refusal,
    )
