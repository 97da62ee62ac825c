"""Keyboard tables: host evdev codes → PC/XT scancodes, keysyms, and the send-keys combos.

QEMU's extended key event carries the PC/XT (set 1) scancode of the physical key, so the guest
sees the key the user pressed, whatever the host's and the guest's layouts are. Scancodes here
are ints; keys with an 0xE0 prefix are written 0xE0xx (0xE01D = right Ctrl).
"""

from __future__ import annotations

from dataclasses import dataclass

from kvmgui.core.keyboard import LAYOUTS, SC_ENTER, SC_SPACE, SC_TAB, UntypableText
from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message
from kvmgui.core.model import KeyboardLayout

# Linux evdev codes 1..83 are the set-1 scancodes themselves (ESC=1 … KP. = 83).
_EVDEV_SPECIAL: dict[int, int] = {
    85: 0x76,  # ZENKAKUHANKAKU
    86: 0x56,  # 102ND (the extra key left of Z on ISO keyboards)
    87: 0x57,  # F11
    88: 0x58,  # F12
    89: 0x73,  # RO
    90: 0x78,  # KATAKANA
    91: 0x77,  # HIRAGANA
    92: 0x79,  # HENKAN
    93: 0x70,  # KATAKANAHIRAGANA
    94: 0x7B,  # MUHENKAN
    95: 0x5C,  # KPJPCOMMA
    96: 0xE01C,  # KPENTER
    97: 0xE01D,  # RIGHTCTRL
    98: 0xE035,  # KPSLASH
    99: 0xE037,  # SYSRQ = the Print Screen key of PC keyboards
    100: 0xE038,  # RIGHTALT (AltGr)
    102: 0xE047,  # HOME
    103: 0xE048,  # UP
    104: 0xE049,  # PAGEUP
    105: 0xE04B,  # LEFT
    106: 0xE04D,  # RIGHT
    107: 0xE04F,  # END
    108: 0xE050,  # DOWN
    109: 0xE051,  # PAGEDOWN
    110: 0xE052,  # INSERT
    111: 0xE053,  # DELETE
    113: 0xE020,  # MUTE
    114: 0xE02E,  # VOLUMEDOWN
    115: 0xE030,  # VOLUMEUP
    116: 0xE05E,  # POWER
    117: 0x59,  # KPEQUAL
    119: 0xE046,  # PAUSE (QEMU turns it into the E1 1D 45 sequence)
    121: 0x7E,  # KPCOMMA
    124: 0x7D,  # YEN
    125: 0xE05B,  # LEFTMETA
    126: 0xE05C,  # RIGHTMETA
    127: 0xE05D,  # COMPOSE (menu key)
    128: 0xE068,  # STOP
    140: 0xE021,  # CALC
    142: 0xE05F,  # SLEEP
    143: 0xE063,  # WAKEUP
    155: 0xE06C,  # MAIL
    158: 0xE06A,  # BACK
    159: 0xE069,  # FORWARD
    163: 0xE019,  # NEXTSONG
    164: 0xE022,  # PLAYPAUSE
    165: 0xE010,  # PREVIOUSSONG
    166: 0xE024,  # STOPCD
    172: 0xE032,  # HOMEPAGE
}

EVDEV_TO_XT: dict[int, int] = {code: code for code in range(1, 84)} | _EVDEV_SPECIAL

# X11/xkb (xcb and Wayland) key codes are evdev codes + 8; Qt reports them as nativeScanCode().
XKB_KEYCODE_OFFSET = 8


def evdev_to_xt(evdev: int) -> int | None:
    return EVDEV_TO_XT.get(evdev)


def xkb_keycode_to_xt(keycode: int) -> int | None:
    return EVDEV_TO_XT.get(keycode - XKB_KEYCODE_OFFSET)


# Common scancodes by name.
SC_ESC = 0x01
SC_BACKSPACE = 0x0E
SC_LEFT_CTRL = 0x1D
SC_LEFT_SHIFT = 0x2A
SC_RIGHT_SHIFT = 0x36
SC_LEFT_ALT = 0x38
SC_DELETE = 0xE053
SC_PRINT = 0xE037
SC_F = (0x3B, 0x3C, 0x3D, 0x3E, 0x3F, 0x40, 0x41, 0x42, 0x43, 0x44, 0x57, 0x58)  # F1..F12

