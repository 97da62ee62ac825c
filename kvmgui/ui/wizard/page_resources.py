"""Page 3: memory and CPUs, with what this computer has and has free right now."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QSpinBox

from kvmgui.core.presets import PRESETS
from kvmgui.core.sizes import MIB
from kvmgui.ui.i18n import core_text, format_size, translate
from kvmgui.ui.widgets import cpu_box, hint_label, memory_box
from kvmgui.ui.wizard.base import DraftPage, accept_any_count
from kvmgui.ui.wizard.model import WizardModel


class ResourcesPage(DraftPage):
    key = "resources"

    def __init__(self, model: WizardModel) -> None:
        super().__init__(model)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.memory = memory_box(self, translate("ResourcesPage", "Memory in MiB"))
        self.memory_hint = self._count_row(
            form, translate("ResourcesPage", "&Memory:"), self.memory, "memory_mib"
        )
        self.cpus = cpu_box(self, translate("ResourcesPage", "Number of CPUs"))
        self.cpus_hint = self._count_row(
            form, translate("ResourcesPage", "&CPUs:"), self.cpus, "cpus"
        )
        self.body.addLayout(form)
        model.env_changed.connect(self._explain)

    def load(self) -> None:
        d = self.model.draft
        self.memory.setValue(d.memory_mib)
        self.cpus.setValue(d.cpus)
        self._explain()

    def _explain(self) -> None:
        d = self.model.draft
        preset = PRESETS[d.os]
        label = core_text(PRESETS[d.os].label)
        if self.model.ctx.host_report is None:
            host_mem = translate("ResourcesPage", "Measuring this computer's memory…")
            host_cpu = translate("ResourcesPage", "Counting this computer's CPUs…")
        else:
            facts = self.model.ctx.host_facts
            host_mem = translate(
                "ResourcesPage", "This computer has {0} of memory; {1} is free right now."
            ).format(
                format_size(facts.memory_mib * MIB), format_size(facts.available_memory_mib * MIB)
            )
            host_cpu = self.tr(
                "This computer has %n CPU(s). A guest may use them all; they "
                "are shared with your other programs.",
                "",
                facts.cpu_count,
            )
        self.memory_hint.setText(
            host_mem
            + " "
            + translate("ResourcesPage", "Recommended for {0}: {1} MiB.").format(
                label, preset.memory_mib
            )
        )
        self.cpus_hint.setText(
            host_cpu
            + " "
            + translate("ResourcesPage", "Recommended for {0}: {1}.").format(label, preset.cpus)
        )

    def _count_row(self, form: QFormLayout, label: str, box: QSpinBox, field: str) -> QLabel:
        """`box` (setting the draft's `field`) as a row of `form`, with a hint below it."""
        accept_any_count(box)
        box.valueChanged.connect(lambda value: self.set_kept(field, value, field))
        form.addRow(label, box)
        hint = hint_label("", self)
        form.addRow("", hint)
        return hint
