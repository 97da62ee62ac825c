"""libvirt's errors turned into one sentence a person can act on.

libvirt reports a failure as a code, a domain and an English text; the text of a remote
connection carries ssh's own words. What the user can do depends on the cause, so the cause is
found from the code first and from well-known words of the text only where libvirt has no
code of its own (a missing socket, ssh refusing). The raw text stays as the details.
"""

from __future__ import annotations

from dataclasses import dataclass

from kvmgui.core.messages import QT_TRANSLATE_NOOP, KvmguiError, Message, Template
from kvmgui.core.remote_console import RemoteConsoleError, SshTarget, ssh_target

# libvirt's error codes (virErrorNumber) used here; plain numbers, so this module needs no
# binding and is tested without one.
VIR_ERR_OPERATION_INVALID = 55
VIR_ERR_NO_DOMAIN = 42
VIR_ERR_SYSTEM_ERROR = 38
VIR_ERR_NO_CONNECT = 5
VIR_ERR_AUTH_FAILED = 45
VIR_ERR_AUTH_UNAVAILABLE = 94
VIR_ERR_OPERATION_DENIED = 68
VIR_ERR_NO_SUPPORT = 3
VIR_ERR_INVALID_ARG = 8


class LibvirtError(KvmguiError):
    """A libvirt call failed; `code` is a stable identifier ("unknown-domain", "no-daemon",
    "permission", "host-key", "ssh-refused", "failed")."""

    def __init__(self, message: str, details: str = "", code: str = "failed") -> None:
        super().__init__(message, details)
        self.code = code


@dataclass(frozen=True)
class RawLibvirtError:
    """What a libvirtError says, without the binding's class."""

    code: int
    text: str


def explain(raw: RawLibvirtError, uri: str, domain: str = "") -> LibvirtError:
    """The LibvirtError for what libvirt said while talking to `uri` (about `domain`)."""
    text = raw.text or ""
    low = text.lower()
    if raw.code == VIR_ERR_NO_DOMAIN and domain:
        return LibvirtError(Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_errors",
            "{uri} has no VM named '{name}'; list its VMs with: kvmgui-cli --connect {uri} "
            "list"), uri=uri, name=domain), text, "unknown-domain")
    target = _ssh(uri)
    # The ssh channel ended (ssh could not log in, or the far side's helper exited): the
    # text ends with what ssh or the far side said, unless libvirt was writing when ssh
    # exited (a broken pipe, ssh's words lost): then running ssh by hand shows them. Any
    # other failure is the daemon's own.
    if target is not None and ("end of file while reading data" in low
                               or "cannot recv data" in low or "cannot write data" in low):
        remote = ssh_failure(text, target) or _far_side(text, low, target)
        if remote is not None:
            return remote
    # The local daemon's socket; the same words about a disk or an ISO are the daemon's own
    # failure, not the connection's.
    to_socket = "failed to connect socket" in low
    if (to_socket and "permission denied" in low) or raw.code in (
            VIR_ERR_AUTH_FAILED, VIR_ERR_AUTH_UNAVAILABLE, VIR_ERR_OPERATION_DENIED):
        return LibvirtError(Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_errors",
            "You may not use libvirt's socket for {uri}; join the libvirt group: sudo "
            "adduser $USER libvirt, then log out and in."), uri=uri), text, "permission")
    if to_socket and raw.code in (VIR_ERR_NO_CONNECT, VIR_ERR_SYSTEM_ERROR):
        return LibvirtError(Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_errors",
            "The libvirt daemon is not running for {uri}; start it: sudo systemctl start "
            "libvirtd (install it with: sudo apt install libvirt-daemon-system)."), uri=uri),
            text, "no-daemon")
    return LibvirtError(Message(QT_TRANSLATE_NOOP(
        "runtime.libvirt_errors", "libvirt refused the operation on {uri}; see the details."),
        uri=uri), text)


def _ssh(uri: str) -> SshTarget | None:
    try:
        return ssh_target(uri)
    except RemoteConsoleError:
        return None


# What ssh says when it cannot log in (the text libvirt relays ends with ssh's own words).
_SSH_FAILURES = ("permission denied (publickey", "ssh: connect to host",
                 "could not resolve hostname", "no route to host", "connection timed out",
                 "connection closed by", "too many authentication failures")


def ssh_failure(text: str, target: SshTarget) -> LibvirtError | None:
    """The cause when ssh itself failed (an unknown host key, no log-in), from ssh's words
    in `text`; None when they name neither."""
    low = text.lower()
    if "host key verification failed" in low or "no matching host key" in low:
        return LibvirtError(Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_errors",
            "The SSH host key of {host} is not known; connect once with: {command} (check "
            "and accept the key), then try again."), host=target.destination,
            command=target.command), text, "host-key")
    if any(words in low for words in _SSH_FAILURES):
        return _ssh_refused(text, target)
    return None


# The far side's words once ssh logged in: libvirt runs virt-ssh-helper there, or nc on the
# daemon's socket (the shell's "not found" when neither is there). First match wins.
_FAR_SIDE: tuple[tuple[tuple[str, ...], Template, str], ...] = (
    ((": not found", "command not found"), QT_TRANSLATE_NOOP(
        "runtime.libvirt_errors",
        "{host} has no libvirt to talk to (neither virt-ssh-helper nor nc is installed "
        "there); install it on {host}: sudo apt install libvirt-daemon-system."),
     "no-remote-libvirt"),
    (("no such file or directory", "connection refused"), QT_TRANSLATE_NOOP(
        "runtime.libvirt_errors",
        "The libvirt daemon is not running on {host}; start it there: sudo systemctl "
        "start libvirtd (install it with: sudo apt install libvirt-daemon-system)."),
     "no-daemon"),
    (("permission denied",), QT_TRANSLATE_NOOP(
        "runtime.libvirt_errors",
        "{user} may not use libvirt's socket on {host}; add the user to the libvirt "
        "group there: sudo adduser {user} libvirt."), "permission"),
)


def _far_side(text: str, low: str, target: SshTarget) -> LibvirtError:
    """The cause when ssh logged in and the far side ended the channel."""
    for words, template, code in _FAR_SIDE:
        if any(word in low for word in words):
            return LibvirtError(Message(template, host=target.host,
                                        user=target.user or "$USER"), text, code)
    return _ssh_refused(text, target)


def _ssh_refused(text: str, target: SshTarget) -> LibvirtError:
    return LibvirtError(Message(QT_TRANSLATE_NOOP(
        "runtime.libvirt_errors",
        "SSH to {host} failed; check that {command} logs in without a password prompt (an "
        "SSH key, ssh-copy-id) and that the host runs an SSH server."),
        host=target.destination, command=target.command), text, "ssh-refused")
