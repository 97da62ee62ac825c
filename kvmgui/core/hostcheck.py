"""The host check: raw facts about this computer, and the findings and decisions made from them.

This is the wiki's `kvm-ok` plus its "add yourself to the kvm group" step, done properly:
`kvm-ok` only looks for the vmx/svm CPU flag and for /dev/kvm, so it misses permission problems,
another hypervisor holding VT-x, and KVM flavours that cannot run ordinary guests (kvm_pvm).
kvmgui.runtime.host_probe gathers a `HostProbeResult` (it opens /dev/kvm and really asks it to
create a VM); everything here is pure, so every combination of facts is unit-tested.

Every finding leads with one plain sentence a novice understands (`message`) and what to do
(`fix`); the technical facts behind it (module names, CPU flags, device paths, error codes) are
in `details`, which front ends show only on request. `merge_findings` folds findings that share
a fix into one, so a host whose BIOS switch is off is told to flip it once, not five times.

Status meanings, so a front end can colour and count them consistently:
  OK       - this part is fine.
  WARNING  - VMs still run, but slower or without some feature (no KVM -> TCG, no OVMF -> no UEFI).
  FAILURE  - kvmgui cannot create or run VMs until this is fixed (no QEMU, no qemu-img).
  INFO     - worth knowing, nothing to fix (running nested, SPICE viewer missing).
"""

from __future__ import annotations

import errno as _errno
import os
import re
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from kvmgui.core.host import HostFacts
from kvmgui.core.messages import QT_TRANSLATE_NOOP, SENTENCE, Message, capitalised, joined
from kvmgui.core.model import Accel
from kvmgui.core.sizes import Size


class Status(StrEnum):
    OK = "ok"
    WARNING = "warning"
    FAILURE = "failure"
    INFO = "info"


@dataclass(frozen=True)
class Finding:
    key: str  # stable id, e.g. "dev-kvm"; front ends and --json consumers match on it
    status: Status
    title: str  # a few words, e.g. "Hardware acceleration"
    message: str  # one plain sentence a novice understands, without jargon
    fix: str = ""  # the exact command to run or action to take; "" when nothing to do
    details: str = ""  # the technical facts behind the message (kvm_pvm, vmx/svm, /dev/kvm, errno)
    # Findings folded into this one by merge_findings because they share its fix.
    also: tuple[Finding, ...] = ()

    @property
    def fix_is_command(self) -> bool:
        """The fix is a command to paste into a terminal (not an action to take)."""
        return self.fix.startswith("sudo ")


# The order findings come out of evaluate(); every key is always present.
FINDING_KEYS: tuple[str, ...] = (
    "accel",
    "cpu-virt",
    "kvm-module",
    "dev-kvm",
    "kvm-usable",
    "kvm-group",
    "vbox",
    "nested",
    "qemu",
    "qemu-img",
    "ovmf",
    "swtpm",
    "remote-viewer",
    "free-space",
    "audio",
)

# Kernel modules whose presence matters. kvm_pvm is a KVM flavour for "pagetable-based virtual
# machines": it creates /dev/kvm without VT-x/AMD-V but only runs specially prepared guest
# kernels, so ordinary guests hang under it.
INTERESTING_MODULES: tuple[str, ...] = (
    "kvm",
    "kvm_intel",
    "kvm_amd",
    "kvm_pvm",
    "vboxdrv",  # VirtualBox
    "vmmon",  # VMware
)

KVM_API_VERSION = 12  # the only API version Linux has reported since 2.6.22

# (code, vars template) pairs, best first. Debian/Ubuntu's `ovmf` ships both the 4 MiB and the
# older 2 MiB builds in /usr/share/OVMF; the firmware descriptor Debian installs
# (/usr/share/qemu/firmware/60-edk2-x86_64.json) points at the 4 MiB pair. A code file only works
# with the vars file of the same build, hence pairs.
OVMF_CANDIDATES: tuple[tuple[str, str], ...] = (
    ("/usr/share/OVMF/OVMF_CODE_4M.fd", "/usr/share/OVMF/OVMF_VARS_4M.fd"),
    ("/usr/share/OVMF/OVMF_CODE.fd", "/usr/share/OVMF/OVMF_VARS.fd"),
    ("/usr/share/edk2/ovmf/OVMF_CODE.fd", "/usr/share/edk2/ovmf/OVMF_VARS.fd"),  # Fedora
    ("/usr/share/edk2/x64/OVMF_CODE.4m.fd", "/usr/share/edk2/x64/OVMF_VARS.4m.fd"),  # Arch
)

MIN_QEMU_VERSION = (7, 2, 0)
# Below this the VM folder cannot hold an installed guest of any modern OS; qcow2 grows as the
# guest writes, so a "big enough at creation" check is not enough.
LOW_FREE_SPACE_BYTES = 10 * 1024**3

APT_QEMU = "sudo apt install qemu-system-x86"
APT_QEMU_IMG = "sudo apt install qemu-utils"
APT_OVMF = "sudo apt install ovmf"
APT_SWTPM = "sudo apt install swtpm"
APT_VIEWER = "sudo apt install virt-viewer"
APT_PIPEWIRE_PULSE = "sudo apt install pipewire-pulse"
# The package that holds QEMU's PulseAudio driver (audio-pa.so) on Debian and Ubuntu, when QEMU
# itself does not name one; Debian's QEMU does ("module audio-audio-pa not found, do you want to
# install qemu-system-gui package?").
QEMU_AUDIO_PACKAGE = "qemu-system-gui"
ADD_TO_KVM_GROUP = "sudo adduser $USER kvm"  # $USER literally: the line is meant to be copied
LOG_OUT_AND_IN = Message(QT_TRANSLATE_NOOP("core.hostcheck", "Log out and back in (or restart the "
    "computer)."))
FIRMWARE_FIX = (
    Message(QT_TRANSLATE_NOOP("core.hostcheck", "Turn on virtualization (VT-x/AMD-V) in the "
        "computer's BIOS/UEFI settings, then restart."))
)
NESTED_FIX = (
    Message(QT_TRANSLATE_NOOP("core.hostcheck", "This computer is itself a virtual machine: turn "
        "on nested virtualization for it in the program that runs it."))
)


