"""The send-keys menu: key combinations the host would otherwise catch itself."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QWidget

from kvmgui.runtime.rfb.keymap import SEND_KEY_COMBOS, KeyCombo


def _tr(text: str) -> str:
    return QCoreApplication.translate("SendKeysMenu", text)


def combo_label(combo: KeyCombo) -> str:
    """The menu text of a combination, translated (key names differ, e.g. Strg/Entf)."""
    if combo.name == "ctrl-alt-del":
        return _tr("Ctrl+Alt+Del")
    if combo.name == "ctrl-alt-backspace":
        return _tr("Ctrl+Alt+Backspace")
    if combo.name == "print":
        return _tr("Print Screen")
    if combo.name.startswith("ctrl-alt-f"):
        return _tr("Ctrl+Alt+F%1").replace("%1", combo.name.removeprefix("ctrl-alt-f"))
    return combo.name


def build_send_keys_menu(parent: QWidget, send: Callable[[KeyCombo], object]) -> QMenu:
    """A menu with one action per combination; `send(combo)` is called when one is chosen."""
    menu = QMenu(_tr("Send Key"), parent)
    menu.setAccessibleName(_tr("Send a key combination to the virtual machine"))
    function_keys = QMenu(_tr("Ctrl+Alt+F1 … F12 (text consoles)"), menu)
    for combo in SEND_KEY_COMBOS:
        target = function_keys if combo.name.startswith("ctrl-alt-f") else menu
        action = target.addAction(combo_label(combo))
        action.setObjectName(f"send-key-{combo.name}")
        action.triggered.connect(lambda _checked=False, c=combo: send(c))
        if combo.name == "ctrl-alt-backspace":
            menu.addMenu(function_keys)
    return menu
