from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from kvmgui.core import store as store_module
from kvmgui.core.definition import SCHEMA_VERSION, dump_definition, spec_to_dict
from kvmgui.core.model import Cdrom, CdromSource, Disk, DiskFormat, Passthrough
from kvmgui.core.paths import AppPaths, VmFolder
from kvmgui.core.presets import new_spec
from kvmgui.core.store import StoredVm, StoreError, VmStore

DATA = Path(__file__).parent / "data" / "definitions"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "vms"


@pytest.fixture
def store(root: Path) -> VmStore:
    return VmStore(root)


def _tree(path: Path) -> list[str]:
    return sorted(str(p.relative_to(path)) for p in path.rglob("*"))


# -- create and load ------------------------------------------------------------------------


def test_create_then_load(store: VmStore, root: Path) -> None:
    spec = new_spec("debian", disks=(Disk("disk.qcow2", size_bytes=1 << 30),))
    stored = store.create(spec)
    assert stored.folder.dir == root / "debian"
    assert stored.spec == spec and stored.schema_version == SCHEMA_VERSION
    assert (root / "debian" / "vm.json").stat().st_mode & 0o777 == 0o600
    assert (root / "debian").stat().st_mode & 0o777 == 0o700
    assert (root / "debian" / "logs").is_dir()
    data = json.loads((root / "debian" / "vm.json").read_bytes())
    assert data["schema_version"] == SCHEMA_VERSION and data["name"] == "debian"
    result = store.load_all()
    assert result.errors == []
    assert result.vms == [stored]


def test_load_all_of_a_missing_root_is_empty(store: VmStore, root: Path) -> None:
    result = store.load_all()
    assert result.vms == [] and result.errors == []
    assert not root.exists()  # reading never creates anything


def test_create_refuses_duplicates_and_existing_folders(store: VmStore, root: Path) -> None:
    first = store.create(new_spec("Debian"))
    with pytest.raises(StoreError, match="A VM called 'Debian' already exists"):
        store.create(new_spec("debian"))
    with pytest.raises(StoreError, match="already exists"):
        store.create(replace(new_spec("other"), id=first.spec.id))
    (root / "kept").mkdir()
    (root / "kept" / "disk.qcow2").write_bytes(b"precious")
    with pytest.raises(StoreError, match="A folder named 'kept' already exists"):
        store.create(new_spec("kept"))
    assert (root / "kept" / "disk.qcow2").read_bytes() == b"precious"
    assert _tree(root) == ["Debian", "Debian/logs", "Debian/vm.json", "kept", "kept/disk.qcow2"]


@pytest.mark.parametrize(
    "name", ["", ".", "..", "../evil", "/etc/evil", "a/b", "a\0b", ".hidden", " x", "x\n"]
)
def test_create_refuses_names_that_are_not_plain_folder_names(
    store: VmStore, tmp_path: Path, name: str
) -> None:
    with pytest.raises(StoreError):
        store.create(replace(new_spec("x"), name=name))
    assert _tree(tmp_path) == []  # nothing written anywhere


def test_create_refuses_a_spec_that_could_not_be_read_back(store: VmStore, root: Path) -> None:
    with pytest.raises(StoreError, match="'memory_mib' is 0"):
        store.create(new_spec("zero", memory_mib=0))
    with pytest.raises(StoreError, match="VM id must be"):
        store.create(replace(new_spec("bad-id"), id="../x"))
    assert not root.exists() or _tree(root) == []


@pytest.mark.parametrize("name", ["..", ".", "", "a/b", "/abs", "a\0b", "x" * 256])
def test_folder_for_refuses_escapes(store: VmStore, name: str) -> None:
    with pytest.raises(StoreError):
        store.folder_for(name)


@pytest.mark.parametrize("name", ["debian", "a..b", "...x", "Ünï cödé", "\\x"])
def test_folder_for_stays_in_root(store: VmStore, root: Path, name: str) -> None:
    folder = store.folder_for(name)
    assert folder.dir.parent == root and folder.dir.name == name


