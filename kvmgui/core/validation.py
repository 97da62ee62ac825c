"""Checking a VM spec before it is saved or started: one plain sentence per problem.

Every problem names the field it is about (the spec's attribute path, e.g. "memory_mib",
"disks[0].path", "network.forwards[1].host_port") so the wizard can put the message next to
the right widget, and says what to do. ERRORs block saving/starting; WARNINGs are shown and
the user may go on.

Rules chosen here (beyond the obvious ranges):
- Disk bus/format: any format may sit on any bus. vmdk/vdi/vhdx are accepted but a writable
  one gets a warning (qcow2 is QEMU's native, best-tested format). A backing file is only
  possible on a qcow2 disk and must name its format (QEMU must never probe a format). A
  host block device used as a disk is expected to be raw (warning otherwise). read-only +
  throwaway is redundant (warning). A size on a disk whose image exists is ignored (the size
  is only used to create a missing image).
- Controller capacity: a `pc` machine has 4 IDE slots shared by IDE disks and the CD drive;
  SATA disks on `pc` get an added AHCI controller (6 ports). On `q35` IDE and SATA disks and
  the CD drive share the 6 built-in AHCI ports.
- Port forwards bind 127.0.0.1 on the host; ports below 1024 need root and are refused.
- Boot order: a warning when the VM has nothing to boot from, when a CD drive or USB stick is
  put first but missing (the VM would not boot what the user meant), or when a device is
  listed twice. Absent devices later in the order are normal fallbacks.
- Devices (CD drive, USB stick, a disk that is a device): must be block devices the user may
  open, else the fix names the device's group ("sudo adduser $USER disk", cdrom for /dev/sr*).
  A USB stick may also be an image file. A stick given to the guest unprotected while the
  host has it (or a partition of it) mounted is an error: both writing destroys its files.
- UEFI needs OVMF and a TPM needs swtpm on the host; KVM chosen explicitly needs usable KVM.
- Expert extra arguments are checked by the argv module's extra_args_problems (which knows
  the options that would add a monitor or display, or be read as a disk).
- Files are only checked when check_files is True (the CLI and the wizard do; golden tests
  don't) and relative paths only when the VM's folder is known.
"""

from __future__ import annotations

import grp
import os
import stat
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TypeVar

from kvmgui.core.host import HostFacts
from kvmgui.core.limits import MIN_MEMORY_MIB
from kvmgui.core.media import (
    BOOTABLE_MEDIUM_KINDS,
    DISK_IMAGE_KINDS,
    MediumKind,
    file_kind_problem,
)
from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message, Template
from kvmgui.core.model import (
    MACHINE_VERSION_RE,
    VM_ID_RE,
    Accel,
    BootDevice,
    CdromSource,
    Disk,
    DiskBus,
    DiskFormat,
    DisplayKind,
    Firmware,
    MachineType,
    NetMode,
    OsPreset,
    VmSpec,
)
from kvmgui.core.paths import VmFolder
from kvmgui.core.problems import Problem, Severity, shown
from kvmgui.core.shares import MAX_SHARES, TAG_RE, WINDOWS
from kvmgui.core.sizes import MAX_SIZE, Size

MAX_NAME_CHARS = 64
# A folder name is limited to 255 bytes; 64 four-byte characters would just exceed that.
MAX_NAME_BYTES = 200
# A new disk smaller than this holds no system; a size like "512" meant in bytes is a typo.
MIN_DISK_BYTES = 1024 * 1024
MEMORY_WARN_FRACTION = 0.8
PC_IDE_SLOTS = 4
AHCI_PORTS = 6

# Unicode categories that have no business in a name: controls, format characters (bidi
# overrides can make a name display as another), surrogates, private use, line separators.
_BAD_NAME_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Zl", "Zp"})
# Spaces other than the plain one (no-break, thin, ideographic, …) look like it, or like
# nothing: "a b" with a no-break space would be another VM than "a b" that reads the same.
_ODD_SPACE_CATEGORY = "Zs"

_T = TypeVar("_T")


def _error(field: str, message: str) -> Problem:
    return Problem(field, Severity.ERROR, message)


def _warning(field: str, message: str) -> Problem:
    return Problem(field, Severity.WARNING, message)


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.ERROR]


def quoted_names(names: Sequence[str], last_two: Template) -> str:
    """'a', 'b' and 'c': each name shown and quoted, the last joined by the caller's own
    "{names} and {last}" template (each module keeps its template in its own context)."""
    quoted = [f"'{shown(n)}'" for n in names]
    if len(quoted) == 1:
        return quoted[0]
    return Message(last_two, names=", ".join(quoted[:-1]), last=quoted[-1])


# ---------------------------------------------------------------------------------------------
# Names


