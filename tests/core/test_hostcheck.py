"""The host check's decisions over many combinations of raw host facts (pure, no I/O)."""

from __future__ import annotations

import errno
from dataclasses import replace

import pytest
from hypothesis import given, settings, strategies as st

from kvmgui.core.hostcheck import (
    ADD_TO_KVM_GROUP,
    APT_OVMF,
    APT_QEMU,
    APT_QEMU_IMG,
    APT_SWTPM,
    APT_VIEWER,
    FINDING_KEYS,
    FIRMWARE_FIX,
    INTERESTING_MODULES,
    KVM_OK,
    KVM_SLOW,
    LOG_OUT_AND_IN,
    NESTED_FIX,
    QEMU_AUDIO_PACKAGE,
    Finding,
    HostProbeResult,
    Status,
    audio_driver,
    auto_accel,
    count_cpus,
    evaluate,
    format_bytes,
    host_facts,
    merge_findings,
    parse_cpu_flags,
    parse_group_file,
    parse_kernel_release,
    parse_meminfo,
    parse_proc_modules,
    parse_tool_version,
    report,
    status_rank,
)
from kvmgui.core.model import Accel
from tests.examples import examples

GIB = 1024**3

# A healthy Intel desktop: everything a user needs is there and KVM works.
HEALTHY = HostProbeResult(
    cpu_vmx=True,
    cpu_count=8,
    modules=frozenset({"kvm", "kvm_intel"}),
    kvm_enable_virt_at_load=None,
    kernel_release="6.1.0-18-amd64",
    dev_kvm_exists=True,
    dev_kvm_is_char=True,
    dev_kvm_mode=0o660,
    dev_kvm_group="kvm",
    kvm_api_version=12,
    kvm_create_vm_ok=True,
    user="alice",
    kvm_group_exists=True,
    in_kvm_group_listed=True,
    in_kvm_group_session=True,
    qemu_path="/usr/bin/qemu-system-x86_64",
    qemu_version=(7, 2, 22),
    qemu_version_text="QEMU emulator version 7.2.22",
    qemu_img_path="/usr/bin/qemu-img",
    qemu_img_version=(7, 2, 22),
    ovmf_code="/usr/share/OVMF/OVMF_CODE_4M.fd",
    ovmf_vars="/usr/share/OVMF/OVMF_VARS_4M.fd",
    swtpm_path="/usr/bin/swtpm",
    remote_viewer_path="/usr/bin/remote-viewer",
    vm_root="/home/alice/.local/share/kvmgui/vms",
    free_space_path="/home/alice",
    free_bytes=200 * GIB,
    pulse_socket="/run/user/1000/pulse/native",
    pipewire_socket="/run/user/1000/pipewire-0",
    qemu_audio_drivers=frozenset({"none", "alsa", "pa", "spice", "wav"}),
    mem_total_kib=16 * 1024 * 1024,
    mem_available_kib=12 * 1024 * 1024,
)

# This project's build machine: a VM whose CPU shows no vmx/svm, with the kvm_pvm flavour of
# KVM providing a /dev/kvm that opens and even creates VMs, though ordinary guests hang.
THIS_MACHINE = replace(
    HEALTHY,
    cpu_vmx=False,
    cpu_hypervisor=True,
    modules=frozenset({"kvm", "kvm_pvm"}),
    kernel_release="6.18.44-fc-v669",
    kvm_enable_virt_at_load=True,
    dev_kvm_mode=0o600,
    dev_kvm_group="root",
    user="root",
    is_root=True,
    kvm_group_exists=False,
    in_kvm_group_listed=False,
    in_kvm_group_session=False,
    pulse_socket=None,
    pipewire_socket=None,
)

NOT_IN_GROUP = replace(
    HEALTHY,
    kvm_open_errno=errno.EACCES,
    kvm_api_version=None,
    kvm_create_vm_ok=False,
    in_kvm_group_listed=False,
    in_kvm_group_session=False,
)


def by_key(raw: HostProbeResult) -> dict[str, Finding]:
    return {f.key: f for f in evaluate(raw)}


def all_fixes(raw: HostProbeResult) -> list[str]:
    return [f.fix for f in evaluate(raw)]


# --------------------------------------------------------------------------- whole host


