"""Page 1: where the system comes from — ISO file, CD/DVD drive, USB stick, disk image, nothing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QWidget,
)

from kvmgui.core.model import DiskFormat
from kvmgui.ui.i18n import core_text, translate
from kvmgui.ui.media.jobs import inspect_recorded
from kvmgui.ui.services import HostDrive, ServiceError, UnsafeImage
from kvmgui.ui.widgets import PathField, hint_label, push_button, row_widget
from kvmgui.ui.wizard.base import DraftPage
from kvmgui.ui.wizard.draft import SourceKind, guess_os
from kvmgui.ui.wizard.model import HOST_SOURCES, WizardModel

UPLOAD = "\0upload"  # the host ISO list's entry for uploading a file of this computer
ISO_FILTER = "Disc images (*.iso *.ISO *.img *.IMG);;All files (*)"
IMAGE_FILTER = "Disk images (*.qcow2 *.img *.raw *.vmdk *.vdi *.vhdx);;All files (*)"
STICK_FILTER = "USB stick images (*.img *.iso *.raw *.IMG *.ISO);;All files (*)"


class SourcePage(DraftPage):
    key = "source"

    def __init__(self, model: WizardModel) -> None:
        super().__init__(model)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setColumnMinimumWidth(0, 24)
        self.group = QButtonGroup(self)
        self.radios: dict[SourceKind, QRadioButton] = {}
        row = 0

        def radio(kind: SourceKind, text: str) -> QRadioButton:
            nonlocal row
            button = QRadioButton(text, self)
            button.setAccessibleName(text.replace("&", ""))
            self.group.addButton(button)
            self.radios[kind] = button
            grid.addWidget(button, row, 0, 1, 2)
            row += 1
            button.toggled.connect(lambda on, k=kind: self._set_source(k) if on else None)
            return button

        def detail(widget: QWidget) -> None:
            nonlocal row
            grid.addWidget(widget, row, 1)
            row += 1

        # Where the VM is made: only asked when libvirt connections were given.
        self.target = QComboBox(self)
        self.target.setAccessibleName(translate("SourcePage", "Create the virtual machine on"))
        self.target.addItem(translate("SourcePage", "This computer"), "")
        for uri in model.connections:
            self.target.addItem(uri, uri)
        self.target.currentIndexChanged.connect(self._target_changed)
        self.target_row, h = row_widget(self)
        target_label = QLabel(translate("SourcePage", "C&reate on:"), self.target_row)
        target_label.setBuddy(self.target)
        h.addWidget(target_label)
        h.addWidget(self.target, 1)
        self.target_row.setVisible(bool(model.connections))
        grid.addWidget(self.target_row, row, 0, 1, 2)
        row += 1

        radio(SourceKind.ISO, translate("SourcePage", "An &ISO image file (install or live disc)"))
        self.iso = PathField(
            translate("SourcePage", "ISO image file"),
            self,
            filters=ISO_FILTER,
            placeholder=translate("SourcePage", "/path/to/system.iso"),
        )
        self.iso.changed.connect(self._iso_changed)
        detail(self.iso)
        # On a libvirt host: the ISO images of its storage pools, or one of this computer
        # uploaded into the disk's pool.
        self.host_iso = QComboBox(self)
        self.host_iso.setAccessibleName(translate("SourcePage", "ISO image of the host"))
        self.host_iso.currentIndexChanged.connect(self._host_iso_changed)
        detail(self.host_iso)
        self.upload = PathField(
            translate("SourcePage", "ISO image file to upload"),
            self,
            filters=ISO_FILTER,
            placeholder=translate("SourcePage", "/path/to/system.iso"),
        )
        # Three file fields on this page: each Browse button needs its own Alt+letter.
        self.upload.browse.setText(translate("SourcePage", "Brows&e…"))
        self.upload.changed.connect(self._upload_changed)
        detail(self.upload)
        self._local_iso_hint = translate(
            "SourcePage",
            "Any folder works: kvmgui runs QEMU as you, so an ISO "
            "in your Downloads folder needs no extra permissions.",
        )
        self.iso_hint = hint_label(self._local_iso_hint, self)
        detail(self.iso_hint)

        radio(SourceKind.CDROM, translate("SourcePage", "A &CD or DVD in this computer's drive"))
        self.cdrom = QComboBox(self)
        self.cdrom.setAccessibleName(translate("SourcePage", "CD or DVD drive"))
        self.cdrom.currentIndexChanged.connect(self._cdrom_changed)
        self.cdrom_refresh = self._look_again(
            detail,
            self.cdrom,
            translate("SourcePage", "&Look again"),
            translate("SourcePage", "Look for CD and DVD drives again"),
        )
        self.cdrom_hint = hint_label("", self)
        detail(self.cdrom_hint)

        radio(SourceKind.USB, translate("SourcePage", "Test-boot a &USB stick"))
        self.stick = QComboBox(self)
        self.stick.setAccessibleName(translate("SourcePage", "USB stick"))
        self.stick.setEditable(True)
        self.stick.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        stick_edit = self.stick.lineEdit()
        if stick_edit is not None:
            stick_edit.setPlaceholderText(
                translate("SourcePage", "Plug in a stick, or type the path of a stick image (.img)")
            )
        self.stick.currentTextChanged.connect(self._stick_changed)
        self.stick_refresh = self._look_again(
            detail,
            self.stick,
            translate("SourcePage", "L&ook again"),
            translate("SourcePage", "Look for USB sticks again"),
        )
        self.protect = QCheckBox(
            translate(
                "SourcePage", "&Protect the stick: the guest's writes are thrown away at power-off"
            ),
            self,
        )
        self.protect.setAccessibleName(translate("SourcePage", "Protect the USB stick"))
        self.protect.toggled.connect(self._protect_changed)
        detail(self.protect)
        self.stick_hint = hint_label("", self)
        detail(self.stick_hint)

        radio(
            SourceKind.IMAGE,
            translate(
                "SourcePage", "An existing &disk image with a system on it (qcow2, raw, vmdk, vdi)"
            ),
        )
        self.image = PathField(
            translate("SourcePage", "Existing disk image"),
            self,
            filters=IMAGE_FILTER,
            placeholder=translate("SourcePage", "/path/to/disk.qcow2"),
        )
        # Both file fields are on this page: each Browse button needs its own Alt+letter.
        self.image.browse.setText(translate("SourcePage", "Brow&se…"))
        self.image.changed.connect(self._image_changed)
        detail(self.image)
        # Use the image as is, or convert it to qcow2 first (a format QEMU cannot run from
        # safely, or the user wants a copy and keeps the original).
        self.image_use = QComboBox(self)
        self.image_use.setAccessibleName(translate("SourcePage", "How to use the disk image"))
        self.image_use.addItem(
            translate("SourcePage", "Use it as is (the VM writes to this file)"), 0
        )
        self.image_use.addItem(
            translate(
                "SourcePage",
                "Convert it to qcow2 first (a copy in the VM's folder; the original is kept)",
            ),
            1,
        )
        self.image_use.currentIndexChanged.connect(self._image_use_changed)
        detail(self.image_use)
        self.image_hint = hint_label("", self)
        detail(self.image_hint)

        radio(
            SourceKind.NONE,
            translate("SourcePage", "No&thing for now (an empty CD drive; insert a disc later)"),
        )
        self.body.addLayout(grid)
        model.env_changed.connect(self._env_changed)
        self._image_task_token = 0
        self._image_refused = False  # the chosen image's bases reach outside the user's files

    # -- loading ----------------------------------------------------------------------------

    def load(self) -> None:
        d = self.model.draft
        self.target.setCurrentIndex(max(0, self.target.findData(d.target)))
        self.radios[d.source].setChecked(True)
        self.iso.set_text(d.iso_path)
        self.image.set_text(d.image_path)
        self.image_use.setCurrentIndex(1 if d.image_convert else 0)
        self.protect.setChecked(d.usb_protected)
        self._fill_drives()
        self._enable()

    def _env_changed(self) -> None:
        self._loading = True
        try:
            self.radios[self.model.draft.source].setChecked(True)
            self._fill_drives()
            self._enable()
        finally:
            self._loading = False

    def _fill_drives(self) -> None:
        d = self.model.draft
        scan = self.model.drives
        _fill(self.cdrom, scan.optical, d.cdrom_device)
        if not self.model.drives_scanned:
            self.cdrom_hint.setText(translate("SourcePage", "Looking for drives…"))
        elif scan.error:
            self.cdrom_hint.setText(scan.error)
        elif not scan.optical:
            self.cdrom_hint.setText(
                translate("SourcePage", "No CD or DVD drive was found on this computer.")
            )
        else:
            self.cdrom_hint.setText(translate("SourcePage", "The disc is read-only for the guest."))
        current = d.usb_device
        self.stick.blockSignals(True)
        self.stick.clear()
        for drive in scan.sticks:
            self.stick.addItem(
                drive.label if drive.usable else f"{drive.label} — {core_text(drive.problem)}",
                drive.path,
            )
        self.stick.setCurrentIndex(-1)
        self.stick.setEditText(self._stick_label(current))
        self.stick.blockSignals(False)
        if not self.model.drives_scanned:
            self.stick_hint.setText(translate("SourcePage", "Looking for USB sticks…"))
        elif not scan.sticks:
            self.stick_hint.setText(
                translate(
                    "SourcePage",
                    "No USB stick was found. Plug one in and choose "
                    "Look again, or type the path of a stick image.",
                )
            )
        else:
            self.stick_hint.setText(
                translate("SourcePage", "Nothing on the stick is changed while it is protected.")
            )
        if d.source is SourceKind.CDROM and not d.cdrom_device and scan.optical:
            d.cdrom_device = scan.optical[0].path
            self.changed()

    def _stick_label(self, path: str) -> str:
        for drive in self.model.drives.sticks:
            if drive.path == path:
                return drive.label
        return path

    def _fill_host_isos(self) -> None:
        d = self.model.draft
        host = self.model.host
        combo = self.host_iso
        combo.blockSignals(True)
        combo.clear()
        for volume in host.isos:
            combo.addItem(f"{volume.name} ({volume.pool})", volume.path)
        combo.addItem(translate("SourcePage", "Upload an ISO image of this computer…"), UPLOAD)
        if d.upload_iso:
            index = combo.count() - 1
        else:
            index = combo.findData(d.iso_path) if d.iso_path else -1
        combo.setCurrentIndex(index)
        combo.blockSignals(False)
        if not host.loaded:
            hint = self.model.host_reading
        elif not host.isos:
            hint = translate(
                "SourcePage",
                "No storage pool of {0} holds an ISO image: upload one, or copy one into a "
                "pool's folder on the host.",
            ).format(host.uri)
        else:
            hint = translate(
                "SourcePage",
                "The ISO images in the storage pools of {0}, or one of this computer uploaded "
                "into the disk's pool.",
            ).format(host.uri)
        self.iso_hint.setText(hint)

    def _enable(self) -> None:
        kind = self.model.draft.source
        on_host = self.model.on_host
        self.iso.setVisible(not on_host)
        self.host_iso.setVisible(on_host)
        self.upload.setVisible(on_host and self.host_iso.currentData() == UPLOAD)
        if on_host:
            self._fill_host_isos()
        else:
            self.iso_hint.setText(self._local_iso_hint)
        self.host_iso.setEnabled(kind is SourceKind.ISO)
        self.upload.setEnabled(kind is SourceKind.ISO)
        for source, radio in self.radios.items():
            radio.setEnabled(not on_host or source in HOST_SOURCES)
        self.iso.setEnabled(kind is SourceKind.ISO)
        self.cdrom.setEnabled(kind is SourceKind.CDROM and self.cdrom.count() > 0)
        self.cdrom_refresh.setEnabled(kind is SourceKind.CDROM)
        for w in (self.stick, self.stick_refresh, self.protect):
            w.setEnabled(kind is SourceKind.USB)
        self.image.setEnabled(kind is SourceKind.IMAGE)
        self.image_use.setEnabled(kind is SourceKind.IMAGE)

    # -- changes ----------------------------------------------------------------------------

    def _set_source(self, kind: SourceKind) -> None:
        if self._loading:
            return
        d = self.model.draft
        d.source = kind
        if kind is SourceKind.CDROM and not d.cdrom_device and self.model.drives.optical:
            d.cdrom_device = self.model.drives.optical[0].path
        self._enable()
        self.model.check_install_medium()
        self.changed()

    def _target_changed(self, index: int) -> None:
        if self._loading or index < 0:
            return
        self.model.set_target(str(self.target.itemData(index) or ""))
        self.changed("target")

    def _host_iso_changed(self, index: int) -> None:
        if self._loading or index < 0:
            return
        data = str(self.host_iso.itemData(index) or "")
        if data == UPLOAD:
            self.model.choose_upload(self.upload.text().strip())
            self.upload.setVisible(True)
            self.upload.setFocus()
        else:
            self.model.choose_host_iso(data)
            self.upload.setVisible(False)
            self._guess_os(self.host_iso.currentText())
        self.changed("cdrom")

    def _upload_changed(self, text: str) -> None:
        if self._loading or self.host_iso.currentData() != UPLOAD:
            return
        self.model.choose_upload(text.strip())
        self._guess_os(text)
        self.changed("cdrom")

    def _guess_os(self, name: str) -> None:
        guessed = guess_os(name)
        if guessed is not None and not self.model.os_touched and guessed is not self.model.draft.os:
            self.model.apply_os(guessed)

    def _iso_changed(self, text: str) -> None:
        if self._loading:
            return
        self.model.draft.iso_path = text
        self._guess_os(text)
        self.model.check_install_medium()
        self.changed("cdrom")

    def _cdrom_changed(self, index: int) -> None:
        if self._loading or index < 0:
            return
        self.model.draft.cdrom_device = str(self.cdrom.itemData(index) or "")
        self.changed("cdrom")

    def _stick_changed(self, text: str) -> None:
        if self._loading:
            return
        index = self.stick.findText(text)
        path = str(self.stick.itemData(index)) if index >= 0 else text.strip()
        self.model.draft.usb_device = path
        self.changed("usb_stick")

    def _protect_changed(self, on: bool) -> None:
        if self._loading:
            return
        self.model.draft.usb_protected = on
        self.changed("usb_stick")

    def _image_use_changed(self, index: int) -> None:
        if self._loading or index < 0:
            return
        self.model.draft.image_convert = bool(self.image_use.itemData(index))
        self.changed("disks")

    def _image_changed(self, text: str) -> None:
        if self._loading:
            return
        self.model.draft.image_path = text
        self.image_hint.setText("")
        self._image_refused = False
        self.changed("disks")
        if text.strip():
            self._image_task_token += 1
            self.model.spawn(self._detect_format(text.strip(), self._image_task_token))

    async def _detect_format(self, path: str, token: int) -> None:
        from pathlib import Path

        if not Path(path).is_file():
            return
        try:
            facts = await inspect_recorded(self.model.ctx, path)
        except ServiceError as exc:
            if token == self._image_task_token:
                self.image_hint.setText(core_text(exc.message))
                self._image_refused = isinstance(exc, UnsafeImage)
                self.completeChanged.emit()
            return
        if token != self._image_task_token:
            return  # the user typed another path meanwhile
        fmt = facts.format or DiskFormat.RAW
        self.model.draft.image_format = fmt
        self.image_hint.setText(
            translate("SourcePage", "Format: {0}. {1}").format(fmt.value, facts.note)
        )
        self.changed()

    def _refuses_image(self) -> bool:
        """An image whose bases are not the user's own cannot be used, nor converted."""
        return self.model.draft.source is SourceKind.IMAGE and self._image_refused

    def isComplete(self) -> bool:
        return super().isComplete() and not self._refuses_image()

    def validatePage(self) -> bool:
        return not self._refuses_image() and super().validatePage()

    def _look_again(
        self, detail: Callable[[QWidget], None], combo: QComboBox, text: str, name: str
    ) -> QPushButton:
        """`combo` with a button beside it that looks for the host's drives again."""
        button = push_button(text, self, name=name, clicked=self._rescan)
        detail(_pair(self, combo, button))
        return button

    def _rescan(self) -> None:
        self.cdrom_hint.setText(translate("SourcePage", "Looking for drives…"))
        self.stick_hint.setText(translate("SourcePage", "Looking for USB sticks…"))
        self.model.spawn(self.model.rescan_drives())


def _pair(parent: QWidget, main: QWidget, side: QWidget) -> QWidget:
    box, h = row_widget(parent)
    h.addWidget(main, 1)
    h.addWidget(side)
    return box


def _fill(combo: QComboBox, drives: list[HostDrive], current: str) -> None:
    combo.blockSignals(True)
    combo.clear()
    for drive in drives:
        label = drive.label if drive.usable else f"{drive.label} — {core_text(drive.problem)}"
        combo.addItem(label, drive.path)
    index = combo.findData(current)
    combo.setCurrentIndex(index if index >= 0 else (0 if drives else -1))
    combo.blockSignals(False)