# -- broken definitions ---------------------------------------------------------------------


def _write(root: Path, name: str, raw: bytes | str) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    path = folder / "vm.json"
    path.write_bytes(raw.encode() if isinstance(raw, str) else raw)
    return path


def _good(name: str, **changes: object) -> dict[str, object]:
    data = spec_to_dict(new_spec(name))
    data.update(changes)
    return data


def test_broken_definitions_are_reported_and_the_rest_load(store: VmStore, root: Path) -> None:
    good = store.create(new_spec("good"))
    cases: dict[str, tuple[bytes | str, str]] = {
        "bad-json": ("{", "not valid JSON"),
        "bad-utf8": (b'{"name": "\xff"}', "not valid UTF-8"),
        "empty": ("", "it is empty"),
        "wrong-type": (json.dumps(_good("wrong-type", cpus="two")), "'cpus' must be a whole"),
        "missing-id": (json.dumps({k: v for k, v in _good("missing-id").items() if k != "id"}),
                       "the required key 'id' is missing"),
        "unknown-key": (json.dumps(_good("unknown-key", colour="red")),
                        "the key 'colour' is unknown"),
        "huge": (json.dumps(_good("huge", memory_mib=10**12)), "outside the range"),
        "newer": (json.dumps(_good("newer", schema_version=99)), "made by a newer kvmgui"),
        "list": ("[]", "must be a JSON object"),
    }
    for name, (raw, _words) in cases.items():
        _write(root, name, raw)
    (root / "is-dir" / "vm.json").mkdir(parents=True)
    (root / "link").mkdir()
    (root / "link" / "vm.json").symlink_to("/etc/passwd")
    (root / "fifo").mkdir()
    os.mkfifo(root / "fifo" / "vm.json")  # must not hang the loader
    result = store.load_all()
    assert result.vms == [good]
    reported = {e.name: e for e in result.errors}
    assert set(reported) == {*cases, "is-dir", "link", "fifo"}
    for name, (_raw, words) in cases.items():
        err = reported[name]
        assert words in err.message, err
        assert err.path == root / name / "vm.json"
        assert str(err.path) in err.message  # the message names the file
        assert err.message.endswith(".") and "\n" not in err.message
    assert "not a regular file" in reported["is-dir"].message
    assert "symbolic link" in reported["link"].message
    assert "not a regular file" in reported["fifo"].message
    # Nothing was changed or "repaired" on disk.
    assert (root / "bad-json" / "vm.json").read_text() == "{"


def test_not_vms_are_passed_over(store: VmStore, root: Path) -> None:
    store.create(new_spec("real"))
    (root / ".hidden").mkdir()
    (root / ".hidden" / "vm.json").write_text("{")
    (root / "kept-disks").mkdir()
    (root / "kept-disks" / "disk.qcow2").write_bytes(b"")
    (root / "notes.txt").write_text("hello")
    result = store.load_all()
    assert [vm.name for vm in result.vms] == ["real"] and result.errors == []


def test_symlinked_vm_folder_is_reported(store: VmStore, root: Path, tmp_path: Path) -> None:
    elsewhere = VmStore(tmp_path / "elsewhere").create(new_spec("away"))
    root.mkdir()
    (root / "away").symlink_to(elsewhere.folder.dir)
    result = store.load_all()
    assert result.vms == []
    assert [e.name for e in result.errors] == ["away"]
    assert "symbolic link" in result.errors[0].message


def test_copied_folder_with_the_same_id_is_reported(store: VmStore, root: Path) -> None:
    store.create(new_spec("a"))
    shutil.copytree(root / "a", root / "b")
    result = store.load_all()
    assert [vm.name for vm in result.vms] == ["a"]
    assert [e.name for e in result.errors] == ["b"]
    assert "same id as VM 'a'" in result.errors[0].message