def test_healthy_host_uses_kvm_and_everything_is_ok() -> None:
    accel, reason = auto_accel(HEALTHY)
    assert accel is Accel.KVM
    assert "VT-x (vmx)" in reason and "KVM" in reason
    findings = evaluate(HEALTHY)
    assert [f.key for f in findings] == list(FINDING_KEYS)
    assert {f.key: f.status for f in findings} == dict.fromkeys(FINDING_KEYS, Status.OK)
    assert all(f.fix == "" for f in findings)


def test_amd_host_uses_kvm() -> None:
    raw = replace(HEALTHY, cpu_vmx=False, cpu_svm=True, modules=frozenset({"kvm", "kvm_amd"}))
    accel, reason = auto_accel(raw)
    assert accel is Accel.KVM
    assert "AMD-V (svm)" in reason
    assert by_key(raw)["kvm-module"].message == "The virtualization driver is loaded."
    assert by_key(raw)["kvm-module"].details == "The kvm_amd module is loaded."


def test_this_machine_no_flags_and_kvm_pvm_means_tcg() -> None:
    accel, reason = auto_accel(THIS_MACHINE)
    assert accel is Accel.TCG
    assert "no VT-x/AMD-V flag (vmx/svm)" in reason
    assert "kvm_pvm" in reason
    assert "guests will run much slower" in reason
    assert reason.count(".") == 1 and reason.endswith(".")  # one sentence
    f = by_key(THIS_MACHINE)
    assert f["accel"].status is Status.WARNING
    # A plain sentence first; the technical reason (what `auto` means and why) is the details.
    assert f["accel"].message == KVM_SLOW
    assert f["accel"].details == reason
    assert f["accel"].fix == NESTED_FIX  # it is a VM: the outer host must pass VT-x through
    assert f["cpu-virt"].status is Status.WARNING
    assert f["kvm-module"].status is Status.WARNING and "kvm_pvm" in f["kvm-module"].details
    assert f["dev-kvm"].status is Status.OK
    # The device really created a VM, yet it is still reported as unusable for ordinary guests.
    assert f["kvm-usable"].status is Status.WARNING and "kvm_pvm" in f["kvm-usable"].details
    assert f["kvm-group"].status is Status.OK  # root
    assert f["nested"].status is Status.INFO


def test_kvm_pvm_on_bare_metal_without_flags_points_at_firmware() -> None:
    raw = replace(THIS_MACHINE, cpu_hypervisor=False)
    accel, reason = auto_accel(raw)
    assert accel is Accel.TCG
    assert "kvm_pvm" in reason
    assert by_key(raw)["accel"].fix == FIRMWARE_FIX


def test_kvm_pvm_even_with_flags_is_not_used() -> None:
    raw = replace(HEALTHY, modules=frozenset({"kvm", "kvm_pvm"}))
    accel, reason = auto_accel(raw)
    assert accel is Accel.TCG
    assert "kvm_pvm" in reason
    assert by_key(raw)["accel"].fix == "sudo modprobe kvm_intel"


def test_kvm_pvm_alongside_kvm_intel_is_fine() -> None:
    raw = replace(HEALTHY, modules=frozenset({"kvm", "kvm_intel", "kvm_pvm"}))
    assert auto_accel(raw)[0] is Accel.KVM


def test_unknown_modules_do_not_block_a_working_kvm() -> None:
    raw = replace(HEALTHY, modules=None)
    assert auto_accel(raw)[0] is Accel.KVM
    f = by_key(raw)
    assert f["kvm-module"].status is Status.INFO
    assert f["vbox"].status is Status.INFO


# --------------------------------------------------------------------------- CPU and nesting


def test_bare_metal_without_flags_asks_for_firmware_setting() -> None:
    raw = replace(
        HEALTHY, cpu_vmx=False, modules=frozenset(), dev_kvm_exists=False, dev_kvm_is_char=False
    )
    accel, reason = auto_accel(raw)
    assert accel is Accel.TCG
    assert "firmware" in reason
    f = by_key(raw)
    assert f["cpu-virt"].fix == FIRMWARE_FIX
    assert "turn on virtualization (vt-x/amd-v) in the computer's bios/uefi" in FIRMWARE_FIX.lower()
    assert f["dev-kvm"].fix == FIRMWARE_FIX
    assert f["kvm-module"].fix == FIRMWARE_FIX
    assert f["nested"].status is Status.OK


