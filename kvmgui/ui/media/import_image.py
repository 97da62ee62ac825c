"""Import an existing disk image as a new VM, converted to qcow2 first (the wizard's "convert
it to qcow2 first" choice): the image is converted into the new VM's folder with progress,
and the original is left exactly as it was.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from kvmgui.core.store import StoredVm
from kvmgui.runtime.images import ImageError, convert_job
from kvmgui.ui.i18n import translate
from kvmgui.ui.services import ServiceError

Report = Callable[[float], None]  # 0.0 .. 1.0


async def convert_into_vm(
    image: str,
    image_format: str | None,
    stored: StoredVm,
    *,
    qemu_img: str = "qemu-img",
    report: Report | None = None,
) -> Path:
    """Convert `image` into the VM's first disk (a new qcow2 file); ServiceError on failure."""
    if not stored.spec.disks:
        raise ServiceError(translate(
            "Services", "The new virtual machine has no disk to convert the image into."))
    target = Path(stored.folder.resolve(stored.spec.disks[0].path))
    source = os.path.abspath(os.path.expanduser(image))

    async def progress(percent: float) -> None:
        if report is not None:
            report(percent / 100.0)

    job = convert_job(
        source,
        target,
        to="qcow2",
        src_format=image_format,
        qemu_img=qemu_img,
        progress=progress,
    )
    try:
        await job.run()
    except ImageError as exc:
        raise ServiceError(exc.message, exc.details) from exc
    return target
