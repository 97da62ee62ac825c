"""core.keyboard: characters → physical keys per guest layout, and the CLI's escapes."""

from __future__ import annotations

import pytest

from kvmgui.core.definition import dump_definition, parse_definition
from kvmgui.core.keyboard import (
    LAYOUTS,
    SC_ENTER,
    SC_SPACE,
    SC_TAB,
    EscapeError,
    Stroke,
    UntypableText,
    layout_name,
    text_strokes,
    unescape,
)
from kvmgui.core.model import KeyboardLayout, VmSpec

US, FR, DE = KeyboardLayout.EN_US, KeyboardLayout.FR, KeyboardLayout.DE

# Physical keys by their US names (PC/XT scancodes).
Q, W, A, Z, Y, M, E, U = 0x10, 0x11, 0x1E, 0x2C, 0x15, 0x32, 0x12, 0x16
K1, K2, K7, K9, K0 = 0x02, 0x03, 0x08, 0x0A, 0x0B
SEMICOLON, BRACKET_LEFT, EQUAL, LESS = 0x27, 0x1A, 0x0D, 0x56


def test_us_letters_digits_and_shift() -> None:
    assert text_strokes("aA1!", US) == [
        Stroke(A), Stroke(A, shift=True), Stroke(K1), Stroke(K1, shift=True),
    ]


def test_every_layout_types_all_of_printable_ascii() -> None:
    for layout in KeyboardLayout:
        table = LAYOUTS[layout]
        assert [chr(c) for c in range(0x20, 0x7F) if chr(c) not in table] == [], layout


def test_newline_and_tab_are_enter_and_tab_on_every_layout() -> None:
    for layout in KeyboardLayout:
        assert text_strokes("\n\t ", layout) == [Stroke(SC_ENTER), Stroke(SC_TAB),
                                                 Stroke(SC_SPACE)]  # fmt: skip


def test_windows_and_old_mac_line_ends_are_one_enter() -> None:
    assert text_strokes("a\r\nb\rc", US) == [
        Stroke(A), Stroke(SC_ENTER), Stroke(0x30), Stroke(SC_ENTER), Stroke(0x2E),
    ]


def test_french_azerty_swaps_letters_and_shifts_digits() -> None:
    assert text_strokes("aqzwm", FR) == [Stroke(Q), Stroke(A), Stroke(W), Stroke(Z),
                                         Stroke(SEMICOLON)]  # fmt: skip
    assert text_strokes("1290", FR) == [
        Stroke(K1, shift=True), Stroke(K2, shift=True), Stroke(K9, shift=True),
        Stroke(K0, shift=True),
    ]


def test_french_accented_letters_are_keys_of_their_own() -> None:
    assert text_strokes("éèçà", FR) == [Stroke(K2), Stroke(K7), Stroke(K9), Stroke(K0)]
    assert text_strokes("ù", FR) == [Stroke(0x28)]


def test_french_altgr_characters() -> None:
    assert text_strokes("@#~", FR) == [
        Stroke(K0, altgr=True), Stroke(0x04, altgr=True), Stroke(K2, altgr=True),
    ]
    assert text_strokes("<>", FR) == [Stroke(LESS), Stroke(LESS, shift=True)]


def test_french_dead_keys_give_circumflex_and_diaeresis_letters() -> None:
    circumflex, diaeresis = Stroke(BRACKET_LEFT), Stroke(BRACKET_LEFT, shift=True)
    assert text_strokes("ê", FR) == [circumflex, Stroke(E)]
    assert text_strokes("Ê", FR) == [circumflex, Stroke(E, shift=True)]
    assert text_strokes("ü", FR) == [diaeresis, Stroke(U)]
    assert text_strokes("ÿ", FR) == [diaeresis, Stroke(Y)]
    # The circumflex alone has a key of its own (AltGr+9): no dead key for it.
    assert text_strokes("^", FR) == [Stroke(K9, altgr=True)]
    assert text_strokes("¨", FR) == [diaeresis, Stroke(SC_SPACE)]


def test_german_qwertz_umlauts_dead_accents_and_altgr() -> None:
    assert text_strokes("yzüöäß", DE) == [
        Stroke(Z), Stroke(Y), Stroke(BRACKET_LEFT), Stroke(SEMICOLON), Stroke(0x28),
        Stroke(0x0C),
    ]
    acute, grave = Stroke(EQUAL), Stroke(EQUAL, shift=True)
    assert text_strokes("éÈ", DE) == [acute, Stroke(E), grave, Stroke(E, shift=True)]
    assert text_strokes("ý", DE) == [acute, Stroke(Z)]  # the y is where US has z
    assert text_strokes("^", DE) == [Stroke(0x29), Stroke(SC_SPACE)]
    assert text_strokes("@|", DE) == [Stroke(Q, altgr=True), Stroke(LESS, altgr=True)]


def test_untypable_characters_are_refused_up_front_and_named_once() -> None:
    with pytest.raises(UntypableText) as info:
        text_strokes("café € É €", FR)
    assert str(info.value) == "The French (AZERTY) keyboard layout cannot type “€”, “É”."
    with pytest.raises(UntypableText) as info:
        text_strokes("é\x1b", US)
    assert str(info.value) == "The English (US) keyboard layout cannot type “é”, U+001B."


def test_a_long_refusal_names_the_first_characters() -> None:
    with pytest.raises(UntypableText) as info:
        text_strokes("αβγδεζηθικ", US)
    assert str(info.value).endswith("“η”, “θ”, …."), str(info.value)


def test_layout_names() -> None:
    assert [str(layout_name(layout)) for layout in KeyboardLayout] == [
        "English (US)", "French (AZERTY)", "German (QWERTZ)",
    ]


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("hello\\n", "hello\n"),
        ("a\\tb", "a\tb"),
        ("C:\\\\Users", "C:\\Users"),
        ("\\\\n", "\\n"),
        ("plain", "plain"),
        ("", ""),
        ("real\nnewline", "real\nnewline"),
    ],
)
def test_escapes(written: str, typed: str) -> None:
    assert unescape(written) == typed


@pytest.mark.parametrize(("written", "sequence"), [("C:\\Users", "\\U"), ("end\\", "\\")])
def test_unknown_escapes_are_refused(written: str, sequence: str) -> None:
    with pytest.raises(EscapeError) as info:
        unescape(written)
    assert str(info.value) == (
        f"'{sequence}' means nothing in the text to type: write \\n for Enter, \\t for Tab "
        "and \\\\ for a backslash."
    )


def test_definition_keeps_the_layout_and_omits_the_default() -> None:
    spec = VmSpec(name="a", id="a1")
    assert b"keyboard_layout" not in dump_definition(spec)
    french = VmSpec(name="a", id="a1", keyboard_layout=FR)
    raw = dump_definition(french)
    assert b'"keyboard_layout": "fr"' in raw
    assert parse_definition(raw, source="vm.json")[0] == french
    assert parse_definition(dump_definition(spec), source="vm.json")[0].keyboard_layout is US