def test_vm_without_nested_virtualization_asks_the_outer_host() -> None:
    raw = replace(
        HEALTHY,
        cpu_vmx=False,
        cpu_hypervisor=True,
        dmi_product_name="Standard PC (Q35 + ICH9, 2009)",
        modules=frozenset(),
        dev_kvm_exists=False,
        dev_kvm_is_char=False,
    )
    accel, reason = auto_accel(raw)
    assert accel is Accel.TCG
    assert "nested virtualization" in reason
    f = by_key(raw)
    assert f["cpu-virt"].fix == NESTED_FIX
    assert f["nested"].fix == NESTED_FIX
    assert "Standard PC (Q35 + ICH9, 2009)" in f["nested"].details
    assert FIRMWARE_FIX not in all_fixes(raw)


def test_nested_with_flags_uses_kvm_and_says_so() -> None:
    raw = replace(HEALTHY, cpu_hypervisor=True, dmi_product_name="KVM")
    assert auto_accel(raw)[0] is Accel.KVM
    nested = by_key(raw)["nested"]
    assert nested.status is Status.INFO
    assert "nested virtualization is available" in nested.details
    assert nested.fix == ""


# --------------------------------------------------------------------------- /dev/kvm


@pytest.mark.parametrize(
    ("svm", "module"), [(False, "kvm_intel"), (True, "kvm_amd")], ids=["intel", "amd"]
)
def test_absent_dev_kvm_with_flags_names_the_modprobe(svm: bool, module: str) -> None:
    raw = replace(
        HEALTHY,
        cpu_vmx=not svm,
        cpu_svm=svm,
        modules=frozenset(),
        dev_kvm_exists=False,
        dev_kvm_is_char=False,
        dev_kvm_mode=None,
        dev_kvm_group=None,
        kvm_api_version=None,
        kvm_create_vm_ok=False,
    )
    accel, reason = auto_accel(raw)
    assert accel is Accel.TCG
    assert "/dev/kvm does not exist" in reason
    f = by_key(raw)
    assert f["dev-kvm"].status is Status.WARNING
    assert f["dev-kvm"].message == (
        "The virtualization device is missing, so hardware acceleration can't be used."
    )
    assert f["dev-kvm"].details == "/dev/kvm does not exist."
    assert f["dev-kvm"].fix == f"sudo modprobe {module}"
    assert f["kvm-module"].fix == f"sudo modprobe {module}"
    assert f["accel"].fix == f"sudo modprobe {module}"
    assert f["kvm-usable"].status is Status.INFO


def test_dev_kvm_that_is_not_a_device() -> None:
    raw = replace(HEALTHY, dev_kvm_is_char=False, kvm_api_version=None, kvm_create_vm_ok=False)
    assert auto_accel(raw)[0] is Accel.TCG
    assert "not a device" in by_key(raw)["dev-kvm"].details


def test_eacces_not_in_group_says_adduser_and_log_out() -> None:
    accel, reason = auto_accel(NOT_IN_GROUP)
    assert accel is Accel.TCG
    assert "not allowed to use /dev/kvm" in reason
    f = by_key(NOT_IN_GROUP)
    assert f["kvm-usable"].status is Status.WARNING
    assert f["kvm-usable"].message.startswith("You are not allowed to use hardware acceleration")
    assert "join the kvm group and log in again" in f["kvm-usable"].message
    assert f["kvm-usable"].details.startswith("You are not allowed to use /dev/kvm")
    assert "log out and back in" in f["kvm-usable"].details
    assert f["kvm-usable"].fix == "sudo adduser $USER kvm"
    assert f["kvm-group"].status is Status.WARNING
    assert f["kvm-group"].fix == ADD_TO_KVM_GROUP == "sudo adduser $USER kvm"
    assert "log out and back in" in f["kvm-group"].message
    assert f["accel"].fix == ADD_TO_KVM_GROUP


def test_eperm_is_treated_like_eacces() -> None:
    raw = replace(NOT_IN_GROUP, kvm_open_errno=errno.EPERM)
    assert by_key(raw)["kvm-usable"].fix == ADD_TO_KVM_GROUP


def test_eacces_in_group_file_but_not_in_session_says_log_out_only() -> None:
    raw = replace(NOT_IN_GROUP, in_kvm_group_listed=True)
    f = by_key(raw)
    assert f["kvm-usable"].fix == LOG_OUT_AND_IN
    assert "log out and back in" in f["kvm-usable"].message
    assert "this login session started before" in f["kvm-usable"].details
    assert f["kvm-group"].status is Status.WARNING
    assert f["kvm-group"].fix == LOG_OUT_AND_IN
    assert f["accel"].fix == LOG_OUT_AND_IN
    assert not any("adduser" in fix for fix in all_fixes(raw))


