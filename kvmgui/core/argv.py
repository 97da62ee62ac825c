"""The QEMU command line for a VM: a pure function of the spec, the host and the QEMU binary.

`build_argv` turns a `VmSpec` plus facts gathered elsewhere (`QemuCaps` from the binary,
`HostFacts` from the host, the VM's folders) into an argv list, or raises `ArgvError` with one
plain sentence. It reads no files and starts nothing, so every decision is covered by golden
files (tests/core/golden) and each golden argv is started for real by
tests/core/test_argv_qemu_accepts.py.

Layout of the result (one block per concern, in this order): process identity, machine and
CPU (with shared guest memory for virtio-fs), firmware nodes, crash handling, USB controller,
block nodes, storage devices, network, shared folders (core.argv_shares), sound, video and
display, TPM, guest helpers, monitors/pidfile/serial, then the user's checked extra arguments.
The runtime appends `-S` itself when it wants the guest to wait.

Decisions worth knowing:
- `-accel kvm|tcg` only (never `-machine accel=`: QEMU refuses the mix).
- KVM uses `host.kvm_cpu_model` ("host", or "max" where `-cpu host` aborts). TCG uses `max`
  (all that TCG emulates, including the x86-64-v2 features current Linux distributions and
  Windows 11 need), except for old systems which get `qemu64`: a huge CPUID confuses them.
- Hyper-V enlightenments for Windows 10/11 under KVM only (TCG rejects them).
- `-action panic=pause` with a pvpanic device: a crashed guest stays on screen, paused, so
  the user can read the error; QEMU's default would power it off.
- `-smp N,sockets=1,cores=N,threads=1`: Windows client editions use at most one or two sockets.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Sequence
from pathlib import Path

from kvmgui.core.argv_devices import (
    DeviceError,
    display_args,
    guest_helper_args,
    network_args,
    require,
    sound_args,
    swtpm_argv,
    swtpm_socket,
    tpm_args,
    usb_args,
    usb_controller,
)
from kvmgui.core.argv_extra import extra_args_problems
from kvmgui.core.argv_opts import escape, opts
from kvmgui.core.argv_shares import (
    machine_options,
    memory_backend_args,
    share_args,
    smb_folder,
)
from kvmgui.core.argv_storage import (
    CDROM_DEVICE_ID,
    USB_STICK_DEVICE_ID,
    StorageError,
    boot_indexes,
    disk_args,
    firmware_args,
    needs_usb_controller_for_storage,
    ovmf_requires_smm,
)
from kvmgui.core.host import HostFacts
from kvmgui.core.messages import QT_TRANSLATE_NOOP, KvmguiError, Message
from kvmgui.core.model import Accel, Firmware, MachineType, OsPreset, VmSpec
from kvmgui.core.paths import VmFolder, VmRuntimePaths
from kvmgui.core.qemu_caps import QemuCaps
from kvmgui.core.shares import ShareRoute, plan_shares
from kvmgui.core.usb_host import usb_host_args, usb_off_problem, valid_hex4

__all__ = [
    "CDROM_DEVICE_ID",
    "PROCESS_PREFIX",
    "USB_STICK_DEVICE_ID",
    "ArgvError",
    "build_argv",
    "extra_args_problems",
    "process_name",
    "shell_line",
    "swtpm_argv",
    "swtpm_socket",
]

PROCESS_PREFIX = "kvmgui-"
# /proc/PID/comm holds 15 characters (TASK_COMM_LEN 16 with the NUL).
COMM_LEN = 15

HYPERV_FLAGS = (
    "hv_relaxed",
    "hv_vapic",
    "hv_spinlocks=0x1fff",
    "hv_vpindex",
    "hv_runtime",
    "hv_time",
    "hv_synic",
    "hv_stimer",
    "hv_frequencies",
)
_OLD_SYSTEMS = frozenset({OsPreset.WINDOWS_OLD, OsPreset.OTHER})
_WINDOWS_WITH_HYPERV = frozenset({OsPreset.WINDOWS10, OsPreset.WINDOWS11})


class ArgvError(KvmguiError, ValueError):
    """The spec cannot be turned into a command line. `str()` is one plain sentence; when the
    extra arguments have several problems, all of them are in `problems`."""

    def __init__(self, message: str, problems: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.problems: tuple[str, ...] = tuple(problems) or (message,)


def process_name(vm_id: str) -> str:
    """What `ps`, `top` and /proc/PID/comm show for this VM's QEMU: kvmgui-<first id chars>."""
    short = re.sub(r"[^A-Za-z0-9]", "", vm_id)[: COMM_LEN - len(PROCESS_PREFIX)]
    return PROCESS_PREFIX + short


