"""A SPICE guest's console page: it explains, offers "Open display", and when remote-viewer
is missing says exactly how to install it (a real SPICE VM under TCG)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from kvmgui.core.model import Display, DisplayKind, VideoModel
from kvmgui.runtime.state import VmState
from kvmgui.ui.errors import open_boxes
from kvmgui.ui.main_window import MainWindow
from tests.runtime.helpers import tiny_spec


@pytest.mark.qemu
def test_spice_page_opens_display_or_says_how_to_install(
        qtbot: Any, live_ctx: Any, run_async: Any, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    spec = tiny_spec("spicy", display=Display(DisplayKind.SPICE, VideoModel.QXL))
    live_ctx.store.create(spec)
    window = MainWindow(live_ctx)
    qtbot.addWidget(window)
    window.show()
    run_async(window.startup(), timeout=60)
    controller = live_ctx.controller(spec.id)
    assert run_async(controller.start(), timeout=60).ok
    qtbot.waitUntil(lambda: getattr(window.model.get(spec.id), "state", None) is VmState.RUNNING,
                    timeout=30_000)

    page = window.open_console(spec.id)
    assert page.stack.currentWidget() is page.message_page
    assert "SPICE" in page.message_title.text()
    assert page.message_button.isVisible()
    assert page.message_button.text().replace("&", "") == "Open display"
    assert not page.viewer_action.isVisible()  # the VNC-only tool bar action

    monkeypatch.setenv("PATH", str(tmp_path))  # no remote-viewer on this PATH
    before = len(open_boxes())
    qtbot.mouseClick(page.message_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(open_boxes()) > before, timeout=10_000)
    box = open_boxes()[-1]
    assert "sudo apt install virt-viewer" in box.informativeText()
    box.close()
    window.show_list()
    assert run_async(controller.force_off(), timeout=60).ok
