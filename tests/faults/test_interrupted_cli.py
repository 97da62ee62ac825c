"""A kvmgui-cli stopped mid-operation leaves nothing behind.

The real CLI runs as its own process over a private home; a real qemu-img does the work. To
stop it while qemu-img runs, the `qemu-img` it finds on PATH is a tiny wrapper that execs the
real one, with convert's own rate limit (-r) so a copy of 128 MiB of data takes seconds
without burning CPU, and with a pause before `create` (which is otherwise instant). One test
uses the real qemu-img unwrapped, slowed by compression instead.

- SIGTERM and SIGHUP: the command is cancelled like Ctrl+C: exit 143/129 with one sentence,
  no qemu-img left running, no temp file, no half-made VM.
- SIGKILL: nothing can run in the CLI, but qemu-img dies with it (parent-death signal), no
  VM is listed without its disk, and the next operation on that folder removes the temp file
  (or the half-made VM folder).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kvmgui.core.leftovers import INCOMPLETE_PREFIX, TMP_SUFFIX
from tests.runtime.helpers import REPO, RunEnv

# Every test here runs qemu-img, qemu-io or qemu-system-x86_64: not in the fast lane.
pytestmark = pytest.mark.qemu

MiB = 1024 * 1024
RATE = "24M"  # qemu-img convert -r: 128 MiB of data take about five seconds
SIGNALS = {"TERM": signal.SIGTERM, "HUP": signal.SIGHUP, "KILL": signal.SIGKILL}
EXIT_SENTENCE = {
    signal.SIGINT: "Stopped by Ctrl+C",
    signal.SIGTERM: "Stopped by a request to end kvmgui-cli",
    signal.SIGHUP: "Stopped because the terminal was closed",
}

WRAPPER = """#!{python}
import os, sys, time
real = {real!r}
args = sys.argv[1:]
if args[:1] == ["convert"]:
    args = ["convert", "-r", os.environ["KVMGUI_TEST_RATE"], *args[1:]]
elif args[:1] == ["create"] and "disk.qcow2" in " ".join(args):
    time.sleep(float(os.environ.get("KVMGUI_TEST_CREATE_PAUSE", "0")))
os.execv(real, [real, *args])
"""


# ------------------------------------------------------------------------------ fixtures


@pytest.fixture(scope="module")
def big_image(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 1 GiB sparse raw image with 4 x 32 MiB of random data (the source, never changed)."""
    path = tmp_path_factory.mktemp("interrupt") / "big.raw"
    with open(path, "wb") as f:
        f.truncate(1024 * MiB)
        for offset in (0, 300, 600, 900):
            f.seek(offset * MiB)
            f.write(os.urandom(32 * MiB))
    return path


@pytest.fixture
def cli_env(run_env: RunEnv) -> Iterator[RunEnv]:
    """run_env whose PATH finds the slowing qemu-img wrapper first."""
    real = shutil.which("qemu-img")
    assert real is not None
    bin_dir = run_env.root / "bin"
    bin_dir.mkdir()
    wrapper = bin_dir / "qemu-img"
    wrapper.write_text(WRAPPER.format(python=sys.executable, real=real))
    wrapper.chmod(0o755)
    run_env.environ.update({
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "KVMGUI_TEST_RATE": RATE,
    })
    yield run_env


def _cli_argv(*args: str) -> list[str]:
    script = Path(sys.executable).parent / "kvmgui-cli"  # the installed command
    return [str(script), *args] if script.exists() else [sys.executable, "-m",
                                                         "kvmgui.cli.main", *args]


