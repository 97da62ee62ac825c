#!/usr/bin/env python3
"""App start-up: time until the main window is on screen, and resident memory, kvmgui vs
virt-manager, with 0 and with 50 VMs defined, under the same Xvfb.

Not a test. Run from the repository root:

    .venv/bin/python benches/bench_startup.py [--rounds 5] [--quick] [--json FILE]

Needs Xvfb, xdotool and virt-manager (Debian: sudo apt install xvfb xdotool virt-manager).

- One private Xvfb (1280x800, no window manager) for every run.
- kvmgui: its entry point (.venv/bin/kvmgui, i.e. kvmgui.ui.app:main) with a private HOME and
  XDG folders; "50 VMs" means 50 definitions in its store (small VMs without disks, stopped).
- virt-manager: `virt-manager --no-fork --connect URI` (so the measured pid is the GUI), with
  GSETTINGS_BACKEND=memory and a private HOME. "0 VMs" uses test:///default, libvirt's
  built-in test driver (it holds one demo VM, "test"); "50 VMs" uses a test-driver file
  defining 50 shut-off VMs.
- The clock starts just before the process is spawned. "Mapped" is when `xdotool search
  --onlyvisible --name TITLE` first finds the main window mapped (polled every 20 ms);
  "painted", the figure reported, is when the window's pixels (read with XGetImage through
  libX11) are first no longer all the black of the root window (Xvfb -br): an app can map its
  window long before it draws anything in it. Resident memory (VmRSS, and PSS, which shares
  libraries fairly) is read from /proc once the window is painted and again after --settle
  seconds (default 3), the figure reported.
- kvmgui runs with its bytecode cached (PYTHONPYCACHEPREFIX in the bench's folder, written by
  the warm-up run), as an installed package has it; virt-manager's package ships compiled too.
- With 0 VMs a third program is measured the same way: a bare PySide6 QMainWindow of kvmgui's
  size (the floor of any PySide6 app on this machine: interpreter, PySide6, QApplication).
- Each app is started once untimed first (warm file cache; the X server has served clients
  before, as on a desktop: here virt-manager measured ~135 MiB as the first client of a freshly
  started or reset X server, ~82 MiB otherwise), then the rounds alternate the two; medians
  are reported.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kvmgui.core.paths import AppPaths  # noqa: E402
from kvmgui.core.store import VmStore  # noqa: E402
from tests.runtime.helpers import tiny_spec  # noqa: E402

KVMGUI_TITLE = "^kvmgui — "
FLOOR_TITLE = "^bare PySide6 window$"
# The floor of any PySide6 app: the interpreter, PySide6's import, a QApplication and an empty
# QMainWindow of kvmgui's size, nothing else.
FLOOR_PROGRAM = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("bare PySide6 window")
window.resize(980, 660)
window.show()
sys.exit(app.exec())
"""
VIRT_MANAGER_TITLE = "^Virtual Machine Manager$"
POLL_S = 0.02
TIMEOUT_S = 60.0


class BenchError(Exception):
    pass


@dataclass
class Run:
    seconds: float  # until the first paint
    mapped_s: float
    rss_kib_shown: int
    rss_kib: int  # after settling
    pss_kib: int


