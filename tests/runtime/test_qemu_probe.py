"""probe_caps against the real qemu-system-x86_64, plus its error paths with stand-in binaries."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from kvmgui.core.argv_devices import audio_driver
from kvmgui.core.host import HostFacts
from kvmgui.runtime import qemu_probe
from kvmgui.runtime.qemu_probe import (
    INSTALL_FIX,
    QemuNotFound,
    QemuProbeError,
    clear_cache,
    probe_caps,
)

QEMU = shutil.which("qemu-system-x86_64")
needs_qemu = pytest.mark.skipif(QEMU is None, reason="QEMU is not installed")
def audio_modules() -> set[str] | None:
    """The audio drivers installed as QEMU modules (audio-<driver>.so), None without a folder.

    Whether `pa` is there depends on the packages (Debian ships it in qemu-system-gui), so the
    tests read it off the machine instead of assuming it.
    """
    for folder in map(Path, qemu_probe.MODULE_DIRS):
        if folder.is_dir() and any(folder.glob("audio-*.so")):
            return {p.name.removeprefix("audio-").removesuffix(".so")
                    for p in folder.glob("audio-*.so")}
    return None


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
    assert "none" in caps.audio_drivers
    if caps.version[:2] == (7, 2):
        assert "pipewire" not in caps.audio_drivers
    modules = audio_modules()
    if modules is not None:
        # Every installed module is listed, and `pa` exactly when its module is installed.
        assert modules <= caps.audio_drivers
        assert ("pa" in caps.audio_drivers) == ("pa" in modules)
    if "pa" not in caps.audio_drivers and shutil.which("dpkg"):
        # Debian's QEMU names the package that holds the missing module.
        assert caps.audio_packages.get("pa") == "qemu-system-gui"
    else:
        assert "pa" not in caps.audio_packages


@needs_qemu
@pytest.mark.qemu
@pytest.mark.asyncio
async def test_sound_falls_back_to_none_when_qemu_lacks_the_driver() -> None:
    """A desktop with a sound server asks for `pa`; the argv only says `pa` when this QEMU has
    it, so a QEMU without the module still starts (without sound)."""
    caps = await probe_caps()
    wanted = HostFacts(audio_driver="pa")
    chosen = audio_driver(wanted, caps)
    assert chosen == ("pa" if "pa" in caps.audio_drivers else "none")
    if chosen == "none":
        argv = [str(QEMU), "-nodefaults", "-display", "none", "-accel", "tcg", "-m", "64",
                "-S", "-audiodev", f"{chosen},id=snd0", "-device", "ich9-intel-hda",
                "-device", "hda-duplex,audiodev=snd0"]
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True)
        try:
            # Under -S an accepted command line keeps QEMU waiting; a rejected one exits.
            with pytest.raises(subprocess.TimeoutExpired):
                proc.wait(timeout=3)
        finally:
            proc.kill()
            _, err = proc.communicate()
        assert "audio" not in err


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


@needs_qemu
@pytest.mark.qemu
@pytest.mark.asyncio
async def test_a_newly_installed_module_is_noticed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Installing qemu-system-gui adds audio-pa.so next to the other modules without touching
    the binary: the next probe (the host check's "Check again") must ask QEMU again."""
    modules = tmp_path / "modules"
    modules.mkdir()
    monkeypatch.setattr(qemu_probe, "MODULE_DIRS", (str(modules),))
    monkeypatch.delenv("QEMU_MODULE_DIR", raising=False)
    first = await probe_caps()
    assert await probe_caps() is first
    (modules / "audio-new.so").write_bytes(b"")
    stat = os.stat(modules)
    os.utime(modules, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert await probe_caps() is not first


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


FAKE_QEMU = """echo run >> "$(dirname "$0")/runs"
case "$1" in
  --version) echo "QEMU emulator version 8.2.2 (stand-in)";;
  -machine) echo 'Supported machines are:'
            echo 'q35                  Standard PC (Q35 + ICH9, 2009) (alias of pc-q35-8.2)'
            echo 'pc-q35-8.2           Standard PC (Q35 + ICH9, 2009)';;
  -device) echo 'name "virtio-net-pci", bus PCI, desc "a NIC"';;
  -audiodev) printf 'Available audio drivers:\\nnone\\npa\\n';;
esac"""


def _runs(folder: Path) -> int:
    runs = folder / "runs"
    return len(runs.read_text().splitlines()) if runs.exists() else 0


@pytest.mark.asyncio
async def test_disk_cache_answers_the_next_start_without_running_qemu(tmp_path: Path) -> None:
    binary = _script(tmp_path / "qemu", FAKE_QEMU)
    cache = tmp_path / "cache" / "qemu-caps.json"
    first = await probe_caps(binary, cache_file=cache)
    assert first.version == (8, 2, 2) and first.pinned_machine("q35") == "pc-q35-8.2"
    assert _runs(tmp_path) == 4 and cache.exists()
    clear_cache()  # a new start of the app: only the file remembers
    again = await probe_caps(binary, cache_file=cache)
    assert again == first
    assert _runs(tmp_path) == 4


@pytest.mark.asyncio
async def test_disk_cache_is_keyed_by_the_binary(tmp_path: Path) -> None:
    binary = _script(tmp_path / "qemu", FAKE_QEMU)
    cache = tmp_path / "qemu-caps.json"
    await probe_caps(binary, cache_file=cache)
    clear_cache()
    # An upgrade: the same path, another size and time.
    _script(tmp_path / "qemu", FAKE_QEMU.replace("8.2.2", "9.0.1"))
    os.utime(binary, ns=(1, 1))
    upgraded = await probe_caps(binary, cache_file=cache)
    assert upgraded.version == (9, 0, 1)
    assert _runs(tmp_path) == 8
    clear_cache()
    assert (await probe_caps(binary, cache_file=cache)).version == (9, 0, 1)
    assert _runs(tmp_path) == 8  # the old entry was replaced, the new one is used


@pytest.mark.asyncio
async def test_a_damaged_disk_cache_means_probing_again(tmp_path: Path) -> None:
    binary = _script(tmp_path / "qemu", FAKE_QEMU)
    cache = tmp_path / "qemu-caps.json"
    cache.write_text("{not json")
    caps = await probe_caps(binary, cache_file=cache)
    assert caps.version == (8, 2, 2) and _runs(tmp_path) == 4
    clear_cache()
    await probe_caps(binary, cache_file=cache)  # rewritten, readable again
    assert _runs(tmp_path) == 4
