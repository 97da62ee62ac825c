"""A definition someone hands you cannot open the machine: the real kvmgui-cli against real QEMU.

The attack: a vm.json dropped into the VM folder whose extra arguments add a guest forward to
a monitor listening on every interface (`guestfwd=…-mon:tcp:0.0.0.0:PORT,server=on`); whoever
connects can `migrate "exec:…"` and run commands as the user. It must not start, QEMU must not
even be run, and nothing new may listen. Allowed arguments start once the user approved that
exact list with `kvmgui-cli approve`; a hand-edited other list asks again. The same holds for
a disk outside the VM folder: it is not opened before the user approved it.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

import pytest

from kvmgui.core.definition import dump_definition
from kvmgui.core.trust import Approvals
from kvmgui.runtime.process import proc_cmdline
from tests.runtime.helpers import RunEnv, create_vm, qemu_pids_using, tiny_spec

pytestmark = pytest.mark.qemu

MONITOR_PORT = 47446
HOSTILE = ["-netdev", f"user,id=x,guestfwd=tcp:10.0.2.100:1234-mon:tcp:0.0.0.0:{MONITOR_PORT}"
           ",,server=on,,wait=off", "-device", "e1000,netdev=x"]
LIST_A = ["-device", "virtio-rng-pci", "-no-reboot"]
LIST_B = ["-device", "virtio-rng-pci", "-no-hpet"]


def listeners() -> set[str]:
    """`ss -ltn`: the local addresses of every listening TCP socket on this machine."""
    out = subprocess.run(["ss", "-Hltn"], capture_output=True, text=True, check=True).stdout
    return {line.split()[3] for line in out.splitlines() if line.strip()}


def drop_definition(env: RunEnv, name: str, extra: list[str], **fields: object) -> Path:
    """Write vm.json into a new VM folder the way a copied-in file arrives: not through kvmgui."""
    folder = env.paths.default_vm_root / name
    folder.mkdir(parents=True)
    spec = tiny_spec(name, extra_args=tuple(extra), **fields)
    (folder / "vm.json").write_bytes(dump_definition(spec))
    return folder / "vm.json"


def hand_edit(definition: Path, extra: list[str]) -> None:
    data = json.loads(definition.read_text())
    data["extra_args"] = extra
    definition.write_text(json.dumps(data, indent=2))


def assert_one_sentence(text: str) -> None:
    line = text.strip().removeprefix("kvmgui-cli: ")
    assert "\n" not in line and line[0].isupper() and line.endswith("."), text


def assert_refused_without_qemu(env: RunEnv, name: str, before: set[str]) -> str:
    result = env.cli("start", name)
    assert result.returncode == 1, result
    assert_one_sentence(result.stderr)
    assert result.stdout == ""
    assert qemu_pids_using(env.root) == []
    assert listeners() <= before
    return result.stderr


def test_a_dropped_definition_with_a_network_monitor_never_starts(run_env: RunEnv) -> None:
    env = run_env
    before = listeners()
    definition = drop_definition(env, "handed", HOSTILE)
    message = assert_refused_without_qemu(env, "handed", before)
    # The start's own check of the definition refuses these before approval is even asked.
    assert "guestfwd" in message and "kvmgui allows" in message
    assert not any(addr.endswith(f":{MONITOR_PORT}") for addr in listeners())

    # Approving cannot make these arguments start: the allow-list refuses them for everyone.
    approve = env.cli("approve", "handed", "--yes")
    assert approve.returncode == 1
    assert_one_sentence(approve.stderr)
    assert "guestfwd" in approve.stderr and "kvmgui allows" in approve.stderr
    vm_id = json.loads(definition.read_text())["id"]
    approvals = Approvals.for_paths(env.paths).path
    assert not approvals.exists() or vm_id not in approvals.read_text()
    assert_refused_without_qemu(env, "handed", before)

    # An allowed list A, still unapproved: shown, not approved without --yes.
    hand_edit(definition, LIST_A)
    assert_refused_without_qemu(env, "handed", before)
    shown = env.cli("approve", "handed")
    assert shown.returncode == 1
    assert "Extra QEMU arguments: -device virtio-rng-pci -no-reboot" in shown.stdout
    assert "kvmgui-cli approve handed --yes" in shown.stderr
    assert_refused_without_qemu(env, "handed", before)

    approved = env.cli("approve", "handed", "--yes", check=True)
    assert "Extra QEMU arguments: -device virtio-rng-pci -no-reboot" in approved.stdout
    assert approved.stdout.rstrip().endswith("may now start with these.")
    started = env.cli("start", "handed", check=True)
    assert started.stdout.startswith("Started 'handed'.")
    [pid] = qemu_pids_using(env.root)
    args = proc_cmdline(pid)
    assert args is not None and args[-len(LIST_A) - 1:-1] == LIST_A  # then kvmgui's -S
    env.cli("kill", "handed", check=True)
    assert qemu_pids_using(env.root) == []

    # List B, edited in by hand: A's approval does not cover it.
    hand_edit(definition, LIST_B)
    assert_refused_without_qemu(env, "handed", before)
    # Typing the arguments through kvmgui approves them.
    edited = env.cli("edit", "handed", "--extra-args=-no-hpet", check=True)
    assert edited.stdout.startswith("Saved 'handed'.")
    env.cli("start", "handed", check=True)
    env.cli("kill", "handed", check=True)
    assert qemu_pids_using(env.root) == []


def test_a_disk_outside_the_vm_folder_is_not_opened_before_approval(run_env: RunEnv) -> None:
    env = run_env
    secret = env.root / "secret.raw"
    secret.write_bytes(b"private data\n" + bytes(1024 * 1024))
    digest = hashlib.sha256(secret.read_bytes()).hexdigest()
    before = listeners()
    data = json.loads(dump_definition(tiny_spec("handed-disk")))
    data["disks"] = [{"path": str(secret), "format": "raw"}]
    folder = env.paths.default_vm_root / "handed-disk"
    folder.mkdir(parents=True)
    (folder / "vm.json").write_text(json.dumps(data))

    message = assert_refused_without_qemu(env, "handed-disk", before)
    assert "kvmgui-cli approve handed-disk" in message
    assert hashlib.sha256(secret.read_bytes()).hexdigest() == digest

    shown = env.cli("approve", "handed-disk", "--yes", check=True)
    assert f"Disk (read and write): {secret}" in shown.stdout
    env.cli("start", "handed-disk", check=True)
    env.cli("kill", "handed-disk", check=True)
    assert qemu_pids_using(env.root) == []


def test_a_vm_with_unapproved_settings_cannot_be_copied(run_env: RunEnv) -> None:
    """A clone would come out approved (and a full clone would read the unapproved disk)."""
    env = run_env
    secret = env.root / "secret.raw"
    secret.write_bytes(b"private data\n" + bytes(64 * 1024))
    digest = hashlib.sha256(secret.read_bytes()).hexdigest()
    data = json.loads(dump_definition(tiny_spec("handed-copy")))
    data["disks"] = [{"path": str(secret), "format": "raw"}]
    folder = env.paths.default_vm_root / "handed-copy"
    folder.mkdir(parents=True)
    (folder / "vm.json").write_text(json.dumps(data))
    for extra in ([], ["--linked"]):
        result = env.cli("clone", "handed-copy", "copy", *extra)
        assert result.returncode == 1
        assert_one_sentence(result.stderr)
        assert "kvmgui-cli approve handed-copy" in result.stderr
        assert not (env.paths.default_vm_root / "copy").exists()
    assert hashlib.sha256(secret.read_bytes()).hexdigest() == digest
    env.cli("approve", "handed-copy", "--yes", check=True)
    env.cli("clone", "handed-copy", "copy", check=True)
    env.cli("start", "copy", check=True)  # the copy is the user's own: no question
    env.cli("kill", "copy", check=True)
    assert qemu_pids_using(env.root) == []


def test_what_the_user_makes_never_asks(run_env: RunEnv) -> None:
    """create (with a stick image outside the VM folder and extra arguments) starts at once."""
    env = run_env
    stick = env.root / "stick.img"
    stick.write_bytes(bytes(1024 * 1024))
    env.cli("create", "mine", "--os", "other", "--no-disk", "--memory", "64", "--accel", "tcg",
            "--no-sound", "--usb-stick", str(stick), "--extra-args=-no-hpet -rtc base=localtime",
            check=True)
    nothing = env.cli("approve", "mine", check=True)
    assert nothing.stdout.startswith("Nothing to approve")
    env.cli("start", "mine", check=True)
    env.cli("kill", "mine", check=True)
    assert qemu_pids_using(env.root) == []


def test_a_vm_made_through_the_store_starts(run_env: RunEnv) -> None:
    """The runtime path (wizard, clone, import all create through the store) is approved."""
    create_vm(run_env, tiny_spec("made", extra_args=tuple(LIST_A)))
    run_env.cli("start", "made", check=True)
    run_env.cli("kill", "made", check=True)
