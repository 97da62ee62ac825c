"""The command lines of shared folders: QEMU's devices for virtio-fs and 9p, the SMB folder of
the user-mode network, the shared guest memory virtio-fs needs, and virtiofsd's own argv.

core.shares decides how each folder travels (ShareRoute); this module only writes it down.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kvmgui.core.argv_devices import DeviceError, require
from kvmgui.core.argv_opts import opts
from kvmgui.core.host import HostFacts
from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message, Template
from kvmgui.core.model import NetMode, VmSpec
from kvmgui.core.paths import VmFolder, VmRuntimePaths
from kvmgui.core.qemu_caps import QemuCaps
from kvmgui.core.shares import ShareMethod, ShareRoute

MEMORY_BACKEND_ID = "mem"

# The QEMU device each share method needs, and what the user would lose without it.
SHARE_DEVICES: dict[ShareMethod, tuple[str, Template]] = {
    ShareMethod.VIRTIOFS: (
        "vhost-user-fs-pci",
        QT_TRANSLATE_NOOP("core.argv_shares", "a virtio-fs shared folder"),
    ),
    ShareMethod.NINEP: (
        "virtio-9p-pci",
        QT_TRANSLATE_NOOP("core.argv_shares", "a 9p shared folder"),
    ),
}


def virtiofsd_socket(run: VmRuntimePaths, index: int) -> Path:
    """The vhost-user socket of share `index`'s virtiofsd, in the VM's private runtime folder
    (named by number: a tag could make the path too long for a unix socket)."""
    return run.dir / f"virtiofs{index}.sock"


def virtiofsd_log(folder: VmFolder, index: int) -> Path:
    return folder.logs / f"virtiofsd{index}.log"


def virtiofsd_argv(route: ShareRoute, host: HostFacts, run: VmRuntimePaths) -> list[str]:
    """The command that serves one virtio-fs share; run it before QEMU, which connects to its
    socket at start. It exits by itself when QEMU closes the connection.

    Always sandboxed in new namespaces, pivoted into the shared folder: nothing outside it can
    be reached, whatever the guest asks."""
    assert host.virtiofsd is not None and route.method is ShareMethod.VIRTIOFS
    sock = str(virtiofsd_socket(run, route.index))
    if host.virtiofsd_legacy:
        # core.shares routes a path with a comma to 9p: this option parser splits on commas.
        return [
            host.virtiofsd,
            f"--socket-path={sock}",
            "-o",
            f"source={route.share.path}",
            "-o",
            "sandbox=namespace",
            "-o",
            "cache=auto",
            "-o",
            "log_level=warn",
        ]
    argv = [
        host.virtiofsd,
        f"--socket-path={sock}",
        f"--shared-dir={route.share.path}",
        "--sandbox=namespace",
        "--cache=auto",
        "--log-level=warn",
    ]
    if route.share.read_only:
        argv.append("--readonly")
    return argv


def memory_backend_args(spec: VmSpec, routes: Sequence[ShareRoute]) -> list[str]:
    """Guest RAM as a shared memfd, which virtiofsd maps to reach the guest's buffers; the
    machine names it with `memory-backend=` (machine_options)."""
    if not any(r.method is ShareMethod.VIRTIOFS for r in routes):
        return []
    return [
        "-object",
        opts(
            "memory-backend-memfd",
            ("id", MEMORY_BACKEND_ID),
            ("size", f"{spec.memory_mib}M"),
            ("share", True),
        ),
    ]


def machine_options(routes: Sequence[ShareRoute]) -> list[tuple[str, str]]:
    if any(r.method is ShareMethod.VIRTIOFS for r in routes):
        return [("memory-backend", MEMORY_BACKEND_ID)]
    return []


def smb_folder(spec: VmSpec, routes: Sequence[ShareRoute], host: HostFacts) -> str | None:
    """The folder for `-netdev user,smb=` (a Windows guest's one share), or None."""
    smb = [r for r in routes if r.method is ShareMethod.SMB]
    if not smb:
        return None
    if spec.network.mode is NetMode.NONE:
        raise DeviceError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core.argv_shares",
                    "A Windows guest reaches shared folders over its network, which is off; "
                    "turn the network on or remove the shared folder.",
                )
            )
        )
    if len(smb) > 1:
        raise DeviceError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core.argv_shares",
                    "QEMU can share only one folder with a Windows guest; remove all but one.",
                )
            )
        )
    if not host.smbd:
        raise DeviceError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core.argv_shares",
                    "Sharing a folder with a Windows guest needs Samba; install it with: sudo apt "
                    "install samba",
                )
            )
        )
    return smb[0].share.path


def share_args(routes: Sequence[ShareRoute], caps: QemuCaps, run: VmRuntimePaths) -> list[str]:
    """The devices of virtio-fs and 9p shares (SMB rides on the network, see smb_folder)."""
    args: list[str] = []
    for route in routes:
        share, i = route.share, route.index
        needed = SHARE_DEVICES.get(route.method)
        if needed is not None:
            device, feature = needed
            require(
                caps,
                device,
                Message(feature),
                Message(QT_TRANSLATE_NOOP("core.argv_shares", "remove the shared folder")),
            )
        if route.method is ShareMethod.VIRTIOFS:
            args += [
                "-chardev",
                opts("socket", ("id", f"fs{i}"), ("path", str(virtiofsd_socket(run, i)))),
                "-device",
                opts(
                    "vhost-user-fs-pci",
                    ("chardev", f"fs{i}"),
                    ("tag", share.tag),
                    ("queue-size", 1024),
                    ("id", f"share{i}"),
                ),
            ]
        elif route.method is ShareMethod.NINEP:
            args += [
                "-fsdev",
                opts(
                    "local",
                    ("id", f"fsdev{i}"),
                    ("path", share.path),
                    ("security_model", "mapped-xattr"),
                    ("readonly", True if share.read_only else None),
                ),
                "-device",
                opts(
                    "virtio-9p-pci",
                    ("fsdev", f"fsdev{i}"),
                    ("mount_tag", share.tag),
                    ("id", f"share{i}"),
                ),
            ]
    return args
