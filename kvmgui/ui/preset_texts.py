"""The OS presets' label and reason, translated.

core.presets holds the English words (core has no Qt); they are repeated here as literals so
pyside6-lupdate can extract them. tests/ui/test_draft.py checks that both stay identical.
"""

from __future__ import annotations

from kvmgui.core.model import OsPreset
from kvmgui.core.presets import PRESETS
from kvmgui.ui.i18n import translate


def _labels() -> dict[OsPreset, str]:
    return {
        OsPreset.LINUX: translate("Presets", "Linux (Ubuntu, Debian, Fedora…)"),
        OsPreset.WINDOWS11: translate("Presets", "Windows 11"),
        OsPreset.WINDOWS10: translate("Presets", "Windows 10"),
        OsPreset.WINDOWS_OLD: translate("Presets", "Older Windows (XP, 7)"),
        OsPreset.BSD: translate("Presets", "BSD (FreeBSD, OpenBSD…)"),
        OsPreset.OTHER: translate("Presets", "Other or older system"),
    }


def _reasons() -> dict[OsPreset, str]:
    return {
        OsPreset.LINUX: translate(
            "Presets", "Modern Linux has virtio drivers built in: the fastest disk and network."
        ),
        OsPreset.WINDOWS11: translate(
            "Presets", "Windows 11 needs UEFI and a TPM; SATA and e1000 work without extra drivers."
        ),
        OsPreset.WINDOWS10: translate(
            "Presets",
            "SATA and e1000 work with Windows' own drivers; add virtio drivers later for speed.",
        ),
        OsPreset.WINDOWS_OLD: translate(
            "Presets",
            "Old Windows only knows IDE disks and the RTL8139 network card of a classic PC.",
        ),
        OsPreset.BSD: translate(
            "Presets",
            "BSDs have virtio drivers; the USB tablet makes some FreeBSD releases spin the CPU.",
        ),
        OsPreset.OTHER: translate(
            "Presets",
            "A classic PC with IDE and e1000: what almost every operating system can drive.",
        ),
    }


def preset_label(os: OsPreset) -> str:
    return _labels().get(os) or PRESETS[os].label


def preset_why(os: OsPreset) -> str:
    return _reasons().get(os) or PRESETS[os].why