def test_ids_sharing_a_prefix_get_their_own_runtime_folders(store: VmStore, root: Path) -> None:
    first = store.create(new_spec("a"))
    twin = store.create(replace(new_spec("b"), id=first.spec.id[:12] + "f" * 20))
    paths = AppPaths.under(root)
    assert paths.vm_runtime(first.spec.id).dir != paths.vm_runtime(twin.spec.id).dir
    assert sorted(os.listdir(root)) == ["a", "b"]


def test_folder_name_wins_over_the_name_in_the_file(store: VmStore, root: Path) -> None:
    store.create(new_spec("before"))
    (root / "before").rename(root / "after")  # renamed by hand, or a rename cut short
    [vm] = store.load_all().vms
    assert vm.name == "after" and vm.folder.dir == root / "after"
    saved = store.save(vm)
    assert json.loads(saved.folder.definition.read_bytes())["name"] == "after"


def test_non_utf8_folder_name_is_reported(store: VmStore, root: Path) -> None:
    root.mkdir()
    bad = os.fsencode(root) + b"/caf\xe9"
    os.mkdir(bad)
    with open(bad + b"/vm.json", "wb") as f:
        f.write(dump_definition(new_spec("x")))
    result = store.load_all()
    assert result.vms == [] and len(result.errors) == 1
    assert "not valid UTF-8" in result.errors[0].message


# -- migration ------------------------------------------------------------------------------


def test_v1_definition_is_migrated_and_backed_up_on_first_save(
    store: VmStore, root: Path
) -> None:
    original = (DATA / "v1-clonezilla-restore.json").read_bytes()
    _write(root, "clonezilla-restore", original)
    [vm] = store.load_all().vms
    assert vm.schema_version == 1
    assert vm.spec.usb_stick == Passthrough("/dev/sdb", protected=False)
    # Loading alone writes nothing.
    assert vm.folder.definition.read_bytes() == original
    saved = store.save(replace(vm, spec=replace(vm.spec, memory_mib=1024)))
    assert saved.schema_version == SCHEMA_VERSION
    assert (vm.folder.dir / "vm.json.v1.bak").read_bytes() == original
    [again] = store.load_all().vms
    assert again.schema_version == SCHEMA_VERSION and again.spec.memory_mib == 1024
    assert again.spec.id == "3f2504e04f8911d39a0c0305e82c3301"


# -- save -----------------------------------------------------------------------------------


def test_save_and_save_again(store: VmStore) -> None:
    stored = store.create(new_spec("vm"))
    once = store.save(replace(stored, spec=replace(stored.spec, cpus=1)))
    twice = store.save(replace(once, spec=replace(once.spec, memory_mib=512)))
    [loaded] = store.load_all().vms
    assert loaded.spec == twice.spec and loaded.spec.cpus == 1
    assert loaded.digest == twice.digest


def test_save_refuses_when_another_program_changed_the_file(store: VmStore) -> None:
    stored = store.create(new_spec("vm"))
    other = store.load_all().vms[0]
    store.save(replace(other, spec=replace(other.spec, cpus=1)))  # e.g. the CLI
    with pytest.raises(StoreError, match="changed by another program"):
        store.save(replace(stored, spec=replace(stored.spec, memory_mib=512)))
    assert store.load_all().vms[0].spec.cpus == 1  # the other change survived


def test_save_never_clobbers_a_different_vm(store: VmStore, root: Path) -> None:
    stored = store.create(new_spec("vm"))
    shutil.rmtree(root / "vm")
    impostor = store.create(new_spec("vm"))
    with pytest.raises(StoreError, match="different or damaged"):
        store.save(replace(stored, digest=None))
    with pytest.raises(StoreError):
        store.save(stored)
    assert store.load_all().vms == [impostor]
    (root / "vm" / "vm.json").write_text("{")
    with pytest.raises(StoreError, match="different or damaged"):
        store.save(impostor)
    assert (root / "vm" / "vm.json").read_text() == "{"


