"""libvirt's errors as one sentence with the fix (no binding needed)."""

from __future__ import annotations

import pytest

from kvmgui.runtime.libvirt_errors import (
    VIR_ERR_NO_CONNECT,
    VIR_ERR_NO_DOMAIN,
    VIR_ERR_OPERATION_INVALID,
    VIR_ERR_SYSTEM_ERROR,
    RawLibvirtError,
    explain,
)

SYSTEM = "qemu:///system"
SSH = "qemu+ssh://alice@server.example/system"
SSH_PORT = "qemu+ssh://alice@server.example:2222/system?keyfile=/k/id"


@pytest.mark.parametrize(("uri", "code", "text", "expected", "words"), [
    (SYSTEM, VIR_ERR_SYSTEM_ERROR,
     "Failed to connect socket to '/var/run/libvirt/libvirt-sock': No such file or directory",
     "no-daemon", "systemctl start libvirtd"),
    (SYSTEM, VIR_ERR_NO_CONNECT,
     "Failed to connect socket to '/var/run/libvirt/libvirt-sock': Connection refused",
     "no-daemon", "libvirt-daemon-system"),
    (SYSTEM, VIR_ERR_SYSTEM_ERROR,
     "Failed to connect socket to '/var/run/libvirt/libvirt-sock': Permission denied",
     "permission", "adduser $USER libvirt"),
    (SSH, VIR_ERR_SYSTEM_ERROR,
     "End of file while reading data: Host key verification failed.: Input/output error",
     "host-key", "ssh alice@server.example"),
    (SSH, VIR_ERR_SYSTEM_ERROR,
     "End of file while reading data: alice@server.example: Permission denied "
     "(publickey,password).: Input/output error", "ssh-refused", "ssh-copy-id"),
    (SSH, VIR_ERR_SYSTEM_ERROR,
     "End of file while reading data: ssh: connect to host server.example port 22: "
     "Connection refused: Input/output error", "ssh-refused", "SSH server"),
    (SSH, VIR_ERR_SYSTEM_ERROR,
     "Cannot recv data: ssh: Could not resolve hostname server.example: Name or service not "
     "known: Connection reset by peer", "ssh-refused", "ssh alice@server.example logs in"),
    # ssh exited while libvirt wrote to it (seen in the app): its words are lost.
    (SSH, VIR_ERR_SYSTEM_ERROR, "Cannot write data: Broken pipe", "ssh-refused",
     "ssh alice@server.example logs in"),
    (SYSTEM, VIR_ERR_OPERATION_INVALID, "domain is not running", "failed", "see the details"),
    # The far side, as libvirt 9.0 relays it (produced in tests/runtime/test_ssh_failures.py).
    (SSH_PORT, VIR_ERR_SYSTEM_ERROR,
     "End of file while reading data: nc: /run/libvirt/libvirt-sock: No such file or "
     "directory: Input/output error", "no-daemon", "not running on server.example"),
    (SSH_PORT, VIR_ERR_SYSTEM_ERROR,
     "End of file while reading data: sh: 1: nc: not found: Input/output error",
     "no-remote-libvirt", "sudo apt install libvirt-daemon-system"),
    (SSH_PORT, VIR_ERR_SYSTEM_ERROR,
     "End of file while reading data: error: Failed to connect socket to "
     "'/var/run/libvirt/libvirt-sock': Permission denied: Input/output error",
     "permission", "sudo adduser alice libvirt"),
    (SSH_PORT, VIR_ERR_SYSTEM_ERROR,
     "End of file while reading data: alice@server.example: Permission denied "
     "(publickey).: Input/output error", "ssh-refused",
     "ssh -p 2222 -i /k/id alice@server.example logs in"),
    (SSH_PORT, VIR_ERR_SYSTEM_ERROR,
     "End of file while reading data: Host key verification failed.: Input/output error",
     "host-key", "connect once with: ssh -p 2222 -i /k/id alice@server.example"),
    # A remote daemon's own failure is not the transport's.
    (SSH, VIR_ERR_SYSTEM_ERROR,
     "Cannot access storage file '/srv/a.iso': No such file or directory", "failed",
     "see the details"),
])
def test_causes_have_their_fix(uri: str, code: int, text: str, expected: str,
                               words: str) -> None:
    err = explain(RawLibvirtError(code, text), uri)
    assert err.code == expected
    assert words in err.message
    assert err.details == text  # libvirt's own words stay, for "Details"
    assert "\n" not in err.message and err.message.endswith(".")


def test_unknown_domain_names_the_domain_and_how_to_list() -> None:
    err = explain(RawLibvirtError(VIR_ERR_NO_DOMAIN, "Domain not found"), SYSTEM, "web")
    assert err.code == "unknown-domain"
    assert "'web'" in err.message
    assert f"kvmgui-cli --connect {SYSTEM} list" in err.message


def test_messages_are_translatable() -> None:
    err = explain(RawLibvirtError(VIR_ERR_SYSTEM_ERROR, "End of file while reading data: "
                                  "Host key verification failed.: Input/output error"), SSH)
    assert err.message.context == "runtime.libvirt_errors"  # type: ignore[attr-defined]
    assert err.message.values == {  # type: ignore[attr-defined]
        "host": "alice@server.example", "command": "ssh alice@server.example"}