def shell_line(argv: Sequence[str]) -> str:
    """The argv as one copyable shell line, for showing only (never run through a shell)."""
    return shlex.join(argv)


def _machine(spec: VmSpec, caps: QemuCaps) -> str:
    machine = spec.machine_version or caps.pinned_machine(spec.machine.value)
    if caps.machines and machine not in caps.machines:
        raise ArgvError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core.argv",
                    "This QEMU ({caps}) does not know the machine type {machine} this VM was "
                    "created with; update QEMU, or change the machine type in the VM's settings.",
                ),
                caps=_version(caps),
                machine=machine,
            )
        )
    if ("q35" in machine) != (spec.machine is MachineType.Q35):
        raise ArgvError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core.argv",
                    "The pinned machine type {machine} does not match the chosen {value} "
                    "machine; choose the machine type again in the VM's settings.",
                ),
                machine=machine,
                value=spec.machine.value,
            )
        )
    return machine


def _version(caps: QemuCaps) -> str:
    return ".".join(str(part) for part in caps.version)


def _cpu(spec: VmSpec, accel: Accel, host: HostFacts) -> str:
    if accel is Accel.KVM:
        model = host.kvm_cpu_model or "host"
        if spec.os in _WINDOWS_WITH_HYPERV:
            return ",".join((model, *HYPERV_FLAGS))
        return model
    return "qemu64" if spec.os in _OLD_SYSTEMS else "max"


def _check_numbers(spec: VmSpec) -> None:
    if spec.memory_mib < 1:
        raise ArgvError(Message(
            QT_TRANSLATE_NOOP(
                "core.argv",
                "The memory size {memory_mib} MiB is not a positive number.",
            ),
            memory_mib=spec.memory_mib,
        ))
    if spec.cpus < 1:
        raise ArgvError(Message(
            QT_TRANSLATE_NOOP("core.argv", "The number of CPUs {cpus} is not a positive number."),
            cpus=spec.cpus,
        ))


def _identity(spec: VmSpec) -> list[str]:
    return [
        "-name",
        opts(None, ("guest", spec.name), ("process", process_name(spec.id))),
        # No default NIC, VGA, serial, monitor or empty drives; no /etc/qemu config files.
        "-nodefaults",
        "-no-user-config",
    ]


def _machine_and_cpu(
    spec: VmSpec, caps: QemuCaps, host: HostFacts, folder: VmFolder,
    routes: Sequence[ShareRoute] = (),
) -> list[str]:
    accel = host.resolve_accel(spec.accel)
    machine_opts: list[tuple[str, str | bool | None]] = [*machine_options(routes)]
    firmware: list[str] = []
    if spec.firmware is Firmware.UEFI:
        if not host.ovmf_code:
            raise ArgvError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core.argv",
                        "This VM uses UEFI firmware, which is not installed; install it with: "
                        "sudo apt install ovmf",
                    ),
                )
            )
        firmware = firmware_args(host.ovmf_code, str(folder.nvram))
        machine_opts += [("pflash0", "fw-code"), ("pflash1", "fw-vars")]
        if ovmf_requires_smm(host.ovmf_code):
            if spec.machine is not MachineType.Q35:
                raise ArgvError(
                    Message(
                        QT_TRANSLATE_NOOP(
                            "core.argv",
                            "Secure Boot UEFI firmware needs the Q35 machine type; choose Q35 "
                            "in the VM's settings.",
                        ),
                    )
                )
            machine_opts.append(("smm", True))
            # The variable store is only writable from SMM, so the OS cannot tamper with it.
            firmware += ["-global", "driver=cfi.pflash01,property=secure,value=on"]
    args = [
        "-machine",
        opts(_machine(spec, caps), *machine_opts),
        "-accel",
        accel.value,
        "-cpu",
        _cpu(spec, accel, host),
        "-m",
        str(spec.memory_mib),
        "-smp",
        f"{spec.cpus},sockets=1,cores={spec.cpus},threads=1",
    ]
    if spec.rtc_localtime:
        args += ["-rtc", "base=localtime"]
    return args + memory_backend_args(spec, routes) + firmware


