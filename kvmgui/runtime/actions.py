"""Actions on a running VM that are one or two QMP commands: the CD/DVD drive, screenshots,
keys, the display address. Each takes a connected session and returns an Outcome; the
controller holds the VM's lock around them.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Never

from kvmgui.core.argv import CDROM_DEVICE_ID
from kvmgui.core.media import file_kind_problem
from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message
from kvmgui.runtime.images import ImageError, commit_temp, remove_quietly, temp_path_for
from kvmgui.runtime.keys import KeyNameError, parse_combo
from kvmgui.runtime.outcome import Outcome
from kvmgui.runtime.qemu_errors import explain
from kvmgui.runtime.qmp_session import QmpCommandError, QmpError, QmpSession


def cd_error(name: str, exc: QmpCommandError, path: Path | None = None) -> Outcome[Never]:
    text = exc.description
    if "not found" in text and CDROM_DEVICE_ID in text:
        return Outcome.failure(Message(QT_TRANSLATE_NOOP(
            "runtime.actions",
            "'{name}' has no CD/DVD drive; add one in its settings (it appears at the next "
            "start)."), name=name), code="no-cd-drive", details=text)
    if "locked" in text:
        return Outcome.failure(Message(QT_TRANSLATE_NOOP(
            "runtime.actions",
            "The guest has locked the CD/DVD tray (a program in it is using the disc) and was "
            "asked to release it. Try again in a moment, or force it (the guest may lose data "
            "it is reading).")), code="tray-locked", details=text)
    iso = Message(QT_TRANSLATE_NOOP("runtime.actions", "the ISO image"))
    explained = explain(text, roles={str(path): iso} if path else None)
    if explained.code != "qemu-error":
        return Outcome.failure(explained.message, code=explained.code, details=text)
    return Outcome.failure(Message(QT_TRANSLATE_NOOP(
        "runtime.actions", "QEMU could not change the CD/DVD: {text}"), text=text), details=text)


async def eject_cd(session: QmpSession, name: str, *, force: bool) -> Outcome:
    try:
        await session.execute("eject", {"id": CDROM_DEVICE_ID, "force": force})
    except QmpCommandError as exc:
        return cd_error(name, exc)
    except QmpError as exc:
        return Outcome.failure(str(exc), code="monitor")
    return Outcome.success(Message(QT_TRANSLATE_NOOP("runtime.actions", "Ejected the CD/DVD.")))


def check_iso(iso: Path) -> Path | Outcome[Never]:
    path = Path(iso).expanduser().absolute()
    if not path.is_file():
        return Outcome.failure(Message(QT_TRANSLATE_NOOP(
            "runtime.actions",
            "The ISO image {path} does not exist (or is not a file): check the path."),
            path=str(path)), code="file-missing")
    # is_file() already refuses FIFOs and devices; /proc and /sys files look regular.
    kind_problem = file_kind_problem(path, Message(QT_TRANSLATE_NOOP("runtime.actions",
                                                                     "ISO image")))
    if kind_problem is not None:
        return Outcome.failure(kind_problem, code="file-kind")
    if not os.access(path, os.R_OK):
        return Outcome.failure(Message(QT_TRANSLATE_NOOP(
            "runtime.actions",
            "kvmgui is not allowed to read {path}: give your user read access to it."),
            path=str(path)), code="file-permission")
    return path


async def change_cd(session: QmpSession, name: str, path: Path, *, force: bool) -> Outcome:
    try:
        await session.execute("blockdev-change-medium", {
            "id": CDROM_DEVICE_ID, "filename": str(path), "format": "raw",
            "read-only-mode": "read-only", "force": force,
        })
    except QmpCommandError as exc:
        return cd_error(name, exc, path)
    except QmpError as exc:
        return Outcome.failure(str(exc), code="monitor")
    return Outcome.success(Message(QT_TRANSLATE_NOOP(
        "runtime.actions",
        "Inserted {name} into the CD/DVD drive (until the VM stops; change the VM's settings "
        "to keep it)."), name=path.name))


async def screenshot(session: QmpSession, name: str, temp: Path, dest: Path, *,
                     overwrite: bool = True) -> Outcome[Path]:
    """QEMU writes the PNG itself, into our private runtime folder (`temp`); then it is copied
    next to `dest` and renamed onto it, so QEMU never needs access to the user's folders and
    an existing `dest` is replaced (never written through: a symlink or a file another
    program holds open keeps its content), and only with `overwrite`."""
    try:
        await session.execute("screendump", {"filename": str(temp), "format": "png"})
    except QmpCommandError as exc:
        return Outcome.failure(Message(QT_TRANSLATE_NOOP(
            "runtime.actions", "QEMU could not take a screenshot: {exc}"), exc=str(exc)),
            details=exc.description)
    except QmpError as exc:
        return Outcome.failure(str(exc), code="monitor")
    staged = temp_path_for(dest)
    try:
        await asyncio.to_thread(shutil.copyfile, temp, staged)
        await asyncio.to_thread(commit_temp, staged, dest, overwrite=overwrite)
    except ImageError as exc:
        return Outcome.failure(exc.message, code="exists")
    except OSError as exc:
        return Outcome.failure(Message(QT_TRANSLATE_NOOP(
            "runtime.actions", "The screenshot could not be saved as {dest} ({strerror})."),
            dest=str(dest), strerror=exc.strerror or ""), code="write-failed")
    finally:
        remove_quietly(staged)
        with contextlib.suppress(OSError):
            temp.unlink()
    return Outcome.success(Message(QT_TRANSLATE_NOOP(
        "runtime.actions", "Saved a screenshot of '{name}' as {dest}."),
        name=name, dest=str(dest)), value=dest)


async def screen_png(session: QmpSession, temp: Path) -> Outcome[bytes]:
    """The screen as PNG bytes (the value), for the app's thumbnails: QEMU writes them into
    our private runtime folder (`temp`), read and removed at once; nothing is copied or
    committed anywhere, which is what made a picture every few seconds of ten idle guests the
    app's largest idle cost. A failure carries QEMU's own words."""
    try:
        await session.execute("screendump", {"filename": str(temp), "format": "png"})
    except QmpCommandError as exc:
        return Outcome.failure(exc.message, details=exc.description)
    except QmpError as exc:
        return Outcome.failure(exc.message, code="monitor")

    def read_and_remove() -> bytes:
        try:
            return temp.read_bytes()
        finally:
            with contextlib.suppress(OSError):
                temp.unlink()

    try:
        data = await asyncio.to_thread(read_and_remove)
    except OSError as exc:
        return Outcome.failure(exc.strerror or str(exc), code="read-failed")
    return Outcome.success("", value=data)


def parse_keys(combos: Sequence[str]) -> list[list[str]] | Outcome[Never]:
    try:
        parsed = [parse_combo(c) for c in combos]
    except KeyNameError as exc:
        return Outcome.failure(str(exc), code="bad-key")
    if not parsed:
        return Outcome.failure(Message(QT_TRANSLATE_NOOP("runtime.actions",
                                                         "No keys were given.")), code="bad-key")
    return parsed


async def send_keys(session: QmpSession, name: str, combos: Sequence[str],
                    parsed: list[list[str]]) -> Outcome:
    try:
        for keys in parsed:
            await session.execute("send-key",
                                  {"keys": [{"type": "qcode", "data": k} for k in keys]})
    except QmpCommandError as exc:
        return Outcome.failure(Message(QT_TRANSLATE_NOOP(
            "runtime.actions", "QEMU did not send the keys: {exc}"), exc=str(exc)),
            code="bad-key")
    except QmpError as exc:
        return Outcome.failure(str(exc), code="monitor")
    return Outcome.success(Message(QT_TRANSLATE_NOOP(
        "runtime.actions", "Sent {keys} to '{name}'."), keys=", ".join(combos), name=name))


async def display_address(session: QmpSession | None, fallback: str | None,
                          name: str) -> Outcome[str]:
    """Where a viewer connects, as QEMU reports it (query-vnc / query-spice)."""
    if session is not None and session.connected:
        for command, to_uri in (("query-vnc", vnc_uri), ("query-spice", spice_uri)):
            with contextlib.suppress(QmpError):
                info = await session.execute(command, timeout=3.0)
                if isinstance(info, dict) and info.get("enabled"):
                    uri = to_uri(info)
                    if uri:
                        return Outcome.success(uri, value=uri)
    if fallback:
        return Outcome.success(fallback, value=fallback)
    return Outcome.failure(Message(QT_TRANSLATE_NOOP(
        "runtime.actions", "'{name}' has no display (it was set to none)."), name=name),
        code="no-display")


def vnc_uri(info: dict[str, Any]) -> str | None:
    family, host, service = info.get("family"), info.get("host"), info.get("service")
    if family == "unix" and service:
        return f"vnc+unix://{service}"
    if host and service:
        return f"vnc://{host}:{service}"
    return None


def spice_uri(info: dict[str, Any]) -> str | None:
    host, port = info.get("host"), info.get("port")
    if host and str(host).startswith("/"):
        return f"spice+unix://{host}"
    if host and port:
        return f"spice://{host}:{port}"
    return None
