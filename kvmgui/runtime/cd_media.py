"""What goes into a running VM's CD/DVD drive: an ISO image or a physical drive (/dev/sr0).

A physical drive is opened with QEMU's `host_cdrom` driver, as at start-up (core/argv_storage):
the guest's eject and tray lock then reach the real drive. `blockdev-change-medium` has no
option for the protocol driver, so the file name is given as a `json:` object naming it; that
text is built here from a path we checked, never taken from the user. Without it QEMU would
probe the path to pick a driver, which kvmgui never lets it do.

/dev/cdrom and friends are udev symlinks: they are resolved, so QEMU and the error messages
name the real device.
"""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Never

from kvmgui.core.argv import CDROM_DEVICE_ID
from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message
from kvmgui.runtime import actions
from kvmgui.runtime.outcome import Outcome
from kvmgui.runtime.qmp_session import QmpCommandError, QmpError, QmpSession


@dataclass(frozen=True)
class CdMedium:
    path: Path  # the ISO file, or the real device node (links resolved)
    host_drive: bool
    shown: str  # the name the user gave (/dev/cdrom), for messages

    def filename(self) -> str:
        """The `filename` argument of blockdev-change-medium."""
        if not self.host_drive:
            return str(self.path)
        return "json:" + json.dumps({"file": {"driver": "host_cdrom",
                                              "filename": str(self.path)}})


def check_medium(path: Path) -> CdMedium | Outcome[Never]:
    """An ISO image or a host CD/DVD drive the VM may be given, or why not (an Outcome)."""
    given = Path(path).expanduser().absolute()
    try:
        st = given.stat()
    except FileNotFoundError:
        if str(given).startswith("/dev/"):
            return Outcome.failure(Message(QT_TRANSLATE_NOOP(
                "runtime.cd_media",
                "There is no CD/DVD drive at {given}: plug it in, or see the drives this "
                "computer has with: kvmgui-cli devices"), given=str(given)), code="no-drive")
        st = None
    except OSError:
        st = None
    if st is not None and stat.S_ISBLK(st.st_mode):
        real = Path(os.path.realpath(given))
        if not os.access(real, os.R_OK):
            return Outcome.failure(Message(QT_TRANSLATE_NOOP(
                "runtime.cd_media",
                "You may not open {path}; add yourself to the cdrom group: sudo adduser $USER "
                "cdrom, then log in again."), path=str(real)), code="device-permission")
        return CdMedium(real, True, str(given))
    iso = actions.check_iso(given)
    if isinstance(iso, Outcome):
        return iso
    return CdMedium(iso, False, str(iso))


async def insert(session: QmpSession, name: str, medium: CdMedium, *, force: bool) -> Outcome:
    if not medium.host_drive:
        return await actions.change_cd(session, name, medium.path, force=force)
    try:
        await session.execute("blockdev-change-medium", {
            "id": CDROM_DEVICE_ID, "filename": medium.filename(), "format": "raw",
            "read-only-mode": "read-only", "force": force,
        })
    except QmpCommandError as exc:
        return actions.cd_error(name, exc)  # its roles speak of ISO images
    except QmpError as exc:
        return Outcome.failure(str(exc), code="monitor")
    return Outcome.success(Message(QT_TRANSLATE_NOOP(
        "runtime.cd_media",
        "Inserted the disc in {drive} into the CD/DVD drive of '{name}' (until the VM stops; "
        "change the VM's settings to keep it)."), drive=medium.shown, name=name))
