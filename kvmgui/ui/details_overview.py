"""The VM window's Overview page: state and why, uptime, pid, accelerator, display, the
command line (with Copy)."""

from __future__ import annotations

import asyncio
import time

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from kvmgui.core.advisor import Advice, static_hints
from kvmgui.core.argv import ArgvError, build_argv, shell_line
from kvmgui.core.presets import PRESETS
from kvmgui.core.sizes import MIB
from kvmgui.core.store import StoredVm
from kvmgui.runtime.state import VmState, VmStatus
from kvmgui.ui.advice_view import AdvicePanel
from kvmgui.ui.context import AppContext
from kvmgui.ui.i18n import core_text, format_size, translate
from kvmgui.ui.models import VmRow, state_icon, state_word
from kvmgui.ui.widgets import CopyableText, heading_label, icon_text_field, text_label


def format_uptime(seconds: float) -> str:
    s = int(seconds)
    days, s = divmod(s, 86400)
    hours, s = divmod(s, 3600)
    minutes, s = divmod(s, 60)
    if days:
        return translate("OverviewPage", "{0} d {1} h {2} min").format(days, hours, minutes)
    if hours:
        return translate("OverviewPage", "{0} h {1} min").format(hours, minutes)
    if minutes:
        return translate("OverviewPage", "{0} min {1} s").format(minutes, s)
    return translate("OverviewPage", "{0} s").format(s)


def _field(form: QFormLayout, parent: QWidget, name: str, label: str) -> QLabel:
    """A value shown in `form` under `label`."""
    value = text_label("", parent, name)
    form.addRow(label, value)
    return value


class OverviewPage(QWidget):
    def __init__(self, ctx: AppContext, stored: StoredVm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stored = stored
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.state_icon, self.state = icon_text_field(
            form, self, translate("OverviewPage", "State"), translate("OverviewPage", "State:")
        )
        (self.reason, self.system, self.uptime, self.pid, self.accel, self.display, self.folder) = (
            _field(form, self, name, label)
            for name, label in (
                (translate("OverviewPage", "Why"), translate("OverviewPage", "Why:")),
                (translate("OverviewPage", "System"), translate("OverviewPage", "System:")),
                (
                    translate("OverviewPage", "Running for"),
                    translate("OverviewPage", "Running for:"),
                ),
                (translate("OverviewPage", "Process id"), translate("OverviewPage", "Process id:")),
                (
                    translate("OverviewPage", "Accelerator"),
                    translate("OverviewPage", "Accelerator:"),
                ),
                (
                    translate("OverviewPage", "Display address"),
                    translate("OverviewPage", "Display:"),
                ),
                (translate("OverviewPage", "Folder"), translate("OverviewPage", "Folder:")),
            )
        )
        layout.addLayout(form)
        # The performance advisor's notices (hidden when it has nothing to say).
        self.live_advice: Advice | None = None
        self.advice = AdvicePanel(ctx.store, stored, self)
        layout.addWidget(self.advice)
        layout.addWidget(heading_label(translate("OverviewPage", "QEMU command line"), self))
        self.command_note = text_label(
            "", self, translate("OverviewPage", "About the command line")
        )
        layout.addWidget(self.command_note)
        self.command = CopyableText(translate("OverviewPage", "QEMU command line"), self, lines=5)
        layout.addWidget(self.command, 1)
        self._status: VmStatus | None = None
        self._row: VmRow | None = None
        self._task: asyncio.Task[None] | None = None
        self.set_stored(stored)

    def set_stored(self, stored: StoredVm) -> None:
        self.stored = stored
        spec = stored.spec
        self.system.setText(
            self.tr("{0}; {1} of memory, %n CPU(s)", "", spec.cpus).format(
                core_text(PRESETS[spec.os].label),
                format_size(spec.memory_mib * MIB),
            )
        )
        self.folder.setText(str(stored.folder.dir))
        self.advice.store = self.ctx.store
        self.advice.set_stored(stored)
        self._show_advice()
        self._task = asyncio.ensure_future(self.refresh_command_line())

    def set_live_advice(self, advice: Advice | None) -> None:
        """The runtime's current notice for this VM (AdviceChanged), or None."""
        self.live_advice = advice
        self._show_advice()

    def _show_advice(self) -> None:
        notices = [self.live_advice] if self.live_advice is not None else []
        self.advice.set_advice([*notices, *static_hints(self.stored.spec)])

    async def refresh_command_line(self) -> None:
        caps = await self.ctx.ensure_caps()
        await self.ctx.ensure_host()
        if caps is None:
            self.command.set_text(self.ctx.caps_error)
            return
        spec = self.stored.spec
        try:
            argv = build_argv(
                spec,
                caps=caps,
                host=self.ctx.host_facts,
                folder=self.stored.folder,
                run=self.ctx.paths.vm_runtime(spec.id),
                qemu_binary=self.ctx.settings.qemu_binary,
            )
        except ArgvError as exc:
            self.command.set_text(core_text(str(exc)))
            return
        self.command.set_text(shell_line(argv))

    def set_status(
        self, row: VmRow | None, status: VmStatus | None, uptime_s: float | None
    ) -> None:
        self._row = row
        self._status = status
        state = row.state if row is not None else VmState.STOPPED
        self.state_icon.setPixmap(state_icon(state).pixmap(18, 18))
        self.state.setText(state_word(state))
        reason = (row.reason if row is not None else "") or getattr(status, "reason", "") or ""
        self.reason.setText(core_text(reason) or translate("OverviewPage", "—"))
        active = state.is_active
        pid = getattr(status, "pid", None) if active else None
        self.pid.setText(str(pid) if pid else translate("OverviewPage", "—"))
        accel = getattr(status, "accel", None) if active else None
        if accel:
            words = {
                "kvm": translate("OverviewPage", "KVM (hardware acceleration)"),
                "tcg": translate("OverviewPage", "TCG (software emulation, slower)"),
            }
            self.accel.setText(words.get(str(accel), str(accel)))
        else:
            self.accel.setText(
                translate("OverviewPage", "— (set to {0})").format(self.stored.spec.accel.value)
            )
        display = getattr(status, "display", None) if active else None
        self.display.setText(str(display) if display else translate("OverviewPage", "—"))
        started = getattr(status, "started_at", None)
        if active and uptime_s is None and started:
            uptime_s = max(0.0, time.time() - float(started))
        self.uptime.setText(
            format_uptime(uptime_s)
            if active and uptime_s is not None
            else translate("OverviewPage", "—")
        )
        if active:
            self.command_note.setText(
                translate(
                    "OverviewPage",
                    "What kvmgui runs for this VM as it is set up "
                    "now; copy it to report a problem or to learn.",
                )
            )
        else:
            self.command_note.setText(
                translate("OverviewPage", "What kvmgui will run at the next start.")
            )
