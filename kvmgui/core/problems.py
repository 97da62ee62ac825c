"""A problem found in what the user asked for (a field, how bad, one sentence), and shown()
for quoting untrusted text in such a sentence.

Apart from the validation rules (core.validation) so that what reads the settings before the
main window's first paint does not load those rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    field: str
    severity: Severity
    message: str


def shown(text: str, limit: int = 200) -> str:
    """Untrusted text made safe to quote in a message: no control characters, bounded length."""
    clean = "".join(ch if ch.isprintable() else "?" for ch in text)
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"
