"""The external viewer (remote-viewer): connection files, the "not installed" message, and a
real remote-viewer under Xvfb connecting to a real SPICE (and VNC) guest."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from qemu.qmp import QMPClient

from kvmgui.core.model import Display, DisplayKind, VideoModel
from kvmgui.runtime import viewer
from kvmgui.runtime.manager import VmManager
from kvmgui.runtime.state import VmState
from kvmgui.runtime.viewer import (
    DisplayTarget,
    ExternalViewer,
    connection_file,
    loopback_peer_uid,
    open_external_viewer,
    parse_display_uri,
)
from tests.runtime.helpers import RunEnv, create_vm, end_process, tiny_spec

HAVE_VIEWER = shutil.which("remote-viewer") is not None
HAVE_XVFB = shutil.which("Xvfb") is not None


# -- pure parts ------------------------------------------------------------------------------


def test_parse_display_uri() -> None:
    assert parse_display_uri("spice+unix:///run/x/spice.sock") == DisplayTarget(
        "spice", unix_path="/run/x/spice.sock")
    assert parse_display_uri("vnc+unix:///run/x/vnc.sock") == DisplayTarget(
        "vnc", unix_path="/run/x/vnc.sock")
    assert parse_display_uri("spice://127.0.0.1:5930") == DisplayTarget(
        "spice", host="127.0.0.1", port=5930)
    assert parse_display_uri("vnc://127.0.0.1:5901") == DisplayTarget(
        "vnc", host="127.0.0.1", port=5901)
    for bad in ("", "http://x:1", "spice://nohost", "vnc+unix://relative", "spice+tls://h:1"):
        assert parse_display_uri(bad) is None, bad


def test_connection_file_keeps_one_key_per_line() -> None:
    text = connection_file(DisplayTarget("spice", unix_path="/r/spice.sock"),
                           "evil\nhost=attacker", "pw\nx=1")
    lines = text.splitlines()
    assert lines[0] == "[virt-viewer]"
    assert "type=spice" in lines and "unix-path=/r/spice.sock" in lines
    assert "title=evil host=attacker" in lines
    assert "password=pw x=1" in lines
    assert not any(line.startswith("host=") for line in lines)
    tcp = connection_file(DisplayTarget("vnc", host="127.0.0.1", port=5901), "t")
    assert "host=127.0.0.1" in tcp and "port=5901" in tcp and "password" not in tcp


def test_loopback_peer_uid_finds_our_own_connection() -> None:
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]
    client = socket.create_connection(("127.0.0.1", port))
    conn, peer = server.accept()
    try:
        assert loopback_peer_uid(port, peer[1]) == os.getuid()
        assert loopback_peer_uid(port, 1) is None
    finally:
        for s in (conn, client, server):
            s.close()


@pytest.mark.asyncio
async def test_not_installed_says_how_to_install(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no remote-viewer here
    outcome = await open_external_viewer("spice+unix:///nowhere/spice.sock", "box")
    assert not outcome.ok
    assert outcome.code == "viewer-missing"
    assert "Install the SPICE viewer: sudo apt install virt-viewer" in outcome.message


@pytest.mark.asyncio
async def test_without_a_graphical_session(monkeypatch: pytest.MonkeyPatch) -> None:
    if not HAVE_VIEWER:
        pytest.skip("remote-viewer is not installed")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    outcome = await open_external_viewer("spice+unix:///nowhere/spice.sock", "box")
    assert not outcome.ok and outcome.code == "no-display-server"


# -- with a real viewer and a real QEMU ------------------------------------------------------


@pytest.fixture
def xvfb(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A private X server; DISPLAY points at it for the test."""
    if not HAVE_XVFB:
        pytest.skip("Xvfb is not installed (sudo apt install xvfb)")
    if not HAVE_VIEWER:
        pytest.skip("remote-viewer is not installed (sudo apt install virt-viewer)")
    number = next(n for n in range(140, 400) if not Path(f"/tmp/.X11-unix/X{n}").exists()
                  and not Path(f"/tmp/.X{n}-lock").exists())
    proc = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1024x768x24",
                             "-nolisten", "tcp"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 15
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.skip("Xvfb did not start")
            time.sleep(0.1)
        monkeypatch.setenv("DISPLAY", f":{number}")
        monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
        yield f":{number}"
    finally:
        end_process(proc, 5)


async def _qmp(sock: Path, command: str) -> Any:
    client = QMPClient("viewer-test")
    await client.connect(str(sock))
    try:
        return await client.execute(command)
    finally:
        await client.disconnect()


