"""`kvmgui-cli create|edit --share/--share-ro/--no-shares` and `show --json`, run as the
installed program, as a user would."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

# create and edit ask QEMU what it can do (--version, the devices it has).
pytestmark = [
    pytest.mark.qemu,
    pytest.mark.skipif(
        shutil.which("qemu-system-x86_64") is None, reason="QEMU is not installed"
    ),
]


def cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    program = shutil.which("kvmgui-cli", path=str(Path(sys.executable).parent))
    assert program is not None
    env = dict(os.environ, HOME=str(tmp_path / "home"))
    return subprocess.run(
        [program, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
        stdin=subprocess.DEVNULL,
    )


def shown(tmp_path: Path, name: str) -> dict[str, Any]:
    result = cli(tmp_path, "show", name, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


@pytest.fixture
def folders(vm_root: Path, tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "home").mkdir()
    rw = tmp_path / "data" / "Photos 2024"
    ro = tmp_path / "data" / "docs"
    rw.mkdir(parents=True)
    ro.mkdir()
    return rw, ro


def test_create_edit_and_show_shares(tmp_path: Path, folders: tuple[Path, Path]) -> None:
    rw, ro = folders
    made = cli(tmp_path, "create", "vm", "--no-disk", "--share", str(rw), "--share-ro", str(ro))
    assert made.returncode == 0, made.stderr
    data = shown(tmp_path, "vm")
    assert data["definition"]["shares"] == [
        {"path": str(rw), "tag": "Photos-2024", "read_only": False},
        {"path": str(ro), "tag": "docs", "read_only": True},
    ]
    rows = {row["tag"]: row for row in data["shares"]}
    assert rows["docs"]["read_only"] is True
    assert rows["docs"]["how"] == "9p"  # no virtiofsd can share read-only here, or none runs
    assert rows["docs"]["reason"]
    assert rows["docs"]["in_guest"] == (
        "sudo mount -t 9p -o trans=virtio,version=9p2000.L docs /mnt"
    )
    assert rows["Photos-2024"]["how"] in ("virtio-fs", "9p")
    text = cli(tmp_path, "show", "vm").stdout
    assert "Share:     " + str(rw) in text and "in the guest: " in text

    # The same folder again changes its access and keeps its tag; a new one gets its own.
    again = cli(tmp_path, "edit", "vm", "--share-ro", str(rw), "--share", str(ro.parent))
    assert again.returncode == 0, again.stderr
    shares = shown(tmp_path, "vm")["definition"]["shares"]
    assert [(s["tag"], s["read_only"]) for s in shares] == [
        ("Photos-2024", True),
        ("docs", True),
        ("data", False),
    ]

    cleared = cli(tmp_path, "edit", "vm", "--no-shares")
    assert cleared.returncode == 0, cleared.stderr
    data = shown(tmp_path, "vm")
    assert "shares" not in data["definition"] and data["shares"] == []


@pytest.mark.parametrize("which", ["home", "root", "missing", "empty"])
def test_refused_folders(tmp_path: Path, folders: tuple[Path, Path], which: str) -> None:
    target = {
        "home": str(tmp_path / "home"),
        "root": "/",
        "missing": str(tmp_path / "nope"),
        "empty": "",
    }[which]
    result = cli(tmp_path, "create", "vm", "--no-disk", "--share", target)
    assert result.returncode != 0
    reason = {
        "home": "whole home folder",
        "root": "whole home folder",
        "missing": "does not exist",
        "empty": "empty path",
    }[which]
    assert reason in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 or "warning" in result.stderr
    assert cli(tmp_path, "show", "vm").returncode != 0


def test_windows_gets_one_writable_smb_share(tmp_path: Path, folders: tuple[Path, Path]) -> None:
    rw, ro = folders
    two = cli(
        tmp_path,
        "create",
        "win",
        "--os",
        "windows10",
        "--no-disk",
        "--share",
        str(rw),
        "--share",
        str(ro),
    )
    assert two.returncode != 0 and "only one folder" in two.stderr
    read_only = cli(
        tmp_path, "create", "win", "--os", "windows10", "--no-disk", "--share-ro", str(ro)
    )
    assert read_only.returncode != 0 and "always offers writable" in read_only.stderr
    one = cli(tmp_path, "create", "win", "--os", "windows10", "--no-disk", "--share", str(rw))
    if one.returncode != 0:  # without Samba the command line cannot be built
        assert "sudo apt install samba" in one.stderr
        return
    (row,) = shown(tmp_path, "win")["shares"]
    assert (row["how"], row["in_guest"]) == ("smb", "\\\\10.0.2.4\\qemu")