def test_eacces_while_in_the_group_blames_the_device_permissions() -> None:
    raw = replace(
        NOT_IN_GROUP,
        in_kvm_group_listed=True,
        in_kvm_group_session=True,
        dev_kvm_mode=0o600,
        dev_kvm_group="root",
    )
    usable = by_key(raw)["kvm-usable"]
    assert "wrong permissions" in usable.message
    assert "group root with mode 0600" in usable.details
    assert usable.fix == "sudo chgrp kvm /dev/kvm && sudo chmod 660 /dev/kvm"
    assert by_key(raw)["kvm-group"].status is Status.OK


def test_desktop_acl_without_group_is_info_not_failure() -> None:
    # Debian's udev gives the console user an ACL (uaccess): KVM works, SSH logins would not.
    raw = replace(HEALTHY, in_kvm_group_listed=False, in_kvm_group_session=False)
    assert auto_accel(raw)[0] is Accel.KVM
    group = by_key(raw)["kvm-group"]
    assert group.status is Status.INFO
    assert "SSH" in group.message
    assert group.fix == ADD_TO_KVM_GROUP


def test_no_kvm_group_at_all() -> None:
    raw = replace(HEALTHY, kvm_group_exists=False, in_kvm_group_listed=False)
    assert by_key(raw)["kvm-group"].status is Status.INFO


def test_other_open_error_names_errno() -> None:
    raw = replace(HEALTHY, kvm_open_errno=errno.ENXIO, kvm_api_version=None, kvm_create_vm_ok=False)
    accel, reason = auto_accel(raw)
    assert accel is Accel.TCG
    assert "ENXIO" in reason
    assert by_key(raw)["kvm-usable"].fix == "sudo modprobe -r kvm_intel && sudo modprobe kvm_intel"


def test_wrong_api_version() -> None:
    raw = replace(HEALTHY, kvm_api_version=11, kvm_create_vm_ok=False)
    accel, reason = auto_accel(raw)
    assert accel is Accel.TCG
    assert "API version 11" in reason


def test_create_vm_failing_for_another_reason() -> None:
    raw = replace(HEALTHY, kvm_create_vm_ok=False, kvm_create_vm_errno=errno.ENOMEM)
    accel, reason = auto_accel(raw)
    assert accel is Accel.TCG
    assert "could not create a virtual machine" in reason and "ENOMEM" in reason


# --------------------------------------------------------------------------- other hypervisors


def test_ebusy_with_vboxdrv_names_another_hypervisor_and_the_unload() -> None:
    raw = replace(
        HEALTHY,
        modules=frozenset({"kvm", "kvm_intel", "vboxdrv"}),
        kvm_create_vm_ok=False,
        kvm_create_vm_errno=errno.EBUSY,
    )
    accel, reason = auto_accel(raw)
    assert accel is Accel.TCG
    assert reason.startswith("Another hypervisor (VirtualBox or VMware) is holding VT-x/AMD-V, so")
    f = by_key(raw)
    assert "VirtualBox or VMware" in f["kvm-usable"].message
    assert "until you quit it or unload its driver" in f["kvm-usable"].details
    assert f["kvm-usable"].fix == "sudo modprobe -r vboxnetadp vboxnetflt vboxdrv"
    assert f["accel"].fix == f["kvm-usable"].fix
    assert f["vbox"].status is Status.WARNING


def test_ebusy_without_known_driver_says_quit_it() -> None:
    raw = replace(HEALTHY, kvm_create_vm_ok=False, kvm_create_vm_errno=errno.EBUSY)
    assert by_key(raw)["kvm-usable"].fix == "Quit VirtualBox or VMware and try again."
    vmware = replace(raw, modules=frozenset({"kvm", "kvm_intel", "vmmon"}))
    assert by_key(vmware)["kvm-usable"].fix == "sudo modprobe -r vmnet vmmon"
    assert by_key(vmware)["vbox"].status is Status.WARNING


