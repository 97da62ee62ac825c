"""QEMU's error output turned into one plain sentence with a fix; the raw text stays as details.

QEMU reports start-up failures on stderr (our log file) as
`qemu-system-x86_64: -blockdev driver=…,node-name=hd0: Failed to get "write" lock`, i.e. the
program name, often the offending option, then the message. `explain` matches the messages
kvmgui's users actually meet (measured on QEMU 7.2; the wording has been stable since 5.x) and
names the file in the user's own terms when the caller says what each path or block node is
("the ISO image in the CD/DVD drive", "disk 1 (disk.qcow2)").
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message, Template, capitalised

MAX_LOG_READ = 64 * 1024
DETAIL_LINES = 15

_PROGRAM_PREFIX = re.compile(r"^[\w./+-]*qemu[\w.+-]*: ")
_NODE_NAME = re.compile(r"(?:^|,)node-name=([^,:\s]+)")
_FILENAME = re.compile(r"(?:^|,)(?:file\.)?filename=((?:[^,]|,,)+)")


@dataclass(frozen=True)
class Explanation:
    code: str  # stable identifier of the problem, e.g. "disk-locked"
    message: Message  # one sentence a novice can act on
    details: str  # QEMU's own words


@dataclass(frozen=True)
class _Line:
    option: str  # the option QEMU echoed ("-blockdev driver=…"), or ""
    message: str  # the message without program name and option


def _split(line: str) -> _Line:
    body = _PROGRAM_PREFIX.sub("", line.strip())
    if body.startswith("-"):
        # "-blockdev a=b,c=d: Message": the option ends at the first ": " that starts a message.
        for m in re.finditer(r": (?=[A-Z'\"])", body):
            return _Line(body[: m.start()], body[m.end():])
    return _Line("", body)


def error_lines(text: str) -> list[str]:
    """The lines of `text` that carry QEMU's messages (no banner, no blank lines)."""
    lines = []
    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.rstrip()
        if not line or line.startswith("===") or line.startswith("kvmgui:"):
            continue
        lines.append(line)
    return lines


def _describe_file(path: str, option: str, roles: Mapping[str, str]) -> Message:
    """`the ISO image /x.iso` style wording for `path` (or the node named in `option`)."""
    role = roles.get(path) or roles.get(os.path.realpath(path)) if path else None
    if not role and option:
        node = _NODE_NAME.search(option.split(" ", 1)[-1])
        if node:
            base = node.group(1).removesuffix("-file")
            role = roles.get(node.group(1)) or roles.get(base)
    # A role is a phrase (a Message from context.file_roles) or a caller's plain label.
    if role and path:
        return Message(QT_TRANSLATE_NOOP("runtime.qemu_errors", "{role} ({path})"), role=role,
                       path=path)
    if role:
        return Message(QT_TRANSLATE_NOOP("runtime.qemu_errors", "{role}"), role=role)
    if path:
        ext = os.path.splitext(path)[1].lower()
        if ext == ".iso":
            return Message(QT_TRANSLATE_NOOP("runtime.qemu_errors", "the ISO image {path}"),
                           path=path)
        if ext in (".qcow2", ".raw", ".img", ".vmdk", ".vdi", ".vhdx", ".qed"):
            return Message(QT_TRANSLATE_NOOP("runtime.qemu_errors", "the disk image {path}"),
                           path=path)
        return Message(QT_TRANSLATE_NOOP("runtime.qemu_errors", "the file {path}"), path=path)
    return Message(QT_TRANSLATE_NOOP("runtime.qemu_errors", "a disk or CD image of this VM"))


def _path_in(option: str) -> str:
    m = _FILENAME.search(option.split(" ", 1)[-1])
    return m.group(1).replace(",,", ",") if m else ""


_Rule = Callable[[re.Match[str], _Line, Mapping[str, str]], tuple[str, Message]]


def _locked(m: re.Match[str], line: _Line, roles: Mapping[str, str]) -> tuple[str, Message]:
    what = _describe_file(m.group("path") or _path_in(line.option), line.option, roles)
    return ("disk-locked", Message(QT_TRANSLATE_NOOP("runtime.qemu_errors",
        "This disk is already used by a running VM: {what} is open in another QEMU, so this VM "
        "cannot use it at the same time. Shut the other VM down first, or give this VM its own "
        "copy of the disk."), what=what))


