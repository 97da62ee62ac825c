"""`kvmgui-cli --connect URI …` on libvirt's test driver (no daemon): the output, exit codes
and one-line errors of the same commands on kvmgui's own VMs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import run
from tests.libvirt_node import node_uri

pytest.importorskip("libvirt")

NODE = """<node>
  <domain type='test'>
    <name>web</name>
    <memory unit='MiB'>1024</memory>
    <vcpu>2</vcpu>
    <os><type>hvm</type></os>
  </domain>
</node>
"""


@pytest.fixture
def uri(vm_root: Path, tmp_path: Path) -> str:
    # Each command opens the node anew: the state one command changes is not seen by the next.
    return node_uri(tmp_path, NODE)


def test_list_text_and_json(capsys: pytest.CaptureFixture[str], uri: str,
                            vm_root: Path) -> None:
    code, out, err = run(capsys, "--connect", uri, "list")
    assert (code, err) == (0, "")
    assert out.split() == ["web", "running", "libvirt", "1024", "MiB", "2", "CPU"]
    code, out, _ = run(capsys, "--connect", uri, "list", "--json")
    doc = json.loads(out)
    assert doc["errors"] == []
    [row] = doc["vms"]
    assert row["name"] == "web" and row["running"] is True and row["state"] == "running"
    assert row["memory_mib"] == 1024 and row["cpus"] == 2 and row["uri"] == uri
    assert not vm_root.exists()  # kvmgui's own VM folder is never touched


def test_show_and_status(capsys: pytest.CaptureFixture[str], uri: str) -> None:
    code, out, _ = run(capsys, "--connect", uri, "show", "web")
    assert code == 0
    assert "Name:      web" in out and "CPUs: 2" in out and "State:     running" in out
    code, out, _ = run(capsys, "--connect", uri, "show", "web", "--json")
    assert json.loads(out)["definition"]["memory_mib"] == 1024
    code, out, _ = run(capsys, "--connect", uri, "status", "web", "--json")
    data = json.loads(out)
    assert code == 0 and data["state"] == "running" and data["pid"] is None
    assert data["memory_bytes"] == 1024 * 2**20
    code, out, _ = run(capsys, "--connect", uri, "status", "web")
    assert out.startswith("web: running\n")


@pytest.mark.parametrize(("argv", "said"), [
    (["pause", "web"], "'web' is paused."),
    (["kill", "web"], "'web' was forced off."),
    (["reset", "web"], "'web' was reset."),
    (["shutdown", "web", "--timeout", "5"], "'web' shut down."),
    (["shutdown", "web", "--timeout", "0"], "'web' was asked to shut down."),
])
def test_steps_print_their_outcome(capsys: pytest.CaptureFixture[str], uri: str,
                                   argv: list[str], said: str) -> None:
    assert run(capsys, "--connect", uri, *argv) == (0, said + "\n", "")


@pytest.mark.parametrize(("argv", "said"), [
    (["start", "web"], "kvmgui-cli: 'web' is already running.\n"),
    (["resume", "web"], "kvmgui-cli: 'web' is not paused.\n"),
])
def test_refusals_exit_1_with_one_line(capsys: pytest.CaptureFixture[str], uri: str,
                                       argv: list[str], said: str) -> None:
    assert run(capsys, "--connect", uri, *argv) == (1, "", said)


def test_unknown_domain(capsys: pytest.CaptureFixture[str], uri: str) -> None:
    code, out, err = run(capsys, "--connect", uri, "start", "nope")
    assert (code, out) == (1, "")
    first = err.splitlines()[0]
    assert first == (f"kvmgui-cli: {uri} has no VM named 'nope'; list its VMs with: "
                     f"kvmgui-cli --connect {uri} list")
    assert "libvirt said:" in err


def test_daemon_not_running(capsys: pytest.CaptureFixture[str], vm_root: Path,
                            tmp_path: Path) -> None:
    uri = f"qemu:///session?socket={tmp_path}/none.sock"
    code, out, err = run(capsys, "--connect", uri, "list")
    assert (code, out) == (1, "")
    assert err.startswith(f"kvmgui-cli: The libvirt daemon is not running for {uri}; start it")


def test_other_commands_refuse_connect(capsys: pytest.CaptureFixture[str], uri: str) -> None:
    code, out, err = run(capsys, "--connect", uri, "screenshot", "web", "x.png")
    assert (code, out) == (2, "")
    assert "'screenshot' acts on kvmgui's own VMs only" in err


def test_bad_timeout_is_a_usage_error(capsys: pytest.CaptureFixture[str], uri: str) -> None:
    code, _, err = run(capsys, "--connect", uri, "shutdown", "web", "--timeout", "-1")
    assert code == 2 and "--timeout must be" in err