def test_vboxdrv_on_old_kernel_explains_both_directions() -> None:
    raw = replace(HEALTHY, modules=frozenset({"kvm", "kvm_intel", "vboxdrv"}))
    assert auto_accel(raw)[0] is Accel.KVM  # loaded but idle: KVM still works
    vbox = by_key(raw)["vbox"]
    assert vbox.status is Status.WARNING
    assert "cannot run at the same time" in vbox.message
    assert "the other way round" in vbox.message and "vboxdrv" in vbox.details


def test_vboxdrv_on_612_kernel_explains_enable_virt_at_load() -> None:
    raw = replace(
        HEALTHY,
        modules=frozenset({"kvm", "kvm_intel", "vboxdrv"}),
        kernel_release="6.12.9-amd64",
        kvm_enable_virt_at_load=True,
    )
    vbox = by_key(raw)["vbox"]
    assert "VirtualBox cannot start" in vbox.message
    assert "6.12" in vbox.details and "VERR_VMX_IN_VMX_ROOT_MODE" in vbox.details
    assert "KVM cannot start guests" in vbox.details
    assert "sudo modprobe -r kvm_intel" in vbox.fix
    assert "kvm.enable_virt_at_load=0" in vbox.fix
    amd = replace(raw, cpu_vmx=False, cpu_svm=True, modules=frozenset({"kvm_amd", "vboxdrv"}))
    assert "sudo modprobe -r kvm_amd" in by_key(amd)["vbox"].fix
    # The user already turned the early claim off: back to the old rule.
    off = replace(raw, kvm_enable_virt_at_load=False)
    assert "6.12" not in by_key(off)["vbox"].details


# --------------------------------------------------------------------------- programs and files


def test_qemu_missing_is_a_failure_with_apt_command() -> None:
    raw = replace(HEALTHY, qemu_path=None, qemu_version=None, qemu_version_text="")
    qemu = by_key(raw)["qemu"]
    assert qemu.status is Status.FAILURE
    assert qemu.fix == APT_QEMU == "sudo apt install qemu-system-x86"


def test_qemu_img_missing_is_a_failure_with_apt_command() -> None:
    raw = replace(HEALTHY, qemu_img_path=None, qemu_img_version=None)
    img = by_key(raw)["qemu-img"]
    assert img.status is Status.FAILURE
    assert img.fix == APT_QEMU_IMG == "sudo apt install qemu-utils"


def test_qemu_without_version_or_too_old() -> None:
    broken = replace(HEALTHY, qemu_version=None, qemu_version_text="it exited with status 1")
    assert by_key(broken)["qemu"].status is Status.FAILURE
    assert "exited with status 1" in by_key(broken)["qemu"].message
    old = replace(HEALTHY, qemu_version=(6, 2, 0))
    assert by_key(old)["qemu"].status is Status.FAILURE
    assert "7.2 or newer" in by_key(old)["qemu"].message
    new = replace(HEALTHY, qemu_version=(10, 1, 0))
    assert by_key(new)["qemu"].status is Status.OK


def test_ovmf_swtpm_viewer_missing() -> None:
    raw = replace(HEALTHY, ovmf_code=None, ovmf_vars=None, swtpm_path=None, remote_viewer_path=None)
    f = by_key(raw)
    assert (f["ovmf"].status, f["ovmf"].fix) == (Status.WARNING, APT_OVMF)
    assert "Windows 11" in f["ovmf"].message
    assert (f["swtpm"].status, f["swtpm"].fix) == (Status.WARNING, APT_SWTPM)
    assert "Windows 11" in f["swtpm"].message
    assert (f["remote-viewer"].status, f["remote-viewer"].fix) == (Status.INFO, APT_VIEWER)
    assert "SPICE" in f["remote-viewer"].message
    facts = host_facts(raw)
    assert facts.ovmf_code is None and facts.swtpm is None


def test_ovmf_code_without_vars_is_missing() -> None:
    raw = replace(HEALTHY, ovmf_vars=None)
    assert by_key(raw)["ovmf"].status is Status.WARNING


