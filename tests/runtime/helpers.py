"""Shared pieces for runtime and CLI tests that start real QEMUs.

- `RunEnv`: a private HOME with XDG folders under a SHORT /tmp path (unix socket paths are
  limited to 107 bytes; pytest's tmp_path can be longer), shared by the in-process runtime and
  `kvmgui-cli` run as a subprocess.
- Every such folder is registered, so leak checks can find QEMU processes and sockets the
  suite started and left behind (`leaked_processes`, `leaked_sockets`).
- Spec builders for a tiny VM (no OS: SeaBIOS only, -m 64) and for the test guest.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kvmgui.core.host import HostFacts
from kvmgui.core.model import (
    Accel,
    BootDevice,
    Cdrom,
    CdromSource,
    Disk,
    DiskFormat,
    NetMode,
    Network,
    OsPreset,
    VmSpec,
)
from kvmgui.core.paths import AppPaths
from kvmgui.core.presets import new_spec
from kvmgui.core.qemu_caps import QemuCaps
from kvmgui.core.settings import Settings
from kvmgui.core.store import StoredVm, VmStore
from kvmgui.core.trust import Approvals
from kvmgui.runtime.events import RuntimeEvent, StateChanged
from kvmgui.runtime.process import is_alive, proc_cmdline
from kvmgui.runtime.state import VmState

REPO = Path(__file__).resolve().parents[2]
# Test guest under TCG: ~10 s to "ready" on an idle 2-core machine, 3-4x that when busy.
BOOT_TIMEOUT_S = 120.0
SHUTDOWN_TIMEOUT_S = 60.0

_REGISTERED: list[Path] = []


def short_tmp() -> Path:
    """A fresh folder like /tmp/kgXXXXXXXX, registered for the leak checks."""
    path = Path(tempfile.mkdtemp(prefix="kg", dir="/tmp"))
    _REGISTERED.append(path)
    return path


def end_process(proc: subprocess.Popen[Any], timeout: float = 10.0) -> None:
    """Stop a helper process the test started: SIGTERM, SIGKILL after `timeout` s; reaped."""
    proc.terminate()
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout)
    if proc.poll() is None:
        proc.kill()
        proc.wait()


def registered_dirs() -> list[Path]:
    return list(_REGISTERED)


def qemu_pids_using(folder: Path) -> list[int]:
    """Live QEMU processes whose command line points into `folder`."""
    marker = str(folder).rstrip("/") + "/"
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        pid = int(entry)
        args = proc_cmdline(pid)
        if (args and "qemu" in os.path.basename(args[0]) and any(marker in a for a in args)
                and is_alive(pid)):
            pids.append(pid)
    return pids


SESSION_VAR = "KVMGUI_TEST_SESSION"


def mark_session(token: str) -> None:
    """Every process the suite starts from now on inherits this variable (QEMU included)."""
    os.environ[SESSION_VAR] = token


def qemu_pids_of_session(token: str) -> list[int]:
    """Live QEMU processes started by this test session (wherever their files are)."""
    needle = f"{SESSION_VAR}={token}".encode()
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        pid = int(entry)
        args = proc_cmdline(pid)
        if not args or "qemu" not in os.path.basename(args[0]) or not is_alive(pid):
            continue
        try:
            environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
        except OSError:
            continue
        if needle in environ:
            pids.append(pid)
    return pids


def sockets_under(folder: Path) -> list[Path]:
    found = []
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(dirpath) / name
            try:
                if path.is_socket():
                    found.append(path)
            except OSError:
                pass
    return found


def leaked_processes() -> dict[Path, list[int]]:
    return {d: pids for d in _REGISTERED if (pids := qemu_pids_using(d))}


def leaked_sockets() -> dict[Path, list[Path]]:
    return {d: socks for d in _REGISTERED if d.exists() and (socks := sockets_under(d))}


def kill_all(pids: list[int]) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 5
    while any(is_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.05)


@dataclass
class RunEnv:
    """HOME and XDG folders for one test; `paths` is what kvmgui derives from `environ`."""

    root: Path
    environ: dict[str, str] = field(default_factory=dict)

    @classmethod
    def create(cls) -> RunEnv:
        root = short_tmp()
        env = {
            "HOME": str(root / "home"),
            "XDG_CONFIG_HOME": str(root / "c"),
            "XDG_DATA_HOME": str(root / "d"),
            "XDG_RUNTIME_DIR": str(root / "r"),
            "XDG_CACHE_HOME": str(root / "k"),
        }
        for key in env:
            Path(env[key]).mkdir(mode=0o700, parents=True, exist_ok=True)
        return cls(root, env)

    @property
    def paths(self) -> AppPaths:
        return AppPaths.from_env(self.environ)

    @property
    def store(self) -> VmStore:
        return VmStore(self.paths.default_vm_root, approvals=Approvals.for_paths(self.paths))

    def full_environ(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
        env.update(self.environ)
        env["PYTHONPATH"] = str(REPO)
        env.pop("PULSE_SERVER", None)
        return env

    def cli(self, *args: str, timeout: float = 120.0,
            check: bool = False) -> subprocess.CompletedProcess[str]:
        """Run `kvmgui-cli ARGS` as a separate process with this environment."""
        result = subprocess.run(
            [sys.executable, "-m", "kvmgui.cli.main", *args],
            env=self.full_environ(), capture_output=True, text=True, timeout=timeout,
            stdin=subprocess.DEVNULL, cwd=str(REPO),
        )
        if check and result.returncode != 0:
            raise AssertionError(f"kvmgui-cli {' '.join(args)} failed ({result.returncode}):\n"
                                 f"{result.stdout}\n{result.stderr}")
        return result

    def cli_json(self, *args: str, timeout: float = 60.0) -> dict[str, Any]:
        import json

        result = self.cli(*args, "--json", timeout=timeout, check=True)
        data = json.loads(result.stdout)
        assert isinstance(data, dict)
        return data

    def cleanup(self) -> list[int]:
        """Kill QEMUs left behind (returned, so the caller can fail), remove the folder."""
        pids = qemu_pids_using(self.root)
        kill_all(pids)
        shutil.rmtree(self.root, ignore_errors=True)
        return pids


def tiny_spec(name: str, **overrides: Any) -> VmSpec:
    """A VM with no OS: SeaBIOS finds nothing to boot and idles. Cheap to start (~0.3 s)."""
    spec = new_spec(
        name, OsPreset.OTHER, memory_mib=64, cpus=1, accel=Accel.TCG, sound=False, usb=False,
        network=Network(mode=NetMode.NONE), cdrom=Cdrom(CdromSource.EMPTY), disks=(),
    )
    return replace(spec, **overrides) if overrides else spec


def guest_spec(name: str, iso: Path, disk: Path | None = None, **overrides: Any) -> VmSpec:
    """The test guest: boots the live ISO, keeps a marker on a raw disk (if given)."""
    disks = (Disk(str(disk), format=DiskFormat.RAW),) if disk is not None else ()
    spec = new_spec(
        name, OsPreset.LINUX, memory_mib=256, cpus=1, accel=Accel.TCG, sound=False,
        cdrom=Cdrom(CdromSource.ISO, str(iso)), disks=disks,
        boot_order=(BootDevice.CDROM, BootDevice.DISK),
    )
    return replace(spec, **overrides) if overrides else spec


def blank_raw_disk(path: Path, size: int = 16 * 1024 * 1024) -> Path:
    with open(path, "wb") as f:
        f.truncate(size)
    return path


def marker_on(disk: Path) -> bytes:
    with open(disk, "rb") as f:
        return f.read(64).rstrip(b"\0")


def create_vm(env: RunEnv, spec: VmSpec) -> StoredVm:
    return env.store.create(spec)


class EventLog:
    """Collects runtime events; `wait_state` waits for a VM to reach a state."""

    def __init__(self) -> None:
        self.events: list[RuntimeEvent] = []
        self._changed = asyncio.Event()

    def __call__(self, event: RuntimeEvent) -> None:
        self.events.append(event)
        self._changed.set()

    def states(self, vm_id: str) -> list[VmState]:
        return [e.state for e in self.events if isinstance(e, StateChanged) and e.vm_id == vm_id]

    def of_type(self, kind: type) -> list[Any]:
        return [e for e in self.events if isinstance(e, kind)]

    async def wait_for(self, predicate: Callable[[], bool], timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"condition not met within {timeout} s; events: "
                                   f"{self.events[-10:]}")
            self._changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), min(remaining, 0.5))


async def wait_for_serial_async(path: Path, text: str, timeout: float) -> str:
    """Like tests.guest.fixtures.wait_for_serial, without blocking the event loop."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            content = path.read_bytes().decode(errors="replace").replace("\r\n", "\n")
        except FileNotFoundError:
            content = ""
        if text in content:
            return content
        if time.monotonic() > deadline:
            raise TimeoutError(f"{path} did not show {text!r} within {timeout:.0f} s:\n"
                               f"{content[-2000:]}")
        await asyncio.sleep(0.2)


def settings_for_tests(**overrides: Any) -> Settings:
    return replace(Settings(), **overrides) if overrides else Settings()


def env_facts(host: HostFacts, caps: QemuCaps) -> Mapping[str, Any]:
    return {"host": host, "caps": caps}
