"""Typing text as key presses: which physical keys each character needs on the guest's layout.

QEMU's keyboard sends physical keys (PC/XT scancodes, QEMU's "qnum" numbers), and the guest's
own keymap turns them into characters. So typing "a" into a guest set to French (AZERTY)
means pressing the key a US keyboard calls Q, and a digit there needs Shift. The tables below
say, per layout, which key and which modifiers (Shift, AltGr) give each ASCII and Latin-1
character, and which keys are dead keys (^ ¨ ´ `): é on a German keyboard is the dead acute
key, then E. A character no key sequence gives is refused before anything is typed.

The layouts follow the Linux console and X11 conventions (kbd and xkb "fr", "de"), which agree
with Windows on every character here except that Windows makes AltGr+é (~) and AltGr+è (`)
dead keys on AZERTY: there a tilde is followed by the next character's accent, a rare case.

Newlines are typed as Enter and tabs as Tab; "\\r\\n" and a lone "\\r" count as one newline
(text copied on Windows). This module is the only table: the VNC console's US table
(runtime/rfb/keymap.py) is built from it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from kvmgui.core.messages import COMMA, QT_TRANSLATE_NOOP, KvmguiError, Message, joined
from kvmgui.core.model import KeyboardLayout

# PC/XT (set 1) scancodes of the keys every layout types the same way.
SC_TAB = 0x0F
SC_ENTER = 0x1C
SC_SPACE = 0x39
SC_LEFT_SHIFT = 0x2A
SC_ALTGR = 0xE038  # the right Alt key, which layouts with a third level read as AltGr

# The dead keys, written in the tables as the combining character they put on the next letter.
_DEAD_GRAVE = "\u0300"
_DEAD_ACUTE = "\u0301"
_DEAD_CIRCUMFLEX = "\u0302"
_DEAD_DIAERESIS = "\u0308"
# What a dead key followed by Space gives: the accent on its own.
_SPACING_ACCENT = {
    _DEAD_GRAVE: "`",
    _DEAD_ACUTE: "\u00b4",
    _DEAD_CIRCUMFLEX: "^",
    _DEAD_DIAERESIS: "\u00a8",
}
_NONE = "\0"  # "this level of the key types nothing" in the rows below

# Rows of physical keys, left to right from the scancode given: each key is written as the
# characters of its levels (plain, Shift, AltGr), _NONE where a level gives nothing.
_Rows = tuple[tuple[int, tuple[str, ...]], ...]

_EN_US: _Rows = (
    (0x29, ("`~",)),
    (0x02, ("1!", "2@", "3#", "4$", "5%", "6^", "7&", "8*", "9(", "0)", "-_", "=+")),
    (0x10, ("qQ", "wW", "eE", "rR", "tT", "yY", "uU", "iI", "oO", "pP", "[{", "]}")),
    (0x1E, ("aA", "sS", "dD", "fF", "gG", "hH", "jJ", "kK", "lL", ";:", "'\"")),
    (0x2B, ("\\|", "zZ", "xX", "cC", "vV", "bB", "nN", "mM", ",<", ".>", "/?")),
)

_FR: _Rows = (
    (0x29, ("\u00b2" + _NONE,)),
    (0x02, ("&1", "\u00e92~", '"3#', "'4{", "(5[", "-6|", "\u00e87`", "_8\\", "\u00e79^",
            "\u00e00@", ")\u00b0]", "=+}")),
    (0x10, ("aA", "zZ", "eE", "rR", "tT", "yY", "uU", "iI", "oO", "pP",
            _DEAD_CIRCUMFLEX + _DEAD_DIAERESIS, "$\u00a3\u00a4")),
    (0x1E, ("qQ", "sS", "dD", "fF", "gG", "hH", "jJ", "kK", "lL", "mM", "\u00f9%")),
    (0x2B, ("*\u00b5", "wW", "xX", "cC", "vV", "bB", "nN", ",?", ";.", ":/", "!\u00a7")),
    (0x56, ("<>",)),
)

_DE: _Rows = (
    (0x29, (_DEAD_CIRCUMFLEX + "\u00b0",)),
    (0x02, ("1!", '2"\u00b2', "3\u00a7\u00b3", "4$", "5%", "6&", "7/{", "8([", "9)]", "0=}",
            "\u00df?\\", _DEAD_ACUTE + _DEAD_GRAVE)),
    (0x10, ("qQ@", "wW", "eE", "rR", "tT", "zZ", "uU", "iI", "oO", "pP", "\u00fc\u00dc",
            "+*~")),
    (0x1E, ("aA", "sS", "dD", "fF", "gG", "hH", "jJ", "kK", "lL", "\u00f6\u00d6",
            "\u00e4\u00c4")),
    (0x2B, ("#'", "yY", "xX", "cC", "vV", "bB", "nN", "mM\u00b5", ",;", ".:", "-_")),
    (0x56, ("<>|",)),
)

_ROWS: dict[KeyboardLayout, _Rows] = {
    KeyboardLayout.EN_US: _EN_US,
    KeyboardLayout.FR: _FR,
    KeyboardLayout.DE: _DE,
}


@dataclass(frozen=True, slots=True)
class Stroke:
    """One key pressed and released while the modifiers it needs are held."""

    key: int  # PC/XT scancode; 0xE0xx for keys with the E0 prefix
    shift: bool = False
    altgr: bool = False


def _build(rows: _Rows) -> dict[str, tuple[Stroke, ...]]:
    direct: dict[str, Stroke] = {" ": Stroke(SC_SPACE), "\n": Stroke(SC_ENTER),
                                 "\t": Stroke(SC_TAB)}  # fmt: skip
    for first, keys in rows:
        for offset, levels in enumerate(keys):
            key = first + offset
            for level, ch in enumerate(levels):
                if ch != _NONE:
                    direct.setdefault(ch, Stroke(key, shift=level == 1, altgr=level == 2))
    table: dict[str, tuple[Stroke, ...]] = {
        ch: (stroke,) for ch, stroke in direct.items() if not unicodedata.combining(ch)
    }
    dead = {ch: stroke for ch, stroke in direct.items() if unicodedata.combining(ch)}
    # A dead key then a letter: every Latin-1 letter with that accent whose letter the layout
    # has (Shift on the letter gives the capital: dead ^ then Shift+E is Ê).
    for code in range(0xC0, 0x100):
        ch = chr(code)
        parts = unicodedata.normalize("NFD", ch)
        if ch in table or len(parts) != 2 or parts[1] not in dead or parts[0] not in table:
            continue
        table[ch] = (dead[parts[1]], *table[parts[0]])
    for mark, stroke in dead.items():
        table.setdefault(_SPACING_ACCENT[mark], (stroke, Stroke(SC_SPACE)))
    return table


LAYOUTS: dict[KeyboardLayout, dict[str, tuple[Stroke, ...]]] = {
    layout: _build(rows) for layout, rows in _ROWS.items()
}


def layout_name(layout: KeyboardLayout) -> Message:
    """The name people know a layout by, for menus and messages."""
    if layout is KeyboardLayout.FR:
        return Message(QT_TRANSLATE_NOOP("core.keyboard", "French (AZERTY)"))
    if layout is KeyboardLayout.DE:
        return Message(QT_TRANSLATE_NOOP("core.keyboard", "German (QWERTZ)"))
    return Message(QT_TRANSLATE_NOOP("core.keyboard", "English (US)"))


class UntypableText(KvmguiError, ValueError):
    """Text with characters the guest's keyboard layout cannot type; str() names them."""


