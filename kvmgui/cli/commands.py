"""The list of command modules, in the order they appear in `kvmgui-cli --help`."""

from __future__ import annotations

from types import ModuleType

from kvmgui.cli import (
    commands_define,
    commands_host,
    commands_img,
    commands_libvirt_xml,
    commands_live,
    commands_media,
    commands_move,
    commands_run,
    commands_snapshot,
    commands_trust,
    commands_usb,
    commands_vm_import,
)

MODULES: list[ModuleType] = [
    commands_host,
    commands_define,
    commands_trust,
    commands_run,
    commands_img,
    commands_media,
    commands_live,
    commands_snapshot,
    commands_usb,
    commands_vm_import,
    commands_libvirt_xml,
    commands_move,
]
