"""Page 2: the kind of system, which picks tested defaults (core.presets)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from kvmgui.core.model import DiskBus, NicModel, OsPreset
from kvmgui.core.presets import PRESETS
from kvmgui.ui.i18n import core_text, translate
from kvmgui.ui.icons import os_icon
from kvmgui.ui.widgets import heading_label, hint_label
from kvmgui.ui.wizard.base import DraftPage
from kvmgui.ui.wizard.draft import SourceKind, guess_os
from kvmgui.ui.wizard.model import WizardModel


class OsPage(DraftPage):
    key = "os"

    def __init__(self, model: WizardModel) -> None:
        super().__init__(model)
        self.list = QListWidget(self)
        self.list.setAccessibleName(translate("OsPage", "System type"))
        self.list.setIconSize(QSize(32, 32))
        self.list.setUniformItemSizes(True)
        for os in OsPreset:
            item = QListWidgetItem(os_icon(os), core_text(PRESETS[os].label))
            item.setData(Qt.ItemDataRole.UserRole, os.value)
            item.setToolTip(core_text(PRESETS[os].why))
            self.list.addItem(item)
        self.list.setMinimumHeight(6 * 40)
        self.list.currentRowChanged.connect(self._row_changed)
        self.add(self.list)
        self.detected = hint_label("", self)
        self.add(self.detected)
        self.why_title = heading_label("", self)
        self.add(self.why_title)
        self.why = hint_label("", self)
        self.add(self.why)

    def load(self) -> None:
        d = self.model.draft
        self.list.setCurrentRow(list(OsPreset).index(d.os))
        guessed = guess_os(d.iso_path) if d.source is SourceKind.ISO else None
        if guessed is not None:
            self.detected.setText(
                translate("OsPage", "Suggested from the file name {0}: {1}.").format(
                    d.iso_path.rsplit("/", 1)[-1], core_text(PRESETS[guessed].label)
                )
            )
        else:
            self.detected.setText("")
        self.detected.setVisible(bool(self.detected.text()))
        self._explain(d.os)

    def _explain(self, os: OsPreset) -> None:
        label = core_text(PRESETS[os].label)
        self.why_title.setText(translate("OsPage", "Settings for {0}").format(label))
        self.why.setText(core_text(PRESETS[os].why) + "\n" + self.preset_summary(os))

    def _row_changed(self, row: int) -> None:
        if row < 0:
            return
        os = list(OsPreset)[row]
        self._explain(os)
        if self._loading:
            return
        self.model.note_os_touched()
        if os is not self.model.draft.os:
            self.model.apply_os(os)
        self.changed("firmware", "tpm")

    def preset_summary(self, os: OsPreset) -> str:
        p = PRESETS[os]
        disk = "virtio" if p.disk_bus is DiskBus.VIRTIO else p.disk_bus.value.upper()
        nic = "virtio" if p.nic is NicModel.VIRTIO else p.nic.value
        extras = []
        if p.firmware.value == "uefi":
            extras.append(translate("OsPage", "UEFI"))
        if p.tpm:
            extras.append(translate("OsPage", "TPM"))
        text = translate(
            "OsPage", "{0} MiB memory, {1}, {2} GiB disk on {3}, {4} network card, {5} machine"
        ).format(
            p.memory_mib, self.tr("%n CPU(s)", "", p.cpus), p.disk_gib, disk, nic, p.machine.value
        )
        if extras:
            text += ", " + ", ".join(extras)
        return text + "."
