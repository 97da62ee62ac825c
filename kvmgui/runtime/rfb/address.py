"""Where a VNC display listens: a unix socket path, or a TCP port on the loopback interface."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path

from kvmgui.core.messages import QT_TRANSLATE_NOOP, KvmguiError, Message

# What callers may pass: a socket path, "unix:/path", "host:port", or (host, port).
VncAddressLike = str | os.PathLike[str] | tuple[str, int]


@dataclass(frozen=True)
class UnixAddress:
    path: Path

    def __str__(self) -> str:
        return f"unix:{self.path}"


@dataclass(frozen=True)
class TcpAddress:
    host: str
    port: int

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"


VncAddress = UnixAddress | TcpAddress


class DisplayAddressError(KvmguiError, ValueError):
    """A display address kvmgui cannot or will not connect to."""


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def parse_address(value: VncAddressLike | VncAddress) -> VncAddress:
    """Normalise an address; TCP is accepted only on loopback (kvmgui never listens elsewhere,
    and the VNC stream is not encrypted)."""
    if isinstance(value, UnixAddress | TcpAddress):
        address: VncAddress = value
    elif isinstance(value, tuple):
        address = TcpAddress(str(value[0]), int(value[1]))
    else:
        text = os.fspath(value)
        if text.startswith("unix:"):
            address = UnixAddress(Path(text.removeprefix("unix:")))
        elif text.startswith("/") or "/" in text:
            address = UnixAddress(Path(text))
        else:
            host_part, sep, port_part = text.rpartition(":")
            if not sep or not port_part.isdigit():
                raise DisplayAddressError(Message(QT_TRANSLATE_NOOP(
                    "runtime.rfb.address",
                    "“{text}” is not a display address (a socket path or host:port)."),
                    text=text))
            address = TcpAddress(host_part.strip("[]") or "127.0.0.1", int(port_part))
    if isinstance(address, TcpAddress):
        if not 0 < address.port < 65536:
            raise DisplayAddressError(Message(QT_TRANSLATE_NOOP(
                "runtime.rfb.address", "{port} is not a valid TCP port."), port=address.port))
        if not _is_loopback(address.host):
            raise DisplayAddressError(Message(QT_TRANSLATE_NOOP(
                "runtime.rfb.address",
                "The display address {address} is not on this computer; kvmgui only connects "
                "to displays on 127.0.0.1 or a local socket."), address=str(address)))
    return address
