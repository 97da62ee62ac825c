"""`kvmgui-cli --connect URI create NAME`, run as the installed program, on libvirt's test
driver (no daemon): the new disk volume in a pool, the ISO among the pools' volumes, one-line
refusals of what names this computer's things, and of a name the host already has; on the
real daemon, an ISO of this computer uploaded into a pool of its own (lvcreate-…)."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.libvirt_daemon import libvirtd  # noqa: F401  (the fixture)
from tests.libvirt_node import HOST_WITH_ISO, node_uri
from tests.libvirt_pool import pool_on

pytest.importorskip("libvirt")



@pytest.fixture
def cli(tmp_path: Path) -> list[str]:
    found = shutil.which("kvmgui-cli", path=str(Path(sys.executable).parent))
    assert found, "kvmgui-cli is not installed in this environment (scripts/setup.sh test)"
    return [found]


def run(cli: list[str], tmp_path: Path, *argv: str,
        timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_CACHE_HOME": str(tmp_path / "c")}
    return subprocess.run([*cli, *argv], capture_output=True, text=True, env=env, timeout=timeout,
                          check=False, cwd=tmp_path)


@pytest.fixture
def uri(tmp_path: Path) -> str:
    return node_uri(tmp_path, HOST_WITH_ISO)


def test_create_makes_the_volume_and_names_the_iso(cli: list[str], tmp_path: Path,
                                                   uri: str) -> None:
    done = run(cli, tmp_path, "--connect", uri, "create", "lvcreate-cli", "--iso", "debian-12.iso",
               "--disk-size", "2G", "--memory", "512", "--pool", "default")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"Created VM 'lvcreate-cli' on {uri} (qemu).",
        "  disk /var/lib/libvirt/images/lvcreate-cli.qcow2 (2 GiB, qcow2, pool default)",
        "  CD/DVD /var/lib/libvirt/images/debian-12.iso (pool default)",
        f"Start it with: kvmgui-cli --connect {uri} start lvcreate-cli",
    ]
    assert not (tmp_path / "data" / "kvmgui" / "vms").exists()  # nothing of kvmgui's own


@pytest.mark.parametrize(("argv", "code", "said"), [
    (["create", "web"], 1, "already has a VM named 'web'; choose another name."),
    (["create", "x", "--iso", "nope.iso"], 1, "No active storage pool of"),
    (["create", "x", "--pool", "nope"], 1, "The host has no storage pool named 'nope'"),
    (["create", ""], 1, "name"),
    (["create", "x", "--share", "/tmp", "--forward", "2222:22"], 2,
     "--share and --forward act on this computer and cannot be used with --connect"),
])
def test_refusals_are_one_line(cli: list[str], tmp_path: Path, uri: str, argv: list[str],
                               code: int, said: str) -> None:
    done = run(cli, tmp_path, "--connect", uri, *argv)
    assert done.returncode == code, done.stderr
    assert len(done.stderr.splitlines()) == 1 and said in done.stderr, done.stderr


def test_pool_without_connect_is_a_usage_error(cli: list[str], tmp_path: Path) -> None:
    done = run(cli, tmp_path, "create", "x", "--pool", "default")
    assert done.returncode == 2
    assert done.stderr == ("kvmgui-cli: --pool names a storage pool of a libvirt host: use it "
                           "with --connect URI.\n")


@pytest.mark.qemu
@pytest.mark.slow  # the daemon here re-probes QEMU at each definition: about a minute
@pytest.mark.timeout(300)
def test_upload_iso_on_the_real_daemon(cli: list[str], tmp_path: Path, libvirtd: str,  # noqa: F811
                                       test_iso: Path) -> None:
    libvirt = pytest.importorskip("libvirt")
    name = f"lvcreate-{uuid.uuid4().hex[:8]}"
    local = tmp_path / "guest.iso"
    shutil.copyfile(test_iso, local)
    with pool_on(libvirtd, "lvcreate") as pool:
        done = run(cli, tmp_path, "--connect", libvirtd, "create", name, "--upload-iso",
                   str(local), "--pool", pool.name, "--disk-size", "1G", "--memory", "256",
                   timeout=240)
        conn = libvirt.open(libvirtd)
        try:
            assert done.returncode == 0, done.stderr
            assert f"  CD/DVD {pool.path}/guest.iso (pool {pool.name})" in done.stdout
            assert (pool.path / "guest.iso").read_bytes() == test_iso.read_bytes()
            assert conn.lookupByName(name).isPersistent()
        finally:
            with contextlib.suppress(libvirt.libvirtError):
                conn.lookupByName(name).undefine()
            conn.close()
