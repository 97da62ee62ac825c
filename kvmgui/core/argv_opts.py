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


def _read_value(text: str, start: int) -> tuple[str, int]:
    """The value starting at `start` (",," is a comma in it), and where the next item starts."""
    chars: list[str] = []
    i = start
    while i < len(text):
        if text[i] == ",":
            if text.startswith(",,", i):
                chars.append(",")
                i += 2
                continue
            return "".join(chars), i + 1
        chars.append(text[i])
        i += 1
    return "".join(chars), i


def parse_opts(text: str, implied: str = "") -> list[tuple[str, str]]:
    """`a,b=c,d=e` → [(implied, "a"), ("b", "c"), ("d", "e")], read the way QEMU reads it.

    As in QEMU's option parser, an item's name runs to the first "=" or ",", whichever comes
    first, and only the value after "=" may hold ",," (an escaped comma). So the first item is
    the implied value (QEMU's `implied_opt_name`) when no "=" comes before its first comma:
    "usb-kbd,,pcap=x" is the single implied value "usb-kbd,pcap=x", not a `pcap` property.
    Elsewhere an item without "=" is a bare flag, returned with the value "on".
    """
    pairs: list[tuple[str, str]] = []
    i = 0
    first = True
    while first or i < len(text):
        item_start = name_end = i
        while name_end < len(text) and text[name_end] not in "=,":
            name_end += 1
        if name_end < len(text) and text[name_end] == "=":
            value, i = _read_value(text, name_end + 1)
            pairs.append((text[item_start:name_end], value))
        elif first:
            value, i = _read_value(text, item_start)
            pairs.append((implied, value))
        else:
            # QEMU reads a flag's name up to the next comma, and then skips one comma.
            flag = text[item_start:name_end]
            i = name_end + 1
            if flag:
                pairs.append((flag, "on"))
        first = False
    return pairs


def opts_dict(text: str, implied: str = "") -> dict[str, str]:
    """`parse_opts` as a dict (the last value of a repeated key wins, as in QEMU)."""
    return dict(parse_opts(text, implied))
