"""The send-keys menu: key combinations the host would otherwise catch itself."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMenu, QWidget

from kvmgui.runtime.rfb.keymap import SEND_KEY_COMBOS, KeyCombo
from kvmgui.ui.i18n import translate

# Each text is a literal translate("SendKeysMenu", …) call: pyside6-lupdate only extracts
# literals, not a text passed through a helper.


def combo_label(combo: KeyCombo) -> str:
    """The menu text of a combination, translated (key names differ, e.g. Strg/Entf)."""
    if combo.name == "ctrl-alt-del":
        return translate("SendKeysMenu", "Ctrl+Alt+Del")
    if combo.name == "ctrl-alt-backspace":
        return translate("SendKeysMenu", "Ctrl+Alt+Backspace")
    if combo.name == "print":
        return translate("SendKeysMenu", "Print Screen")
    if combo.name.startswith("ctrl-alt-f"):
        number = combo.name.removeprefix("ctrl-alt-f")
        return translate("SendKeysMenu", "Ctrl+Alt+F%1").replace("%1", number)
    return combo.name


def build_send_keys_menu(parent: QWidget, send: Callable[[KeyCombo], object]) -> QMenu:
    """A menu with one action per combination; `send(combo)` is called when one is chosen."""
    menu = QMenu(translate("SendKeysMenu", "Send Key"), parent)
    menu.setAccessibleName(
        translate("SendKeysMenu", "Send a key combination to the virtual machine")
    )
    function_keys = QMenu(translate("SendKeysMenu", "Ctrl+Alt+F1 … F12 (text consoles)"), menu)
    for combo in SEND_KEY_COMBOS:
        target = function_keys if combo.name.startswith("ctrl-alt-f") else menu
        action = target.addAction(combo_label(combo))
        action.setObjectName(f"send-key-{combo.name}")
        action.triggered.connect(lambda _checked=False, c=combo: send(c))
        if combo.name == "ctrl-alt-backspace":
            menu.addMenu(function_keys)
    return menu
