"""Paste as Keystrokes without a VM: the tool bar's action, the question before a long or
multi-line text, the refusal of characters the layout cannot type, progress and Stop."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
import qasync
from PySide6.QtCore import QLocale
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from kvmgui.core.model import KeyboardLayout
from kvmgui.core.presets import new_spec
from kvmgui.runtime.outcome import Outcome
from kvmgui.ui import errors, i18n
from kvmgui.ui.console import ConsoleWidget, ConsoleWindow
from kvmgui.ui.console.paste_keys import KeystrokePaster, Progress


@pytest.fixture(autouse=True)
def english(qapp: QApplication) -> Iterator[None]:
    """The English catalogue, as the app loads it: it holds the English plurals."""
    translator = i18n.install_translator(
        qapp, QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    assert translator is not None
    yield
    i18n.remove_translator(qapp, translator)


class FakeVm:
    """Stands for VmController.type_text: records the texts, reports progress."""

    def __init__(self, delay: float = 0.0) -> None:
        self.typed: list[str] = []
        self.delay = delay
        self.layout = KeyboardLayout.EN_US

    async def type_text(self, text: str, progress: Progress) -> Outcome[int]:
        for done in range(1, len(text) + 1):
            await asyncio.sleep(self.delay)
            progress(done, len(text))
        self.typed.append(text)
        return Outcome.success("typed", value=len(text))


def window_with(qtbot: QtBot, vm: FakeVm) -> ConsoleWindow:
    console = ConsoleWidget()
    paster = KeystrokePaster(console, vm.type_text, lambda: vm.layout)
    window = ConsoleWindow(console, vm_name="debian", paster=paster)
    qtbot.addWidget(window)
    window.show()
    return window


def test_without_a_paster_the_action_is_hidden(qtbot: QtBot) -> None:
    window = ConsoleWindow(vm_name="debian")
    qtbot.addWidget(window)
    assert not window.toolbar.paste_keys_action.isVisible()


def test_a_short_line_is_typed_at_once(qtbot: QtBot, qloop: qasync.QEventLoop) -> None:
    vm = FakeVm()
    window = window_with(qtbot, vm)
    bar = window.toolbar
    action = bar.paste_keys_action
    assert action.isVisible() and not action.isEnabled()  # nothing connected yet
    assert action in bar.send_keys_menu.actions()  # also in the Send Key menus
    assert action in window.fullscreen_bar.send_keys_menu.actions()
    button = bar.widgetForAction(action)
    assert button is not None and button.accessibleName() == "Paste as Keystrokes"
    action.setEnabled(True)  # as when the console is connected
    QGuiApplication.clipboard().setText("echo hi")
    paster = bar.paster
    assert paster is not None
    with qtbot.waitSignal(paster.finished, timeout=5000) as done:
        action.trigger()
    assert vm.typed == ["echo hi"]
    assert done.args[0].ok and paster.question is None


def test_multi_line_text_is_confirmed_first(qtbot: QtBot, qloop: qasync.QEventLoop) -> None:
    vm = FakeVm()
    window = window_with(qtbot, vm)
    paster = window.toolbar.paster
    assert paster is not None
    QGuiApplication.clipboard().setText("ls -l\r\nrm -rf build\r\n")
    paster.paste_clipboard(window)
    box = paster.question
    assert box is not None and box.isVisible() and vm.typed == []
    assert box.text() == "Type 2 lines into the virtual machine?\n\nls -l\nrm -rf build\n"
    assert box.informativeText().startswith("19 characters in all, starting as shown. Each "
                                            "line ends with Enter")
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    with qtbot.waitSignal(paster.finished) as done:
        box.button(QMessageBox.StandardButton.Cancel).click()
    assert done.args == [None] and vm.typed == []

    paster.paste_clipboard(window)
    box = paster.question
    assert box is not None
    (typing,) = [b for b in box.buttons() if b.text() == "Type It"]
    with qtbot.waitSignal(paster.finished, timeout=5000):
        typing.click()
    assert vm.typed == ["ls -l\nrm -rf build\n"]


def test_long_single_line_is_confirmed_and_shows_its_start(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    vm = FakeVm()
    window = window_with(qtbot, vm)
    paster = window.toolbar.paster
    assert paster is not None
    paster.paste("<b>" + "x" * 300, window)
    box = paster.question
    assert box is not None and box.isVisible()
    assert box.text().startswith("Type 1 line into the virtual machine?\n\n<b>xxx")
    assert box.text().endswith("x…")  # the first 120 characters, shown as text (not HTML)
    assert box.informativeText() == "303 characters in all, starting as shown."
    box.button(QMessageBox.StandardButton.Cancel).click()


def test_untypable_characters_are_refused_before_anything_is_typed(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    vm = FakeVm()
    window = window_with(qtbot, vm)
    paster = window.toolbar.paster
    assert paster is not None
    paster.paste("déjà vu", window)
    box = errors.open_boxes()[-1]
    assert box.text() == "The text was not typed."
    assert box.informativeText().startswith(
        "The English (US) keyboard layout cannot type “é”, “à”.")
    assert vm.typed == [] and paster.question is None
    box.close()
    vm.layout = KeyboardLayout.FR  # the VM's setting says French: typed
    with qtbot.waitSignal(paster.finished, timeout=5000):
        paster.paste("déjà vu", window)
    assert vm.typed == ["déjà vu"]


def test_progress_can_stop_the_typing(qtbot: QtBot, qloop: qasync.QEventLoop) -> None:
    vm = FakeVm(delay=0.01)
    window = window_with(qtbot, vm)
    paster = window.toolbar.paster
    assert paster is not None
    paster.start("y" * 2000)  # 20 s at this pace
    dialog = paster.progress
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.value() > 10, timeout=5000)
    (stop,) = dialog.findChildren(QPushButton)
    assert stop.text() == "Stop Typing"
    with qtbot.waitSignal(paster.finished, timeout=5000) as done:
        stop.click()
    assert done.args == [None] and vm.typed == [] and not paster.busy


def test_the_hardware_page_sets_the_keyboard_layout(qtbot: QtBot, ctx: Any) -> None:
    from kvmgui.runtime.state import VmState
    from kvmgui.ui.details_hardware import HardwarePage

    stored = ctx.store.create(new_spec("azerty", memory_mib=256, cpus=1))
    page = HardwarePage(ctx, stored)
    qtbot.addWidget(page)
    combo = page.keyboard_layout
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "English (US)", "French (AZERTY)", "German (QWERTZ)"]
    assert combo.currentData() == "en-us"
    page.set_state(VmState.RUNNING)
    unchanged = page.restart_note.text()
    combo.setCurrentIndex(combo.findData("fr"))
    assert page.apply_button.isEnabled()
    # It waits for no restart: it changes only which keys typing sends.
    assert page.restart_note.text() == unchanged
    assert page.apply()
    assert ctx.store.get("azerty").spec.keyboard_layout is KeyboardLayout.FR