def test_save_without_digest_is_allowed_for_the_same_vm(store: VmStore) -> None:
    stored = store.create(new_spec("vm"))
    saved = store.save(StoredVm(spec=replace(stored.spec, cpus=1), folder=stored.folder))
    assert saved.digest is not None and store.load_all().vms[0].spec.cpus == 1


def test_save_of_a_deleted_vm(store: VmStore, root: Path) -> None:
    stored = store.create(new_spec("vm"))
    shutil.rmtree(root / "vm")
    with pytest.raises(StoreError, match="deleted or moved"):
        store.save(stored)
    assert not (root / "vm").exists()


def test_save_refuses_renames_and_foreign_folders(store: VmStore, tmp_path: Path) -> None:
    stored = store.create(new_spec("vm"))
    with pytest.raises(StoreError, match="rename it"):
        store.save(replace(stored, spec=replace(stored.spec, name="other")))
    foreign = VmStore(tmp_path / "elsewhere").create(new_spec("vm"))
    with pytest.raises(StoreError, match="not a VM folder"):
        store.save(foreign)


def test_save_removes_stale_temp_files(store: VmStore) -> None:
    stored = store.create(new_spec("vm"))
    stale = stored.folder.dir / ".vm.json.dead.tmp"
    stale.write_bytes(b"half")
    os.utime(stale, (0, 0))
    store.save(stored)
    assert not stale.exists()


# -- rename ---------------------------------------------------------------------------------


def test_rename_moves_the_folder_and_paths_inside_it(store: VmStore, root: Path) -> None:
    spec = new_spec(
        "old",
        disks=(Disk(str(root / "old" / "abs.qcow2")), Disk("rel.qcow2"),
               Disk("/srv/shared.raw", format=DiskFormat.RAW)),
        cdrom=Cdrom(CdromSource.ISO, str(root / "old" / "setup.iso")),
    )
    stored = store.create(spec)
    (root / "old" / "rel.qcow2").write_bytes(b"disk")
    renamed = store.rename(stored, "new")
    assert renamed.folder.dir == root / "new" and renamed.name == "new"
    assert not (root / "old").exists()
    assert (root / "new" / "rel.qcow2").read_bytes() == b"disk"
    assert [d.path for d in renamed.spec.disks] == [
        str(root / "new" / "abs.qcow2"), "rel.qcow2", "/srv/shared.raw"]
    assert renamed.spec.cdrom == Cdrom(CdromSource.ISO, str(root / "new" / "setup.iso"))
    assert renamed.spec.id == stored.spec.id
    assert store.load_all().vms == [renamed]


def test_rename_refusals(store: VmStore, root: Path) -> None:
    a = store.create(new_spec("a"))
    store.create(new_spec("b"))
    with pytest.raises(StoreError, match="already exists"):
        store.rename(a, "B")
    with pytest.raises(StoreError, match="'/'"):
        store.rename(a, "../escape")
    (root / "kept").mkdir()
    with pytest.raises(StoreError, match="A folder named 'kept' already exists"):
        store.rename(a, "kept")
    assert {vm.name for vm in store.load_all().vms} == {"a", "b"}
    assert store.rename(a, "a").name == "a"  # same name: just a save


