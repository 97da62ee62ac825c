"""The optional display password (spec.display.password): made for each run, given to QEMU
over QMP, kept where only this user can read it.

- A new random password at every start: nothing to configure, nothing stored in the VM's
  definition (which users copy and share), and a password seen once is useless after a
  restart. 8 letters and digits, because VNC authentication uses only the first 8 characters.
- QEMU gets it with `set_password` while the guest still waits (`-S`): with `-vnc …,password=on`
  (or SPICE without `disable-ticketing`) and no password set, QEMU refuses every client, so
  there is no moment when the display is open.
- It is written to `display.password` (mode 0600) in the VM's runtime folder (0700), where the
  app's console, `kvmgui-cli display` and the user's own viewer can read it and other users
  cannot; it is removed with the other runtime files when QEMU ends.

VNC authentication is a DES challenge, not encryption: the password keeps other local users
(and programs run as another user) off the display; the unix socket in a private folder
already does that, so the password is a second lock, and the one that matters if the display
is ever forwarded (for example over SSH).
"""

from __future__ import annotations

import contextlib
import string
from pathlib import Path
from typing import TYPE_CHECKING

from kvmgui.core.atomic import write_atomic
from kvmgui.core.model import DisplayKind, VmSpec
from kvmgui.core.paths import VmRuntimePaths

if TYPE_CHECKING:
    from kvmgui.runtime.qmp_session import QmpSession

PASSWORD_FILE = "display.password"
PASSWORD_LENGTH = 8  # VNC uses the first 8 characters only
_ALPHABET = string.ascii_letters + string.digits


def password_file(run: VmRuntimePaths) -> Path:
    return run.dir / PASSWORD_FILE


def wants_password(spec: VmSpec) -> bool:
    return spec.display.password and spec.display.kind is not DisplayKind.NONE


def new_password() -> str:
    import secrets  # loads OpenSSL's digests (through hmac): not with the runtime at rest

    return "".join(secrets.choice(_ALPHABET) for _ in range(PASSWORD_LENGTH))


def read_password(run: VmRuntimePaths) -> str | None:
    """The current run's display password, or None when the VM has none (or is not running)."""
    try:
        text = password_file(run).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return text or None


def remove_password(run: VmRuntimePaths) -> None:
    with contextlib.suppress(FileNotFoundError):
        password_file(run).unlink()


async def apply_password(session: QmpSession, spec: VmSpec, run: VmRuntimePaths) -> str:
    """Make a password, store it (0600), and set it in QEMU. Raises OSError or QmpError.

    Stored first: if QEMU then refuses it, the display stays locked (never open) and the
    file is removed with the other runtime files.
    """
    password = new_password()
    write_atomic(password_file(run), password.encode("ascii"), mode=0o600)
    protocol = "spice" if spec.display.kind is DisplayKind.SPICE else "vnc"
    await session.execute("set_password", {"protocol": protocol, "password": password})
    return password
