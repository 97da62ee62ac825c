"""`kvmgui-cli move NAME --to URI [--pool POOL]` through the installed command, on the real
daemon (qemu:///system) into a scratch pool: the JSON result, one-sentence refusals with exit
code 1, a usage error with 2, and Ctrl+C mid-upload exits 130 leaving nothing on the host."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from kvmgui.core.model import Disk, DiskFormat, OsPreset
from kvmgui.core.paths import AppPaths
from kvmgui.core.presets import new_spec
from kvmgui.core.store import StoredVm, VmStore
from tests.libvirt_daemon import libvirtd  # noqa: F401  (the fixture)
from tests.libvirt_pool import (  # noqa: F401  (the fixtures)
    ScratchPool,
    domain_name,
    left_behind,
    scratch_pool,
)

libvirt = pytest.importorskip("libvirt")

pytestmark = [pytest.mark.qemu, pytest.mark.usefixtures("vm_root", "libvirtd")]

CLI = Path(sys.executable).with_name("kvmgui-cli")
MIB = 1 << 20


@pytest.fixture
def name(domain_name: Callable[[str], str]) -> str:  # noqa: F811
    return domain_name("cli")


def make_vm(name: str, big: bool = False) -> StoredVm:
    store = VmStore(AppPaths.from_env().default_vm_root)
    disks = [Disk("disk.qcow2", format=DiskFormat.QCOW2)]
    if big:
        disks.append(Disk("big.img", format=DiskFormat.RAW))
    vm = store.create(new_spec(name, OsPreset.LINUX, disks=tuple(disks)))
    image = vm.folder.dir / "disk.qcow2"
    subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", str(image), "16M"], check=True)
    subprocess.run(["qemu-io", "-f", "qcow2", "-c", "write -P 0x3c 0 2M", str(image)],
                   check=True, capture_output=True)
    if big:
        with (vm.folder.dir / "big.img").open("wb") as f:
            for i in range(256):
                f.write(hashlib.sha512(i.to_bytes(4, "little")).digest() * (MIB // 64))
    return vm


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    assert CLI.exists(), "kvmgui-cli is not installed in the venv (scripts/setup.sh)"
    return subprocess.run([str(CLI), *args], capture_output=True, text=True, timeout=300,
                          check=False, env=os.environ.copy(), stdin=subprocess.DEVNULL)


@pytest.mark.timeout(300)
def test_move_prints_the_result_and_refuses_a_second_time(
        scratch_pool: ScratchPool, name: str) -> None:  # noqa: F811
    vm = make_vm(name)
    image = vm.folder.dir / "disk.qcow2"
    digest = hashlib.sha256(image.read_bytes()).hexdigest()
    r = cli("move", name, "--to", scratch_pool.uri, "--pool", scratch_pool.name, "--json")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert (doc["uri"], doc["domain"], doc["pool"]) == (scratch_pool.uri, name,
                                                        scratch_pool.name)
    [volume] = doc["volumes"]
    assert volume == {"name": f"{name}.qcow2", "path": str(scratch_pool.path / f"{name}.qcow2"),
                      "format": "qcow2"}
    assert isinstance(doc["warnings"], list)
    compared = subprocess.run(["qemu-img", "compare", "-f", "qcow2", "-F", "qcow2", str(image),
                               volume["path"]], capture_output=True, check=False)
    assert compared.returncode == 0
    assert hashlib.sha256(image.read_bytes()).hexdigest() == digest

    r = cli("move", name, "--to", scratch_pool.uri, "--pool", scratch_pool.name)
    assert r.returncode == 1 and r.stdout == ""
    assert r.stderr.startswith(f"kvmgui-cli: {scratch_pool.uri} already has a VM named '{name}'")
    assert len(r.stderr.strip().splitlines()) == 1

    r = cli("move", name, "--to", scratch_pool.uri, "--pool", "lvmove-none")
    assert r.returncode == 1
    assert r.stderr == ("kvmgui-cli: The host has no storage pool named 'lvmove-none'; list its "
                        "pools with: virsh pool-list --all\n")
    r = cli("move", name)
    assert r.returncode == 2 and "--to" in r.stderr


@pytest.mark.timeout(300)
def test_ctrl_c_mid_upload_leaves_nothing_on_the_host(
        scratch_pool: ScratchPool, name: str) -> None:  # noqa: F811
    make_vm(name, big=True)
    proc = subprocess.Popen([str(CLI), "move", name, "--to", scratch_pool.uri, "--pool",
                             scratch_pool.name], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=os.environ.copy(), stdin=subprocess.DEVNULL)
    big = scratch_pool.path / f"{name}-2.img"
    deadline = time.monotonic() + 120
    # The second disk's volume is being written: the upload is under way.
    while not (big.exists() and big.stat().st_blocks > 0):
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the upload never started"
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert err.startswith("kvmgui-cli: Stopped by Ctrl+C before the command finished")
    assert left_behind(scratch_pool, name) == []