def shown_character(ch: str) -> str:
    """A character as a message quotes it: “é”, or U+001B for one that does not print."""
    if ch.isprintable() and not unicodedata.combining(ch):
        return f"“{ch}”"
    return f"U+{ord(ch):04X}"


MAX_NAMED = 8  # a refusal names this many characters at most, then "…"


def normalise_newlines(text: str) -> str:
    """Line ends as "\\n": "\\r\\n" (Windows) and a lone "\\r" (old Mac) become one newline."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def text_strokes(text: str, layout: KeyboardLayout) -> list[Stroke]:
    """The key strokes that type `text` on a guest set to `layout`, in order.

    Raises UntypableText, naming every character it cannot type (each once), before anything
    is typed: half a command line typed into a guest is worse than none.
    """
    return [stroke for strokes in char_strokes(text, layout) for stroke in strokes]


def char_strokes(text: str, layout: KeyboardLayout) -> list[tuple[Stroke, ...]]:
    """The strokes of each character of `text` (line ends normalised), for progress by
    character; raises UntypableText like text_strokes."""
    table = LAYOUTS[layout]
    groups: list[tuple[Stroke, ...]] = []
    missing: list[str] = []
    for ch in normalise_newlines(text):
        found = table.get(ch)
        if found is None:
            if ch not in missing:
                missing.append(ch)
            continue
        groups.append(found)
    if missing:
        named = [shown_character(ch) for ch in missing[:MAX_NAMED]]
        if len(missing) > MAX_NAMED:
            named.append("…")
        raise UntypableText(Message(QT_TRANSLATE_NOOP(
            "core.keyboard", "The {layout} keyboard layout cannot type {characters}."),
            layout=layout_name(layout), characters=joined(named, COMMA)))
    return groups


class EscapeError(KvmguiError, ValueError):
    """A backslash sequence in typed text that means nothing; str() says how to write it."""


_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\"}


def unescape(text: str) -> str:
    """Text as a shell user writes it for `kvmgui-cli type`: "\\n" is Enter, "\\t" is Tab and
    "\\\\" is one backslash; any other backslash is an error rather than a guess (a Windows
    path typed as C:\\Users would otherwise lose or keep its backslash by accident)."""
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch != "\\":
            out.append(ch)
            i += 1
            continue
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if nxt not in _ESCAPES:
            raise EscapeError(Message(QT_TRANSLATE_NOOP(
                "core.keyboard",
                "'{sequence}' means nothing in the text to type: write \\n for Enter, \\t for "
                "Tab and \\\\ for a backslash."), sequence="\\" + nxt))
        out.append(_ESCAPES[nxt])
        i += 2
    return "".join(out)


def qemu_keycode(xt: int) -> int:
    """QEMU's number for a PC/XT scancode (the VNC extended key event's keycode, QMP's
    input-send-event "number" key): E0-prefixed codes become code|0x80."""
    if xt & 0xFF00 == 0xE000:
        return (xt & 0x7F) | 0x80
    return xt & 0x7F
