"""Help › About: version, QEMU's version (probed if needed), licence, Qt and PySide6."""

from __future__ import annotations

from typing import Any

import PySide6
import pytest
from PySide6.QtCore import qVersion

from kvmgui import __version__
from kvmgui.ui.about import AboutDialog
from kvmgui.ui.main_window import MainWindow

# The dialog probes QEMU's version: not in the fast lane.
pytestmark = pytest.mark.qemu


def test_about_shows_versions_and_licence(qtbot: Any, ctx: Any) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert ctx.caps is None  # not probed yet: the dialog asks for it without waiting
    window.about_action.trigger()
    dialog = next(d for d in window.dialogs if isinstance(d, AboutDialog))
    assert dialog.isVisible()
    assert __version__ in dialog.title.text()
    assert "GPL-3.0-or-later" in dialog.licence.text()
    assert f"Qt {qVersion()}" in dialog.toolkit.text()
    assert f"PySide6 {PySide6.__version__}" in dialog.toolkit.text()
    qtbot.waitUntil(lambda: "QEMU emulator version" in dialog.qemu.text(), timeout=30_000)
    assert ctx.caps is not None and ctx.caps.version_text.split("\n")[0] in dialog.qemu.text()
    dialog.reject()
