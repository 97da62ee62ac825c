"""The one place the app and the CLI get their VM store and their VmManager from.

Both faces list and control the same VMs: the user's VM folder and the throwaway VMs ("Test a
USB stick", `kvmgui-cli live`) that live in the runtime folder while they run. Building the
store and the manager here, once, keeps the faces from drifting apart (the app once listed
the VM folder alone and lost the throwaway VMs it had just started).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kvmgui.core.paths import AppPaths
from kvmgui.core.settings import Settings, load_settings

if TYPE_CHECKING:
    # Types only: the app reads its settings through this module before its first paint,
    # and neither the store nor the runtime context is needed for that.
    from kvmgui.runtime.context import MonitorRole
    from kvmgui.runtime.manager import VmManager
    from kvmgui.runtime.throwaway import StoreWithThrowaways


@dataclass(frozen=True)
class Environment:
    """Where kvmgui keeps its files and how the user set it up, read once at start-up."""

    paths: AppPaths
    settings: Settings
    settings_warnings: list[str]


def load_environment(paths: AppPaths | None = None) -> Environment:
    """The paths (from XDG_*; `paths` when the caller has them already) and the settings, with
    warnings about a broken settings file: what the app and kvmgui-cli both start from."""
    paths = paths if paths is not None else AppPaths.from_env()
    settings, warnings = load_settings(paths.settings_file)
    return Environment(paths, settings, warnings)


def vm_root(paths: AppPaths, settings: Settings) -> Path:
    """The user's VM folder: the one in the settings, or the default one."""
    return Path(settings.vm_root) if settings.vm_root else paths.default_vm_root


def open_store(paths: AppPaths, settings: Settings) -> StoreWithThrowaways:
    """The VM store every face uses: the VM folder plus the running throwaway VMs."""
    # Imported here for start-up cost: the store's modules (the definition reader, the
    # validation rules) are not needed before the main window's first paint.
    from kvmgui.runtime.throwaway import StoreWithThrowaways

    return StoreWithThrowaways(vm_root(paths, settings), paths)


@dataclass(frozen=True)
class Runtime:
    store: StoreWithThrowaways
    manager: VmManager


def open_runtime(
    paths: AppPaths,
    settings: Settings,
    *,
    role: MonitorRole | None = None,
    sample_stats: bool = True,
    store: StoreWithThrowaways | None = None,
) -> Runtime:
    """The store and a VmManager on it (not opened yet: `await manager.open()`); the role
    is APP unless told otherwise.

    `store`: one this module opened already (open_store), for a short-lived manager beside
    the caller's own store (deleting a VM the app's runtime does not know).
    """
    # Imported here: the manager itself falls back to open_store() when given no store; and
    # for start-up cost, listing the VMs (open_store) does not import the runtime context.
    from kvmgui.runtime.context import MonitorRole
    from kvmgui.runtime.manager import VmManager

    if role is None:
        role = MonitorRole.APP
    if store is None:
        store = open_store(paths, settings)
    manager = VmManager(paths, settings, store=store, role=role, sample_stats=sample_stats)
    return Runtime(store, manager)
