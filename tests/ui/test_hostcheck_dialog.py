"""The host check dialog and the main window's banner: a plain sentence and the fix first, the
technical facts hidden under "Details" until asked for, each fix shown once."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from kvmgui.core.hostcheck import (
    FINDING_KEYS,
    KVM_SLOW,
    NESTED_FIX,
    report,
    status_rank,
)
from kvmgui.ui.banner import Banner, kvm_banner_text
from kvmgui.ui.hostcheck_dialog import FindingRow, HostCheckDialog
from tests.core.hosts import KVM_PVM_HOST


@pytest.mark.qemu
def test_every_finding_is_shown_once_with_its_fix(qtbot: Any, ctx: Any, run_async: Any) -> None:
    dialog = HostCheckDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "Checking" in dialog.summary.text()
    run_async(dialog.check_again(), timeout=60)
    rep = ctx.host_report
    assert rep is not None
    shown = [f.key for row in dialog.rows for f in (row.finding, *row.finding.also)]
    assert sorted(shown) == sorted(FINDING_KEYS)
    # Problems first, then warnings, notes and what is fine.
    ranks = [status_rank(row.finding.status) for row in dialog.rows]
    assert ranks == sorted(ranks)
    fixes = [row.finding.fix for row in dialog.rows if row.finding.fix]
    assert len(fixes) == len(set(fixes))  # never the same fix twice
    for row in dialog.rows:
        if row.finding.fix:
            assert row.fix_label is not None and row.fix_label.text() == row.finding.fix
            assert (row.copy_button is not None) == row.finding.fix_is_command
        assert not row.details.text.isVisible()  # details stay folded until asked for
    commands = [row for row in dialog.rows if row.copy_button is not None]
    if commands:
        row = commands[0]
        assert row.copy_button is not None and row.copy_button.text() == "Copy"
        row.copy_button.click()
        assert QGuiApplication.clipboard().text() == row.finding.fix
    if not rep.facts.kvm_usable:
        assert "slower" in dialog.summary.text()
        assert dialog.rows[0].finding.key == "accel"
        assert dialog.rows[0].message.text() == KVM_SLOW
    assert dialog.again.isEnabled()


def test_row_leads_plain_and_folds_the_jargon(qtbot: Any) -> None:
    lead = report(KVM_PVM_HOST).merged[0]
    row = FindingRow(lead)
    qtbot.addWidget(row)
    row.show()
    assert row.message.text() == KVM_SLOW
    assert row.fix_label is not None and row.fix_label.text() == NESTED_FIX
    assert row.copy_button is None  # an action to take, not a command to paste
    assert row.fix_label.wordWrap()  # a long translated fix wraps instead of being cut off
    visible = " ".join(
        label.text() for label in row.findChildren(QLabel) if label.isVisible()
    )
    assert "kvm_pvm" not in visible and "TCG" not in visible
    assert row.details.isVisible() and not row.details.text.isVisible()
    qtbot.mouseClick(row.details.button, Qt.MouseButton.LeftButton)
    assert row.details.expanded and row.details.text.isVisible()
    text = row.details.text.text()
    assert "kvm_pvm" in text and "TCG" in text and "vmx/svm" in text
    # The findings folded into this one are in the details, each under its own title.
    assert "Processor: " in text and "Virtualization driver: " in text
    qtbot.mouseClick(row.details.button, Qt.MouseButton.LeftButton)
    assert not row.details.text.isVisible()


def test_sound_module_row_offers_the_package(qtbot: Any) -> None:
    audio = next(f for f in report(KVM_PVM_HOST).merged if f.key == "audio")
    row = FindingRow(audio)
    qtbot.addWidget(row)
    assert "QEMU lacks its sound module" in row.message.text()
    assert row.copy_button is not None
    assert audio.fix == "sudo apt install qemu-system-gui"


def test_banner_says_it_plainly_with_the_fix_and_hides_the_details(qtbot: Any) -> None:
    banner = Banner()
    qtbot.addWidget(banner)
    text, details = kvm_banner_text(report(KVM_PVM_HOST))
    banner.show_message(text, "Open the &host check", details=details)
    lines = banner.text.text().split("\n")
    assert lines[0] == KVM_SLOW
    assert lines[1] == f"What to do: {NESTED_FIX}"
    assert "kvm_pvm" not in banner.text.text() and "TCG" not in banner.text.text()
    assert banner.isVisible() and banner.details.isVisible()
    assert not banner.details.text.isVisible()
    banner.details.button.click()
    assert banner.details.text.isVisible() and "kvm_pvm" in banner.details.text.text()
    # A message without details (the VM-folder banner) shows no Details button at all.
    banner.show_message("Two VM folders could not be read.", "Show &why")
    assert not banner.details.isVisible()
