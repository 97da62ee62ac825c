"""The host check dialog shows every finding of the real host probe, with copyable fixes."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton

from kvmgui.core.hostcheck import FINDING_KEYS, Status
from kvmgui.ui.hostcheck_dialog import HostCheckDialog


def test_every_finding_is_shown(qtbot: Any, ctx: Any, run_async: Any) -> None:
    dialog = HostCheckDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "Checking" in dialog.summary.text()
    run_async(dialog.check_again(), timeout=60)
    report = ctx.host_report
    assert report is not None
    assert {row.finding.key for row in dialog.rows} == set(FINDING_KEYS)
    # Problems first, then warnings, notes and what is fine.
    order = [row.finding.status for row in dialog.rows]
    rank = {Status.FAILURE: 0, Status.WARNING: 1, Status.INFO: 2, Status.OK: 3}
    assert order == sorted(order, key=rank.__getitem__)
    with_fix = [row for row in dialog.rows if row.finding.fix]
    for row in with_fix:
        assert row.fix_edit is not None and row.fix_edit.text() == row.finding.fix
        assert row.fix_edit.isReadOnly()
    if with_fix:
        row = with_fix[0]
        copy = next(b for b in row.findChildren(QPushButton) if b.text() == "Copy")
        copy.click()
        assert QGuiApplication.clipboard().text() == row.finding.fix
    if not report.facts.kvm_usable:
        assert "slower" in dialog.summary.text()
    assert dialog.again.isEnabled()
