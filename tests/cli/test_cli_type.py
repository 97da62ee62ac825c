"""`kvmgui-cli type`: the installed command types into the test guest, started through kvmgui,
which echoes every line typed on its VGA console to the serial log as "KVMGUI-KEY: <line>".

The guest's console keymap is the kernel's US one, so a French-layout VM shows what the
French key strokes are on a US keyboard: AZERTY's "a" is the US Q key, its digits need Shift
(US "!@#"), é is the 2 key and à the 0 key. That checks the French keys that reach the guest;
the characters themselves are checked in tests/core/test_keyboard.py.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from kvmgui.core.model import KeyboardLayout
from tests.guest.fixtures import wait_for_serial
from tests.runtime.helpers import RunEnv, create_vm, guest_spec

pytestmark = [pytest.mark.qemu, pytest.mark.slow]

BOOT_TIMEOUT_S = 240.0  # TCG on a busy 2-core machine


def installed_cli(env: RunEnv, *args: str, timeout: float = 120.0
                  ) -> subprocess.CompletedProcess[str]:
    """The console script pip installed next to this Python, not `python -m`."""
    script = Path(sys.executable).parent / "kvmgui-cli"
    if not script.exists():
        pytest.skip("kvmgui-cli is not installed in this environment")
    return subprocess.run([str(script), *args], env=env.full_environ(), capture_output=True,
                          text=True, timeout=timeout, stdin=subprocess.DEVNULL)


def wait_line(serial: Path, line: str) -> None:
    """Wait for the guest to echo exactly `line`."""
    log = wait_for_serial(serial, line, 30)
    assert line in log.splitlines(), log[-1000:]


def test_type_into_the_guest_us_and_french(env: RunEnv, test_iso: Path) -> None:
    stored = create_vm(env, guest_spec("typist", test_iso))
    serial = stored.folder.serial_log
    env.cli("start", "typist", check=True)
    try:
        wait_for_serial(serial, "KVMGUI-GUEST: ready", BOOT_TIMEOUT_S)

        typed = installed_cli(env, "type", "typist", "hello\\n")
        assert (typed.returncode, typed.stdout, typed.stderr) == (
            0, "Typed 6 characters into 'typist'.\n", "")
        wait_line(serial, "KVMGUI-KEY: hello")

        # Every printable ASCII character a shell user could type, Shift and all, at speed.
        ascii_line = "The quick brown fox: 0123456789 !@#$%^&*()_+-=[]{};'\\\\:\"|,./<>?`~"
        typed = installed_cli(env, "type", "typist", ascii_line + "\\n")
        assert typed.returncode == 0, typed.stderr
        wait_line(serial, "KVMGUI-KEY: The quick brown fox: 0123456789 "
                  "!@#$%^&*()_+-=[]{};'\\:\"|,./<>?`~")

        typed = installed_cli(env, "type", "--layout", "fr", "typist", "azerty 123 é à\\n")
        assert typed.returncode == 0, typed.stderr
        wait_line(serial, "KVMGUI-KEY: qwerty !@# 2 0")

        refused = installed_cli(env, "type", "typist", "café\\n")
        assert (refused.returncode, refused.stderr) == (
            1, "kvmgui-cli: The English (US) keyboard layout cannot type “é”.\n")
        bad = installed_cli(env, "type", "typist", "C:\\Users")
        assert bad.returncode == 2
        assert bad.stderr == ("kvmgui-cli: '\\U' means nothing in the text to type: write \\n "
                              "for Enter, \\t for Tab and \\\\ for a backslash.\n")
    finally:
        env.cli("kill", "typist")


def test_the_vm_setting_chooses_the_layout(env: RunEnv, test_iso: Path) -> None:
    spec = replace(guest_spec("azerty", test_iso), keyboard_layout=KeyboardLayout.FR)
    stored = create_vm(env, spec)
    serial = stored.folder.serial_log
    env.cli("start", "azerty", check=True)
    try:
        wait_for_serial(serial, "KVMGUI-GUEST: ready", BOOT_TIMEOUT_S)
        typed = env.cli("type", "azerty", "qa;M\\n")
        assert typed.returncode == 0, typed.stderr
        wait_line(serial, "KVMGUI-KEY: aq,:")  # US keys under AZERTY's q a ; M
    finally:
        env.cli("kill", "azerty")
