"""Page 3: memory and CPUs, with what this computer has and has free right now."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout

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
        accept_any_count(self.memory)
        self.memory.valueChanged.connect(self._memory_changed)
        form.addRow(translate("ResourcesPage", "&Memory:"), self.memory)
        self.memory_hint = hint_label("", self)
        form.addRow("", self.memory_hint)
        self.cpus = cpu_box(self, translate("ResourcesPage", "Number of CPUs"))
        accept_any_count(self.cpus)
        self.cpus.valueChanged.connect(self._cpus_changed)
        form.addRow(translate("ResourcesPage", "&CPUs:"), self.cpus)
        self.cpus_hint = hint_label("", self)
        form.addRow("", self.cpus_hint)
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

    def _memory_changed(self, value: int) -> None:
        if self._loading:
            return
        self.model.draft.memory_mib = value
        self.model.note_kept("memory_mib")
        self.changed("memory_mib")

    def _cpus_changed(self, value: int) -> None:
        if self._loading:
            return
        self.model.draft.cpus = value
        self.model.note_kept("cpus")
        self.changed("cpus")