def start_cli(env: RunEnv, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(_cli_argv(*args), env=env.full_environ(), cwd=str(REPO),
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


# ------------------------------------------------------------------------------ checks


def helpers_running(root: Path) -> list[tuple[int, str]]:
    """Processes (not zombies: their command line is empty) writing a temp file under root."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            raw = Path(f"/proc/{entry}/cmdline").read_bytes()
        except OSError:
            continue
        line = raw.replace(b"\0", b" ").decode("utf-8", "replace")
        if str(root) in line and TMP_SUFFIX in line:
            found.append((int(entry), line))
    return found


def temp_files(root: Path) -> list[Path]:
    return [Path(d) / n for d, _, names in os.walk(root) for n in names if n.endswith(TMP_SUFFIX)]


def incomplete_folders(root: Path) -> list[Path]:
    return [Path(d) for d, _, names in os.walk(root)
            if any(n.startswith(INCOMPLETE_PREFIX) for n in names)]


def wait_for(what: str, check: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def listed_vms(env: RunEnv) -> list[str]:
    data = env.cli_json("list")
    assert not data["errors"], data["errors"]
    return [vm["name"] for vm in data["vms"]]


def assert_every_listed_vm_has_its_disks(env: RunEnv) -> None:
    for name in listed_vms(env):
        vm = env.store.get(name)
        for disk in vm.spec.disks:
            path = vm.folder.resolve(disk.path)
            assert path.is_file(), f"VM '{name}' is listed without its disk {path}"


def interrupt(env: RunEnv, sig: signal.Signals, args: tuple[str, ...],
              mid_way: Callable[[], bool]) -> subprocess.CompletedProcess[str]:
    """Run the CLI, send `sig` once qemu-img works on a temp file and mid_way() holds."""
    proc = start_cli(env, *args)
    try:
        wait_for("qemu-img at work", lambda: (bool(helpers_running(env.root)) and mid_way())
                 or proc.poll() is not None)
        assert proc.poll() is None, f"the command ended too early: {proc.communicate()}"
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    # The parent-death signal is delivered as the CLI exits; give the kernel a moment.
    wait_for("no qemu-img left", lambda: not helpers_running(env.root), timeout=5)
    return subprocess.CompletedProcess(args, proc.returncode, out, err)


def assert_stopped_cleanly(result: subprocess.CompletedProcess[str], sig: signal.Signals,
                           env: RunEnv) -> None:
    assert result.returncode == 128 + sig, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"kvmgui-cli: {EXIT_SENTENCE[sig]} ") and lines[0].endswith(".")
    assert temp_files(env.root) == []
    assert incomplete_folders(env.root) == []


def grows(path_glob: Callable[[], list[Path]], at_least: int = 4 * MiB) -> Callable[[], bool]:
    def check() -> bool:
        sizes = []
        for p in path_glob():
            with contextlib.suppress(OSError):
                sizes.append(p.stat().st_blocks * 512)
        return any(s >= at_least for s in sizes)
    return check


def sha256(path: Path) -> str:
    """The content's digest, reading only the data extents of the sparse file (and where
    they lie): a write anywhere, holes included, changes it."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        pos = 0
        while pos < size:
            try:
                start = os.lseek(f.fileno(), pos, os.SEEK_DATA)
            except OSError:  # no data after pos
                break
            end = os.lseek(f.fileno(), start, os.SEEK_HOLE)
            f.seek(start)
            digest.update(f"{start}:{end}".encode())
            digest.update(f.read(end - start))
            pos = end
        digest.update(str(size).encode())
    return digest.hexdigest()


# ------------------------------------------------------------------------------ img convert


@pytest.mark.parametrize("signame", SIGNALS)
def test_img_convert(cli_env: RunEnv, big_image: Path, signame: str) -> None:
    sig = SIGNALS[signame]
    out_dir = cli_env.root / "out"
    out_dir.mkdir()
    target = out_dir / "copy.qcow2"
    result = interrupt(cli_env, sig, ("img", "convert", str(big_image), str(target)),
                       grows(lambda: temp_files(out_dir)))
    assert not target.exists()
    if sig != signal.SIGKILL:
        assert_stopped_cleanly(result, sig, cli_env)
        return
    assert result.returncode == -signal.SIGKILL
    left = temp_files(out_dir)
    assert len(left) == 1, "a SIGKILL cannot clean up: the temp file is the next one's job"
    small = cli_env.root / "small.raw"
    with open(small, "wb") as f:
        f.truncate(MiB)
    cli_env.cli("img", "convert", str(small), str(out_dir / "next.qcow2"), check=True)
    assert temp_files(cli_env.root) == []
    assert sorted(p.name for p in out_dir.iterdir()) == ["next.qcow2"]


def test_ctrl_c_stops_the_same_way(cli_env: RunEnv, big_image: Path) -> None:
    target = cli_env.root / "copy.qcow2"
    result = interrupt(cli_env, signal.SIGINT, ("img", "convert", str(big_image), str(target)),
                       grows(lambda: temp_files(cli_env.root)))
    assert_stopped_cleanly(result, signal.SIGINT, cli_env)
    assert not target.exists()


def test_an_ignored_hangup_stays_ignored(cli_env: RunEnv) -> None:
    """`nohup kvmgui-cli …` asks to survive the terminal: SIGHUP changes nothing."""
    source = cli_env.root / "src.raw"
    source.write_bytes(os.urandom(48 * MiB))
    target = cli_env.root / "copy.qcow2"
    proc = subprocess.Popen(
        _cli_argv("img", "convert", str(source), str(target)), env=cli_env.full_environ(),
        cwd=str(REPO), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_IGN))
    wait_for("qemu-img at work", lambda: bool(helpers_running(cli_env.root))
             or proc.poll() is not None)
    proc.send_signal(signal.SIGHUP)
    _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert target.is_file() and temp_files(cli_env.root) == []


