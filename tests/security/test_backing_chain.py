"""Backing chains never reach the host, and their formats are never guessed (security).

The attack: a qcow2 image names its base (backing file) by path, and QEMU opens that path for
the guest to read. An image someone hands the user, or a VM definition someone else wrote, can
name /etc/shadow, a device, another user's file, the user's own private key, a json:
instruction or an external data file (or, for a vmdk, any file as a part of its data), or
leave the base's format out so that QEMU guesses it. Each trap below is a real image
made with the real qemu-img, given to the real `kvmgui-cli`:
- `create --disk`, `import` and `import --convert` refuse it with one sentence; the image, its
  base and every other file are byte-identical afterwards and no VM (nor a staged copy) exists;
- `img convert` and `img create --backing` refuse it the same way and write nothing; `img info`
  shows the image and says why it is refused, without opening the base;
- a definition whose disk is such an overlay, or that names such a base itself, does not
  start: no QEMU is launched and no overlay is created;
- a proper chain of the user's own images with recorded formats is accepted, and the started
  QEMU holds exactly those images open (`/proc/PID/fd`), never a host file.

The rule itself is kvmgui/core/chain_rule.py (tests/core/test_chain_rule.py); every qemu-img
call the runtime makes for it names the format (tests/security/test_format_probe.py records
them during a start).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from kvmgui.core.model import Disk, DiskFormat
from tests.cli.conftest import env, vm_root
from tests.cli.helpers import run
from tests.runtime.helpers import RunEnv, create_vm, qemu_pids_using, tiny_spec

pytestmark = [pytest.mark.qemu]
__all__ = ["env", "vm_root"]  # the command-line tests' fixtures: private XDG folders

MiB = 1024 * 1024
BACKING_FORMAT_EXTENSION = bytes.fromhex("e2792aca")  # qcow2 header extension: backing format
IS_ROOT = os.geteuid() == 0


def qemu_img(*args: str) -> None:
    subprocess.run(["qemu-img", *args], check=True, capture_output=True)


def overlay(path: Path, base: str, base_fmt: str | None = "qcow2") -> Path:
    """A qcow2 overlay on `base` (`-u`: qemu-img does not open the base to make it)."""
    qemu_img("create", "-q", "-f", "qcow2", "-u", "-b", base, "-F", base_fmt or "qcow2",
             str(path), "4M")
    if base_fmt is None:
        # qemu-img 7.2 always records the format now; older tools and hand-made images do
        # not. Renaming the header extension leaves a valid image that does not record it.
        data = bytearray(path.read_bytes())
        at = data.find(BACKING_FORMAT_EXTENSION, 0, 64 * 1024)
        assert at > 0
        data[at:at + 4] = b"kvmg"
        path.write_bytes(bytes(data))
    return path


def own_base(folder: Path, name: str = "base.qcow2") -> Path:
    path = folder / name
    qemu_img("create", "-q", "-f", "qcow2", str(path), "4M")
    return path


@dataclass(frozen=True)
class Trap:
    make: Callable[[Path], Path]  # builds the image in the given folder, returns it
    says: str  # what the refusal says
    root_only: bool = False


def _unrecorded(d: Path) -> Path:
    return overlay(d / "unrecorded.qcow2", str(own_base(d)), None)


def _shadow(d: Path) -> Path:
    return overlay(d / "shadow.qcow2", "/etc/shadow", "raw")


def _deep_shadow(d: Path) -> Path:
    mid = overlay(d / "mid.qcow2", "/etc/shadow", "raw")
    return overlay(d / "top.qcow2", str(mid), "qcow2")


def _symlink(d: Path) -> Path:
    (d / "innocent.img").symlink_to("/etc/passwd")
    return overlay(d / "link.qcow2", "innocent.img", "raw")  # relative: next to the overlay


def _other_user(d: Path) -> Path:
    base = own_base(d, "theirs.qcow2")
    os.chown(base, 65534, 65534)
    return overlay(d / "other.qcow2", str(base))


def _device(d: Path) -> Path:
    return overlay(d / "device.qcow2", "/dev/zero", "raw")


def _device_node(d: Path) -> Path:
    node = d / "node.img"  # a device node in the user's own folder: /dev/null's numbers
    os.mknod(node, stat.S_IFCHR | 0o600, os.makedev(1, 3))
    return overlay(d / "node.qcow2", str(node), "raw")


def _json(d: Path) -> Path:
    spec = {"driver": "raw", "file": {"driver": "file", "filename": "/etc/hostname"}}
    return overlay(d / "json.qcow2", "json:" + json.dumps(spec, separators=(",", ":")), "raw")


def _data_file(d: Path) -> Path:
    data = d / "data.bin"
    path = d / "datafile.qcow2"
    qemu_img("create", "-q", "-f", "qcow2", "-o", f"data_file={data},data_file_raw=on",
             str(path), "4M")
    return path


def _own_key(d: Path) -> Path:
    """The user's own private key, named relative to an image in Downloads: the owner rule
    passes it, the guest must still never read it."""
    (d / ".ssh").mkdir()
    (d / ".ssh" / "id_ed25519").write_text("-----BEGIN OPENSSH PRIVATE KEY-----\n" * 11)
    (d / "Downloads").mkdir()
    return overlay(d / "Downloads" / "appliance.qcow2", "../.ssh/id_ed25519", "raw")


def _own_document(d: Path) -> Path:
    (d / "passwords.kdbx").write_bytes(b"\x03\xd9\xa2\x9a" * 750 + b"!")
    return overlay(d / "doc.qcow2", "passwords.kdbx", "raw")


def _vmdk_extent(d: Path) -> Path:
    """A vmdk is a text descriptor that may name any file as the place of its data."""
    path = d / "appliance.vmdk"
    path.write_text('# Disk DescriptorFile\nversion=1\nCID=fffffffe\nparentCID=ffffffff\n'
                    'createType="monolithicFlat"\n\nRW 1 FLAT "/etc/hostname" 0\n\n'
                    'ddb.virtualHWVersion = "4"\nddb.adapterType = "ide"\n')
    return path


TRAPS = {
    "unrecorded-format": Trap(_unrecorded, "does not record the format of its base"),
    "etc-shadow": Trap(_shadow, "shadow.qcow2's base /etc/shadow is a system file, not one "
                       "of your images: kvmgui will not let a VM read it."),
    "shadow-two-down": Trap(_deep_shadow, "mid.qcow2's base /etc/shadow is a system file"),
    "link-to-etc": Trap(_symlink, "innocent.img → /etc/passwd is a system file"),
    "other-user": Trap(_other_user, "belongs to another user, not one of your images",
                       root_only=True),
    "dev-zero": Trap(_device, "base /dev/zero is a device, not one of your images"),
    "device-node": Trap(_device_node, "node.img is a device", root_only=True),
    "json": Trap(_json, "which is not a file name but an instruction to QEMU"),
    "data-file": Trap(_data_file, "keeps its data in another file"),
    "own-ssh-key": Trap(_own_key, "is in a hidden folder, where settings and keys are kept"),
    "own-document": Trap(_own_document, "is not a whole number of disk sectors"),
    "vmdk-extent": Trap(_vmdk_extent, "appliance.vmdk reads part of its data from "
                        "/etc/hostname, which is not a file of the image's own folder"),
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(folder: Path) -> dict[str, str]:
    """Every regular file under `folder` (symbolic links and devices by what they are)."""
    found = {}
    for p in sorted(folder.rglob("*")):
        st = p.lstat()
        if stat.S_ISREG(st.st_mode):
            found[str(p)] = sha256(p)
        elif stat.S_ISLNK(st.st_mode):
            found[str(p)] = "-> " + os.readlink(p)
        elif not stat.S_ISDIR(st.st_mode):
            found[str(p)] = f"node {st.st_mode:o}"
    return found


def make_trap(trap: Trap, folder: Path) -> Path:
    if trap.root_only and not IS_ROOT:
        pytest.skip("needs root to give a file to another user or to make a device node")
    folder.mkdir(parents=True, exist_ok=True)
    return trap.make(folder)


def refused(capsys: pytest.CaptureFixture[str], says: str, *argv: str) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 1, (argv, out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kvmgui-cli: "), err
    assert says in lines[0], err
    assert lines[0].endswith("."), err


# -- what the user brings -----------------------------------------------------------------------


@pytest.mark.parametrize("trap", sorted(TRAPS))
def test_a_chain_that_escapes_is_refused_everywhere_an_image_enters(
    trap: str, vm_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "mine"
    image = make_trap(TRAPS[trap], home)
    says = TRAPS[trap].says
    before = snapshot(home)
    shadow = sha256(Path("/etc/shadow")) if IS_ROOT else None

    refused(capsys, says, "create", "box", "--disk", str(image))
    refused(capsys, says, "import", str(image), "imported")
    refused(capsys, says, "import", str(image), "copied", "--convert", "-q")
    refused(capsys, says, "img", "convert", "-q", str(image), str(home / "flat.qcow2"))
    code, out, err = run(capsys, "img", "info", str(image))  # looking is fine; it says why
    assert code == 0 and "refused:      " in out and says in out, (out, err)
    code, out, err = run(capsys, "img", "info", "--json", str(image))
    doc = json.loads(out)
    assert says in doc["refused"] and len(doc["chain"]) == 1, doc

    assert snapshot(home) == before  # image, base, links: unchanged, and nothing added
    assert not vm_root.exists() or not any(vm_root.iterdir()), list(vm_root.iterdir())
    assert shadow is None or sha256(Path("/etc/shadow")) == shadow
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0 and json.loads(out)["vms"] == []


def test_img_create_refuses_an_overlay_on_a_host_file(
    vm_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    refused(capsys, "base /etc/shadow is a system file", "img", "create",
            str(tmp_path / "o.qcow2"), "--backing", "/etc/shadow", "--backing-format", "raw")
    (tmp_path / "passwd.img").symlink_to("/etc/passwd")
    refused(capsys, "passwd.img → /etc/passwd is a system file", "img", "create",
            str(tmp_path / "p.qcow2"), "--backing", "passwd.img")
    assert not (tmp_path / "o.qcow2").exists() and not (tmp_path / "p.qcow2").exists()
    assert not list(tmp_path.glob(".*kvmgui-tmp"))


def test_a_proper_chain_of_own_images_is_accepted(
    vm_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "mine"
    home.mkdir()
    base = home / "base.raw"
    with open(base, "wb") as f:
        f.truncate(4 * MiB)
    mid = overlay(home / "mid.qcow2", "base.raw", "raw")  # relative, as qemu-img often writes
    top = overlay(home / "top.qcow2", str(mid), "qcow2")
    (home / "alias.qcow2").symlink_to(top)  # a link to one's own image is fine

    code, out, err = run(capsys, "create", "box", "--disk", str(home / "alias.qcow2"))
    assert code == 0, err
    # A vmdk in two files (descriptor and data, as VMware exports it), both in one folder.
    qemu_img("create", "-q", "-f", "vmdk", "-o", "subformat=monolithicFlat",
             str(home / "exported.vmdk"), "4M")
    code, out, err = run(capsys, "import", str(home / "exported.vmdk"), "vmware")
    assert code == 0, err
    code, out, err = run(capsys, "import", str(top), "imported")
    assert code == 0, err
    code, out, err = run(capsys, "import", str(top), "copied", "--convert", "-q")
    assert code == 0, err
    code, out, _ = run(capsys, "img", "info", "--json", str(top))
    doc = json.loads(out)
    assert doc["refused"] is None
    assert [link["filename"] for link in doc["chain"]] == [str(top), str(mid), str(base)]
    code, out, _ = run(capsys, "show", "imported", "--json")
    disk = json.loads(out)["definition"]["disks"][0]
    assert (disk["format"], disk["backing_file"], disk["backing_format"]) == \
        ("qcow2", str(mid), "qcow2")
    assert (vm_root / "copied" / "disk.qcow2").is_file()


# -- what a definition names ------------------------------------------------------------------


def open_files(pid: int) -> set[str]:
    found = set()
    for entry in os.listdir(f"/proc/{pid}/fd"):
        with contextlib.suppress(OSError):
            found.add(os.readlink(f"/proc/{pid}/fd/{entry}"))
    return found


def start_refused(env: RunEnv, name: str, says: str) -> None:
    result = env.cli("start", name)
    assert result.returncode == 1, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and says in lines[0], result.stderr
    assert qemu_pids_using(env.root) == []
    status = env.cli_json("status", name)
    assert status["state"] == "stopped" and status["pid"] is None


def test_a_hostile_definition_does_not_start(env: RunEnv) -> None:
    home = env.root / "home"
    shadow = overlay(home / "shadow.qcow2", "/etc/shadow", "raw")
    unrecorded = overlay(home / "unrecorded.qcow2", str(own_base(home)), None)
    (home / "disk.img").symlink_to("/etc/passwd")
    # 1. the disk is an overlay whose header names a host file;
    create_vm(env, tiny_spec("header", disks=(Disk(str(shadow), DiskFormat.QCOW2),)))
    # 2. the definition names the host file as the base of a disk kvmgui would create;
    named = create_vm(env, tiny_spec("named", disks=(
        Disk("disk.qcow2", DiskFormat.QCOW2, backing_file="/etc/shadow",
             backing_format=DiskFormat.RAW),)))
    # 3. ... or through a link in the user's folder, relative to the disk;
    linked = create_vm(env, tiny_spec("linked", disks=(
        Disk(str(home / "new.qcow2"), DiskFormat.QCOW2, backing_file="disk.img",
             backing_format=DiskFormat.RAW),)))
    # 4. the disk's base format is not recorded, so QEMU would guess it.
    create_vm(env, tiny_spec("guess", disks=(Disk(str(unrecorded), DiskFormat.QCOW2),)))
    before = snapshot(env.root / "home")
    # The trap is armed: what QEMU would open under the first disk.
    chain = json.loads(subprocess.run(
        ["qemu-img", "info", "--output=json", "--backing-chain", "-U", "-f", "qcow2",
         str(shadow)], check=True, capture_output=True, text=True).stdout)
    assert [link["filename"] for link in chain] == [str(shadow), "/etc/shadow"]

    start_refused(env, "header", "shadow.qcow2's base /etc/shadow is a system file")
    start_refused(env, "named", "disk.qcow2's base /etc/shadow is a system file")
    start_refused(env, "linked", "disk.img → /etc/passwd is a system file")
    start_refused(env, "guess", "does not record the format of its base")

    assert not named.folder.resolve("disk.qcow2").exists()  # no overlay made on /etc/shadow
    assert not linked.folder.resolve(str(home / "new.qcow2")).exists()
    assert snapshot(env.root / "home") == before


def test_a_definition_whose_base_was_swapped_later_does_not_start(env: RunEnv) -> None:
    home = env.root / "home"
    base = own_base(home)
    top = overlay(home / "top.qcow2", str(base))
    create_vm(env, tiny_spec("box", disks=(Disk(str(top), DiskFormat.QCOW2),)))
    base.unlink()
    base.symlink_to("/etc/shadow")
    start_refused(env, "box", "base.qcow2 → /etc/shadow is a system file")


def test_a_proper_chain_starts_and_qemu_holds_only_the_users_images(env: RunEnv) -> None:
    home = env.root / "home"
    canary = home / "canary.txt"  # an ordinary file of the user that no image names
    canary.write_text("not for the guest\n")
    base = home / "base.raw"
    with open(base, "wb") as f:
        f.truncate(4 * MiB)
    top = overlay(home / "top.qcow2", "base.raw", "raw")
    stored = create_vm(env, tiny_spec("good", disks=(
        Disk(str(top), DiskFormat.QCOW2),
        Disk("clone.qcow2", DiskFormat.QCOW2, backing_file=str(base),
             backing_format=DiskFormat.RAW),
    )))
    try:
        env.cli("start", "good", check=True)
        pids = qemu_pids_using(env.root)
        assert len(pids) == 1
        files = open_files(pids[0])
        images = {f for f in files if f.endswith((".qcow2", ".raw", ".img"))}
        assert images == {str(top), str(base), str(stored.folder.resolve("clone.qcow2"))}
        assert not [f for f in files if f.startswith(("/etc/", "/home/", "/root/"))], files
        assert str(canary) not in files
    finally:
        env.cli("kill", "good")
    assert qemu_pids_using(env.root) == []


def test_restores_backup_image_is_given_as_raw_bytes_so_its_header_names_no_base(
    vm_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], test_iso: Path
) -> None:
    backup = overlay(tmp_path / "backup.img", "/etc/shadow", "raw")
    before = sha256(backup)
    code, _, err = run(capsys, "restore", "rescue", "--rescue-iso", str(test_iso),
                       "--backup-disk", str(backup), "--disk-size", "1G")
    assert code == 0, err
    code, out, err = run(capsys, "command-line", "rescue")
    assert code == 0, err
    stick = [a for a in out.split() if f"file.filename={backup}" in a]
    assert len(stick) == 1 and "format=raw" in stick[0], out
    assert "/etc/shadow" not in out and "backing" not in stick[0]
    assert sha256(backup) == before


def test_clones_refuse_a_base_whose_chain_escapes(
    vm_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kvmgui.core.paths import AppPaths
    from kvmgui.core.store import VmStore
    from kvmgui.core.trust import Approvals

    home = tmp_path / "mine"
    home.mkdir()
    hostile = overlay(home / "shadow.qcow2", "/etc/shadow", "raw")
    # Made through kvmgui (so approved): the chain rule alone must refuse the clones.
    paths = AppPaths.from_env(dict(os.environ))
    store = VmStore(paths.default_vm_root, approvals=Approvals.for_paths(paths))
    store.create(tiny_spec("given", disks=(Disk(str(hostile), DiskFormat.QCOW2),)))
    defined = store.create(tiny_spec("named", disks=(
        Disk(str(home / "named.qcow2"), DiskFormat.QCOW2, backing_file="/etc/shadow",
             backing_format=DiskFormat.RAW),)))
    qemu_img("create", "-q", "-f", "qcow2", "-u", "-b", str(own_base(home)), "-F", "qcow2",
             str(home / "named.qcow2"), "4M")  # its header looks harmless: the definition rules
    loose = overlay(home / "loose.qcow2", "/etc/shadow", "raw")  # an image of no VM
    before = snapshot(home)
    says = "/etc/shadow is a system file"

    refused(capsys, says, "clone", "given", "linked-copy", "--linked")
    refused(capsys, says, "clone", "given", "full-copy")
    refused(capsys, says, "clone", "named", "linked-copy", "--linked")
    refused(capsys, says, "clone", "named", "full-copy")
    refused(capsys, "loose.qcow2's base " + says, "clone", str(loose), "from-image", "--linked")

    assert snapshot(home) == before
    assert sorted(p.name for p in vm_root.iterdir()) == ["given", "named"]
    assert defined.folder.dir.is_dir()


def test_another_vms_raw_disk_keeps_its_recorded_format_when_reused(
    vm_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A guest wrote a qcow2 header into its raw disk, naming a file of the user's that passes
    every place rule; reusing that disk for a new VM must still read it as raw."""
    from kvmgui.core.paths import AppPaths
    from kvmgui.core.store import VmStore

    home = tmp_path / "mine"
    home.mkdir()
    private = home / "private.img"  # the user's own disk image of something else
    private.write_bytes(b"PRIVATE DATA OF THE USER\n".ljust(MiB, b"\0"))
    disk = home / "guest.raw"
    with open(disk, "wb") as f:
        f.truncate(4 * MiB)
    VmStore(AppPaths.from_env(dict(os.environ)).default_vm_root).create(
        tiny_spec("first", disks=(Disk(str(disk), DiskFormat.RAW),)))
    header = overlay(tmp_path / "header.qcow2", str(private), "raw")
    with open(disk, "r+b") as f:  # what the first VM's guest can do to its own disk
        f.write(header.read_bytes())
    before = sha256(disk)

    for argv in (("create", "second", "--disk", str(disk)),
                 ("import", str(disk), "third")):
        code, _, err = run(capsys, *argv)
        assert code == 0, err
    for name in ("second", "third"):
        code, out, _ = run(capsys, "show", name, "--json")
        stored = json.loads(out)["definition"]["disks"][0]
        assert (stored["format"], stored["backing_file"]) == ("raw", None), stored
    assert sha256(disk) == before