def _missing(m: re.Match[str], line: _Line, roles: Mapping[str, str]) -> tuple[str, Message]:
    path = m.group("path")
    what = capitalised(_describe_file(path, line.option, roles))
    if path.startswith("/dev/"):
        return ("device-missing", Message(QT_TRANSLATE_NOOP("runtime.qemu_errors",
            "{what} is not there: connect the device (or insert the disc), or remove it from the "
            "VM's settings."), what=what))
    return ("file-missing", Message(QT_TRANSLATE_NOOP("runtime.qemu_errors",
        "{what} does not exist (it was moved, renamed or deleted): choose the file again in the "
        "VM's settings, or remove it from the VM."), what=what))


def _denied(m: re.Match[str], line: _Line, roles: Mapping[str, str]) -> tuple[str, Message]:
    what = _describe_file(m.group("path"), line.option, roles)
    return ("file-permission", Message(QT_TRANSLATE_NOOP("runtime.qemu_errors",
        "kvmgui is not allowed to open {what} (permission denied): give your user access to it "
        "(for example copy it into your home folder), or choose another file."), what=what))


# What /dev/kvm's error says → the problem's code and its fix.
_KVM_REASONS: list[tuple[str, str, Template]] = [
    ("permission", "kvm-permission", QT_TRANSLATE_NOOP("runtime.qemu_errors",
        "You are not allowed to use KVM (permission denied on /dev/kvm): add yourself to the kvm "
        "group with 'sudo adduser $USER kvm', then log out and back in. Until then, set the VM's "
        "accelerator to TCG (much slower).")),
    ("no such file", "kvm-missing", QT_TRANSLATE_NOOP("runtime.qemu_errors",
        "KVM is not available on this computer (there is no /dev/kvm): turn on virtualization "
        "(Intel VT-x or AMD-V) in the computer's firmware settings, or set the VM's accelerator "
        "to TCG (much slower).")),
    ("busy", "kvm-busy", QT_TRANSLATE_NOOP("runtime.qemu_errors",
        "KVM is busy: another hypervisor (VirtualBox or VMware) is using the CPU's "
        "virtualization; quit it, or set the VM's accelerator to TCG (much slower).")),
]


def _kvm(m: re.Match[str], line: _Line, roles: Mapping[str, str]) -> tuple[str, Message]:
    reason = m.group("reason").lower()
    for words, code, template in _KVM_REASONS:
        if words in reason:
            return (code, Message(template))
    return ("kvm-failed", Message(QT_TRANSLATE_NOOP("runtime.qemu_errors",
        "KVM could not be started ({reason}): run 'kvmgui-cli doctor' to find out why, or set "
        "the VM's accelerator to TCG (much slower)."), reason=m.group("reason").strip()))


def _audio(m: re.Match[str], line: _Line, roles: Mapping[str, str]) -> tuple[str, Message]:
    driver = m.group("driver")
    server = {
        "pa": QT_TRANSLATE_NOOP("runtime.qemu_errors", "the PulseAudio/PipeWire sound server"),
        "pipewire": QT_TRANSLATE_NOOP("runtime.qemu_errors", "PipeWire"),
        "alsa": QT_TRANSLATE_NOOP("runtime.qemu_errors", "the sound card (ALSA)"),
        "jack": QT_TRANSLATE_NOOP("runtime.qemu_errors", "the JACK sound server"),
    }.get(driver)
    name = Message(server) if server else Message(
        QT_TRANSLATE_NOOP("runtime.qemu_errors", "the {driver} sound system"), driver=driver)
    return ("audio", Message(QT_TRANSLATE_NOOP("runtime.qemu_errors",
        "QEMU could not connect to {server}: start your desktop's sound service, or turn sound "
        "off for this VM."), server=name))


