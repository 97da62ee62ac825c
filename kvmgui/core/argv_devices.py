"""Everything on the QEMU command line that is not storage or the machine itself: USB, network,
sound, video and display, TPM, and the small helper devices.

Spellings are the ones that work from QEMU 7.2 to 10.x: `-audiodev` plus `audiodev=` on the
codec (no -soundhw), `-netdev` + `-device`, `-device <video card>` (no -vga), displays on unix
sockets only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kvmgui.core.argv_opts import opts
from kvmgui.core.host import HostFacts
from kvmgui.core.messages import QT_TRANSLATE_NOOP, KvmguiError, Message
from kvmgui.core.model import (
    DisplayKind,
    MachineType,
    NetMode,
    NicModel,
    OsPreset,
    VideoModel,
    VmSpec,
)
from kvmgui.core.paths import VmFolder, VmRuntimePaths
from kvmgui.core.qemu_caps import QemuCaps


class DeviceError(KvmguiError, ValueError):
    """A device set-up the installed QEMU or host cannot provide; one plain sentence."""


def require(caps: QemuCaps, device: str, purpose: str, fix: str) -> None:
    if not caps.has_device(device):
        raise DeviceError(Message(
            QT_TRANSLATE_NOOP(
                "core.argv_devices",
                "This QEMU has no {device} device, which {purpose} needs; {fix}.",
            ),
            device=device,
            purpose=purpose,
            fix=fix,
        ))


# --- USB -----------------------------------------------------------------------------------

# Windows XP/7 have no xHCI driver and very old systems only know UHCI (USB 1.1): for them the
# classic PIIX3 UHCI controller, whose tablet and storage work everywhere.
_UHCI_PRESETS = frozenset({OsPreset.WINDOWS_OLD, OsPreset.OTHER})


@dataclass(frozen=True)
class UsbController:
    driver: str
    id: str

    @property
    def bus(self) -> str:
        return f"{self.id}.0"


def usb_controller(spec: VmSpec) -> UsbController:
    if spec.os in _UHCI_PRESETS:
        return UsbController("piix3-usb-uhci", "usb")
    return UsbController("qemu-xhci", "xhci")


def usb_args(spec: VmSpec, caps: QemuCaps, controller: UsbController) -> list[str]:
    """The controller, and the tablet when `spec.usb` (absolute pointer: no mouse grab)."""
    require(caps, controller.driver, Message(
        QT_TRANSLATE_NOOP("core.argv_devices", "the USB controller"),
    ), Message(QT_TRANSLATE_NOOP("core.argv_devices", "turn USB off in the VM's settings")))
    args = ["-device", opts(controller.driver, ("id", controller.id))]
    if spec.usb:
        require(caps, "usb-tablet", Message(
            QT_TRANSLATE_NOOP("core.argv_devices", "the USB tablet"),
        ), Message(QT_TRANSLATE_NOOP("core.argv_devices", "turn USB off in the VM's settings")))
        args += ["-device", opts("usb-tablet", ("bus", controller.bus), ("id", "tablet0"))]
    return args


# --- Network -------------------------------------------------------------------------------

NIC_DEVICES: dict[NicModel, str] = {
    NicModel.VIRTIO: "virtio-net-pci",
    NicModel.E1000: "e1000",
    NicModel.RTL8139: "rtl8139",
}


def network_args(spec: VmSpec, caps: QemuCaps, smb: str | None = None) -> list[str]:
    """`smb`: the folder QEMU's SMB server offers the guest (core.argv_shares.smb_folder)."""
    net = spec.network
    if net.mode is NetMode.NONE:
        return ["-nic", "none"]
    seen: set[tuple[str, int]] = set()
    rules: list[tuple[str, str]] = []
    for fwd in net.forwards:
        for port in (fwd.host_port, fwd.guest_port):
            if not 1 <= port <= 65535:
                raise DeviceError(
                    Message(
                        QT_TRANSLATE_NOOP(
                            "core.argv_devices",
                            "The port forward {host_port} → {guest_port} uses port {port}, but "
                            "ports go from 1 to 65535.",
                        ),
                        host_port=fwd.host_port,
                        guest_port=fwd.guest_port,
                        port=port,
                    )
                )
        key = (fwd.protocol.value, fwd.host_port)
        if key in seen:
            raise DeviceError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core.argv_devices",
                        "Host port {host_port} ({protocol}) is forwarded twice; remove one of "
                        "the two forwards.",
                    ),
                    host_port=fwd.host_port,
                    protocol=fwd.protocol.value.upper(),
                )
            )
        seen.add(key)
        # Always name 127.0.0.1: an empty host address makes QEMU listen on all interfaces.
        rules.append(
            ("hostfwd", f"{fwd.protocol.value}:127.0.0.1:{fwd.host_port}-:{fwd.guest_port}")
        )
    nic = NIC_DEVICES[net.nic]
    require(caps, nic, Message(QT_TRANSLATE_NOOP("core.argv_devices", "the network card")), Message(
        QT_TRANSLATE_NOOP("core.argv_devices", "choose another network card model"),
    ))
    return [
        "-netdev",
        opts("user", ("id", "net0"), *rules, ("smb", smb)),
        "-device",
        opts(nic, ("netdev", "net0"), ("id", "nic0")),
    ]


