"""Text from outside kvmgui (QEMU, a guest's serial console, runtime files, image headers)
made safe to show: every control character written as a visible escape.

One function for the CLI's terminal and the runtime's readers alike, so a guest can neither
retitle a terminal, rewrite the screen, hide a line behind a carriage return, nor reorder text
with a bidirectional override, whichever face shows its words.
"""

from __future__ import annotations

import re

# Format characters that reorder text (bidi embeddings, overrides and isolates) and the
# Unicode line and paragraph separators: no control character category covers them all.
_INVISIBLE = frozenset(
    {*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C, 0x2028, 0x2029}
)


def _escape_char(ch: str) -> str:
    code = ord(ch)
    named = {0x0A: "\\n", 0x09: "\\t", 0x0D: "\\r"}.get(code)
    if named is not None:
        return named
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


# C0 controls, DEL and the C1 controls (0x80-0x9f; 0x9b alone is a CSI on some terminals),
# plus the invisible reordering characters; newline and tab are kept only in multi-line text.
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f" + "".join(chr(c) for c in sorted(_INVISIBLE))
_ONE_LINE_RE = re.compile(f"[{_CONTROLS}\n\t]")
_MULTI_LINE_RE = re.compile(f"[{_CONTROLS}]")


def escape_controls(text: str, *, multiline: bool = False) -> str:
    """`text` with every control character escaped; `multiline` keeps newlines and tabs."""
    pattern = _MULTI_LINE_RE if multiline else _ONE_LINE_RE
    return pattern.sub(lambda m: _escape_char(m.group()), text)
