"""Nothing of a guest listens beyond this machine (issue 8): displays and monitors are unix
sockets in the VM's private runtime folder, port forwards are bound to 127.0.0.1.

Guests run with every kind of listener kvmgui can make: a VNC display with TCP and UDP port
forwards, a SPICE display (kvmgui's argv builder has no TCP variant of either), and a VNC
display with a password. The scan (tests/security/listening.py, reusable by other suites)
reads /proc, so it sees what the kernel sees, not what the command line claims.
"""

from __future__ import annotations

import asyncio
import os
import socket
from pathlib import Path

import pytest

from kvmgui.core.model import (
    Display,
    DisplayKind,
    NetMode,
    Network,
    NicModel,
    PortForward,
    Protocol,
)
from kvmgui.runtime.manager import VmManager
from tests.faults.checks import assert_clean_end
from tests.runtime.helpers import RunEnv, create_vm, short_tmp, tiny_spec
from tests.security.listening import (
    ExposureWatch,
    assert_nothing_exposed,
    exposed_sockets,
    listening_sockets,
    session_qemu_pids,
)

pytestmark = [pytest.mark.qemu]


def free_port(kind: int) -> int:
    with socket.socket(socket.AF_INET, kind) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_the_scan_tells_loopback_from_exposed() -> None:
    """The helper itself, on sockets of this process: it must see every kind, and only the
    non-loopback and abstract ones count as exposed."""
    folder = short_tmp()
    made: list[socket.socket] = []

    def listen(family: int, kind: int, address: str | tuple[str, int]) -> socket.socket:
        s = socket.socket(family, kind)
        s.bind(address)
        if kind == socket.SOCK_STREAM:
            s.listen(1)
        made.append(s)
        return s

    try:
        lo = listen(socket.AF_INET, socket.SOCK_STREAM, ("127.0.0.1", 0))
        anywhere = listen(socket.AF_INET, socket.SOCK_STREAM, ("0.0.0.0", 0))
        udp_any = listen(socket.AF_INET, socket.SOCK_DGRAM, ("0.0.0.0", 0))
        udp_lo = listen(socket.AF_INET, socket.SOCK_DGRAM, ("127.0.0.1", 0))
        listen(socket.AF_UNIX, socket.SOCK_STREAM, str(folder / "a.sock"))
        listen(socket.AF_UNIX, socket.SOCK_STREAM, f"\0kvmgui-test-{os.getpid()}")
        six: list[socket.socket] = []
        if socket.has_ipv6:
            try:
                six = [listen(socket.AF_INET6, socket.SOCK_STREAM, ("::1", 0)),
                       listen(socket.AF_INET6, socket.SOCK_STREAM, ("::", 0))]
            except OSError:
                six = []  # no IPv6 in this container
        found = listening_sockets([os.getpid()])
        ports = {(s.kind, s.address, s.port): s.exposed for s in found}
        assert ports[("tcp", "127.0.0.1", lo.getsockname()[1])] is False
        assert ports[("tcp", "0.0.0.0", anywhere.getsockname()[1])] is True
        assert ports[("udp", "0.0.0.0", udp_any.getsockname()[1])] is True
        assert ports[("udp", "127.0.0.1", udp_lo.getsockname()[1])] is False
        unix = {s.address: s.exposed for s in found if s.kind == "unix"}
        assert unix[str(folder / "a.sock")] is False
        assert unix[f"@kvmgui-test-{os.getpid()}"] is True
        if six:
            assert ports[("tcp6", "::1", six[0].getsockname()[1])] is False
            assert ports[("tcp6", "::", six[1].getsockname()[1])] is True
        with pytest.raises(AssertionError, match=r"0\.0\.0\.0"):
            assert_nothing_exposed([os.getpid()])
        assert {s.kind for s in exposed_sockets([os.getpid()], udp=False)} <= {"tcp", "tcp6",
                                                                              "unix"}
    finally:
        for s in made:
            s.close()
        (folder / "a.sock").unlink(missing_ok=True)


@pytest.mark.asyncio
async def test_running_guests_listen_on_loopback_and_private_sockets_only(
    run_env: RunEnv, manager: VmManager, exposure_watch: ExposureWatch
) -> None:
    tcp_port, udp_port = free_port(socket.SOCK_STREAM), free_port(socket.SOCK_DGRAM)
    forwards = Network(mode=NetMode.USER, nic=NicModel.E1000, forwards=(
        PortForward(tcp_port, 22), PortForward(udp_port, 53, Protocol.UDP)))
    for spec in (
        tiny_spec("vnc-forwards", network=forwards),
        tiny_spec("spice", display=Display(kind=DisplayKind.SPICE)),
        tiny_spec("vnc-password", display=Display(password=True)),
    ):
        create_vm(run_env, spec)
    await manager.reload()
    vms = manager.controllers()
    outcomes = await asyncio.gather(*(vm.start() for vm in vms))
    assert all(o.ok for o in outcomes), outcomes
    pids = [vm.pid for vm in vms if vm.pid is not None]
    assert len(pids) == 3

    sockets = assert_nothing_exposed(pids)
    # The scan really saw the forwards (on loopback) …
    inet = {(s.kind, s.address, s.port) for s in sockets if s.kind != "unix"}
    assert ("tcp", "127.0.0.1", tcp_port) in inet
    assert ("udp", "127.0.0.1", udp_port) in inet
    assert inet == {("tcp", "127.0.0.1", tcp_port), ("udp", "127.0.0.1", udp_port)}, inet
    # … and every monitor and display is a socket file in that VM's 0700 runtime folder.
    for vm in vms:
        run = run_env.paths.vm_runtime(vm.vm_id)
        mine = {Path(s.address).name for s in sockets if s.kind == "unix" and s.pid == vm.pid}
        display = "spice.sock" if vm.spec.display.kind is DisplayKind.SPICE else "vnc.sock"
        assert mine == {"qmp.sock", "qmp-cli.sock", display}, (vm.name, mine)
        assert all(Path(s.address).parent == run.dir for s in sockets
                   if s.kind == "unix" and s.pid == vm.pid)
        assert os.stat(run.dir).st_mode & 0o777 == 0o700
    # The same scan over every QEMU this test session runs right now, and the background
    # watch (autouse here and in tests/faults) sees them too.
    assert set(pids) <= set(session_qemu_pids())
    assert_nothing_exposed()
    exposure_watch.scan()
    assert set(pids) <= exposure_watch.pids_seen and not exposure_watch.exposed

    for vm in vms:
        assert (await vm.force_off()).ok
    for vm in vms:
        await assert_clean_end(run_env.paths.vm_runtime(vm.vm_id))
