"""probe_caps against the real qemu-system-x86_64, plus its error paths with stand-in binaries."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from kvmgui.runtime.qemu_probe import (
    INSTALL_FIX,
    QemuNotFound,
    QemuProbeError,
    clear_cache,
    probe_caps,
)

QEMU = shutil.which("qemu-system-x86_64")
needs_qemu = pytest.mark.skipif(QEMU is None, reason="QEMU is not installed")


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    clear_cache()


def _script(path: Path, body: str) -> str:
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)
    return str(path)


@needs_qemu
@pytest.mark.qemu
@pytest.mark.asyncio
async def test_real_binary() -> None:
    caps = await probe_caps()
    banner = subprocess.run([str(QEMU), "--version"], capture_output=True, text=True).stdout
    assert caps.version_text == banner.splitlines()[0]
    assert caps.version >= (7, 2, 0)
    major, minor, _ = caps.version
    assert caps.pinned_machine("q35") == f"pc-q35-{major}.{minor}"
    assert caps.pinned_machine("pc") == f"pc-i440fx-{major}.{minor}"
    assert {"virtio-blk-pci", "qemu-xhci", "usb-tablet", "ide-cd", "hda-duplex"} <= caps.devices
    assert {"none", "pa"} <= caps.audio_drivers
    if caps.version[:2] == (7, 2):
        assert "pipewire" not in caps.audio_drivers


@needs_qemu
@pytest.mark.qemu
@pytest.mark.asyncio
async def test_cached_per_binary_and_mtime(tmp_path: Path) -> None:
    wrapper = _script(tmp_path / "qemu-wrapper", f'exec {QEMU} "$@"')
    first = await probe_caps(wrapper)
    assert await probe_caps(wrapper) is first
    stat = os.stat(wrapper)
    os.utime(wrapper, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # "upgraded"
    again = await probe_caps(wrapper)
    assert again is not first and again == first
    assert await probe_caps() is not again  # another binary path, its own entry


@pytest.mark.asyncio
async def test_missing_binary_names_the_fix(tmp_path: Path) -> None:
    for binary in ("qemu-system-x86_64-not-here", str(tmp_path / "nothing")):
        with pytest.raises(QemuNotFound) as info:
            await probe_caps(binary)
        assert INSTALL_FIX in str(info.value)
        assert info.value.fix == "sudo apt install qemu-system-x86"


@pytest.mark.asyncio
async def test_hanging_binary_times_out(tmp_path: Path) -> None:
    hang = _script(tmp_path / "hang", "exec sleep 30")
    loop = asyncio.get_running_loop()
    started = loop.time()
    with pytest.raises(QemuProbeError, match="did not answer"):
        await probe_caps(hang, timeout=0.3)
    assert loop.time() - started < 5


@pytest.mark.asyncio
async def test_failing_binary_reports_its_last_words(tmp_path: Path) -> None:
    broken = _script(
        tmp_path / "broken", 'echo "error while loading shared libraries" >&2; exit 127'
    )
    with pytest.raises(QemuProbeError, match="shared libraries"):
        await probe_caps(broken)


@pytest.mark.asyncio
async def test_not_qemu(tmp_path: Path) -> None:
    impostor = _script(tmp_path / "impostor", "echo hello")
    with pytest.raises(QemuProbeError, match="does not look like QEMU"):
        await probe_caps(impostor)
