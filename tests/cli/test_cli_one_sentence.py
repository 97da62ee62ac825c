"""The one-sentence rule at its edges, each through the real `kvmgui-cli` process.

A closed pipe, a bad option value, a special file where an image belongs, a hand-edited
definition, untrusted text from the guest or a runtime file: every case ends with one
sentence (and the details under it, escaped), the right exit code, and nothing changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kvmgui.core.model import Cdrom, CdromSource
from kvmgui.core.settings import SETTINGS_SCHEMA_VERSION
from kvmgui.runtime.runfiles import LastExit, write_last_exit
from tests.runtime.helpers import REPO, RunEnv, create_vm, qemu_pids_using, tiny_spec

pytestmark = pytest.mark.qemu

ESC = "\x1b"
# Each refusal must come at once: a FIFO opened for reading would wait for a writer for ever
# (QEMU's start timeout, 30 s, before this was checked).
QUICK_S = 15.0


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def closed_pipe_run(env: RunEnv, *args: str) -> subprocess.CompletedProcess[str]:
    """`kvmgui-cli ARGS` writing to a pipe whose reader has already gone."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [sys.executable, "-m", "kvmgui.cli.main", *args], env=env.full_environ(),
            stdout=write_end, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
            cwd=str(REPO), timeout=60)
    finally:
        os.close(write_end)


def one_sentence(stderr: str) -> str:
    """The one error line (warnings, which come before it, aside)."""
    lines = [line for line in stderr.splitlines() if not line.startswith("warning: ")]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("kvmgui-cli: ") and "Traceback" not in stderr
    return lines[0]


def vm_names(env: RunEnv) -> list[str]:
    return [vm["name"] for vm in env.cli_json("list")["vms"]]


# ------------------------------------------------------------------------------ pipes


def test_closed_pipe_ends_quietly_with_141(env: RunEnv) -> None:
    for i in range(3):
        create_vm(env, tiny_spec(f"vm{i}"))
    log = env.store.get("vm0").folder.serial_log
    log.write_bytes(b"boot line\n" * 100_000)
    for args in (["list"], ["list", "--json"], ["show", "vm0"], ["serial", "vm0"], ["--help"]):
        result = closed_pipe_run(env, *args)
        assert result.stderr == "", (args, result.stderr)
        # 141 = 128 + SIGPIPE, what a shell reports for a tool the pipe ended; argparse's own
        # help ends with 0 (it ignores the write error itself).
        assert result.returncode == (0 if args == ["--help"] else 141), args
    # `kvmgui-cli list | head -1` in a shell: the first line and nothing on stderr.
    shell = subprocess.run(
        ["bash", "-c", f"{shlex.quote(sys.executable)} -m kvmgui.cli.main list | head -1"],
        env=env.full_environ(), capture_output=True, text=True, cwd=str(REPO), timeout=60)
    assert shell.stdout.startswith("vm0 ") and shell.stderr == ""


# ------------------------------------------------------------------------------ bad values


def test_bad_option_values_are_usage_errors(env: RunEnv, tmp_path: Path) -> None:
    src = tmp_path / "src.qcow2"
    subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", str(src), "16M"], check=True)
    before = sha256(src)
    dst = tmp_path / "dst.qcow2"

    result = env.cli("img", "convert", str(src), str(dst), "--from", "qcow3")
    assert result.returncode == 2
    assert "--from 'qcow3' is not an image format" in one_sentence(result.stderr)
    assert not dst.exists() and sha256(src) == before

    for value in ("-1", "nan", "inf"):
        result = env.cli("shutdown", "nosuch", "--timeout", value)
        assert result.returncode == 2, value
        assert "--timeout must be a number of seconds" in one_sentence(result.stderr)

    result = env.cli("create", "vm", "--iso", "")
    assert result.returncode == 2
    assert "--iso was given an empty path" in one_sentence(result.stderr)
    assert vm_names(env) == []

    result = env.cli("create", "tiny", "--disk-size", "512K")
    assert result.returncode == 1
    assert "smaller than 1 MiB" in one_sentence(result.stderr)
    small = tmp_path / "small.qcow2"
    result = env.cli("img", "create", str(small), "100K")
    assert result.returncode == 2 and "smaller than 1 MiB" in one_sentence(result.stderr)
    assert not small.exists() and vm_names(env) == []

    # One minimum memory for every VM: the live command's is validation's.
    result = env.cli("live", str(src), "--memory", "31")
    assert result.returncode == 2
    assert "at least 32 MiB" in one_sentence(result.stderr)


