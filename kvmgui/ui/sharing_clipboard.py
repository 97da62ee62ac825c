"""The hardware page's clipboard sharing switch: one check box and what it needs in the guest."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from kvmgui.core.model import DisplayKind, VmSpec
from kvmgui.ui.i18n import translate
from kvmgui.ui.widgets import hint_label


class ClipboardSharing(QWidget):
    """Off by default: the guest reads nothing the host copied until the user says so."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(
            translate("ClipboardSharing", "Share the &clipboard (text) with the guest"), self
        )
        self.check.setAccessibleName(translate("ClipboardSharing", "Share the clipboard"))
        self.check.setToolTip(
            translate(
                "ClipboardSharing",
                "Text copied on this computer can be pasted in the virtual machine and the "
                "other way round. The guest needs the SPICE agent (spice-vdagent). Also in "
                "the console's tool bar.",
            )
        )
        layout.addWidget(self.check)
        self.hint = hint_label("", self)
        layout.addWidget(self.hint)
        self.check.toggled.connect(self.changed)

    def load(self, spec: VmSpec) -> None:
        self.check.setChecked(spec.clipboard)
        self.set_display(spec.display.kind)

    def set_display(self, kind: DisplayKind) -> None:
        """Say what the chosen screen means for sharing."""
        self.check.setEnabled(kind is not DisplayKind.NONE)
        if kind is DisplayKind.NONE:
            text = translate("ClipboardSharing", "A VM without a screen shares no clipboard.")
        elif kind is DisplayKind.SPICE:
            text = translate(
                "ClipboardSharing", "With SPICE, remote-viewer shares it through the agent."
            )
        else:
            text = translate(
                "ClipboardSharing",
                "Install spice-vdagent in the guest; the console's tool bar turns sharing on "
                "and off at once while the VM runs.",
            )
        self.hint.setText(text)

    def apply(self, spec: VmSpec) -> VmSpec:
        return replace(spec, clipboard=self.check.isChecked())
