"""What a killed kvmgui leaves is removed by the next operation, and only that.

A leftover carries its maker's identity (pid, start time, boot): it is removed once that
process is gone, never while it runs (a concurrent operation's temp file is safe), and a pid
reused by another program does not keep it forever.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kvmgui.core import leftovers
from kvmgui.core.model import OsPreset, VmSpec
from kvmgui.core.presets import new_spec
from kvmgui.core.store import VmStore

CHILD = """
import sys
from pathlib import Path
from kvmgui.core import leftovers
folder = Path(sys.argv[1])
tmp = leftovers.temp_name_for(folder / "disk.qcow2")
tmp.write_bytes(b"half")
vm = folder / "half-made"
vm.mkdir()
leftovers.mark_incomplete(vm)
print(tmp, flush=True)
if sys.argv[2] == "wait":
    sys.stdin.read()
"""


def _spec(name: str) -> VmSpec:
    return new_spec(name, OsPreset.LINUX)


def _child(folder: Path, mode: str) -> tuple[subprocess.Popen[str], Path]:
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(folder), mode],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    return proc, Path(proc.stdout.readline().strip())


@pytest.fixture
def live_child(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], Path]]:
    proc, tmp = _child(tmp_path, "wait")
    yield proc, tmp
    proc.communicate("")


def test_a_dead_writers_temp_file_is_swept(tmp_path: Path) -> None:
    proc, tmp = _child(tmp_path, "exit")
    proc.wait()
    assert tmp.exists() and tmp.name.startswith(".disk.qcow2.")
    assert leftovers.sweep_temp_files(tmp_path) == [tmp]
    assert not tmp.exists()


def test_a_running_writers_temp_file_is_kept(live_child: tuple[object, Path],
                                             tmp_path: Path) -> None:
    _, tmp = live_child
    mine = leftovers.temp_name_for(tmp_path / "other.raw")
    mine.write_bytes(b"")
    assert leftovers.sweep_temp_files(tmp_path) == []
    assert tmp.exists() and mine.exists()


def test_a_reused_pid_does_not_keep_a_leftover(tmp_path: Path) -> None:
    """Our own pid with another start time: the maker is gone, the pid is someone else's."""
    pid, start, boot = leftovers.owner_token().split("-")
    stale = tmp_path / f".disk.qcow2.{pid}-{int(start) - 1}-{boot}-0123abcd.kvmgui-tmp"
    stale.write_bytes(b"")
    assert leftovers.sweep_temp_files(tmp_path) == [stale]


def test_other_machines_and_unknown_makers_only_after_a_day(tmp_path: Path) -> None:
    foreign = tmp_path / ".disk.qcow2.1234-5678-ffffffff-0123abcd.kvmgui-tmp"
    legacy = tmp_path / ".disk.qcow2.0123abcd.kvmgui-tmp"
    unrelated = tmp_path / ".disk.qcow2.someone-else.tmp"
    for path in (foreign, legacy, unrelated):
        path.write_bytes(b"")
    if leftovers.owner_token().endswith("-ffffffff"):  # pragma: no cover - 1 in 4 billion
        pytest.skip("this machine's boot tag happens to be the test's foreign one")
    assert leftovers.sweep_temp_files(tmp_path) == []
    old = time.time() - leftovers.STALE_FOREIGN_S - 60
    for path in (foreign, legacy, unrelated):
        os.utime(path, (old, old))
    assert sorted(leftovers.sweep_temp_files(tmp_path)) == sorted([foreign, legacy])
    assert unrelated.exists()


def test_a_symlink_named_like_a_temp_file_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "precious"
    target.write_bytes(b"x")
    link = tmp_path / ".disk.qcow2.1-1-00000000-0123abcd.kvmgui-tmp"
    link.symlink_to(target)
    leftovers.sweep_temp_files(tmp_path)
    assert link.is_symlink() and target.exists()


# ------------------------------------------------------------------------------ the store


def test_an_incomplete_vm_is_hidden_until_marked_complete(tmp_path: Path) -> None:
    store = VmStore(tmp_path / "vms")
    stored = store.create(_spec("new"), complete=False)
    assert store.load_all().vms == [] and store.find("new") is None
    store.mark_complete(stored)
    assert [vm.spec.name for vm in store.load_all().vms] == ["new"]
    assert not leftovers.is_incomplete(stored.folder.dir)


def test_deleting_an_incomplete_vm_removes_its_folder(tmp_path: Path) -> None:
    store = VmStore(tmp_path / "vms")
    stored = store.create(_spec("new"), complete=False)
    store.delete(stored, keep_disks=False)
    assert not stored.folder.dir.exists()


def test_the_next_create_removes_a_killed_creators_folder_only(tmp_path: Path) -> None:
    root = tmp_path / "vms"
    root.mkdir()
    proc, tmp = _child(root, "exit")  # a "killed" creator: marked folder + temp in the root
    proc.wait()
    store = VmStore(root)
    live = store.create(_spec("in-progress"), complete=False)  # ours: still running
    store.create(_spec("next"))
    assert not (root / "half-made").exists() and not tmp.exists()
    assert live.folder.dir.is_dir() and leftovers.is_incomplete(live.folder.dir)
    assert [vm.spec.name for vm in store.load_all().vms] == ["next"]


def test_a_running_creators_folder_survives_the_next_create(
        live_child: tuple[object, Path], tmp_path: Path) -> None:
    store = VmStore(tmp_path)
    store.create(_spec("next"))
    assert (tmp_path / "half-made").is_dir()
    assert live_child[1].exists()
