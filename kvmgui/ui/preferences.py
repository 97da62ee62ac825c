"""Preferences: every setting of core.settings, validated live and saved through it."""

from __future__ import annotations

import shutil
from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core.model import Accel, DisplayKind
from kvmgui.core.problems import Problem, Severity
from kvmgui.core.settings import ConsoleScaling, OnQuit, Settings, validate_settings
from kvmgui.core.validation import has_errors
from kvmgui.ui.context import AppContext
from kvmgui.ui.errors import show_error
from kvmgui.ui.i18n import core_text, translate
from kvmgui.ui.widgets import (
    PathField,
    ProblemList,
    choice_combo,
    cpu_box,
    dialog_layout,
    hint_label,
    memory_box,
)


def _select(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(0, index))


def _seconds_box(
    parent: QWidget, low: float, high: float, step: float, name: str
) -> QDoubleSpinBox:
    """A number of seconds between `low` and `high`, to a tenth."""
    box = QDoubleSpinBox(parent)
    box.setRange(low, high)
    box.setDecimals(1)
    box.setSingleStep(step)
    box.setSuffix(translate("PreferencesDialog", " s"))
    box.setAccessibleName(name)
    return box


class PreferencesDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = dialog_layout(
            self, "PreferencesDialog", translate("PreferencesDialog", "Preferences")
        )
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(translate("PreferencesDialog", "Preference pages"))
        layout.addWidget(self.tabs, 1)
        self._build_general()
        self._build_new_vms()
        self._build_running()
        self._build_console()
        self.problems = ProblemList(self)
        layout.addWidget(self.problems)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            lambda: self.load(replace(Settings(), vm_root=self.ctx.settings.vm_root))
        )
        layout.addWidget(self.buttons)
        self.load(ctx.settings)
        self._connect_all()
        self.resize(640, 520)

    # -- pages ------------------------------------------------------------------------------

    def _page(self, title: str) -> QFormLayout:
        page = QWidget(self.tabs)
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.tabs.addTab(page, title)
        return form

    def _build_general(self) -> None:
        form = self._page(translate("PreferencesDialog", "&General"))
        self.vm_root = PathField(
            translate("PreferencesDialog", "Folder for virtual machines"),
            self,
            directory=True,
            placeholder=str(self.ctx.paths.default_vm_root),
        )
        form.addRow(translate("PreferencesDialog", "VM &folder:"), self.vm_root)
        form.addRow(
            "",
            hint_label(
                translate(
                    "PreferencesDialog",
                    "New VMs and their disks go here. Leave it empty "
                    "for the standard place shown in grey. VMs already "
                    "created elsewhere stay where they are.",
                ),
                self,
            ),
        )
        self.accel = choice_combo(
            self,
            translate("PreferencesDialog", "Accelerator"),
            [
                (
                    translate("PreferencesDialog", "Automatic: KVM when it works, otherwise TCG"),
                    Accel.AUTO.value,
                ),
                (translate("PreferencesDialog", "KVM (hardware acceleration)"), Accel.KVM.value),
                (translate("PreferencesDialog", "TCG (software emulation, slow)"), Accel.TCG.value),
            ],
        )
        form.addRow(translate("PreferencesDialog", "&Accelerator:"), self.accel)
        report = self.ctx.host_report
        if report is not None:
            form.addRow("", hint_label(core_text(report.accel_reason), self))
        self.qemu = PathField(translate("PreferencesDialog", "QEMU program"), self)
        form.addRow(translate("PreferencesDialog", "&QEMU program:"), self.qemu)
        self.qemu_found = hint_label("", self)
        form.addRow("", self.qemu_found)
        self.qemu_img = PathField(translate("PreferencesDialog", "qemu-img program"), self)
        form.addRow(translate("PreferencesDialog", "qemu-&img program:"), self.qemu_img)
        self.qemu_img_found = hint_label("", self)
        form.addRow("", self.qemu_img_found)

    def _build_new_vms(self) -> None:
        form = self._page(translate("PreferencesDialog", "&New VMs"))
        form.addRow(
            hint_label(
                translate(
                    "PreferencesDialog",
                    "The wizard starts from the recommendation for the "
                    "chosen system; values changed here replace it.",
                ),
                self,
            )
        )
        self.memory = memory_box(self, translate("PreferencesDialog", "Default memory in MiB"))
        form.addRow(translate("PreferencesDialog", "&Memory:"), self.memory)
        self.cpus = cpu_box(self, translate("PreferencesDialog", "Default number of CPUs"))
        form.addRow(translate("PreferencesDialog", "&CPUs:"), self.cpus)
        self.display = choice_combo(
            self,
            translate("PreferencesDialog", "Default screen"),
            [
                (
                    translate("PreferencesDialog", "VNC (shown inside kvmgui)"),
                    DisplayKind.VNC.value,
                ),
                (
                    translate("PreferencesDialog", "SPICE (opens in remote-viewer)"),
                    DisplayKind.SPICE.value,
                ),
            ],
        )
        form.addRow(translate("PreferencesDialog", "&Screen:"), self.display)

    def _build_running(self) -> None:
        form = self._page(translate("PreferencesDialog", "&Running VMs"))
        self.on_quit = choice_combo(
            self,
            translate("PreferencesDialog", "When kvmgui quits"),
            [
                (translate("PreferencesDialog", "Ask every time"), OnQuit.ASK.value),
                (
                    translate(
                        "PreferencesDialog", "Keep them running (kvmgui reconnects next time)"
                    ),
                    OnQuit.KEEP_RUNNING.value,
                ),
                (translate("PreferencesDialog", "Shut them down"), OnQuit.SHUTDOWN.value),
            ],
        )
        form.addRow(translate("PreferencesDialog", "When kvmgui &quits:"), self.on_quit)
        self.timeout = QSpinBox(self)
        self.timeout.setRange(1, 3600)
        self.timeout.setSuffix(translate("PreferencesDialog", " s"))
        self.timeout.setAccessibleName(
            translate("PreferencesDialog", "Seconds to wait for a shutdown")
        )
        form.addRow(translate("PreferencesDialog", "Wait for a &shutdown:"), self.timeout)
        form.addRow(
            "",
            hint_label(
                translate(
                    "PreferencesDialog",
                    "A guest that has not powered off after this time "
                    "is forced off when kvmgui quits.",
                ),
                self,
            ),
        )
        self.stats = _seconds_box(
            self,
            0.2,
            60,
            0.5,
            translate("PreferencesDialog", "Seconds between CPU and memory samples"),
        )
        form.addRow(translate("PreferencesDialog", "Measure CPU and memory e&very:"), self.stats)
        self.thumbs = _seconds_box(
            self, 0.5, 600, 1, translate("PreferencesDialog", "Seconds between screen thumbnails")
        )
        form.addRow(translate("PreferencesDialog", "Refresh &thumbnails every:"), self.thumbs)

    def _build_console(self) -> None:
        page = QWidget(self.tabs)
        self.tabs.addTab(page, translate("PreferencesDialog", "Conso&le and questions"))
        outer = QVBoxLayout(page)
        console = QGroupBox(translate("PreferencesDialog", "Console"), page)
        form = QFormLayout(console)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.scaling = choice_combo(
            console,
            translate("PreferencesDialog", "Console scaling"),
            [
                (
                    translate("PreferencesDialog", "Fit the screen to the window"),
                    ConsoleScaling.FIT.value,
                ),
                (
                    translate("PreferencesDialog", "Actual size (1:1)"),
                    ConsoleScaling.ONE_TO_ONE.value,
                ),
            ],
        )
        form.addRow(translate("PreferencesDialog", "Sc&aling:"), self.scaling)
        self.grab_keyboard = QCheckBox(
            translate(
                "PreferencesDialog",
                "Send all keys to the guest while the console "
                "has the keyboard (Ctrl+Alt releases it)",
            ),
            console,
        )
        self.grab_keyboard.setAccessibleName(
            translate("PreferencesDialog", "Grab the keyboard in the console")
        )
        form.addRow(self.grab_keyboard)
        outer.addWidget(console)
        questions = QGroupBox(translate("PreferencesDialog", "Ask before"), page)
        v = QVBoxLayout(questions)
        self.confirm_force = QCheckBox(
            translate("PreferencesDialog", "&Forcing a VM off"), questions
        )
        self.confirm_force.setAccessibleName(
            translate("PreferencesDialog", "Ask before forcing a VM off")
        )
        v.addWidget(self.confirm_force)
        self.confirm_delete = QCheckBox(translate("PreferencesDialog", "&Deleting a VM"), questions)
        self.confirm_delete.setAccessibleName(
            translate("PreferencesDialog", "Ask before deleting a VM")
        )
        v.addWidget(self.confirm_delete)
        outer.addWidget(questions)
        outer.addStretch(1)

    # -- values -----------------------------------------------------------------------------

    def load(self, s: Settings) -> None:
        self.vm_root.set_text(s.vm_root or "")
        _select(self.accel, s.accelerator.value)
        self.qemu.set_text(s.qemu_binary)
        self.qemu_img.set_text(s.qemu_img_binary)
        self.memory.setValue(s.default_memory_mib)
        self.cpus.setValue(s.default_cpus)
        _select(self.display, s.default_display.value)
        _select(self.on_quit, s.on_quit.value)
        self.timeout.setValue(s.shutdown_timeout_s)
        self.stats.setValue(s.stats_interval_s)
        self.thumbs.setValue(s.thumbnail_interval_s)
        _select(self.scaling, s.console_scaling.value)
        self.grab_keyboard.setChecked(s.console_grab_keyboard)
        self.confirm_force.setChecked(s.confirm_force_off)
        self.confirm_delete.setChecked(s.confirm_delete)
        self.revalidate()

    def values(self) -> Settings:
        root = self.vm_root.text().strip()
        return replace(
            self.ctx.settings,
            vm_root=root or None,
            accelerator=Accel(str(self.accel.currentData())),
            qemu_binary=self.qemu.text().strip(),
            qemu_img_binary=self.qemu_img.text().strip(),
            default_memory_mib=self.memory.value(),
            default_cpus=self.cpus.value(),
            default_display=DisplayKind(str(self.display.currentData())),
            on_quit=OnQuit(str(self.on_quit.currentData())),
            shutdown_timeout_s=self.timeout.value(),
            stats_interval_s=round(self.stats.value(), 1),
            thumbnail_interval_s=round(self.thumbs.value(), 1),
            console_scaling=ConsoleScaling(str(self.scaling.currentData())),
            console_grab_keyboard=self.grab_keyboard.isChecked(),
            confirm_force_off=self.confirm_force.isChecked(),
            confirm_delete=self.confirm_delete.isChecked(),
        )

    def _connect_all(self) -> None:
        for field in (self.vm_root, self.qemu, self.qemu_img):
            field.changed.connect(self.revalidate)
        for spin in (self.memory, self.cpus, self.timeout):
            spin.valueChanged.connect(self.revalidate)
        for dspin in (self.stats, self.thumbs):
            dspin.valueChanged.connect(self.revalidate)
        for combo in (self.accel, self.display, self.on_quit, self.scaling):
            combo.currentIndexChanged.connect(self.revalidate)

    def current_problems(self) -> list[Problem]:
        values = self.values()
        problems = validate_settings(values)
        if (
            values.accelerator is Accel.KVM
            and self.ctx.host_report is not None
            and not self.ctx.host_facts.kvm_usable
        ):
            problems.append(
                Problem(
                    "accelerator",
                    Severity.WARNING,
                    translate(
                        "PreferencesDialog",
                        "KVM cannot be used on this computer, so VMs set to use it will not "
                        "start: choose Automatic, or open Help > Host check to fix KVM.",
                    ),
                )
            )
        return problems

    def revalidate(self) -> None:
        self._show_found(self.qemu.text(), self.qemu_found)
        self._show_found(self.qemu_img.text(), self.qemu_img_found)
        problems = self.current_problems()
        self.problems.set_problems(problems)

        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not has_errors(problems))

    @staticmethod
    def _show_found(name: str, label: QWidget) -> None:
        name = name.strip()
        found = shutil.which(name) if name else None
        if found:
            text = translate("PreferencesDialog", "Found: {0}").format(found)
        elif name:
            text = translate(
                "PreferencesDialog",
                "Not found: VMs cannot start until {0} is installed or the full path is given.",
            ).format(name)
        else:
            text = ""
        label.setText(text)  # type: ignore[attr-defined]

    def accept(self) -> None:
        try:
            problems = self.ctx.apply_settings(self.values())
        except OSError as exc:
            show_error(
                self,
                translate("PreferencesDialog", "The preferences could not be saved."),
                informative=translate(
                    "PreferencesDialog", "{0}: check that the folder {1} is writable."
                ).format(exc.strerror or exc, self.ctx.paths.config_dir),
                details=repr(exc),
            )
            return
        if problems:
            self.problems.set_problems(problems)
            return
        super().accept()
