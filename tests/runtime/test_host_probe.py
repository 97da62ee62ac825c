"""The host probe against this real machine, and against fake /proc, /sys, /dev trees.

The real probe opens the real /dev/kvm and runs the real qemu-system-x86_64 and qemu-img. Fake
trees (the probe's `root`) cover hosts this machine is not: no /dev/kvm, no /proc/modules,
another user's group file. Fake programs appear only for the `--version` error paths.
"""

from __future__ import annotations

import os
import socket
import stat
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from kvmgui.core.hostcheck import (
    APT_QEMU,
    APT_QEMU_IMG,
    FINDING_KEYS,
    HostProbeResult,
    Status,
    host_facts,
)
from kvmgui.core.model import Accel
from kvmgui.runtime.host_probe import check_host, probe_host, root_is_mount
from kvmgui.runtime.qemu_probe import probe_caps

# This project's build machine: a VM with the kvm_pvm flavour of KVM and no vmx/svm flag.
THIS_MACHINE = Path("/sys/module/kvm_pvm").exists()

INTEL_CPUINFO = """processor\t: 0
vendor_id\t: GenuineIntel
flags\t\t: fpu vme de pse tsc msr pae vmx ept lahf_lm

processor\t: 1
vendor_id\t: GenuineIntel
flags\t\t: fpu vme de pse tsc msr pae vmx ept lahf_lm

processor\t: 2
vendor_id\t: GenuineIntel
flags\t\t: fpu vme de pse tsc msr pae vmx ept lahf_lm

processor\t: 3
vendor_id\t: GenuineIntel
flags\t\t: fpu vme de pse tsc msr pae vmx ept lahf_lm
"""

MEMINFO = "MemTotal:        8000000 kB\nMemFree:         1000000 kB\nMemAvailable:    6000000 kB\n"


def empty_env(tmp_path: Path) -> dict[str, str]:
    """A session with no sound server; PATH kept so the real QEMU is found."""
    runtime = tmp_path / "xdg-runtime"
    runtime.mkdir(exist_ok=True)
    return {"PATH": os.environ.get("PATH", os.defpath), "XDG_RUNTIME_DIR": str(runtime)}


def fake_tree(tmp_path: Path, *, cpuinfo: str = INTEL_CPUINFO) -> Path:
    """A host without /dev/kvm: Intel CPU with vmx, the kvm module loaded but not kvm_intel."""
    root = tmp_path / "root"
    (root / "proc/sys/kernel").mkdir(parents=True)
    (root / "proc/cpuinfo").write_text(cpuinfo)
    (root / "proc/meminfo").write_text(MEMINFO)
    (root / "proc/modules").write_text("kvm 1146880 0 - Live 0x0000000000000000\n")
    (root / "proc/sys/kernel/osrelease").write_text("6.1.0-18-amd64\n")
    (root / "sys/module/kvm/parameters").mkdir(parents=True)
    (root / "dev").mkdir()
    (root / "etc").mkdir()
    (root / "etc/group").write_text("root:x:0:\nkvm:x:64993:alice\n")
    return root


# --------------------------------------------------------------------------- the real host


@pytest.mark.qemu
@pytest.mark.asyncio
async def test_real_probe_finds_qemu_and_is_consistent(tmp_path: Path) -> None:
    rep = await check_host(tmp_path / "vms", env=empty_env(tmp_path))
    raw = rep.raw
    assert [f.key for f in rep.findings] == list(FINDING_KEYS)
    # The set-up script installs QEMU, so it is there on every machine the suite runs on.
    assert raw.qemu_path and raw.qemu_version and raw.qemu_version >= (7, 2, 0)
    assert raw.qemu_version_text.startswith("QEMU emulator version")
    assert raw.qemu_img_path and raw.qemu_img_version and raw.qemu_img_version >= (7, 2, 0)
    assert raw.qemu_img_version_text.startswith("qemu-img version")
    assert raw.cpu_count >= 1 and raw.mem_total_kib > 0 and raw.mem_available_kib > 0
    assert raw.free_bytes is not None and raw.free_space_path == str(tmp_path)
    assert raw.pulse_socket is None and rep.facts.audio_driver == "none"
    # QEMU was asked for its sound drivers, the same answer the argv builder gets.
    caps = await probe_caps(raw.qemu_path)
    assert raw.qemu_audio_drivers == caps.audio_drivers
    # KVM is only ever chosen when the device really created a VM.
    if rep.accel is Accel.KVM:
        assert raw.kvm_create_vm_ok and (raw.cpu_vmx or raw.cpu_svm)
    assert rep.facts.resolve_accel(Accel.AUTO) is rep.accel


