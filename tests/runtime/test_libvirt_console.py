"""Where the console connects for a libvirt domain on this computer (libvirt's test driver);
through SSH it is tests/runtime/test_libvirt_ssh_guest.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from kvmgui.runtime.libvirt_conn import LibvirtConnection
from kvmgui.runtime.libvirt_console import console_route
from kvmgui.runtime.ssh_tunnel import SshTunnelError
from tests.libvirt_node import node_uri

pytest.importorskip("libvirt")
pytestmark = pytest.mark.asyncio

NODE = """<node>
  <domain type='test'>
    <name>shown</name><memory unit='MiB'>64</memory><os><type>hvm</type></os>
    <devices>
      <graphics type='vnc' socket='/run/kvmgui-test/vnc.sock'>
        <listen type='socket' socket='/run/kvmgui-test/vnc.sock'/>
      </graphics>
    </devices>
  </domain>
  <domain type='test'>
    <name>headless</name><memory unit='MiB'>64</memory><os><type>hvm</type></os>
  </domain>
</node>
"""


@pytest.fixture
def uri(tmp_path: Path) -> str:
    return node_uri(tmp_path, NODE)


async def test_a_local_display_is_its_own_socket(uri: str) -> None:
    async with await LibvirtConnection.open(uri) as conn:
        route = await console_route(conn, "shown")
        assert (route.address, route.tunnel) == ("/run/kvmgui-test/vnc.sock", None)
        await route.close()


async def test_no_vnc_display_is_one_sentence(uri: str) -> None:
    async with await LibvirtConnection.open(uri) as conn:
        with pytest.raises(SshTunnelError) as caught:
            await console_route(conn, "headless")
    assert caught.value.code == "no-display"
    assert "'headless' has no VNC display" in caught.value.message
