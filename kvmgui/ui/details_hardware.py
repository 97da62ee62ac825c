"""The VM window's Hardware page: memory, CPUs, disks, the CD drive (changed live while the VM
runs), the device it starts from, network card, sound, USB tablet and screen, and what is
shared with the guest (the clipboard, folders, USB devices of this computer attached at
once: ui/sharing_*.py).

Edits build a new VmSpec, validated live by core.validation; Apply saves it through the
store. While the VM runs, the page says which changes wait for the next start; changing the
CD is the one change applied at once (over QMP, through the runtime).
"""

from __future__ import annotations

import asyncio
import os
from dataclasses import replace
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core.boot import boot_summary, choose_boot_order, installing
from kvmgui.core.keyboard import layout_name
from kvmgui.core.model import (
    BootDevice,
    CacheMode,
    Cdrom,
    CdromSource,
    Disk,
    DiskBus,
    DiskFormat,
    Display,
    DisplayKind,
    KeyboardLayout,
    NetMode,
    NicModel,
    VideoModel,
    VmSpec,
)
from kvmgui.core.problems import Problem
from kvmgui.core.restart import restart_note
from kvmgui.core.store import StoredVm, StoreError
from kvmgui.core.validation import has_errors, validate_spec
from kvmgui.runtime.state import VmState
from kvmgui.ui.context import AppContext
from kvmgui.ui.errors import show_error, show_failed
from kvmgui.ui.i18n import core_text, format_size, translate
from kvmgui.ui.media.jobs import inspect_recorded
from kvmgui.ui.services import ServiceError
from kvmgui.ui.sharing_clipboard import ClipboardSharing
from kvmgui.ui.sharing_folders import SharedFolders
from kvmgui.ui.sharing_usb import UsbSharing
from kvmgui.ui.widgets import (
    Action,
    PathField,
    ProblemList,
    action_buttons,
    action_row,
    choice_combo,
    cpu_box,
    hint_label,
    memory_box,
)
from kvmgui.ui.wizard.page_source import IMAGE_FILTER, ISO_FILTER

# The "Start from" choice that keeps a new VM's install phase (core.boot).
INSTALL_CHOICE = "install"
_BOOT_CHOICES = (BootDevice.DISK, BootDevice.CDROM, BootDevice.USB)


def boot_choice(spec: VmSpec) -> str:
    """The "Start from" item that describes `spec`."""
    if installing(spec):
        return INSTALL_CHOICE
    present = {
        BootDevice.DISK: bool(spec.disks),
        BootDevice.CDROM: spec.cdrom is not None,
        BootDevice.USB: spec.usb_stick is not None,
    }
    first = next((d for d in spec.boot_order if present[d]), None)
    return (first or (spec.boot_order[0] if spec.boot_order else BootDevice.DISK)).value