# --- Sound ---------------------------------------------------------------------------------

AUDIODEV_ID = "snd0"


def audio_driver(host: HostFacts, caps: QemuCaps) -> str:
    """The host's driver when this QEMU has it, else `none` (e.g. `pipewire` before 8.1).

    Never another sound server: with `pa` and no PulseAudio server QEMU refuses to start.
    """
    wanted = host.audio_driver or "none"
    if caps.audio_drivers and wanted not in caps.audio_drivers:
        return "none"
    return wanted


def sound_args(spec: VmSpec, host: HostFacts, caps: QemuCaps) -> list[str]:
    if not spec.sound:
        return []
    controller = "ich9-intel-hda" if spec.machine is MachineType.Q35 else "intel-hda"
    fix = Message(QT_TRANSLATE_NOOP("core.argv_devices", "turn sound off in the VM's settings"))
    require(caps, controller, "sound", fix)
    require(caps, "hda-duplex", "sound", fix)
    return [
        "-audiodev",
        opts(audio_driver(host, caps), ("id", AUDIODEV_ID)),
        "-device",
        opts(controller, ("id", "hda")),
        # From 8.2 a codec without audiodev= no longer falls back to the first backend.
        "-device",
        opts("hda-duplex", ("bus", "hda.0"), ("audiodev", AUDIODEV_ID)),
    ]


# --- Video and display ---------------------------------------------------------------------

VIDEO_DEVICES: dict[VideoModel, str] = {
    VideoModel.STD: "VGA",
    VideoModel.VIRTIO: "virtio-vga",
    VideoModel.QXL: "qxl-vga",
    VideoModel.CIRRUS: "cirrus-vga",
}


def display_args(spec: VmSpec, caps: QemuCaps, run: VmRuntimePaths) -> list[str]:
    display = spec.display
    video = VIDEO_DEVICES[display.video]
    require(caps, video, Message(
        QT_TRANSLATE_NOOP("core.argv_devices", "the chosen video card"),
    ), Message(QT_TRANSLATE_NOOP("core.argv_devices", "choose the standard video card")))
    # No window of QEMU's own: the app shows the console; VNC and SPICE still work.
    args = ["-device", opts(video, ("id", "video0")), "-display", "none"]
    if display.kind is DisplayKind.VNC:
        # A unix socket: nothing listens on the network and other users cannot connect.
        # password=on: clients must authenticate; the runtime sets the password over QMP.
        args += [
            "-vnc",
            opts(f"unix:{_escaped(run.vnc_socket)}", ("password", display.password or None)),
        ]
    elif display.kind is DisplayKind.SPICE:
        # SPICE support is a build option; its audio driver is listed exactly when it is there.
        if caps.audio_drivers and "spice" not in caps.audio_drivers:
            raise DeviceError(Message(
                QT_TRANSLATE_NOOP(
                    "core.argv_devices",
                    "This QEMU was built without SPICE; choose the VNC display.",
                ),
            ))
        # Without disable-ticketing and without a password nobody can connect until the
        # runtime sets one over QMP (set_password); `-spice password=` is gone in 8.0.
        args += [
            "-spice",
            opts(
                None,
                ("unix", True),
                ("addr", str(run.spice_socket)),
                ("disable-ticketing", None if display.password else True),
            ),
        ]
    return args + clipboard_args(spec, caps)


def _escaped(path: Path) -> str:
    return str(path).replace(",", ",,")


# The first QEMU with the qemu-vdagent chardev (its own agent end for VNC clients).
_QEMU_VDAGENT_VERSION = (6, 1, 0)
# The port name spice-vdagent looks for in the guest.
VDAGENT_PORT = "com.redhat.spice.0"


def clipboard_args(spec: VmSpec, caps: QemuCaps) -> list[str]:
    """The guest agent channel that carries the clipboard, only when the user shares it.

    SPICE: the agent talks to the SPICE client (`spicevmc`). VNC: QEMU plays the agent's
    other end itself (`qemu-vdagent`) and relays the text to VNC clients that ask for
    QEMU's extended clipboard. Without sharing there is no agent port at all, so nothing
    in the guest can reach the host clipboard. `mouse=off`: the console keeps driving the
    pointer through the USB tablet as without the agent.
    """
    display = spec.display.kind
    if not spec.clipboard or display is DisplayKind.NONE:
        return []
    fix = Message(QT_TRANSLATE_NOOP("core.argv_devices", "turn clipboard sharing off"))
    purpose = Message(QT_TRANSLATE_NOOP("core.argv_devices", "clipboard sharing"))
    require(caps, "virtio-serial-pci", purpose, fix)
    require(caps, "virtserialport", purpose, fix)
    if display is DisplayKind.SPICE:
        chardev = opts("spicevmc", ("id", "vdagent"), ("name", "vdagent"))
    else:
        if caps.version < _QEMU_VDAGENT_VERSION:
            raise DeviceError(Message(
                QT_TRANSLATE_NOOP(
                    "core.argv_devices",
                    "Clipboard sharing over VNC needs QEMU {needed} or newer (this is "
                    "{version}); turn clipboard sharing off.",
                ),
                needed=".".join(map(str, _QEMU_VDAGENT_VERSION)),
                version=".".join(map(str, caps.version)),
            ))
        chardev = opts(
            "qemu-vdagent",
            ("id", "vdagent"),
            ("name", "vdagent"),
            ("clipboard", True),
            ("mouse", False),
        )
    return [
        "-device",
        opts("virtio-serial-pci", ("id", "vser0")),
        "-chardev",
        chardev,
        "-device",
        opts("virtserialport", ("bus", "vser0.0"), ("chardev", "vdagent"), ("name", VDAGENT_PORT)),
    ]