def _crash_args(caps: QemuCaps) -> list[str]:
    args: list[str] = []
    if caps.version >= (6, 0, 0):  # -action appeared in 6.0
        args += ["-action", "panic=pause"]
    if caps.has_device("pvpanic"):
        args += ["-device", opts("pvpanic", ("id", "pvpanic0"))]
    return args


def _control_args(folder: VmFolder, run: VmRuntimePaths) -> list[str]:
    def qmp(path: Path) -> str:
        return opts(f"unix:{escape(str(path))}", ("server", True), ("wait", False))

    return [
        # Two monitors because QEMU serves one client per socket: the app holds the first,
        # short-lived tools (kvmgui-cli) use the second.
        "-qmp",
        qmp(run.qmp_socket),
        "-qmp",
        qmp(run.qmp_cli_socket),
        # The pidfile's folder is named by the VM's whole id: runtime.liveness finds the VM's
        # QEMU by it from any session, even when that folder is gone.
        "-pidfile",
        str(run.pidfile),
        # `file:` takes the rest of the string literally (no comma escaping).
        "-serial",
        f"file:{folder.serial_log}",
    ]


def _usb_host_args(spec: VmSpec, caps: QemuCaps, bus: str) -> list[str]:
    off = usb_off_problem(spec)
    if off is not None:
        raise ArgvError(off)
    for device in spec.usb_devices:
        if not (valid_hex4(device.vendor) and valid_hex4(device.product)):
            raise ArgvError(Message(QT_TRANSLATE_NOOP(
                "core.argv", "'{device}' is not a USB device id."), device=repr(str(device))))
    require(caps, "usb-host", Message(
        QT_TRANSLATE_NOOP("core.argv", "giving the VM USB devices of this computer"),
    ), Message(QT_TRANSLATE_NOOP("core.argv", "remove the USB devices from the VM's settings")))
    return usb_host_args(spec, bus)


def build_argv(
    spec: VmSpec,
    *,
    caps: QemuCaps,
    host: HostFacts,
    folder: VmFolder,
    run: VmRuntimePaths,
    qemu_binary: str = "qemu-system-x86_64",
) -> list[str]:
    """The full QEMU argv for `spec`; raises ArgvError (one plain sentence) when impossible."""
    problems = extra_args_problems(spec.extra_args)
    if problems:
        message = problems[0]
        if len(problems) > 1:
            more = len(problems) - 1  # both English forms: core has no Qt plurals
            message += (Message(
                QT_TRANSLATE_NOOP("core.argv", " (1 more problem in the extra arguments.)"),
            ) if more == 1
                        else Message(
                            QT_TRANSLATE_NOOP(
                                "core.argv",
                                " ({more} more problems in the extra arguments.)",
                            ),
                            more=more,
                        ))
        raise ArgvError(message, problems)
    _check_numbers(spec)
    try:
        routes = plan_shares(spec, host)
        argv = [qemu_binary, *_identity(spec),
                *_machine_and_cpu(spec, caps, host, folder, routes)]
        argv += _crash_args(caps)
        controller = usb_controller(spec)
        needs_usb = spec.usb or needs_usb_controller_for_storage(spec)
        if needs_usb:
            # Before storage: usb-storage devices name the controller's bus.
            argv += usb_args(spec, caps, controller)
        if spec.usb_devices:
            argv += _usb_host_args(spec, caps, controller.bus)
        argv += disk_args(
            spec,
            caps=caps,
            folder=folder,
            usb_bus=controller.bus if needs_usb else None,
            boot=boot_indexes(spec),
        )
        argv += network_args(spec, caps, smb_folder(spec, routes, host))
        argv += share_args(routes, caps, run)
        argv += sound_args(spec, host, caps)
        argv += display_args(spec, caps, run)
        if spec.tpm:
            argv += tpm_args(caps, host, run, folder)
        argv += guest_helper_args(spec, caps)
        argv += _control_args(folder, run)
    except (StorageError, DeviceError) as err:
        raise ArgvError(str(err)) from err
    argv += spec.extra_args
    for arg in argv:
        if any(ch in arg for ch in "\0\n\r"):
            raise ArgvError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core.argv",
                        "The command line would contain a control character in {arg}; rename "
                        "the VM or file so it has none.",
                    ),
                    arg=repr(arg),
                )
            )
    return argv

