"""Import an existing disk image as a new VM: use it where it is, or convert it into the VM.

The image's format is read once here (qemu-img info, which also refuses an image a running VM
holds) and recorded in the definition, so QEMU never probes it later. An image with a base
image is accepted only when every base records its format and is one of the user's own image
files (runtime.images.checked_chain): used as it is, the VM keeps that base; converted, base
and changes become one new image.

Converting writes `disk.qcow2` into the new VM's folder with runtime/images.convert_job
(progress, cancel; the source is never touched; the image appears only once complete). The
VM is hidden from the list until then, so a failed, cancelled or killed import leaves neither
a half-written image nor a VM without its disk.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message
from kvmgui.core.model import Disk, DiskFormat, OsPreset, VmSpec
from kvmgui.core.presets import PRESETS, new_spec
from kvmgui.core.qemu_img import QEMU_IMG, ImageInfo
from kvmgui.core.store import StoredVm, VmStore
from kvmgui.runtime.creation import creating
from kvmgui.runtime.images import (
    ImageError,
    ProgressCallback,
    checked_chain,
    convert_job,
    image_info,
)

CONVERTED_DISK = "disk.qcow2"


async def inspect(image: str | os.PathLike[str], *, fmt: str | None = None,
                  qemu_img: str = QEMU_IMG) -> ImageInfo:
    """The image's format and sizes: ImageError when unreadable, in use by a running VM, or
    when its bases are not recorded or not the user's own images (checked_chain), which
    matters as much for a copy (converting would copy the base into the new disk).

    `fmt`: the format a VM's definition records when the image is that VM's disk (never
    probe a VM's disk: its guest chose its bytes); None probes an image the user brings.
    """
    info = await image_info(image, fmt=fmt, force_share=False, qemu_img=qemu_img)
    await checked_chain(image, info.format, qemu_img=qemu_img)
    return info


def import_spec(name: str, image: Path, info: ImageInfo, *, os_preset: OsPreset,
                convert: bool) -> VmSpec:
    """The new VM: the preset's defaults and one disk, the image itself or its converted copy.

    Raises ImageError when the image cannot be used as it is (say so: convert it instead).
    """
    bus = PRESETS[os_preset].disk_bus
    spec = new_spec(name, os_preset)
    if convert:
        return replace(spec, disks=(Disk(CONVERTED_DISK, DiskFormat.QCOW2, bus=bus),))
    try:
        fmt = DiskFormat(info.format)
    except ValueError:
        raise ImageError(Message(QT_TRANSLATE_NOOP(
            "runtime.vm_import",
            "{name} is a '{format}' image, which kvmgui cannot use as it is: import it with "
            "--convert."), name=image.name, format=info.format)) from None
    disk = Disk(str(image), fmt, bus=bus)
    if info.backing_file:
        if fmt is not DiskFormat.QCOW2 or not info.backing_format:
            raise ImageError(Message(QT_TRANSLATE_NOOP(
                "runtime.vm_import",
                "{name} is based on {base}, whose format it does not record: import it with "
                "--convert (base and changes become one new image)."),
                name=image.name, base=info.backing_file))
        try:
            backing_format = DiskFormat(info.backing_format)
        except ValueError:
            raise ImageError(Message(QT_TRANSLATE_NOOP(
                "runtime.vm_import",
                "The base image of {name} is a '{format}' image: import it with --convert."),
                name=image.name, format=info.backing_format)) from None
        disk = replace(disk, backing_file=info.backing_file, backing_format=backing_format)
    return replace(spec, disks=(disk,))


async def import_vm(store: VmStore, spec: VmSpec, image: Path, info: ImageInfo, *,
                    convert: bool, compress: bool = False,
                    progress: ProgressCallback | None = None,
                    qemu_img: str = QEMU_IMG) -> StoredVm:
    """Create the VM (converting the image first when asked); StoreError or ImageError.

    Through runtime.creation: the VM stays hidden until its converted disk is complete, and a
    cancel or a failure removes the new VM and the copy, never the image it came from.
    """
    async with creating(store, spec) as made:
        if convert:
            target = made.stored.folder.resolve(CONVERTED_DISK)
            job = convert_job(image, target, to="qcow2", compress=compress,
                              src_format=info.format, progress=progress, qemu_img=qemu_img)
            await job.run()  # the copy appears complete or not at all (images.py)
            made.made(target)
    return made.stored
