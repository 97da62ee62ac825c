"""core.messages: a Message is its English sentence and keeps what the UI needs to translate
it; composed messages keep their parts."""

from __future__ import annotations

import copy
import pickle

import pytest

from kvmgui.core.messages import (
    COLON,
    QT_TRANSLATE_NOOP,
    KvmguiError,
    Message,
    capitalised,
    joined,
    plural,
)

DISK = QT_TRANSLATE_NOOP("tests", "the disk {path}")


def test_a_message_is_its_english_sentence_with_its_template_and_values() -> None:
    m = Message(DISK, path="/a {b}")
    assert m == "the disk /a {b}"
    assert (m.context, m.template, m.values) == ("tests", "the disk {path}", {"path": "/a {b}"})


def test_a_missing_value_is_a_programming_error() -> None:
    with pytest.raises(TypeError, match="path"):
        Message(DISK)


@pytest.mark.parametrize(
    "clone", [copy.copy, copy.deepcopy, lambda m: pickle.loads(pickle.dumps(m))]
)
def test_copies_keep_the_structure(clone: object) -> None:
    for m in (
        Message(DISK, path="/x"),
        joined([Message(DISK, path="/x"), "data"], COLON),
        capitalised(Message(DISK, path="/x")),
    ):
        again = clone(m)  # type: ignore[operator]
        assert again == m and type(again) is type(m) and again.template == m.template


def test_capitalised_upper_cases_the_first_letter_only() -> None:
    c = capitalised(Message(DISK, path="/x"))
    assert c == "The disk /x" and c.inner == "the disk /x"


def test_plural_picks_the_english_form() -> None:
    one = QT_TRANSLATE_NOOP("tests", "{n} disk")
    other = QT_TRANSLATE_NOOP("tests", "{n} disks")
    assert plural(1, one, other) == "1 disk" and plural(2, one, other) == "2 disks"


def test_an_error_is_its_message_and_keeps_the_details_apart() -> None:
    error = KvmguiError(Message(DISK, path="/x"), details="qemu-img: boom")
    assert str(error) == "the disk /x" and error.details == "qemu-img: boom"
    assert isinstance(error.message, Message)
