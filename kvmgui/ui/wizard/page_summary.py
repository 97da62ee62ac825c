"""Page 6: the name, what will be created where, the exact QEMU command line, "start now"."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QProgressBar

from kvmgui.core.model import CdromSource, DisplayKind
from kvmgui.core.presets import PRESETS
from kvmgui.ui.i18n import core_text, format_size, translate
from kvmgui.ui.widgets import CopyableText, heading_label, hint_label, text_label
from kvmgui.ui.wizard.base import DraftPage
from kvmgui.ui.wizard.draft import suggest_name
from kvmgui.ui.wizard.model import WizardModel


class SummaryPage(DraftPage):
    key = "summary"

    def __init__(self, model: WizardModel) -> None:
        super().__init__(model)
        self.setCommitPage(False)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name = QLineEdit(self)
        self.name.setAccessibleName(translate("SummaryPage", "Name of the virtual machine"))
        self.name.setMaxLength(64)
        self.name.textEdited.connect(self._name_edited)
        form.addRow(translate("SummaryPage", "Na&me:"), self.name)
        self.folder = text_label("", self)
        self.folder.setAccessibleName(translate("SummaryPage", "Folder"))
        self.folder_label = QLabel(translate("SummaryPage", "Folder:"), self)
        form.addRow(self.folder_label, self.folder)
        self.system = text_label("", self)
        form.addRow(translate("SummaryPage", "System:"), self.system)
        self.start_from = text_label("", self)
        form.addRow(translate("SummaryPage", "Starts from:"), self.start_from)
        self.creates = text_label("", self)
        self.creates.setAccessibleName(translate("SummaryPage", "What will be created"))
        form.addRow(translate("SummaryPage", "Will create:"), self.creates)
        self.body.addLayout(form)
        self.command_heading = heading_label(translate("SummaryPage", "QEMU command line"), self)
        self.body.addWidget(self.command_heading)
        self.command = CopyableText(translate("SummaryPage", "QEMU command line"), self, lines=4)
        # Alt+C is Create on this page.
        self.command.copy_button.setText(translate("SummaryPage", "C&opy"))
        self.body.addWidget(self.command)
        self.start_now = QCheckBox(
            translate("SummaryPage", "S&tart the virtual machine now and show its screen"), self
        )
        self.start_now.setAccessibleName(translate("SummaryPage", "Start the virtual machine now"))
        self.start_now.toggled.connect(self._start_toggled)
        self.body.addWidget(self.start_now)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(translate("SummaryPage", "Creation progress"))
        self.progress.setRange(0, 1000)
        self.progress.setVisible(False)
        self.body.addWidget(self.progress)
        self.status = hint_label("", self)
        self.status.setVisible(False)
        self.body.addWidget(self.status)
        model.problems_changed.connect(self._refresh)
        model.env_changed.connect(self._refresh)
        model.creation_progress.connect(self._progress)

    def load(self) -> None:
        d = self.model.draft
        if not self.model.user_named:
            d.name = suggest_name(d, self.model.taken_names)
            self.model.revalidate()
        self.name.setText(d.name)
        self.start_now.setChecked(d.start_now)
        self._refresh()
        self.name.setFocus()
        self.name.selectAll()

    def _name_edited(self, text: str) -> None:
        self.model.note_user_named()
        self.model.draft.name = text
        self.changed("name", "argv")

    def _start_toggled(self, on: bool) -> None:
        self.model.draft.start_now = on

    def _refresh(self) -> None:
        on_host = self.model.on_host
        # A VM on a libvirt host runs the QEMU its libvirt starts: no command line of ours.
        self.command_heading.setVisible(not on_host)
        self.command.setVisible(not on_host)
        if on_host:
            self._refresh_host()
            return
        self.folder_label.setText(translate("SummaryPage", "Folder:"))
        self.folder.setAccessibleName(translate("SummaryPage", "Folder"))
        spec = self.model.spec
        d = self.model.draft
        root = self.model.ctx.vm_root
        named = self.model.name_ok
        folder = root / spec.name
        # Without a usable name there is no folder yet: say so rather than invent one.
        where = (
            str(folder)
            if named
            else translate(
                "SummaryPage", "a new folder in {0}, once the VM has a valid name"
            ).format(root)
        )
        self.folder.setText(where)
        self._show_system()
        self.start_from.setText(self._start_text())
        created = [
            translate(
                "SummaryPage", "the folder {0} with the VM's settings (vm.json) and its logs"
            ).format(folder)
            if named
            else translate(
                "SummaryPage",
                "a folder in {0}, named after the VM, with its settings (vm.json) and logs",
            ).format(root)
        ]
        for disk in spec.disks:
            if disk.size_bytes is not None:
                created.append(
                    translate(
                        "SummaryPage", "a new {0} disk image {1}, up to {2} (it starts small)"
                    ).format(
                        disk.format.value,
                        folder / disk.path if named else disk.path,
                        format_size(disk.size_bytes),
                    )
                )
            else:
                created.append(
                    translate(
                        "SummaryPage", "nothing for the disk: {0} is used where it is"
                    ).format(disk.path)
                )
        if not spec.disks:
            created.append(translate("SummaryPage", "no disk: nothing the guest does is kept"))
        self.creates.setText("\n".join("• " + c for c in created))
        if self.model.command_line:
            self.command.set_text(self.model.command_line)
        elif self.model.command_error:
            self.command.set_text(core_text(self.model.command_error))
        else:
            self.command.set_text(
                translate("SummaryPage", "The command line appears once the VM has a valid name.")
            )
        self.command.copy_button.setEnabled(bool(self.model.command_line))
        del d

    def _refresh_host(self) -> None:
        spec = self.model.spec
        d = self.model.draft
        self.folder_label.setText(translate("SummaryPage", "Host:"))
        self.folder.setAccessibleName(translate("SummaryPage", "Host"))
        self.folder.setText(d.target)
        self._show_system()
        pool = d.pool or "?"
        if d.upload_iso:
            uploaded = translate("SummaryPage", "ISO image {0}, uploaded into the storage pool {1}")
            self.start_from.setText(uploaded.format(d.upload_iso, pool))
        else:
            self.start_from.setText(self._start_text())
        created = [translate("SummaryPage", "the VM '{0}' on {1}").format(spec.name, d.target)]
        for disk in spec.disks:
            created.append(
                translate(
                    "SummaryPage",
                    "a new {0} disk volume in the storage pool {1}, up to {2} (it starts small)",
                ).format(disk.format.value, pool, format_size(disk.size_bytes or 0))
            )
        if d.upload_iso:
            created.append(
                translate("SummaryPage", "a copy of {0} in the storage pool {1}").format(
                    d.upload_iso, pool))
        if not spec.disks:
            created.append(translate("SummaryPage", "no disk: nothing the guest does is kept"))
        self.creates.setText("\n".join("• " + c for c in created))

    def _show_system(self) -> None:
        spec = self.model.spec
        self.system.setText(
            translate("SummaryPage", "{0}; {1} MiB memory, {2}; {3}").format(
                core_text(PRESETS[spec.os].label),
                spec.memory_mib,
                self.tr("%n CPU(s)", "", spec.cpus),
                translate("SummaryPage", "SPICE screen")
                if spec.display.kind is DisplayKind.SPICE
                else translate("SummaryPage", "VNC screen"),
            )
        )

    def _start_text(self) -> str:
        spec = self.model.spec
        if spec.usb_stick is not None:
            mode = (
                translate("SummaryPage", "protected, writes are thrown away")
                if spec.usb_stick.protected
                else translate("SummaryPage", "WRITABLE: the guest changes the stick")
            )
            return translate("SummaryPage", "USB stick {0} ({1})").format(spec.usb_stick.path, mode)
        cd = spec.cdrom
        if cd is not None and cd.source is CdromSource.ISO:
            return translate("SummaryPage", "ISO image {0}").format(cd.path)
        if cd is not None and cd.source is CdromSource.HOST:
            return translate("SummaryPage", "the disc in {0}").format(cd.path)
        if spec.disks and not spec.disks[0].size_bytes:
            return translate("SummaryPage", "the disk image {0}").format(spec.disks[0].path)
        return translate("SummaryPage", "nothing yet: insert a disc image from the VM's details")

    def _progress(self, fraction: float, text: str) -> None:
        self.progress.setVisible(True)
        self.status.setVisible(True)
        self.status.setText(text)
        if fraction < 0:
            self.progress.setVisible(False)
            return
        if fraction > 1:
            self.progress.setRange(0, 0)  # busy: qemu-img reports no progress for this step
            return
        self.progress.setRange(0, 1000)
        self.progress.setValue(int(fraction * 1000))