def validate_name(name: str, existing_names: Iterable[str] = ()) -> list[Problem]:
    """Problems with `name` as a VM name (it becomes the VM's folder name).

    `existing_names` are the names of the *other* VMs (leave the VM's own name out when
    renaming); duplicates are found by name_key, so "Debian" and "debian" cannot both exist
    (they would be confusing in a list, and clash on case-insensitive filesystems), nor
    "Café" typed with a composed é and with e + combining accent, nor "ｖｍ" and "vm".
    """
    f = "name"
    if not isinstance(name, str):
        return [_error(f, Message(QT_TRANSLATE_NOOP("core.validation", "The name must be text.")))]
    if not name.strip():
        return [_error(f, Message(QT_TRANSLATE_NOOP("core.validation", "Give the VM a name.")))]
    problems: list[Problem] = []
    if len(name) > MAX_NAME_CHARS or len(name.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES:
        problems.append(
            _error(f, Message(QT_TRANSLATE_NOOP("core.validation", "The name is {count} "
                "characters long: use at most {limit}."), count=len(name), limit=MAX_NAME_CHARS))
        )
    if "\0" in name:
        problems.append(_error(f, Message(QT_TRANSLATE_NOOP("core.validation",
            "The name contains a NUL character: type it again."))))
    elif any(unicodedata.category(ch) in _BAD_NAME_CATEGORIES for ch in name):
        problems.append(
            _error(f, Message(QT_TRANSLATE_NOOP("core.validation", "The name contains control or "
                "invisible characters: type it again.")))
        )
    elif any(unicodedata.category(ch) == _ODD_SPACE_CATEGORY and ch != " " for ch in name):
        problems.append(
            _error(f, Message(QT_TRANSLATE_NOOP("core.validation", "The name contains a special "
                "space character (such as a no-break space): type it again with ordinary spaces.")))
        )
    # One message for the name's place in the folder tree: "../x" is one mistake, not two.
    if "/" in name:
        problems.append(
            _error(f, Message(QT_TRANSLATE_NOOP("core.validation", "A name cannot contain '/': "
                "use another character such as '-'.")))
        )
    elif name.startswith("."):
        problems.append(
            _error(f, Message(QT_TRANSLATE_NOOP("core.validation", "A name cannot start with '.', "
                "as such folders are hidden: start it with a letter or digit.")))
        )
    if name != name.strip():
        problems.append(_error(f, Message(QT_TRANSLATE_NOOP("core.validation",
            "Remove the spaces at the start or end of the name."))))
    key = name_key(name)
    for other in existing_names:
        if name_key(other) == key:
            problems.append(
                _error(f, Message(QT_TRANSLATE_NOOP("core.validation", "A VM called '{other}' "
                    "already exists: choose another name."), other=shown(other)))
            )
            break
    return problems


def name_key(name: str) -> str:
    """What makes two VM names the same name: equal after compatibility normalisation and case
    folding (Unicode's "compatibility caseless match"), so names that read alike are one."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())


def find_named(items: Iterable[_T], name_or_id: str, name: Callable[[_T], str],
               ident: Callable[[_T], str] | None = None) -> _T | None:
    """The item named exactly `name_or_id`, else the first whose name is the same by name_key,
    else (when `ident` is given) the one with that id."""
    items = list(items)
    key = name_key(name_or_id)
    found = next((it for it in items if name(it) == name_or_id), None)
    if found is None:
        found = next((it for it in items if name_key(name(it)) == key), None)
    if found is None and ident is not None:
        found = next((it for it in items if ident(it) == name_or_id), None)
    return found


def free_name(base: str, taken: Iterable[str],
              is_taken: Callable[[str], bool] | None = None) -> str:
    """`base`, or `base-2`, `base-3`, …: the first not in `taken` (compared by name_key, as
    validate_name does) and, when given, for which `is_taken` (say, "its folder exists") is false.
    """
    keys = {name_key(t) for t in taken}
    candidate, n = base, 2
    while name_key(candidate) in keys or (is_taken is not None and is_taken(candidate)):
        candidate = f"{base}-{n}"
        n += 1
    return candidate


def disk_size_problem(size: int, what: str = Message(QT_TRANSLATE_NOOP("core.validation",
    "The disk"))) -> str:
    """The sentence for a disk size below MIN_DISK_BYTES ("" when it is large enough)."""
    if size >= MIN_DISK_BYTES:
        return ""
    return Message(QT_TRANSLATE_NOOP("core.validation", "{what} would be smaller than 1 MiB, too "
        "small to hold anything: give it a size like 20G."), what=what)


def validate_id(vm_id: str) -> list[Problem]:
    """The id keys the VM's runtime folder, so it must be a short, path-safe token."""
    if isinstance(vm_id, str) and VM_ID_RE.fullmatch(vm_id):
        return []
    return [
        _error("id", Message(QT_TRANSLATE_NOOP("core.validation", "The VM id must be 1 to 64 "
            "letters, digits, '-' or '_': give the VM a new id made of those.")))
    ]


# ---------------------------------------------------------------------------------------------
# Files and devices


def _can_access(path: Path, mode: int) -> bool:
    # A module-level indirection so tests running as root can simulate a denied access.
    return os.access(path, mode)


def _group_fix(path: Path) -> Message:
    """The command that gives this user access to a device node."""
    group = "cdrom" if path.name.startswith("sr") else "disk"
    try:
        gid = path.stat().st_gid
        name = grp.getgrgid(gid).gr_name
        if name != "root":
            group = name
    except (OSError, KeyError):
        pass
    return Message(QT_TRANSLATE_NOOP("core.validation", "sudo adduser $USER {group}, then log out "
        "and in"), group=group)


def _mounted_sources() -> set[str]:
    """Device paths that have a filesystem mounted on this host (from /proc/self/mounts)."""
    try:
        text = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return set()
    return {line.split(" ", 1)[0] for line in text.splitlines() if line.startswith("/dev/")}


def _is_mounted(device: Path) -> bool:
    """True when `device` or one of its partitions (sdb1, nvme0n1p2, …) is mounted."""
    real = os.path.realpath(device)
    # Partition names: sdb -> sdb1, but nvme0n1 -> nvme0n1p1 and loop1 -> loop1p1 (so that
    # loop10 is not mistaken for a partition of loop1).
    joiner = "p" if real[-1:].isdigit() else ""
    for source in _mounted_sources():
        src = os.path.realpath(source)
        if src == real:
            return True
        rest = src[len(real):] if src.startswith(real + joiner) else ""
        if rest.removeprefix(joiner).isdigit():
            return True
    return False


def _stat(field: str, path: Path, what: str, missing: Template,
          unreadable: Template) -> os.stat_result | Problem:
    """path.stat(), or the problem saying why not: `missing` ({what}, {path}) when nothing is
    there, `unreadable` ({what}, {path}, {strerror}) when it cannot be looked at."""
    try:
        return path.stat()
    except FileNotFoundError:
        return _error(field, Message(missing, what=what, path=shown(str(path))))
    except OSError as exc:
        return _error(field, Message(unreadable, what=what, path=shown(str(path)),
                                     strerror=exc.strerror))


def _check_regular_input(field: str, path: Path, what: str, *, need_write: bool) -> list[Problem]:
    """An image file the guest reads (and maybe writes): exists, is a file, is accessible."""
    st = _stat(field, path, what, QT_TRANSLATE_NOOP(
        "core.validation", "The {what} {path} does not exist: pick it again."), QT_TRANSLATE_NOOP(
        "core.validation", "The {what} {path} cannot be checked ({strerror}): pick another file."))
    if isinstance(st, Problem):
        return [st]
    if stat.S_ISDIR(st.st_mode):
        return [_error(field, Message(QT_TRANSLATE_NOOP("core.validation", "{path} is a folder, "
            "not a {what}: pick the file inside it."), path=shown(str(path)), what=what))]
    kind_problem = file_kind_problem(path, what)
    if kind_problem is not None:
        return [_error(field, kind_problem)]
    if not _can_access(path, os.R_OK):
        return [_error(field, Message(QT_TRANSLATE_NOOP("core.validation", "You may not read the "
            "{what} {path}: make it readable, for example with: chmod u+r '{path}'."), what=what,
            path=shown(str(path))))]
    if need_write and not _can_access(path, os.W_OK):
        return [_error(field, Message(QT_TRANSLATE_NOOP("core.validation", "You may not write to "
            "the {what} {path}: make it writable (chmod u+w), or make the disk read-only or "
            "throwaway."), what=what, path=shown(str(path))))]
    return []


def _check_device(
    field: str, path: Path, what: str, *, need_write: bool, allow_file: bool
) -> list[Problem]:
    """A host block device (or, when allowed, an image file standing in for one)."""
    st = _stat(field, path, what, QT_TRANSLATE_NOOP(
        "core.validation", "There is no {what} at {path}: plug it in or pick it again."),
        QT_TRANSLATE_NOOP("core.validation", "{path} cannot be checked ({strerror}): pick another "
                          "{what}."))
    if isinstance(st, Problem):
        return [st]
    if stat.S_ISREG(st.st_mode) and allow_file:
        return _check_regular_input(field, path, Message(QT_TRANSLATE_NOOP("core.validation",
            "image file")), need_write=need_write)
    if stat.S_ISBLK(st.st_mode) and (kind_problem := file_kind_problem(path, what)):
        return [_error(field, kind_problem)]  # a block device node under /sys
    if not stat.S_ISBLK(st.st_mode):
        kind = Message(
            QT_TRANSLATE_NOOP("core.validation", "an image file or a block device"),
        ) if allow_file else Message(QT_TRANSLATE_NOOP("core.validation", "a block device"))
        if what.startswith("CD"):
            wrong = Message(QT_TRANSLATE_NOOP("core.validation", "{path} is not {kind}: pick a "
                "{what} such as /dev/sr0."), path=shown(str(path)), kind=kind, what=what)
        else:
            wrong = Message(QT_TRANSLATE_NOOP("core.validation", "{path} is not {kind}: pick a "
                "{what} such as /dev/sdb."), path=shown(str(path)), kind=kind, what=what)
        return [_error(field, wrong)]
    if not _can_access(path, os.R_OK) or (need_write and not _can_access(path, os.W_OK)):
        return [_error(field, Message(QT_TRANSLATE_NOOP("core.validation", "You may not use "
            "{path}: {fix}."), path=shown(str(path)), fix=_group_fix(path)))]
    return []


# ---------------------------------------------------------------------------------------------
# The whole spec


def validate_spec(
    spec: VmSpec,
    host: HostFacts,
    *,
    existing_names: Iterable[str] = (),
    folder: VmFolder | None = None,
    free_bytes: int | None = None,
    check_files: bool = True,
) -> list[Problem]:
    """Every problem with `spec` on this host, errors and warnings, in field order.

    `existing_names`: the other VMs' names. `folder`: the VM's folder, to resolve relative
    paths (None for a VM not created yet: relative paths are not checked). `free_bytes`: free
    space where new disks will be created (None: unknown, not checked).
    """
    problems: list[Problem] = []
    problems += validate_name(spec.name, existing_names)
    problems += validate_id(spec.id)
    problems += _check_machine(spec)
    problems += _check_memory(spec, host)
    problems += _check_cpus(spec, host)
    problems += _check_firmware(spec, host)
    problems += _check_disks(spec, folder, free_bytes, check_files)
    problems += _check_controllers(spec)
    problems += _check_cdrom(spec, folder, check_files)
    problems += _check_usb_stick(spec, folder, check_files)
    problems += share_problems(spec)
    problems += _check_usb_devices(spec)
    problems += _check_boot_order(spec)
    problems += _check_network(spec)
    problems += _check_display(spec)
    problems += _check_extra_args(spec)
    return problems


def start_problems(spec: VmSpec, host: HostFacts, folder: VmFolder | None) -> list[Problem]:
    """The errors that refuse to start `spec`: every rule of validate_spec, run again because
    the definition may have been edited by hand since it was saved, plus the type of every
    file the VM would open (a FIFO or /dev/zero as its ISO would hang or never end).

    Whether the files exist is left to the start itself: QEMU's own words about a missing ISO
    or disk are explained with the fix, and a missing new disk is created then.
    """
    problems = validate_spec(spec, host, folder=folder, check_files=False)
    return errors(problems + _file_kind_problems(spec, folder))


def _file_kind_problems(spec: VmSpec, folder: VmFolder | None) -> list[Problem]:
    checks: list[tuple[str, str | None, str]] = []
    for i, disk in enumerate(spec.disks):
        checks.append((f"disks[{i}].path", disk.path, Message(QT_TRANSLATE_NOOP("core.validation",
            "image of disk {i}"), i=i + 1)))
        if disk.backing_file and disk.backing_file.strip():
            where = _resolve(disk.path, folder)
            base = Path(disk.backing_file)
            if not base.is_absolute() and where is not None:
                base = where.parent / base
            checks.append((f"disks[{i}].backing_file", str(base),
                           Message(QT_TRANSLATE_NOOP("core.validation", "base image of disk {i}"),
                               i=i + 1)))
    if spec.cdrom is not None and spec.cdrom.source is not CdromSource.EMPTY:
        what: str = Message(
            QT_TRANSLATE_NOOP("core.validation", "ISO file"),
        ) if spec.cdrom.source is CdromSource.ISO else Message(QT_TRANSLATE_NOOP("core.validation",
            "CD/DVD drive"))
        checks.append(("cdrom.path", spec.cdrom.path, what))
    if spec.usb_stick is not None:
        checks.append(("usb_stick.path", spec.usb_stick.path, Message(
            QT_TRANSLATE_NOOP("core.validation", "USB stick"),
        )))
    problems: list[Problem] = []
    for field, path, what in checks:
        if not path or not path.strip() or _bad_path_text(field, path, what):
            continue  # validate_spec said what is wrong with the text
        where = _resolve(path, folder)
        if where is not None and (problem := file_kind_problem(where, what)):
            problems.append(_error(field, problem))
    return problems


def _check_machine(spec: VmSpec) -> list[Problem]:
    problems: list[Problem] = []
    mv = spec.machine_version
    if mv is not None:
        prefix = "pc-q35-" if spec.machine is MachineType.Q35 else "pc-i440fx-"
        if not MACHINE_VERSION_RE.fullmatch(mv):
            problems.append(_error("machine_version", Message(QT_TRANSLATE_NOOP("core.validation",
                "'{mv}' is not a QEMU machine type: remove it so kvmgui pins the current one."),
                mv=shown(mv))))
        elif mv != spec.machine.value and not mv.startswith(prefix):
            problems.append(_error("machine_version", Message(QT_TRANSLATE_NOOP("core.validation",
                "The pinned machine type '{mv}' does not belong to a {value} machine: remove it "
                "so kvmgui pins a matching one."), mv=mv, value=spec.machine.value)))
    return problems


def _check_memory(spec: VmSpec, host: HostFacts) -> list[Problem]:
    f = "memory_mib"
    mem = spec.memory_mib
    if mem < MIN_MEMORY_MIB:
        return [_error(f, Message(QT_TRANSLATE_NOOP("core.validation", "{mem} MiB of memory is "
            "too little: give the VM at least {minimum} MiB."), mem=mem, minimum=MIN_MEMORY_MIB))]
    if mem > host.memory_mib:
        return [_error(f, Message(QT_TRANSLATE_NOOP("core.validation", "The VM has {mem} MiB of "
            "memory but this computer has only {memory_mib} MiB: give it less."), mem=mem,
            memory_mib=host.memory_mib))]
    if mem > host.memory_mib * MEMORY_WARN_FRACTION:
        return [_warning(f, Message(QT_TRANSLATE_NOOP("core.validation", "{mem} MiB is more than "
            "80 % of this computer's {memory_mib} MiB: the host may slow down or run out of "
            "memory, consider giving the VM less."), mem=mem, memory_mib=host.memory_mib))]
    return []


def _check_cpus(spec: VmSpec, host: HostFacts) -> list[Problem]:
    f = "cpus"
    if spec.cpus < 1:
        return [_error(f, Message(
            QT_TRANSLATE_NOOP("core.validation", "A VM needs at least 1 CPU."),
        ))]
    if spec.cpus > host.cpu_count:
        return [_error(f, Message(QT_TRANSLATE_NOOP("core.validation", "The VM has {cpus} CPUs "
            "but this computer has only {cpu_count}: give it at most {cpu_count}."), cpus=spec.cpus,
            cpu_count=host.cpu_count))]
    return []


def _check_firmware(spec: VmSpec, host: HostFacts) -> list[Problem]:
    problems: list[Problem] = []
    if spec.accel is Accel.KVM and not host.kvm_usable:
        reason = host.kvm_reason
        problems.append(_error("accel", Message(QT_TRANSLATE_NOOP("core.validation",
            "{reason} KVM cannot be used on this computer: choose 'auto' or 'tcg'."),
            reason=reason) if reason.strip() else Message(QT_TRANSLATE_NOOP("core.validation",
                "KVM cannot be used on this computer: choose 'auto' or 'tcg'."))))
    if spec.firmware is Firmware.UEFI and not (host.ovmf_code and host.ovmf_vars_template):
        problems.append(_error("firmware", Message(QT_TRANSLATE_NOOP("core.validation",
            "UEFI needs the OVMF firmware, which is not installed: sudo apt install ovmf (or "
            "choose BIOS)."))))
    if spec.tpm and not host.swtpm:
        problems.append(_error("tpm", Message(QT_TRANSLATE_NOOP("core.validation",
            "A TPM needs swtpm, which is not installed: sudo apt install swtpm (or turn the TPM "
            "off)."))))
    if spec.os is OsPreset.WINDOWS11 and (spec.firmware is not Firmware.UEFI or not spec.tpm):
        problems.append(_warning("firmware", Message(QT_TRANSLATE_NOOP("core.validation",
            "Windows 11 setup refuses to install without UEFI and a TPM: turn both on."))))
    return problems


def _resolve(path: str, folder: VmFolder | None) -> Path | None:
    """The file a spec path stands for; None when it is relative and the folder is unknown."""
    p = Path(path)
    if p.is_absolute():
        return p
    return folder.resolve(path) if folder is not None else None


def _bad_path_text(field: str, path: str, what: str) -> list[Problem]:
    if not path.strip():
        return [_error(field, Message(QT_TRANSLATE_NOOP("core.validation", "Choose the {what}."),
            what=what))]
    if "\0" in path or any(unicodedata.category(ch) == "Cc" for ch in path):
        return [_error(field, Message(QT_TRANSLATE_NOOP("core.validation", "The path of the "
            "{what} contains control characters: pick the file again."), what=what))]
    try:
        os.fsencode(path)
    except UnicodeEncodeError:
        return [_error(field, Message(QT_TRANSLATE_NOOP("core.validation", "The path of the "
            "{what} contains characters no file name can have: pick the file again."), what=what))]
    return []


def _check_disks(
    spec: VmSpec, folder: VmFolder | None, free_bytes: int | None, check_files: bool
) -> list[Problem]:
    problems: list[Problem] = []
    new_bytes = 0
    seen: dict[str, int] = {}
    for i, disk in enumerate(spec.disks):
        f = f"disks[{i}]"
        text_problems = _bad_path_text(f"{f}.path", disk.path, Message(
            QT_TRANSLATE_NOOP("core.validation", "image of disk {i}"),
            i=i + 1,
        ))
        problems += text_problems
        if text_problems:
            continue
        where = _resolve(disk.path, folder)
        key = os.path.normpath(str(where)) if where is not None else disk.path
        if key in seen:
            problems.append(_error(f"{f}.path", Message(QT_TRANSLATE_NOOP("core.validation",
                "Disk {i} uses the same image as disk {other}: remove one of them."), i=i + 1,
                other=seen[key] + 1)))
        seen[key] = i
        # An image that already exists is used as it is: its size was only for creating it.
        exists = check_files and where is not None and os.path.lexists(where)
        if disk.size_bytes is not None and not exists:
            size = disk.size_bytes
            if size <= 0:
                problems.append(_error(f"{f}.size_bytes", Message(
                    QT_TRANSLATE_NOOP(
                        "core.validation",
                        "Disk {i} has no size: give it a size like 20G.",
                    ),
                    i=i + 1,
                )))
            elif size < MIN_DISK_BYTES:
                problems.append(_error(f"{f}.size_bytes", disk_size_problem(size, Message(
                    QT_TRANSLATE_NOOP("core.validation", "Disk {i}"),
                    i=i + 1,
                ))))
            elif size > MAX_SIZE:
                problems.append(_error(f"{f}.size_bytes", Message(
                    QT_TRANSLATE_NOOP(
                        "core.validation",
                        "Disk {i} is larger than 64 TiB: give it a size like 20G.",
                    ),
                    i=i + 1,
                )))
            else:
                new_bytes += size
                if free_bytes is not None and new_bytes > free_bytes:
                    problems.append(_warning(
                        f"{f}.size_bytes",
                        Message(QT_TRANSLATE_NOOP("core.validation", "The new disks add up to "
                            "{new_size} but only {size} is free: that works at first because disk "
                            "images only use the space the guest fills, but free some space "
                            "before the guest fills the disk."), new_size=Size(new_bytes),
                            size=Size(max(free_bytes, 0)))))
                    free_bytes = None  # say it once
        problems += _check_disk_format(f, i, disk)
        if check_files and where is not None:
            problems += _check_disk_file(f, i, disk, where, folder)
    return problems


def _check_disk_format(f: str, i: int, disk: Disk) -> list[Problem]:
    problems: list[Problem] = []
    writable = not disk.readonly and not disk.throwaway
    if disk.format in (DiskFormat.VMDK, DiskFormat.VDI, DiskFormat.VHDX) and writable:
        problems.append(_warning(f"{f}.format", Message(QT_TRANSLATE_NOOP("core.validation",
            "Disk {i} is a {value} image: QEMU can use it, but qcow2 is safer and faster; convert "
            "it with qemu-img convert -O qcow2."), i=i + 1, value=disk.format.value)))
    if disk.backing_file is not None:
        if disk.format is not DiskFormat.QCOW2:
            problems.append(_error(f"{f}.backing_file", Message(QT_TRANSLATE_NOOP("core.validation",
                "Disk {i} has a base image, which only a qcow2 disk can have: make it qcow2 or "
                "remove the base image."), i=i + 1)))
        if disk.backing_format is None:
            problems.append(_error(f"{f}.backing_format", Message(
                QT_TRANSLATE_NOOP(
                    "core.validation",
                    "Disk {i} does not say the format of its base image: choose it (usually "
                    "qcow2).",
                ),
                i=i + 1,
            )))
        if not disk.backing_file.strip():
            problems.append(_error(f"{f}.backing_file", Message(QT_TRANSLATE_NOOP("core.validation",
                "Choose the base image of disk {i}."), i=i + 1)))
    elif disk.backing_format is not None:
        problems.append(_warning(f"{f}.backing_format", Message(QT_TRANSLATE_NOOP("core.validation",
            "Disk {i} names a base image format but no base image: the format is ignored."),
            i=i + 1)))
    if disk.readonly and disk.throwaway:
        problems.append(_warning(f"{f}.throwaway", Message(QT_TRANSLATE_NOOP("core.validation",
            "Disk {i} is read-only, so making it throwaway too changes nothing: turn one of them "
            "off."), i=i + 1)))
    return problems


def _check_disk_file(
    f: str, i: int, disk: Disk, where: Path, folder: VmFolder | None
) -> list[Problem]:
    problems: list[Problem] = []
    writable = not disk.readonly and not disk.throwaway
    exists = os.path.lexists(where)
    if disk.size_bytes is None and not exists:
        problems.append(_error(f"{f}.path", Message(QT_TRANSLATE_NOOP("core.validation",
            "The image of disk {i}, {where}, does not exist: pick an existing image or give a "
            "size to create a new one."), i=i + 1, where=shown(str(where)))))
    elif not exists:
        # A new image: its folder must be there (the VM's own folder is made by the store).
        parent = where.parent
        if (folder is None or parent != folder.dir) and not parent.is_dir():
            problems.append(_error(f"{f}.path", Message(QT_TRANSLATE_NOOP("core.validation",
                "The folder {parent} for the new image of disk {i} does not exist: create it or "
                "pick another place."), parent=shown(str(parent)), i=i + 1)))
    else:
        try:
            is_block = stat.S_ISBLK(where.stat().st_mode)
        except OSError:
            is_block = False
        if is_block:
            if disk.format is not DiskFormat.RAW:
                problems.append(_warning(f"{f}.format", Message(QT_TRANSLATE_NOOP("core.validation",
                    "Disk {i} is a host device, which almost always holds raw data: set its "
                    "format to raw unless you know it holds an image of that format."), i=i + 1)))
            problems += _check_device(f"{f}.path", where, "disk", need_write=writable,
                                      allow_file=False)
        else:
            problems += _check_regular_input(f"{f}.path", where, Message(
                QT_TRANSLATE_NOOP("core.validation", "image of disk {i}"),
                i=i + 1,
            ),
                                             need_write=writable)
    if disk.backing_file and disk.backing_file.strip():
        # QEMU resolves a relative base image against the overlay's own folder.
        base = Path(disk.backing_file)
        base = base if base.is_absolute() else where.parent / base
        if not base.exists():
            problems.append(_error(f"{f}.backing_file", Message(QT_TRANSLATE_NOOP("core.validation",
                "The base image {base} of disk {i} does not exist: pick it again."),
                base=shown(str(base)), i=i + 1)))
        elif kind_problem := file_kind_problem(base, Message(QT_TRANSLATE_NOOP("core.validation",
            "base image of disk {i}"), i=i + 1)):
            problems.append(_error(f"{f}.backing_file", kind_problem))
    return problems


def _check_controllers(spec: VmSpec) -> list[Problem]:
    ide = sum(1 for d in spec.disks if d.bus is DiskBus.IDE)
    sata = sum(1 for d in spec.disks if d.bus is DiskBus.SATA)
    cd = 1 if spec.cdrom is not None else 0
    if spec.machine is MachineType.PC:
        if ide + cd > PC_IDE_SLOTS:
            return [_error("disks", Message(QT_TRANSLATE_NOOP("core.validation",
                "A pc machine has {slots} IDE slots, shared with the CD drive: move some disks to "
                "SATA or virtio."), slots=PC_IDE_SLOTS))]
        if sata > AHCI_PORTS:
            return [_error("disks", Message(QT_TRANSLATE_NOOP("core.validation",
                "At most {ports} SATA disks fit: move some disks to virtio."), ports=AHCI_PORTS))]
        return []
    if ide + sata + cd > AHCI_PORTS:
        return [_error("disks", Message(QT_TRANSLATE_NOOP("core.validation",
            "A q35 machine has {ports} SATA/IDE ports, shared with the CD drive: move some disks "
            "to virtio."), ports=AHCI_PORTS))]
    return []


def _check_cdrom(spec: VmSpec, folder: VmFolder | None, check_files: bool) -> list[Problem]:
    cd = spec.cdrom
    f = "cdrom.path"
    if cd is None or cd.source is CdromSource.EMPTY:
        return []
    what = Message(
        QT_TRANSLATE_NOOP("core.validation", "ISO file"),
    ) if cd.source is CdromSource.ISO else Message(QT_TRANSLATE_NOOP("core.validation",
        "CD/DVD drive"))
    if cd.path is None:
        return [_error(f, Message(QT_TRANSLATE_NOOP("core.validation", "Choose the {what}, or "
            "leave the CD drive empty."), what=what))]
    problems = _bad_path_text(f, cd.path, what)
    if problems or not check_files:
        return problems
    where = _resolve(cd.path, folder)
    if where is None:
        return []
    if cd.source is CdromSource.ISO:
        return _check_regular_input(f, where, what, need_write=False)
    return _check_device(f, where, what, need_write=False, allow_file=False)


def install_medium_problems(field: str, path: str, kind: MediumKind) -> list[Problem]:
    """Whether a file whose header says `kind` can go into the VM's CD drive to boot from.

    The wizard and `kvmgui-cli create --iso` both ask this, with the kind that
    kvmgui.runtime.medium read from the file's first bytes.
    """
    if kind in BOOTABLE_MEDIUM_KINDS:
        return []
    where = shown(path)
    if kind is MediumKind.EMPTY:
        return [_error(field, Message(QT_TRANSLATE_NOOP("core.validation", "{where} is empty: "
            "download the install or live disc image again."), where=where))]
    if kind in DISK_IMAGE_KINDS:
        return [_error(field, Message(QT_TRANSLATE_NOOP("core.validation", "{where} is a {value} "
            "disk image, not a CD/DVD image: use it as the VM's existing disk image instead."),
            where=where, value=kind.value))]
    return [_error(field, Message(QT_TRANSLATE_NOOP("core.validation", "{where} is neither a "
        "CD/DVD image (ISO) nor a bootable disk image: pick the install or live disc image of the "
        "system, usually a file ending in .iso."), where=where))]


def _check_usb_stick(spec: VmSpec, folder: VmFolder | None, check_files: bool) -> list[Problem]:
    stick = spec.usb_stick
    f = "usb_stick.path"
    if stick is None:
        return []
    problems = _bad_path_text(f, stick.path, Message(QT_TRANSLATE_NOOP("core.validation",
        "USB stick")))
    if problems or not check_files:
        return problems
    where = _resolve(stick.path, folder)
    if where is None:
        return []
    problems = _check_device(f, where, Message(QT_TRANSLATE_NOOP("core.validation",
        "USB stick")), need_write=not stick.protected,
                             allow_file=True)
    if not problems and not stick.protected and where.exists():
        try:
            is_block = stat.S_ISBLK(where.stat().st_mode)
        except OSError:
            is_block = False
        if is_block and _is_mounted(where):
            problems.append(_error(f, Message(QT_TRANSLATE_NOOP("core.validation",
                "{where} (or a partition on it) is mounted on this computer, and two systems "
                "writing to it at once destroy its files: unmount it first, or keep it protected."),
                where=shown(str(where)))))
    return problems


def share_problems(spec: VmSpec, home: str | None = None) -> list[Problem]:
    """Problems with the VM's shared folders. The folder must exist and be a folder (checked
    at every start too: stat only); neither the whole computer nor the user's home folder (or
    a folder holding it) may be shared. `home`: the home folder (default: this user's)."""
    problems: list[Problem] = []
    home_real = os.path.realpath(home or os.path.expanduser("~"))
    tags: set[str] = set()
    if len(spec.shares) > MAX_SHARES:
        problems.append(_error("shares", Message(QT_TRANSLATE_NOOP("core.validation",
            "A VM can share at most {limit} folders: remove some."), limit=MAX_SHARES)))
    for i, share in enumerate(spec.shares):
        f = f"shares[{i}]"
        if not share.path.startswith("/") or any(ch in share.path for ch in "\0\n\r"):
            problems.append(_error(f"{f}.path", Message(QT_TRANSLATE_NOOP("core.validation",
                "The shared folder {path} is not an absolute path: choose the folder again."),
                path=shown(share.path))))
            continue
        real = os.path.realpath(share.path)
        if real == "/" or real == home_real or home_real.startswith(real.rstrip("/") + "/"):
            problems.append(_error(f"{f}.path", Message(QT_TRANSLATE_NOOP("core.validation",
                "Sharing {path} would give the guest your whole home folder or computer: share "
                "a folder inside it instead."), path=shown(share.path))))
        elif not os.path.isdir(real):
            problems.append(_error(f"{f}.path", Message(QT_TRANSLATE_NOOP("core.validation",
                "The shared folder {path} does not exist or is not a folder."),
                path=shown(share.path))))
        if not TAG_RE.fullmatch(share.tag):
            problems.append(_error(f"{f}.tag", Message(QT_TRANSLATE_NOOP("core.validation",
                "The share tag '{tag}' must be 1 to 31 letters, digits, '-' or '_'."),
                tag=shown(share.tag, 40))))
        elif share.tag.casefold() in tags:
            problems.append(_error(f"{f}.tag", Message(QT_TRANSLATE_NOOP("core.validation",
                "The share tag '{tag}' is used twice: the guest could not tell the folders "
                "apart."), tag=share.tag)))
        tags.add(share.tag.casefold())
        if spec.os in WINDOWS and share.read_only:
            problems.append(_error(f"{f}.read_only", Message(QT_TRANSLATE_NOOP(
                "core.validation",
                "A Windows guest gets shared folders over SMB, which QEMU always offers "
                "writable: make {path} read-write or remove it."), path=shown(share.path))))
    if spec.os in WINDOWS and len(spec.shares) > 1:
        problems.append(_error("shares", Message(QT_TRANSLATE_NOOP("core.validation",
            "QEMU can share only one folder with a Windows guest (over SMB): remove all but "
            "one."))))
    if spec.os in WINDOWS and spec.shares and spec.network.mode is NetMode.NONE:
        problems.append(_error("shares", Message(QT_TRANSLATE_NOOP("core.validation",
            "A Windows guest reaches shared folders over its network, which is off: turn the "
            "network on or remove the shared folder."))))
    return problems


def _check_usb_devices(spec: VmSpec) -> list[Problem]:
    # The rules of the USB and extra-argument modules are imported by the checks that use
    # them: listing VMs (names, ids) needs neither, and the app lists them at rest.
    from kvmgui.core.usb_host import usb_off_problem, valid_hex4

    problems: list[Problem] = []
    off = usb_off_problem(spec)
    if off is not None:
        problems.append(_error("usb_devices", off))
    for device in spec.usb_devices:
        if not (valid_hex4(device.vendor) and valid_hex4(device.product)):
            problems.append(_error("usb_devices", Message(QT_TRANSLATE_NOOP("core.validation",
                "'{device}' is not a USB device id: it needs four hex digits on each side of "
                "the colon."), device=shown(str(device), 40))))
    if len(set(spec.usb_devices)) != len(spec.usb_devices):
        problems.append(_error("usb_devices", Message(QT_TRANSLATE_NOOP("core.validation",
            "A USB device is listed twice."))))
    return problems


def _check_boot_order(spec: VmSpec) -> list[Problem]:
    problems: list[Problem] = []
    present = {
        BootDevice.DISK: bool(spec.disks),
        BootDevice.CDROM: spec.cdrom is not None,
        BootDevice.USB: spec.usb_stick is not None
        or any(d.bus is DiskBus.USB for d in spec.disks),
    }
    names = {BootDevice.DISK: Message(
        QT_TRANSLATE_NOOP("core.validation", "disk"),
    ), BootDevice.CDROM: Message(
        QT_TRANSLATE_NOOP("core.validation", "CD drive"),
    ), BootDevice.USB: Message(QT_TRANSLATE_NOOP("core.validation", "USB stick"))}
    seen: set[BootDevice] = set()
    for dev in spec.boot_order:
        if dev in seen:
            problems.append(_warning("boot_order", Message(QT_TRANSLATE_NOOP("core.validation",
                "The {device} appears twice in the boot order: remove one."), device=names[dev])))
        seen.add(dev)
    if not any(present.values()):
        problems.append(_warning("boot_order", Message(QT_TRANSLATE_NOOP("core.validation",
            "The VM has no disk, CD drive or USB stick to start from: add one."))))
    # A CD or stick put first is what the user means to boot; a missing disk in first place
    # is the default order of a disk-less live-CD VM and falls through to the CD harmlessly.
    elif spec.boot_order and spec.boot_order[0] is not BootDevice.DISK:
        first = spec.boot_order[0]
        if not present[first]:
            problems.append(_warning("boot_order", Message(QT_TRANSLATE_NOOP("core.validation",
                "The VM should boot from its {device} first but has no {device}: add one or "
                "change the boot order."), device=names[first])))
    return problems


def _check_network(spec: VmSpec) -> list[Problem]:
    problems: list[Problem] = []
    net = spec.network
    if net.mode is NetMode.NONE and net.forwards:
        problems.append(_warning("network.forwards", Message(QT_TRANSLATE_NOOP("core.validation",
            "The VM has no network, so its port forwards do nothing: turn the network on or "
            "remove them."))))
    seen: dict[tuple[int, str], int] = {}
    for i, fw in enumerate(net.forwards):
        f = f"network.forwards[{i}]"
        if not 1 <= fw.host_port <= 65535:
            problems.append(_error(f"{f}.host_port", Message(QT_TRANSLATE_NOOP("core.validation",
                "Host port {host_port} does not exist: use a port between 1024 and 65535."),
                host_port=fw.host_port)))
        elif fw.host_port < 1024:
            problems.append(_error(f"{f}.host_port", Message(QT_TRANSLATE_NOOP("core.validation",
                "Host port {host_port} needs root: use a port of 1024 or more, for example "
                "{suggested_port}."), host_port=fw.host_port, suggested_port=fw.host_port + 8000)))
        if not 1 <= fw.guest_port <= 65535:
            problems.append(_error(f"{f}.guest_port", Message(QT_TRANSLATE_NOOP("core.validation",
                "Guest port {guest_port} does not exist: use a port between 1 and 65535."),
                guest_port=fw.guest_port)))
        key = (fw.host_port, fw.protocol.value)
        if key in seen:
            problems.append(_error(f"{f}.host_port", Message(QT_TRANSLATE_NOOP("core.validation",
                "Host port {host_port} ({value}) is forwarded twice: use another port."),
                host_port=fw.host_port, value=fw.protocol.value)))
        seen[key] = i
    return problems


def _check_display(spec: VmSpec) -> list[Problem]:
    if spec.display.password and spec.display.kind is not DisplayKind.VNC:
        return [_warning("display.password", Message(QT_TRANSLATE_NOOP("core.validation",
            "The console password only applies to VNC: switch the display to VNC or turn the "
            "password off.")))]
    return []


def _check_extra_args(spec: VmSpec) -> list[Problem]:
    from kvmgui.core.argv_extra import extra_args_problems  # see _check_usb_devices

    problems: list[Problem] = []
    for i, arg in enumerate(spec.extra_args):
        if "\0" in arg:
            problems.append(_error(f"extra_args[{i}]", Message(QT_TRANSLATE_NOOP("core.validation",
                "An extra argument contains a NUL character, which cannot be passed to QEMU: "
                "remove it."))))
    if problems:
        return problems
    problems.extend(_error("extra_args", sentence)
                    for sentence in extra_args_problems(spec.extra_args))
    return problems
