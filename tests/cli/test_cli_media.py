"""`kvmgui-cli clone`, `release-base`, `img chain` and `copy-to-device` through main()."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from kvmgui.cli.main import main
from kvmgui.core.clones import base_refusal, dependents_of
from kvmgui.core.paths import AppPaths
from kvmgui.core.sizes import MIB
from kvmgui.core.store import VmStore
from tests.cli.helpers import run

pytestmark = [pytest.mark.skipif(shutil.which("qemu-img") is None,
                               reason="qemu-img is not installed"),
              pytest.mark.usefixtures("vm_root")]


def store() -> VmStore:
    return VmStore(AppPaths.from_env().default_vm_root)


def qemu_img(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["qemu-img", *map(str, args)], capture_output=True, text=True,
                          timeout=60, check=False)


@pytest.fixture
def base(capsys: pytest.CaptureFixture[str]) -> Path:
    """VM 'base' with a 32 MiB qcow2 disk holding some data; returns the disk's path."""
    code, _, err = run(capsys, "create", "base", "--disk-size", "32M")
    assert code == 0, err
    disk = store().get("base").folder.dir / "disk.qcow2"
    r = subprocess.run(["qemu-io", "-f", "qcow2", "-c", "write -P 0x42 1M 1M", str(disk)],
                       capture_output=True, text=True, timeout=60, check=False)
    assert r.returncode == 0, r.stderr
    return disk


@pytest.mark.qemu
def test_linked_clone_chain_and_protection(base: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "clone", "base", "web", "--linked")
    assert code == 0, err
    assert "linked clone of VM 'base'" in out and "read-only" in out
    assert "backing chain:" in out
    overlay = store().get("web").folder.dir / "disk.qcow2"
    assert "backing file format: qcow2" in qemu_img("info", overlay).stdout
    assert stat.S_IMODE(os.stat(base).st_mode) & 0o222 == 0

    code, out, _ = run(capsys, "img", "chain", str(overlay), "--json")
    doc = json.loads(out)
    assert code == 0
    assert [c["filename"] for c in doc["chain"]] == [str(overlay), str(base)]
    assert doc["chain"][0]["backing_format"] == "qcow2"
    assert [c["vms"] for c in doc["chain"]] == [["web"], ["base"]]
    assert doc["dependents"] == []

    code, out, _ = run(capsys, "img", "chain", str(base))
    assert code == 0 and "disk of 'base'" in out and "Linked clones built on it: web" in out

    # the store-level check the CLI's delete uses
    s = store()
    names = dependents_of(s, s.get("base"))
    assert names == ["web"]
    assert "linked clone 'web' is built on its disk" in base_refusal("VM 'base'", names)

    code, _, err = run(capsys, "release-base", "base")
    assert code == 1 and "clone 'web'" in err
    code, _, err = run(capsys, "delete", "web")
    assert code == 0, err
    code, out, _ = run(capsys, "release-base", "base")
    assert code == 0 and "writable again" in out
    assert stat.S_IMODE(os.stat(base).st_mode) & 0o200


@pytest.mark.qemu
def test_clone_json_and_full_clone(base: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "clone", "base", "lnk", "--linked", "--json")
    doc = json.loads(out)
    assert code == 0 and doc["linked"] is True and doc["chain"][1] == str(base)
    code, out, err = run(capsys, "clone", "lnk", "full", "-q")
    assert code == 0 and "independent copy of 'lnk'" in out, err
    copy = store().get("full").folder.dir / "disk.qcow2"
    assert qemu_img("info", "--output=json", copy).stdout.count("backing") == 0
    assert qemu_img("compare", "-f", "qcow2", "-F", "qcow2", copy, base).returncode == 0
    code, _, err = run(capsys, "clone", "nothing", "x")
    assert code == 1 and "neither a VM nor an image file" in err
    code, _, err = run(capsys, "clone", "base", "full")
    assert code == 1 and "full" in err


@pytest.mark.qemu
def test_copy_to_device(base: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    small = tmp_path / "small.raw"
    small.write_bytes(b"")
    os.truncate(small, 16 * MIB)
    code, _, err = run(capsys, "copy-to-device", "base", str(small), "--confirm", "small.raw")
    assert code == 1
    assert err == (f"kvmgui-cli: {small} is 16 MiB but the image needs 32 MiB: choose a "
                   "target of at least 32 MiB.\n")

    target = tmp_path / "t.raw"
    target.write_bytes(b"")
    os.truncate(target, 32 * MIB)
    code, out, err = run(capsys, "copy-to-device", "base", str(target))
    assert code == 2 and "--confirm t.raw" in err and "will be overwritten" in out
    assert qemu_img("compare", "-f", "qcow2", "-F", "raw", base, target).returncode == 1

    code, out, err = run(capsys, "copy-to-device", "base", str(target), "--confirm", "t.raw",
                         "--verify")
    assert code == 0, err
    assert "Copied disk.qcow2 (qcow2, 32 MiB)" in out and "checked the copy" in out
    assert qemu_img("compare", "-f", "qcow2", "-F", "raw", base, target).returncode == 0


def test_img_help_still_lists_the_other_actions(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["img", "--help"])
    out = capsys.readouterr().out
    for action in ("info", "convert", "chain"):
        assert action in out


@pytest.mark.qemu
def test_linked_clone_of_an_image_file(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    image = tmp_path / "golden.raw"
    image.write_bytes(b"")
    os.truncate(image, 16 * MIB)
    code, out, err = run(capsys, "clone", str(image), "fromimg", "--linked", "--os", "windows10")
    assert code == 0, err
    vm = store().get("fromimg")
    (disk,) = vm.spec.disks
    assert (disk.backing_file, disk.backing_format) == (str(image), "raw")
    assert vm.spec.machine_version  # pinned like `create` does
    code, out, err = run(capsys, "command-line", "fromimg")
    assert code == 0, err
    assert f"filename={image}" in out and "driver=raw" in out
