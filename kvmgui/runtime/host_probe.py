"""Measure the host: the I/O half of the host check (the decisions are in core.hostcheck).

Blocking reads of /proc, /sys and /dev/kvm happen in one small synchronous function that runs
in a worker thread (asyncio.to_thread), and the `--version` calls run as asyncio subprocesses,
so the Qt thread never waits on any of it.

`root` points the probe at another tree (tests build fake /proc, /sys, /dev and /etc/group
there); the programs (QEMU, swtpm, remote-viewer) and the VM folder are always the real ones.
"""

from __future__ import annotations

import asyncio
import errno
import fcntl
import grp
import json
import os
import pwd
import shutil
import stat
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import ParamSpec

from kvmgui.core.hostcheck import (
    INTERESTING_MODULES,
    KVM_API_VERSION,
    OVMF_CANDIDATES,
    HostProbeResult,
    HostReport,
    count_cpus,
    parse_cpu_flags,
    parse_group_file,
    parse_meminfo,
    parse_proc_modules,
    parse_tool_version,
    report,
)
from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message
from kvmgui.runtime.children import output_within, spawn_tied
from kvmgui.runtime.qemu_probe import QemuProbeError, probe_caps

# From <linux/kvm.h>: _IO(KVMIO=0xAE, 0x00) and _IO(KVMIO, 0x01).
KVM_GET_API_VERSION = 0xAE00
KVM_CREATE_VM = 0xAE01

VERSION_TIMEOUT_S = 10.0

_P = ParamSpec("_P")


async def probe_host(
    vm_root: Path,
    qemu_binary: str = "qemu-system-x86_64",
    qemu_img: str = "qemu-img",
    *,
    root: Path = Path("/"),
    env: Mapping[str, str] | None = None,
    timeout: float = VERSION_TIMEOUT_S,
    caps_cache: Path | None = None,
) -> HostProbeResult:
    """Gather the raw host facts. Never raises for a missing file or program: absence is a fact.

    `env` (default: os.environ) supplies PATH for finding programs and XDG_RUNTIME_DIR /
    PULSE_SERVER for the sound server; QEMU itself is asked which sound drivers it has.
    `caps_cache`: qemu_probe's file of known binaries (AppPaths.qemu_caps_cache), so a known
    QEMU is not run at all.
    """
    environ = dict(os.environ if env is None else env)
    programs = await asyncio.to_thread(_find_programs, qemu_binary, qemu_img, environ)
    files, (qemu, audio), img = await asyncio.gather(
        asyncio.to_thread(_probe_files, Path(vm_root), root, environ),
        _qemu_facts(programs.qemu, timeout, caps_cache),
        _tool_version(programs.qemu_img, timeout),
    )
    return replace(
        files,
        qemu_audio_drivers=audio[0],
        qemu_pa_package=audio[1],
        qemu_path=programs.qemu,
        qemu_version=qemu[0],
        qemu_version_text=qemu[1],
        qemu_img_path=programs.qemu_img,
        qemu_img_version=img[0],
        qemu_img_version_text=img[1],
        swtpm_path=programs.swtpm,
        remote_viewer_path=programs.remote_viewer,
    )


def _reported(probe: Callable[_P, Awaitable[HostProbeResult]]
              ) -> Callable[_P, Awaitable[HostReport]]:
    async def checked(*args: _P.args, **kwargs: _P.kwargs) -> HostReport:
        return report(await probe(*args, **kwargs))

    return checked


# probe_host + core.hostcheck.report: findings, what `auto` means, and the HostFacts; it takes
# probe_host's arguments.
check_host = _reported(probe_host)


# --------------------------------------------------------------------------- programs


@dataclass(frozen=True)
class _Programs:
    qemu: str | None
    qemu_img: str | None
    swtpm: str | None
    remote_viewer: str | None


def _find_programs(qemu_binary: str, qemu_img: str, env: Mapping[str, str]) -> _Programs:
    search = env.get("PATH") or os.defpath
    return _Programs(
        qemu=shutil.which(qemu_binary, path=search),
        qemu_img=shutil.which(qemu_img, path=search),
        swtpm=shutil.which("swtpm", path=search),
        remote_viewer=shutil.which("remote-viewer", path=search),
    )


Version = tuple[int, int, int]


