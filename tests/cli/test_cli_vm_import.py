"""`kvmgui-cli import`, `restore` and `snapshot` (stopped VMs: no QEMU runs), as processes.

- a vmdk becomes a VM as it is (format recorded) and converted (a qcow2 in the VM's folder with
  the same guest-visible content);
- restore refuses a new disk smaller than the backup's source disk, and otherwise creates a VM
  whose command line boots the rescue ISO with the new disk and the protected backup disk;
- snapshot take/list/revert/delete on a stopped VM (qemu-img), revert only with --yes.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.runtime.helpers import RunEnv

# Every test here runs qemu-img, qemu-io or qemu-system-x86_64: not in the fast lane.
pytestmark = pytest.mark.qemu


def qemu_img(*args: str) -> str:
    return subprocess.run(["qemu-img", *args], capture_output=True, text=True, check=True,
                          timeout=60).stdout


def make_vmdk(folder: Path) -> Path:
    raw = folder / "src.raw"
    with open(raw, "wb") as f:
        f.truncate(8 << 20)
        f.seek(1 << 20)
        f.write(b"KVMGUI-IMPORT" * 100)
    vmdk = folder / "old.vmdk"
    qemu_img("convert", "-f", "raw", "-O", "vmdk", str(raw), str(vmdk))
    return vmdk


def definition(env: RunEnv, name: str) -> dict[str, object]:
    doc = json.loads(env.cli("show", name, "--json", check=True).stdout)
    assert isinstance(doc, dict)
    return doc


def test_import_vmdk_as_is_and_converted(env: RunEnv) -> None:
    vmdk = make_vmdk(env.root)
    before = vmdk.read_bytes()

    as_is = env.cli("import", str(vmdk), "oldbox", "--memory", "256", check=True)
    assert "was used as it is (vmdk)" in as_is.stdout
    disks = definition(env, "oldbox")["definition"]["disks"]  # type: ignore[index]
    assert [(d["path"], d["format"]) for d in disks] == [(str(vmdk), "vmdk")]
    line = env.cli("command-line", "oldbox", check=True).stdout
    assert "driver=vmdk" in line and str(vmdk) in line

    conv = env.cli("import", str(vmdk), "newbox", "--convert", "--compress", "-q", check=True)
    assert "was converted to qcow2, compressed" in conv.stdout
    doc = definition(env, "newbox")
    folder = Path(str(doc["folder"]))
    disks = doc["definition"]["disks"]  # type: ignore[index]
    assert [(d["path"], d["format"]) for d in disks] == [("disk.qcow2", "qcow2")]
    copy = folder / "disk.qcow2"
    assert json.loads(qemu_img("info", "--output=json", str(copy)))["format"] == "qcow2"
    qemu_img("compare", "-f", "vmdk", "-F", "qcow2", str(vmdk), str(copy))  # rc 0: identical
    assert vmdk.read_bytes() == before
    assert not list(env.paths.default_vm_root.glob(".import-*"))

    taken = env.cli("import", str(vmdk), "NewBox")
    assert taken.returncode == 1 and "already exists" in taken.stderr
    bad = env.cli("import", str(env.root / "none.vmdk"), "x")
    assert bad.returncode == 1 and not (env.paths.default_vm_root / "x").exists()


def test_restore_refuses_small_disk_and_builds_the_recipe(env: RunEnv, test_iso: Path) -> None:
    backup = env.root / "backup.img"
    with open(backup, "wb") as f:
        f.truncate(4 << 20)
    small = env.cli("restore", "rest", "--rescue-iso", str(test_iso), "--backup-disk",
                    str(backup), "--disk-size", "10G", "--source-size", "20G")
    assert small.returncode == 1
    assert "smaller than the disk the backup was made from (20 GiB)" in small.stderr
    assert not (env.paths.default_vm_root / "rest").exists()

    made = env.cli("restore", "rest", "--rescue-iso", str(test_iso), "--backup-disk",
                   str(backup), "--disk-size", "20G", "--source-size", "20G", check=True)
    assert "protected: it is only read" in made.stdout
    spec = definition(env, "rest")["definition"]
    assert spec["usb_stick"] == {"path": str(backup), "protected": True}  # type: ignore[index]
    assert spec["boot_order"] == ["cdrom", "disk"]  # type: ignore[index]
    line = env.cli("command-line", "rest", check=True).stdout
    assert f"file.filename={backup}" in line and "snapshot=on" in line
    assert "usb-storage" in line and str(test_iso) in line
    folder = Path(str(definition(env, "rest")["folder"]))
    info = json.loads(qemu_img("info", "--output=json", str(folder / "disk.qcow2")))
    assert info["virtual-size"] == 20 << 30


def test_snapshot_commands_on_a_stopped_vm(env: RunEnv) -> None:
    env.cli("create", "snap", "--disk-size", "16M", "--no-sound", check=True)
    assert env.cli("snapshot", "snap", "take", "s1", check=True).stdout.startswith(
        "Took the snapshot 's1' of 'snap' (its disks")
    listed = json.loads(env.cli("snapshot", "snap", "list", "--json", check=True).stdout)
    assert listed["running"] is False
    assert [(s["name"], s["includes_memory"]) for s in listed["snapshots"]] == [("s1", False)]
    unconfirmed = env.cli("snapshot", "snap", "revert", "s1")
    assert unconfirmed.returncode == 2 and "add --yes to confirm" in unconfirmed.stderr
    env.cli("snapshot", "snap", "revert", "s1", "--yes", check=True)
    missing = env.cli("snapshot", "snap", "delete", "nope")
    assert missing.returncode == 1 and "no snapshot named 'nope'" in missing.stderr
    env.cli("snapshot", "snap", "delete", "s1", check=True)
    assert "has no snapshots" in env.cli("snapshot", "snap", "list", check=True).stdout
