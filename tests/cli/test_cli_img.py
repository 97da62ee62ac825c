"""`kvmgui-cli img …` and `kvmgui-cli devices` through main(), with the real qemu-img."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from kvmgui.core.sizes import GIB, MIB
from tests.cli.helpers import run

pytestmark = [pytest.mark.skipif(shutil.which("qemu-img") is None,
                               reason="qemu-img is not installed"),
              pytest.mark.usefixtures("vm_root")]


def text_raw(path: Path, size: int = 16 * MIB) -> Path:
    with path.open("wb") as f:
        f.truncate(size)
        f.seek(MIB)
        f.write(b"hello kvmgui " * (4 * MIB // 13))
    return path


@pytest.mark.qemu
def test_create_info_and_overlay(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "img", "create", "base.qcow2", "2G")
    assert code == 0 and "Created base.qcow2 (qcow2, 2 GiB)" in out
    code, out, _ = run(capsys, "img", "create", "ov.qcow2", "--backing", "base.qcow2")
    assert code == 0 and "on top of base.qcow2 (qcow2)" in out
    code, out, _ = run(capsys, "img", "info", "ov.qcow2", "--json")
    doc = json.loads(out)
    assert code == 0
    assert doc["format"] == "qcow2" and doc["virtual_size"] == 2 * GIB
    assert (doc["backing_file"], doc["backing_format"]) == ("base.qcow2", "qcow2")
    assert doc["full_backing_filename"] == str(tmp_path / "base.qcow2")
    assert [c["filename"] for c in doc["chain"]] == [str(tmp_path / "ov.qcow2"),
                                                     str(tmp_path / "base.qcow2")]
    assert doc["in_use"] is False and doc["snapshots"] == []
    code, out, _ = run(capsys, "img", "info", "ov.qcow2")
    assert code == 0 and "backing file:" in out and "(qcow2)" in out


def test_create_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "img", "create", "a.qcow2")
    assert code == 2 and "size" in err and err.count("\n") == 1
    code, _, err = run(capsys, "img", "create", "a.qcow2", "lots")
    assert code == 2 and "is not a size" in err
    code, _, err = run(capsys, "img", "create", "a.raw", "1G", "--format", "raw",
                       "--backing", "b.qcow2")
    assert code == 2 and "Only qcow2" in err
    assert not Path("a.qcow2").exists() and not Path("a.raw").exists()


@pytest.mark.qemu
def test_convert_compress_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = text_raw(tmp_path / "disk.raw")
    subprocess.run(["qemu-img", "convert", "-f", "raw", "-O", "vmdk", str(raw), "disk.vmdk"],
                   check=True)
    code, out, err = run(capsys, "img", "convert", "disk.vmdk", "disk.qcow2", "--compress")
    assert code == 0 and "compressed" in out and err == ""
    assert subprocess.run(["qemu-img", "compare", "-f", "vmdk", "-F", "qcow2", "disk.vmdk",
                           "disk.qcow2"], capture_output=True).returncode == 0
    code, out, _ = run(capsys, "img", "check", "disk.qcow2")
    assert code == 0 and "No errors" in out
    code, out, _ = run(capsys, "img", "check", "disk.qcow2", "--json")
    assert code == 0 and json.loads(out)["status"] == "ok"
    # never overwrite without the flag
    code, _, err = run(capsys, "img", "convert", "disk.vmdk", "disk.qcow2")
    assert code == 1 and "--overwrite" in err
    # --to defaults from the extension
    code, _, _ = run(capsys, "img", "convert", "disk.qcow2", "copy.img")
    assert code == 0
    code, out, _ = run(capsys, "img", "info", "copy.img", "--json")
    assert json.loads(out)["format"] == "raw"
    code, _, err = run(capsys, "img", "convert", "disk.qcow2", "x.raw", "--compress")
    assert code == 2 and "qcow2" in err
    assert [n for n in os.listdir(tmp_path) if n.endswith(".kvmgui-tmp")] == []


@pytest.mark.qemu
def test_compress_in_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = text_raw(tmp_path / "disk.raw")
    subprocess.run(["qemu-img", "convert", "-f", "raw", "-O", "qcow2", str(raw), "vm.qcow2"],
                   check=True)
    code, out, _ = run(capsys, "img", "compress", "vm.qcow2")
    assert code == 0 and out.startswith("Compressed vm.qcow2 from")
    code, _, err = run(capsys, "img", "compress", "disk.raw")
    assert code == 1 and "only qcow2 images can be compressed" in err


@pytest.mark.qemu
def test_resize(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "img", "create", "d.qcow2", "1G")[0] == 0
    code, out, _ = run(capsys, "img", "resize", "d.qcow2", "+1G")
    assert code == 0 and "grew from 1 GiB to 2 GiB" in out and "note:" in out
    code, _, err = run(capsys, "img", "resize", "d.qcow2", "1G")
    assert code == 2 and "--shrink" in err
    code, out, err = run(capsys, "img", "resize", "d.qcow2", "--shrink", "--", "-512M")
    assert code == 0 and "shrank from 2 GiB to 1.5 GiB" in out and "warning" in err
    code, _, err = run(capsys, "img", "resize", "d.qcow2", "--shrink", "--", "-9G")
    assert code == 2 and "cannot shrink by 9G" in err


def test_missing_image_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (("img", "info", "nope.qcow2"), ("img", "check", "nope.qcow2"),
                 ("img", "compress", "nope.qcow2"), ("img", "convert", "nope", "x.qcow2")):
        code, _, err = run(capsys, *argv)
        assert code == 1 and "does not exist" in err and err.count("\n") == 1, argv


def test_devices(capsys: pytest.CaptureFixture[str]) -> None:
    if shutil.which("lsblk") is None:
        pytest.skip("lsblk is not installed")
    code, out, _ = run(capsys, "devices", "--all", "--json")
    assert code == 0
    devices = json.loads(out)["devices"]
    for d in devices:
        assert d["kind"] in ("stick", "optical", "disk")
        assert set(d) >= {"path", "size", "usable", "why_not", "mounted", "transport"}
        if d["kind"] == "disk":
            assert d["usable"] is False
    code, out, _ = run(capsys, "devices", "--json")
    assert all(d["kind"] != "disk" for d in json.loads(out)["devices"])
    code, out, _ = run(capsys, "devices")
    assert code == 0 and out.strip()