def test_free_space() -> None:
    low = replace(HEALTHY, free_bytes=3 * GIB + GIB // 5)
    space = by_key(low)["free-space"]
    assert space.status is Status.WARNING
    assert "3.2 GiB" in space.message and space.fix
    assert by_key(replace(HEALTHY, free_bytes=None))["free-space"].status is Status.INFO
    assert "200 GiB" in by_key(HEALTHY)["free-space"].message  # a Size, as everywhere


def test_sound_server_without_qemu_module_names_the_package() -> None:
    # A fresh Debian 12: PipeWire's PulseAudio socket is there, QEMU's pa module is not.
    raw = replace(HEALTHY, qemu_audio_drivers=frozenset({"none", "alsa", "spice", "wav"}))
    audio = by_key(raw)["audio"]
    assert audio.status is Status.WARNING
    assert audio.message == (
        "Your desktop has a sound server, but QEMU lacks its sound module, so guest sound is off."
    )
    assert audio.fix == f"sudo apt install {QEMU_AUDIO_PACKAGE}" == (
        "sudo apt install qemu-system-gui"
    )
    assert "pa" in audio.details and "alsa, none, spice, wav" in audio.details
    # The argv must not ask for a driver this QEMU rejects: no sound, and the reason is kept.
    assert audio_driver(raw) == "none"
    facts = host_facts(raw)
    assert facts.audio_driver == "none" and facts.audio_reason == audio.message
    # The package QEMU itself names wins (Debian's QEMU says which one it wants).
    named = replace(raw, qemu_pa_package="qemu-audio-pa")
    assert by_key(named)["audio"].fix == "sudo apt install qemu-audio-pa"
    # PipeWire without its PulseAudio service on top: both packages in one command.
    pipewire = replace(raw, pulse_socket=None)
    assert by_key(pipewire)["audio"].fix == "sudo apt install pipewire-pulse qemu-system-gui"
    # QEMU could not be asked: trust the sound server rather than silence every guest.
    unknown = replace(HEALTHY, qemu_audio_drivers=None)
    assert audio_driver(unknown) == "pa" and by_key(unknown)["audio"].status is Status.OK
    assert host_facts(HEALTHY).audio_reason == ""


def test_audio_choice() -> None:
    assert audio_driver(HEALTHY) == "pa"
    pipewire_only = replace(HEALTHY, pulse_socket=None)
    assert audio_driver(pipewire_only) == "none"
    assert by_key(pipewire_only)["audio"].fix == "sudo apt install pipewire-pulse"
    silent = replace(HEALTHY, pulse_socket=None, pipewire_socket=None)
    assert audio_driver(silent) == "none"
    assert by_key(silent)["audio"].status is Status.INFO


# --------------------------------------------------------------------------- HostFacts


def test_host_facts_from_healthy_host() -> None:
    facts = host_facts(HEALTHY)
    assert facts.kvm_usable
    assert facts.resolve_accel(Accel.AUTO) is Accel.KVM
    assert facts.cpu_count == 8
    assert facts.memory_mib == 16 * 1024
    assert facts.available_memory_mib == 12 * 1024
    assert facts.audio_driver == "pa"
    assert facts.ovmf_code == HEALTHY.ovmf_code
    assert facts.ovmf_vars_template == HEALTHY.ovmf_vars
    assert facts.swtpm == "/usr/bin/swtpm"


def test_host_facts_on_this_machine_resolve_auto_to_tcg() -> None:
    facts = host_facts(THIS_MACHINE)
    assert not facts.kvm_usable
    assert facts.resolve_accel(Accel.AUTO) is Accel.TCG
    assert facts.resolve_accel(Accel.KVM) is Accel.KVM  # an explicit choice is respected
    assert facts.kvm_reason == auto_accel(THIS_MACHINE)[1]
    assert facts.audio_driver == "none"


def test_host_facts_never_report_zero_resources() -> None:
    facts = host_facts(HostProbeResult())
    assert facts.cpu_count >= 1 and facts.memory_mib >= 1 and facts.available_memory_mib >= 1


def test_report_bundles_everything() -> None:
    rep = report(THIS_MACHINE)
    assert rep.accel is Accel.TCG
    assert rep.accel_reason == rep.facts.kvm_reason
    assert [f.key for f in rep.findings] == list(FINDING_KEYS)
    assert rep.merged == merge_findings(rep.findings)


# --------------------------------------------------------------------------- plain words, merging

# Words a novice cannot act on: they belong under Details, never in the leading sentence.
JARGON = ("kvm_", "vmx", "svm", "TCG", "/dev/kvm", "ioctl", "API version", "errno", "module")
KVM_KEYS = ("accel", "cpu-virt", "kvm-module", "dev-kvm", "kvm-usable", "vbox", "nested")


def test_this_machine_leads_with_one_plain_sentence_and_the_fix_once() -> None:
    merged = merge_findings(evaluate(THIS_MACHINE))
    lead = merged[0]
    assert lead.key == "accel" and lead.status is Status.WARNING
    assert lead.message == (
        "This computer can't use hardware acceleration, so virtual machines will run slowly."
    )
    assert lead.fix == NESTED_FIX
    # The technical facts are there, but only as details.
    assert "kvm_pvm" in lead.details and "vmx/svm" in lead.details
    # Five findings said "turn on nested virtualization": now it is said once.
    assert [f.key for f in lead.also] == ["cpu-virt", "kvm-module", "kvm-usable", "nested"]
    assert all(f.fix == NESTED_FIX and not f.also for f in lead.also)
    assert [f.fix for f in merged].count(NESTED_FIX) == 1


@pytest.mark.parametrize(
    ("raw", "fix"),
    [
        (replace(HEALTHY, cpu_vmx=False, modules=frozenset(), dev_kvm_exists=False,
                 dev_kvm_is_char=False), FIRMWARE_FIX),
        (NOT_IN_GROUP, ADD_TO_KVM_GROUP),
        (replace(NOT_IN_GROUP, in_kvm_group_listed=True), LOG_OUT_AND_IN),
    ],
    ids=["bios", "kvm-group", "log-out"],
)
def test_findings_that_share_a_fix_are_merged(raw: HostProbeResult, fix: str) -> None:
    findings = evaluate(raw)
    assert sum(f.fix == fix for f in findings) >= 3  # the repetition this is about
    merged = merge_findings(findings)
    assert [f.fix for f in merged].count(fix) == 1
    lead = next(f for f in merged if f.fix == fix)
    assert lead.key == "accel" and lead.message == KVM_SLOW


def test_healthy_host_merges_nothing() -> None:
    merged = merge_findings(evaluate(HEALTHY))
    assert [f.key for f in merged] == list(FINDING_KEYS)
    assert merged[0].message == KVM_OK and "VT-x (vmx)" in merged[0].details
    assert not any(f.also for f in merged)


# --------------------------------------------------------------------------- invariants


raw_facts = st.builds(
    HostProbeResult,
    cpu_vmx=st.booleans(),
    cpu_svm=st.booleans(),
    cpu_hypervisor=st.booleans(),
    modules=st.none() | st.frozensets(st.sampled_from(INTERESTING_MODULES)),
    kvm_enable_virt_at_load=st.none() | st.booleans(),
    kernel_release=st.sampled_from(["", "6.1.0-18-amd64", "6.12.1", "6.18.44-fc-v669"]),
    dev_kvm_exists=st.booleans(),
    dev_kvm_is_char=st.booleans(),
    dev_kvm_mode=st.none() | st.sampled_from([0o600, 0o660, 0o666]),
    dev_kvm_group=st.none() | st.sampled_from(["kvm", "root"]),
    kvm_open_errno=st.none() | st.sampled_from([errno.EACCES, errno.EPERM, errno.ENXIO]),
    kvm_api_version=st.none() | st.sampled_from([11, 12]),
    kvm_create_vm_errno=st.none() | st.sampled_from([errno.EBUSY, errno.ENOMEM, 9999]),
    kvm_create_vm_ok=st.booleans(),
    is_root=st.booleans(),
    kvm_group_exists=st.booleans(),
    in_kvm_group_listed=st.booleans(),
    in_kvm_group_session=st.booleans(),
    qemu_path=st.none() | st.just("/usr/bin/qemu-system-x86_64"),
    qemu_version=st.none() | st.sampled_from([(6, 2, 0), (7, 2, 22), (10, 0, 0)]),
    free_bytes=st.none() | st.integers(0, 2**50),
    pulse_socket=st.none() | st.just("/run/user/1000/pulse/native"),
    pipewire_socket=st.none() | st.just("/run/user/1000/pipewire-0"),
    qemu_audio_drivers=st.none() | st.sampled_from(
        [frozenset({"none", "alsa"}), frozenset({"none", "alsa", "pa"})]
    ),
)


@settings(max_examples=examples(300), deadline=None)
@given(raw_facts)
def test_every_host_gets_one_sentence_per_key_and_a_consistent_accel(
    raw: HostProbeResult,
) -> None:
    findings = evaluate(raw)
    assert [f.key for f in findings] == list(FINDING_KEYS)
    for f in findings:
        assert f.title
        assert f.message.endswith(".") and not f.message[0].isspace()
        assert "\n" not in f.message and "\n" not in f.fix
        if f.key in KVM_KEYS:
            assert not [w for w in JARGON if w in f.message], f.message
        assert not f.details or f.details.endswith(".")
    if audio_driver(raw) == "pa":
        assert raw.pulse_socket and (
            raw.qemu_audio_drivers is None or "pa" in raw.qemu_audio_drivers
        )
    # Merged: every key shown once, each fix once, worst first, the lead the worst of its group.
    merged = merge_findings(findings)
    shown = [f.key for m in merged for f in (m, *m.also)]
    assert sorted(shown) == sorted(FINDING_KEYS)
    fixes = [m.fix for m in merged if m.fix]
    assert len(fixes) == len(set(fixes))
    ranks = [status_rank(m.status) for m in merged]
    assert ranks == sorted(ranks)
    for m in merged:
        assert all(f.fix == m.fix for f in m.also)
        assert all(status_rank(f.status) >= status_rank(m.status) for f in m.also)
    accel, reason = auto_accel(raw)
    assert reason.endswith(".")
    if accel is Accel.KVM:
        # KVM only when the CPU shows the flag AND /dev/kvm really created a VM.
        assert raw.cpu_vmx or raw.cpu_svm
        assert raw.dev_kvm_exists and raw.dev_kvm_is_char
        assert raw.kvm_create_vm_ok and raw.kvm_api_version == 12
        assert raw.kvm_open_errno is None
    else:
        assert "much slower" in reason
        by = {f.key: f for f in findings}
        assert by["accel"].status is Status.WARNING
    assert host_facts(raw).kvm_usable == (accel is Accel.KVM)


# --------------------------------------------------------------------------- parsers


CPUINFO = """processor\t: 0
vendor_id\t: GenuineIntel
flags\t\t: fpu vme de pse hypervisor lahf_lm
bugs\t\t: spectre_v1

processor\t: 1
vendor_id\t: GenuineIntel
flags\t\t: fpu vme de pse hypervisor lahf_lm
"""


def test_parse_cpuinfo() -> None:
    flags = parse_cpu_flags(CPUINFO)
    assert "hypervisor" in flags and "vmx" not in flags
    assert count_cpus(CPUINFO) == 2
    assert parse_cpu_flags("") == frozenset()
    assert "vmx" in parse_cpu_flags("flags : fpu vmx ept\n")


def test_parse_proc_modules() -> None:
    text = (
        "kvm_intel 380928 0 - Live 0x0000000000000000\n"
        "kvm 1146880 1 kvm_intel, Live 0x0000000000000000\n"
        "vboxdrv 696320 2 vboxnetadp,vboxnetflt, Live 0x0000000000000000 (OE)\n"
    )
    assert parse_proc_modules(text) == {"kvm_intel", "kvm", "vboxdrv"}
    assert parse_proc_modules("") == frozenset()


def test_parse_meminfo() -> None:
    info = parse_meminfo("MemTotal:       24684084 kB\nMemAvailable:   24301504 kB\nHuge: x\n")
    assert info == {"MemTotal": 24684084, "MemAvailable": 24301504}


def test_parse_group_file() -> None:
    text = "root:x:0:\nkvm:x:993:alice,bob\ndisk:x:6:\n"
    assert parse_group_file(text, "kvm") == (993, frozenset({"alice", "bob"}))
    assert parse_group_file("kvm:x:993:\n", "kvm") == (993, frozenset())
    assert parse_group_file(text, "nope") is None
    assert parse_group_file("garbage\n", "kvm") is None


def test_parse_tool_version() -> None:
    assert parse_tool_version(
        "QEMU emulator version 7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3)\nCopyright …"
    ) == (7, 2, 22)
    assert parse_tool_version("qemu-img version 8.2.2 (Debian 1:8.2.2+ds-0ubuntu1)") == (8, 2, 2)
    assert parse_tool_version("QEMU emulator version 10.1") == (10, 1, 0)
    assert parse_tool_version("bash: qemu: not found") is None


def test_parse_kernel_release_and_format_bytes() -> None:
    assert parse_kernel_release("6.18.44-fc-v669") == (6, 18)
    assert parse_kernel_release("6.1.0-18-amd64") == (6, 1)
    assert parse_kernel_release("") == (0, 0)
    assert format_bytes(512) == "512 B"
    assert format_bytes(1536) == "1.5 KiB"
    assert format_bytes(10 * GIB) == "10.0 GiB"