# ------------------------------------------------------------------------------ details


def test_details_are_shown_under_the_sentence(env: RunEnv, tmp_path: Path) -> None:
    bad = tmp_path / "bad.qcow2"
    bad.write_bytes(b"QFI\xfb\x00\x00\x00\x09" + b"\0" * 65536)  # qcow2 version 9
    result = env.cli("img", "info", str(bad))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("kvmgui-cli: Cannot read bad.qcow2: ")
    assert lines[1] == "Details:"
    assert lines[2].startswith("  qemu-img: ") and "Unsupported qcow2 version 9" in lines[2]


def test_start_hint_quotes_the_name(env: RunEnv) -> None:
    for name, words in (("q'z", ["start", "q'z"]), ("-x2", ["start", "--", "-x2"])):
        result = env.cli("create", "--no-disk", "--memory", "64", "--", name, check=True)
        hint = next(line for line in result.stdout.splitlines()
                    if line.startswith("Start it with: "))
        command = hint.removeprefix("Start it with: ")
        assert shlex.split(command) == ["kvmgui-cli", *words]
        # The hint works as typed (show instead of start: nothing needs to run).
        shown = env.cli("show", *shlex.split(command)[2:], check=True)
        assert shown.stdout.startswith(f"Name:      {name}\n")


# ------------------------------------------------------------------------------ names


def test_names_equal_after_normalisation_are_one_name(env: RunEnv) -> None:
    env.cli("create", "Caf\u00e9", "--no-disk", "--memory", "64", check=True)
    env.cli("create", "vm", "--no-disk", "--memory", "64", check=True)
    for twin in ("Cafe\u0301", "CAF\u00c9", "\uff56\uff4d"):  # NFD, upper case, full width
        result = env.cli("create", twin, "--no-disk", "--memory", "64")
        assert result.returncode == 1, twin
        assert "already exists" in one_sentence(result.stderr)
    # The NFD spelling finds the NFC VM.
    assert env.cli("show", "Cafe\u0301", check=True).stdout.startswith("Name:      Caf\u00e9\n")
    for odd in ("a\u00a0b", "a\u2009b", "a\u3000b", "a\u200bb"):
        result = env.cli("create", odd, "--no-disk", "--memory", "64")
        assert result.returncode == 1, ascii(odd)
        assert "type it again" in one_sentence(result.stderr)
    assert sorted(vm_names(env)) == ["Caf\u00e9", "vm"]


# ------------------------------------------------------------------------------ special files


def special_files(tmp_path: Path) -> list[Path]:
    fifo = tmp_path / "pipe.iso"
    os.mkfifo(fifo)
    files = [fifo, Path("/dev/zero"), Path("/proc/self/environ"), Path("/proc/version"),
             Path("/sys/kernel/notes")]
    if Path("/dev/kvm").exists():
        files.append(Path("/dev/kvm"))
    return [f for f in files if f.exists() or f.is_fifo()]


def test_special_files_are_refused_as_media_at_once(env: RunEnv, tmp_path: Path) -> None:
    for path in special_files(tmp_path):
        for option in ("--iso", "--disk", "--usb-stick"):
            began = time.monotonic()
            result = env.cli("create", "vm", option, str(path), "--memory", "64", timeout=60)
            took = time.monotonic() - began
            assert result.returncode == 1, (option, path, result.stderr)
            sentence = one_sentence(result.stderr)
            assert str(path) in sentence and ("cannot serve as" in sentence
                                              or "is not an image file" in sentence), sentence
            assert took < QUICK_S, (option, path, took)
        began = time.monotonic()
        result = env.cli("img", "info", str(path), timeout=60)
        assert result.returncode == 1 and str(path) in one_sentence(result.stderr)
        assert time.monotonic() - began < QUICK_S
    assert vm_names(env) == []


