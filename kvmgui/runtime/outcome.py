"""What every runtime action returns: ok or not, a sentence for the user, the raw details.

Actions never answer with a bare boolean or raise for an expected failure (the VM is already
running, the guest locked its CD tray, QEMU refused to start): the caller shows `message`,
offers `details` under a "Details" button, and may branch on `code` (a stable identifier,
e.g. "already-running") rather than on the wording.

`message` is a kvmgui.core.messages.Message: str() is the English sentence the CLI prints,
the UI shows it translated (kvmgui.ui.i18n.core_text). `details` are never translated.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Outcome:
    ok: bool
    message: str
    details: str = ""
    code: str = ""
    # A result some actions hand back (the display address, the screenshot's path).
    value: Any = None

    @classmethod
    def success(cls, message: str, *, value: Any = None, details: str = "",
                code: str = "") -> Outcome:
        return cls(True, message, details, code, value)

    @classmethod
    def failure(cls, message: str, *, code: str = "failed", details: str = "",
                value: Any = None) -> Outcome:
        return cls(False, message, details, code, value)

    def __bool__(self) -> bool:
        return self.ok