def need(tool: str, package: str) -> str:
    path = shutil.which(tool)
    if path is None:
        raise BenchError(f"{tool} is not installed: sudo apt install {package}")
    return path


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    xvfb = need("Xvfb", "xvfb")
    read_fd, write_fd = os.pipe()
    # -noreset: without it Xvfb resets when its last client leaves, and an app connecting
    # during the reset fails ("Gtk couldn't be initialized").
    # -br: a black root window, so a mapped window that has not been painted yet is all black.
    proc = subprocess.Popen([xvfb, "-displayfd", str(write_fd), "-screen", "0", "1280x800x24",
                             "-nolisten", "tcp", "-noreset", "-br"], pass_fds=(write_fd,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    if not number:
        proc.kill()
        raise BenchError("Xvfb did not start")
    return proc, f":{number}"


def status_kib(pid: int, field: str, file: str = "status") -> int:
    try:
        for line in Path(f"/proc/{pid}/{file}").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def window_up(xdotool: str, display: str, title: str) -> int | None:
    """The X id of the mapped window titled `title`, or None."""
    result = subprocess.run([xdotool, "search", "--onlyvisible", "--name", title],
                            env={**os.environ, "DISPLAY": display}, capture_output=True,
                            check=False)
    words = result.stdout.split()
    return int(words[0]) if result.returncode == 0 and words else None


class _XWindowAttributes(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int),
                ("height", ctypes.c_int), ("rest", ctypes.c_byte * 256)]


class Pixels:
    """Reads a window's pixels with libX11's XGetImage (no helper process per poll)."""

    def __init__(self, display: str) -> None:
        name = ctypes.util.find_library("X11")
        if name is None:
            raise BenchError("libX11 is not installed: sudo apt install libx11-6")
        self.x = ctypes.CDLL(name)
        self.x.XOpenDisplay.restype = ctypes.c_void_p
        self.x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.x.XGetImage.restype = ctypes.c_void_p
        self.x.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int,
                                     ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
        self.x.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong,
                                                ctypes.POINTER(_XWindowAttributes)]
        self.x.XDestroyImage = None  # a macro: the image is freed through its own function table
        self.x.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
        self.x.XSetErrorHandler.argtypes = [ctypes.c_void_p]
        self._handler = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)(
            lambda _d, _e: 0)  # a window that went away between two calls is not fatal
        self.x.XSetErrorHandler(ctypes.cast(self._handler, ctypes.c_void_p))
        self.dpy = self.x.XOpenDisplay(display.encode())
        if not self.dpy:
            raise BenchError(f"cannot open display {display}")

    def painted(self, window: int) -> bool:
        """Whether anything but one flat colour is in the window."""
        attrs = _XWindowAttributes()
        if not self.x.XGetWindowAttributes(self.dpy, window, ctypes.byref(attrs)):
            return False
        w, h = attrs.width, attrs.height
        if w <= 0 or h <= 0:
            return False
        image = self.x.XGetImage(self.dpy, window, 0, 0, w, h, 0xFFFFFFFF, 2)  # ZPixmap
        if not image:
            return False
        # XImage: int width, height, xoffset, format; char *data; ... bytes_per_line at 44.
        data = ctypes.cast(image + 16, ctypes.POINTER(ctypes.c_void_p))[0]
        per_line = ctypes.cast(image + 44, ctypes.POINTER(ctypes.c_int))[0]
        pixels = ctypes.string_at(data, per_line * h)
        destroy = ctypes.cast(image + 88, ctypes.POINTER(ctypes.c_void_p))[1]  # f.destroy_image
        ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p)(destroy)(image)
        return pixels.count(pixels[:1]) != len(pixels)


def measure(argv: list[str], env: dict[str, str], display: str, title: str,
            settle: float, pixels: Pixels) -> Run:
    xdotool = need("xdotool", "xdotool")
    env = {**env, "DISPLAY": display}
    started = time.monotonic()
    proc = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def alive() -> None:
        if proc.poll() is not None:
            raise BenchError(f"{argv[0]} exited ({proc.returncode}) before its window "
                             f"appeared:\n{proc.stderr.read().decode()[-2000:]}"
                             if proc.stderr else "")
        if time.monotonic() - started > TIMEOUT_S:
            raise BenchError(f"no window titled {title!r} painted within {TIMEOUT_S:g} s")

    try:
        while (window := window_up(xdotool, display, title)) is None:
            alive()
            time.sleep(POLL_S)
        mapped = time.monotonic() - started
        while not pixels.painted(window):
            alive()
            time.sleep(POLL_S / 4)
        took = time.monotonic() - started
        shown = status_kib(proc.pid, "VmRSS")
        time.sleep(settle)
        return Run(took, mapped, shown, status_kib(proc.pid, "VmRSS"),
                   status_kib(proc.pid, "Pss", "smaps_rollup"))
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def private_env(root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "QT_", "DBUS_"))}
    folders = {"HOME": "home", "XDG_CONFIG_HOME": "c", "XDG_DATA_HOME": "d",
               "XDG_RUNTIME_DIR": "r", "XDG_CACHE_HOME": "k"}
    for key, name in folders.items():
        path = root / name
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        env[key] = str(path)
    # English for both (kvmgui's window title is found by its English text).
    for key in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        env.pop(key, None)
    env["LANG"] = "C.UTF-8"
    # The same accessibility setting for both toolkits: no AT-SPI bus here.
    env["NO_AT_BRIDGE"] = "1"
    env["QT_ACCESSIBILITY"] = "0"
    return env


def kvmgui_case(root: Path, vms: int) -> tuple[list[str], dict[str, str]]:
    env = private_env(root)
    store = VmStore(AppPaths.from_env(env).default_vm_root)
    for i in range(vms):
        store.create(tiny_spec(f"vm{i:02d}"))
    script = ROOT / ".venv" / "bin" / "kvmgui"
    argv = [str(script)] if script.exists() else [sys.executable, "-m", "kvmgui.ui.app"]
    env["PYTHONPATH"] = str(ROOT)
    # Compiled once (by the warm-up run) and reused, as an installed package is; kept out of
    # the source tree.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(root / "pycache")
    return argv, env