@pytest.mark.qemu
@pytest.mark.asyncio
@pytest.mark.skipif(not THIS_MACHINE, reason="only the kvm_pvm build machine looks like this")
async def test_real_probe_on_this_machine_resolves_auto_to_tcg(tmp_path: Path) -> None:
    rep = await check_host(tmp_path, env=empty_env(tmp_path))
    raw = rep.raw
    # /dev/kvm is there and even works at the ioctl level...
    assert raw.dev_kvm_exists and raw.dev_kvm_is_char
    assert raw.kvm_open_errno is None
    assert raw.kvm_api_version == 12
    assert raw.kvm_create_vm_ok
    # ...but the CPU shows no vmx/svm and the module is kvm_pvm (found through /sys/module:
    # this sandbox has no /proc/modules).
    assert not raw.cpu_vmx and not raw.cpu_svm
    assert raw.cpu_hypervisor
    assert raw.modules is not None and "kvm_pvm" in raw.modules
    assert "kvm_intel" not in raw.modules and "kvm_amd" not in raw.modules
    assert rep.accel is Accel.TCG
    assert "no VT-x/AMD-V flag (vmx/svm)" in rep.accel_reason
    assert "kvm_pvm" in rep.accel_reason
    assert "much slower" in rep.accel_reason
    assert not rep.facts.kvm_usable
    assert raw.qemu_version is not None and raw.qemu_version[:2] == (7, 2)
    assert raw.qemu_img_version is not None and raw.qemu_img_version[:2] == (7, 2)
    # Debian's ovmf package: the 4 MiB pair its firmware descriptor names.
    assert raw.ovmf_code == "/usr/share/OVMF/OVMF_CODE_4M.fd"
    assert raw.ovmf_vars == "/usr/share/OVMF/OVMF_VARS_4M.fd"


# --------------------------------------------------------------------------- fake trees


@pytest.mark.qemu
@pytest.mark.asyncio
async def test_fake_tree_without_dev_kvm_names_the_fix(tmp_path: Path) -> None:
    root = fake_tree(tmp_path)
    rep = await check_host(tmp_path / "vms", root=root, env=empty_env(tmp_path))
    raw = rep.raw
    assert raw.cpu_vmx and not raw.cpu_hypervisor and raw.cpu_count == 4
    assert raw.modules == frozenset({"kvm"})
    assert not raw.dev_kvm_exists
    # Nothing to open, so no ioctl was tried.
    assert raw.kvm_open_errno is None and raw.kvm_api_version is None
    assert not raw.kvm_create_vm_ok
    assert rep.accel is Accel.TCG
    assert "/dev/kvm does not exist" in rep.accel_reason
    f = {x.key: x for x in rep.findings}
    assert f["dev-kvm"].status is Status.WARNING
    assert f["dev-kvm"].fix == "sudo modprobe kvm_intel"
    assert f["accel"].fix == "sudo modprobe kvm_intel"
    assert f["kvm-usable"].status is Status.INFO
    assert raw.kernel_release == "6.1.0-18-amd64"
    assert (raw.mem_total_kib, raw.mem_available_kib) == (8000000, 6000000)
    assert rep.facts.memory_mib == 8000000 // 1024
    # No OVMF in the fake tree.
    assert raw.ovmf_code is None and f["ovmf"].status is Status.WARNING


@pytest.mark.qemu
@pytest.mark.asyncio
async def test_fake_tree_without_flags_or_dev_kvm_asks_for_firmware(tmp_path: Path) -> None:
    root = fake_tree(tmp_path, cpuinfo=INTEL_CPUINFO.replace(" vmx ept", ""))
    rep = await check_host(tmp_path, root=root, env=empty_env(tmp_path))
    f = {x.key: x for x in rep.findings}
    assert rep.accel is Accel.TCG
    assert "BIOS/UEFI" in f["dev-kvm"].fix
    assert "VT-x/AMD-V" in f["cpu-virt"].fix


