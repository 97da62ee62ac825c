"""Saved libvirt connections: the URIs besides this computer's own kvmgui VMs that the user
added (as virt-manager's File → Add Connection), kept in the settings file.

A connection is a libvirt URI and an optional label. The friendly form for "another computer
over SSH" (user, host, port) is turned into `qemu+ssh://user@host:port/system` here, so the
dialog, the settings file and the tests share one rule.

The settings file is the user's, but a damaged or planted one must not make kvmgui run a
program: libvirt's URI parameters `command`, `netcat`, `socket`… choose local and remote
programs and paths, and `no_verify` turns off host key checks, so only the few harmless
parameters are accepted. A password is never kept: a URI with one is refused.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass
from typing import Any

from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message
from kvmgui.core.problems import shown

MAX_CONNECTIONS = 50
MAX_URI_LENGTH = 1024
MAX_LABEL_LENGTH = 100
SYSTEM_URI = "qemu:///system"
DEFAULT_SSH_PORT = 22

# Drivers kvmgui manages (QEMU/KVM) and libvirt's test driver (its own demo host).
_DRIVERS = {"qemu", "test"}
_TRANSPORTS = {"", "ssh", "libssh", "libssh2", "tls", "unix"}
# keyfile: which SSH key; mode: how the remote end reaches the daemon; no_tty: no prompt.
_PARAMETERS = {"keyfile", "mode", "no_tty"}
_USER = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}")
_HOST = re.compile(r"[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*\.?")
_IPV6 = re.compile(r"\[[0-9A-Fa-f:.]{2,45}\]")


class ConnectionProblem(ValueError):
    """A URI or SSH form refused; its message is one sentence with what to change."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class SavedConnection:
    uri: str
    label: str = ""

    @property
    def is_remote(self) -> bool:
        return bool(urllib.parse.urlsplit(self.uri).hostname)


def _refuse(template: Any, **values: object) -> ConnectionProblem:
    return ConnectionProblem(Message(template, **values))


def check_uri(uri: str) -> str:
    """`uri` stripped, or ConnectionProblem saying why libvirt should not be given it."""
    uri = uri.strip()
    if not uri:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "core.connections",
                "Type a libvirt address such as qemu:///system or qemu+ssh://user@host/system.",
            )
        )
    if len(uri) > MAX_URI_LENGTH or any(not ch.isprintable() or ch.isspace() for ch in uri):
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "core.connections",
                "The address '{uri}' has spaces or invisible characters: type it again.",
            ),
            uri=shown(uri, 80),
        )
    parts = urllib.parse.urlsplit(uri)
    driver, _, transport = parts.scheme.partition("+")
    if driver not in _DRIVERS or transport not in _TRANSPORTS:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "core.connections",
                "'{uri}' is not a QEMU/KVM address: it must start with qemu:// or qemu+ssh:// "
                "(qemu+tls:// also works).",
            ),
            uri=shown(uri, 80),
        )
    if parts.password is not None:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "core.connections",
                "kvmgui never keeps a password: remove it from the address (SSH asks for it, "
                "or better, use an SSH key).",
            )
        )
    try:
        port = parts.port
    except ValueError:
        port = -1
    if port is not None and not 1 <= port <= 65535:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "core.connections", "The port in '{uri}' must be a number from 1 to 65535."
            ),
            uri=shown(uri, 80),
        )
    host = parts.hostname or ""
    if host and not (_HOST.fullmatch(host) or _IPV6.fullmatch(f"[{host}]")):
        raise _refuse(
            QT_TRANSLATE_NOOP("core.connections", "'{host}' is not a computer name or address."),
            host=shown(host, 80),
        )
    if parts.username is not None and not _USER.fullmatch(parts.username):
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "core.connections",
                "'{user}' is not a user name (letters, digits, '.', '_' and '-').",
            ),
            user=shown(parts.username, 40),
        )
    if transport and transport != "unix" and not host:
        raise _refuse(
            QT_TRANSLATE_NOOP("core.connections", "'{uri}' needs a computer name after //."),
            uri=shown(uri, 80),
        )
    if driver == "qemu" and parts.path not in ("/system", "/session"):
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "core.connections",
                "A QEMU address ends with /system (or /session for a user's own VMs).",
            )
        )
    if driver == "test" and not parts.path.startswith("/"):
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "core.connections", "A test address ends with /default or the path of a node file."
            )
        )
    for name, _value in urllib.parse.parse_qsl(parts.query, keep_blank_values=True):
        if name not in _PARAMETERS:
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "core.connections",
                    "The address option '{option}' is not accepted (it could run a program or "
                    "skip a check); remove it.",
                ),
                option=shown(name, 40),
            )
    if parts.fragment:
        raise _refuse(
            QT_TRANSLATE_NOOP("core.connections", "Remove the '#…' part from '{uri}'."),
            uri=shown(uri, 80),
        )
    return uri