async def _tool_version(path: str | None, timeout: float) -> tuple[Version | None, str]:
    """(version, first line of output or why there is none) of `path --version`."""
    if path is None:
        return None, ""
    try:
        proc = await spawn_tied([path, "--version"], stderr=asyncio.subprocess.STDOUT)
    except OSError as exc:
        return None, Message(QT_TRANSLATE_NOOP("runtime.host_probe",
                                               "it could not be started ({problem})"),
                             problem=str(exc.strerror or exc))
    output = await output_within(proc, timeout)
    if output is None:
        return None, Message(QT_TRANSLATE_NOOP("runtime.host_probe",
                                               "it did not answer within {timeout} seconds"),
                             timeout=f"{timeout:g}")
    text = output[0].decode("utf-8", "replace").strip()
    first = text.splitlines()[0] if text else ""
    if proc.returncode != 0:
        return None, Message(QT_TRANSLATE_NOOP(
            "runtime.host_probe", "it exited with status {status} ({output})"),
            status=proc.returncode,
            output=first or Message(QT_TRANSLATE_NOOP("runtime.host_probe", "no output")))
    return parse_tool_version(text), first


async def _qemu_facts(
    path: str | None, timeout: float, caps_cache: Path | None
) -> tuple[tuple[Version | None, str], tuple[frozenset[str] | None, str | None]]:
    """((QEMU's version, the first line of `--version`), (the -audiodev drivers QEMU lists,
    the package it names for a missing `pa`)).

    Through qemu_probe's caches, so the host check and the argv builder see the same QEMU
    and a known binary is not run again. When its capabilities cannot be read, `--version`
    alone says why and the sound drivers are (None, None).
    """
    if path is None:
        return (None, ""), (None, None)
    try:
        caps = await probe_caps(path, timeout=timeout, cache_file=caps_cache)
    except QemuProbeError:
        return await _tool_version(path, timeout), (None, None)
    version = parse_tool_version(caps.version_text) or caps.version
    return (version, caps.version_text), (caps.audio_drivers, caps.audio_packages.get("pa") or None)


# --------------------------------------------------------------------------- files and devices


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def _under(root: Path, absolute: str) -> Path:
    return root / absolute.lstrip("/")


def _probe_files(vm_root: Path, root: Path, env: Mapping[str, str]) -> HostProbeResult:
    """Everything that reads files or opens /dev/kvm. Blocking: runs in a worker thread."""
    cpuinfo = _read(root / "proc/cpuinfo") or ""
    flags = parse_cpu_flags(cpuinfo)
    meminfo = parse_meminfo(_read(root / "proc/meminfo") or "")
    kvm = _probe_dev_kvm(root / "dev/kvm")
    groups = _probe_groups(root)
    ovmf = _find_ovmf(root)
    virtiofsd = _find_virtiofsd(root, env)
    free_path, free_bytes = _free_space(vm_root)
    pulse, pipewire = _sound_sockets(env)
    return HostProbeResult(
        cpu_vmx="vmx" in flags,
        cpu_svm="svm" in flags,
        cpu_hypervisor="hypervisor" in flags,
        cpu_count=count_cpus(cpuinfo) or os.cpu_count() or 1,
        modules=_loaded_modules(root),
        kvm_enable_virt_at_load=_bool_param(
            _read(root / "sys/module/kvm/parameters/enable_virt_at_load")
        ),
        kernel_release=_kernel_release(root),
        dev_kvm_exists=kvm.exists,
        dev_kvm_is_char=kvm.is_char,
        dev_kvm_mode=kvm.mode,
        dev_kvm_group=kvm.group,
        kvm_open_errno=kvm.open_errno,
        kvm_api_version=kvm.api_version,
        kvm_create_vm_errno=kvm.create_vm_errno,
        kvm_create_vm_ok=kvm.create_vm_ok,
        user=groups.user,
        is_root=groups.is_root,
        kvm_group_exists=groups.kvm_group_exists,
        in_kvm_group_listed=groups.listed,
        in_kvm_group_session=groups.session,
        dmi_product_name=(_read(root / "sys/class/dmi/id/product_name") or "").strip() or None,
        ovmf_code=ovmf[0] if ovmf else None,
        ovmf_vars=ovmf[1] if ovmf else None,
        virtiofsd_path=virtiofsd[0] if virtiofsd else None,
        virtiofsd_legacy=virtiofsd[1] if virtiofsd else False,
        virtiofsd_readonly=virtiofsd[2] if virtiofsd else False,
        smbd_path=str(_under(root, SMBD)) if _under(root, SMBD).is_file() else None,
        uidmap_tools=all(_under(root, f"/usr/bin/{tool}").is_file()
                         for tool in ("newuidmap", "newgidmap")),
        root_is_mount=root_is_mount(_read(root / "proc/self/mountinfo")),
        vm_root=str(vm_root),
        free_space_path=str(free_path) if free_path else "",
        free_bytes=free_bytes,
        pulse_socket=pulse,
        pipewire_socket=pipewire,
        mem_total_kib=meminfo.get("MemTotal", 0),
        mem_available_kib=meminfo.get("MemAvailable", meminfo.get("MemFree", 0)),
    )


