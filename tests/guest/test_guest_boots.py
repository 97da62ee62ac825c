"""The test guest itself, booted under TCG with plain qemu-system-x86_64 (no kvmgui involved).

Proves what kvmgui's own tests rely on: it boots from a CD and from a USB stick, reports on the
serial port, keeps a boot counter on a blank disk, echoes typed lines, powers off on the ACPI
power button, and its write to a protected boot medium does not reach the host file.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from qemu.qmp.legacy import QEMUMonitorProtocol

from tests.guest.debs import GuestBuildError, require_tool
from tests.guest.fixtures import wait_for_serial
from tests.guest.initramfs import Archive

QEMU = "qemu-system-x86_64"
BOOT_TIMEOUT = 90.0  # TCG on a busy 2-core machine; a quiet one reaches "ready" in ~15 s


class Guest:
    """One QEMU process with its serial log and a synchronous QMP connection."""

    def __init__(self, workdir: Path, extra_args: list[str]) -> None:
        self.serial = workdir / "serial.log"
        # A unix socket path must stay under 108 bytes; pytest's tmp_path can be longer.
        self._sockdir = Path(tempfile.mkdtemp(prefix="kvmgui-guest-"))
        sock = self._sockdir / "qmp.sock"
        argv = [
            QEMU, "-accel", "tcg", "-m", "256", "-nodefaults", "-vga", "std",
            "-serial", f"file:{self.serial}", "-display", "none",
            "-qmp", f"unix:{sock},server=on,wait=off",
            *extra_args,
        ]  # fmt: skip
        self.process = subprocess.Popen(argv, stdin=subprocess.DEVNULL)
        self.qmp = QEMUMonitorProtocol(str(sock))
        deadline = time.monotonic() + 10
        while True:
            try:
                self.qmp.connect()
                break
            except Exception as error:  # the socket appears a moment after QEMU starts
                if self.process.poll() is not None:
                    self.close()
                    raise RuntimeError(
                        f"QEMU exited (code {self.process.returncode}) before its QMP socket "
                        "was ready; its error message is in the test's captured stderr."
                    ) from error
                if time.monotonic() > deadline:
                    self.close()
                    raise
                time.sleep(0.1)
                self.qmp = QEMUMonitorProtocol(str(sock))

    def wait_for(self, text: str, timeout: float = BOOT_TIMEOUT) -> str:
        return wait_for_serial(self.serial, text, timeout, process=self.process)

    def type_line(self, text: str) -> None:
        """Type letters and digits on the PS/2 keyboard, then Enter (one key per send-key)."""
        for char in text:
            self.qmp.cmd("send-key", keys=[{"type": "qcode", "data": char}])
        self.qmp.cmd("send-key", keys=[{"type": "qcode", "data": "ret"}])

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.qmp.close()
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)
        shutil.rmtree(self._sockdir, ignore_errors=True)


@contextlib.contextmanager
def running_guest(workdir: Path, extra_args: list[str]) -> Iterator[Guest]:
    guest = Guest(workdir, extra_args)
    try:
        yield guest
    finally:
        guest.close()


def blank_disk(path: Path, content: bytes = b"") -> Path:
    path.write_bytes(content.ljust(16 * 1024 * 1024, b"\0"))
    return path


@pytest.mark.qemu
@pytest.mark.slow
def test_cd_boot_marker_keys_and_power_button(test_iso: Path, tmp_path: Path) -> None:
    disk = blank_disk(tmp_path / "disk.raw")
    started = time.monotonic()
    with running_guest(
        tmp_path,
        [
            "-drive", f"file={test_iso},media=cdrom,if=ide,readonly=on",
            "-drive", f"file={disk},format=raw,if=virtio",
        ],
    ) as guest:  # fmt: skip
        guest.wait_for("KVMGUI-GUEST: booted")
        log = guest.wait_for("KVMGUI-GUEST: ready")
        print(f"TCG boot to ready: {time.monotonic() - started:.1f} s")
        assert "KVMGUI-GUEST: boot device /dev/sr0" in log
        assert "KVMGUI-GUEST: marker disk /dev/vda" in log
        assert "KVMGUI-GUEST: no marker" in log
        assert "KVMGUI-GUEST: marker written 1" in log
        assert "KVMGUI-GUEST: video " in log and "KVMGUI-GUEST: video text" not in log

        guest.type_line("hello")
        guest.wait_for("KVMGUI-KEY: hello", timeout=30)

        guest.qmp.cmd("system_powerdown")
        guest.wait_for("KVMGUI-GUEST: powering off", timeout=30)
        assert guest.process.wait(timeout=60) == 0

    # The guest's write reached the disk image: the next boot counts on from here.
    assert disk.read_bytes()[:64] == b"KVMGUI-MARK 1\n".ljust(64, b"\0")


@pytest.mark.qemu
@pytest.mark.slow
def test_usb_stick_boot_finds_marker_and_protected_stick_stays_unchanged(
    test_iso_write_boot: Path, tmp_path: Path
) -> None:
    disk = blank_disk(tmp_path / "disk.raw", b"KVMGUI-MARK 1\n")  # as the CD boot test left it
    iso_hash = hashlib.sha256(test_iso_write_boot.read_bytes()).hexdigest()
    with running_guest(
        tmp_path,
        [
            "-device", "qemu-xhci,id=xhci",
            # snapshot=on: the guest's writes go to a throw-away overlay, as for a protected stick
            "-drive", f"if=none,id=stick,file={test_iso_write_boot},format=raw,snapshot=on",
            "-device", "usb-storage,bus=xhci.0,drive=stick,bootindex=0",
            "-drive", f"file={disk},format=raw,if=virtio",
        ],
    ) as guest:  # fmt: skip
        guest.wait_for("KVMGUI-GUEST: booted")
        log = guest.wait_for("KVMGUI-GUEST: ready")
        assert "KVMGUI-GUEST: boot device /dev/sda" in log
        assert "KVMGUI-GUEST: marker found 1" in log
        assert "KVMGUI-GUEST: marker written 2" in log
        assert "KVMGUI-GUEST: wrote boot device /dev/sda" in log
        guest.qmp.cmd("quit")
        guest.process.wait(timeout=30)

    assert disk.read_bytes()[:64] == b"KVMGUI-MARK 2\n".ljust(64, b"\0")
    assert hashlib.sha256(test_iso_write_boot.read_bytes()).hexdigest() == iso_hash


def test_missing_tool_error_names_the_package() -> None:
    with pytest.raises(GuestBuildError, match=r"apt-get install kvmgui-no-such-package"):
        require_tool("kvmgui-no-such-tool", "kvmgui-no-such-package")


def test_initramfs_archive_is_read_by_cpio(tmp_path: Path) -> None:
    cpio = shutil.which("cpio")
    if cpio is None:
        pytest.skip("cpio is not installed (scripts/setup.sh test installs it)")
    archive = Archive()
    archive.add_file("etc/kvmgui/modules", b"a.ko\n")
    archive.add_symlink("bin/sh", "busybox")
    archive.add_chardev("dev/console", 5, 1)
    listing = subprocess.run(
        [cpio, "-itv"],
        input=gzip.decompress(archive.to_cpio_gz()),
        capture_output=True,
        check=True,
    ).stdout.decode()
    assert "etc/kvmgui/modules" in listing
    assert "bin/sh -> busybox" in listing
    assert any(line.startswith("crw") and "dev/console" in line for line in listing.splitlines())
