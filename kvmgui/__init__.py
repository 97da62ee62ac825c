"""kvmgui: a friendly desktop manager for KVM/QEMU virtual machines."""

__version__ = "0.1.0"