@dataclass(frozen=True)
class HostProbeResult:
    """Raw facts, as measured; no judgement. Defaults describe a host where nothing was found."""

    # CPU (/proc/cpuinfo)
    cpu_vmx: bool = False  # Intel VT-x flag
    cpu_svm: bool = False  # AMD-V flag
    cpu_hypervisor: bool = False  # the "hypervisor" flag: this computer is itself a VM
    cpu_count: int = 1
    # Loaded kernel modules among INTERESTING_MODULES; None when neither /proc/modules nor
    # /sys/module could be read (then nothing is concluded from their absence).
    modules: frozenset[str] | None = None
    kvm_enable_virt_at_load: bool | None = None  # /sys/module/kvm/parameters (Linux >= 6.12)
    kernel_release: str = ""
    # /dev/kvm
    dev_kvm_exists: bool = False
    dev_kvm_is_char: bool = False
    dev_kvm_mode: int | None = None  # permission bits only, e.g. 0o660
    dev_kvm_group: str | None = None  # group name (or the numeric gid as text)
    kvm_open_errno: int | None = None  # errno of open(O_RDWR); None when it opened or wasn't tried
    kvm_api_version: int | None = None  # KVM_GET_API_VERSION result; None when not reached
    kvm_create_vm_errno: int | None = None  # errno of KVM_CREATE_VM; None when fine or not tried
    kvm_create_vm_ok: bool = False  # KVM_CREATE_VM returned a VM fd
    # Users and groups
    user: str = ""
    is_root: bool = False
    kvm_group_exists: bool = False
    in_kvm_group_listed: bool = False  # /etc/group (or the primary group) says so
    in_kvm_group_session: bool = False  # os.getgroups() of this login session says so
    # Running inside a VM
    dmi_product_name: str | None = None
    # Programs
    qemu_path: str | None = None
    qemu_version: tuple[int, int, int] | None = None
    qemu_version_text: str = ""  # first line of --version, or why it could not be read
    qemu_img_path: str | None = None
    qemu_img_version: tuple[int, int, int] | None = None
    qemu_img_version_text: str = ""
    ovmf_code: str | None = None
    ovmf_vars: str | None = None
    swtpm_path: str | None = None
    # virtiofsd as QEMU's vhost-user descriptors name it; `virtiofsd_legacy`: QEMU 7.2's C
    # program (`-o source=`), `virtiofsd_readonly`: it has a read-only mode.
    virtiofsd_path: str | None = None
    virtiofsd_legacy: bool = False
    virtiofsd_readonly: bool = False
    # newuidmap and newgidmap (package uidmap): the newer virtiofsd maps a normal user's own
    # ids into its sandbox's user namespace with them.
    uidmap_tools: bool = False
    # Whether "/" is a mount point of this process's view (it is not in a chroot): virtiofsd's
    # sandbox and libvirt's namespaces remount it, and fail when it is not.
    root_is_mount: bool = True
    smbd_path: str | None = None
    remote_viewer_path: str | None = None
    # Storage, sound, memory
    vm_root: str = ""
    free_space_path: str = ""  # the nearest existing folder at or above vm_root
    free_bytes: int | None = None
    pulse_socket: str | None = None
    pipewire_socket: str | None = None
    # The -audiodev drivers the installed QEMU lists; None when QEMU could not be asked.
    qemu_audio_drivers: frozenset[str] | None = None
    # The package QEMU itself names for its missing PulseAudio module (Debian's QEMU does).
    qemu_pa_package: str | None = None
    mem_total_kib: int = 0
    mem_available_kib: int = 0


@dataclass(frozen=True)
class HostReport:
    """What the doctor shows: the findings, what `auto` means, and the argv builder's facts."""

    raw: HostProbeResult
    findings: list[Finding] = field(default_factory=list)  # one per key in FINDING_KEYS
    merged: list[Finding] = field(default_factory=list)  # what to show: merge_findings(findings)
    accel: Accel = Accel.TCG
    accel_reason: str = ""
    facts: HostFacts = field(default_factory=HostFacts)


# --------------------------------------------------------------------------- parsers (pure)


def parse_cpu_flags(cpuinfo: str) -> frozenset[str]:
    """The flags of the first CPU in /proc/cpuinfo (all CPUs of one host share them)."""
    for line in cpuinfo.splitlines():
        name, sep, value = line.partition(":")
        if sep and name.strip() == "flags":
            return frozenset(value.split())
    return frozenset()


def count_cpus(cpuinfo: str) -> int:
    return sum(1 for line in cpuinfo.splitlines() if line.split(":")[0].strip() == "processor")


def parse_proc_modules(text: str) -> frozenset[str]:
    """Module names from /proc/modules (first column; the same list `lsmod` prints)."""
    return frozenset(line.split()[0] for line in text.splitlines() if line.strip())


def parse_meminfo(text: str) -> dict[str, int]:
    """/proc/meminfo as {field: kibibytes}, e.g. {"MemTotal": 24684084, ...}."""
    values: dict[str, int] = {}
    for line in text.splitlines():
        name, sep, rest = line.partition(":")
        parts = rest.split()
        if sep and parts and parts[0].isdigit():
            values[name.strip()] = int(parts[0])
    return values


def parse_group_file(text: str, group: str) -> tuple[int, frozenset[str]] | None:
    """(gid, members) of `group` in an /etc/group-format text, or None when it is not listed."""
    for line in text.splitlines():
        fields = line.split(":")
        if len(fields) >= 4 and fields[0] == group and fields[2].isdigit():
            return int(fields[2]), frozenset(m for m in fields[3].split(",") if m)
    return None


_TOOL_VERSION_RE = re.compile(r"version (\d+)\.(\d+)(?:\.(\d+))?")


def parse_tool_version(text: str) -> tuple[int, int, int] | None:
    """`QEMU emulator version 7.2.22 (…)` or `qemu-img version 7.2.22 (…)` -> (7, 2, 22)."""
    m = _TOOL_VERSION_RE.search(text)
    if not m:
        return None
    return int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)


