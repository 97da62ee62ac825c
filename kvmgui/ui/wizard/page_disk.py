"""Page 4: the hard disk — a new one (with the free space where it goes), an existing one, or
none for live media."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from kvmgui.core.model import DiskFormat
from kvmgui.ui.i18n import core_text, format_size, translate
from kvmgui.ui.media.jobs import inspect_recorded
from kvmgui.ui.services import ServiceError
from kvmgui.ui.widgets import PathField, hint_label, row_widget
from kvmgui.ui.wizard.base import DraftPage, accept_any_count
from kvmgui.ui.wizard.draft import NEW_DISK_FILE, DiskChoice, SourceKind
from kvmgui.ui.wizard.model import WizardModel
from kvmgui.ui.wizard.page_source import IMAGE_FILTER


class DiskPage(DraftPage):
    key = "disk"

    def __init__(self, model: WizardModel) -> None:
        super().__init__(model)
        self.image_note = hint_label("", self)
        self.add(self.image_note)
        self.choices = QWidget(self)
        grid = QGridLayout(self.choices)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnMinimumWidth(0, 24)
        grid.setColumnStretch(1, 1)
        self.group = QButtonGroup(self)
        self.radios: dict[DiskChoice, QRadioButton] = {}

        def radio(choice: DiskChoice, text: str, row: int) -> None:
            button = QRadioButton(text, self.choices)
            button.setAccessibleName(text.replace("&", ""))
            self.group.addButton(button)
            self.radios[choice] = button
            grid.addWidget(button, row, 0, 1, 2)
            button.toggled.connect(lambda on, c=choice: self._set_choice(c) if on else None)

        radio(DiskChoice.NEW, translate("DiskPage", "&Create a new disk"), 0)
        size_row, h = row_widget(self.choices)
        self.size_label = QLabel(translate("DiskPage", "&Size:"), size_row)
        self.size_spin = QSpinBox(size_row)
        accept_any_count(self.size_spin)  # 0 or too large: validation says why
        self.size_spin.setSuffix(translate("DiskPage", " GiB"))
        self.size_spin.setAccessibleName(translate("DiskPage", "Disk size in GiB"))
        self.size_label.setBuddy(self.size_spin)
        self.size_spin.valueChanged.connect(lambda value: self.set_kept("disk_gib", value, "disks"))
        h.addWidget(self.size_label)
        h.addWidget(self.size_spin)
        h.addStretch(1)
        grid.addWidget(size_row, 1, 1)
        self.free = hint_label("", self.choices)
        self.free.setAccessibleName(translate("DiskPage", "Free space"))
        grid.addWidget(self.free, 2, 1)

        radio(DiskChoice.EXISTING, translate("DiskPage", "Use an &existing disk image"), 3)
        self.existing = PathField(
            translate("DiskPage", "Existing disk image"),
            self.choices,
            filters=IMAGE_FILTER,
            placeholder=translate("DiskPage", "/path/to/disk.qcow2"),
        )
        self.existing.changed.connect(self._existing_changed)
        grid.addWidget(self.existing, 4, 1)
        fmt_row, h = row_widget(self.choices)
        fmt_label = QLabel(translate("DiskPage", "&Format:"), fmt_row)
        self.format = QComboBox(fmt_row)
        self.format.setAccessibleName(translate("DiskPage", "Disk image format"))
        for fmt in DiskFormat:
            self.format.addItem(fmt.value, fmt.value)
        fmt_label.setBuddy(self.format)
        self.format.currentIndexChanged.connect(self._format_changed)
        h.addWidget(fmt_label)
        h.addWidget(self.format)
        h.addStretch(1)
        grid.addWidget(fmt_row, 5, 1)
        self.existing_hint = hint_label("", self.choices)
        grid.addWidget(self.existing_hint, 6, 1)

        radio(
            DiskChoice.NONE,
            translate("DiskPage", "N&o disk (run the live CD or USB stick only)"),
            7,
        )
        self.none_hint = hint_label("", self.choices)
        grid.addWidget(self.none_hint, 8, 1)
        # On a libvirt host: the storage pool the new disk becomes a volume of.
        self.pool_row, h = row_widget(self)
        pool_label = QLabel(translate("DiskPage", "Storage &pool:"), self.pool_row)
        self.pool = QComboBox(self.pool_row)
        self.pool.setAccessibleName(translate("DiskPage", "Storage pool of the host"))
        pool_label.setBuddy(self.pool)
        self.pool.currentIndexChanged.connect(self._pool_changed)
        h.addWidget(pool_label)
        h.addWidget(self.pool, 1)
        self.pool_row.setVisible(False)
        self.add(self.pool_row)
        self.add(self.choices)
        model.env_changed.connect(self._env_changed)
        self._token = 0

    def load(self) -> None:
        d = self.model.draft
        from_image = d.source is SourceKind.IMAGE
        self.choices.setVisible(not from_image)
        self.image_note.setVisible(from_image)
        if from_image and d.image_convert:
            self.image_note.setText(
                translate(
                    "DiskPage",
                    "The virtual machine starts from the disk image you chose: {0} ({1}). "
                    "It is converted to a new qcow2 disk in the VM's folder when you "
                    "create the VM; the original is not changed.",
                ).format(d.image_path, d.image_format.value)
            )
        elif from_image:
            self.image_note.setText(
                translate(
                    "DiskPage",
                    "The virtual machine starts from the disk image you "
                    "chose: {0} ({1}). It is used where it is, not copied.",
                ).format(d.image_path, d.image_format.value)
            )
        if d.disk is DiskChoice.NONE and not d.boots_from_media:
            d.disk = DiskChoice.NEW
        self.radios[d.disk].setChecked(True)
        self.size_spin.setValue(d.disk_gib)
        self.existing.set_text(d.disk_path)
        self.format.setCurrentIndex(self.format.findData(d.disk_format.value))
        self.radios[DiskChoice.NONE].setEnabled(d.boots_from_media)
        # A VM on a libvirt host gets new disks only: this computer's images are not there.
        self.radios[DiskChoice.EXISTING].setEnabled(not self.model.on_host)
        self.pool_row.setVisible(self.model.on_host)
        self._fill_pools()
        self.none_hint.setText(
            translate(
                "DiskPage",
                "A live system runs from its CD or stick; nothing is saved between runs.",
            )
            if d.boots_from_media
            else translate(
                "DiskPage", "Only possible when the VM starts from a CD, DVD or USB stick."
            )
        )
        self._enable()
        self._show_free()

    def _enable(self) -> None:
        choice = self.model.draft.disk
        self.size_spin.setEnabled(choice is DiskChoice.NEW)
        self.size_label.setEnabled(choice is DiskChoice.NEW)
        self.existing.setEnabled(choice is DiskChoice.EXISTING)
        self.format.setEnabled(choice is DiskChoice.EXISTING)

    def _fill_pools(self) -> None:
        host = self.model.host
        self.pool.blockSignals(True)
        self.pool.clear()
        for pool in host.pools:
            if pool.active:
                self.pool.addItem(
                    translate("DiskPage", "{0} ({1} free)").format(
                        pool.name, format_size(pool.available_bytes)),
                    pool.name,
                )
        self.pool.setCurrentIndex(self.pool.findData(self.model.draft.pool))
        self.pool.blockSignals(False)

    def _pool_changed(self, index: int) -> None:
        if self._loading or index < 0:
            return
        self.model.draft.pool = str(self.pool.itemData(index))
        self._show_free()
        self.changed("pool", "disks")

    def _env_changed(self) -> None:
        if self.model.on_host:
            self._fill_pools()
        self._show_free()

    def _show_free(self) -> None:
        if self.model.on_host:
            self._show_pool_free()
            return
        folder = self.model.ctx.vm_root
        where = folder / (self.model.draft.name or translate("DiskPage", "<name>")) / NEW_DISK_FILE
        if self.model.free_bytes is not None:
            text = translate("DiskPage", "{0} free in {1}.").format(
                format_size(self.model.free_bytes), folder
            )
        elif self.model.free_error:
            text = translate("DiskPage", "The free space in {0} could not be measured: {1}").format(
                folder, self.model.free_error
            )
        else:
            text = translate("DiskPage", "Measuring the free space in {0}…").format(folder)
        self.free.setText(
            text
            + " "
            + translate(
                "DiskPage",
                "The image ({0}) starts small and grows as the guest writes, up to this size.",
            ).format(where.name)
        )

    def _show_pool_free(self) -> None:
        host = self.model.host
        pool = host.pool(self.model.draft.pool)
        if pool is not None:
            text = translate("DiskPage", "{0} free in the storage pool {1} of {2}.").format(
                format_size(pool.available_bytes), pool.name, host.uri)
        elif not host.loaded:
            text = self.model.host_reading
        else:
            text = ""
        self.free.setText(text)

    def _set_choice(self, choice: DiskChoice) -> None:
        if self._loading:
            return
        self.model.draft.disk = choice
        self._enable()
        self.changed()

    def _format_changed(self, index: int) -> None:
        if self._loading or index < 0:
            return
        self.model.draft.disk_format = DiskFormat(str(self.format.itemData(index)))
        self.changed("disks")

    def _existing_changed(self, text: str) -> None:
        if self._loading:
            return
        self.model.draft.disk_path = text
        self.existing_hint.setText("")
        self.changed("disks")
        if text.strip() and Path(text.strip()).is_file():
            self._token += 1
            self.model.spawn(self._detect(text.strip(), self._token))

    async def _detect(self, path: str, token: int) -> None:
        try:
            facts = await inspect_recorded(self.model.ctx, path)
        except ServiceError as exc:
            if token == self._token:
                self.existing_hint.setText(core_text(exc.message))
            return
        if token != self._token or facts.format is None:
            return
        size = f", {format_size(facts.virtual_size)}" if facts.virtual_size else ""
        self.existing_hint.setText(
            translate("DiskPage", "Detected: {0}{1}. {2}").format(
                facts.format.value, size, facts.note
            )
        )
        self.format.setCurrentIndex(self.format.findData(facts.format.value))
