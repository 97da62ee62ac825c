"""The console of a domain on another machine, reached through SSH (pure decisions).

A libvirt URI such as qemu+ssh://alice@host:2222/system?keyfile=…&no_verify=1 says how libvirt
reaches a host over SSH. The console tunnel (runtime/ssh_tunnel.py) must reach it the same
way, so it is read from the same URI: user, host, port and libvirt's own parameters. For the
ssh transport (the ssh program) libvirt runs `command=` as ssh (default `ssh`) with `-p PORT
-l USER -i KEYFILE`, and `-o StrictHostKeyChecking=no` for `no_verify=1`; its libssh
transports take a `known_hosts=` file instead. Everything else comes from the user's own ssh
configuration, agent and known_hosts, as for libvirt.

The display is never opened to the network: ssh forwards a local unix socket (in a private
folder) to the display's own socket or loopback port on the remote host (`-L LOCAL:REMOTE`).
"""

from __future__ import annotations

import shlex
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit

from kvmgui.core.messages import QT_TRANSLATE_NOOP, KvmguiError, Message

# The transports of libvirt that go through SSH: the ssh program, or the libssh libraries.
_SSH_PROGRAM = "ssh"
_SSH_TRANSPORTS = (_SSH_PROGRAM, "libssh", "libssh2")
_TRUE = ("1", "yes", "true", "on")


class RemoteConsoleError(KvmguiError):
    """The console of a remote domain cannot be reached this way."""


@dataclass(frozen=True)
class SshTarget:
    """How ssh reaches the host of a libvirt URI."""

    host: str
    user: str | None = None
    port: int | None = None
    keyfile: str | None = None
    known_hosts: str | None = None
    no_verify: bool = False
    program: str = "ssh"  # the ssh program (the URI's command= for libvirt's ssh transport)

    @property
    def destination(self) -> str:
        """user@host, as the user would type it (messages)."""
        return f"{self.user}@{self.host}" if self.user else self.host

    @property
    def command(self) -> str:
        """The ssh command line that logs in the way libvirt does, for a user to try
        (messages): `ssh -p 2222 -i KEY alice@host`."""
        words = [self.program]
        if self.port is not None:
            words += ["-p", str(self.port)]
        if self.keyfile:
            words += ["-i", shlex.quote(self.keyfile)]
        return " ".join([*words, self.destination])


def _transport(uri: str) -> str:
    return urlsplit(uri).scheme.partition("+")[2]


def goes_through_ssh(uri: str) -> bool:
    """Whether libvirt reaches `uri` through SSH (qemu+ssh://, qemu+libssh://…)."""
    return _transport(uri) in _SSH_TRANSPORTS


def on_this_computer(uri: str) -> bool:
    """Whether `uri` names this computer's libvirt without a network transport
    (qemu:///system; qemu+ssh:///system goes through ssh to localhost, and is not)."""
    parts = urlsplit(uri)
    return not parts.netloc and _transport(uri) in ("", "unix")


def ssh_target(uri: str) -> SshTarget | None:
    """The SSH side of `uri`; None when the URI does not go through SSH (qemu:///system)."""
    if not goes_through_ssh(uri):
        return None
    parts = urlsplit(uri)
    transport = _transport(uri)
    params = {key: value for key, value in parse_qsl(parts.query, keep_blank_values=True)}
    try:
        port = parts.port
    except ValueError:
        raise RemoteConsoleError(Message(QT_TRANSLATE_NOOP(
            "core.remote_console", "The port in {uri} is not a number from 1 to 65535."),
            uri=uri)) from None
    known_hosts = params.get("known_hosts") if transport != _SSH_PROGRAM else None
    return SshTarget(
        host=parts.hostname or "localhost",  # libvirt's own default
        user=unquote(parts.username) if parts.username else None,
        port=port,
        keyfile=params.get("keyfile") or None,
        known_hosts=known_hosts or None,
        no_verify=params.get("no_verify", "").lower() in _TRUE,
        program=(params.get("command") or "ssh") if transport == _SSH_PROGRAM else "ssh",
    )


@dataclass(frozen=True)
class RemoteDisplay:
    """Where a domain's VNC display listens on its own host: a unix socket, or a TCP port."""

    socket: str | None = None
    host: str = "127.0.0.1"
    port: int | None = None

    @property
    def forward_target(self) -> str:
        """The REMOTE half of ssh's -L LOCAL:REMOTE."""
        if self.socket is not None:
            return self.socket
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"


# A display listening on every address is reached on the remote host's loopback.
_ANY = ("", "0.0.0.0", "::", "[::]")


def vnc_display(domain_xml: str) -> RemoteDisplay | None:
    """The VNC display of a running domain from its live XML; None without one (no VNC
    graphics, a domain not running: no socket or port yet)."""
    try:
        root = ET.fromstring(domain_xml)
    except ET.ParseError:
        return None
    graphics = root.find("./devices/graphics[@type='vnc']")
    if graphics is None:
        return None
    listen = graphics.find("listen")
    socket = graphics.get("socket") or (
        listen.get("socket") if listen is not None and listen.get("type") == "socket" else None)
    if socket:
        return RemoteDisplay(socket=socket)
    port_text = graphics.get("port", "")
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        return None  # -1: not running, or a display libvirt gave no port
    address = graphics.get("listen", "")
    if listen is not None and listen.get("type") == "address":
        address = listen.get("address", address)
    return RemoteDisplay(host="127.0.0.1" if address in _ANY else address, port=int(port_text))


def tunnel_argv(target: SshTarget, local_socket: str, display: RemoteDisplay, *,
                batch: bool) -> list[str]:
    """ssh forwarding `local_socket` to `display` on `target`, and nothing else: no command,
    no terminal, no other forwarding. `batch`: never ask anything (no one could answer)."""
    for path in (local_socket, display.socket or ""):
        if ":" in path:  # ssh's -L splits at colons
            raise RemoteConsoleError(Message(QT_TRANSLATE_NOOP(
                "core.remote_console",
                "ssh cannot forward the socket {path}: its path holds a colon."), path=path))
    argv = [target.program, "-N", "-T", "-e", "none",
            "-o", "ExitOnForwardFailure=yes",
            "-o", "ForwardAgent=no", "-o", "ForwardX11=no",
            "-o", "ControlMaster=no", "-o", "ControlPath=none",
            "-o", "StreamLocalBindMask=0177", "-o", "StreamLocalBindUnlink=yes",
            "-o", "ServerAliveInterval=15"]
    if batch:
        argv += ["-o", "BatchMode=yes"]
    if target.port is not None:
        argv += ["-p", str(target.port)]
    if target.user:
        argv += ["-l", target.user]
    if target.keyfile:
        argv += ["-i", target.keyfile]
    if target.known_hosts:
        argv += ["-o", f"UserKnownHostsFile={target.known_hosts}"]
    if target.no_verify:
        argv += ["-o", "StrictHostKeyChecking=no"]
    argv += ["-L", f"{local_socket}:{display.forward_target}", "--", target.host]
    return argv
