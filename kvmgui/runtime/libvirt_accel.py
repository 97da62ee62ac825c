"""Whether a libvirt host runs a guest with KVM or with TCG (QEMU's emulator).

A host may offer KVM and still not run guests with it: /dev/kvm exists where the CPU has no
VT-x/AMD-V (kvm_pvm in a VM without nested virtualization), and libvirt offers "kvm" all the
same. So the host's CPU is asked first, then what the daemon offers. A VM created on or moved
to a host gets the answer as its domain type.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from kvmgui.core.libvirt_xml import DomainType
from kvmgui.core.model import Accel, VmSpec
from kvmgui.runtime.libvirt_conn import LibvirtConnection

_ARCH = "x86_64"
# virCPUCompareResult: IDENTICAL and SUPERSET mean the host CPU has the feature.
_CPU_HAS = (1, 2)


async def host_domain_type(connection: LibvirtConnection, spec: VmSpec) -> DomainType:
    """"kvm" when the host can run the guest with KVM, else "qemu" (TCG); a VM set to TCG
    gets TCG wherever it runs."""
    if spec.accel is Accel.TCG:
        return "qemu"
    libvirt = connection.binding

    def probe(conn: Any) -> DomainType:
        # The CPU first: comparing is instant, while a daemon may probe QEMU for seconds
        # before it answers what it offers.
        for flag in ("vmx", "svm"):
            cpu = (f"<cpu><arch>{_ARCH}</arch><model>kvm64</model>"
                   f"<feature policy='require' name='{flag}'/></cpu>")
            try:
                if conn.compareCPU(cpu, 0) in _CPU_HAS:
                    break
            except libvirt.libvirtError:
                break  # the host cannot compare: its KVM offer decides
        else:
            return "qemu"
        try:
            conn.getDomainCapabilities(None, _ARCH, None, "kvm", 0)
        except libvirt.libvirtError:
            # Older or other drivers: the capabilities' guest list says it.
            caps = ET.fromstring(conn.getCapabilities())
            kinds = {d.get("type") for d in caps.iterfind(f"guest/arch[@name='{_ARCH}']/domain")}
            return "kvm" if "kvm" in kinds else "qemu"
        return "kvm"

    return await connection.run(probe)