def parse_kernel_release(release: str) -> tuple[int, int]:
    """"6.18.44-fc-v669" -> (6, 18); (0, 0) when unreadable."""
    m = re.match(r"(\d+)\.(\d+)", release)
    return (int(m.group(1)), int(m.group(2))) if m else (0, 0)


# --------------------------------------------------------------------------- decisions


def _has_module(raw: HostProbeResult, name: str) -> bool:
    return raw.modules is not None and name in raw.modules


def _vendor_module(raw: HostProbeResult) -> str:
    """The KVM module this CPU needs (kvm_amd for AMD-V, otherwise kvm_intel)."""
    return "kvm_amd" if raw.cpu_svm and not raw.cpu_vmx else "kvm_intel"


def _pvm_only(raw: HostProbeResult) -> bool:
    """kvm_pvm is the only KVM flavour loaded (positively known, never guessed)."""
    return (
        _has_module(raw, "kvm_pvm")
        and not _has_module(raw, "kvm_intel")
        and not _has_module(raw, "kvm_amd")
    )


def _has_virt_flag(raw: HostProbeResult) -> bool:
    return raw.cpu_vmx or raw.cpu_svm


def _no_flag_fix(raw: HostProbeResult) -> str:
    return NESTED_FIX if raw.cpu_hypervisor else FIRMWARE_FIX


def _errno_text(code: int) -> str:
    name = _errno.errorcode.get(code, str(code))
    return f"{os.strerror(code)} ({name})"


def _denied(raw: HostProbeResult) -> tuple[str, str, str]:
    """(why, fix, hint) for "you may not open /dev/kvm", depending on the kvm group situation.

    `why` is a state ("you are not in the kvm group"), `fix` the command or action, `hint` what
    to do after the fix (joining a group only counts from the next login).
    """
    if raw.in_kvm_group_listed and not raw.in_kvm_group_session:
        return (
            Message(QT_TRANSLATE_NOOP("core.hostcheck", "you are in the kvm group, but this login "
                "session started before you were added")), LOG_OUT_AND_IN,
            "",
        )
    if raw.in_kvm_group_session or raw.is_root:
        # In the group and still refused: the device itself has the wrong owner or mode.
        owner = raw.dev_kvm_group or "?"
        mode = f"{raw.dev_kvm_mode:04o}" if raw.dev_kvm_mode is not None else "?"
        return (
            Message(QT_TRANSLATE_NOOP("core.hostcheck", "it belongs to group {owner} with mode "
                "{mode}, which the kvm group cannot open"), owner=owner, mode=mode),
            "sudo chgrp kvm /dev/kvm && sudo chmod 660 /dev/kvm",
            "",
        )
    return (
        Message(QT_TRANSLATE_NOOP("core.hostcheck", "you are not in the kvm group")),
        ADD_TO_KVM_GROUP,
        Message(QT_TRANSLATE_NOOP("core.hostcheck", "after adding yourself, log out and back in")))


def _flag_blocker(raw: HostProbeResult) -> tuple[str, str] | None:
    """Why the CPU side rules KVM out, as (clause, fix); None when vmx/svm is there."""
    if _has_virt_flag(raw):
        return None
    if _pvm_only(raw):
        clause = (
            Message(QT_TRANSLATE_NOOP("core.hostcheck", "the CPU shows no VT-x/AMD-V flag "
                "(vmx/svm) and the loaded KVM module is kvm_pvm, which cannot run ordinary guests"))
        )
    elif raw.cpu_hypervisor:
        clause = (
            Message(QT_TRANSLATE_NOOP("core.hostcheck", "this computer is a virtual machine "
                "without nested virtualization (its CPU shows no VT-x/AMD-V flag, vmx/svm)"))
        )
    else:
        clause = (
            Message(QT_TRANSLATE_NOOP("core.hostcheck", "the CPU shows no VT-x/AMD-V flag "
                "(vmx/svm): virtualization is switched off in the firmware settings or the CPU "
                "lacks it"))
        )
    return clause, _no_flag_fix(raw)


def _device_blocker(raw: HostProbeResult) -> tuple[str, str] | None:
    """Why /dev/kvm itself cannot create VMs, as (clause, fix); None when it can.

    Checked in the order of the probe (exists, open, version, create VM): the first failure is
    the one to fix first.
    """
    module = _vendor_module(raw)
    if not raw.dev_kvm_exists:
        if not _has_virt_flag(raw):
            return Message(
                QT_TRANSLATE_NOOP("core.hostcheck", "/dev/kvm does not exist"),
            ), _no_flag_fix(raw)
        return (
            Message(QT_TRANSLATE_NOOP("core.hostcheck", "/dev/kvm does not exist because the "
                "{module} module is not loaded"), module=module),
            f"sudo modprobe {module}",
        )
    if not raw.dev_kvm_is_char:
        return Message(
            QT_TRANSLATE_NOOP("core.hostcheck", "/dev/kvm is not a device file"),
        ), f"sudo modprobe {module}"
    if raw.kvm_open_errno in (_errno.EACCES, _errno.EPERM):
        why, fix, _hint = _denied(raw)
        return Message(QT_TRANSLATE_NOOP("core.hostcheck", "you are not allowed to use /dev/kvm "
            "because {why}"), why=why), fix
    if raw.kvm_open_errno is not None:
        return (
            Message(QT_TRANSLATE_NOOP("core.hostcheck", "/dev/kvm could not be opened "
                "({kvm_open_errno})"), kvm_open_errno=_errno_text(raw.kvm_open_errno)),
            f"sudo modprobe -r {module} && sudo modprobe {module}",
        )
    if raw.kvm_api_version is None:
        return Message(QT_TRANSLATE_NOOP("core.hostcheck", "/dev/kvm did not answer the KVM "
            "version query")), ""
    if raw.kvm_api_version != KVM_API_VERSION:
        return (
            Message(QT_TRANSLATE_NOOP("core.hostcheck", "/dev/kvm reports KVM API version "
                "{version} instead of {expected}"), version=raw.kvm_api_version,
                expected=KVM_API_VERSION),
            "",
        )
    if raw.kvm_create_vm_errno == _errno.EBUSY:
        return (
            Message(QT_TRANSLATE_NOOP("core.hostcheck", "another hypervisor (VirtualBox or "
                "VMware) is holding VT-x/AMD-V")),
            _busy_fix(raw),
        )
    if not raw.kvm_create_vm_ok:
        detail = (
            _errno_text(raw.kvm_create_vm_errno)
            if raw.kvm_create_vm_errno is not None
            else Message(QT_TRANSLATE_NOOP("core.hostcheck", "no answer"))
        )
        return Message(QT_TRANSLATE_NOOP("core.hostcheck", "KVM could not create a virtual "
            "machine ({detail})"), detail=detail), ""
    return None


