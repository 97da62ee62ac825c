"""Shared folders on the real test guest, started through kvmgui's runtime (under TCG), and a
Windows VM's SMB share accepted by QEMU.

One read-write folder named "shared" (virtio-fs when virtiofsd can run here; 9p in the run
that takes virtiofsd away, as a desktop user with QEMU 7.2 gets) and one read-only folder named
"readonly" (9p: QEMU 7.2's virtiofsd has no read-only mode). The guest's init
mounts both by their tags, reads from-host.txt, and tries to write from-guest.txt (see
tests/guest/init.sh, "Shared folders").
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from kvmgui.core.argv_shares import virtiofsd_socket
from kvmgui.core.host import HostFacts
from kvmgui.core.model import Network, OsPreset
from kvmgui.core.qemu_caps import QemuCaps
from kvmgui.core.shares import ShareMethod, new_share, plan_shares
from kvmgui.runtime.manager import VmManager
from kvmgui.runtime.process import is_alive, proc_cmdline
from kvmgui.runtime.state import VmState
from tests.runtime.helpers import (
    BOOT_TIMEOUT_S,
    RunEnv,
    guest_spec,
    settings_for_tests,
    sockets_under,
    tiny_spec,
    wait_for_serial_async,
)

pytestmark = [pytest.mark.qemu, pytest.mark.slow]


@pytest.fixture
def home() -> Iterator[RunEnv]:
    env = RunEnv.create()
    yield env
    leftovers = env.cleanup()
    assert not leftovers, f"QEMU pid(s) {leftovers} were left running"


def _pids_with(text: str) -> list[int]:
    """Processes whose command line mentions `text` (virtiofsd names its socket)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            cmdline = proc_cmdline(int(entry))
            if cmdline and any(text in arg for arg in cmdline):
                found.append(int(entry))
    return found


@pytest.mark.asyncio
@pytest.mark.parametrize("with_virtiofsd", [True, False], ids=["virtiofsd", "9p-only"])
async def test_guest_mounts_shares_by_tag(
    home: RunEnv, test_iso: Path, host_env: tuple[HostFacts, QemuCaps], with_virtiofsd: bool
) -> None:
    """With virtiofsd: the read-write folder over virtio-fs, the read-only one over 9p.
    Without (a desktop user with QEMU 7.2's virtiofsd, which needs root): both over 9p."""
    host, caps = host_env
    if with_virtiofsd and not host.virtiofsd:
        pytest.skip(f"virtiofsd cannot run here: {host.virtiofsd_reason or 'not installed'}")
    if not with_virtiofsd:
        host = replace(host, virtiofsd=None, virtiofsd_reason="virtiofsd needs root here.")
    rw_dir = home.root / "shared"
    ro_dir = home.root / "ro" / "readonly"
    for folder, text in ((rw_dir, "hello read-write"), (ro_dir, "hello read-only")):
        folder.mkdir(parents=True)
        (folder / "from-host.txt").write_text(text + "\n")
    rw = new_share(str(rw_dir), ())
    ro = new_share(str(ro_dir), (rw,), read_only=True)
    assert (rw.tag, ro.tag) == ("shared", "readonly")
    spec = guest_spec("shares", test_iso, shares=(rw, ro))
    routes = plan_shares(spec, host)
    rw_kind = "virtiofs" if with_virtiofsd else "9p"
    assert [r.method for r in routes] == [
        ShareMethod.VIRTIOFS if with_virtiofsd else ShareMethod.NINEP,
        ShareMethod.NINEP,
    ]
    assert routes[1].reason
    home.store.create(spec)

    manager = VmManager(
        home.paths, settings_for_tests(), store=home.store, host=host, caps=caps, sample_stats=False
    )
    await manager.open()
    servers: list[int] = []
    try:
        vm = manager.get("shares")
        run = home.paths.vm_runtime(vm.vm_id)
        sock = str(virtiofsd_socket(run, 0))
        result = await vm.start()
        assert result.ok, result
        serial = home.store.folder_for("shares").serial_log
        log = await wait_for_serial_async(serial, "KVMGUI-GUEST: ready", BOOT_TIMEOUT_S)
        lines = set(log.splitlines())
        for expected in (
            f"share shared mounted {rw_kind}",
            "share shared read hello read-write",
            "share shared wrote",
            "share readonly mounted 9p",
            "share readonly read hello read-only",
            "share readonly write refused",
        ):
            assert f"KVMGUI-GUEST: {expected}" in lines, log[-3000:]
        written = rw_dir / "from-guest.txt"
        assert written.read_text() == "written by the guest\n"
        assert written.stat().st_uid == os.getuid()
        assert not (ro_dir / "from-guest.txt").exists()
        servers = _pids_with(sock)
        assert bool(servers) == with_virtiofsd

        assert (await vm.force_off()).ok
        assert vm.status().state is VmState.STOPPED
    finally:
        await manager.close()
    deadline = time.monotonic() + 10
    while any(is_alive(p) for p in servers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [p for p in servers if is_alive(p)], "virtiofsd outlived the VM"
    assert not _pids_with(sock)
    assert not os.path.exists(sock)
    assert not sockets_under(home.root)


@pytest.mark.asyncio
async def test_windows_share_starts_qemus_smb_server(
    run_env: RunEnv, manager: VmManager, host_env: tuple[HostFacts, QemuCaps]
) -> None:
    """A Windows VM's one share: QEMU accepts `-netdev user,smb=DIR` (it needs Samba's smbd)."""
    host, _caps = host_env
    if not host.smbd:
        pytest.skip("Samba's smbd is not installed")
    folder = run_env.root / "Public, files"
    folder.mkdir()
    spec = replace(
        tiny_spec("win"),
        os=OsPreset.WINDOWS10,
        network=Network(),
        shares=(new_share(str(folder), ()),),
    )
    (route,) = plan_shares(spec, host)
    assert (route.method, route.instruction) == (ShareMethod.SMB, "\\\\10.0.2.4\\qemu")
    run_env.store.create(spec)
    await manager.reload()
    vm = manager.get("win")
    started = await vm.start()
    assert started.ok, started
    assert vm.state is VmState.RUNNING
    assert (await vm.force_off()).ok


@pytest.mark.asyncio
async def test_a_virtiofsd_that_does_not_start_fails_the_start_cleanly(
    run_env: RunEnv, host_env: tuple[HostFacts, QemuCaps]
) -> None:
    host, caps = host_env
    broken = replace(host, virtiofsd="/bin/false", virtiofsd_legacy=True)
    folder = run_env.root / "data"
    folder.mkdir()
    run_env.store.create(replace(tiny_spec("vfs"), shares=(new_share(str(folder), ()),)))
    manager = VmManager(
        run_env.paths,
        settings_for_tests(),
        store=run_env.store,
        host=broken,
        caps=caps,
        sample_stats=False,
    )
    await manager.open()
    try:
        vm = manager.get("vfs")
        result = await vm.start()
        assert not result.ok and result.code == "share", result
        assert result.message.startswith(f"virtiofsd did not start for the shared folder {folder}")
        assert vm.state is VmState.STOPPED and vm.pid is None
    finally:
        await manager.close()
    assert not sockets_under(run_env.root)
