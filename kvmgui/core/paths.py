"""Where kvmgui keeps things, following the XDG base directory spec.

No globals: the entry points build one `AppPaths` (from the environment, or from a temp folder
in tests) and pass it down.

- config: settings.json                                    ($XDG_CONFIG_HOME/kvmgui)
- data:   vms/<name>/vm.json, the VM's disks, logs/         ($XDG_DATA_HOME/kvmgui)
- runtime: <vm-key>/qemu.pid, qmp.sock, qmp-cli.sock, vnc.sock … ($XDG_RUNTIME_DIR/kvmgui)

The runtime folder of a VM is keyed by its whole id, not its name, so a rename never orphans a
running QEMU and two VMs never share one (ids are at most 64 characters of [A-Za-z0-9_-], so
the longest socket path stays within the 107 bytes of a unix socket path for the usual runtime
folders; launch checks it). Versions before used the first 12 characters of the id:
`legacy_vm_runtime` finds the QEMUs they started.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

APP = "kvmgui"
DEFINITION_FILE = "vm.json"
# The runtime folder name used before the key was the whole id.
LEGACY_KEY_LEN = 12
_KEY_RE = re.compile(r"[A-Za-z0-9_-]{1,64}")
# sun_path is 108 bytes including the terminating NUL.
MAX_SOCKET_PATH = 107


@dataclass(frozen=True)
class AppPaths:
    config_dir: Path
    data_dir: Path
    runtime_dir: Path
    cache_dir: Path

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> AppPaths:
        env = os.environ if environ is None else environ
        home = Path(env.get("HOME") or Path.home())

        def xdg(var: str, fallback: Path) -> Path:
            value = env.get(var, "")
            # The spec says relative paths are invalid and must be ignored.
            return Path(value) / APP if value and os.path.isabs(value) else fallback / APP

        runtime = env.get("XDG_RUNTIME_DIR", "")
        if runtime and os.path.isabs(runtime):
            runtime_dir = Path(runtime) / APP
        else:
            # No session runtime dir (a root shell, a cron job): a private folder in /tmp,
            # created 0700 by ensure_private_dir before anything is put in it.
            runtime_dir = Path("/tmp") / f"{APP}-{os.getuid()}"
        return cls(
            config_dir=xdg("XDG_CONFIG_HOME", home / ".config"),
            data_dir=xdg("XDG_DATA_HOME", home / ".local" / "share"),
            runtime_dir=runtime_dir,
            cache_dir=xdg("XDG_CACHE_HOME", home / ".cache"),
        )

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        """All four folders below one root: for tests and portable set-ups."""
        return cls(
            config_dir=root / "config",
            data_dir=root / "data",
            runtime_dir=root / "run",
            cache_dir=root / "cache",
        )

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def default_vm_root(self) -> Path:
        return self.data_dir / "vms"

    @property
    def qemu_caps_cache(self) -> Path:
        """What each QEMU binary can do, kept between starts (runtime.qemu_probe)."""
        return self.cache_dir / APP / "qemu-caps.json"

    @property
    def throwaway_root(self) -> Path:
        """The throwaway VMs ("Test a USB stick", `kvmgui-cli live`), while they run."""
        return self.runtime_dir / "live"

    @property
    def app_lock_file(self) -> Path:
        return self.runtime_dir / "app.lock"

    def vm_runtime(self, vm_id: str) -> VmRuntimePaths:
        return VmRuntimePaths(self.runtime_dir / runtime_key(vm_id))

    def legacy_vm_runtime(self, vm_id: str) -> VmRuntimePaths | None:
        """Where a previous version kept this VM's files (None: the same folder as now)."""
        if runtime_key(vm_id) == vm_id[:LEGACY_KEY_LEN]:
            return None
        return VmRuntimePaths(self.runtime_dir / vm_id[:LEGACY_KEY_LEN])


def runtime_key(vm_id: str) -> str:
    """The name of a VM's runtime folder: its id, which is unique among VMs.

    An id the store would refuse (it cannot be loaded, so it is never started) still gets a
    folder name that cannot be "." or "..", a path or another VM's id: a digest with a "."
    in it, a character no valid id has.
    """
    if _KEY_RE.fullmatch(vm_id):
        return vm_id
    import hashlib  # only for ids the store refuses; hashlib loads OpenSSL (start-up cost)

    return "id." + hashlib.sha256(vm_id.encode("utf-8", "surrogatepass")).hexdigest()[:40]


@dataclass(frozen=True)
class VmRuntimePaths:
    """The private (0700) folder holding one running VM's pidfile and sockets."""

    dir: Path

    @property
    def pidfile(self) -> Path:
        return self.dir / "qemu.pid"

    @property
    def qmp_socket(self) -> Path:
        """The monitor the long-lived manager (the app) holds."""
        return self.dir / "qmp.sock"

    @property
    def qmp_cli_socket(self) -> Path:
        """A second monitor, because QEMU serves one client per socket: short-lived tools use it."""
        return self.dir / "qmp-cli.sock"

    @property
    def vnc_socket(self) -> Path:
        return self.dir / "vnc.sock"

    @property
    def spice_socket(self) -> Path:
        return self.dir / "spice.sock"

    @property
    def swtpm_socket(self) -> Path:
        return self.dir / "swtpm.sock"

    @property
    def swtpm_pidfile(self) -> Path:
        return self.dir / "swtpm.pid"

    @property
    def lock_file(self) -> Path:
        return self.dir / "start.lock"

    @property
    def meta_file(self) -> Path:
        """What was started: the VM id, name, definition path and argv (for reattach)."""
        return self.dir / "meta.json"

    def longest_socket_path(self) -> int:
        return max(len(os.fsencode(p)) for p in (self.qmp_cli_socket, self.spice_socket))


@dataclass(frozen=True)
class VmFolder:
    """A VM's folder in the data dir: its definition, its disks (by default) and its logs."""

    dir: Path

    def resolve(self, path: str) -> Path:
        """A disk path from the definition: relative paths live in the VM folder."""
        p = Path(path)
        return p if p.is_absolute() else self.dir / p

    @property
    def definition(self) -> Path:
        return self.dir / DEFINITION_FILE

    @property
    def logs(self) -> Path:
        return self.dir / "logs"

    @property
    def qemu_log(self) -> Path:
        return self.logs / "qemu.log"

    @property
    def serial_log(self) -> Path:
        return self.logs / "serial.log"

    @property
    def nvram(self) -> Path:
        """The VM's own copy of the UEFI variable store (OVMF_VARS)."""
        return self.dir / "OVMF_VARS.fd"

    @property
    def tpm_dir(self) -> Path:
        return self.dir / "tpm"
