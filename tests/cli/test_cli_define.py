"""`kvmgui-cli create/edit/list/show/command-line/delete/doctor` through main(), for real.

Every bad input gives one readable sentence, exit 1 (the operation failed) or 2 (bad usage),
and leaves nothing on disk.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli.helpers import run

pytestmark = pytest.mark.skipif(
    shutil.which("qemu-img") is None or shutil.which("qemu-system-x86_64") is None,
    reason="QEMU is not installed",
)


def files_under(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*")) if root.exists() else []


@pytest.fixture
def iso(tmp_path: Path) -> Path:
    path = tmp_path / "install.iso"
    # An ISO 9660 volume descriptor, so `create --iso` takes it for a disc image.
    path.write_bytes(b"\0" * 0x8001 + b"CD001" + b"\0" * (65536 - 0x8006))
    return path


BAD_INPUTS = [
    pytest.param(["create", ""], 1, "name", id="empty-name"),
    pytest.param(["create", "x" * 200], 1, "long", id="long-name"),
    pytest.param(["create", "a/b"], 1, "/", id="slash"),
    pytest.param(["create", "a\x01b"], 1, "control", id="control-char"),
    pytest.param(["create", "vm", "--memory", "16"], 1, "MiB", id="memory-low"),
    pytest.param(["create", "vm", "--memory", "99999999"], 1, "memory", id="memory-high"),
    pytest.param(["create", "vm", "--cpus", "0"], 1, "CPU", id="cpus-zero"),
    pytest.param(["create", "vm", "--cpus", "100000"], 1, "CPU", id="cpus-high"),
    pytest.param(["create", "vm", "--disk-size", "0"], 2, "size", id="size-zero"),
    pytest.param(["create", "vm", "--disk-size", "-5G"], 2, "size", id="size-negative"),
    pytest.param(["create", "vm", "--disk-size", "abc"], 2, "size", id="size-junk"),
    pytest.param(["create", "vm", "--disk-size", "900T"], 2, "size", id="size-absurd"),
    pytest.param(["create", "vm", "--iso", "/nonexistent/x.iso"], 1, "x.iso", id="iso-missing"),
    pytest.param(["create", "vm", "--cdrom", "/etc/hostname"], 1, "block device", id="cd-file"),
    pytest.param(["create", "vm", "--usb-stick", "/dev/nonexistent"], 1, "nonexistent",
                 id="stick-missing"),
    pytest.param(["create", "vm", "--forward", "22"], 2, "HOST:GUEST", id="forward-junk"),
    pytest.param(["create", "vm", "--forward", "80:80"], 1, "1024", id="forward-privileged"),
    pytest.param(["create", "vm", "--os", "plan9"], 2, "invalid choice", id="os-unknown"),
]


@pytest.mark.qemu
@pytest.mark.parametrize(("argv", "code", "needle"), BAD_INPUTS)
def test_bad_input_is_one_sentence_and_writes_nothing(
    vm_root: Path, capsys: pytest.CaptureFixture[str], argv: list[str], code: int, needle: str
) -> None:
    got, _out, err = run(capsys, *argv)
    assert got == code, err
    assert needle.lower() in err.lower()
    assert "Traceback" not in err
    # One readable line (argparse adds its usage line above its own error).
    message_lines = [line for line in err.splitlines() if not line.startswith("usage:")
                     and not line.startswith(" ")]
    assert 1 <= len(message_lines) <= 2, err
    assert files_under(vm_root) == []


@pytest.mark.qemu
def test_sizes_in_the_wiki_spellings_parse(
    vm_root: Path, iso: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for i, size in enumerate(["10 G", "6G", "500M", "1.5T"]):
        code, _out, err = run(capsys, "create", f"vm{i}", "--disk-size", size, "--iso", str(iso))
        assert code == 0, err
        if size == "1.5T":
            assert "warning" in err.lower() or "sparse" in err.lower() or err == ""
    assert len(list(vm_root.iterdir())) == 4


@pytest.mark.qemu
def test_duplicate_name_is_refused(
    vm_root: Path, iso: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "create", "dup", "--disk-size", "1G", "--iso", str(iso))[0] == 0
    before = files_under(vm_root)
    code, _, err = run(capsys, "create", "DUP", "--disk-size", "1G")
    assert code == 1 and "already" in err.lower()
    assert files_under(vm_root) == before


@pytest.mark.qemu
def test_create_show_edit_command_line_delete(
    vm_root: Path, iso: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, "create", "deb", "--iso", str(iso), "--disk-size", "2G", "--memory", "512",
        "--forward", "2222:22", "--boot", "cdrom",
    )
    assert code == 0, err
    folder = vm_root / "deb"
    assert (folder / "vm.json").is_file() and (folder / "disk.qcow2").is_file()

    code, out, _ = run(capsys, "show", "deb", "--json")
    doc = json.loads(out)["definition"]
    assert doc["memory_mib"] == 512 and doc["boot_order"][0] == "cdrom"
    assert doc["machine_version"].startswith("pc-q35-")
    assert doc["network"]["forwards"] == [{"host_port": 2222, "guest_port": 22,
                                           "protocol": "tcp"}]

    code, out, _ = run(capsys, "list", "--json")
    listed = json.loads(out)
    assert [v["name"] for v in listed["vms"]] == ["deb"] and listed["vms"][0]["running"] is False

    code, out, _ = run(capsys, "command-line", "deb")
    assert code == 0 and out.startswith("qemu-system-x86_64 ")
    assert "driver=qcow2" in out and "hostfwd=tcp:127.0.0.1:2222-:22" in out

    assert run(capsys, "edit", "deb", "--memory", "1024", "--no-sound")[0] == 0
    doc = json.loads(run(capsys, "show", "deb", "--json")[1])["definition"]
    assert doc["memory_mib"] == 1024 and doc["sound"] is False

    code, _, err = run(capsys, "edit", "deb", "--memory", "8")
    assert code == 1 and "MiB" in err
    assert json.loads(run(capsys, "show", "deb", "--json")[1])["definition"]["memory_mib"] == 1024

    code, out, _ = run(capsys, "delete", "deb", "--keep-disks")
    assert code == 0 and "disk.qcow2" in out
    assert (folder / "disk.qcow2").exists() and not (folder / "vm.json").exists()
    assert run(capsys, "show", "deb")[0] == 1


def test_unknown_vm_is_one_sentence(vm_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", "ghost")
    assert code == 1 and "ghost" in err and len(err.strip().splitlines()) == 1


@pytest.mark.qemu
def test_doctor_explains_auto_here(vm_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "doctor", "--json")
    doc = json.loads(out)
    assert code in (0, 1)
    assert doc["auto_accelerator"] in ("kvm", "tcg") and doc["auto_accelerator_reason"]
    if not os.path.exists("/dev/kvm"):
        assert doc["auto_accelerator"] == "tcg"
    keys = {f["key"] for f in doc["findings"]}
    assert {"dev-kvm", "qemu", "qemu-img"} <= keys


@pytest.mark.qemu
def test_new_vm_from_an_iso_is_in_its_install_phase_until_a_boot_order_is_chosen(
    vm_root: Path, iso: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "create", "inst", "--iso", str(iso), "--disk-size", "1G")
    assert code == 0, err
    code, out, _ = run(capsys, "show", "inst")
    assert "Boot:      cdrom, disk (install phase): It starts from the CD/DVD for the " \
           "installation, then from the disk once the system is installed." in out
    assert "After it: disk, cdrom" in out
    code, out, _ = run(capsys, "command-line", "inst")
    assert "id=cdrom0,bootindex=1" in out and "id=disk0,write-cache=on,bootindex=2" in out

    code, _, err = run(capsys, "edit", "inst", "--boot", "disk")
    assert code == 0, err
    code, out, _ = run(capsys, "show", "inst", "--json")
    doc = json.loads(out)["definition"]
    assert "install_phase" not in doc and doc["boot_order"][0] == "disk"
    code, out, _ = run(capsys, "show", "inst")
    assert "Boot:      disk, cdrom, usb\n" in out and "install phase" not in out


@pytest.mark.qemu
def test_explicit_boot_order_or_existing_disk_means_no_install_phase(
    vm_root: Path, iso: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "create", "a", "--iso", str(iso), "--disk-size", "1G",
                       "--boot", "disk")
    assert code == 0, err
    image = tmp_path / "old.qcow2"
    subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", str(image), "64M"], check=True)
    code, _, err = run(capsys, "create", "b", "--iso", str(iso), "--disk", str(image))
    assert code == 0, err
    for name in ("a", "b"):
        code, out, _ = run(capsys, "show", name, "--json")
        assert "install_phase" not in json.loads(out)["definition"], name


@pytest.mark.qemu
def test_a_failing_create_leaves_no_vm_folder(
    vm_root: Path, tmp_path: Path, iso: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """qemu-img dies half-way through writing the disk: the VM's folder, its definition and
    the half-written image are all gone, and the next create of that name works."""
    real = shutil.which("qemu-img")
    failing = tmp_path / "failing-qemu-img"
    # `create` writes part of its output file, then fails; anything else is the real one.
    failing.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = create ]; then\n'
        '  for out; do case "$out" in *.kvmgui-tmp) echo partial > "$out";; esac; done\n'
        '  echo "qemu-img: simulated failure" >&2; exit 1; fi\n'
        f'exec {real} "$@"\n'
    )
    failing.chmod(0o755)
    settings = tmp_path / "config" / "kvmgui" / "settings.json"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(json.dumps({"schema_version": 1, "qemu_img_binary": str(failing)}))
    code, _out, err = run(capsys, "create", "doomed", "--disk-size", "1G", "--iso", str(iso))
    assert code == 1, err
    assert "Traceback" not in err
    assert files_under(vm_root) == []
    settings.unlink()
    code, _out, err = run(capsys, "create", "doomed", "--disk-size", "1G", "--iso", str(iso))
    assert code == 0, err
    assert (vm_root / "doomed" / "disk.qcow2").is_file()


@pytest.mark.qemu
def test_clipboard_is_off_until_asked_and_shown(
    vm_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "create", "clip", "--no-disk")[0] == 0
    shown = json.loads(run(capsys, "show", "clip", "--json")[1])["definition"]
    assert shown["clipboard"] is False
    out = run(capsys, "command-line", "clip")[1]
    assert "vdagent" not in out and "virtserialport" not in out
    assert "Clipboard: not shared" in run(capsys, "show", "clip")[1]

    assert run(capsys, "edit", "clip", "--clipboard")[0] == 0
    assert json.loads(run(capsys, "show", "clip", "--json")[1])["definition"]["clipboard"] is True
    out = run(capsys, "command-line", "clip")[1]
    assert "qemu-vdagent,id=vdagent,name=vdagent,clipboard=on,mouse=off" in out
    assert "name=com.redhat.spice.0" in out

    assert run(capsys, "edit", "clip", "--no-clipboard")[0] == 0
    assert json.loads(run(capsys, "show", "clip", "--json")[1])["definition"]["clipboard"] is False
    assert run(capsys, "create", "clip2", "--no-disk", "--clipboard")[0] == 0
    assert json.loads(run(capsys, "show", "clip2", "--json")[1])["definition"]["clipboard"] is True
