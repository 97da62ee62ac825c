"""Real SSH failures, produced with the tests' private sshd, each explained in one sentence
with its fix: libvirt connections over qemu+ssh:// and the console's tunnel alike."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import pytest

from kvmgui.core.remote_console import RemoteDisplay
from kvmgui.runtime.libvirt_conn import LibvirtConnection
from kvmgui.runtime.libvirt_errors import LibvirtError
from kvmgui.runtime.ssh_tunnel import SshTunnel, SshTunnelError
from tests.ssh_server import SshServer, ssh_server  # noqa: F401  (the fixture)

pytestmark = [pytest.mark.asyncio, pytest.mark.timeout(120)]


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def failing_uris(server: SshServer) -> dict[str, tuple[str, str, str]]:
    """name → (URI, the code expected, words of the sentence)."""
    return {
        "key-not-authorized": (server.uri(key=server.stranger_key), "ssh-refused",
                               "ssh-copy-id"),
        "host-key-unknown": (server.uri(program=server.client("stranger", knows_host=False)),
                             "host-key",
                             f"-p {server.port} -i {server.client_key} {server.user}@127.0.0.1"),
        "port-closed": (server.uri(port=closed_port()), "ssh-refused", "runs an SSH server"),
    }


@pytest.mark.parametrize("case", ["key-not-authorized", "host-key-unknown", "port-closed"])
async def test_libvirt_over_ssh_says_why(ssh_server: SshServer,  # noqa: F811
                                         case: str) -> None:
    pytest.importorskip("libvirt")
    uri, code, words = failing_uris(ssh_server)[case]
    with pytest.raises(LibvirtError) as caught:
        await LibvirtConnection.open(uri)
    err = caught.value
    assert (err.code, words in err.message) == (code, True), (err.message, err.details)
    assert "\n" not in err.message


@pytest.mark.parametrize("case", ["key-not-authorized", "host-key-unknown", "port-closed"])
async def test_tunnel_says_why(ssh_server: SshServer, case: str,  # noqa: F811
                               tmp_path: Path) -> None:
    uri, code, words = failing_uris(ssh_server)[case]
    with pytest.raises(SshTunnelError) as caught:
        await SshTunnel.open(uri, RemoteDisplay(port=5999), runtime_dir=tmp_path, timeout=30)
    err = caught.value
    assert (err.code, words in err.message) == (code, True), (err.message, err.details)
    assert list((tmp_path / "tunnels").iterdir()) == []  # nothing left behind


@pytest.mark.parametrize(("params", "code", "words"), [
    # libvirt runs nc on the far side for a URI naming the daemon's socket.
    ({"socket": "/run/kvmgui-test-no-such/libvirt-sock"}, "no-daemon",
     "not running on 127.0.0.1; start it there: sudo systemctl start libvirtd"),
    ({"netcat": "/nonexistent/nc"}, "no-remote-libvirt",
     "install it on 127.0.0.1: sudo apt install libvirt-daemon-system"),
])
async def test_far_side_without_libvirt(ssh_server: SshServer,  # noqa: F811
                                        params: dict[str, str], code: str,
                                        words: str) -> None:
    pytest.importorskip("libvirt")
    if shutil.which("nc") is None:
        pytest.skip("nc is not installed (scripts/setup.sh test installs netcat-openbsd)")
    with pytest.raises(LibvirtError) as caught:
        await LibvirtConnection.open(ssh_server.uri(**params))
    err = caught.value
    assert (err.code, words in err.message) == (code, True), (err.message, err.details)
