"""QEMU's `key=value,key=value` option strings: writing them safely and reading them back.

QEMU splits option values on single commas; a literal comma is written as two (",,"). Every
user-controlled value (a VM name, a path) goes through `opts`, so a folder called "Win, test"
cannot smuggle in an extra option. `parse_opts` is the inverse, used by the extra-argument
checks and by the tests that walk generated command lines.
"""

from __future__ import annotations

OptValue = str | int | bool | None


def escape(value: str) -> str:
    """A value for a QEMU option list: commas doubled so they stay part of the value."""
    return value.replace(",", ",,")


def onoff(flag: bool) -> str:
    # 7.2 still accepts short booleans ("server", "nowait") but they are deprecated since 6.0.
    return "on" if flag else "off"


def opts(head: str | None, *pairs: tuple[str, OptValue]) -> str:
    """`head,key=value,…`; booleans become on/off, None drops the pair, strings are escaped.

    `head` is the implied first value (a driver or device name, never user text) and is
    written as is.
    """
    parts: list[str] = [] if head is None else [head]
    for key, value in pairs:
        if value is None:
            continue
        if isinstance(value, bool):
            text = onoff(value)
        elif isinstance(value, int):
            text = str(value)
        else:
            text = escape(value)
        parts.append(f"{key}={text}")
    return ",".join(parts)


def split_opts(text: str) -> list[str]:
    """Split on single commas; ",," is an escaped comma inside a value."""
    items: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == ",":
            if i + 1 < len(text) and text[i + 1] == ",":
                current.append(",")
                i += 2
                continue
            items.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    items.append("".join(current))
    return items


def parse_opts(text: str, implied: str = "") -> list[tuple[str, str]]:
    """`a,b=c,d=e` → [(implied, "a"), ("b", "c"), ("d", "e")].

    An item without "=" in first place is the implied value (QEMU's `implied_opt_name`);
    elsewhere it is a bare flag, returned with the value "on" as QEMU reads it.
    """
    pairs: list[tuple[str, str]] = []
    for index, item in enumerate(split_opts(text)):
        key, sep, value = item.partition("=")
        if sep:
            pairs.append((key, value))
        elif index == 0:
            pairs.append((implied, item))
        elif item:
            pairs.append((item, "on"))
    return pairs


def opts_dict(text: str, implied: str = "") -> dict[str, str]:
    """`parse_opts` as a dict (the last value of a repeated key wins, as in QEMU)."""
    return dict(parse_opts(text, implied))