def _pvm_blocker(raw: HostProbeResult) -> tuple[str, str] | None:
    """kvm_pvm answers every ioctl, but ordinary guests hang under it."""
    if not _pvm_only(raw):
        return None
    fix = _no_flag_fix(raw) if raw.cpu_hypervisor else f"sudo modprobe {_vendor_module(raw)}"
    return Message(QT_TRANSLATE_NOOP("core.hostcheck", "the loaded KVM module is kvm_pvm, which "
        "cannot run ordinary guests")), fix


def _kvm_blocker(raw: HostProbeResult) -> tuple[str, str] | None:
    """The first reason KVM cannot run ordinary guests here, as (clause, fix); None if it can."""
    return _flag_blocker(raw) or _device_blocker(raw) or _pvm_blocker(raw)


def _opening(clause: str) -> str:
    """`clause` put at the start of a sentence (upper-cased once translated too)."""
    if isinstance(clause, Message):
        return capitalised(clause)
    return clause[:1].upper() + clause[1:]


def _sentence(clause: str) -> Message:
    return Message(QT_TRANSLATE_NOOP("core.hostcheck", "{clause}."), clause=_opening(clause))


def _busy_fix(raw: HostProbeResult) -> str:
    if _has_module(raw, "vboxdrv"):
        # Quitting VirtualBox is enough on kernels before 6.12; unloading always works.
        return "sudo modprobe -r vboxnetadp vboxnetflt vboxdrv"
    if _has_module(raw, "vmmon"):
        return "sudo modprobe -r vmnet vmmon"
    return Message(QT_TRANSLATE_NOOP("core.hostcheck", "Quit VirtualBox or VMware and try again."))


def auto_accel(raw: HostProbeResult) -> tuple[Accel, str]:
    """The accelerator `auto` resolves to on this host and why, as one sentence.

    KVM only when the CPU shows vmx/svm AND /dev/kvm really created a VM: /dev/kvm alone is not
    enough (kvm_pvm provides it without being able to run ordinary guests).
    """
    blocker = _kvm_blocker(raw)
    if blocker is None:
        flag = Message(
            QT_TRANSLATE_NOOP("core.hostcheck", "VT-x (vmx)"),
        ) if raw.cpu_vmx else Message(QT_TRANSLATE_NOOP("core.hostcheck", "AMD-V (svm)"))
        return Accel.KVM, (
            Message(QT_TRANSLATE_NOOP("core.hostcheck", "The CPU has {flag} and /dev/kvm can "
                "create virtual machines, so auto uses KVM and guests run at nearly native speed."),
                flag=flag)
        )
    clause, _fix = blocker
    return Accel.TCG, (
        Message(QT_TRANSLATE_NOOP("core.hostcheck", "{reason}, so auto uses TCG (software "
            "emulation) and guests will run much slower."), reason=_opening(clause))
    )


def audio_driver(raw: HostProbeResult) -> str:
    """The -audiodev driver for this session.

    `pa` only when the PulseAudio socket exists (pipewire-pulse provides it too) and the installed
    QEMU has the `pa` driver: with `pa` and no server, or a QEMU without the module, QEMU refuses
    to start. QEMU 7.2 has no `pipewire` driver. `alsa` is never chosen automatically because
    without a sound card it fills the log with errors.
    """
    return "pa" if raw.pulse_socket and not _qemu_lacks_pa(raw) else "none"


def _qemu_lacks_pa(raw: HostProbeResult) -> bool:
    """QEMU was asked and does not list `pa` (Debian ships it in a separate package)."""
    return raw.qemu_audio_drivers is not None and "pa" not in raw.qemu_audio_drivers


def _qemu_audio_fix(raw: HostProbeResult) -> str:
    return f"sudo apt install {raw.qemu_pa_package or QEMU_AUDIO_PACKAGE}"


def sound_off_reason(raw: HostProbeResult) -> str:
    """Why guests get no sound here, as one plain sentence; "" when sound plays."""
    if audio_driver(raw) != "none":
        return ""
    return _audio_finding(raw).message


