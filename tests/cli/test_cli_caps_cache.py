"""The CLI shares the app's file of known QEMU binaries: a known QEMU is not run again."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kvmgui.core.paths import AppPaths
from kvmgui.runtime import qemu_probe
from tests.cli.helpers import run

pytestmark = pytest.mark.qemu  # the first create asks the real QEMU


def test_a_known_qemu_is_not_run_again(
    vm_root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    qemu_probe.clear_cache()  # this process's memory of QEMU, as a new command has none
    assert run(capsys, "create", "first")[0] == 0
    assert AppPaths.from_env(os.environ).qemu_caps_cache.is_file()

    qemu_probe.clear_cache()

    async def no_qemu(*args: object, **kwargs: object) -> object:
        raise AssertionError("QEMU was asked again")

    monkeypatch.setattr(qemu_probe, "_run", no_qemu)
    code, _, err = run(capsys, "create", "second")
    assert code == 0, err
