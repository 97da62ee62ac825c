"""The console's SSH tunnel on the tests' private sshd, to a stand-in display (a unix socket
that greets like a VNC server): no QEMU needed."""

from __future__ import annotations

import asyncio
import os
import shlex
import stat
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from kvmgui.core.remote_console import RemoteDisplay
from kvmgui.runtime.ssh_tunnel import SshTunnel, SshTunnelError
from tests.libvirt_daemon import libvirtd  # noqa: F401  (the fixture)
from tests.ssh_server import PASSPHRASE, SshServer, ssh_server  # noqa: F401  (the fixture)

pytestmark = pytest.mark.timeout(120)

GREETING = b"RFB 003.008\n"


@pytest_asyncio.fixture
async def display(tmp_path: Path) -> AsyncIterator[RemoteDisplay]:
    """A unix socket that sends an RFB greeting to whoever connects."""
    path = tmp_path / "display.sock"

    async def greet(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(GREETING)
        await writer.drain()
        writer.close()

    server = await asyncio.start_unix_server(greet, str(path))
    try:
        yield RemoteDisplay(socket=str(path))
    finally:
        server.close()
        await server.wait_closed()


def stand_in_askpass(folder: Path, answer: str) -> tuple[Path, Path]:
    """A stand-in for kvmgui-askpass that answers `answer` and records ssh's prompts:
    (the program, the file of prompts)."""
    prompts = folder / "prompts.txt"
    program = folder / "askpass"
    program.write_text(f"#!/bin/sh\necho \"$1\" >> {shlex.quote(str(prompts))}\n"
                       f"echo {shlex.quote(answer)}\n")
    program.chmod(0o755)
    return program, prompts


async def greeting_through(tunnel: SshTunnel) -> bytes:
    reader, writer = await asyncio.open_unix_connection(str(tunnel.socket))
    try:
        return await asyncio.wait_for(reader.readexactly(len(GREETING)), 20)
    finally:
        writer.close()


@pytest.mark.asyncio
async def test_tunnel_reaches_the_display_and_closes_clean(
        ssh_server: SshServer, display: RemoteDisplay, tmp_path: Path) -> None:  # noqa: F811
    runtime = tmp_path / "run"
    tunnel = await SshTunnel.open(ssh_server.uri(), display, runtime_dir=runtime)
    try:
        assert tunnel.running
        # A private folder; the socket itself only for us as well.
        assert stat.S_IMODE(os.stat(runtime / "tunnels").st_mode) == 0o700
        assert stat.S_IMODE(os.stat(tunnel.socket.parent).st_mode) == 0o700
        assert stat.S_IMODE(os.lstat(tunnel.socket).st_mode) & 0o077 == 0
        assert await greeting_through(tunnel) == GREETING
        assert await greeting_through(tunnel) == GREETING  # every connection is forwarded
    finally:
        await tunnel.close()
    assert not tunnel.running
    assert not tunnel.socket.parent.exists()
    await tunnel.close()  # idempotent


@pytest.mark.asyncio
async def test_passphrase_is_asked_through_askpass(
        ssh_server: SshServer, display: RemoteDisplay, tmp_path: Path) -> None:  # noqa: F811
    askpass, prompts = stand_in_askpass(tmp_path, PASSPHRASE)
    uri = ssh_server.uri(key=ssh_server.locked_key)
    async with await SshTunnel.open(uri, display, runtime_dir=tmp_path / "run",
                                    askpass=str(askpass)) as tunnel:
        assert await greeting_through(tunnel) == GREETING
    assert "passphrase" in prompts.read_text().lower()
    assert str(ssh_server.locked_key) in prompts.read_text()


@pytest.mark.asyncio
async def test_without_askpass_nothing_is_asked(
        ssh_server: SshServer, display: RemoteDisplay, tmp_path: Path) -> None:  # noqa: F811
    uri = ssh_server.uri(key=ssh_server.locked_key)
    with pytest.raises(SshTunnelError) as caught:
        await SshTunnel.open(uri, display, runtime_dir=tmp_path / "run", timeout=30)
    assert caught.value.code == "ssh-refused", caught.value.details


@pytest.mark.asyncio
async def test_cancelled_askpass_is_a_refusal(
        ssh_server: SshServer, display: RemoteDisplay, tmp_path: Path) -> None:  # noqa: F811
    uri = ssh_server.uri(key=ssh_server.locked_key)
    with pytest.raises(SshTunnelError) as caught:
        await SshTunnel.open(uri, display, runtime_dir=tmp_path / "run", askpass="/bin/false",
                             timeout=30)
    assert caught.value.code == "ssh-refused", caught.value.details


@pytest.mark.asyncio
async def test_a_uri_without_ssh_needs_no_tunnel(display: RemoteDisplay,
                                                 tmp_path: Path) -> None:
    with pytest.raises(SshTunnelError) as caught:
        await SshTunnel.open("qemu:///system", display, runtime_dir=tmp_path)
    assert caught.value.code == "not-ssh"


@pytest.mark.asyncio
async def test_missing_ssh_program_is_one_sentence(display: RemoteDisplay,
                                                   tmp_path: Path) -> None:
    uri = "qemu+ssh://u@h/system?command=/nonexistent/ssh"
    with pytest.raises(SshTunnelError) as caught:
        await SshTunnel.open(uri, display, runtime_dir=tmp_path)
    assert caught.value.code == "no-ssh"
    assert "apt install openssh-client" in caught.value.message
    assert list((tmp_path / "tunnels").iterdir()) == []


CONNECT = """
import asyncio, sys
from kvmgui.runtime.libvirt_conn import LibvirtConnection

async def main() -> None:
    conn = await LibvirtConnection.open(sys.argv[1], askpass=sys.argv[2])
    print(len(await conn.domains()) >= 0)
    await conn.close()

asyncio.run(main())
"""


@pytest.mark.qemu  # the far side is this machine's libvirt daemon
@pytest.mark.usefixtures("libvirtd")
def test_libvirt_connection_asks_through_askpass(ssh_server: SshServer,  # noqa: F811
                                                 tmp_path: Path) -> None:
    """libvirt 9.0 passes SSH_ASKPASS and DISPLAY to its ssh, not SSH_ASKPASS_REQUIRE: ssh
    asks through askpass where it has no terminal, as for an app started from the desktop
    (here: a process in a session of its own, with a DISPLAY askpass does not use)."""
    pytest.importorskip("libvirt")
    askpass, prompts = stand_in_askpass(tmp_path, PASSPHRASE)
    uri = ssh_server.uri(key=ssh_server.locked_key)
    env = {**os.environ, "DISPLAY": ":kvmgui-test-none"}
    env.pop("SSH_AUTH_SOCK", None)
    done = subprocess.run([sys.executable, "-c", CONNECT, uri, str(askpass)], env=env,
                          capture_output=True, text=True, timeout=60, start_new_session=True,
                          stdin=subprocess.DEVNULL, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"
    assert str(ssh_server.locked_key) in prompts.read_text()


@pytest.mark.asyncio
@pytest.mark.parametrize(("program", "words"), [
    ("/bin/false", "ssh's exit status 1"),
    ("/bin/ls", "ssh said: /bin/ls: "),  # ls refuses ssh's options, on stderr
])
async def test_other_endings_say_what_ssh_said(display: RemoteDisplay, tmp_path: Path,
                                               program: str, words: str) -> None:
    uri = f"qemu+ssh://u@h/system?command={program}"
    with pytest.raises(SshTunnelError) as caught:
        await SshTunnel.open(uri, display, runtime_dir=tmp_path)
    assert caught.value.code == "failed"
    assert words in caught.value.message, caught.value.message


@pytest.mark.asyncio
async def test_unknown_host_key_is_asked_through_askpass(
        ssh_server: SshServer, display: RemoteDisplay, tmp_path: Path) -> None:  # noqa: F811
    askpass, prompts = stand_in_askpass(tmp_path, "yes")  # the user accepts the key
    program = ssh_server.client("asks", knows_host=False, ask=True)
    uri = ssh_server.uri(program=program)
    async with await SshTunnel.open(uri, display, runtime_dir=tmp_path / "run",
                                    askpass=str(askpass)) as tunnel:
        assert await greeting_through(tunnel) == GREETING
    assert "(yes/no" in prompts.read_text()
    assert ssh_server.host_public_key in ssh_server.known_hosts("asks").read_text()
