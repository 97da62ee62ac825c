"""The test guest on the real daemon reached over SSH, as on another machine: made from the
wizard's draft on qemu+ssh://USER@127.0.0.1:PORT/system (the tests' own sshd,
tests/ssh_server.py) by runtime.libvirt_create, as the wizard and `kvmgui-cli --connect URI
create` make it (its disk a new volume of a pool of the host, its ISO a volume there), booted
to its ready line, its screen seen by kvmgui's own RFB client through an SSH tunnel to the
display's unix socket, pixel for pixel as libvirt's own screenshot has it, then shut down with
the ACPI power button.

About 20 s under TCG: boot to "ready" is most of it."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from kvmgui.core.remote_console import vnc_display
from kvmgui.runtime.libvirt_conn import LibvirtConnection
from kvmgui.runtime.libvirt_console import console_route
from kvmgui.runtime.libvirt_create import create_on_host, iso_volumes
from kvmgui.runtime.rfb import RfbClient
from kvmgui.runtime.state import VmState
from kvmgui.ui.wizard.draft import Draft, SourceKind, to_spec
from tests.guest.fixtures import wait_for_serial
from tests.libvirt_daemon import libvirtd  # noqa: F401  (the fixture)
from tests.libvirt_pool import pool_on
from tests.runtime.rfb.qemu_vm import bgrx_to_rgb, image_difference, load_png_rgb
from tests.ssh_server import SshServer, ssh_server  # noqa: F401  (the fixture)

libvirt = pytest.importorskip("libvirt")

pytestmark = [pytest.mark.qemu, pytest.mark.slow, pytest.mark.asyncio,
              pytest.mark.usefixtures("libvirtd")]


def parse_ppm(data: bytes) -> np.ndarray:
    """A binary PPM (P6, maxval 255) as (h, w, 3) uint8 R G B."""
    fields: list[bytes] = []
    pos = 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos) + 1
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    magic, width, height, maxval = fields
    assert (magic, maxval) == (b"P6", b"255"), fields
    w, h = int(width), int(height)
    pixels = np.frombuffer(data, np.uint8, count=w * h * 3, offset=pos + 1)
    return pixels.reshape(h, w, 3)


def screenshot(conn: Any, name: str) -> tuple[str, bytes]:
    """virDomainScreenshot through a libvirt stream (over the same SSH connection): its MIME
    type and bytes."""
    stream = conn.newStream(0)
    try:
        mime = conn.lookupByName(name).screenshot(stream, 0, 0)
        chunks = []
        while chunk := stream.recv(1 << 20):
            if chunk == -2:  # not a non-blocking stream; cannot happen
                raise AssertionError("the screenshot stream would block")
            chunks.append(chunk)
        stream.finish()
    except BaseException:
        stream.abort()
        raise
    return mime, b"".join(chunks)


def decoded(mime: str, data: bytes) -> np.ndarray:
    """A screenshot as (h, w, 3) uint8 R G B. On the test's own thread: Qt takes the first
    thread that uses it (QImage) for its main thread."""
    if mime == "image/png":  # libvirt 9 asks QEMU for PNG where QEMU can write it
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "screenshot.png"
            path.write_bytes(data)
            return load_png_rgb(path)
    assert mime == "image/x-portable-pixmap", mime
    return parse_ppm(data)


@pytest.mark.timeout(600)
async def test_guest_over_ssh_with_its_console_through_a_tunnel(
        ssh_server: SshServer, libvirtd: str, test_iso: Path,  # noqa: F811
        tmp_path: Path) -> None:
    name = f"lvssh-{uuid.uuid4().hex[:8]}"
    uri = ssh_server.uri()
    started = time.monotonic()

    def lap(what: str) -> None:
        print(f"{time.monotonic() - started:6.1f} s  {what}")
    conn = await LibvirtConnection.open(uri)
    # The pool is made on the daemon directly (it is the same daemon), the rest over SSH.
    with pool_on(libvirtd, "lvssh") as scratch:
        shutil.copyfile(test_iso, scratch.path / "guest.iso")
        try:
            await _boot_look_and_shut_down(conn, name, scratch.name, tmp_path, lap)
        finally:
            def remove(c: Any) -> None:
                try:
                    dom = c.lookupByName(name)
                except libvirt.libvirtError:
                    return  # never made
                if dom.isActive():
                    dom.destroy()
                dom.undefine()

            try:
                await conn.run(remove)
            finally:
                await conn.close()


async def _boot_look_and_shut_down(conn: LibvirtConnection, name: str, pool: str,
                                   tmp_path: Path, lap: Any) -> None:
    draft = Draft(source=SourceKind.ISO, name=name, memory_mib=256, cpus=1, disk_gib=1)
    [iso] = [v for v in await iso_volumes(conn) if v.pool == pool]
    draft.iso_path = iso.path
    created = await create_on_host(conn, to_spec(draft), pool=pool)
    serial_log = Path(created.serial_log)
    lap("created over SSH")
    try:
        outcome = await conn.start(name)
        assert outcome.ok, (outcome.message, outcome.details)
        assert await conn.wait_for_state(name, {VmState.RUNNING}, 30) is VmState.RUNNING
        lap("started over SSH")
        await asyncio.to_thread(wait_for_serial, serial_log, "KVMGUI-GUEST: ready", 180)
        lap("the guest is ready")

        live = await conn.run(lambda c: c.lookupByName(name).XMLDesc(0))
        display = vnc_display(live)
        assert display is not None and display.socket, live  # a unix socket, as exported
        route = await console_route(conn, name, runtime_dir=tmp_path)
        try:
            tunnel = route.tunnel
            assert tunnel is not None and route.address == str(tunnel.socket)
            assert (tunnel.socket.parent.stat().st_mode & 0o777) == 0o700
            assert tunnel.socket.stat().st_mode & 0o077 == 0
            lap("tunnel open")
            client = RfbClient()
            await client.connect(route.address, timeout=30)
            lap("RFB connected through it")
            try:
                # Paused, the guest's blinking cursor cannot change the screen between the
                # two pictures.
                assert (await conn.pause(name)).ok
                await asyncio.sleep(0.5)
                worst, count, last = 256, -1, "never compared"
                deadline = asyncio.get_running_loop().time() + 30
                while asyncio.get_running_loop().time() < deadline:
                    client.request_refresh()
                    await asyncio.sleep(0.5)
                    reference = decoded(*await conn.run(lambda c: screenshot(c, name)))
                    try:
                        worst, count = image_difference(bgrx_to_rgb(client.framebuffer),
                                                        reference)
                    except AssertionError as exc:
                        last = str(exc)
                        continue
                    last = f"{count} pixels differ, by up to {worst}"
                    if worst <= 2:
                        break
                assert worst <= 2, f"the console never matched the screenshot: {last}"
                assert client.framebuffer.shape[:2] == reference.shape[:2]
                assert reference.std() > 0  # the guest's text, not a blank screen
                lap("the console matches the screenshot")
                assert (await conn.resume(name)).ok
            finally:
                await client.close()
        finally:
            await route.close()
        assert not tunnel.running and not tunnel.socket.exists()

        outcome = await conn.shutdown(name, 60)
        assert outcome.ok, (outcome.message, outcome.details)
        assert (await conn.domain(name)).state is VmState.STOPPED
        lap("shut off after the ACPI power button")
    finally:
        serial_log.unlink(missing_ok=True)