def test_rename_is_undone_when_the_definition_cannot_be_written(
    store: VmStore, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored = store.create(new_spec("a"))

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(store_module, "write_atomic", full)
    with pytest.raises(StoreError, match="not enough free space"):
        store.rename(stored, "b")
    monkeypatch.undo()
    assert (root / "a" / "vm.json").exists() and not (root / "b").exists()
    assert store.load_all().vms == [stored]


# -- delete ---------------------------------------------------------------------------------


def _vm_with_files(store: VmStore, root: Path, tmp_path: Path) -> tuple[StoredVm, Path]:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "shared.raw").write_bytes(b"shared")
    (outside / "target.qcow2").write_bytes(b"target")
    stored = store.create(new_spec(
        "vm",
        disks=(
            Disk("disk.qcow2"),
            Disk("overlay.qcow2", backing_file="base.qcow2", backing_format=DiskFormat.QCOW2),
            Disk(str(outside / "shared.raw"), format=DiskFormat.RAW),
            Disk("link.qcow2"),
            Disk("../../outside/target.qcow2"),
        ),
    ))
    d = stored.folder.dir
    for name in ("disk.qcow2", "overlay.qcow2", "base.qcow2", "OVMF_VARS.fd"):
        (d / name).write_bytes(name.encode())
    (d / "link.qcow2").symlink_to(outside / "target.qcow2")
    (d / "logs" / "qemu.log").write_text("log")
    (d / "tpm").mkdir()
    (d / "tpm" / "state").write_bytes(b"tpm")
    (d / "vm.json.v1.bak").write_bytes(b"old")
    return stored, outside


def test_delete_with_disks_removes_the_folder_but_nothing_outside(
    store: VmStore, root: Path, tmp_path: Path
) -> None:
    stored, outside = _vm_with_files(store, root, tmp_path)
    kept = store.delete(stored, keep_disks=False)
    assert not (root / "vm").exists()
    assert kept == [outside / "shared.raw", root / "vm" / "../../outside/target.qcow2"]
    assert (outside / "shared.raw").read_bytes() == b"shared"
    assert (outside / "target.qcow2").read_bytes() == b"target"  # the link went, not this
    assert store.load_all().vms == []


def test_delete_keeping_disks(store: VmStore, root: Path, tmp_path: Path) -> None:
    stored, outside = _vm_with_files(store, root, tmp_path)
    (root / "vm" / "my-notes.txt").write_text("mine")
    kept = store.delete(stored, keep_disks=True)
    d = root / "vm"
    assert set(kept) == {d / "disk.qcow2", d / "overlay.qcow2", d / "base.qcow2",
                         d / "link.qcow2", outside / "shared.raw",
                         d / "../../outside/target.qcow2", d / "my-notes.txt"}
    assert _tree(d) == ["base.qcow2", "disk.qcow2", "link.qcow2", "my-notes.txt",
                        "overlay.qcow2"]
    assert store.load_all().vms == [] and store.load_all().errors == []
    # A new VM cannot silently take over the kept disks' folder.
    with pytest.raises(StoreError, match="already exists"):
        store.create(new_spec("vm"))


def test_delete_keeps_unknown_files(store: VmStore, root: Path) -> None:
    stored = store.create(new_spec("vm"))
    (root / "vm" / "downloaded.iso").write_bytes(b"iso")
    assert store.delete(stored, keep_disks=False) == [root / "vm" / "downloaded.iso"]
    assert _tree(root) == ["vm", "vm/downloaded.iso"]


def test_delete_refuses_when_the_folder_holds_another_vm(store: VmStore, root: Path) -> None:
    stored = store.create(new_spec("vm"))
    (root / "vm" / "disk.qcow2").write_bytes(b"x")
    shutil.rmtree(root / "vm" / "logs")
    (root / "vm" / "vm.json").unlink()
    other = replace(new_spec("vm"), disks=(Disk("disk.qcow2"),))
    (root / "vm" / "vm.json").write_bytes(dump_definition(other))
    with pytest.raises(StoreError, match="now holds another VM"):
        store.delete(replace(stored, spec=replace(stored.spec, disks=other.disks)), False)
    assert (root / "vm" / "disk.qcow2").exists()


def test_delete_finishes_a_half_done_delete(store: VmStore, root: Path) -> None:
    stored = store.create(new_spec("vm"))
    (root / "vm" / "vm.json").unlink()
    assert store.delete(stored, keep_disks=False) == []
    assert not (root / "vm").exists()