async def _wait_for(check: Any, timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        result = await check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        await asyncio.sleep(0.3)


@pytest.mark.asyncio
@pytest.mark.qemu
async def test_spice_guest_opens_in_remote_viewer(xvfb: str, manager: VmManager,
                                                  run_env: RunEnv) -> None:
    # A password makes it a real test of the connection file: without the right one the
    # viewer connects and is dropped at once (QEMU-NOTES §4).
    spec = tiny_spec("spicebox", display=Display(DisplayKind.SPICE, VideoModel.QXL,
                                                 password=True))
    stored = create_vm(run_env, spec)
    manager.reload_store()
    vm = manager.find(stored.spec.id)
    assert vm is not None
    started = await vm.start()
    assert started.ok, started
    assert vm.state is VmState.RUNNING
    qmp = vm.run.qmp_cli_socket
    assert (await _qmp(qmp, "query-spice"))["channels"] == []

    outcome = await open_external_viewer(vm, "spicebox")
    assert outcome.ok, (outcome.message, outcome.details)
    shown = outcome.value
    assert isinstance(shown, ExternalViewer)
    try:
        async def connected() -> Any:
            info = await _qmp(qmp, "query-spice")
            return [c for c in info["channels"] if c.get("channel-type") == 1]  # main

        await _wait_for(connected, 30, "remote-viewer to connect over SPICE")
        # Still connected a moment later: the password was accepted.
        await asyncio.sleep(1.5)
        assert await connected()
        assert not shown.exited
    finally:
        await shown.terminate()
    assert shown.exited
    assert await vm.force_off()


@pytest.mark.asyncio
@pytest.mark.qemu
async def test_vnc_guest_opens_in_remote_viewer_through_the_relay(
        xvfb: str, manager: VmManager, run_env: RunEnv) -> None:
    stored = create_vm(run_env, tiny_spec("vncbox"))
    manager.reload_store()
    vm = manager.find(stored.spec.id)
    assert vm is not None
    assert (await vm.start()).ok
    qmp = vm.run.qmp_cli_socket
    outcome = await open_external_viewer(vm, "vncbox")
    assert outcome.ok, (outcome.message, outcome.details)
    shown = outcome.value
    assert isinstance(shown, ExternalViewer) and shown.relay is not None
    try:
        async def clients() -> Any:
            return (await _qmp(qmp, "query-vnc"))["clients"]

        await _wait_for(clients, 30, "remote-viewer to connect over VNC")
        # The relay accepted one connection and listens no more.
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", shown.relay.port), timeout=2).close()
    finally:
        await shown.terminate()
    # The relay closes with the viewer, and QEMU sees the client go.
    async def gone() -> bool:
        return not (await _qmp(qmp, "query-vnc"))["clients"]

    await _wait_for(gone, 15, "the VNC client to go away")
    assert not viewer._RELAYS
    assert await vm.force_off()


@pytest.mark.asyncio
async def test_a_viewer_that_fails_at_once_is_reported(xvfb: str) -> None:
    # Nothing listens there: remote-viewer shows an error dialog and stays, or exits; a
    # broken program exits at once, which must come back as a failure with its output.
    outcome = await open_external_viewer("spice+unix:///nowhere/spice.sock", "box",
                                         binary="/bin/false")
    assert not outcome.ok and outcome.code == "viewer-failed"


def _viewers_on(display: str) -> list[int]:
    """remote-viewer processes of this user showing on X display `display`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            if (entry / "comm").read_text().strip() != "remote-viewer":
                continue
            env = (entry / "environ").read_bytes().split(b"\0")
            if f"DISPLAY={display}".encode() in env:
                found.append(int(entry.name))
    return found


@pytest.mark.asyncio
@pytest.mark.qemu
async def test_cli_display_open_starts_a_viewer_that_outlives_the_command(
        xvfb: str, manager: VmManager, run_env: RunEnv) -> None:
    stored = create_vm(run_env, tiny_spec("clibox", display=Display(DisplayKind.SPICE,
                                                                     VideoModel.QXL)))
    manager.reload_store()
    vm = manager.find(stored.spec.id)
    assert vm is not None
    assert (await vm.start()).ok
    result = await asyncio.to_thread(run_env.cli, "display", "clibox", "--open", timeout=60)
    pids = _viewers_on(xvfb)
    try:
        assert result.returncode == 0, result.stderr
        assert "remote-viewer" in result.stdout
        assert pids, "the viewer ended with the command"

        async def connected() -> Any:
            return (await _qmp(vm.run.qmp_cli_socket, "query-spice"))["channels"]

        await _wait_for(connected, 30, "the CLI's viewer to connect")
    finally:
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, 15)
    assert await vm.force_off()
