"""A real QEMU for the console tests: TCG, tiny memory, VNC + QMP on sockets, killed afterwards.

Shared by tests/runtime/rfb and tests/ui/console. Screendumps are decoded with QImage (tests may
use Qt; the code under test in runtime may not).
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from qemu.qmp import ConnectError, QMPClient

QEMU = shutil.which("qemu-system-x86_64")


class QemuVm:
    """One QEMU process. Use `async with QemuVm(...) as vm:` or start()/stop()."""

    def __init__(
        self,
        *,
        paused: bool = True,
        tcp_vnc: bool = False,
        vnc_options: str = "",
        disk: Path | None = None,
        extra: Sequence[str] = (),
        memory_mib: int = 64,
        directory: Path | None = None,
    ) -> None:
        """`directory`: where the sockets and logs go (kept afterwards); by default a fresh
        temporary one, removed by stop(). Passing the same one twice gives the second QEMU the
        same VNC socket path, as a restarted VM has."""
        # Short directory: unix socket paths are limited to 107 bytes, pytest's tmp_path is long.
        self._own_dir = directory is None
        self.dir = directory or Path(tempfile.mkdtemp(prefix="kvc-"))
        self.qmp_socket = self.dir / "qmp.sock"
        self.vnc_socket = self.dir / "vnc.sock"
        self.serial_log = self.dir / "serial.log"
        self.stderr_log = self.dir / "qemu.log"
        self.tcp_vnc = tcp_vnc
        vnc = "127.0.0.1:20,to=99" if tcp_vnc else f"unix:{self.vnc_socket}"
        self.argv = [
            QEMU or "qemu-system-x86_64",
            "-accel", "tcg",
            "-m", str(memory_mib),
            "-nodefaults",
            "-vga", "std",
            "-display", "none",
            "-vnc", vnc + vnc_options,
            "-qmp", f"unix:{self.qmp_socket},server=on,wait=off",
            "-serial", f"file:{self.serial_log}",
        ]  # fmt: skip
        if disk is not None:
            self.argv += ["-drive", f"file={disk},format=raw,if=ide"]
        if paused:
            self.argv.append("-S")
        self.argv += list(extra)
        self.proc: subprocess.Popen[bytes] | None = None
        self.qmp = QMPClient("kvmgui-console-test")
        self.vnc_address: Path | tuple[str, int] = self.vnc_socket

    async def start(self, timeout: float = 10.0) -> QemuVm:
        with self.stderr_log.open("wb") as err:
            self.proc = subprocess.Popen(self.argv, stdout=subprocess.DEVNULL, stderr=err)
        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"QEMU exited: {self.stderr_log.read_text()}")
            if time.monotonic() > deadline:
                raise TimeoutError("QEMU did not accept QMP connections in time")
            # The socket file appears at bind(), before QEMU listens: on a busy machine a
            # connect in between is refused, so keep trying until the deadline.
            if self.qmp_socket.exists():
                try:
                    await asyncio.wait_for(self.qmp.connect(str(self.qmp_socket)), timeout)
                    break
                except ConnectError:
                    pass
            await asyncio.sleep(0.05)
        if self.tcp_vnc:
            info = await self.execute("query-vnc")
            self.vnc_address = ("127.0.0.1", int(info["service"]))
        return self

    async def execute(self, cmd: str, args: dict[str, object] | None = None) -> Any:
        """A QMP command's "return" value (JSON: dict, list, str…)."""
        return await asyncio.wait_for(self.qmp.execute(cmd, args), 10)

    async def screendump(self) -> np.ndarray:
        """The current screen as QEMU renders it: (h, w, 3) uint8 R G B."""
        path = self.dir / "screendump.png"
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        await self.execute("screendump", {"filename": str(path), "format": "png"})
        return load_png_rgb(path)

    def serial(self) -> bytes:
        try:
            return self.serial_log.read_bytes()
        except FileNotFoundError:
            return b""

    async def wait_serial(self, needle: bytes, timeout: float = 20.0) -> bytes:
        deadline = time.monotonic() + timeout
        while needle not in self.serial():
            if time.monotonic() > deadline:
                raise TimeoutError(f"{needle!r} not in the serial log: {self.serial()!r}")
            await asyncio.sleep(0.05)
        return self.serial()

    async def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.qmp.execute("quit"), 2)
            try:
                await asyncio.wait_for(asyncio.to_thread(self.proc.wait), 3)
            except TimeoutError:
                self.proc.kill()
                self.proc.wait()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.qmp.disconnect(), 2)
        if self._own_dir:
            shutil.rmtree(self.dir, ignore_errors=True)

    async def __aenter__(self) -> QemuVm:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()


def load_png_rgb(path: Path) -> np.ndarray:
    from PySide6.QtGui import QImage

    img = QImage(str(path))
    if img.isNull():
        raise ValueError(f"cannot read {path}")
    img = img.convertToFormat(QImage.Format.Format_RGB888)
    bpl = img.bytesPerLine()
    rows = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), bpl)
    return rows[:, : img.width() * 3].reshape(img.height(), img.width(), 3).copy()


def bgrx_to_rgb(fb: np.ndarray) -> np.ndarray:
    return fb[..., 2::-1]


def image_difference(rgb: np.ndarray, other_rgb: np.ndarray) -> tuple[int, int]:
    """(largest channel difference, number of differing pixels); sizes must match."""
    if rgb.shape != other_rgb.shape:
        raise AssertionError(f"sizes differ: {rgb.shape[1::-1]} vs {other_rgb.shape[1::-1]}")
    diff = np.abs(rgb.astype(np.int16) - other_rgb.astype(np.int16)).max(axis=2)
    return int(diff.max()), int((diff > 0).sum())


async def wait_until_matches(
    vm: QemuVm,
    current_rgb: Callable[[], np.ndarray],
    *,
    tolerance: int = 2,
    timeout: float = 10.0,
) -> np.ndarray:
    """Wait until the viewer's image equals QEMU's screendump (each channel within
    `tolerance`); returns the matching screendump. Both sides are re-read each round, so a
    screen still changing (boot messages, a late update) gets time to settle, but the final
    comparison is strict."""
    deadline = time.monotonic() + timeout
    last = "never compared"
    while True:
        reference = await vm.screendump()
        try:
            worst, count = image_difference(current_rgb(), reference)
            if worst <= tolerance:
                return reference
            last = f"{count} pixels differ, by up to {worst}"
        except AssertionError as exc:
            last = str(exc)
        if time.monotonic() > deadline:
            raise AssertionError(f"the viewer's image never matched the screendump: {last}")
        await asyncio.sleep(0.1)
