"""JSON from files kvmgui did not necessarily write (a vm.json from someone else, a settings
file edited by hand): strictly decoded, with the reason in one phrase when it is refused."""

from __future__ import annotations

import json
from typing import Any

from kvmgui.core.messages import QT_TRANSLATE_NOOP, KvmguiError, Message
from kvmgui.core.problems import shown


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(Message(QT_TRANSLATE_NOOP("core.strict_json", "the key '{key}' "
                "appears twice"), key=shown(key, 40)))
        result[key] = value
    return result


def _no_constant(name: str) -> object:
    raise ValueError(Message(QT_TRANSLATE_NOOP("core.strict_json", "{name} is not a number a "
        "definition may contain"), name=name))


class JsonError(KvmguiError, ValueError):
    """Bytes that are not acceptable JSON; str() is the reason as a phrase ("it is empty")."""


def decode_json(raw: bytes, *, max_bytes: int) -> object:
    """Strictly decoded JSON: UTF-8 only, no duplicate keys, no NaN/Infinity, bounded size.

    Raises JsonError.
    """
    if len(raw) > max_bytes:
        raise JsonError(Message(QT_TRANSLATE_NOOP("core.strict_json", "it is {count} bytes long, "
            "far more than such a file can be"), count=len(raw)))
    try:
        text = raw.decode("utf-8-sig")  # tolerate a BOM added by a Windows editor
    except UnicodeDecodeError as exc:
        raise JsonError(Message(QT_TRANSLATE_NOOP("core.strict_json", "it is not valid UTF-8 text "
            "(bad byte at position {start})"), start=exc.start)) from None
    if not text.strip():
        raise JsonError(Message(QT_TRANSLATE_NOOP("core.strict_json", "it is empty")))
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise JsonError(Message(QT_TRANSLATE_NOOP("core.strict_json", "it is not valid JSON ({msg} "
            "at line {lineno}, column {colno})"), msg=exc.msg, lineno=exc.lineno,
            colno=exc.colno)) from None
    except ValueError as exc:  # our hooks, or a number with thousands of digits
        raise JsonError(Message(
            QT_TRANSLATE_NOOP("core.strict_json", "it is not valid JSON ({exc})"),
            # Our hooks say it in a sentence of their own; Python's JSON reader in its words.
            exc=exc.args[0] if exc.args and isinstance(exc.args[0], Message)
            else shown(str(exc), 80),
        )) from None
    except RecursionError:
        raise JsonError(Message(
            QT_TRANSLATE_NOOP("core.strict_json", "it is nested too deeply"),
        )) from None
