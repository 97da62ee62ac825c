"""The new-VM rules the wizard and `kvmgui-cli create` share: a disk bus and a network card
for each system type, with virtio asked for, refused, or left to the preset."""

from __future__ import annotations

from kvmgui.core.model import DiskBus, MachineType, NicModel, OsPreset
from kvmgui.core.presets import PRESETS, disk_bus_for, nic_for


def test_left_to_the_preset() -> None:
    for os, preset in PRESETS.items():
        assert disk_bus_for(os, preset.machine) is preset.disk_bus
        assert nic_for(os) is preset.nic


def test_virtio_asked_for() -> None:
    for os in OsPreset:
        assert disk_bus_for(os, MachineType.PC, True) is DiskBus.VIRTIO
        assert nic_for(os, True) is NicModel.VIRTIO


def test_virtio_refused_falls_back_to_what_every_guest_drives() -> None:
    assert PRESETS[OsPreset.LINUX].disk_bus is DiskBus.VIRTIO
    assert disk_bus_for(OsPreset.LINUX, MachineType.Q35, False) is DiskBus.SATA
    assert disk_bus_for(OsPreset.LINUX, MachineType.PC, False) is DiskBus.IDE
    assert nic_for(OsPreset.LINUX, False) is NicModel.E1000
    # A preset that is not virtio keeps its own bus and card.
    windows = PRESETS[OsPreset.WINDOWS10]
    assert disk_bus_for(OsPreset.WINDOWS10, windows.machine, False) is windows.disk_bus
    assert nic_for(OsPreset.WINDOWS10, False) is windows.nic
