"""The per-VM runtime folder is private (0700) and its sockets are unusable by other users.

The test home made by RunEnv lives in a 0700 folder of its own; these tests open it up (0755),
so the only thing between another user and the VM's monitors is what kvmgui itself creates.
"Another user" is uid/gid 65534 (nobody) via setpriv, which needs root; without root those
checks are skipped and the mode checks still run.
"""

from __future__ import annotations

import errno
import os
import socket
import stat
import subprocess
from pathlib import Path

import pytest

from kvmgui.core.model import Display
from kvmgui.core.paths import VmRuntimePaths
from kvmgui.runtime.display_auth import password_file
from kvmgui.runtime.manager import VmManager
from kvmgui.runtime.state import VmState
from tests.faults.checks import assert_clean_end
from tests.runtime.helpers import (
    RunEnv,
    create_vm,
    qemu_pids_using,
    short_tmp,
    sockets_under,
    tiny_spec,
)
from tests.security.listening import assert_nothing_exposed

pytestmark = [pytest.mark.qemu]

NOBODY = 65534
PYTHON = "/usr/bin/python3"  # readable by every user, unlike the venv in root's folders
CONNECT = """
import socket, sys
s = socket.socket(socket.AF_UNIX)
try:
    s.connect(sys.argv[1])
except OSError as exc:
    print(exc.errno)
else:
    print("connected")
"""


def can_be_nobody() -> bool:
    """Switching to another user needs root, and a Python that user may run."""
    return os.getuid() == 0 and Path(PYTHON).exists()


def as_nobody(*args: str) -> str:
    if not can_be_nobody():
        pytest.skip("running a probe as another user needs root and /usr/bin/python3")
    done = subprocess.run(
        ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", PYTHON,
         "-c", *args], capture_output=True, text=True, timeout=30, cwd="/")
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def connect_as_nobody(path: Path) -> str:
    return as_nobody(CONNECT, str(path))


def open_up(env: RunEnv) -> None:
    for folder in (env.root, env.root / "r"):
        os.chmod(folder, 0o755)


def assert_private_dir(path: Path) -> None:
    info = os.lstat(path)
    assert stat.S_ISDIR(info.st_mode), f"{path} is not a plain folder"
    assert info.st_uid == os.getuid()
    assert stat.S_IMODE(info.st_mode) == 0o700, f"{path} has mode {oct(info.st_mode)}"


def test_the_probe_can_reach_an_unprotected_socket() -> None:
    """The control: nobody CAN connect to a socket that no folder protects, so the refusals
    below come from kvmgui's folders, not from the probe."""
    folder = short_tmp()
    os.chmod(folder, 0o755)
    path = folder / "open.sock"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        os.chmod(path, 0o777)
        server.listen(1)
        assert connect_as_nobody(path) == "connected"
    finally:
        server.close()
        path.unlink()


@pytest.mark.asyncio
async def test_runtime_folder_is_private_and_its_sockets_refuse_other_users(
    run_env: RunEnv, manager: VmManager
) -> None:
    open_up(run_env)
    create_vm(run_env, tiny_spec("private", display=Display(password=True)))
    await manager.reload()
    vm = manager.get("private")
    started = await vm.start()
    assert started.ok, started
    run = run_env.paths.vm_runtime(vm.vm_id)

    assert_private_dir(run_env.paths.runtime_dir)
    assert_private_dir(run.dir)
    names = {p.name for p in sockets_under(run.dir)}
    assert {"qmp.sock", "qmp-cli.sock", "vnc.sock"} <= names, names
    for private in (run.meta_file, run.lock_file, password_file(run)):
        assert stat.S_IMODE(private.stat().st_mode) == 0o600, private
    for path in run.dir.iterdir():
        mode = stat.S_IMODE(path.lstat().st_mode)
        assert not mode & 0o002, f"{path} is writable by everyone"
    if can_be_nobody():
        for sock in sockets_under(run.dir):
            assert connect_as_nobody(sock) == str(errno.EACCES), f"nobody reaches {sock}"
        # Not even the folder's listing can be read.
        assert as_nobody(f"import os\ntry:\n os.listdir({str(run.dir)!r})\n"
                         "except OSError as e:\n print(e.errno)") == str(errno.EACCES)

    assert vm.pid is not None
    assert_nothing_exposed([vm.pid])
    assert (await vm.force_off()).ok
    await assert_clean_end(run)


def _runtime(env: RunEnv, manager: VmManager, name: str) -> VmRuntimePaths:
    return env.paths.vm_runtime(manager.get(name).vm_id)


@pytest.mark.asyncio
async def test_loose_existing_folders_are_tightened(run_env: RunEnv, manager: VmManager) -> None:
    create_vm(run_env, tiny_spec("loose"))
    await manager.reload()
    run = _runtime(run_env, manager, "loose")
    run.dir.mkdir(parents=True)
    os.chmod(run_env.paths.runtime_dir, 0o755)
    os.chmod(run.dir, 0o777)
    vm = manager.get("loose")
    assert (await vm.start()).ok
    assert_private_dir(run_env.paths.runtime_dir)
    assert_private_dir(run.dir)
    assert (await vm.force_off()).ok
    await assert_clean_end(run)


@pytest.mark.asyncio
async def test_a_symlinked_or_foreign_runtime_folder_is_refused(
    run_env: RunEnv, manager: VmManager
) -> None:
    create_vm(run_env, tiny_spec("trap"))
    await manager.reload()
    vm = manager.get("trap")
    run = _runtime(run_env, manager, "trap")
    elsewhere = run_env.root / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    run_env.paths.runtime_dir.mkdir(mode=0o700, parents=True)
    run.dir.symlink_to(elsewhere)

    refused = await vm.start()
    assert not refused.ok and refused.code == "runtime-dir"
    assert "is not a folder" in refused.message and refused.message.endswith(".")
    assert list(elsewhere.iterdir()) == []  # nothing was put where the link points
    assert qemu_pids_using(run_env.root) == []

    run.dir.unlink()
    run.dir.mkdir(mode=0o700)
    if os.getuid() != 0:
        pytest.skip("giving a folder to another user needs root")
    os.chown(run.dir, NOBODY, NOBODY)
    refused = await vm.start()
    assert not refused.ok and refused.code == "runtime-dir"
    assert "belongs to another user" in refused.message
    assert vm.state is VmState.STOPPED
    assert qemu_pids_using(run_env.root) == []
