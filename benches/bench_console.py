#!/usr/bin/env python3
"""Console benchmark: frames per second and CPU of kvmgui's VNC console vs a native viewer.

Not a test. Run from the repository root:

    .venv/bin/python benches/bench_console.py [--seconds 6] [--sizes 1024x768,1920x1080]
                                              [--no-native] [--no-synthetic]

What it measures (and what it does not):

1. Decode ceiling (synthetic, no QEMU, no GUI): an in-process RFB server on a unix socket
   answers every update request of kvmgui's RfbClient at once with a pre-encoded full-screen
   frame. Frames/s is the client's socket-to-framebuffer rate; "decode ms" is the client's own
   decode time per frame (Raw copy, or zlib + tiles for ZRLE). The CPU figure includes the fake
   server's writes. ZRLE is measured on two contents: a gradient (QEMU sends raw tiles) and a
   desktop-like screen (solid and run-length tiles, the slow path in Python).
2. Guest animation: a 512-byte boot-sector guest (source below) under QEMU TCG repaints every
   pixel of a Bochs VBE framebuffer 50 times a second. QEMU's VNC server samples the screen
   every 30 ms, so ~33 full frames/s is the ceiling for any viewer. Viewers:
   - "kvmgui client": RfbClient alone, in this process, Raw over the unix socket (no painting);
   - "kvmgui window": the real ConsoleWindow (Qt xcb) in a child process on Xvfb;
   - "gvncviewer": gtk-vnc's viewer (GTK3) on the same Xvfb, if installed.
   Windowed viewers connect through a counting TCP proxy that forces the same encoding on both
   (Raw or ZRLE) and measures what was delivered: fps = updated pixels per second / screen
   pixels. A viewer that cannot keep up requests fewer updates, so this is what it displayed.
   CPU % is per process (100 % = one core), from /proc: the viewer, Xvfb (which does the
   drawing the viewer asks for) and QEMU.
3. Idle: the same guest paints once and halts; CPU % of each viewer over the measuring time.

The machine here has 2 cores shared with QEMU's vCPU and VNC threads, Xvfb and the proxy, so
absolute numbers are lower than on a desktop; the comparison between viewers is the point.

Guest source (GNU as, `as --32` + `ld -m elf_i386 -Ttext 0x7c00 --oformat binary`):

    .code16 (intel syntax) — cli; DS=ES=SS=0; [0x504] = 0 (frame counter)
    Bochs DISPI (ports 0x1ce/0x1cf): ENABLE=0, XRES=[0x7df0], YRES=[0x7df2], BPP=32,
    ENABLE=0x41 (enabled + linear framebuffer)
    scan PCI bus 0 (0xcf8/0xcfc) for 1234:1111, BAR0 & ~15 = framebuffer → EBP
    [0x500] = width * height; PIT channel 0 at 50 Hz (0x36, divisor 23864); sti; ESI = 0
    frame: EDI = EBP, ECX = [0x500], EAX = ESI
    px:    mov [edi], eax (addr32: TCG ignores real-mode segment limits); edi += 4;
           eax += 0x103; loop px
           esi += 0x050301; inc dword [0x504]; if [0x7df4] == 0: cli; hlt forever
           hlt (next tick); jmp frame
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kvmgui.runtime.rfb import (  # noqa: E402
    FrameUpdated,
    RfbClient,
    RfbEvent,
    protocol as p,
)

_PAINTER_HEX = (
    "fa31c08ed88ec08ed0bc007c66c706040500000000bb040031c9e8c600bb01008b0ef07de8bc00bb02008b0e"
    "f27de8b200bb0300b92000e8a900bb0400b94100e8a00066bb000000806689d8baf80c66efbafc0c66ed663d"
    "3412111174126681c3000800006681fb0000018072dbeb6f67668d4310baf80c66efbafc0c66ed6683e0f066"
    "89c5660fb706f07d660fb70ef27d660fafc866890e0005b036e643b8385de64088e0e640fb6631f66689ef66"
    "8b0e00056689f0676689076683c704660503010000664975ee6681c60103050066ff060405803ef47d007403"
    "f4ebcdfaf4ebfcbace0189d8ef4289c8efc3"
)
QEMU = shutil.which("qemu-system-x86_64") or "qemu-system-x86_64"
CLK_TCK = os.sysconf("SC_CLK_TCK")
KEEP_PSEUDO = {-223, -308, -239, -314, -257, -258, -224}


def painter_disk(path: Path, width: int, height: int, animate: bool) -> Path:
    sector = bytearray(bytes.fromhex(_PAINTER_HEX).ljust(512, b"\0"))
    sector[0x1F0:0x1F5] = struct.pack("<HHB", width, height, int(animate))
    sector[510:512] = b"\x55\xaa"
    with path.open("wb") as f:
        f.write(sector)
        f.truncate(1 << 20)
    return path


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def free_display(start: int = 60) -> int:
    for n in range(start, 100):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", 5900 + n))
                return n
            except OSError:
                continue
    raise RuntimeError("no free VNC display number between 60 and 99")


# -- a QEMU running the painter ----------------------------------------------------------------


class Guest:
    def __init__(self, width: int, height: int, animate: bool) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="kvc-bench-"))
        self.vnc = self.dir / "vnc.sock"
        self.qmp_path = self.dir / "qmp.sock"
        disk = painter_disk(self.dir / "painter.img", width, height, animate)
        self.argv = [
            QEMU, "-accel", "tcg", "-m", "64", "-nodefaults", "-vga", "std", "-display", "none",
            "-vnc", f"unix:{self.vnc}", "-qmp", f"unix:{self.qmp_path},server=on,wait=off",
            "-drive", f"file={disk},format=raw,if=ide",
        ]  # fmt: skip
        self.proc: subprocess.Popen[bytes] | None = None

    async def start(self) -> None:
        from qemu.qmp import QMPClient

        self.proc = subprocess.Popen(self.argv, stdout=subprocess.DEVNULL)
        while not self.qmp_path.exists():
            await asyncio.sleep(0.05)
        self.qmp = QMPClient("bench")
        await self.qmp.connect(str(self.qmp_path))

    async def frames_painted(self) -> int:
        out = await self.qmp.execute("human-monitor-command", {"command-line": "xp /1wx 0x504"})
        return int(str(out).split(":")[1], 16)

    async def stop(self) -> None:
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.qmp.execute("quit"), 2)
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.qmp.disconnect(), 2)
        if self.proc is not None:
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)


# -- counting proxy ----------------------------------------------------------------------------


@dataclass
class Delivered:
    pixels: int = 0
    updates: int = 0
    bytes: int = 0
    requests: int = 0
    error: str = ""


class CountingProxy:
    """TCP 127.0.0.1:5900+display → QEMU's unix socket. Forces one encoding in SetEncodings
    and counts the pixels of every FramebufferUpdate it forwards."""

    def __init__(self, upstream: Path, encoding: int) -> None:
        self.upstream = upstream
        self.encoding = encoding
        self.display = free_display()
        self.stats = Delivered()

    async def start(self) -> None:
        self.server = await asyncio.start_server(self._client, "127.0.0.1", 5900 + self.display)

    async def close(self) -> None:
        self.server.close()

    async def _client(self, down_r: asyncio.StreamReader, down_w: asyncio.StreamWriter) -> None:
        up_r, up_w = await asyncio.open_unix_connection(str(self.upstream), limit=1 << 24)
        self.bpp = 4
        tasks = [
            asyncio.ensure_future(self._to_server(down_r, up_w)),
            asyncio.ensure_future(self._to_client(up_r, down_w)),
        ]
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        for t in tasks:
            t.cancel()
        for t in done:
            exc = t.exception()
            if exc is not None and not isinstance(exc, asyncio.IncompleteReadError | OSError):
                self.stats.error = f"proxy: {exc!r}"
        up_w.close()
        down_w.close()

    async def _to_server(self, r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        for size in (12, 1, 1):  # version, security choice (None), ClientInit: one by one,
            w.write(await r.readexactly(size))  # each waits for the server's answer
            await w.drain()
        while True:
            head = await r.readexactly(1)
            kind = head[0]
            if kind == 0:
                body = await r.readexactly(19)
                self.bpp = body[3] // 8
                w.write(head + body)
            elif kind == 2:
                hdr = await r.readexactly(3)
                (n,) = struct.unpack(">xH", hdr)
                encs = struct.unpack(f">{n}i", await r.readexactly(4 * n))
                keep = [self.encoding] + [e for e in encs if e in KEEP_PSEUDO]
                w.write(p.set_encodings(keep))
            elif kind == 3:
                self.stats.requests += 1
                w.write(head + await r.readexactly(9))
            elif kind == 4:
                w.write(head + await r.readexactly(7))
            elif kind == 5:
                w.write(head + await r.readexactly(5))
            elif kind == 6:
                hdr = await r.readexactly(7)
                (n,) = struct.unpack(">xxxI", hdr)
                w.write(head + hdr + await r.readexactly(n))
            elif kind == 255:
                sub = await r.readexactly(1)
                rest = 10 if sub[0] == 0 else 2
                w.write(head + sub + await r.readexactly(rest))
            else:
                self.stats.error = f"unknown client message {kind}"
                w.write(head + await r.read(1 << 16))
                while data := await r.read(1 << 16):
                    w.write(data)
                return
            await w.drain()

    async def _forward(self, r: asyncio.StreamReader, w: asyncio.StreamWriter, n: int) -> None:
        while n > 0:
            chunk = await r.readexactly(min(n, 1 << 20))
            w.write(chunk)
            self.stats.bytes += len(chunk)
            n -= len(chunk)
            await w.drain()

    async def _to_client(self, r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        w.write(await r.readexactly(12))  # version: the client answers before the rest comes
        await w.drain()
        (n,) = await r.readexactly(1)
        w.write(bytes([n]) + await r.readexactly(n))
        await w.drain()
        w.write(await r.readexactly(4))  # SecurityResult
        await w.drain()
        init = await r.readexactly(24)
        (name_len,) = struct.unpack(">I", init[20:24])
        w.write(init + await r.readexactly(name_len))
        await w.drain()
        while True:
            head = await r.readexactly(1)
            kind = head[0]
            if kind == 0:
                hdr = await r.readexactly(3)
                (count,) = struct.unpack(">xH", hdr)
                w.write(head + hdr)
                self.stats.updates += 1
                for _ in range(count):
                    rect = await r.readexactly(12)
                    w.write(rect)
                    _x, _y, rw, rh, enc = struct.unpack(">HHHHi", rect)
                    if enc == 0:
                        self.stats.pixels += rw * rh
                        await self._forward(r, w, rw * rh * self.bpp)
                    elif enc == 16:
                        length = await r.readexactly(4)
                        w.write(length)
                        self.stats.pixels += rw * rh
                        await self._forward(r, w, struct.unpack(">I", length)[0])
                    elif enc == -308:
                        screens = await r.readexactly(4)
                        w.write(screens)
                        await self._forward(r, w, 16 * screens[0])
                    elif enc == -239:
                        await self._forward(r, w, rw * rh * self.bpp + (rw + 7) // 8 * rh)
                    elif enc == -314:
                        await self._forward(r, w, 4 + rw * rh * 4)
                    elif enc == -224:
                        break
                    elif enc not in (-223, -257, -258):
                        self.stats.error = f"unexpected encoding {enc}"
                        while data := await r.read(1 << 16):
                            w.write(data)
                        return
            elif kind == 1:
                hdr = await r.readexactly(5)
                w.write(head + hdr + await r.readexactly(6 * struct.unpack(">xxxH", hdr)[0]))
            elif kind == 2:
                w.write(head)
            elif kind == 3:
                hdr = await r.readexactly(7)
                w.write(head + hdr + await r.readexactly(struct.unpack(">xxxI", hdr)[0]))
            else:
                self.stats.error = f"unexpected server message {kind}"
                while data := await r.read(1 << 16):
                    w.write(data)
                return
            await w.drain()


# -- viewers -----------------------------------------------------------------------------------


class Xvfb:
    def __init__(self) -> None:
        # A display nobody uses: on a shared machine another Xvfb, with another screen size,
        # may hold a fixed number (its lock file and socket say so).
        self.number = next(
            n
            for n in (40 + (os.getpid() + i) % 50 for i in range(50))
            if not Path(f"/tmp/.X{n}-lock").exists() and not Path(f"/tmp/.X11-unix/X{n}").exists()
        )
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> bool:
        exe = shutil.which("Xvfb")
        if exe is None:
            return False
        self.proc = subprocess.Popen(
            [exe, f":{self.number}", "-screen", "0", "2560x1440x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(1.0)
        return self.proc.poll() is None

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait()


def start_viewer(kind: str, xvfb: Xvfb, display: int) -> subprocess.Popen[bytes]:
    env = dict(os.environ, DISPLAY=f":{xvfb.number}", QT_QPA_PLATFORM="xcb")
    env.pop("WAYLAND_DISPLAY", None)
    if kind == "gvncviewer":
        argv = ["gvncviewer", f"127.0.0.1:{display}"]
    else:
        argv = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--viewer",
            f"127.0.0.1:{5900 + display}",
        ]
    return subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def run_kvmgui_viewer(address: str) -> None:
    """Child process: the real ConsoleWindow, 1:1, connected to `address`."""
    import qasync
    from PySide6.QtWidgets import QApplication

    from kvmgui.ui.console import ConsoleWindow

    host, port = address.rsplit(":", 1)
    app = QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    window = ConsoleWindow(vm_name="bench")
    window.console.set_fit_to_window(False)
    window.resize(2000, 1200)
    window.show()
    signal.signal(signal.SIGTERM, lambda *_: app.quit())
    loop.run_until_complete(window.console.connect_to((host, int(port))))
    with loop:
        loop.run_forever()


@dataclass
class Row:
    section: str
    viewer: str
    size: str
    encoding: str
    fps: float | None
    updates: float | None = None
    viewer_cpu: float | None = None
    xvfb_cpu: float | None = None
    qemu_cpu: float | None = None
    note: str = ""


async def measure_windowed(
    guest: Guest, xvfb: Xvfb, kind: str, encoding: int, size: tuple[int, int], seconds: float
) -> Row:
    proxy = CountingProxy(guest.vnc, encoding)
    await proxy.start()
    viewer = start_viewer(kind, xvfb, proxy.display)
    name = "kvmgui window" if kind == "kvmgui" else "gvncviewer"
    enc_name = "Raw" if encoding == 0 else "ZRLE"
    size_text = f"{size[0]}x{size[1]}"
    try:
        deadline = time.monotonic() + 20
        while proxy.stats.updates < 3:
            if viewer.poll() is not None or time.monotonic() > deadline:
                return Row("guest", name, size_text, enc_name, None, note="viewer did not start")
            await asyncio.sleep(0.1)
        await asyncio.sleep(2.0)  # warm-up
        assert guest.proc is not None and xvfb.proc is not None
        pids = (viewer.pid, xvfb.proc.pid, guest.proc.pid)
        c0 = [cpu_seconds(pid) for pid in pids]
        px0, up0, t0 = proxy.stats.pixels, proxy.stats.updates, time.monotonic()
        await asyncio.sleep(seconds)
        c1 = [cpu_seconds(pid) for pid in pids]
        elapsed = time.monotonic() - t0
        frames = (proxy.stats.pixels - px0) / (size[0] * size[1]) / elapsed
        cpu = [100 * (b - a) / elapsed for a, b in zip(c0, c1, strict=True)]
        return Row(
            "guest", name, size_text, enc_name, frames, (proxy.stats.updates - up0) / elapsed,
            cpu[0], cpu[1], cpu[2], proxy.stats.error,
        )  # fmt: skip
    finally:
        viewer.terminate()
        try:
            viewer.wait(5)
        except subprocess.TimeoutExpired:
            viewer.kill()
            viewer.wait()
        await proxy.close()
        await asyncio.sleep(0.5)


async def measure_client(guest: Guest, size: tuple[int, int], seconds: float) -> Row:
    client = RfbClient()
    pixels = 0

    def count(event: RfbEvent) -> None:
        nonlocal pixels
        if isinstance(event, FrameUpdated):
            pixels += sum(r.w * r.h for r in event.rects)

    client.add_listener(count)
    await client.connect(guest.vnc)
    await asyncio.sleep(2.0)
    assert guest.proc is not None
    q0, c0, px0, up0 = (
        cpu_seconds(guest.proc.pid),
        time.process_time(),
        pixels,
        client.stats.updates,
    )
    t0 = time.monotonic()
    await asyncio.sleep(seconds)
    elapsed = time.monotonic() - t0
    row = Row(
        "guest", "kvmgui client (no GUI)", f"{size[0]}x{size[1]}", "Raw (unix)",
        (pixels - px0) / (size[0] * size[1]) / elapsed, (client.stats.updates - up0) / elapsed,
        100 * (time.process_time() - c0) / elapsed, None,
        100 * (cpu_seconds(guest.proc.pid) - q0) / elapsed,
    )  # fmt: skip
    await client.close()
    return row


# -- synthetic decode ceiling ------------------------------------------------------------------


def _frames(width: int, height: int, content: str, count: int = 3) -> list[np.ndarray]:
    frames = []
    for i in range(count):
        if content == "gradient":
            values = (np.arange(width * height, dtype=np.uint32) * 0x103 + i * 0x050301) & 0xFFFFFF
            frames.append(values.view(np.uint8).reshape(height, width, 4).copy())
        else:  # desktop-like: flat panels, window frames and rows of "text"
            img = np.zeros((height, width, 4), np.uint8)
            img[...] = (90, 60, 40, 0)
            img[40 : height - 40, 60 : width - 60] = (240, 240, 240, 0)
            rng = np.random.default_rng(i)
            for row in range(60, height - 60, 18):
                glyphs = rng.integers(0, 2, (12, (width - 160) // 3)).astype(bool)
                glyphs = np.repeat(glyphs, 3, axis=1)
                band = img[row : row + 12, 80 : 80 + glyphs.shape[1]]
                band[glyphs] = (20, 20, 20, 0)
            frames.append(img)
    return frames


def _run_length_bytes(n: int) -> bytes:
    n -= 1
    return b"\xff" * (n // 255) + bytes([n % 255])


def _zrle_tile(tile: np.ndarray) -> bytes:
    """One tile, choosing the smallest subencoding as QEMU's encoder does (solid, packed
    palette, palette RLE, plain RLE or raw)."""
    h, w = tile.shape[:2]
    flat = np.ascontiguousarray(tile).reshape(-1, 3)
    colours, index = np.unique(flat, axis=0, return_inverse=True)
    index = index.reshape(-1)
    if len(colours) == 1:
        return b"\x01" + bytes(colours[0].tobytes())
    change = np.nonzero(index[1:] != index[:-1])[0] + 1
    starts = np.concatenate(([0], change))
    lengths = np.diff(np.concatenate((starts, [len(flat)])))
    extra = int(((lengths - 1) // 255).sum())
    options = {"raw": 3 * len(flat), "plain": len(starts) * 4 + extra}
    if len(colours) <= 16:
        bits = 1 if len(colours) == 2 else 2 if len(colours) <= 4 else 4
        options["packed"] = len(colours) * 3 + h * ((w * bits + 7) // 8)
    if len(colours) <= 127:
        options["palette"] = len(colours) * 3 + len(starts) + int((lengths > 1).sum()) + extra
    best = min(options, key=lambda k: options[k])
    if best == "raw":
        return b"\x00" + bytes(flat.tobytes())
    if best == "packed":
        rows = index.reshape(h, w).astype(np.uint8)
        per_byte = 8 // bits
        pad = (-w) % per_byte
        rows = np.pad(rows, ((0, 0), (0, pad)))
        groups = rows.reshape(h, -1, per_byte)
        shifts = np.arange(per_byte - 1, -1, -1, dtype=np.uint8) * bits
        packed = (groups << shifts).sum(axis=2).astype(np.uint8)
        return bytes([len(colours)]) + bytes(colours.tobytes()) + bytes(packed.tobytes())
    out = bytearray()
    if best == "palette":
        out += bytes([128 + len(colours)]) + colours.tobytes()
        for s, n in zip(starts.tolist(), lengths.tolist(), strict=True):
            out += bytes([index[s]]) if n == 1 else bytes([index[s] | 0x80]) + _run_length_bytes(n)
    else:
        out += b"\x80"
        for s, n in zip(starts.tolist(), lengths.tolist(), strict=True):
            out += flat[s].tobytes() + _run_length_bytes(n)
    return bytes(out)


def _zrle_tiles(frame: np.ndarray) -> bytes:
    h, w = frame.shape[:2]
    return b"".join(
        _zrle_tile(frame[ty : ty + 64, tx : tx + 64, :3])
        for ty in range(0, h, 64)
        for tx in range(0, w, 64)
    )


async def synthetic(width: int, height: int, encoding: int, content: str, seconds: float) -> Row:
    frames = _frames(width, height, content)
    comp = zlib.compressobj(1)
    messages = []
    for frame in [frames[0], *frames]:
        head = struct.pack(">BxH", 0, 1) + struct.pack(">HHHHi", 0, 0, width, height, encoding)
        if encoding == p.Encoding.RAW:
            messages.append(head + frame.tobytes())
        else:
            # Z_FULL_FLUSH: no frame refers back to another, so they can be replayed in any
            # order; only the first (sent once) carries the zlib header.
            data = comp.compress(_zrle_tiles(frame)) + comp.flush(zlib.Z_FULL_FLUSH)
            messages.append(head + struct.pack(">I", len(data)) + data)
    first, messages = messages[0], messages[1:]
    path = Path(tempfile.mkdtemp(prefix="kvc-syn-")) / "s.sock"
    stop = asyncio.Event()

    handlers: list[asyncio.Task[None]] = []

    async def serve(r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        handlers.append(asyncio.current_task())  # type: ignore[arg-type]
        w.write(b"RFB 003.008\n\x01\x01")
        await r.readexactly(12 + 1)
        w.write(struct.pack(">I", 0))
        await r.readexactly(1)
        name = b"synthetic"
        w.write(struct.pack(">HH", width, height) + p.BGRX_FORMAT.pack())
        w.write(struct.pack(">I", len(name)) + name)
        await r.readexactly(20)
        (n,) = struct.unpack(">xxH", await r.readexactly(4))
        await r.readexactly(4 * n)
        i = -1
        with contextlib.suppress(Exception):
            while not stop.is_set():
                if (await r.readexactly(1))[0] == 3:
                    await r.readexactly(9)
                    w.write(first if i < 0 else messages[i % len(messages)])
                    i += 1
                    await w.drain()
        w.close()

    server = await asyncio.start_unix_server(serve, str(path))
    client = RfbClient(encodings=[encoding])
    updates = 0

    def count(event: RfbEvent) -> None:
        nonlocal updates
        updates += isinstance(event, FrameUpdated)

    client.add_listener(count)
    await client.connect(path)
    await asyncio.sleep(0.5)
    u0, d0, c0, t0 = updates, client.stats.decode_seconds, time.process_time(), time.monotonic()
    await asyncio.sleep(seconds)
    elapsed = time.monotonic() - t0
    frames_done = updates - u0
    decode_ms = 1000 * (client.stats.decode_seconds - d0) / max(frames_done, 1)
    row = Row(
        "synthetic", "kvmgui client (no GUI)", f"{width}x{height}",
        "Raw" if encoding == 0 else f"ZRLE ({content})", frames_done / elapsed,
        viewer_cpu=100 * (time.process_time() - c0) / elapsed,
        note=f"decode {decode_ms:.1f} ms/frame, {len(messages[0]) / 1024:.0f} KiB/frame",
    )  # fmt: skip
    stop.set()
    await client.close()
    server.close()
    await asyncio.wait(handlers, timeout=5)
    shutil.rmtree(path.parent, ignore_errors=True)
    return row


# -- idle --------------------------------------------------------------------------------------


async def measure_idle(
    guest: Guest, xvfb: Xvfb | None, kind: str, size: tuple[int, int], seconds: float
) -> Row:
    size_text = f"{size[0]}x{size[1]}"
    if kind == "client":
        client = RfbClient()
        await client.connect(guest.vnc)
        await asyncio.sleep(1.5)
        c0, b0, t0 = time.process_time(), client.stats.bytes_received, time.monotonic()
        await asyncio.sleep(seconds)
        elapsed = time.monotonic() - t0
        row = Row(
            "idle", "kvmgui client (no GUI)", size_text, "Raw (unix)", None,
            viewer_cpu=100 * (time.process_time() - c0) / elapsed,
            note=f"{(client.stats.bytes_received - b0) / elapsed:.0f} bytes/s received",
        )  # fmt: skip
        await client.close()
        return row
    assert xvfb is not None and xvfb.proc is not None and guest.proc is not None
    proxy = CountingProxy(guest.vnc, 0)
    await proxy.start()
    viewer = start_viewer(kind, xvfb, proxy.display)
    name = "kvmgui window" if kind == "kvmgui" else "gvncviewer"
    try:
        deadline = time.monotonic() + 20
        while proxy.stats.updates < 1:
            if viewer.poll() is not None or time.monotonic() > deadline:
                return Row("idle", name, size_text, "Raw", None, note="viewer did not start")
            await asyncio.sleep(0.1)
        await asyncio.sleep(2.0)
        pids = (viewer.pid, xvfb.proc.pid, guest.proc.pid)
        before, t0 = [cpu_seconds(pid) for pid in pids], time.monotonic()
        await asyncio.sleep(seconds)
        after, elapsed = [cpu_seconds(pid) for pid in pids], time.monotonic() - t0
        cpu = [100 * (b - a) / elapsed for a, b in zip(before, after, strict=True)]
        return Row("idle", name, size_text, "Raw", None, None, cpu[0], cpu[1], cpu[2])
    finally:
        viewer.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            viewer.wait(5)
        if viewer.poll() is None:
            viewer.kill()
            viewer.wait()
        await proxy.close()


# -- report ------------------------------------------------------------------------------------


def _fmt(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def print_table(rows: Sequence[Row]) -> None:
    print(
        "| section | viewer | size | encoding | full frames/s | updates/s | viewer CPU % "
        "| Xvfb CPU % | QEMU CPU % | note |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r.section} | {r.viewer} | {r.size} | {r.encoding} | {_fmt(r.fps)} "
            f"| {_fmt(r.updates)} | {_fmt(r.viewer_cpu)} | {_fmt(r.xvfb_cpu)} "
            f"| {_fmt(r.qemu_cpu)} | {r.note} |"
        )


async def main(args: argparse.Namespace) -> None:
    sizes = [tuple(int(v) for v in s.split("x")) for s in args.sizes.split(",")]
    rows: list[Row] = []
    if not args.no_synthetic:
        for w, h in sizes:
            rows.append(await synthetic(w, h, p.Encoding.RAW, "gradient", args.seconds))
            rows.append(await synthetic(w, h, p.Encoding.ZRLE, "gradient", args.seconds))
            rows.append(await synthetic(w, h, p.Encoding.ZRLE, "desktop", args.seconds))
            print(f"synthetic {w}x{h} done", file=sys.stderr)
    if args.no_guest:
        print_table(rows)
        return
    xvfb = Xvfb()
    have_x = xvfb.start()
    kinds = ["kvmgui"] + (
        [] if args.no_native or not shutil.which("gvncviewer") else ["gvncviewer"]
    )
    try:
        for w, h in sizes:
            guest = Guest(w, h, animate=True)
            await guest.start()
            try:
                f0, t0 = await guest.frames_painted(), time.monotonic()
                rows.append(await measure_client(guest, (w, h), args.seconds))
                if have_x:
                    for encoding in (p.Encoding.RAW, p.Encoding.ZRLE):
                        for kind in kinds:
                            rows.append(
                                await measure_windowed(
                                    guest, xvfb, kind, encoding, (w, h), args.seconds
                                )
                            )
                painted = (await guest.frames_painted() - f0) / (time.monotonic() - t0)
                print(f"guest {w}x{h}: painted {painted:.1f} frames/s", file=sys.stderr)
            finally:
                await guest.stop()
        w, h = sizes[0]
        guest = Guest(w, h, animate=False)
        await guest.start()
        try:
            await asyncio.sleep(2)
            rows.append(await measure_idle(guest, None, "client", (w, h), args.idle_seconds))
            if have_x:
                for kind in kinds:
                    rows.append(await measure_idle(guest, xvfb, kind, (w, h), args.idle_seconds))
        finally:
            await guest.stop()
    finally:
        xvfb.stop()
    print()
    print_table(rows)
    if not have_x:
        print("\nXvfb is not installed: windowed viewers were skipped (apt-get install xvfb).")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=6.0, help="measuring time per row")
    parser.add_argument("--idle-seconds", type=float, default=10.0)
    parser.add_argument("--sizes", default="1024x768,1920x1080")
    parser.add_argument("--no-native", action="store_true", help="skip gvncviewer")
    parser.add_argument("--no-synthetic", action="store_true")
    parser.add_argument("--no-guest", action="store_true", help="synthetic rows only")
    parser.add_argument("--viewer", help=argparse.SUPPRESS)  # child process mode
    ns = parser.parse_args()
    if ns.viewer:
        run_kvmgui_viewer(ns.viewer)
    else:
        asyncio.run(main(ns))