@pytest.mark.qemu
@pytest.mark.asyncio
async def test_fake_tree_modules_from_sys_when_proc_modules_is_missing(tmp_path: Path) -> None:
    root = fake_tree(tmp_path)
    (root / "proc/modules").unlink()
    for name in ("kvm_pvm", "vboxdrv"):
        (root / "sys/module" / name).mkdir()
    (root / "sys/module/kvm/parameters/enable_virt_at_load").write_text("N\n")
    (root / "sys/class/dmi/id").mkdir(parents=True)
    (root / "sys/class/dmi/id/product_name").write_text("Standard PC (Q35 + ICH9, 2009)\n")
    raw = await probe_host(tmp_path, root=root, env=empty_env(tmp_path))
    assert raw.modules == frozenset({"kvm", "kvm_pvm", "vboxdrv"})
    assert raw.kvm_enable_virt_at_load is False
    assert raw.dmi_product_name == "Standard PC (Q35 + ICH9, 2009)"


@pytest.mark.qemu
@pytest.mark.asyncio
async def test_fake_tree_with_nothing_at_all(tmp_path: Path) -> None:
    root = tmp_path / "empty"
    root.mkdir()
    rep = await check_host(tmp_path, root=root, env=empty_env(tmp_path))
    raw = rep.raw
    assert raw.modules is None  # unknown, not "none loaded"
    assert raw.cpu_count >= 1  # falls back to os.cpu_count()
    assert not raw.dev_kvm_exists and not raw.kvm_group_exists
    assert raw.kernel_release == ""
    assert rep.accel is Accel.TCG
    assert [f.key for f in rep.findings] == list(FINDING_KEYS)


@pytest.mark.qemu
@pytest.mark.asyncio
async def test_placeholder_dev_kvm_file_is_not_ioctled(tmp_path: Path) -> None:
    root = fake_tree(tmp_path)
    (root / "dev/kvm").write_text("")
    (root / "dev/kvm").chmod(0o660)
    raw = await probe_host(tmp_path, root=root, env=empty_env(tmp_path))
    assert raw.dev_kvm_exists and not raw.dev_kvm_is_char
    assert raw.dev_kvm_mode == 0o660
    assert raw.kvm_open_errno is None and raw.kvm_api_version is None


@pytest.mark.qemu
@pytest.mark.asyncio
@pytest.mark.skipif(not os.path.exists("/dev/kvm"), reason="needs a real /dev/kvm")
async def test_fake_tree_linked_to_the_real_dev_kvm_runs_the_ioctls(tmp_path: Path) -> None:
    root = fake_tree(tmp_path)
    (root / "dev/kvm").symlink_to("/dev/kvm")
    raw = await probe_host(tmp_path, root=root, env=empty_env(tmp_path))
    assert raw.dev_kvm_is_char
    if not os.access("/dev/kvm", os.R_OK | os.W_OK):
        assert raw.kvm_open_errno is not None
        return
    assert raw.kvm_open_errno is None
    assert raw.kvm_api_version == 12
    # The test VM's fd was closed again: no descriptor to /dev/kvm or a kvm-vm stays open.
    assert not any("kvm" in target for target in _open_fd_targets())


def _open_fd_targets() -> Iterator[str]:
    for name in os.listdir("/proc/self/fd"):
        try:
            yield os.readlink(f"/proc/self/fd/{name}")
        except OSError:  # the fd of the listdir itself, closed by now
            continue


@pytest.mark.qemu
@pytest.mark.asyncio
async def test_group_file_listing_without_session_membership(tmp_path: Path) -> None:
    # The kvm group lists this user, but this process never had that gid: exactly the state
    # right after `sudo adduser $USER kvm`, before logging in again.
    root = fake_tree(tmp_path)
    raw0 = await probe_host(tmp_path, root=root, env=empty_env(tmp_path))
    (root / "etc/group").write_text(f"root:x:0:\nkvm:x:64993:alice,{raw0.user}\n")
    raw = await probe_host(tmp_path, root=root, env=empty_env(tmp_path))
    assert raw.kvm_group_exists
    assert raw.in_kvm_group_listed
    assert not raw.in_kvm_group_session
    assert raw.is_root == (os.getuid() == 0)


