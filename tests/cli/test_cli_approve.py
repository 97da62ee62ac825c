"""`kvmgui-cli approve` and `--extra-args` through main(): one sentence on bad input, nothing
written, and the approval recorded only where the user gave it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kvmgui.core.paths import AppPaths
from kvmgui.core.trust import Approvals
from tests.cli.helpers import run

pytestmark = pytest.mark.skipif(
    shutil.which("qemu-img") is None or shutil.which("qemu-system-x86_64") is None,
    reason="QEMU is not installed",
)


def _one_line(err: str) -> str:
    lines = [line for line in err.splitlines()
             if line and not line.startswith(("usage:", "warning:"))]
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.qemu
@pytest.mark.parametrize(("extra", "code", "needle"), [
    ("-qmp tcp:0.0.0.0:4444,server=on", 1, "-qmp"),
    ("-netdev user,id=n,tftp=/", 1, "tftp"),
    ("-object '{\"qom-type\":\"rng-random\"}'", 1, "JSON"),
    ("-no-hpet 'unbalanced", 2, "quotes"),
])
def test_bad_extra_args_are_one_sentence_and_create_nothing(
        vm_root: Path, capsys: pytest.CaptureFixture[str], extra: str, code: int,
        needle: str) -> None:
    got, _out, err = run(capsys, "create", "vm", "--no-disk", f"--extra-args={extra}")
    assert got == code, err
    assert needle in _one_line(err)
    assert not (vm_root / "vm").exists()


@pytest.mark.qemu
def test_edit_extra_args_approves_what_was_typed(
        vm_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "create", "vm", "--no-disk")[0] == 0
    definition = vm_root / "vm" / "vm.json"
    # A hand edit: not approved.
    data = json.loads(definition.read_text())
    data["extra_args"] = ["-no-hpet"]
    definition.write_text(json.dumps(data))
    code, out, err = run(capsys, "approve", "vm")
    assert code == 1 and "Extra QEMU arguments: -no-hpet" in out
    assert "kvmgui-cli approve vm --yes" in _one_line(err)
    approvals = Approvals.for_paths(AppPaths.from_env())
    store_vm = data["id"]
    assert store_vm not in approvals.path.read_text()  # create approved nothing to list
    # Typing the same list again is the user's own doing.
    code, out, _err = run(capsys, "edit", "vm", "--extra-args=-no-hpet")
    assert code == 0 and "approved" in out
    assert run(capsys, "approve", "vm")[1].startswith("Nothing to approve")
    # Removing them needs no approval; another list typed through edit is approved at once.
    assert run(capsys, "edit", "vm", "--extra-args=-rtc base=localtime -no-reboot")[0] == 0
    assert json.loads(definition.read_text())["extra_args"] == ["-rtc", "base=localtime",
                                                               "-no-reboot"]
    assert run(capsys, "approve", "vm")[1].startswith("Nothing to approve")
    assert run(capsys, "edit", "vm", "--extra-args=")[0] == 0
    assert json.loads(definition.read_text())["extra_args"] == []


def test_approving_an_unknown_vm_is_one_sentence(
        vm_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "approve", "nope", "--yes")
    assert code == 1 and "nope" in _one_line(err)