# --- TPM -----------------------------------------------------------------------------------


def swtpm_socket(run: VmRuntimePaths) -> Path:
    """The control socket swtpm listens on and QEMU connects to."""
    return run.dir / "swtpm.sock"


def swtpm_pidfile(run: VmRuntimePaths) -> Path:
    return run.dir / "swtpm.pid"


def swtpm_log(folder: VmFolder) -> Path:
    return folder.logs / "swtpm.log"


def _no_comma(path: Path, what: str) -> str:
    # swtpm's option parser has no escape for commas (checked with swtpm 0.7.1).
    text = str(path)
    if "," in text:
        raise DeviceError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core.argv_devices",
                    "The TPM emulator cannot use {what} {text} because its path contains a "
                    "comma; rename the VM's folder without commas.",
                ),
                what=what,
                text=text,
            )
        )
    return text


def swtpm_argv(run: VmRuntimePaths, folder: VmFolder, swtpm_binary: str = "swtpm") -> list[str]:
    """The command that starts this VM's TPM emulator; run it before QEMU.

    The state (the guest's keys, BitLocker's secrets) lives in the VM's folder so it moves
    with the VM; the socket lives in the private runtime folder. `--terminate` makes swtpm
    exit when QEMU closes the connection, so it never outlives the VM. The runtime creates
    `folder.tpm_dir` and `folder.logs` first.
    """
    state_dir = _no_comma(folder.tpm_dir, Message(
        QT_TRANSLATE_NOOP("core.argv_devices", "the folder"),
    ))
    log = _no_comma(swtpm_log(folder), Message(
        QT_TRANSLATE_NOOP("core.argv_devices", "the log file"),
    ))
    sock = _no_comma(swtpm_socket(run), Message(
        QT_TRANSLATE_NOOP("core.argv_devices", "the socket"),
    ))
    pid = _no_comma(swtpm_pidfile(run), Message(
        QT_TRANSLATE_NOOP("core.argv_devices", "the pidfile"),
    ))
    return [
        swtpm_binary,
        "socket",
        "--tpm2",
        "--tpmstate",
        f"dir={state_dir},mode=0600",
        "--ctrl",
        f"type=unixio,path={sock}",
        "--log",
        f"file={log},level=1",
        "--pid",
        f"file={pid}",
        "--terminate",
    ]


def tpm_args(caps: QemuCaps, host: HostFacts, run: VmRuntimePaths, folder: VmFolder) -> list[str]:
    if not host.swtpm:
        raise DeviceError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core.argv_devices",
                    "This VM needs a TPM, which needs the swtpm emulator; install it with: sudo "
                    "apt install swtpm",
                ),
            )
        )
    require(caps, "tpm-tis", Message(QT_TRANSLATE_NOOP("core.argv_devices", "the TPM")), Message(
        QT_TRANSLATE_NOOP("core.argv_devices", "turn the TPM off in the VM's settings"),
    ))
    swtpm_argv(run, folder, host.swtpm)  # fail now, not after QEMU is half set up
    return [
        "-chardev",
        opts("socket", ("id", "tpmchr"), ("path", str(swtpm_socket(run)))),
        "-tpmdev",
        opts("emulator", ("id", "tpm0"), ("chardev", "tpmchr")),
        "-device",
        opts("tpm-tis", ("tpmdev", "tpm0"), ("id", "tpm")),
    ]


# --- Helpers for the guest -----------------------------------------------------------------

# Guests that ship virtio drivers: an entropy source speeds up their boot, and the balloon
# device reports the guest's memory use (and lets the host reclaim free memory).
_VIRTIO_GUESTS = frozenset({OsPreset.LINUX, OsPreset.BSD})


def guest_helper_args(spec: VmSpec, caps: QemuCaps) -> list[str]:
    if spec.os not in _VIRTIO_GUESTS:
        return []
    args: list[str] = []
    if caps.has_device("virtio-rng-pci"):
        args += ["-device", opts("virtio-rng-pci", ("id", "rng0"))]
    if caps.has_device("virtio-balloon-pci"):
        args += ["-device", opts("virtio-balloon-pci", ("id", "balloon0"))]
    return args