def test_img_convert_with_the_real_qemu_img(run_env: RunEnv, big_image: Path) -> None:
    """No wrapper: compression slows the real qemu-img down; TERM stops it all the same."""
    target = run_env.root / "copy.qcow2"
    result = interrupt(run_env, signal.SIGTERM,
                       ("img", "convert", "--compress", str(big_image), str(target)),
                       grows(lambda: temp_files(run_env.root), at_least=MiB))
    assert_stopped_cleanly(result, signal.SIGTERM, run_env)
    assert not target.exists()


# ------------------------------------------------------------------------------ VMs


def _next_create(env: RunEnv) -> None:
    """Any later VM creation tidies up after a killed one."""
    env.cli("create", "later", "--no-disk", check=True)


def _after_vm_op(env: RunEnv, sig: signal.Signals, result: subprocess.CompletedProcess[str],
                 before: list[str]) -> None:
    assert_every_listed_vm_has_its_disks(env)
    assert listed_vms(env) == before, "a half-made VM is listed"
    if sig != signal.SIGKILL:
        assert_stopped_cleanly(result, sig, env)
        assert sorted(os.listdir(env.store.root)) == sorted(before)
        return
    assert result.returncode == -signal.SIGKILL
    assert incomplete_folders(env.store.root), "the killed VM folder should still be there"
    _next_create(env)
    assert temp_files(env.root) == []
    assert incomplete_folders(env.root) == []
    assert sorted(os.listdir(env.store.root)) == sorted([*before, "later"])
    assert_every_listed_vm_has_its_disks(env)


@pytest.mark.parametrize("signame", SIGNALS)
def test_import_convert(cli_env: RunEnv, big_image: Path, signame: str) -> None:
    sig = SIGNALS[signame]
    source = sha256(big_image)
    result = interrupt(cli_env, sig, ("import", str(big_image), "imported", "--convert"),
                       grows(lambda: temp_files(cli_env.store.root)))
    _after_vm_op(cli_env, sig, result, [])
    assert sha256(big_image) == source


@pytest.mark.parametrize("signame", SIGNALS)
def test_full_clone(cli_env: RunEnv, big_image: Path, signame: str) -> None:
    sig = SIGNALS[signame]
    cli_env.cli("import", str(big_image), "base", check=True)  # the image used in place
    base = sha256(big_image)
    result = interrupt(cli_env, sig, ("clone", "base", "copy"),
                       grows(lambda: temp_files(cli_env.store.root)))
    _after_vm_op(cli_env, sig, result, ["base"])
    assert sha256(big_image) == base


@pytest.mark.parametrize("signame", SIGNALS)
def test_create(cli_env: RunEnv, signame: str) -> None:
    sig = SIGNALS[signame]
    cli_env.environ["KVMGUI_TEST_CREATE_PAUSE"] = "30"
    result = interrupt(cli_env, sig, ("create", "new", "--disk-size", "2G"),
                       lambda: bool(incomplete_folders(cli_env.store.root)))
    cli_env.environ.pop("KVMGUI_TEST_CREATE_PAUSE")
    _after_vm_op(cli_env, sig, result, [])