def _loaded_modules(root: Path) -> frozenset[str] | None:
    """Interesting modules from /proc/modules and /sys/module, or None if neither is readable.

    Both sources are merged: /proc/modules misses modules built into the kernel, and some
    sandboxes (this project's CI machine among them) have no /proc/modules at all.
    """
    found: set[str] = set()
    known = False
    text = _read(root / "proc/modules")
    if text is not None:
        known = True
        found |= parse_proc_modules(text) & set(INTERESTING_MODULES)
    sys_module = root / "sys/module"
    if sys_module.is_dir():
        known = True
        found |= {name for name in INTERESTING_MODULES if (sys_module / name).exists()}
    return frozenset(found) if known else None


def _bool_param(text: str | None) -> bool | None:
    value = (text or "").strip()
    if value in ("Y", "y", "1"):
        return True
    if value in ("N", "n", "0"):
        return False
    return None


def _kernel_release(root: Path) -> str:
    text = _read(root / "proc/sys/kernel/osrelease")
    if text:
        return text.strip()
    return os.uname().release if root == Path("/") else ""


@dataclass(frozen=True)
class _KvmProbe:
    exists: bool = False
    is_char: bool = False
    mode: int | None = None
    group: str | None = None
    open_errno: int | None = None
    api_version: int | None = None
    create_vm_errno: int | None = None
    create_vm_ok: bool = False


def _probe_dev_kvm(path: Path) -> _KvmProbe:
    """Do what QEMU does first: open /dev/kvm read-write, check the API, create a VM.

    `kvm-ok` stops at "the file exists"; only creating a VM shows permission problems (EACCES)
    and another hypervisor holding VT-x (EBUSY). The test VM has no memory or vCPUs and is
    destroyed when its fd closes.
    """
    try:
        st = os.stat(path)
    except OSError:
        return _KvmProbe()
    is_char = stat.S_ISCHR(st.st_mode)
    base = _KvmProbe(
        exists=True, is_char=is_char, mode=stat.S_IMODE(st.st_mode), group=_group_name(st.st_gid)
    )
    if not is_char:  # a fake tree's placeholder: ioctls would only fail with ENOTTY
        return base
    try:
        fd = os.open(path, os.O_RDWR | os.O_CLOEXEC)
    except OSError as exc:
        return replace(base, open_errno=exc.errno)
    try:
        try:
            api = fcntl.ioctl(fd, KVM_GET_API_VERSION, 0)
        except OSError:
            return base
        if api != KVM_API_VERSION:
            return replace(base, api_version=api)
        try:
            vm_fd = fcntl.ioctl(fd, KVM_CREATE_VM, 0)
        except OSError as exc:
            return replace(base, api_version=api, create_vm_errno=exc.errno or errno.EIO)
        os.close(vm_fd)
        return replace(base, api_version=api, create_vm_ok=True)
    finally:
        os.close(fd)


def _group_name(gid: int) -> str:
    try:
        return grp.getgrgid(gid).gr_name
    except KeyError:
        return str(gid)


@dataclass(frozen=True)
class _Groups:
    user: str
    is_root: bool
    kvm_group_exists: bool
    listed: bool
    session: bool


def _probe_groups(root: Path) -> _Groups:
    """Is this user in group kvm, on paper (/etc/group) and in this login session?

    Being listed but missing from os.getgroups() means "added, but not logged in again": the
    commonest reason the wiki's adduser step seems not to work.
    """
    uid = os.getuid()
    try:
        entry: pwd.struct_passwd | None = pwd.getpwuid(uid)
    except KeyError:
        entry = None
    user = entry.pw_name if entry else os.environ.get("USER", str(uid))
    kvm: tuple[int, frozenset[str]] | None
    if root == Path("/"):
        try:
            g = grp.getgrnam("kvm")  # NSS, so LDAP/SSSD groups count too
            kvm = (g.gr_gid, frozenset(g.gr_mem))
        except KeyError:
            kvm = None
    else:
        kvm = parse_group_file(_read(root / "etc/group") or "", "kvm")
    if kvm is None:
        return _Groups(user, uid == 0, False, False, False)
    gid, members = kvm
    listed = user in members or (entry is not None and entry.pw_gid == gid)
    session = gid in os.getgroups() or os.getegid() == gid
    return _Groups(user, uid == 0, True, listed, session)