def host_facts(raw: HostProbeResult) -> HostFacts:
    accel, reason = auto_accel(raw)
    total_mib = raw.mem_total_kib // 1024
    return HostFacts(
        kvm_usable=accel is Accel.KVM,
        kvm_reason=reason,
        cpu_count=max(1, raw.cpu_count),
        memory_mib=max(1, total_mib),
        available_memory_mib=max(1, raw.mem_available_kib // 1024 or total_mib),
        audio_driver=audio_driver(raw),
        audio_reason=sound_off_reason(raw),
        ovmf_code=raw.ovmf_code,
        ovmf_vars_template=raw.ovmf_vars,
        swtpm=raw.swtpm_path,
        **_virtiofsd_facts(raw),
        smbd=raw.smbd_path,
    )


def _virtiofsd_facts(raw: HostProbeResult) -> dict[str, Any]:
    if not raw.virtiofsd_path:
        return {}
    if not raw.root_is_mount:
        return {"virtiofsd_reason": Message(QT_TRANSLATE_NOOP(
            "core.hostcheck",
            "This system's root folder is not a mount point (kvmgui runs in a chroot or a "
            "container), where virtiofsd's sandbox cannot start, so the folder is shared with "
            "9p."))}
    if raw.virtiofsd_legacy and not raw.is_root:
        return {"virtiofsd_reason": Message(QT_TRANSLATE_NOOP(
            "core.hostcheck",
            "The installed virtiofsd (from QEMU 7.2) only runs as root, so the folder is "
            "shared with 9p; the newer virtiofsd package runs as a normal user."))}
    if not raw.virtiofsd_legacy and not raw.is_root and not raw.uidmap_tools:
        return {"virtiofsd_reason": Message(QT_TRANSLATE_NOOP(
            "core.hostcheck",
            "virtiofsd needs newuidmap to run as a normal user, so the folder is shared with "
            "9p; install it with: sudo apt install uidmap"))}
    return {"virtiofsd": raw.virtiofsd_path, "virtiofsd_legacy": raw.virtiofsd_legacy,
            "virtiofsd_readonly": raw.virtiofsd_readonly}


def report(raw: HostProbeResult) -> HostReport:
    accel, reason = auto_accel(raw)
    findings = evaluate(raw)
    return HostReport(
        raw=raw,
        findings=findings,
        merged=merge_findings(findings),
        accel=accel,
        accel_reason=reason,
        facts=host_facts(raw),
    )


# --------------------------------------------------------------------------- findings

_STATUS_RANK = {Status.FAILURE: 0, Status.WARNING: 1, Status.INFO: 2, Status.OK: 3}


def status_rank(status: Status) -> int:
    """Problems first, then warnings, notes and what is fine."""
    return _STATUS_RANK[status]


def merge_findings(findings: list[Finding]) -> list[Finding]:
    """The findings to show, worst first, with those that share a fix folded into one.

    On a computer whose BIOS has virtualization switched off, the accelerator, the CPU, the KVM
    module and /dev/kvm all fail for that one reason; the user gets one entry that leads with
    the plain sentence of the most important of them and the fix once, the others kept in
    `also` for the details. Order is by status, then by FINDING_KEYS (the accelerator first).
    """
    ordered = sorted(findings, key=lambda f: status_rank(f.status))  # stable: keeps key order
    leads: list[Finding] = []
    by_fix: dict[str, int] = {}
    for f in ordered:
        at = by_fix.get(f.fix) if f.fix else None
        if at is None:
            if f.fix:
                by_fix[f.fix] = len(leads)
            leads.append(f)
        else:
            lead = leads[at]
            leads[at] = replace(lead, also=(*lead.also, replace(f, also=())))
    return leads


def evaluate(raw: HostProbeResult) -> list[Finding]:
    """One finding per key in FINDING_KEYS, in that order."""
    return [
        _accel_finding(raw),
        _cpu_finding(raw),
        _module_finding(raw),
        _dev_kvm_finding(raw),
        _usable_finding(raw),
        _group_finding(raw),
        _vbox_finding(raw),
        _nested_finding(raw),
        _program_finding(
            "qemu", "QEMU", "qemu-system-x86_64", raw.qemu_path, raw.qemu_version,
            raw.qemu_version_text, APT_QEMU,
        ),
        _program_finding(
            "qemu-img", "qemu-img", "qemu-img", raw.qemu_img_path, raw.qemu_img_version,
            raw.qemu_img_version_text, APT_QEMU_IMG,
        ),
        _ovmf_finding(raw),
        _swtpm_finding(raw),
        _viewer_finding(raw),
        _space_finding(raw),
        _audio_finding(raw),
    ]


ACCEL_TITLE = Message(QT_TRANSLATE_NOOP("core.hostcheck", "Hardware acceleration"))
# The plain sentences that lead the host check and the main window's banner.
KVM_OK = (
    Message(QT_TRANSLATE_NOOP("core.hostcheck", "This computer can use hardware acceleration, so "
        "virtual machines run at nearly full speed."))
)
KVM_SLOW = Message(QT_TRANSLATE_NOOP("core.hostcheck", "This computer can't use hardware "
    "acceleration, so virtual machines will run slowly."))


def _accel_finding(raw: HostProbeResult) -> Finding:
    accel, reason = auto_accel(raw)
    if accel is Accel.KVM:
        return Finding("accel", Status.OK, ACCEL_TITLE, KVM_OK, details=reason)
    blocker = _kvm_blocker(raw)
    return Finding(
        "accel", Status.WARNING, ACCEL_TITLE, KVM_SLOW, blocker[1] if blocker else "",
        details=reason,
    )


def _cpu_finding(raw: HostProbeResult) -> Finding:
    title = Message(QT_TRANSLATE_NOOP("core.hostcheck", "Processor"))
    if raw.cpu_vmx or raw.cpu_svm:
        flag = Message(
            QT_TRANSLATE_NOOP("core.hostcheck", "Intel VT-x (vmx flag)"),
        ) if raw.cpu_vmx else Message(QT_TRANSLATE_NOOP("core.hostcheck", "AMD-V (svm flag)"))
        return Finding(
            "cpu-virt", Status.OK, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
                "The processor supports hardware virtualization.")),
            details=Message(QT_TRANSLATE_NOOP("core.hostcheck", "The CPU supports {flag}."),
                flag=flag),
        )
    if raw.cpu_hypervisor:
        return Finding("cpu-virt", Status.WARNING, title, Message(
            QT_TRANSLATE_NOOP("core.hostcheck", "This computer is a virtual machine that does not "
                "pass hardware virtualization on to its own virtual machines.")), NESTED_FIX,
            details=Message(QT_TRANSLATE_NOOP("core.hostcheck", "The CPU shows the hypervisor "
                "flag but no VT-x/AMD-V flag (vmx/svm).")))
    return Finding("cpu-virt", Status.WARNING, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
        "Hardware virtualization is switched off in the BIOS/UEFI settings, or this processor "
        "does not have it.")), FIRMWARE_FIX,
        details=Message(QT_TRANSLATE_NOOP("core.hostcheck", "The CPU shows no VT-x/AMD-V flag "
            "(vmx/svm).")))


