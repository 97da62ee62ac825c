"""VM names (and ids) cannot reach outside the VM folder or the runtime folder (issue 8).

At each level a name can come in: the store (create, rename, folder_for), kvmgui-cli (create,
start, delete, show of a name like "../x" while a VM-looking folder really exists there), a
definition file written by hand, and the runtime folder, which is derived from the VM's id.
A NUL cannot be passed on a command line at all (execve ends the argument there), so it is
checked at the store and validator level.
"""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from kvmgui.core.argv_opts import parse_opts
from kvmgui.core.definition import dump_definition, spec_to_dict
from kvmgui.core.paths import MAX_SOCKET_PATH, AppPaths, VmRuntimePaths, runtime_key
from kvmgui.core.presets import new_spec
from kvmgui.core.store import StoreError, VmStore
from kvmgui.core.validation import validate_name
from tests.examples import examples
from tests.runtime.helpers import RunEnv

ESCAPES = ["../evil", "../../evil", "..", ".", "/tmp/evil", "a/../../evil", "a/b", "x\0y",
           "evil\0/../../x", ""]


def _tree(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


@pytest.mark.parametrize("name", ESCAPES)
def test_store_refuses_names_that_leave_the_vm_folder(tmp_path: Path, name: str) -> None:
    root = tmp_path / "vms"
    store = VmStore(root)
    with pytest.raises(StoreError) as info:
        store.create(replace(new_spec("x"), name=name))
    assert str(info.value).endswith(".")
    assert _tree(tmp_path) in ([], ["vms"])  # nothing written anywhere
    assert validate_name(name, [])  # the editor says no before the store is even asked


@pytest.mark.parametrize("name", ESCAPES)
def test_rename_refuses_names_that_leave_the_vm_folder(tmp_path: Path, name: str) -> None:
    store = VmStore(tmp_path / "vms")
    vm = store.create(new_spec("kept"))
    before = _tree(tmp_path)
    with pytest.raises(StoreError):
        store.rename(vm, name)
    assert _tree(tmp_path) == before
    assert [v.name for v in store.load_all().vms] == ["kept"]


def test_hand_written_definition_cannot_steer_folders(tmp_path: Path) -> None:
    """A definition's "name" never picks a folder (the folder's own name wins; a name with
    '/' makes the file be reported), and an id that could leave the runtime folder makes the
    file be reported, not loaded: the runtime never sees such a VM."""
    root = tmp_path / "vms"
    store = VmStore(root)
    store.create(new_spec("good"))
    for folder, field, value in (("slash", "name", "../../etc"), ("other", "name", "elsewhere"),
                                 ("bad-id", "id", "../../../../tmp/x")):
        data = spec_to_dict(new_spec(folder))
        data[field] = value
        (root / folder).mkdir()
        (root / folder / "vm.json").write_text(json.dumps(data))
    result = store.load_all()
    assert sorted(v.name for v in result.vms) == ["good", "other"]
    assert all(v.folder.dir.parent == root for v in result.vms)
    errors = {e.name: e.message for e in result.errors}
    assert set(errors) == {"slash", "bad-id"}
    assert "'name' contains '/'" in errors["slash"]
    assert "id" in errors["bad-id"]


# An id as the definition reader accepts it (kvmgui.core.definition._ID_RE).
valid_ids = st.from_regex(r"[A-Za-z0-9_-]{1,64}", fullmatch=True)


@settings(max_examples=examples(200), deadline=None, database=None)
@given(valid_ids)
def test_runtime_folder_of_any_valid_id_stays_in_the_runtime_folder(vm_id: str) -> None:
    paths = AppPaths.under(Path("/run/test"))
    run = paths.vm_runtime(vm_id)
    assert run.dir.parent == paths.runtime_dir
    assert run.dir.name == vm_id and run.dir.name not in (".", "..")
    assert os.path.normpath(run.dir) == str(run.dir)


def test_the_longest_id_keeps_socket_paths_short_enough() -> None:
    """The runtime folder is named by the whole id (at most 64 characters): with the usual
    runtime folders and the largest uid, every socket path still fits a unix socket address."""
    key = runtime_key("x" * 64)
    for runtime in (Path("/run/user/4294967294/kvmgui"), Path("/tmp/kvmgui-4294967294")):
        assert VmRuntimePaths(runtime / key).longest_socket_path() <= MAX_SOCKET_PATH


@given(st.text(min_size=1, max_size=80))
def test_an_invalid_id_never_names_a_path_or_another_vm(vm_id: str) -> None:
    key = runtime_key(vm_id)
    assert "/" not in key and key not in (".", "..") and "\0" not in key
    assert key == vm_id or "." in key  # "." is in no valid id, so no valid id's folder


def test_store_refuses_ids_that_would_leave_the_runtime_folder(tmp_path: Path) -> None:
    store = VmStore(tmp_path / "vms")
    for vm_id in ("../../x", "/abs", "a/b", "..", "x\0y", ""):
        with pytest.raises(StoreError, match="id"):
            store.create(replace(new_spec("x"), id=vm_id))
    assert _tree(tmp_path) in ([], ["vms"])


def test_name_cannot_inject_qemu_options() -> None:
    """The name goes into `-name guest=…`: commas are doubled, so it stays one value."""
    from kvmgui.core.argv import build_argv
    from kvmgui.core.host import HostFacts
    from kvmgui.core.paths import VmFolder
    from kvmgui.core.qemu_caps import QemuCaps

    name = "evil,process=x,debug-threads=on,,y"
    spec = replace(new_spec(name), memory_mib=64, cpus=1, sound=False, usb=False)
    paths = AppPaths.under(Path("/run/test"))
    argv = build_argv(spec, caps=QemuCaps(version=(7, 2, 0)), host=HostFacts(),
                      folder=VmFolder(Path("/vms") / name), run=paths.vm_runtime(spec.id))
    value = argv[argv.index("-name") + 1]
    pairs = parse_opts(value)
    assert ("guest", name) in pairs
    assert [k for k, _ in pairs] == ["guest", "process"]


# -- kvmgui-cli ----------------------------------------------------------------------------


@pytest.mark.qemu
def test_cli_refuses_escaping_names_and_touches_nothing_outside(run_env: RunEnv) -> None:
    vm_root = run_env.paths.default_vm_root
    # A folder next to the VM folder that looks like a VM: "../decoy" must not reach it.
    decoy = vm_root.parent / "decoy"
    decoy.mkdir(parents=True)
    (decoy / "vm.json").write_bytes(dump_definition(new_spec("decoy")))
    run_env.cli("create", "real", "--memory", "64", "--no-disk", check=True)
    before = _tree(run_env.root)

    for name in ("../decoy", "../../evil", "/tmp/evil-kvmgui", "a/b", ".hidden", ".."):
        created = run_env.cli("create", name, "--memory", "64", "--no-disk")
        assert created.returncode != 0, (name, created.stdout)
        message = created.stderr.strip()
        assert message and message.splitlines()[-1].rstrip().endswith("."), message
        assert "Traceback" not in created.stderr
    for verb in ("start", "delete", "show", "status"):
        refused = run_env.cli(verb, "../decoy")
        assert refused.returncode != 0, (verb, refused.stdout)
        assert "Traceback" not in refused.stderr
    assert not Path("/tmp/evil-kvmgui").exists()
    assert _tree(run_env.root) == before
    assert (decoy / "vm.json").exists()