def _audio_module(m: re.Match[str], line: _Line, roles: Mapping[str, str]) -> tuple[str, Message]:
    # Debian's QEMU names the package; upstream's only says the driver is unknown.
    package = m.groupdict().get("package") or "qemu-system-gui"
    return ("audio-module", Message(QT_TRANSLATE_NOOP("runtime.qemu_errors",
        "QEMU's module for your desktop's sound server is not installed: install it with sudo "
        "apt install {package}, or turn sound off for this VM."), package=package))


def _hostfwd(m: re.Match[str], line: _Line, roles: Mapping[str, str]) -> tuple[str, Message]:
    return ("port-in-use", Message(QT_TRANSLATE_NOOP("runtime.qemu_errors",
        "The host port {host_port} is already in use by another program, so it cannot be "
        "forwarded to the guest's port {guest_port}: choose another host port in the VM's network "
        "settings, or stop the program that uses it."),
        host_port=m.group("host"), guest_port=m.group("guest")))


def _memory(m: re.Match[str], line: _Line, roles: Mapping[str, str]) -> tuple[str, Message]:
    amount = roles.get("memory")
    size = (Message(QT_TRANSLATE_NOOP("runtime.qemu_errors",
                                      "the {amount} of memory this VM wants"), amount=amount)
            if amount else Message(QT_TRANSLATE_NOOP("runtime.qemu_errors", "this VM's memory")))
    return ("memory", Message(QT_TRANSLATE_NOOP("runtime.qemu_errors",
        "There is not enough free memory for {size}: give the VM less memory, or close other "
        "programs and VMs."), size=size))


def _format(m: re.Match[str], line: _Line, roles: Mapping[str, str]) -> tuple[str, Message]:
    what = _describe_file(_path_in(line.option), line.option, roles)
    return ("wrong-format", Message(QT_TRANSLATE_NOOP("runtime.qemu_errors",
        "{what} is not a {format} image although the VM's settings say so: set the disk's real "
        "format in the VM's settings ('kvmgui-cli img info' shows it)."),
        what=capitalised(what), format=m.group("fmt")))


def _fixed(code: str, template: Template) -> _Rule:
    """A rule whose sentence takes nothing from QEMU's words."""

    def rule(m: re.Match[str], line: _Line, roles: Mapping[str, str]) -> tuple[str, Message]:
        return (code, Message(template))

    return rule


_RULES: list[tuple[re.Pattern[str], _Rule]] = [
    (re.compile(r"Failed to get (?:shared )?\"write\" lock(?:.*?Is another process using the "
                r"image \[(?P<path>[^\]]*)\])?", re.S), _locked),
    (re.compile(r"Cannot lock pid file"), _fixed("already-running", QT_TRANSLATE_NOOP(
        "runtime.qemu_errors",
        "This VM is already running or being started by another program (its pidfile is "
        "locked)."))),
    (re.compile(r"Could not access KVM kernel module: (?P<reason>.+)"), _kvm),
    (re.compile(r"failed to initialize kvm: (?P<reason>.+)"), _kvm),
    (re.compile(r"ioctl\(KVM_CREATE_VM\) failed: \d+ (?P<reason>.+)"), _kvm),
    (re.compile(r"Could not open '(?P<path>[^']*)': No such file or directory"), _missing),
    (re.compile(r"Could not open '(?P<path>[^']*)': Permission denied"), _denied),
    (re.compile(r"Could not init `?'?(?P<driver>\w+)'? audio driver"), _audio),
    (re.compile(r"module audio-audio-pa not found, do you want to install "
                r"(?P<package>[\w.+-]+) package"), _audio_module),
    (re.compile(r"Unknown audio driver `?'?pa'?$"), _audio_module),
    (re.compile(r"Could not set up host forwarding rule "
                r"'\w+:[^:]*:(?P<host>\d+)-[^:]*:(?P<guest>\d+)'"), _hostfwd),
    (re.compile(r"CPU model 'host' requires KVM"), _fixed("cpu-host", QT_TRANSLATE_NOOP(
        "runtime.qemu_errors",
        "The 'host' CPU model only works with KVM, and this VM runs without it: set the VM's "
        "accelerator to KVM, or remove '-cpu host' from its extra arguments."))),
    (re.compile(r"failed to set MSR|kvm_buf_set_msrs: Assertion|kvm_put_msrs: Assertion"),
     _fixed("cpu-host", QT_TRANSLATE_NOOP(
        "runtime.qemu_errors",
        "QEMU failed to set up the host's CPU model under KVM (this happens inside some nested "
        "virtual machines): set the VM's accelerator to TCG, or run it on the real computer."))),
    (re.compile(r"cannot set up guest memory|Cannot allocate memory"), _memory),
    (re.compile(r"Image is not in (?P<fmt>\w+) format"), _format),
    (re.compile(r"Failed to bind socket.*Address already in use|Address already in use"),
     _fixed("socket-busy", QT_TRANSLATE_NOOP(
        "runtime.qemu_errors",
        "One of the VM's sockets is in use, so another copy of this VM is probably running; "
        "stop it first."))),
    (re.compile(r"unsupported machine type"), _fixed("machine-type", QT_TRANSLATE_NOOP(
        "runtime.qemu_errors",
        "This QEMU does not support the VM's machine type (it was probably created with a newer "
        "QEMU): update QEMU, or choose the machine type again in the VM's settings."))),
    (re.compile(r"tpm-emulator|swtpm"), _fixed("tpm", QT_TRANSLATE_NOOP(
        "runtime.qemu_errors",
        "The TPM emulator (swtpm) did not work: check that swtpm is installed (sudo apt install "
        "swtpm), or turn the TPM off in the VM's settings."))),
]


