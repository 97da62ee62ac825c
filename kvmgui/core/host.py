"""Facts about the host that change the command line, gathered once by the runtime.

The probing (opening /dev/kvm, looking for a PulseAudio socket and QEMU's driver for it, finding
OVMF) lives in kvmgui.runtime.host_probe; this module only holds the result and the pure
decisions made from it, so the argv builder stays a pure function that tests can feed any host.
"""

from __future__ import annotations

from dataclasses import dataclass

from kvmgui.core.choices import Accel


@dataclass(frozen=True)
class HostFacts:
    kvm_usable: bool = False
    kvm_reason: str = ""  # why KVM is (not) usable, one sentence for the user
    cpu_count: int = 1
    memory_mib: int = 1024
    available_memory_mib: int = 1024
    # The -audiodev driver for this desktop session: pa / pipewire / alsa, or none when no
    # sound server socket exists (QEMU refuses to start with `pa` and no server).
    audio_driver: str = "none"
    # Why guests get no sound (no sound server, or QEMU lacks its driver), one plain sentence;
    # "" when audio_driver plays sound.
    audio_reason: str = ""
    ovmf_code: str | None = None
    ovmf_vars_template: str | None = None
    swtpm: str | None = None
    # virtiofsd when virtio-fs shares can use it here (None: they use 9p, see core.shares);
    # `virtiofsd_reason` says why it cannot, one sentence ("" when it is simply absent).
    virtiofsd: str | None = None
    virtiofsd_reason: str = ""
    virtiofsd_legacy: bool = False  # QEMU 7.2's C virtiofsd: `-o source=...` options
    virtiofsd_readonly: bool = False  # it can share a folder read-only
    smbd: str | None = None  # Samba's smbd, which QEMU runs for a Windows guest's share
    # `-cpu host` aborts on some nested or unusual hosts; the runtime may downgrade to "max".
    kvm_cpu_model: str = "host"

    def resolve_accel(self, wanted: Accel) -> Accel:
        """`auto` becomes KVM only when the host can really run guests with it."""
        if wanted is Accel.AUTO:
            return Accel.KVM if self.kvm_usable else Accel.TCG
        return wanted
