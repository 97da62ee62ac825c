"""Is a VM running? A quick, synchronous answer from its pidfile (no QMP, no waiting).

For listings and for refusing to delete or rename a running VM. The answer is verified against
/proc (the pid must be a QEMU pointing into the VM's runtime folder), so a stale pidfile left
by a crash, or a pid reused by another program, does not count.
"""

from __future__ import annotations

from kvmgui.core.paths import AppPaths
from kvmgui.runtime.process import find_vm_pid


def vm_pid(vm_id: str, paths: AppPaths | None = None) -> int | None:
    paths = paths or AppPaths.from_env()
    return find_vm_pid(paths.vm_runtime(vm_id))


def vm_is_running(vm_id: str, paths: AppPaths | None = None) -> bool:
    return vm_pid(vm_id, paths) is not None