# QEMU runs exactly this smbd for `-netdev user,smb=` (the path is compiled into Debian's QEMU).
SMBD = "/usr/sbin/smbd"
# Where QEMU's vhost-user descriptors live (docs/interop/vhost-user.json), lowest priority
# first; the user's own folder wins.
VHOST_USER_DIRS = ("/usr/share/qemu/vhost-user", "/etc/qemu/vhost-user")
def root_is_mount(mountinfo: str | None) -> bool:
    """Whether "/" is a mount point in /proc/self/mountinfo (its fifth field); in a chroot it
    is not listed. An unreadable table is taken as an ordinary system."""
    if not mountinfo:
        return True
    fields = (line.split() for line in mountinfo.splitlines())
    return any(len(f) > 4 and f[4] == "/" for f in fields)


VIRTIOFSD_FALLBACKS = ("/usr/libexec/virtiofsd", "/usr/lib/qemu/virtiofsd")


def _find_virtiofsd(root: Path, env: Mapping[str, str]) -> tuple[str, bool, bool] | None:
    """(path, legacy, read-only capable) of the virtiofsd QEMU's descriptors name (type "fs"),
    else of a known install location; None when there is none.

    Which program it is comes from the option names in the binary (QEMU 7.2's C virtiofsd
    takes `-o source=`, the newer one `--shared-dir` and maybe `--readonly`): no process."""
    folders = [_under(root, d) for d in VHOST_USER_DIRS]
    config = env.get("XDG_CONFIG_HOME") or (env.get("HOME", "") + "/.config")
    if config.startswith("/"):
        folders.append(_under(root, config + "/qemu/vhost-user"))
    found: dict[str, str] = {}
    for folder in folders:
        try:
            names = sorted(p.name for p in folder.glob("*.json"))
        except OSError:
            continue
        for name in names:
            try:
                data = json.loads(_read(folder / name) or "null")
            except ValueError:
                continue
            if (isinstance(data, dict) and data.get("type") == "fs"
                    and isinstance(data.get("binary"), str)):
                found[name] = data["binary"]  # a later folder overrides the same file name
    candidates = [found[k] for k in sorted(found)] + list(VIRTIOFSD_FALLBACKS)
    for candidate in candidates:
        path = _under(root, candidate)
        if not path.is_file() or not os.access(path, os.X_OK):
            continue
        try:
            with open(path, "rb") as f:
                text = f.read(16 * 1024 * 1024)
        except OSError:
            continue
        legacy = b"--shared-dir" not in text
        return str(path), legacy, (not legacy and b"--readonly" in text)
    return None


def _find_ovmf(root: Path) -> tuple[str, str] | None:
    for code, vars_template in OVMF_CANDIDATES:
        code_path, vars_path = _under(root, code), _under(root, vars_template)
        if code_path.is_file() and vars_path.is_file():
            return str(code_path), str(vars_path)
    return None


def _free_space(vm_root: Path) -> tuple[Path | None, int | None]:
    """Free bytes on the file system that holds (or will hold) the VM folder."""
    path = vm_root.absolute()
    while not path.exists() and path != path.parent:
        path = path.parent
    try:
        return path, shutil.disk_usage(path).free
    except OSError:
        return path, None


def _is_socket(path: Path) -> bool:
    try:
        return stat.S_ISSOCK(os.stat(path).st_mode)
    except OSError:
        return False


def _sound_sockets(env: Mapping[str, str]) -> tuple[str | None, str | None]:
    """(PulseAudio socket, PipeWire socket) of this session, each None when absent.

    QEMU's `pa` driver looks where libpulse looks: PULSE_SERVER, else
    $XDG_RUNTIME_DIR/pulse/native. Only unix sockets are checked; a TCP server can't be
    verified without connecting, and guessing wrong stops QEMU from starting.
    """
    runtime = Path(env.get("XDG_RUNTIME_DIR") or f"/run/user/{os.getuid()}")
    pulse_candidates = []
    server = env.get("PULSE_SERVER", "")
    if server.startswith("unix:"):
        pulse_candidates.append(Path(server.removeprefix("unix:")))
    elif server.startswith("/"):
        pulse_candidates.append(Path(server))
    pulse_candidates.append(runtime / "pulse/native")
    pulse = next((str(p) for p in pulse_candidates if _is_socket(p)), None)
    pipewire = runtime / "pipewire-0"
    return pulse, (str(pipewire) if _is_socket(pipewire) else None)
