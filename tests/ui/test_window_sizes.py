"""Every dialog and window opens whole on a 1024×768 screen, in English and in French.

Each top-level window is opened as the app opens it (offscreen) and its minimum size (what
the layout forces) and the size it opens at are compared with 1024×768 less a desktop panel
and the window frame. A window larger than that has its buttons off the screen on a small
laptop or a VM console, with no way for a novice to reach them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QSize
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget, QWizard

from kvmgui.core.model import Disk
from kvmgui.core.presets import new_spec
from kvmgui.ui import i18n
from kvmgui.ui.main_window import MainWindow

# Every test here runs qemu-img, qemu-io or qemu-system-x86_64: not in the fast lane.
pytestmark = pytest.mark.qemu

# 1024×768 less a panel (about 32 px), a title bar (about 30 px) and the frame.
MAX_WIDTH = 1024 - 16
MAX_HEIGHT = 768 - 32 - 40


@pytest.fixture(params=["en", "fr"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translator = None
    if request.param == "fr":
        translator = i18n.install_translator(
            qapp, QLocale(QLocale.Language.French, QLocale.Country.France))
        assert translator is not None
    yield request.param
    if translator is not None:
        i18n.remove_translator(qapp, translator)


def _problems(name: str, window: QWidget) -> list[str]:
    window.show()
    QApplication.processEvents()
    found = []
    pages: list[QWidget | None] = [None]
    for tabs in window.findChildren(QTabWidget):
        if tabs.window() is window:
            pages = [tabs.widget(i) for i in range(tabs.count())]
            break
    minimum = window.minimumSize().expandedTo(window.minimumSizeHint())
    if isinstance(window, QWizard):  # each page's own needs, as the wizard shows them
        for page_id in window.pageIds():
            hint = window.page(page_id).minimumSizeHint()
            minimum = minimum.expandedTo(QSize(hint.width(), hint.height()))
    opened = window.size()
    for what, size in (("minimum size", minimum), ("opening size", opened)):
        if size.width() > MAX_WIDTH or size.height() > MAX_HEIGHT:
            found.append(f"{name}: {what} {size.width()}×{size.height()} (pages: {len(pages)})")
    return found


def _vm(ctx: Any, name: str) -> Any:
    spec = new_spec(name, memory_mib=256, cpus=1)
    spec = replace(spec, disks=(Disk(path="disk.qcow2", size_bytes=1 << 30),))
    stored = ctx.store.create(spec)
    (stored.folder.dir / "disk.qcow2").write_bytes(b"")
    return stored


def test_every_window_fits_a_1024x768_screen(qtbot: Any, ctx: Any, language: str) -> None:
    stored = _vm(ctx, "fits")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.reload()
    vm_id = stored.spec.id
    openers: dict[str, Callable[[], Any]] = {
        "main window": lambda: window,
        "VM window": lambda: window.open_vm_window(vm_id),
        "new VM wizard": lambda: window.open_wizard(),
        "preferences": window.open_preferences,
        "about": window.open_about,
        "host check": window.open_host_check,
        "image tools": lambda: window.open_image_tools(),
        "clone": lambda: window.open_clone(vm_id),
        "copy a device": lambda: window.open_copy_device(vm_id),
        "restore": lambda: window.open_restore(),
        "USB test": lambda: window.test_usb_stick(),
    }
    problems: list[str] = []
    for name, opener in openers.items():
        opened = opener()
        assert opened is not None, name
        problems += _problems(f"{name} ({language})", opened)
        if opened is not window:
            opened.close()
    from kvmgui.ui.console.window import ConsoleWindow

    console = ConsoleWindow(vm_name="fits")
    qtbot.addWidget(console)
    problems += _problems(f"detached console ({language})", console)
    console.close()
    assert not problems, "windows too large for 1024×768:\n" + "\n".join(problems)