def _module_finding(raw: HostProbeResult) -> Finding:
    title = Message(QT_TRANSLATE_NOOP("core.hostcheck", "Virtualization driver"))
    if raw.modules is None:
        return Finding("kvm-module", Status.INFO, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
            "Could not tell whether the virtualization driver is loaded.")),
            details=Message(QT_TRANSLATE_NOOP("core.hostcheck", "Neither /proc/modules nor "
                "/sys/module could be read.")))
    for name in ("kvm_intel", "kvm_amd"):
        if name in raw.modules:
            return Finding(
                "kvm-module", Status.OK, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
                    "The virtualization driver is loaded.")),
                details=Message(QT_TRANSLATE_NOOP("core.hostcheck", "The {name} module is loaded."),
                    name=name),
            )
    if "kvm_pvm" in raw.modules:
        return Finding("kvm-module", Status.WARNING, title, Message(
            QT_TRANSLATE_NOOP("core.hostcheck", "The loaded virtualization driver cannot run "
                "ordinary operating systems.")),
            _no_flag_fix(raw) if not _has_virt_flag(raw) or raw.cpu_hypervisor
            else f"sudo modprobe {_vendor_module(raw)}",
            details=Message(QT_TRANSLATE_NOOP("core.hostcheck", "The loaded KVM module is "
                "kvm_pvm, a KVM flavour that only runs specially prepared guest kernels.")))
    if not _has_virt_flag(raw):
        return Finding("kvm-module", Status.WARNING, title, Message(
            QT_TRANSLATE_NOOP("core.hostcheck", "The virtualization driver is not loaded because "
                "the processor does not offer hardware virtualization.")),
            _no_flag_fix(raw),
            details=Message(QT_TRANSLATE_NOOP("core.hostcheck", "No KVM module (kvm_intel or "
                "kvm_amd) is loaded and the CPU shows no vmx/svm flag.")))
    module = _vendor_module(raw)
    return Finding(
        "kvm-module", Status.WARNING, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
            "The virtualization driver is not loaded.")),
        f"sudo modprobe {module}", details=Message(QT_TRANSLATE_NOOP("core.hostcheck",
            "The {module} module is not loaded."), module=module),
    )


def _dev_kvm_finding(raw: HostProbeResult) -> Finding:
    title = Message(QT_TRANSLATE_NOOP("core.hostcheck", "Virtualization device"))
    if not raw.dev_kvm_exists:
        fix = f"sudo modprobe {_vendor_module(raw)}" if _has_virt_flag(raw) else _no_flag_fix(raw)
        return Finding("dev-kvm", Status.WARNING, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
            "The virtualization device is missing, so hardware acceleration can't be used.")),
            fix, details=Message(QT_TRANSLATE_NOOP("core.hostcheck", "/dev/kvm does not exist.")))
    if not raw.dev_kvm_is_char:
        return Finding("dev-kvm", Status.WARNING, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
            "The virtualization device is broken, so hardware acceleration can't be used.")),
            f"sudo modprobe {_vendor_module(raw)}",
            details=Message(QT_TRANSLATE_NOOP("core.hostcheck", "/dev/kvm exists but is not a "
                "device file.")))
    mode = Message(QT_TRANSLATE_NOOP("core.hostcheck", ", mode {dev_kvm_mode}"),
        dev_kvm_mode=format(raw.dev_kvm_mode, '04o')) if raw.dev_kvm_mode is not None else ""
    group = Message(
        QT_TRANSLATE_NOOP("core.hostcheck", "group {dev_kvm_group}"),
        dev_kvm_group=raw.dev_kvm_group,
    ) if raw.dev_kvm_group else Message(QT_TRANSLATE_NOOP("core.hostcheck", "unknown group"))
    return Finding(
        "dev-kvm", Status.OK, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
            "The virtualization device exists.")),
        details=Message(QT_TRANSLATE_NOOP("core.hostcheck", "/dev/kvm exists ({group}{mode})."),
            group=group, mode=mode),
    )


def _device_plain(raw: HostProbeResult) -> str:
    """The plain sentence for _device_blocker's reason (which is what goes under Details)."""
    if raw.kvm_open_errno in (_errno.EACCES, _errno.EPERM):
        if raw.in_kvm_group_listed and not raw.in_kvm_group_session:
            return (
                Message(QT_TRANSLATE_NOOP("core.hostcheck", "You were added to the kvm group, but "
                    "that only counts after you log out and back in."))
            )
        if raw.in_kvm_group_session or raw.is_root:
            return Message(QT_TRANSLATE_NOOP("core.hostcheck", "The virtualization device has the "
                "wrong permissions, so nobody can use it."))
        return (
            Message(QT_TRANSLATE_NOOP("core.hostcheck", "You are not allowed to use hardware "
                "acceleration until you join the kvm group and log in again."))
        )
    if raw.kvm_create_vm_errno == _errno.EBUSY:
        return (
            Message(QT_TRANSLATE_NOOP("core.hostcheck", "Another virtualization program "
                "(VirtualBox or VMware) is using the processor's virtualization, so it can't be "
                "used here now."))
        )
    if raw.kvm_open_errno is not None:
        return Message(QT_TRANSLATE_NOOP("core.hostcheck", "The virtualization device could not "
            "be opened."))
    if raw.kvm_api_version != KVM_API_VERSION:
        return Message(QT_TRANSLATE_NOOP("core.hostcheck", "The virtualization device did not "
            "answer as expected."))
    return Message(QT_TRANSLATE_NOOP("core.hostcheck", "A test virtual machine could not be "
        "created."))


def _usable_finding(raw: HostProbeResult) -> Finding:
    title = Message(QT_TRANSLATE_NOOP("core.hostcheck", "Virtualization test"))
    if not raw.dev_kvm_exists or not raw.dev_kvm_is_char:
        return Finding("kvm-usable", Status.INFO, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
            "Not checked, because the virtualization device is missing.")))
    device = _device_blocker(raw)
    if device is not None:
        clause, fix = device
        if raw.kvm_open_errno in (_errno.EACCES, _errno.EPERM):
            hint = _denied(raw)[2]
            clause = joined([clause, hint]) if hint else clause
        elif raw.kvm_create_vm_errno == _errno.EBUSY:
            clause = Message(QT_TRANSLATE_NOOP("core.hostcheck", "{clause}, so KVM cannot create "
                "VMs until you quit it or unload its driver"), clause=clause)
        return Finding(
            "kvm-usable", Status.WARNING, title, _device_plain(raw), fix,
            details=_sentence(clause),
        )
    pvm = _pvm_blocker(raw)
    if pvm is not None:  # the device works, the guests would not
        return Finding("kvm-usable", Status.WARNING, title, Message(
            QT_TRANSLATE_NOOP("core.hostcheck", "A test virtual machine was created, but ordinary "
                "operating systems would not run in it.")),
            pvm[1],
            details=Message(QT_TRANSLATE_NOOP("core.hostcheck", "/dev/kvm created a test VM, but "
                "it belongs to kvm_pvm, which cannot run ordinary guests.")))
    return Finding(
        "kvm-usable", Status.OK, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
            "A test virtual machine was created successfully.")),
        details=Message(QT_TRANSLATE_NOOP("core.hostcheck", "/dev/kvm opened, reports API version "
            "{version} and created a test VM."), version=KVM_API_VERSION),
    )


