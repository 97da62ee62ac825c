"""What every CLI command gets: the paths, the settings and the VM store, built once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kvmgui.core.paths import AppPaths
    from kvmgui.core.settings import Settings
    from kvmgui.core.store import VmStore


class CliError(Exception):
    """A failure to report as one line: `code` 1 when the operation failed, 2 for bad usage.

    `details` (a program's own words, such as qemu-img's error output) are printed under the
    sentence, headed by `details_heading`.
    """

    def __init__(self, message: str, code: int = 1, *, details: str = "",
                 details_heading: str = "Details:") -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.details = details
        self.details_heading = details_heading


@dataclass
class CliContext:
    paths: AppPaths
    settings: Settings
    settings_warnings: list[str]

    @classmethod
    def from_environment(cls) -> CliContext:
        from kvmgui.core.paths import AppPaths
        from kvmgui.core.settings import load_settings

        paths = AppPaths.from_env()
        settings, warnings = load_settings(paths.settings_file)
        return cls(paths=paths, settings=settings, settings_warnings=warnings)

    @property
    def vm_root(self) -> Path:
        root = self.settings.vm_root
        return Path(root) if root else self.paths.default_vm_root

    def store(self) -> VmStore:
        # Throwaway VMs (kvmgui-cli live) are listed like the others while they run.
        from kvmgui.runtime.throwaway import StoreWithThrowaways

        return StoreWithThrowaways(self.vm_root, self.paths)

