"""Host probe results the tests of several layers describe a host by.

KVM_PVM_HOST is this project's build machine as a user would have it: a VM without vmx/svm
whose /dev/kvm belongs to kvm_pvm, with a sound server but a QEMU without its PulseAudio module
(Debian without qemu-system-gui). The core, the CLI's `doctor` and the app's host check all
show it, each in its own way.
"""

from __future__ import annotations

from kvmgui.core.hostcheck import HostProbeResult

KVM_PVM_HOST = HostProbeResult(
    cpu_hypervisor=True,
    cpu_count=2,
    modules=frozenset({"kvm", "kvm_pvm"}),
    dev_kvm_exists=True,
    dev_kvm_is_char=True,
    kvm_api_version=12,
    kvm_create_vm_ok=True,
    is_root=True,
    qemu_path="/usr/bin/qemu-system-x86_64",
    qemu_version=(7, 2, 22),
    qemu_img_path="/usr/bin/qemu-img",
    qemu_img_version=(7, 2, 22),
    free_bytes=100 * 1024**3,
    pulse_socket="/run/user/1000/pulse/native",
    qemu_audio_drivers=frozenset({"none", "alsa", "spice", "wav"}),
    qemu_pa_package="qemu-system-gui",
)