def _group_finding(raw: HostProbeResult) -> Finding:
    title = Message(QT_TRANSLATE_NOOP("core.hostcheck", "kvm group"))
    if raw.is_root:
        return Finding("kvm-group", Status.OK, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
            "You are the administrator (root), so no group membership is needed.")))
    if not raw.kvm_group_exists:
        return Finding("kvm-group", Status.INFO, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
            "This system has no kvm group, so access is granted some other way.")))
    if raw.in_kvm_group_session:
        return Finding("kvm-group", Status.OK, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
            "You are in the kvm group.")))
    if raw.in_kvm_group_listed:
        return Finding("kvm-group", Status.WARNING, title, Message(
            QT_TRANSLATE_NOOP("core.hostcheck", "You were added to the kvm group, but this login "
                "session started before that.")), LOG_OUT_AND_IN,
        )
    if raw.kvm_open_errno is None and raw.dev_kvm_exists and raw.dev_kvm_is_char:
        # Debian's udev gives the console user an ACL on /dev/kvm (uaccess); SSH logins get none.
        return Finding("kvm-group", Status.INFO, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
            "You can use hardware acceleration from this desktop, but not over SSH unless you "
            "join the kvm group and log in again.")), fix=ADD_TO_KVM_GROUP,
            details=Message(QT_TRANSLATE_NOOP("core.hostcheck", "This desktop session reaches "
                "/dev/kvm through an access list (uaccess), which remote logins do not get.")))
    return Finding("kvm-group", Status.WARNING, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
        "You are not in the kvm group; after adding yourself, log out and back in.")),
        fix=ADD_TO_KVM_GROUP)


def _vbox_finding(raw: HostProbeResult) -> Finding:
    title = Message(QT_TRANSLATE_NOOP("core.hostcheck", "Other virtualization programs"))
    if _has_module(raw, "vboxdrv"):
        kvm_module = _vendor_module(raw)
        claims_early = parse_kernel_release(raw.kernel_release) >= (6, 12) and (
            raw.kvm_enable_virt_at_load is not False
        )
        if claims_early:
            # Since 6.12 KVM enables VT-x when its module loads, not when a VM starts.
            return Finding("vbox", Status.WARNING, title, Message(
                QT_TRANSLATE_NOOP("core.hostcheck", "VirtualBox cannot start its virtual machines "
                    "while this program's virtualization driver is loaded.")),
                Message(QT_TRANSLATE_NOOP("core.hostcheck", "To use VirtualBox, first run: sudo "
                    "modprobe -r {kvm_module} (or boot with kvm.enable_virt_at_load=0)"),
                    kvm_module=kvm_module),
                details=Message(QT_TRANSLATE_NOOP("core.hostcheck", "VirtualBox's vboxdrv driver "
                    "is loaded, and on Linux 6.12 or newer KVM holds VT-x/AMD-V from the moment "
                    "its module loads, so VirtualBox fails with VERR_VMX_IN_VMX_ROOT_MODE (or "
                    "VERR_SVM_IN_USE) while KVM is loaded, and KVM cannot start guests while a "
                    "VirtualBox VM runs.")))
        return Finding("vbox", Status.WARNING, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
            "VirtualBox and these virtual machines cannot run at the same time, so quit every "
            "VirtualBox machine before starting one here, and the other way round.")),
            Message(QT_TRANSLATE_NOOP("core.hostcheck", "Quit all VirtualBox virtual machines "
                "before starting one here.")),
            details=Message(QT_TRANSLATE_NOOP("core.hostcheck", "VirtualBox's vboxdrv driver is "
                "loaded.")))
    if _has_module(raw, "vmmon"):
        return Finding("vbox", Status.WARNING, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
            "VMware and these virtual machines cannot run at the same time.")),
            Message(QT_TRANSLATE_NOOP("core.hostcheck", "Quit all VMware virtual machines before "
                "starting one here.")),
            details=Message(
                QT_TRANSLATE_NOOP("core.hostcheck", "VMware's vmmon driver is loaded."),
            ),
        )
    if raw.modules is None:
        return Finding(
            "vbox", Status.INFO, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
                "Could not tell whether VirtualBox or VMware is running."))
        )
    return Finding(
        "vbox", Status.OK, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
            "No VirtualBox or VMware driver is in the way.")))


def _nested_finding(raw: HostProbeResult) -> Finding:
    title = Message(QT_TRANSLATE_NOOP("core.hostcheck", "Running inside a virtual machine"))
    if not raw.cpu_hypervisor:
        return Finding("nested", Status.OK, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
            "This computer is not a virtual machine.")))
    product = (
        Message(QT_TRANSLATE_NOOP("core.hostcheck", "The virtual hardware is {dmi_product_name}."),
            dmi_product_name=raw.dmi_product_name) if raw.dmi_product_name else ""
    )
    if _has_virt_flag(raw):
        return Finding("nested", Status.INFO, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
            "This computer is itself a virtual machine, so its virtual machines run slower than "
            "on real hardware.")),
            details=joined([Message(QT_TRANSLATE_NOOP("core.hostcheck", "The CPU shows vmx/svm: "
                "nested virtualization is available.")), *filter(None, [product])], SENTENCE),
        )
    return Finding("nested", Status.INFO, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
        "This computer is itself a virtual machine without nested virtualization.")), NESTED_FIX,
        details=product,
    )