def explain(
    text: str,
    *,
    roles: Mapping[str, str] | None = None,
    during_start: bool = True,
    exit_text: str = "",
) -> Explanation:
    """One sentence for QEMU's output `text` (the log written since the start banner).

    `roles` maps file paths and block node names ("hd0", "cd0", "fw-vars") to how the user
    knows them, and "memory" to the memory size shown in the memory message. `exit_text` ("QEMU
    exited with code 1") is used when no known message matches.
    """
    roles = roles or {}
    lines = error_lines(text)
    details = "\n".join(lines[-DETAIL_LINES:])
    for line_text in lines:
        line = _split(line_text)
        joined = line.message
        for pattern, rule in _RULES:
            # The lock message continues on the next line ("Is another process using …").
            target = joined
            if rule is _locked:
                index = lines.index(line_text)
                target = "\n".join(_split(x).message for x in lines[index:index + 2])
            m = pattern.search(target)
            if m:
                code, message = rule(m, line, roles)
                return Explanation(code, message, details)
    # QEMU's own messages carry its program name; other lines (the banner's command line,
    # library chatter) only count when there is nothing else.
    candidates = [x for x in lines if "terminating on signal" not in x]
    prefixed = [x for x in candidates if _PROGRAM_PREFIX.match(x)]
    first = _split((prefixed or candidates or [""])[0]).message
    summary: str
    if during_start:
        summary = Message(QT_TRANSLATE_NOOP("runtime.qemu_errors", "QEMU could not start the VM"))
    else:
        summary = exit_text or Message(QT_TRANSLATE_NOOP("runtime.qemu_errors",
                                                         "QEMU stopped unexpectedly"))
    if first:  # QEMU's own words: a value
        message = Message(QT_TRANSLATE_NOOP("runtime.qemu_errors", "{summary}: {error}."),
                          summary=summary, error=first.rstrip("."))
    elif during_start and exit_text:
        message = Message(QT_TRANSLATE_NOOP(
            "runtime.qemu_errors", "{summary} ({exit_text}) and printed no error message."),
            summary=summary, exit_text=exit_text)
    else:
        message = Message(QT_TRANSLATE_NOOP("runtime.qemu_errors", "{summary}."),
                          summary=summary)
    return Explanation("qemu-error", message, details)


def read_log_since(path: Path, offset: int) -> str:
    """What QEMU wrote to its log after `offset` (at most the last MAX_LOG_READ bytes)."""
    try:
        with open(path, "rb") as f:
            f.seek(0, os.SEEK_END)
            end = f.tell()
            start = max(offset, end - MAX_LOG_READ)
            f.seek(start)
            return f.read().decode(errors="replace")
    except OSError:
        return ""


def tail(text: str, lines: int = DETAIL_LINES) -> str:
    return "\n".join(error_lines(text)[-lines:])