RECORDER = """#!{python}
import json, os, sys
with open({log!r}, "a") as f:
    f.write(json.dumps(sys.argv[1:]) + "\\n")
os.execv({real!r}, [{real!r}, *sys.argv[1:]])
"""


@pytest.mark.asyncio
async def test_the_install_phase_reads_no_sector_through_a_chain_that_escapes(
    env: RunEnv,
) -> None:
    """Before a start, a VM in its install phase has its disks' first sector read (through
    qemu-img, bases included): never through a base that escapes."""
    import shutil
    import sys

    from kvmgui.runtime.launch import read_first_sector

    real = shutil.which("qemu-img")
    assert real is not None
    log = env.root / "calls"
    wrapper = env.root / "qemu-img"
    wrapper.write_text(RECORDER.format(python=sys.executable, log=str(log), real=real))
    wrapper.chmod(0o755)
    home = env.root / "home"
    hostile = overlay(home / "shadow.qcow2", "/etc/shadow", "raw")
    good = overlay(home / "good.qcow2", str(own_base(home)))
    stored = create_vm(env, tiny_spec("inst", disks=(Disk(str(hostile), DiskFormat.QCOW2),)))
    run_paths = env.paths.vm_runtime(stored.spec.id)
    run_paths.dir.mkdir(parents=True, mode=0o700)

    assert await read_first_sector(stored.spec.disks[0], stored.folder, run_paths,
                                   str(wrapper)) is None
    calls = [json.loads(line) for line in log.read_text().splitlines()]
    assert [c[0] for c in calls] == ["info"], calls  # the link was read, nothing through it
    assert await read_first_sector(Disk(str(good), DiskFormat.QCOW2), stored.folder,
                                   run_paths, str(wrapper)) == bytes(512)
    assert "dd" in [json.loads(line)[0] for line in log.read_text().splitlines()]