class HardwarePage(QWidget):
    saved = Signal(object)  # the new StoredVm
    disk_tools_requested = Signal(str)  # the chosen disk's image file (the window opens them)

    def __init__(self, ctx: AppContext, stored: StoredVm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stored = stored
        self.state = VmState.STOPPED
        self._loading = False
        self.tasks: set[asyncio.Task[object]] = set()
        outer = QVBoxLayout(self)
        self.scroll_area = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(scroll)
        layout = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        basics = QGroupBox(translate("HardwarePage", "Processor and memory"), body)
        form = QFormLayout(basics)
        self.memory = memory_box(basics, translate("HardwarePage", "Memory in MiB"))
        form.addRow(translate("HardwarePage", "&Memory:"), self.memory)
        self.cpus = cpu_box(basics, translate("HardwarePage", "Number of CPUs"))
        form.addRow(translate("HardwarePage", "C&PUs:"), self.cpus)
        layout.addWidget(basics)

        disks = QGroupBox(translate("HardwarePage", "Disks"), body)
        v = QVBoxLayout(disks)
        self.disks = QTableWidget(0, 4, disks)
        self.disks.setAccessibleName(translate("HardwarePage", "Disks"))
        self.disks.setHorizontalHeaderLabels(
            [
                translate("HardwarePage", "Image"),
                translate("HardwarePage", "Format"),
                translate("HardwarePage", "Bus"),
                translate("HardwarePage", "Cache"),
            ]
        )
        self.disks.verticalHeader().setVisible(False)
        header = self.disks.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.disks.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        v.addWidget(self.disks)
        buttons = QHBoxLayout()
        self.add_disk = PathField(
            translate("HardwarePage", "Disk image to add"),
            disks,
            filters=IMAGE_FILTER,
            placeholder=translate("HardwarePage", "Add an existing image: type or browse"),
        )
        self.add_disk_button, self.remove_disk, self.disk_tools = action_buttons(
            disks,
            # No Alt+letter: Alt+A is "Apply changes", which a user expects it to be.
            Action(
                translate("HardwarePage", "Add"),
                translate("HardwarePage", "Add the disk image"),
                self._add_disk,
            ),
            Action(
                translate("HardwarePage", "&Remove selected"),
                translate("HardwarePage", "Remove the selected disk from the VM"),
                self._remove_disk,
                tip=translate("HardwarePage", "The image file itself is kept."),
            ),
            Action(
                translate("HardwarePage", "Dis&k tools…"),
                translate("HardwarePage", "Disk image tools for the selected disk"),
                self._open_disk_tools,
                tip=translate(
                    "HardwarePage", "Show, convert, compress, resize or check the selected disk"
                ),
            ),
        )
        buttons.addWidget(self.add_disk, 1)
        buttons.addWidget(self.add_disk_button)
        buttons.addWidget(self.disk_tools)
        buttons.addWidget(self.remove_disk)
        v.addLayout(buttons)
        layout.addWidget(disks)

        cd = QGroupBox(translate("HardwarePage", "CD/DVD drive"), body)
        form = QFormLayout(cd)
        self.has_cd = QCheckBox(translate("HardwarePage", "The VM has a CD/DVD drive"), cd)
        self.has_cd.setAccessibleName(self.has_cd.text())
        form.addRow(self.has_cd)
        self.cd_path = PathField(
            translate("HardwarePage", "Disc image in the drive"),
            cd,
            filters=ISO_FILTER,
            placeholder=translate("HardwarePage", "empty"),
        )
        form.addRow(translate("HardwarePage", "&Disc:"), self.cd_path)
        cd_buttons, (self.insert, self.eject) = action_row(
            cd,
            Action(
                translate("HardwarePage", "&Insert now"),
                translate("HardwarePage", "Insert the disc image into the running VM"),
                self._insert,
            ),
            Action(
                translate("HardwarePage", "E&ject"),
                translate("HardwarePage", "Eject the disc"),
                self._eject,
            ),
        )
        form.addRow("", cd_buttons)
        self.cd_hint = hint_label("", cd)
        form.addRow("", self.cd_hint)
        layout.addWidget(cd)

        startup = QGroupBox(translate("HardwarePage", "Start-up"), body)
        form = QFormLayout(startup)
        self.boot = choice_combo(startup, translate("HardwarePage", "Start from"), [])
        form.addRow(translate("HardwarePage", "Start &from:"), self.boot)
        self.boot_hint = hint_label("", startup)
        form.addRow("", self.boot_hint)
        layout.addWidget(startup)

        devices = QGroupBox(translate("HardwarePage", "Devices"), body)
        form = QFormLayout(devices)
        self.nic = choice_combo(
            devices,
            translate("HardwarePage", "Network card"),
            [
                (
                    translate("HardwarePage", "virtio (fast; Linux, BSD, Windows with drivers)"),
                    NicModel.VIRTIO.value,
                ),
                (translate("HardwarePage", "Intel e1000 (works everywhere)"), NicModel.E1000.value),
                (
                    translate("HardwarePage", "Realtek RTL8139 (old systems)"),
                    NicModel.RTL8139.value,
                ),
                (translate("HardwarePage", "No network"), "none"),
            ],
        )
        form.addRow(translate("HardwarePage", "&Network card:"), self.nic)
        self.sound = QCheckBox(translate("HardwarePage", "&Sound card"), devices)
        self.sound.setAccessibleName(translate("HardwarePage", "Sound card"))
        form.addRow(self.sound)
        self.tablet = QCheckBox(
            translate("HardwarePage", "USB &tablet (pointer without grabbing)"), devices
        )
        self.tablet.setAccessibleName(translate("HardwarePage", "USB tablet"))
        form.addRow(self.tablet)
        self.display = choice_combo(
            devices,
            translate("HardwarePage", "Screen"),
            [
                (translate("HardwarePage", "VNC (shown inside kvmgui)"), DisplayKind.VNC.value),
                (translate("HardwarePage", "SPICE (remote-viewer)"), DisplayKind.SPICE.value),
                (translate("HardwarePage", "None"), DisplayKind.NONE.value),
            ],
        )
        form.addRow(translate("HardwarePage", "Scr&een:"), self.display)
        self.video = choice_combo(
            devices,
            translate("HardwarePage", "Video card"),
            [(m.value, m.value) for m in VideoModel],
        )
        form.addRow(translate("HardwarePage", "&Video card:"), self.video)
        # Not hardware QEMU emulates: the layout the guest's system is set to, which says
        # which keys typing a text into it needs (Paste as Keystrokes). Changed at once.
        self.keyboard_layout = choice_combo(
            devices,
            translate("HardwarePage", "Keyboard layout"),
            [(core_text(layout_name(k)), k.value) for k in KeyboardLayout],
        )
        self.keyboard_layout.setToolTip(
            translate(
                "HardwarePage",
                "The keyboard layout the guest's system uses; Paste as Keystrokes types for it",
            )
        )
        form.addRow(translate("HardwarePage", "Keyboard layo&ut:"), self.keyboard_layout)
        layout.addWidget(devices)
        self.sharing_box = sharing = QGroupBox(translate("HardwarePage", "Sharing"), body)
        self.sharing_form = QFormLayout(sharing)
        self.clipboard = ClipboardSharing(sharing)
        self.sharing_form.addRow(self.clipboard)
        self.sharing = SharedFolders(ctx.host_facts, sharing)
        self.sharing.changed.connect(self.revalidate)
        self.sharing_form.addRow(self.sharing)
        self.usb_devices = UsbSharing(ctx, stored, sharing)
        self.usb_devices.saved.connect(self._shared)
        # No letter of its own: the page has none left in French; Tab reaches the list.
        usb_title = QLabel(translate("HardwarePage", "USB devices of this computer:"), sharing)
        self.sharing_form.addRow(usb_title)
        self.sharing_form.addRow(self.usb_devices)
        layout.addWidget(sharing)
        layout.addStretch(1)

        self.restart_note = hint_label("", self)
        outer.addWidget(self.restart_note)
        self.problems = ProblemList(self)
        outer.addWidget(self.problems)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Reset, self
        )
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setText(translate("HardwarePage", "&Apply changes"))
        self.apply_button.setAccessibleName(translate("HardwarePage", "Apply changes"))
        self.apply_button.clicked.connect(self.apply)
        self.reset_button = self.buttons.button(QDialogButtonBox.StandardButton.Reset)
        self.reset_button.setText(translate("HardwarePage", "Re&vert"))
        self.reset_button.setAccessibleName(translate("HardwarePage", "Revert changes"))
        self.reset_button.clicked.connect(lambda: self.load(self.stored))
        outer.addWidget(self.buttons)

        for spin in (self.memory, self.cpus):
            spin.valueChanged.connect(self.revalidate)
        for check in (self.sound, self.tablet, self.has_cd):
            check.toggled.connect(self.revalidate)
        for combo in (self.nic, self.display, self.video, self.keyboard_layout, self.boot):
            combo.currentIndexChanged.connect(self.revalidate)
        self.cd_path.changed.connect(self.revalidate)
        self.clipboard.changed.connect(self.revalidate)
        self.display.currentIndexChanged.connect(
            lambda: self.clipboard.set_display(DisplayKind(str(self.display.currentData())))
        )
        self.disks.itemSelectionChanged.connect(self._enable)
        self._disks: list[Disk] = []
        self.load(stored)
        # A control reached by its Alt+letter (or given focus any other way than Tab) scrolls
        # into view too: the scroll area only follows Tab on its own.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        body = self.scroll_area.widget()
        if new is not None and body is not None and body.isAncestorOf(new):
            self.scroll_area.ensureWidgetVisible(new)

    def show_sharing(self) -> None:
        """Scroll the page down to the Sharing group (the page is longer than most screens)."""
        self.scroll_area.ensureWidgetVisible(self.sharing_box, 0, 0)

    # -- loading ----------------------------------------------------------------------------

    def load(self, stored: StoredVm) -> None:
        self.stored = stored
        self.usb_devices.set_stored(stored)
        spec = stored.spec
        self._loading = True
        try:
            self.memory.setValue(spec.memory_mib)
            self.cpus.setValue(spec.cpus)
            self._disks = list(spec.disks)
            self._fill_disks()
            self.has_cd.setChecked(spec.cdrom is not None)
            self.cd_path.set_text(spec.cdrom.path or "" if spec.cdrom else "")
            nic = "none" if spec.network.mode is NetMode.NONE else spec.network.nic.value
            self.nic.setCurrentIndex(self.nic.findData(nic))
            self.sound.setChecked(spec.sound)
            self.tablet.setChecked(spec.usb)
            self.display.setCurrentIndex(self.display.findData(spec.display.kind.value))
            self.video.setCurrentIndex(self.video.findData(spec.display.video.value))
            self.keyboard_layout.setCurrentIndex(
                self.keyboard_layout.findData(spec.keyboard_layout.value)
            )
            self._fill_boot(spec)
            self.clipboard.load(spec)
            self.sharing.set_spec(spec)
        finally:
            self._loading = False
        self.revalidate()

    def _fill_boot(self, spec: VmSpec) -> None:
        """The "Start from" items: the install phase (only while the VM is in it), then each
        device; the one describing `spec` selected."""
        self.boot.clear()
        if installing(spec):
            self.boot.addItem(
                translate("HardwarePage", "The CD/DVD for the installation, then the disk"),
                INSTALL_CHOICE,
            )
        labels = {
            BootDevice.DISK: translate("HardwarePage", "The disk first"),
            BootDevice.CDROM: translate("HardwarePage", "The CD/DVD first"),
            BootDevice.USB: translate("HardwarePage", "The USB stick first"),
        }
        for device in _BOOT_CHOICES:
            if device is not BootDevice.USB or spec.usb_stick is not None:
                self.boot.addItem(labels[device], device.value)
        self.boot.setCurrentIndex(max(0, self.boot.findData(boot_choice(spec))))

    def _fit_disk_table(self) -> None:
        """As tall as its rows (two to five), so no empty block sits in the page."""
        rows = min(max(len(self._disks), 2), 5)
        header = self.disks.horizontalHeader().sizeHint().height()
        row = self.disks.verticalHeader().defaultSectionSize()
        self.disks.setFixedHeight(header + rows * row + 2 * self.disks.frameWidth() + 2)

    def _fill_disks(self) -> None:
        self.disks.setRowCount(0)
        for i, disk in enumerate(self._disks):
            self.disks.insertRow(i)
            path = self.stored.folder.resolve(disk.path)
            extra = f" ({format_size(disk.size_bytes)})" if disk.size_bytes else ""
            self._text_cell(i, 0, f"{path}{extra}", tip=str(path))
            self._text_cell(i, 1, disk.format.value)
            self._choice_cell(
                i, 2, translate("HardwarePage", "Bus of disk {0}").format(i + 1), disk.bus
            )
            self._choice_cell(
                i, 3, translate("HardwarePage", "Cache of disk {0}").format(i + 1), disk.cache
            )
        self._fit_disk_table()

    def _text_cell(self, row: int, column: int, text: str, *, tip: str = "") -> None:
        item = QTableWidgetItem(text)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        if tip:
            item.setToolTip(tip)
        self.disks.setItem(row, column, item)

    def _choice_cell(self, row: int, column: int, name: str, current: StrEnum) -> None:
        """A drop-down list of every value of `current`'s kind (a disk's bus or cache)."""
        combo = choice_combo(self.disks, name, [(c.value, c.value) for c in type(current)])
        combo.setCurrentIndex(combo.findData(current.value))
        combo.currentIndexChanged.connect(lambda _i: self._disk_changed(row))
        self.disks.setCellWidget(row, column, combo)

    def _disk_changed(self, row: int) -> None:
        bus = self.disks.cellWidget(row, 2)
        cache = self.disks.cellWidget(row, 3)
        if isinstance(bus, QComboBox) and isinstance(cache, QComboBox):
            self._disks[row] = replace(
                self._disks[row],
                bus=DiskBus(str(bus.currentData())),
                cache=CacheMode(str(cache.currentData())),
            )
        self.revalidate()

    def _add_disk(self) -> None:
        text = self.add_disk.text().strip()
        if not text:
            self.add_disk.open_dialog()
            return
        task = asyncio.ensure_future(self._add_disk_async(text))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _add_disk_async(self, path: str) -> None:
        full = os.path.abspath(os.path.expanduser(path))
        fmt = DiskFormat.RAW
        try:
            facts = await inspect_recorded(self.ctx, full)
            fmt = facts.format or DiskFormat.RAW
        except ServiceError as exc:
            show_error(
                self,
                translate("HardwarePage", "The disk image cannot be added."),
                informative=exc.message,
                details=exc.details,
            )
            return
        bus = self._disks[0].bus if self._disks else DiskBus.VIRTIO
        self._disks.append(Disk(path=full, format=fmt, bus=bus))
        self.add_disk.set_text("")
        self._fill_disks()
        self.revalidate()

    def _remove_disk(self) -> None:
        rows = sorted({i.row() for i in self.disks.selectedIndexes()}, reverse=True)
        for row in rows:
            del self._disks[row]
        self._fill_disks()
        self.revalidate()

    def _open_disk_tools(self) -> None:
        rows = sorted({i.row() for i in self.disks.selectedIndexes()})
        if rows and rows[0] < len(self._disks):
            image = self.stored.folder.resolve(self._disks[rows[0]].path)
            self.disk_tools_requested.emit(str(image))

    # -- state ------------------------------------------------------------------------------

    def set_state(self, state: VmState) -> None:
        self.state = state
        self.usb_devices.set_state(state)
        # A start may have ended the install phase and saved the definition (the runtime does
        # that): show the stored file, unless the form holds edits of its own (Apply then
        # reports the newer file).
        if self.stored.spec.install_phase and self.edited_spec() == self.stored.spec:
            try:
                newer = self.ctx.store.find(self.stored.spec.id)
            except StoreError:
                newer = None
            if (
                newer is not None
                and newer.digest != self.stored.digest
                and not newer.spec.install_phase
            ):
                self.load(newer)
                self.saved.emit(newer)
                return
        self.revalidate()

    def _shared(self, stored: StoredVm) -> None:
        """A device was shared or no longer is (saved at once): the form's edits stay."""
        self.stored = stored
        self.saved.emit(stored)
        self.revalidate()

    def edited_spec(self) -> VmSpec:
        spec = self.stored.spec
        nic = str(self.nic.currentData())
        network = (
            replace(spec.network, mode=NetMode.NONE)
            if nic == "none"
            else replace(spec.network, mode=NetMode.USER, nic=NicModel(nic))
        )
        cdrom: Cdrom | None = None
        if self.has_cd.isChecked():
            path = self.cd_path.text().strip()
            old = spec.cdrom
            if old is not None and old.source is CdromSource.HOST and path == (old.path or ""):
                cdrom = old
            elif path:
                cdrom = Cdrom(CdromSource.ISO, path)
            else:
                cdrom = Cdrom(CdromSource.EMPTY)
        edited = replace(
            spec,
            memory_mib=self.memory.value(),
            cpus=self.cpus.value(),
            disks=tuple(self._disks),
            cdrom=cdrom,
            network=network,
            sound=self.sound.isChecked(),
            usb=self.tablet.isChecked(),
            display=Display(
                kind=DisplayKind(str(self.display.currentData())),
                video=VideoModel(str(self.video.currentData())),
                password=spec.display.password,
            ),
            shares=self.sharing.shares(),
            keyboard_layout=KeyboardLayout(str(self.keyboard_layout.currentData())),
        )
        edited = self.clipboard.apply(edited)
        choice = str(self.boot.currentData())
        if choice != boot_choice(spec) and choice != INSTALL_CHOICE:
            first = BootDevice(choice)
            edited = choose_boot_order(
                edited, (first, *(d for d in _BOOT_CHOICES if d is not first))
            )
        return edited

    def current_problems(self) -> list[Problem]:
        names = [
            vm.spec.name
            for vm in self.ctx.store.load_all().vms
            if vm.spec.id != self.stored.spec.id
        ]
        return validate_spec(
            self.edited_spec(),
            self.ctx.host_facts,
            existing_names=names,
            folder=self.stored.folder,
            check_files=True,
        )

    def revalidate(self) -> None:
        if self._loading:
            return
        new = self.edited_spec()
        changed = new != self.stored.spec
        problems = self.current_problems() if self.ctx.host_report is not None else []
        self.problems.set_problems(problems)
        self.apply_button.setEnabled(changed and not has_errors(problems))
        self.reset_button.setEnabled(changed)
        # Which changes wait for the restart is core.restart's answer, as for kvmgui-cli edit.
        waiting = restart_note(self.stored.spec, new) if self.state.is_active else None
        if waiting is not None:
            self.restart_note.setText(core_text(waiting))
        elif self.state.is_active:
            self.restart_note.setText(
                translate(
                    "HardwarePage",
                    "The VM is running. Changing the disc takes "
                    "effect at once with Insert now or Eject; other "
                    "changes wait for the next start.",
                )
            )
        else:
            self.restart_note.setText("")
        self.boot_hint.setText(core_text(boot_summary(new)))
        self._enable()

    def _enable(self) -> None:
        running = self.state in (VmState.RUNNING, VmState.PAUSED)
        has_cd = self.has_cd.isChecked() and self.stored.spec.cdrom is not None
        self.insert.setEnabled(running and has_cd and bool(self.cd_path.text().strip()))
        self.eject.setEnabled(has_cd and (running or bool(self.cd_path.text().strip())))
        self.cd_path.setEnabled(self.has_cd.isChecked())
        self.remove_disk.setEnabled(bool(self.disks.selectedIndexes()))
        self.disk_tools.setEnabled(bool(self.disks.selectedIndexes()))
        if running:
            self.cd_hint.setText(
                translate(
                    "HardwarePage",
                    "Insert now and Eject act on the running VM at once "
                    "and are remembered for the next start.",
                )
            )
        else:
            self.cd_hint.setText(translate("HardwarePage", "The disc is used at the next start."))

    # -- saving -----------------------------------------------------------------------------

    def saved_elsewhere(self, stored: StoredVm) -> None:
        """The console's tool bar saved clipboard sharing: take it, keep the other edits."""
        self.stored = stored
        self.clipboard.check.setChecked(stored.spec.clipboard)
        self.revalidate()

    def apply(self) -> bool:
        problems = self.current_problems()
        if has_errors(problems):
            self.problems.set_problems(problems)
            return False
        try:
            stored = self.ctx.store.save(replace(self.stored, spec=self.edited_spec()))
        except StoreError as exc:
            show_error(
                self,
                translate("HardwarePage", "The changes could not be saved."),
                informative=str(exc),
            )
            return False
        self.stored = stored
        self.usb_devices.set_stored(stored)
        self._loading = True
        try:
            self._fill_boot(stored.spec)  # an ended install phase is no longer offered
        finally:
            self._loading = False
        self.saved.emit(stored)
        self.revalidate()
        return True

    def _insert(self) -> None:
        path = self.cd_path.text().strip()
        task = asyncio.ensure_future(self._change_cd(path))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    def _eject(self) -> None:
        if self.state not in (VmState.RUNNING, VmState.PAUSED):
            self.cd_path.set_text("")
            return
        task = asyncio.ensure_future(self._change_cd(None))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _change_cd(self, path: str | None) -> bool:
        controller = self.ctx.controller(self.stored.spec.id)
        if controller is None:
            show_error(
                self,
                translate("HardwarePage", "The disc could not be changed."),
                informative=translate(
                    "HardwarePage",
                    "kvmgui's runtime does not know this virtual "
                    "machine; close this window and open it again.",
                ),
            )
            return False
        outcome = await (controller.change_cd(Path(path)) if path else controller.eject())
        if not outcome.ok:
            show_failed(self, translate("HardwarePage", "The disc could not be changed."), outcome)
            return False
        # Remember it for the next start too.
        spec = self.stored.spec
        cd = Cdrom(CdromSource.ISO, path) if path else Cdrom(CdromSource.EMPTY)
        try:
            self.stored = self.ctx.store.save(replace(self.stored, spec=replace(spec, cdrom=cd)))
        except StoreError as exc:
            show_error(
                self,
                translate(
                    "HardwarePage", "The disc was changed, but not remembered for the next start."
                ),
                informative=str(exc),
            )
            return True
        self.cd_path.set_text(path or "")
        self.saved.emit(self.stored)
        self.revalidate()
        return True
