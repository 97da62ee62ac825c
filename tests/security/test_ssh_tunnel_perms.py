"""The console's SSH tunnel gives no other user of this computer a way to the display: its
local socket is in a private folder and is itself for us alone, even where the runtime
folder above it is opened up (0755)."""

from __future__ import annotations

import asyncio
import errno
import os
import stat
from pathlib import Path

import pytest

from kvmgui.core.remote_console import RemoteDisplay
from kvmgui.runtime.ssh_tunnel import SshTunnel
from tests.runtime.helpers import short_tmp
from tests.security.test_runtime_perms import connect_as_nobody
from tests.ssh_server import SshServer, ssh_server  # noqa: F401  (the fixture)

pytestmark = [pytest.mark.asyncio, pytest.mark.timeout(120)]


async def test_nobody_else_reaches_the_tunnel(ssh_server: SshServer,  # noqa: F811
                                              tmp_path: Path) -> None:
    display_sock = tmp_path / "display.sock"
    server = await asyncio.start_unix_server(lambda _r, w: w.close(), str(display_sock))
    runtime = short_tmp()
    os.chmod(runtime, 0o755)
    try:
        async with await SshTunnel.open(ssh_server.uri(), RemoteDisplay(socket=str(display_sock)),
                                        runtime_dir=runtime) as tunnel:
            os.chmod(runtime / "tunnels", 0o755)  # opened up: the tunnel's own folder remains
            assert stat.S_IMODE(os.stat(tunnel.socket.parent).st_mode) == 0o700
            answer = await asyncio.to_thread(connect_as_nobody, tunnel.socket)
            assert answer == str(errno.EACCES)
            os.chmod(tunnel.socket.parent, 0o755)  # and then the socket itself (0600)
            answer = await asyncio.to_thread(connect_as_nobody, tunnel.socket)
            assert answer == str(errno.EACCES)
    finally:
        server.close()
        await server.wait_closed()
