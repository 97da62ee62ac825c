"""What every CLI command gets: the paths, the settings, and the VM store and manager from the
runtime's one factory (kvmgui.runtime.session, which the app uses too)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kvmgui.core.messages import KvmguiError
from kvmgui.core.paths import AppPaths
from kvmgui.core.settings import Settings
from kvmgui.runtime.controller import MonitorRole
from kvmgui.runtime.manager import VmManager
from kvmgui.runtime.session import load_environment, open_runtime, open_store, vm_root
from kvmgui.runtime.throwaway import StoreWithThrowaways


class CliError(KvmguiError):
    """A failure to report as one line: `code` 1 when the operation failed, 2 for bad usage.

    `details` (a program's own words, such as qemu-img's error output) are printed under the
    sentence, headed by `details_heading`.
    """

    def __init__(self, message: str, code: int = 1, *, details: str = "",
                 details_heading: str = "Details:") -> None:
        super().__init__(message, details)
        self.code = code
        self.details_heading = details_heading


@dataclass
class CliContext:
    paths: AppPaths
    settings: Settings
    settings_warnings: list[str]

    @classmethod
    def from_environment(cls) -> CliContext:
        env = load_environment()  # as the app reads them
        return cls(paths=env.paths, settings=env.settings, settings_warnings=env.settings_warnings)

    @property
    def vm_root(self) -> Path:
        return vm_root(self.paths, self.settings)

    def store(self) -> StoreWithThrowaways:
        """The VM folder's VMs and the running throwaway VMs (kvmgui-cli live, the app's
        "Test a USB stick"), as the app lists them."""
        return open_store(self.paths, self.settings)

    def manager(self) -> VmManager:
        """A VmManager on the CLI monitor (not opened: attach_one() attaches to one VM)."""
        return open_runtime(self.paths, self.settings, role=MonitorRole.CLI,
                            sample_stats=False).manager

