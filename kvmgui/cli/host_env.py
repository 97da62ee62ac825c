"""Host facts and QEMU capabilities, probed once per CLI command that needs them."""

from __future__ import annotations

from dataclasses import dataclass

from kvmgui.cli.context import CliContext, CliError
from kvmgui.core.host import HostFacts
from kvmgui.core.qemu_caps import QemuCaps
from kvmgui.runtime.host_probe import check_host
from kvmgui.runtime.qemu_probe import QemuProbeError, probe_caps


@dataclass(frozen=True)
class HostEnv:
    host: HostFacts
    caps: QemuCaps


async def load_host_env(ctx: CliContext) -> HostEnv:
    try:
        # The app's file of known QEMU binaries: a known QEMU is not run at all.
        caps = await probe_caps(ctx.settings.qemu_binary, cache_file=ctx.paths.qemu_caps_cache)
    except QemuProbeError as err:
        raise CliError(str(err)) from None
    report = await check_host(
        ctx.vm_root,
        qemu_binary=ctx.settings.qemu_binary,
        qemu_img=ctx.settings.qemu_img_binary,
        caps_cache=ctx.paths.qemu_caps_cache,
    )
    return HostEnv(host=report.facts, caps=caps)
