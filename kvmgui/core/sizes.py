"""Reading and writing sizes the way people type them: "20G", "500 M", "1.5T", "512 MiB".

Units are binary, like qemu-img: K/M/G/T mean KiB/MiB/GiB/TiB. "GB" and "GiB" are accepted as
synonyms of "G" because people write them interchangeably; the 7 % difference never matters
for a disk image and silently taking GB as 10^9 would surprise qemu-img users.

A bare number takes `default_unit`, which is "G" by default because disk sizes are what people
type in the wizard and the CLI (`--disk-size 20` means 20 GiB). Pass default_unit="B" where a
bare number must mean bytes.
"""

from __future__ import annotations

import re

from kvmgui.core.messages import QT_TRANSLATE_NOOP, KvmguiError, Message

KIB = 1024
MIB = KIB * 1024
GIB = MIB * 1024
TIB = GIB * 1024

# Larger values are typos ("2000T" meant as "2000G"), not disks anybody gives a VM here.
MAX_SIZE = 64 * TIB

_UNITS: dict[str, int] = {
    "b": 1,
    "k": KIB,
    "m": MIB,
    "g": GIB,
    "t": TIB,
}

# Number, optional spaces, optional unit: "1.5T", "20 GiB", "512mb", "2048".
_SIZE_RE = re.compile(
    r"(?P<num>[+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*(?P<unit>(?:[bkmgt]|[kmgt]i?b|bytes?)?)",
    re.IGNORECASE,
)

_EXAMPLE = Message(QT_TRANSLATE_NOOP("core.sizes", "write it like 20G or 500M."))
_MAX_SHOWN = 24


class SizeError(KvmguiError, ValueError):
    """A size that cannot be used; str(error) is one sentence saying what to write instead."""


def _shown(text: str) -> str:
    """The user's text, made safe to put in a message (no control characters, not too long)."""
    clean = "".join(ch if ch.isprintable() else "?" for ch in text.strip())
    return clean if len(clean) <= _MAX_SHOWN else clean[: _MAX_SHOWN - 1] + "…"


def parse_size(text: str, default_unit: str = "G") -> int:
    """The number of bytes `text` stands for; raises SizeError with one plain sentence.

    Zero, negative, unparsable and absurd (> 64 TiB) sizes are rejected. Fractions are allowed
    ("1.5T") and rounded to whole bytes.
    """
    unit_key = default_unit.strip().lower()[:1]
    if unit_key not in _UNITS:
        raise ValueError(f"default_unit must be one of B, K, M, G, T, not {default_unit!r}")
    if not isinstance(text, str):
        raise SizeError(Message(
            QT_TRANSLATE_NOOP("core.sizes", "{text} is not a size: {example}"),
            text=repr(text),
            example=_EXAMPLE,
        ))
    stripped = text.strip()
    # Long inputs are never sizes; refusing them early keeps Decimal away from huge numbers.
    match = _SIZE_RE.fullmatch(stripped) if len(stripped) <= 40 else None
    if not stripped:
        raise SizeError(Message(
            QT_TRANSLATE_NOOP("core.sizes", "The size is empty: {example}"),
            example=_EXAMPLE,
        ))
    if match is None:
        raise SizeError(Message(
            QT_TRANSLATE_NOOP("core.sizes", "'{text}' is not a size: {example}"),
            text=_shown(text),
            example=_EXAMPLE,
        ))
    # Imported here: the app shows sizes from its first paint, and parses one only when the
    # user types it (decimal's module and library are a third of a MiB resident).
    from decimal import Decimal, InvalidOperation

    try:
        number = Decimal(match["num"])
    except InvalidOperation as exc:  # pragma: no cover - the regex only lets decimals through
        raise SizeError(Message(
            QT_TRANSLATE_NOOP("core.sizes", "'{text}' is not a size: {example}"),
            text=_shown(text),
            example=_EXAMPLE,
        )) from exc
    unit = match["unit"].lower()
    if not unit:
        multiplier = _UNITS[unit_key]
    elif unit.startswith("byte"):
        multiplier = 1
    else:
        multiplier = _UNITS[unit[0]]
    if number < 0:
        raise SizeError(Message(
            QT_TRANSLATE_NOOP("core.sizes", "'{text}' is negative: write a size like 20G or 500M."),
            text=_shown(text),
        ))
    value = number * multiplier
    if value > MAX_SIZE:
        raise SizeError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core.sizes",
                    "'{text}' is more than the largest size kvmgui accepts (64 TiB): write a "
                    "smaller size like 20G or 500G.",
                ),
                text=_shown(text),
            )
        )
    result = int(value.to_integral_value())
    if result <= 0:
        raise SizeError(Message(
            QT_TRANSLATE_NOOP("core.sizes", "'{text}' is zero: write a size like 20G or 500M."),
            text=_shown(text),
        ))
    return result


def format_size(n: int) -> str:
    """A byte count for people: "20 GiB", "1.5 GiB", "512 MiB", "100 bytes"."""
    sign = "-" if n < 0 else ""
    n = abs(n)
    if n < KIB:
        return Message(
            QT_TRANSLATE_NOOP("core.sizes", "{sign}{n} bytes"),
            sign=sign,
            n=n,
        ) if n != 1 else Message(
            QT_TRANSLATE_NOOP("core.sizes", "{sign}1 byte"),
            sign=sign,
        )
    for name, factor in (("TiB", TIB), ("GiB", GIB), ("MiB", MIB), ("KiB", KIB)):
        if n >= factor:
            text = f"{n / factor:.1f}".removesuffix(".0")
            return f"{sign}{text} {name}"
    raise AssertionError("unreachable")  # pragma: no cover


def format_size_arg(n: int) -> str:
    """A byte count written the shortest way qemu-img and parse_size both read back exactly."""
    if n <= 0:
        raise ValueError(Message(QT_TRANSLATE_NOOP("core.sizes", "a size must be more than zero")))
    for suffix, factor in (("T", TIB), ("G", GIB), ("M", MIB), ("K", KIB)):
        if n % factor == 0:
            return f"{n // factor}{suffix}"
    # An explicit "B": a bare number would mean GiB to parse_size.
    return f"{n}B"


class Size(int):
    """A size in bytes as a message value: str() is "1.5 GiB"; the UI writes it with the
    user's units and decimal mark (kvmgui.core.messages)."""

    def __str__(self) -> str:
        return format_size(int(self))
