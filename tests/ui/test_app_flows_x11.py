"""The real `kvmgui` program on a real X server, driven by real key presses and mouse clicks.

Its own Xvfb (a free display found with -displayfd) with openbox as window manager, the app
with QT_QPA_PLATFORM=xcb on private XDG folders, xdotool for the input. "Test a USB stick"
from Ctrl+U with an image file: the throwaway VM boots, `kvmgui-cli list --json` (same
folders) lists it as throwaway and running, its console is shown in the window, Force off from
the menu (mouse, then keys) removes it, and the image is unchanged.
"""

from __future__ import annotations

import hashlib
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from kvmgui.core.model import Accel
from kvmgui.core.settings import Settings, save_settings
from tests.runtime.helpers import REPO, RunEnv

TOOLS = ("Xvfb", "xdotool", "openbox")
MISSING = [tool for tool in TOOLS if shutil.which(tool) is None]

pytestmark = [
    pytest.mark.qemu,
    pytest.mark.slow,
    pytest.mark.skipif(bool(MISSING), reason=f"needs {', '.join(MISSING)} "
                       "(bash scripts/setup.sh test installs them)"),
    pytest.mark.skipif(shutil.which("qemu-system-x86_64") is None,
                       reason="needs qemu-system-x86_64"),
]

MAIN_TITLE = "kvmgui — Virtual machines"
DIALOG_TITLE = "Test a USB stick"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def wait_for(what: str, check: Callable[[], Any], timeout: float) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.25)


def stop(process: subprocess.Popen[Any]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


@pytest.fixture
def display() -> Iterator[str]:
    """A private Xvfb (the first free display number, as Xvfb reports it) with openbox."""
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24",
         "-nolisten", "tcp", "-noreset"],
        pass_fds=(write_end,), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    openbox: subprocess.Popen[bytes] | None = None
    try:
        ready, _, _ = select.select([read_end], [], [], 30)
        assert ready, "Xvfb did not report its display number"
        number = os.read(read_end, 64).decode().strip()
        assert number.isdigit(), f"Xvfb reported {number!r}"
        name = f":{number}"
        openbox = subprocess.Popen(["openbox"], env={**os.environ, "DISPLAY": name},
                                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        yield name
    finally:
        os.close(read_end)
        if openbox is not None:
            stop(openbox)
        stop(xvfb)


class Desktop:
    """xdotool (and a screenshot) on one display."""

    def __init__(self, display: str, shots: Path) -> None:
        self.env = {**os.environ, "DISPLAY": display}
        self.shots = shots

    def xdo(self, *args: str) -> str:
        result = subprocess.run(["xdotool", *args], env=self.env, capture_output=True,
                                text=True, timeout=30, stdin=subprocess.DEVNULL)
        return result.stdout.strip() if result.returncode == 0 else ""

    def window(self, title: str, timeout: float = 60) -> str:
        found: str = wait_for(f"a window called {title!r}",
                              lambda: self.xdo("search", "--name", f"^{title}$"), timeout)
        return found.split()[-1]

    def geometry(self, window: str) -> dict[str, int]:
        out = self.xdo("getwindowgeometry", "--shell", window)
        return {k: int(v) for k, v in (line.split("=") for line in out.splitlines())
                if k in ("X", "Y", "WIDTH", "HEIGHT")}

    def click(self, window: str, x: int, y: int) -> None:
        self.xdo("mousemove", "--window", window, str(x), str(y), "click", "1")

    def key(self, *keys: str) -> None:
        self.xdo("key", "--clearmodifiers", *keys)

    def screenshot(self, name: str) -> None:
        """In the test's tmp_path, for a person to look at when the test fails."""
        if shutil.which("import") is not None:
            subprocess.run(["import", "-window", "root", str(self.shots / f"{name}.png")],
                           env=self.env, capture_output=True, timeout=30,
                           stdin=subprocess.DEVNULL)


def throwaways(env: RunEnv) -> list[dict[str, Any]]:
    listed = env.cli_json("list")
    return [vm for vm in listed["vms"] if vm["throwaway"]]


def test_usb_stick_test_in_the_real_program(display: str, test_iso_write_boot: Path,
                                            tmp_path: Path) -> None:
    env = RunEnv.create()
    app: subprocess.Popen[bytes] | None = None
    try:
        save_settings(env.paths.settings_file,
                      replace(Settings(), accelerator=Accel.TCG))
        stick = env.root / "stick.iso"
        shutil.copyfile(test_iso_write_boot, stick)
        before = sha256(stick)
        environ = env.full_environ()
        environ.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", LANGUAGE="en", LC_ALL="C.UTF-8",
                       TMPDIR=str(env.root))  # QLocalServer's socket stays in the test folder
        program = Path(sys.executable).parent / "kvmgui"  # the installed entry point
        app = subprocess.Popen([str(program)], env=environ, cwd=str(REPO),
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
        desk = Desktop(display, tmp_path)
        main = desk.window(MAIN_TITLE)
        desk.xdo("windowactivate", "--sync", main)

        # Ctrl+U; Alt+I picks "An image file", Tab goes to its field; the path is typed.
        desk.key("ctrl+u")
        dialog = desk.window(DIALOG_TITLE, timeout=30)
        desk.xdo("windowactivate", "--sync", dialog)
        time.sleep(1.0)  # the stick scan finishes (it may switch to the image file itself)
        desk.key("alt+i")
        desk.key("Tab")
        desk.xdo("type", "--delay", "10", str(stick))
        desk.screenshot("1-dialog")
        # Start, with the mouse: the button's place in the dialog's bottom-right corner.
        size = desk.geometry(dialog)
        desk.click(dialog, size["WIDTH"] - 138, size["HEIGHT"] - 22)

        # Listed as a running throwaway VM, for the CLI as for the app; its console is shown.
        found = wait_for("the throwaway VM in `kvmgui-cli list`",
                         lambda: [vm for vm in throwaways(env) if vm["running"]], 60)
        vm = found[0]
        desk.window(f"{vm['name']} — kvmgui", timeout=30)  # the console page's title
        serial = Path(vm["folder"]) / "logs" / "serial.log"
        wait_for("the guest writing to its stick", lambda: serial.exists() and
                 "KVMGUI-GUEST: wrote boot device" in serial.read_text(errors="replace"), 120)
        desk.screenshot("2-console")

        # Force off from the menu: a click on "Virtual machine" in the menu bar (the console
        # keeps the keyboard for the guest), F for Force off, Alt+F to confirm.
        desk.click(main, 90, 10)
        time.sleep(0.5)
        desk.key("f")
        time.sleep(1.0)
        desk.key("alt+f")
        wait_for("the throwaway VM to leave the list", lambda: not throwaways(env), 30)
        desk.window(MAIN_TITLE, timeout=10)  # back on the list
        desk.screenshot("3-gone")
        assert not (env.paths.runtime_dir / "live" / vm["name"]).exists()
        assert sha256(stick) == before

        # Ctrl+Q quits (nothing runs, so nothing is asked).
        desk.xdo("windowactivate", "--sync", main)
        desk.key("ctrl+q")
        assert app.wait(30) == 0
    finally:
        if app is not None:
            stop(app)
        left = env.cleanup()
        assert not left, f"QEMU pid(s) {left} were still running"

