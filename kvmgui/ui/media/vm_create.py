"""Create a VM from a spec and start it, the way the new-VM wizard does (used by the restore
dialog and by the USB-stick test until the runtime has its own throwaway VMs).

Validation is core.validation's; the machine type is pinned to this QEMU like the wizard
does; new disks are created with qemu-img; on any failure everything created is removed.
"""

from __future__ import annotations

from dataclasses import replace

from kvmgui.core.messages import KvmguiError
from kvmgui.core.model import VmSpec
from kvmgui.core.problems import Problem
from kvmgui.core.store import StoredVm, StoreError
from kvmgui.core.validation import free_name, validate_spec
from kvmgui.runtime import creation
from kvmgui.runtime.images import ImageError
from kvmgui.runtime.outcome import Outcome
from kvmgui.ui.context import AppContext
from kvmgui.ui.i18n import translate


class CreateError(KvmguiError):
    """The VM could not be made or started: `message` is a sentence, `details` the raw text."""


def existing_names(ctx: AppContext) -> list[str]:
    result = ctx.store.load_all()
    return [vm.spec.name for vm in result.vms] + [e.name for e in result.errors if e.name]


def unused_name(ctx: AppContext, base: str) -> str:
    """A name no VM has and no folder in the VM folder has (kept disks of a deleted VM)."""
    return free_name(base, existing_names(ctx),
                     lambda name: ctx.store.folder_for(name).dir.exists())


def spec_problems(ctx: AppContext, spec: VmSpec) -> list[Problem]:
    """What is wrong with a new VM's spec on this host (the wizard's checks)."""
    problems = validate_spec(
        spec,
        ctx.host_facts,
        existing_names=existing_names(ctx),
        folder=None,
        check_files=True,
    )
    if ctx.host_report is None:
        # Until the host is measured, judge nothing that depends on it.
        problems = [
            p for p in problems if p.field not in ("memory_mib", "cpus", "accel", "firmware", "tpm")
        ]
    return problems


async def pinned(ctx: AppContext, spec: VmSpec) -> VmSpec:
    caps = await ctx.ensure_caps()
    if caps is None:
        return spec
    return replace(spec, machine_version=caps.pinned_machine(spec.machine.value))


async def create_vm(ctx: AppContext, spec: VmSpec) -> StoredVm:
    """The VM's folder, definition and new disks (runtime.creation, as the wizard and
    kvmgui-cli do); CreateError (nothing left) on failure."""

    try:
        stored = await creation.create_vm(ctx.store, spec, qemu_img=ctx.settings.qemu_img_binary)
    except (StoreError, ImageError, OSError) as exc:
        details = getattr(exc, "details", "") or repr(exc)
        notes = creation.rollback_notes(exc)
        if notes:
            details += "\n\n" + notes
        raise CreateError(getattr(exc, "message", None) or str(exc), details) from exc
    if ctx.manager is not None:
        ctx.manager.reload_store()
    return stored


async def start_vm(ctx: AppContext, stored: StoredVm) -> Outcome[int]:
    """Start the VM through the runtime; CreateError with the runtime's sentence if it fails."""
    controller = ctx.controller(stored.spec.id)
    if controller is None:
        raise CreateError(
            translate(
                "MediaDialogs",
                "kvmgui's runtime is not running, so the virtual machine was created but "
                "not started.",
            )
        )
    outcome = await controller.start()
    if not getattr(outcome, "ok", False):
        raise CreateError(
            str(getattr(outcome, "message", "")), str(getattr(outcome, "details", ""))
        )
    return outcome
