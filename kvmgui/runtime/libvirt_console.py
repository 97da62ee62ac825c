"""Where kvmgui's own console (the RFB client) connects for a libvirt domain's VNC display.

On this computer (qemu:///system, qemu:///session) it is the display's own unix socket or
loopback port. On another machine it is the local end of an SSH tunnel to it
(runtime/ssh_tunnel.py), opened with the console and closed with it: the display is never
opened to the network, and libvirt transports other than SSH (tcp, tls) get no console here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message
from kvmgui.core.remote_console import goes_through_ssh, on_this_computer, vnc_display
from kvmgui.runtime.libvirt_conn import LibvirtConnection
from kvmgui.runtime.ssh_tunnel import SshTunnel, SshTunnelError


@dataclass
class ConsoleRoute:
    """The address to give RfbClient.connect, and the tunnel behind it (None on this
    computer). Close it when the console closes."""

    address: str
    tunnel: SshTunnel | None = None

    async def close(self) -> None:
        if self.tunnel is not None:
            await self.tunnel.close()


async def console_route(connection: LibvirtConnection, name: str, *,
                        askpass: str | None = None,
                        runtime_dir: Path | None = None) -> ConsoleRoute:
    """The route to the VNC display of running domain `name` (its live XML says where it
    listens). Raises SshTunnelError with one sentence when there is none."""

    def live_xml(conn: Any) -> str:
        text: str = conn.lookupByName(name).XMLDesc(0)
        return text

    display = vnc_display(await connection.run(live_xml, name))
    if display is None:
        raise SshTunnelError(Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_console",
            "'{name}' has no VNC display to show: it is not running, or its display is not "
            "VNC."), name=name), code="no-display")
    if goes_through_ssh(connection.uri):
        tunnel = await SshTunnel.open(connection.uri, display, runtime_dir=runtime_dir,
                                      askpass=askpass)
        return ConsoleRoute(str(tunnel.socket), tunnel)
    if not on_this_computer(connection.uri):
        raise SshTunnelError(Message(QT_TRANSLATE_NOOP(
            "runtime.libvirt_console",
            "kvmgui shows the console of another machine's VM only through SSH; connect "
            "with a qemu+ssh:// URI.")), code="not-ssh")
    return ConsoleRoute(display.socket or display.forward_target)
