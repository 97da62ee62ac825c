"""libvirt's errors turned into one sentence a person can act on.

libvirt reports a failure as a code, a domain and an English text; the text of a remote
connection carries ssh's own words. What the user can do depends on the cause, so the cause is
found from the code first and from well-known words of the text only where libvirt has no
code of its own (a missing socket, ssh refusing). The raw text stays as the details.
"""

from __future__ import annotations

from dataclasses import dataclass

from kvmgui.core.messages import QT_TRANSLATE_NOOP, KvmguiError, Message

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
    if "host key verification failed" in low or "no matching host key" in low:
        return LibvirtError(Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_errors",
            "The SSH host key of {host} is not known; connect once with: ssh {host} (check "
            "and accept the key), then try again."), host=_ssh_host(uri)), text, "host-key")
    if uri.startswith(("qemu+ssh:", "qemu+libssh")) and (
            "permission denied (publickey" in low or "connection refused" in low
            or "could not resolve hostname" in low or "no route to host" in low
            or "connection timed out" in low or "end of file while reading data" in low):
        return LibvirtError(Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_errors",
            "SSH to {host} failed; check that ssh {host} logs in without a password prompt "
            "(an SSH key, ssh-copy-id) and that the host runs an SSH server."),
            host=_ssh_host(uri)), text, "ssh-refused")
    if "permission denied" in low or raw.code in (
            VIR_ERR_AUTH_FAILED, VIR_ERR_AUTH_UNAVAILABLE, VIR_ERR_OPERATION_DENIED):
        return LibvirtError(Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_errors",
            "You may not use libvirt's socket for {uri}; join the libvirt group: sudo "
            "adduser $USER libvirt, then log out and in."), uri=uri), text, "permission")
    if raw.code in (VIR_ERR_NO_CONNECT, VIR_ERR_SYSTEM_ERROR) and (
            "no such file or directory" in low or "connection refused" in low
            or "failed to connect socket" in low):
        return LibvirtError(Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_errors",
            "The libvirt daemon is not running for {uri}; start it: sudo systemctl start "
            "libvirtd (install it with: sudo apt install libvirt-daemon-system)."), uri=uri),
            text, "no-daemon")
    return LibvirtError(Message(QT_TRANSLATE_NOOP(
        "runtime.libvirt_errors", "libvirt refused the operation on {uri}; see the details."),
        uri=uri), text)


def _ssh_host(uri: str) -> str:
    """user@host of a qemu+ssh://user@host:port/system URI (the URI itself when not one)."""
    rest = uri.split("://", 1)[-1]
    return rest.split("/", 1)[0].split("?", 1)[0] or uri