def floor_case(root: Path) -> tuple[list[str], dict[str, str]]:
    env = private_env(root)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return [sys.executable, "-c", FLOOR_PROGRAM], env


def test_driver_xml(vms: int) -> str:
    domains = "".join(
        f"""
  <domain type="test" xmlns:test="http://libvirt.org/schemas/domain/test/1.0">
    <name>vm{i:02d}</name>
    <memory unit="MiB">64</memory>
    <vcpu>1</vcpu>
    <os><type arch="x86_64">hvm</type></os>
    <test:runstate>5</test:runstate>
  </domain>"""
        for i in range(vms))
    return f"<node>{domains}\n</node>\n"


def virt_manager_case(root: Path, vms: int) -> tuple[list[str], dict[str, str]]:
    program = need("virt-manager", "virt-manager")
    env = private_env(root)
    env["GSETTINGS_BACKEND"] = "memory"
    if vms == 0:
        uri = "test:///default"
    else:
        node = root / "node.xml"
        node.write_text(test_driver_xml(vms))
        uri = f"test://{node}"
    return [program, "--no-fork", "--connect", uri], env


def main(args: argparse.Namespace) -> dict[str, object]:
    xvfb, display = start_xvfb()
    pixels = Pixels(display)
    tmp = Path(tempfile.mkdtemp(prefix="kg-startup-"))
    results: dict[str, object] = {"rounds": args.rounds, "settle_s": args.settle}
    try:
        for vms in (0, 50):
            cases = {
                "kvmgui": (*kvmgui_case(tmp / f"kvmgui-{vms}", vms), KVMGUI_TITLE),
                "virt-manager": (*virt_manager_case(tmp / f"vm-{vms}", vms),
                                 VIRT_MANAGER_TITLE),
            }
            if vms == 0 and args.floor:
                cases["pyside6-floor"] = (*floor_case(tmp / "floor"), FLOOR_TITLE)
            runs: dict[str, list[Run]] = {name: [] for name in cases}
            for argv, env, title in cases.values():
                measure(argv, env, display, title, 0.5, pixels)  # warm-up, not counted
            for n in range(args.rounds):
                order = list(cases) if n % 2 == 0 else list(reversed(cases))  # interleaved
                for name in order:
                    argv, env, title = cases[name]
                    run = measure(argv, env, display, title, args.settle, pixels)
                    runs[name].append(run)
                    print(f"{vms:2d} VMs, round {n + 1}, {name:12}: painted after "
                          f"{run.seconds:.3f} s (mapped {run.mapped_s:.3f} s), "
                          f"RSS {run.rss_kib / 1024:.0f} MiB "
                          f"(PSS {run.pss_kib / 1024:.0f} MiB)")
            for name, got in runs.items():
                key = f"{name}_{vms}"
                results[f"{key}_s"] = statistics.median(r.seconds for r in got)
                results[f"{key}_mapped_s"] = statistics.median(r.mapped_s for r in got)
                results[f"{key}_rss_mib"] = statistics.median(r.rss_kib for r in got) / 1024
                results[f"{key}_pss_mib"] = statistics.median(r.pss_kib for r in got) / 1024
                results[f"{key}_rss_shown_mib"] = (
                    statistics.median(r.rss_kib_shown for r in got) / 1024)
    finally:
        xvfb.terminate()
        xvfb.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    version = subprocess.run(["virt-manager", "--version"], capture_output=True, text=True,
                             check=False)
    results["virt_manager_version"] = version.stdout.strip() or version.stderr.strip()
    return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--settle", type=float, default=3.0,
                        help="seconds after the window appears before memory is read")
    parser.add_argument("--quick", action="store_true", help="one round, 1 s settle")
    parser.add_argument("--no-floor", dest="floor", action="store_false",
                        help="leave out the bare PySide6 window (the floor of a PySide6 app), "
                             "measured with 0 VMs")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    arguments = parser.parse_args()
    if arguments.quick:
        arguments.rounds = 1
        arguments.settle = 1.0
    try:
        figures = main(arguments)
    except BenchError as error:
        print(f"error: {error}", file=sys.stderr)
        sys.exit(1)
    if arguments.json:
        arguments.json.write_text(json.dumps(figures, indent=1))
