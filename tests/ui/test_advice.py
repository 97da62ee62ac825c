"""The performance advisor's notices in the UI: a static hint with a one-click Apply, the
runtime's idle-CPU notice (Overview + list badge), and the explanation shown when a Windows
guest ignores the ACPI power button, before Force off (a real QEMU under TCG)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from kvmgui.core.advisor import idle_cpu_notice
from kvmgui.core.host import HostFacts
from kvmgui.core.model import Accel, CacheMode, Disk, OsPreset
from kvmgui.core.presets import new_spec
from kvmgui.runtime.events import AdviceChanged
from kvmgui.runtime.state import VmState
from kvmgui.ui.errors import open_boxes
from kvmgui.ui.main_window import MainWindow
from kvmgui.ui.models import Column
from tests.runtime.helpers import tiny_spec


def test_static_hint_applies_with_one_click(qtbot: Any, ctx: Any) -> None:
    spec = new_spec("slowdisk", memory_mib=256, cpus=1)
    spec = replace(spec, disks=(Disk(path="disk.qcow2", size_bytes=1 << 30,
                                     cache=CacheMode.WRITETHROUGH),))
    stored = ctx.store.create(spec)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    details = window.open_vm_window(spec.id, "overview")
    panel = details.overview.advice
    assert not panel.isHidden()
    button = panel.buttons["disk-cache/cache-0"]
    assert "Apply" in button.text()
    button.click()
    saved = ctx.store.find("slowdisk")
    assert saved.spec.disks[0].cache is CacheMode.WRITEBACK
    assert stored.spec.disks[0].cache is CacheMode.WRITETHROUGH
    assert details.hardware.stored.spec.disks[0].cache is CacheMode.WRITEBACK
    assert "next start" in panel.note.text()
    assert "disk-cache/cache-0" not in panel.buttons  # nothing left to apply
    details.close()


def test_runtime_notice_shows_in_overview_and_list(qtbot: Any, ctx: Any) -> None:
    spec = new_spec("busy", memory_mib=256, cpus=4)
    ctx.store.create(spec)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    details = window.open_vm_window(spec.id, "overview")
    advice = idle_cpu_notice(spec, HostFacts(kvm_usable=False, cpu_count=2), Accel.TCG,
                             mean=40.0)
    window.bridge.deliver(AdviceChanged(spec.id, advice))
    panel = details.overview.advice
    assert not panel.isHidden()
    assert "too-many-cpus" in {c.key for c in advice.causes}
    button = panel.buttons["idle-cpu/too-many-cpus"]
    index = window.model.index_of(spec.id, Column.STATE)
    assert "Advice:" in index.data(0x03)  # ToolTipRole
    button.click()
    assert ctx.store.find("busy").spec.cpus < 4
    window.bridge.deliver(AdviceChanged(spec.id, None))
    assert "Advice:" not in index.data(0x03)
    details.close()


@pytest.mark.qemu
def test_ignored_shutdown_explains_then_forces_off(qtbot: Any, live_ctx: Any,
                                                   run_async: Any) -> None:
    # SeaBIOS with nothing to boot never answers the ACPI button: like a Windows guest
    # with an RDP session open.
    live_ctx.apply_settings(replace(live_ctx.settings, shutdown_timeout_s=2))
    spec = tiny_spec("win", os=OsPreset.WINDOWS10)
    live_ctx.store.create(spec)
    window = MainWindow(live_ctx)
    qtbot.addWidget(window)
    window.show()
    run_async(window.startup(), timeout=60)
    window.select(spec.id)
    window.vm_actions.start.trigger()
    qtbot.waitUntil(lambda: getattr(window.model.get(spec.id), "state", None) is VmState.RUNNING,
                    timeout=30_000)
    before = len(open_boxes())
    window.vm_actions.shutdown.trigger()
    qtbot.waitUntil(lambda: len(open_boxes()) > before, timeout=30_000)
    box = open_boxes()[-1]
    assert "Windows" in box.text()
    assert "Remote Desktop" in box.informativeText()
    assert "shutdownwithoutlogon" in box.informativeText()
    box.button(box.StandardButton.Yes).click()  # Force off
    qtbot.waitUntil(lambda: getattr(window.model.get(spec.id), "state", None) is VmState.STOPPED,
                    timeout=30_000)