def test_start_revalidates_a_hand_edited_definition(env: RunEnv, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.iso"
    os.mkfifo(fifo)
    stored = create_vm(env, tiny_spec("edited"))
    definition = stored.folder.definition
    data = json.loads(definition.read_text())
    data["memory_mib"] = 8
    data["cdrom"] = {"source": "iso", "path": str(fifo)}
    data["network"] = {"mode": "user", "nic": "e1000",
                       "forwards": [{"host_port": 80, "guest_port": 80, "protocol": "tcp"}]}
    definition.write_text(json.dumps(data))
    before = sha256(definition)
    began = time.monotonic()
    result = env.cli("start", "edited", timeout=60)
    assert time.monotonic() - began < QUICK_S
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("kvmgui-cli: The VM's settings have 3 problems, so it was not "
                               "started: 8 MiB of memory is too little")
    assert lines[1] == "Problems:"
    assert any(str(fifo) in line and "named pipe" in line for line in lines[2:])
    assert any("Host port 80 needs root" in line for line in lines[2:])
    assert qemu_pids_using(env.root) == []
    assert sha256(definition) == before
    assert env.cli_json("status", "edited")["state"] == "stopped"


# ------------------------------------------------------------------------------ folders, logs


def test_list_json_errors_name_the_folder(env: RunEnv) -> None:
    create_vm(env, tiny_spec("good"))
    broken = env.store.root / "broken"
    broken.mkdir()
    (broken / "vm.json").write_text("{")
    doc = env.cli_json("list")
    assert [vm["name"] for vm in doc["vms"]] == ["good"]
    assert [e["folder"] for e in doc["errors"]] == [str(broken)]
    text = env.cli("list")
    assert f"warning: skipped {broken}: " in text.stderr


def test_serial_streams_a_large_log_in_little_memory(env: RunEnv) -> None:
    stored = create_vm(env, tiny_spec("chatty"))
    line = b"[    1.234567] a line of a long serial log, as a kernel writes it\r\n"
    size = 200 * 1024 * 1024
    with open(stored.folder.serial_log, "wb") as f:
        block = line * (1024 * 1024 // len(line))
        for _ in range(size // len(block)):
            f.write(block)
    # VmHWM (the peak of this program's own memory): getrusage's ru_maxrss would also count
    # the pytest process the child was forked from, which Linux carries across exec.
    measure = ("import sys\n"
               "from kvmgui.cli.main import main\n"
               "code = main(sys.argv[1:])\n"
               "status = open('/proc/self/status').read().split('VmHWM:')[1].split()[0]\n"
               "print(status, file=sys.stderr)\n"
               "sys.exit(code)\n")
    with open(os.devnull, "wb") as devnull:
        result = subprocess.run(
            [sys.executable, "-c", measure, "serial", "chatty"], env=env.full_environ(),
            stdout=devnull, stderr=subprocess.PIPE, text=True, cwd=str(REPO), timeout=300)
    assert result.returncode == 0, result.stderr
    max_rss_kib = int(result.stderr.split()[-1])
    assert max_rss_kib < 150 * 1024, f"{max_rss_kib} KiB for a {size >> 20} MiB log"


def test_untrusted_text_is_escaped(env: RunEnv) -> None:
    stored = create_vm(env, tiny_spec("noisy"))
    stored.folder.logs.mkdir(exist_ok=True)
    stored.folder.serial_log.write_bytes(
        b"login: \x1b]0;owned\x07\x1b[2J\x1b[1;1Hok\r\nnext\x9b31m \xc2\x9b \xe2\x80\xae\n")
    out = env.cli("serial", "noisy", check=True).stdout
    assert ESC not in out and "\x07" not in out and "\x9b" not in out and "\u202e" not in out
    assert out == ("login: \\x1b]0;owned\\x07\\x1b[2J\\x1b[1;1Hok\nnext\\x9b31m \\x9b "
                   "\\u202e\n")
    # A runtime file (how the last run ended) is written by whoever watched the VM end.
    run = env.paths.vm_runtime(stored.spec.id)
    for folder in (run.dir.parent, run.dir):  # private, as kvmgui makes them (and checks)
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(0o700)
    write_last_exit(run, LastExit("crashed", f"QEMU said {ESC}[31mred{ESC}[0m\rgone",
                                  "line\nx\x07"))
    text = env.cli("status", "noisy", check=True).stdout
    assert ESC not in text and "\r" not in text and "\x07" not in text
    assert "  QEMU said \\x1b[31mred\\x1b[0m\\rgone\n" in text
    assert text.endswith("  QEMU said:\n    line\n    x\\x07\n")


# ------------------------------------------------------------------------------ delete


def test_delete_removes_the_runtime_folder(env: RunEnv, test_iso: Path,
                                           tmp_path: Path) -> None:
    stored = create_vm(env, tiny_spec("gone", cdrom=Cdrom(CdromSource.ISO, str(test_iso))))
    run_dir = env.paths.vm_runtime(stored.spec.id).dir
    env.cli("start", "gone", check=True)
    # While it runs, a special file is no disc to insert either (QEMU would open it).
    for path in special_files(tmp_path):
        began = time.monotonic()
        result = env.cli("insert", "gone", str(path))
        assert result.returncode == 1 and str(path) in one_sentence(result.stderr), path
        assert time.monotonic() - began < QUICK_S
    env.cli("kill", "gone", check=True)
    assert run_dir.is_dir()
    env.cli("delete", "gone", check=True)
    assert not run_dir.exists()
    assert not stored.folder.dir.exists()


def test_disk_image_type_is_checked_before_qemu_img(env: RunEnv, tmp_path: Path) -> None:
    """`create --disk` asks qemu-img for the image's format: never of a FIFO."""
    fifo = tmp_path / "disk.img"
    os.mkfifo(fifo)
    began = time.monotonic()
    result = env.cli("create", "raw", "--disk", str(fifo), timeout=60)
    assert result.returncode == 1 and "named pipe" in one_sentence(result.stderr)
    assert time.monotonic() - began < QUICK_S


# ------------------------------------------------------------------------------ copy


def test_failed_copy_that_wrote_nothing_says_so(env: RunEnv, tmp_path: Path) -> None:
    """A copy whose qemu-img could not even open its source never says the target "may be
    partly written". The real qemu-img runs; only its `convert` is pointed at a source that
    has vanished in the meantime (the race between the checks and the copy)."""
    source = tmp_path / "src.qcow2"
    subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", str(source), "8M"], check=True)
    target = tmp_path / "target.img"
    target.write_bytes(b"keep me" * 1000 + b"\0" * (16 * 1024 * 1024 - 7000))
    before = sha256(target)
    wrapper = tmp_path / "qemu-img"
    wrapper.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = convert ]; then\n'
        # The source is given as --image-opts text (driver=qcow2,file.filename=…).
        '  for a; do shift; set -- "$@" "$(printf %s "$a" | '
        f'sed "s|{source}|/nonexistent/src.qcow2|")"; done\n'
        "fi\n"
        'exec qemu-img "$@"\n')
    wrapper.chmod(0o755)
    settings = env.paths.settings_file
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(json.dumps({"schema_version": SETTINGS_SCHEMA_VERSION,
                                    "qemu_img_binary": str(wrapper)}))
    result = env.cli("copy-to-device", str(source), str(target), "--confirm", str(target))
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if not line.startswith("note: ")]
    assert lines[0].startswith(f"kvmgui-cli: Copying src.qcow2 to {target} failed: ")
    assert lines[0].endswith(" Nothing was written to it."), lines[0]
    assert "partly" not in result.stderr
    assert lines[1] == "Details:" and "Could not open" in lines[2]
    assert sha256(target) == before