def ssh_uri(user: str, host: str, port: int = DEFAULT_SSH_PORT) -> str:
    """The libvirt URI of the system QEMU of `host`, reached over SSH as `user`."""
    user, host = user.strip(), host.strip()
    if not host:
        raise _refuse(
            QT_TRANSLATE_NOOP("core.connections", "Type the other computer's name or address.")
        )
    if not user:
        raise _refuse(
            QT_TRANSLATE_NOOP("core.connections", "Type the user name to log in with on {host}."),
            host=shown(host, 80),
        )
    if not _USER.fullmatch(user):
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "core.connections",
                "'{user}' is not a user name (letters, digits, '.', '_' and '-').",
            ),
            user=shown(user, 40),
        )
    bare = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    if ":" in bare and _IPV6.fullmatch(f"[{bare}]"):
        netloc_host = f"[{bare}]"
    elif _HOST.fullmatch(host):
        netloc_host = host
    else:
        raise _refuse(
            QT_TRANSLATE_NOOP("core.connections", "'{host}' is not a computer name or address."),
            host=shown(host, 80),
        )
    if not 1 <= port <= 65535:
        raise _refuse(
            QT_TRANSLATE_NOOP("core.connections", "The SSH port must be a number from 1 to 65535.")
        )
    suffix = "" if port == DEFAULT_SSH_PORT else f":{port}"
    return check_uri(f"qemu+ssh://{user}@{netloc_host}{suffix}/system")


def check_label(label: str) -> str:
    label = label.strip()
    if len(label) > MAX_LABEL_LENGTH or any(not ch.isprintable() for ch in label):
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "core.connections",
                "A connection's name has at most {limit} characters and no invisible ones.",
            ),
            limit=MAX_LABEL_LENGTH,
        )
    return label


def added(
    saved: tuple[SavedConnection, ...], uri: str, label: str = ""
) -> tuple[SavedConnection, ...]:
    """`saved` with a new connection at the end (checked, not twice, not too many)."""
    uri, label = check_uri(uri), check_label(label)
    if any(c.uri == uri for c in saved):
        raise _refuse(
            QT_TRANSLATE_NOOP("core.connections", "{uri} is already in the list."), uri=uri
        )
    if len(saved) >= MAX_CONNECTIONS:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "core.connections", "kvmgui keeps at most {limit} connections: remove one first."
            ),
            limit=MAX_CONNECTIONS,
        )
    return (*saved, SavedConnection(uri, label))


def removed(saved: tuple[SavedConnection, ...], uri: str) -> tuple[SavedConnection, ...]:
    return tuple(c for c in saved if c.uri != uri)


def default_label(uri: str) -> str:
    """What the list calls a connection without a label of its own: its host (and user),
    or the URI itself for a local one."""
    parts = urllib.parse.urlsplit(uri)
    if not parts.hostname:
        return uri
    return f"{parts.username}@{parts.hostname}" if parts.username else parts.hostname


# --- the settings file --------------------------------------------------------------------


def connections_from_json(value: object) -> tuple[tuple[SavedConnection, ...], list[str]]:
    """The connections of a settings file's list, and a warning for each entry refused
    (the others are kept)."""
    if not isinstance(value, list):
        raise ValueError(
            Message(QT_TRANSLATE_NOOP("core.connections", "must be a list of connections"))
        )
    out: tuple[SavedConnection, ...] = ()
    warnings: list[str] = []
    for entry in value:
        uri = entry.get("uri") if isinstance(entry, dict) else None
        label = entry.get("label", "") if isinstance(entry, dict) else None
        if (
            not isinstance(entry, dict)
            or set(entry) - {"uri", "label"}
            or not isinstance(uri, str)
            or not isinstance(label, str)
        ):
            warnings.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core.connections",
                        "A saved connection is not an object with a 'uri' text (and an optional "
                        "'label'), so it was left out.",
                    )
                )
            )
            continue
        try:
            out = added(out, uri, label)
        except ConnectionProblem as exc:
            warnings.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core.connections", "The saved connection '{uri}' was left out: {reason}"
                    ),
                    uri=shown(uri, 80),
                    reason=exc.message,
                )
            )
    return out, warnings


def connections_to_json(saved: tuple[SavedConnection, ...]) -> list[dict[str, str]]:
    return [{"uri": c.uri, **({"label": c.label} if c.label else {})} for c in saved]
