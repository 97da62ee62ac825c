"""`kvmgui-cli doctor`: the same order as the app (plain sentence, fix, details), each fix once.

Run for real on this machine (the real host probe, the real QEMU), plus one host this machine is
not, printed from its findings.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from kvmgui.cli.commands_host import print_finding
from kvmgui.core.hostcheck import FINDING_KEYS, KVM_SLOW, NESTED_FIX, report
from tests.cli.helpers import run
from tests.core.hosts import KVM_PVM_HOST

pytestmark = pytest.mark.skipif(
    shutil.which("qemu-img") is None or shutil.which("qemu-system-x86_64") is None,
    reason="QEMU is not installed",
)


def blocks(out: str) -> list[list[str]]:
    """The output cut into one list of lines per finding (a block starts with "[")."""
    result: list[list[str]] = []
    for line in out.splitlines():
        if line.startswith("["):
            result.append([line])
        elif line.strip() and result:
            result[-1].append(line)
    return result


def check_order(block: list[str]) -> None:
    """Sentence first, then at most one fix line, then only details."""
    kinds = [line.split()[0] for line in block[1:]]
    if kinds and kinds[0] == "fix:":
        kinds = kinds[1:]
    if kinds:
        assert kinds[0] == "details:", block
    assert "fix:" not in kinds, block


@pytest.mark.qemu
def test_doctor_text_leads_with_the_plain_sentence_and_says_each_fix_once(
    vm_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "doctor")
    assert code in (0, 1)
    found = blocks(out)
    assert found
    for block in found:
        check_order(block)
    fixes = [line.split("fix: ", 1)[1] for line in out.splitlines() if "  fix: " in line]
    assert len(fixes) == len(set(fixes))
    # The JSON keeps one finding per key, and the merged view the text shows.
    doc = json.loads(run(capsys, "doctor", "--json")[1])
    assert [f["key"] for f in doc["findings"]] == list(FINDING_KEYS)
    assert len(doc["merged"]) == len(found)
    shown = [k for m in doc["merged"] for k in (m["key"], *(a["key"] for a in m["also"]))]
    assert sorted(shown) == sorted(FINDING_KEYS)
    assert all("details" in f for f in doc["findings"])


def test_doctor_on_a_kvm_pvm_host(capsys: pytest.CaptureFixture[str]) -> None:
    rep = report(KVM_PVM_HOST)
    for finding in rep.merged:
        print_finding(finding)
    out = capsys.readouterr().out
    first = blocks(out)[0]
    assert first[0] == f"[WARN] Hardware acceleration: {KVM_SLOW}"
    assert first[1].split() == ["fix:", *NESTED_FIX.split()]
    assert first[2].lstrip().startswith("details: ")
    check_order(first)
    # Jargon only in the details; the one fix is not repeated by the findings merged into it.
    assert "kvm_pvm" not in first[0] and "kvm_pvm" in "\n".join(first[2:])
    assert out.count(NESTED_FIX) == 1
    for name in ("Processor:", "Virtualization driver:", "Virtualization test:"):
        assert any(line.strip().startswith(name) for line in first[3:]), name


def test_doctor_merges_nothing_on_a_healthy_host(capsys: pytest.CaptureFixture[str]) -> None:
    healthy = replace(KVM_PVM_HOST, cpu_vmx=True, cpu_hypervisor=False,
                      modules=frozenset({"kvm", "kvm_intel"}))
    for finding in report(healthy).merged:
        print_finding(finding)
    found = blocks(capsys.readouterr().out)
    accel = next(b for b in found if "Hardware acceleration" in b[0])
    assert accel[0].startswith("[ok  ] Hardware acceleration: This computer can use hardware")
    assert accel[1].lstrip().startswith("details: The CPU has VT-x (vmx)")
    assert len(found) == len(FINDING_KEYS)  # no shared fix, nothing merged