# --------------------------------------------------------------------------- sound


def _unix_socket(path: Path) -> socket.socket:
    path.parent.mkdir(parents=True, exist_ok=True)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(path))
    return sock


@pytest.mark.qemu
@pytest.mark.asyncio
async def test_pulse_socket_selects_pa(tmp_path: Path) -> None:
    env = empty_env(tmp_path)
    sock = _unix_socket(Path(env["XDG_RUNTIME_DIR"]) / "pulse/native")
    try:
        rep = await check_host(tmp_path, root=fake_tree(tmp_path), env=env)
    finally:
        sock.close()
    assert rep.raw.pulse_socket == str(Path(env["XDG_RUNTIME_DIR"]) / "pulse/native")
    # `pa` only when this QEMU has the driver (Debian ships it in qemu-system-gui); otherwise
    # no sound, and the host check names the package.
    drivers = rep.raw.qemu_audio_drivers
    assert drivers is not None and "none" in drivers
    audio = {x.key: x for x in rep.findings}["audio"]
    if "pa" in drivers:
        assert rep.facts.audio_driver == "pa" and audio.status is Status.OK
    else:
        assert rep.facts.audio_driver == "none" and audio.status is Status.WARNING
        assert audio.fix == "sudo apt install qemu-system-gui"
        assert rep.facts.audio_reason == audio.message


@pytest.mark.qemu
@pytest.mark.asyncio
async def test_pipewire_without_pulse_means_no_sound(tmp_path: Path) -> None:
    env = empty_env(tmp_path)
    sock = _unix_socket(Path(env["XDG_RUNTIME_DIR"]) / "pipewire-0")
    (Path(env["XDG_RUNTIME_DIR"]) / "pulse").mkdir()
    (Path(env["XDG_RUNTIME_DIR"]) / "pulse/native").write_text("")  # not a socket
    try:
        rep = await check_host(tmp_path, root=fake_tree(tmp_path), env=env)
    finally:
        sock.close()
    assert rep.raw.pipewire_socket is not None and rep.raw.pulse_socket is None
    assert rep.facts.audio_driver == "none"


@pytest.mark.qemu
@pytest.mark.asyncio
async def test_pulse_server_variable_is_honoured(tmp_path: Path) -> None:
    env = empty_env(tmp_path)
    sock = _unix_socket(tmp_path / "elsewhere/pa.sock")
    env["PULSE_SERVER"] = f"unix:{tmp_path / 'elsewhere/pa.sock'}"
    try:
        raw = await probe_host(tmp_path, root=fake_tree(tmp_path), env=env)
    finally:
        sock.close()
    assert raw.pulse_socket == str(tmp_path / "elsewhere/pa.sock")


# --------------------------------------------------------------------------- programs


@pytest.mark.asyncio
async def test_missing_programs_name_the_apt_command(tmp_path: Path) -> None:
    env = empty_env(tmp_path)
    env["PATH"] = str(tmp_path / "empty-bin")
    rep = await check_host(tmp_path, root=fake_tree(tmp_path), env=env)
    f = {x.key: x for x in rep.findings}
    assert rep.raw.qemu_path is None and rep.raw.qemu_img_path is None
    assert (f["qemu"].status, f["qemu"].fix) == (Status.FAILURE, APT_QEMU)
    assert (f["qemu-img"].status, f["qemu-img"].fix) == (Status.FAILURE, APT_QEMU_IMG)
    assert rep.raw.swtpm_path is None and f["swtpm"].status is Status.WARNING
    assert f["remote-viewer"].status is Status.INFO


def _script(path: Path, body: str) -> Path:
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@pytest.mark.asyncio
async def test_version_error_paths(tmp_path: Path) -> None:
    # `exec` so the pid we kill on timeout is the sleeper itself and nothing is left behind.
    hang = _script(tmp_path / "hang", "exec sleep 30")
    broken = _script(tmp_path / "broken", "echo 'boom: cannot start' >&2; exit 3")
    raw: HostProbeResult = await probe_host(
        tmp_path,
        qemu_binary=str(hang),
        qemu_img=str(broken),
        root=fake_tree(tmp_path),
        env=empty_env(tmp_path),
        timeout=0.5,
    )
    assert raw.qemu_path == str(hang) and raw.qemu_version is None
    assert "did not answer within 0.5 seconds" in raw.qemu_version_text
    assert raw.qemu_img_version is None
    assert raw.qemu_img_version_text == "it exited with status 3 (boom: cannot start)"
    assert raw.qemu_audio_drivers is None  # QEMU could not be asked: nothing concluded