def _program_finding(
    key: str,
    title: str,
    program: str,
    path: str | None,
    version: tuple[int, int, int] | None,
    version_text: str,
    install: str,
) -> Finding:
    if path is None:
        return Finding(key, Status.FAILURE, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
            "{program} is not installed."), program=program), install)
    if version is None:
        detail = f": {version_text}" if version_text else ""
        return Finding(key, Status.FAILURE, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
            "{program} at {path} did not report its version{detail}."), program=program, path=path,
            detail=detail), install,
        )
    shown = ".".join(map(str, version))
    if version < MIN_QEMU_VERSION:
        need = ".".join(map(str, MIN_QEMU_VERSION[:2]))
        return Finding(key, Status.FAILURE, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
            "{program} {shown} is too old: kvmgui needs {need} or newer."), program=program,
            shown=shown, need=need), install,
        )
    return Finding(key, Status.OK, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
        "{program} {shown} is installed at {path}."), program=program, shown=shown, path=path))


def _ovmf_finding(raw: HostProbeResult) -> Finding:
    title = Message(QT_TRANSLATE_NOOP("core.hostcheck", "UEFI firmware (OVMF)"))
    if raw.ovmf_code and raw.ovmf_vars:
        return Finding("ovmf", Status.OK, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
            "UEFI firmware found at {ovmf_code}."), ovmf_code=raw.ovmf_code))
    return Finding("ovmf", Status.WARNING, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
        "The UEFI firmware (OVMF) is not installed, so UEFI and Windows 11 guests can't be "
        "created.")), APT_OVMF,
    )


def _swtpm_finding(raw: HostProbeResult) -> Finding:
    title = Message(QT_TRANSLATE_NOOP("core.hostcheck", "TPM emulator (swtpm)"))
    if raw.swtpm_path:
        return Finding("swtpm", Status.OK, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
            "swtpm is installed at {swtpm_path}."), swtpm_path=raw.swtpm_path))
    return Finding("swtpm", Status.WARNING, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
        "swtpm is not installed, so Windows 11 guests can't get the TPM they need.")), APT_SWTPM,
    )


def _viewer_finding(raw: HostProbeResult) -> Finding:
    title = Message(QT_TRANSLATE_NOOP("core.hostcheck", "SPICE viewer"))
    if raw.remote_viewer_path:
        return Finding("remote-viewer", Status.OK, title, Message(
            QT_TRANSLATE_NOOP("core.hostcheck", "remote-viewer is installed at "
                "{remote_viewer_path}."), remote_viewer_path=raw.remote_viewer_path),
        )
    return Finding("remote-viewer", Status.INFO, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
        "remote-viewer is not installed; it is only needed for VMs that use a SPICE display.")),
        APT_VIEWER,
    )


def format_bytes(n: int) -> str:
    """Binary units with one decimal: 1536 -> "1.5 KiB"."""
    size = float(n)
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if size < 1024 or unit == "TiB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    raise AssertionError("unreachable")


def _space_finding(raw: HostProbeResult) -> Finding:
    title = Message(QT_TRANSLATE_NOOP("core.hostcheck", "Free space"))
    where = raw.vm_root or raw.free_space_path
    if raw.free_bytes is None:
        return Finding(
            "free-space", Status.INFO, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
                "Could not measure the free space for {where}."), where=where)
        )
    free = Size(raw.free_bytes)
    if raw.free_bytes < LOW_FREE_SPACE_BYTES:
        return Finding("free-space", Status.WARNING, title, Message(
            QT_TRANSLATE_NOOP("core.hostcheck", "Only {free} is free for the VM folder {where}, "
                "too little for most guest installs."), free=free, where=where),
            Message(QT_TRANSLATE_NOOP("core.hostcheck", "Free up disk space, or choose a VM "
                "folder on a larger disk in the settings.")))
    return Finding("free-space", Status.OK, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
        "{free} is free for the VM folder {where}."), free=free, where=where))


def _qemu_audio_details(raw: HostProbeResult) -> str:
    drivers = ", ".join(sorted(raw.qemu_audio_drivers or ()))
    return (
        Message(QT_TRANSLATE_NOOP("core.hostcheck", "QEMU's sound drivers are {drivers}; its "
            "PulseAudio driver (pa, the module audio-pa.so) is not installed."), drivers=drivers)
    )


def _audio_finding(raw: HostProbeResult) -> Finding:
    title = Message(QT_TRANSLATE_NOOP("core.hostcheck", "Sound"))
    if raw.pulse_socket and _qemu_lacks_pa(raw):
        return Finding("audio", Status.WARNING, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
            "Your desktop has a sound server, but QEMU lacks its sound module, so guest sound is "
            "off.")),
            _qemu_audio_fix(raw),
            details=_qemu_audio_details(raw),
        )
    if raw.pulse_socket:
        return Finding(
            "audio", Status.OK, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
                "Guest sound plays through your desktop's sound server.")),
            details=Message(QT_TRANSLATE_NOOP("core.hostcheck", "QEMU uses its PulseAudio driver "
                "(pa) with the socket {pulse_socket}."), pulse_socket=raw.pulse_socket),
        )
    if raw.pipewire_socket:
        # Both are needed: the PulseAudio service of PipeWire, and QEMU's driver that talks to it.
        fix = (
            f"{APT_PIPEWIRE_PULSE} {raw.qemu_pa_package or QEMU_AUDIO_PACKAGE}"
            if _qemu_lacks_pa(raw) else APT_PIPEWIRE_PULSE
        )
        return Finding("audio", Status.INFO, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
            "Your desktop's sound system lacks the part QEMU plays sound through, so guest sound "
            "is off.")), fix,
            details=Message(QT_TRANSLATE_NOOP("core.hostcheck", "PipeWire runs without its "
                "PulseAudio service (pipewire-pulse): there is no PulseAudio socket.")))
    return Finding("audio", Status.INFO, title, Message(QT_TRANSLATE_NOOP("core.hostcheck",
        "No sound server was found for this desktop session, so guest sound is off.")),
        details=Message(QT_TRANSLATE_NOOP("core.hostcheck", "Neither a PulseAudio nor a PipeWire "
            "socket exists in this session's runtime folder.")))
