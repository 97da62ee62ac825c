"""The VM window closes with Esc and Ctrl+W and goes to each page with Alt+1…6; its
performance graphs show their scales; dates in the UI follow the user's locale."""

from __future__ import annotations

import re
import warnings
from datetime import UTC, datetime
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kvmgui.runtime.stats import VmStats
from kvmgui.ui.details_performance import PerformancePage
from kvmgui.ui.main_window import MainWindow
from kvmgui.ui.media.snapshot_backend import short_date
from kvmgui.ui.sparkline import nice_top
from kvmgui.ui.stats_history import StatsHistory


def _fake_vm(ctx: Any, name: str) -> Any:
    from kvmgui.core.presets import new_spec

    return ctx.store.create(new_spec(name, memory_mib=256, cpus=1))


@pytest.mark.parametrize("keys", ["Escape", "Ctrl+W"])
def test_details_window_closes_with_esc_and_ctrl_w(qtbot: Any, ctx: Any, keys: str) -> None:
    stored = _fake_vm(ctx, "closer")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    details = window.open_vm_window(stored.spec.id)
    assert details is not None
    qtbot.waitExposed(details)
    # The offscreen platform activates no window by itself, and a window shortcut needs its
    # window active.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        QApplication.setActiveWindow(details)
    qtbot.waitUntil(details.isActiveWindow, timeout=5000)
    if keys == "Escape":
        QTest.keyClick(details, Qt.Key.Key_Escape)
    else:
        QTest.keyClick(details, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    # Closed (WA_DeleteOnClose then deletes it once the event loop gets back to it).
    qtbot.waitUntil(lambda: not shiboken6.isValid(details) or not details.isVisible(),
                    timeout=5000)


def test_each_page_has_its_alt_number_snapshots_last(qtbot: Any, ctx: Any) -> None:
    stored = _fake_vm(ctx, "pages")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    details = window.open_vm_window(stored.spec.id)
    qtbot.waitExposed(details)
    assert details.tabs.count() == 6
    assert details.tabs.widget(5) is details.snapshots
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        QApplication.setActiveWindow(details)
    qtbot.waitUntil(details.isActiveWindow, timeout=5000)
    QTest.keyClick(details, Qt.Key.Key_6, Qt.KeyboardModifier.AltModifier)
    assert details.tabs.currentWidget() is details.snapshots
    QTest.keyClick(details, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert details.tabs.currentWidget() is details.hardware
    details.close()


def test_nice_top_rounds_up_to_a_readable_scale() -> None:
    assert nice_top(37.0) == 50.0
    assert nice_top(100.0) == 100.0
    assert nice_top(137.0) == 200.0
    mib = 1024 * 1024
    assert nice_top(402.9 * mib, 1024) == 500 * mib
    assert nice_top(1.7 * 1024 * mib, 1024) == 2 * 1024 * mib


def test_graphs_show_their_scale_and_time_span(qtbot: Any) -> None:
    history = StatsHistory()
    page = PerformancePage(history, "v" * 12, 1.0)
    qtbot.addWidget(page)
    page.resize(600, 500)
    page.show()
    mib = 1024 * 1024
    for i in range(5):
        history.add("v" * 12, VmStats("v" * 12, 42, 37.0 + i, int(402.9 * mib), 10.0,
                                      sampled_at=float(i)))
    # 100 % is one busy host core: the CPU scale never goes below it.
    assert page.cpu.axis_labels() == ("100 %", "0", "2 minutes ago", "now")
    assert page.memory.axis_labels()[:2] == ("500 MiB", "0")
    assert page.disk.axis_labels()[0].endswith("/s")
    assert "Scale: 0 to 500 MiB." in page.memory.accessibleDescription()
    page.set_interval(0.5)  # 120 samples of 0.5 s: one minute
    assert page.cpu.axis_labels()[2] == "60 seconds ago"
    assert "over the last 1 minute." in page.note.text()
    assert not page.grab().isNull()  # the scales are painted without error


def test_a_date_follows_the_french_locale(qapp: Any) -> None:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    try:
        text = short_date(datetime(2026, 12, 2, 12, 5, tzinfo=UTC))
    finally:
        QLocale.setDefault(before)
    assert re.fullmatch(r"02/12/2026 \d\d:05", text), text
    english = short_date(datetime(2026, 12, 2, 12, 5, tzinfo=UTC))
    assert english != text


def test_esc_keeps_the_window_when_hardware_changes_are_not_applied(qtbot: Any,
                                                                    ctx: Any) -> None:
    stored = _fake_vm(ctx, "edited")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    details = window.open_vm_window(stored.spec.id)
    qtbot.waitExposed(details)
    details.hardware.memory.setValue(stored.spec.memory_mib + 256)
    details.close_from_keyboard()
    assert details.isVisible()
    assert details.tabs.currentWidget() is details.hardware
    assert "Apply or revert" in details.statusBar().currentMessage()
    details.hardware.memory.setValue(stored.spec.memory_mib)  # back as it was: Esc closes
    details.close_from_keyboard()
    qtbot.waitUntil(lambda: not shiboken6.isValid(details) or not details.isVisible(),
                    timeout=5000)
