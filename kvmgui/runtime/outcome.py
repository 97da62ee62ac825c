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
from typing import TYPE_CHECKING, Generic, Never, overload

if TYPE_CHECKING:
    # A bare `Outcome` is one that hands nothing back (`Outcome[None]`). TypeVar defaults
    # reach `typing` only in Python 3.13; the checker reads them from typing_extensions, and
    # at run time the default has no effect, so no dependency is added for it.
    from typing_extensions import TypeVar

    T = TypeVar("T", covariant=True, default=None)
else:
    from typing import TypeVar

    T = TypeVar("T", covariant=True)

V = TypeVar("V")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    ok: bool
    message: str
    details: str = ""
    code: str = ""
    # A result some actions hand back (the display address, the screenshot's path); None
    # when the action failed. Covariant, so a failure (`Outcome[Never]`) fits any Outcome[T].
    value: T | None = None

    @overload
    @staticmethod
    def success(message: str, *, details: str = "", code: str = "") -> Outcome[None]: ...

    @overload
    @staticmethod
    def success(message: str, *, value: V | None, details: str = "",
                code: str = "") -> Outcome[V]: ...

    @staticmethod
    def success(message: str, *, value: object = None, details: str = "",
                code: str = "") -> Outcome[object]:
        return Outcome(True, message, details, code, value)

    @staticmethod
    def failure(message: str, *, code: str = "failed", details: str = "") -> Outcome[Never]:
        return Outcome(False, message, details, code)

    def __bool__(self) -> bool:
        return self.ok