# X keysyms, for servers without the extended key event (they map keysyms through a keymap).
XK_BACKSPACE = 0xFF08
XK_TAB = 0xFF09
XK_RETURN = 0xFF0D
XK_ESCAPE = 0xFF1B
XK_DELETE = 0xFFFF
XK_PRINT = 0xFF61
XK_SHIFT_L = 0xFFE1
XK_CONTROL_L = 0xFFE3
XK_ALT_L = 0xFFE9
XK_F1 = 0xFFBE

_SCANCODE_KEYSYMS: dict[int, int] = {
    SC_ESC: XK_ESCAPE,
    SC_BACKSPACE: XK_BACKSPACE,
    SC_TAB: XK_TAB,
    SC_ENTER: XK_RETURN,
    SC_LEFT_CTRL: XK_CONTROL_L,
    SC_LEFT_SHIFT: XK_SHIFT_L,
    SC_RIGHT_SHIFT: 0xFFE2,
    SC_LEFT_ALT: XK_ALT_L,
    SC_SPACE: 0x20,
    SC_DELETE: XK_DELETE,
    SC_PRINT: XK_PRINT,
    0xE01D: 0xFFE4,  # Control_R
    0xE038: 0xFE03,  # ISO_Level3_Shift (AltGr)
    0xE047: 0xFF50,  # Home
    0xE048: 0xFF52,  # Up
    0xE049: 0xFF55,  # Prior
    0xE04B: 0xFF51,  # Left
    0xE04D: 0xFF53,  # Right
    0xE04F: 0xFF57,  # End
    0xE050: 0xFF54,  # Down
    0xE051: 0xFF56,  # Next
    0xE052: 0xFF63,  # Insert
    0xE05B: 0xFFEB,  # Super_L
} | {sc: XK_F1 + i for i, sc in enumerate(SC_F)}

# US layout: character → (scancode, shift), from core.keyboard's table (the one table of
# layouts). Used to type text and for keysym fallbacks.
US_LAYOUT: dict[str, tuple[int, bool]] = {
    ch: (strokes[0].key, strokes[0].shift)
    for ch, strokes in LAYOUTS[KeyboardLayout.EN_US].items()
}
for _ch, (_sc, _shift) in US_LAYOUT.items():
    if not _shift and _ch.isprintable():
        _SCANCODE_KEYSYMS.setdefault(_sc, ord(_ch))


def keysym_for_scancode(xt: int) -> int | None:
    """The US-layout keysym of an unshifted key, for servers that only understand keysyms."""
    return _SCANCODE_KEYSYMS.get(xt)


def keysym_for_char(ch: str) -> int:
    """X keysym of a character: Latin-1 maps to itself, the rest to 0x01000000 + code point."""
    code = ord(ch)
    if ch == "\n":
        return XK_RETURN
    if ch == "\t":
        return XK_TAB
    if 0x20 <= code <= 0x7E or 0xA0 <= code <= 0xFF:
        return code
    return 0x01000000 | code


def us_text_strokes(text: str) -> list[tuple[int, bool, int]]:
    """(scancode, shift, keysym) for each character of `text` typed on a US keyboard.

    Raises ValueError for characters a US keyboard cannot type.
    """
    strokes = []
    for ch in text:
        if ch not in US_LAYOUT:
            raise UntypableText(Message(QT_TRANSLATE_NOOP(
                "runtime.rfb.keymap", "“{character}” cannot be typed on a US keyboard."),
                character=ch))
        sc, shift = US_LAYOUT[ch]
        strokes.append((sc, shift, keysym_for_char(ch)))
    return strokes


@dataclass(frozen=True)
class KeyCombo:
    """A key combination for the send-keys menu: keys are pressed in order, released reversed."""

    name: str  # stable identifier, e.g. "ctrl-alt-del"
    keys: tuple[int, ...]  # scancodes


SEND_KEY_COMBOS: tuple[KeyCombo, ...] = (
    KeyCombo("ctrl-alt-del", (SC_LEFT_CTRL, SC_LEFT_ALT, SC_DELETE)),
    KeyCombo("ctrl-alt-backspace", (SC_LEFT_CTRL, SC_LEFT_ALT, SC_BACKSPACE)),
    *(KeyCombo(f"ctrl-alt-f{i + 1}", (SC_LEFT_CTRL, SC_LEFT_ALT, sc)) for i, sc in enumerate(SC_F)),
    KeyCombo("print", (SC_PRINT,)),
)
COMBOS_BY_NAME: dict[str, KeyCombo] = {c.name: c for c in SEND_KEY_COMBOS}
