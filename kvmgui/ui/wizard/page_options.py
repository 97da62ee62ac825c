"""Page 5: devices (sound, tablet, virtio, display) and, folded away, the advanced choices."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core.model import Accel, CacheMode, DisplayKind, MachineType
from kvmgui.ui.i18n import core_text, translate
from kvmgui.ui.widgets import choice_combo, hint_label
from kvmgui.ui.wizard.base import DraftPage
from kvmgui.ui.wizard.model import WizardModel


def cache_label(mode: CacheMode) -> str:
    return {
        CacheMode.WRITEBACK: translate("OptionsPage", "writeback — fast and safe (recommended)"),
        CacheMode.NONE: translate("OptionsPage", "none — bypass the host's cache"),
        CacheMode.WRITETHROUGH: translate(
            "OptionsPage", "writethrough — every write reaches the disk; slow"
        ),
        CacheMode.DIRECTSYNC: translate("OptionsPage", "directsync — no cache at all; slowest"),
        CacheMode.UNSAFE: translate(
            "OptionsPage", "unsafe — fastest; a host crash can corrupt the disk"
        ),
    }[mode]


def machine_label(machine: MachineType) -> str:
    return {
        MachineType.Q35: translate("OptionsPage", "q35 — modern PC with PCI Express (recommended)"),
        MachineType.PC: translate("OptionsPage", "pc (i440fx) — classic PC for old systems"),
    }[machine]


def accel_label(accel: Accel) -> str:
    return {
        Accel.AUTO: translate("OptionsPage", "auto — KVM when this computer can use it"),
        Accel.KVM: translate("OptionsPage", "kvm — hardware acceleration"),
        Accel.TCG: translate("OptionsPage", "tcg — software emulation (slow, works everywhere)"),
    }[accel]


# The spec fields each control of this page sets, whose errors it may show once touched.
_SPEC_FIELDS: dict[str, tuple[str, ...]] = {
    "usb_tablet": ("usb",),
    "virtio_disk": ("disks",),
    "virtio_net": ("network",),
    "cache": ("disks",),
    "machine": ("machine", "machine_version", "disks"),
}


class OptionsPage(DraftPage):
    key = "options"

    def __init__(self, model: WizardModel) -> None:
        super().__init__(model)
        devices = QGroupBox(translate("OptionsPage", "Hardware"), self)
        v = QVBoxLayout(devices)
        self.sound = self._check(translate("OptionsPage", "&Sound card"), v, "sound")
        self.sound_hint = hint_label("", devices)
        self.sound_hint.setAccessibleName(translate("OptionsPage", "About the sound card"))
        v.addWidget(self.sound_hint)
        self.tablet = self._check(
            translate(
                "OptionsPage",
                "USB &tablet (the mouse moves freely between the guest and your desktop)",
            ),
            v,
            "usb_tablet",
        )
        self.virtio_disk = self._check(
            translate(
                "OptionsPage",
                "Fast v&irtio disk (needs virtio drivers: built "
                "into Linux and BSD, not into Windows)",
            ),
            v,
            "virtio_disk",
        )
        self.virtio_net = self._check(
            translate("OptionsPage", "Fast virtio net&work card (same drivers)"), v, "virtio_net"
        )
        self.add(devices)

        display = QGroupBox(translate("OptionsPage", "Screen"), self)
        h = QHBoxLayout(display)
        self.display_group = QButtonGroup(self)
        self.vnc = QRadioButton(translate("OptionsPage", "&VNC (shown inside kvmgui)"), display)
        self.spice = QRadioButton(
            translate("OptionsPage", "S&PICE (opens in remote-viewer)"), display
        )
        for button, kind in ((self.vnc, DisplayKind.VNC), (self.spice, DisplayKind.SPICE)):
            button.setAccessibleName(button.text().replace("&", ""))
            self.display_group.addButton(button)
            h.addWidget(button)
            button.toggled.connect(lambda on, k=kind: self._set("display", k) if on else None)
        h.addStretch(1)
        self.add(display)

        self.advanced_toggle = QToolButton(self)
        self.advanced_toggle.setText(translate("OptionsPage", "&Advanced"))
        self.advanced_toggle.setAccessibleName(translate("OptionsPage", "Show advanced options"))
        self.advanced_toggle.setCheckable(True)
        self.advanced_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced_toggle.setAutoRaise(True)
        self.advanced_toggle.toggled.connect(self._toggle_advanced)
        self.add(self.advanced_toggle)
        self.advanced = QWidget(self)
        form = QFormLayout(self.advanced)
        form.setContentsMargins(24, 0, 0, 0)
        self.cache = self._combo(
            translate("OptionsPage", "Disk cache mode"),
            [(cache_label(m), m.value) for m in CacheMode],
            "cache",
        )
        form.addRow(translate("OptionsPage", "Disk &cache:"), self.cache)
        self.machine = self._combo(
            translate("OptionsPage", "Machine type"),
            [(machine_label(m), m.value) for m in MachineType],
            "machine",
        )
        form.addRow(translate("OptionsPage", "&Machine:"), self.machine)
        self.accel = self._combo(
            translate("OptionsPage", "Accelerator"),
            [(accel_label(a), a.value) for a in Accel],
            "accel",
        )
        form.addRow(translate("OptionsPage", "Acc&elerator:"), self.accel)
        self.accel_hint = hint_label("", self.advanced)
        form.addRow("", self.accel_hint)
        self.advanced.setVisible(False)
        self.add(self.advanced)
        model.env_changed.connect(self._explain_accel)
        model.env_changed.connect(self._explain_sound)

    def _check(self, text: str, layout: QVBoxLayout, field: str) -> QCheckBox:
        box = QCheckBox(text, self)
        box.setAccessibleName(text.replace("&", ""))
        layout.addWidget(box)
        box.toggled.connect(lambda on, f=field: self._set(f, on))
        return box

    def _combo(self, name: str, items: list[tuple[str, str]], field: str) -> QComboBox:
        combo = choice_combo(self.advanced, name, items)
        combo.currentIndexChanged.connect(
            lambda i, c=combo, f=field: self._set(f, str(c.itemData(i))) if i >= 0 else None
        )
        return combo

    def _toggle_advanced(self, on: bool) -> None:
        self.advanced.setVisible(on)
        self.advanced_toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)

    def load(self) -> None:
        d = self.model.draft
        self.sound.setChecked(d.sound)
        self.tablet.setChecked(d.usb_tablet)
        self.virtio_disk.setChecked(d.virtio_disk)
        self.virtio_net.setChecked(d.virtio_net)
        (self.spice if d.display is DisplayKind.SPICE else self.vnc).setChecked(True)
        self.cache.setCurrentIndex(self.cache.findData(d.cache.value))
        self.machine.setCurrentIndex(self.machine.findData(d.machine.value))
        self.accel.setCurrentIndex(self.accel.findData(d.accel.value))
        has_disk = bool(self.model.spec.disks)
        self.virtio_disk.setEnabled(has_disk)
        self.cache.setEnabled(has_disk)
        if any(p.field in ("accel", "machine") for p in self.my_problems()):
            self.advanced_toggle.setChecked(True)
        self._explain_accel()
        self._explain_sound()

    def _explain_sound(self) -> None:
        if self.model.sound_server is False:
            # The host check's own sentence: no sound server, or QEMU lacks its sound module.
            reason = self.model.ctx.host_facts.audio_reason
            self.sound_hint.setText(
                (core_text(reason) + " " if reason else "")
                + translate("OptionsPage", "Help → Host check says how to fix it.")
            )
        else:
            self.sound_hint.setText("")
        self._loading = True
        try:
            self.sound.setChecked(self.model.draft.sound)
        finally:
            self._loading = False

    def _explain_accel(self) -> None:
        report = self.model.ctx.host_report
        if report is None:
            self.accel_hint.setText(translate("OptionsPage", "Checking whether KVM can be used…"))
        else:
            self.accel_hint.setText(core_text(report.accel_reason))

    def _set(self, field: str, value: object) -> None:
        if self._loading:
            return
        d = self.model.draft
        if field == "display":
            d.display = DisplayKind(str(value))
        elif field == "cache":
            d.cache = CacheMode(str(value))
        elif field == "machine":
            d.machine = MachineType(str(value))
        elif field == "accel":
            d.accel = Accel(str(value))
        else:
            setattr(d, field, bool(value))
            self.model.note_kept(field)
        self.changed(*_SPEC_FIELDS.get(field, (field,)))
