"""`kvmgui-cli create --iso` refuses a file that is not a disc image, with one sentence."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import run

# Every test here runs qemu-img, qemu-io or qemu-system-x86_64: not in the fast lane.
pytestmark = [pytest.mark.qemu, pytest.mark.usefixtures("vm_root")]

PASSWD_REFUSAL = (
    "/etc/passwd is neither a CD/DVD image (ISO) nor a bootable disk image: pick the install "
    "or live disc image of the system, usually a file ending in .iso."
)


def test_create_refuses_a_text_file_as_iso(capsys: pytest.CaptureFixture[str],
                                           vm_root: Path) -> None:
    code, _, err = run(capsys, "create", "bad", "--iso", "/etc/passwd", "--no-disk")
    assert code != 0
    assert PASSWD_REFUSAL in err
    assert not (vm_root / "bad").exists()


def test_installed_cli_refuses_it_too(vm_root: Path) -> None:
    cli = shutil.which("kvmgui-cli", path=str(Path(sys.executable).parent))
    assert cli is not None
    r = subprocess.run([cli, "create", "bad", "--iso", "/etc/passwd", "--no-disk"],
                       capture_output=True, text=True, timeout=120, check=False,
                       env=dict(os.environ))
    assert r.returncode != 0
    assert PASSWD_REFUSAL in r.stderr
    assert not (vm_root / "bad").exists()


@pytest.mark.skipif(shutil.which("qemu-img") is None, reason="qemu-img is not installed")
def test_create_and_edit_refuse_a_qcow2_in_the_cd_drive(capsys: pytest.CaptureFixture[str],
                                                        tmp_path: Path) -> None:
    image = tmp_path / "system.qcow2"
    subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", str(image), "16M"], check=True,
                   timeout=60)
    code, _, err = run(capsys, "create", "q", "--iso", str(image), "--no-disk")
    assert code != 0 and "is a qcow2 disk image, not a CD/DVD image" in err
    code, _, err = run(capsys, "create", "ok", "--no-disk")
    assert code == 0, err
    code, _, err = run(capsys, "edit", "ok", "--iso", "/etc/passwd")
    assert code != 0 and PASSWD_REFUSAL in err


def test_create_accepts_the_test_iso(capsys: pytest.CaptureFixture[str],
                                     test_iso: Path) -> None:
    code, out, err = run(capsys, "create", "good", "--iso", str(test_iso), "--no-disk")
    assert code == 0, err
    assert "Created VM 'good'" in out