def test_delete_refuses_foreign_folders(store: VmStore, tmp_path: Path) -> None:
    foreign = VmStore(tmp_path / "elsewhere").create(new_spec("vm"))
    with pytest.raises(StoreError, match="not a VM folder"):
        store.delete(foreign, keep_disks=False)
    assert foreign.folder.definition.exists()
    sneaky = replace(foreign, folder=VmFolder(store.root / ".." / "x"))
    with pytest.raises(StoreError):
        store.delete(sneaky, keep_disks=False)


# -- find and get ---------------------------------------------------------------------------


def test_find_and_get(store: VmStore, root: Path) -> None:
    deb = store.create(new_spec("Debian"))
    store.create(new_spec("debian-old"))
    assert store.find("Debian") == deb
    assert store.find("DEBIAN") == deb
    assert store.find(deb.spec.id) == deb
    assert store.find("nope") is None
    assert store.get("debian") == deb
    with pytest.raises(StoreError, match="There is no VM called 'nope'"):
        store.get("nope")
    _write(root, "broken", "{")
    with pytest.raises(StoreError, match="not valid JSON"):
        store.get("broken")


# -- a full or read-only disk ---------------------------------------------------------------


@pytest.fixture
def small_fs(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs (needs root, as in CI's container); skipped where mounting fails."""
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs",
                           str(mnt)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def _fill(where: Path, leave: int) -> None:
    """Fill the filesystem, then free `leave` bytes."""
    filler = where / ".filler"
    with open(filler, "wb", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    if leave:
        size = filler.stat().st_size
        os.truncate(filler, max(0, size - leave))


@pytest.mark.parametrize("leave", [0, 4096, 12 * 1024])
def test_full_disk_leaves_no_half_created_vm(small_fs: Path, leave: int) -> None:
    store = VmStore(small_fs / "vms")
    (small_fs / "vms").mkdir()
    keep = store.create(new_spec("existing"))
    _fill(small_fs, leave)
    big = new_spec("big", description="x" * 10_000, extra_args=tuple(["-no-hpet"] * 200))
    with pytest.raises(StoreError) as info:
        store.create(big)
    message = str(info.value)
    assert message.startswith("There is not enough free space in ")
    assert "free some space and try again." in message
    assert sorted(os.listdir(small_fs / "vms")) == ["existing"]
    assert store.load_all().vms == [keep]


def test_full_disk_while_saving_keeps_the_old_definition(small_fs: Path) -> None:
    store = VmStore(small_fs / "vms")
    stored = store.create(new_spec("vm"))
    before = stored.folder.definition.read_bytes()
    _fill(small_fs, 0)
    with pytest.raises(StoreError, match="not enough free space"):
        store.save(replace(stored, spec=replace(stored.spec, description="x" * 10_000)))
    assert stored.folder.definition.read_bytes() == before
    assert sorted(os.listdir(stored.folder.dir)) == ["logs", "vm.json"]


def test_read_only_filesystem(small_fs: Path) -> None:
    store = VmStore(small_fs / "vms")
    (small_fs / "vms").mkdir()
    subprocess.run(["mount", "-o", "remount,ro", str(small_fs)], check=True)
    with pytest.raises(StoreError, match="read-only filesystem"):
        store.create(new_spec("vm"))


def test_the_stamp_changes_with_every_change_another_program_makes(tmp_path: Path) -> None:
    from kvmgui.core import leftovers

    store = VmStore(tmp_path)
    seen = [store.stamp()]

    def changed() -> bool:
        now = store.stamp()
        different = now != seen[-1]
        seen.append(now)
        return different

    folder = tmp_path / "made"
    folder.mkdir()
    marker = leftovers.mark_incomplete(folder)  # a creator at work: not a VM yet
    assert changed()
    store.create(new_spec("other"))
    assert changed()
    (folder / "vm.json").write_bytes(dump_definition(new_spec("made")))
    assert changed()
    marker.unlink()  # the creator is done: now it lists
    assert changed()
    made = store.get("made")
    store.save(replace(made, spec=replace(made.spec, memory_mib=512)))
    assert changed()
    shutil.rmtree(folder)
    assert changed()
    assert not changed()