@pytest.mark.qemu
@pytest.mark.asyncio
async def test_free_space_of_a_folder_not_yet_created(tmp_path: Path) -> None:
    raw = await probe_host(tmp_path / "a/b/c", root=fake_tree(tmp_path), env=empty_env(tmp_path))
    assert raw.vm_root == str(tmp_path / "a/b/c")
    assert raw.free_space_path == str(tmp_path)
    assert raw.free_bytes is not None and raw.free_bytes > 0


# --------------------------------------------------------------------------- shared folders


def _program(path: Path, text: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x7fELF" + text)
    path.chmod(0o755)


@pytest.mark.asyncio
async def test_virtiofsd_found_through_qemus_descriptors(tmp_path: Path) -> None:
    root = fake_tree(tmp_path)
    descriptors = root / "usr/share/qemu/vhost-user"
    descriptors.mkdir(parents=True)
    (descriptors / "50-qemu-gpu.json").write_text('{"type": "gpu", "binary": "/usr/lib/gpu"}')
    (descriptors / "50-qemu-virtiofsd.json").write_text(
        '{"description": "virtiofsd", "type": "fs", "binary": "/opt/vfs/virtiofsd"}')
    (descriptors / "60-broken.json").write_text("{not json")
    _program(root / "opt/vfs/virtiofsd", b"--shared-dir --readonly --sandbox")
    _program(root / "usr/sbin/smbd", b"")
    raw = await probe_host(tmp_path, root=root, env=empty_env(tmp_path))
    assert raw.virtiofsd_path == str(root / "opt/vfs/virtiofsd")
    assert (raw.virtiofsd_legacy, raw.virtiofsd_readonly) == (False, True)
    assert raw.smbd_path == str(root / "usr/sbin/smbd")
    user = host_facts(replace(raw, is_root=False))
    assert user.virtiofsd is None and "sudo apt install uidmap" in user.virtiofsd_reason
    for tool in ("newuidmap", "newgidmap"):
        _program(root / "usr/bin" / tool, b"")
    raw = await probe_host(tmp_path, root=root, env=empty_env(tmp_path))
    facts = host_facts(replace(raw, is_root=False))
    assert facts.virtiofsd == raw.virtiofsd_path and facts.virtiofsd_readonly


@pytest.mark.asyncio
async def test_qemu_72_virtiofsd_needs_root(tmp_path: Path) -> None:
    root = fake_tree(tmp_path)
    _program(root / "usr/lib/qemu/virtiofsd", b"-o source=PATH --socket-path")
    raw = await probe_host(tmp_path, root=root, env=empty_env(tmp_path))
    assert (raw.virtiofsd_legacy, raw.virtiofsd_readonly) == (True, False)
    assert raw.smbd_path is None
    user = host_facts(replace(raw, is_root=False))
    assert user.virtiofsd is None and "only runs as root" in user.virtiofsd_reason
    admin = host_facts(replace(raw, is_root=True))
    assert admin.virtiofsd == raw.virtiofsd_path and admin.virtiofsd_legacy
    # In a chroot the sandbox cannot remount "/": 9p, with the reason.
    (root / "proc/self").mkdir(parents=True, exist_ok=True)
    (root / "proc/self/mountinfo").write_text("23 1 0:21 / /proc rw - proc proc rw\n")
    raw = await probe_host(tmp_path, root=root, env=empty_env(tmp_path))
    assert not raw.root_is_mount
    jailed = host_facts(replace(raw, is_root=True))
    assert jailed.virtiofsd is None and "not a mount point" in jailed.virtiofsd_reason


def test_root_is_a_mount_point_unless_chrooted() -> None:
    assert root_is_mount("22 1 8:1 / / rw,relatime - ext4 /dev/sda1 rw\n")
    assert not root_is_mount("23 1 0:21 / /proc rw - proc proc rw\n")
    assert root_is_mount(None) and root_is_mount("")
