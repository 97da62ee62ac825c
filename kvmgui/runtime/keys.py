"""Key combinations as people write them ("ctrl-alt-delete", "Ctrl+Alt+F2") → QEMU qcodes."""

from __future__ import annotations

import re

from kvmgui.core.messages import QT_TRANSLATE_NOOP, KvmguiError, Message

# QAPI's QKeyCode enum as of QEMU 7.2 (query-qmp-schema); newer QEMUs only add names.
_QCODE_TEXT = """
    unmapped shift shift_r alt alt_r ctrl ctrl_r menu esc 1 2 3 4 5 6 7 8 9 0 minus equal
    backspace tab q w e r t y u i o p bracket_left bracket_right ret a s d f g h j k l semicolon
    apostrophe grave_accent backslash z x c v b n m comma dot slash asterisk spc caps_lock f1 f2
    f3 f4 f5 f6 f7 f8 f9 f10 num_lock scroll_lock kp_divide kp_multiply kp_subtract kp_add
    kp_enter kp_decimal sysrq kp_0 kp_1 kp_2 kp_3 kp_4 kp_5 kp_6 kp_7 kp_8 kp_9 less f11 f12
    print home pgup pgdn end left up down right insert delete stop again props undo front copy
    open paste find cut lf help meta_l meta_r compose pause ro hiragana henkan yen muhenkan
    katakanahiragana kp_comma kp_equals power sleep wake audionext audioprev audiostop audioplay
    audiomute volumeup volumedown mediaselect mail calculator computer ac_home ac_back
    ac_forward ac_refresh ac_bookmarks lang1 lang2"""
QCODES = frozenset(_QCODE_TEXT.split())

ALIASES = {
    "control": "ctrl", "lctrl": "ctrl", "rctrl": "ctrl_r",
    "lalt": "alt", "ralt": "alt_r", "altgr": "alt_r",
    "lshift": "shift", "rshift": "shift_r",
    "del": "delete", "ins": "insert",
    "enter": "ret", "return": "ret",
    "escape": "esc",
    "space": "spc",
    "bksp": "backspace", "backspace": "backspace",
    "pageup": "pgup", "pagedown": "pgdn", "page_up": "pgup", "page_down": "pgdn",
    "super": "meta_l", "win": "meta_l", "windows": "meta_l", "meta": "meta_l", "cmd": "meta_l",
    "printscreen": "print", "prtsc": "print",
    "capslock": "caps_lock", "numlock": "num_lock", "scrolllock": "scroll_lock",
    "pause": "pause", "break": "pause",
    ".": "dot", ",": "comma", "/": "slash", ";": "semicolon", "=": "equal",
    "`": "grave_accent", "'": "apostrophe", "\\": "backslash", "[": "bracket_left",
    "]": "bracket_right",
}


class KeyNameError(KvmguiError, ValueError):
    """A key name QEMU does not know; str() says which and how to write it."""


def parse_combo(text: str) -> list[str]:
    """"ctrl-alt-delete" / "Ctrl+Alt+Del" / "alt-f2" → ["ctrl", "alt", "delete"].

    Keys are joined with '-' or '+'; a lone '-' or '+' is the key itself ("minus", "kp_add").
    """
    text = text.strip()
    if not text:
        raise KeyNameError(Message(QT_TRANSLATE_NOOP(
            "runtime.keys",
            "No key was given: write a key or a combination such as ctrl-alt-delete.")))
    # "ctrl--" means ctrl and minus: split on a separator that follows a key name.
    parts = [text] if text in ("-", "+") else re.split(r"(?<=[^-+])[-+]", text)
    keys = []
    for part in parts:
        name = part.strip().lower()
        if name == "-":
            name = "minus"
        elif name == "+":
            name = "kp_add"
        name = ALIASES.get(name, name)
        if name not in QCODES:
            raise KeyNameError(Message(QT_TRANSLATE_NOOP(
                "runtime.keys",
                "'{part}' is not a key name QEMU knows: use names such as ctrl, alt, shift, "
                "delete, ret, esc, tab, f1…f12, a…z, 0…9 (joined with '-', e.g. ctrl-alt-f2)."),
                part=part))
        keys.append(name)
    return keys
