#!/usr/bin/env python3
"""Take the README's screenshots of kvmgui: docs/screenshots/*.png.

Runs the real app offscreen (or under Xvfb when DISPLAY is set) in a throwaway folder: it
creates a VM with the wizard, boots the test guest under TCG (tests/guest builds it), waits for
its thumbnail and graphs, and grabs each window at the sizes a 1024×768 screen allows.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--lang fr]
        [--media | --sharing | --connections]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync  # noqa: E402
from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from kvmgui.core.model import Accel, OsPreset, UsbDeviceId  # noqa: E402
from kvmgui.core.paths import AppPaths  # noqa: E402
from kvmgui.core.settings import Settings, save_settings  # noqa: E402

SCREEN = QSize(1024, 768)
# What is left of a 1024×768 screen for a window: a title bar and a panel.
MAIN_SIZE = QSize(1024, 700)


async def wait_for(check: Callable[[], bool], timeout: float, what: str) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not check():
        if loop.time() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        await asyncio.sleep(0.1)


async def save(widget: QWidget, out: Path, name: str) -> Path:
    # Let layouts and paints settle through the running loop (a processEvents() call here
    # would run other asyncio tasks inside this one).
    await asyncio.sleep(0.15)
    size = widget.size()
    assert size.width() <= SCREEN.width() and size.height() <= SCREEN.height(), (
        f"{name} is {size.width()}×{size.height()}, larger than a 1024×768 screen")
    path = out / f"{name}.png"
    if not widget.grab().save(str(path)):
        raise RuntimeError(f"could not write {path}")
    print(f"{path}  {size.width()}×{size.height()}")
    return path


async def stop_everything(root: Path) -> None:
    """Force off every QEMU started under `root`, whatever happened (they run detached)."""
    from kvmgui.runtime.session import open_runtime

    paths = AppPaths.under(root)
    manager = open_runtime(paths, Settings()).manager
    await manager.open()
    for controller in manager.running():
        await controller.force_off()
    await manager.close()


async def close_app(window: Any, ctx: Any, vm_id: str) -> None:
    """Stop the guest, close the console session, let go of the runtime and the window."""
    controller = ctx.controller(vm_id)
    if controller is not None:
        await controller.force_off()
    await ctx.manager.close()
    await close_window(window)


async def close_window(window: Any) -> None:
    """Close the window for good, without the question about running guests."""
    window._really_close = True
    window.close()
    window.deleteLater()
    await asyncio.sleep(0.5)


async def take(out: Path, root: Path, iso: Path) -> None:
    from kvmgui.runtime.state import VmState
    from kvmgui.ui.app import build
    from kvmgui.ui.wizard import NewVmWizard

    paths = AppPaths.under(root)
    settings = replace(Settings(), accelerator=Accel.TCG, stats_interval_s=0.5,
                       thumbnail_interval_s=1.0)
    save_settings(paths.settings_file, settings)
    window = build(paths)  # what `kvmgui` builds
    ctx = window.ctx
    window.resize(MAIN_SIZE)
    window.show()
    await window.startup()
    await save(window, out, "main-empty")

    # The wizard, one page at a time, creating a VM that boots the test guest.
    wiz = window.open_wizard()
    assert isinstance(wiz, NewVmWizard)
    await wait_for(lambda: wiz.model.env_ready, 60, "the wizard's host facts")
    wiz.source_page.iso.set_text(str(iso))
    wiz.summary_page.start_now.setChecked(True)
    names = ["wizard-1-source", "wizard-2-system", "wizard-3-memory", "wizard-4-disk",
             "wizard-5-devices", "wizard-6-summary"]
    for i, name in enumerate(names):
        if i == 2:
            wiz.resources_page.memory.setValue(512)
        if i == 3:
            wiz.disk_page.size_spin.setValue(8)
        if i == 4:
            wiz.options_page.advanced_toggle.setChecked(True)
        if i == 5:
            wiz.summary_page.name.setText("debian-live")
            wiz.summary_page._name_edited("debian-live")
        await save(wiz, out, name)
        if i < len(names) - 1:
            wiz.next()
    created: list[object] = []
    wiz.vm_created.connect(lambda stored, _start: created.append(stored))
    wiz.accept()
    await wait_for(lambda: bool(created), 60, "the VM to be created")
    stored = created[0]
    vm_id = stored.spec.id  # type: ignore[attr-defined]

    # A second, stopped VM so the list shows both states.
    second = NewVmWizard(ctx)
    second.show()
    await wait_for(lambda: second.model.env_ready, 60, "the second wizard")
    second.model.apply_os(OsPreset.WINDOWS10)
    second.model.draft.memory_mib = 4096
    second.model.draft.disk_gib = 40
    second.model.draft.name = "windows-10"
    second.model.draft.start_now = False
    second.model.revalidate()
    await second.create_vm()
    window.reload()

    await wait_for(lambda: getattr(window.model.get(vm_id), "state", None) is VmState.RUNNING,
                   60, "the guest to run")
    serial = stored.folder.serial_log  # type: ignore[attr-defined]
    await wait_for(lambda: serial.exists() and "KVMGUI-GUEST: ready" in
                   serial.read_text(errors="replace"), 240, "the guest to boot")
    await asyncio.sleep(3)  # a few stats samples for the graphs
    window.thumbnails.refresh_soon(vm_id)
    await wait_for(lambda: getattr(window.model.get(vm_id), "thumbnail", None) is not None,
                   30, "a thumbnail")
    window.show_list()  # "Start now" in the wizard switched the window to the console page
    window.select(vm_id)
    window.set_view("grid")
    window.raise_()
    await save(window, out, "main-grid")
    window.set_view("table")
    await save(window, out, "main-table")
    window.set_view("grid")

    # The console as a page of the main window ("All machines › debian-live").
    console_page = window.open_console(vm_id)
    await wait_for(lambda: not console_page.console.display_size().isEmpty(), 30,
                   "the console picture")
    await asyncio.sleep(1)
    await save(window, out, "main-console")
    window.show_list()

    about = window.open_about()
    await wait_for(lambda: "QEMU emulator" in about.qemu.text(), 30, "QEMU's version")
    await save(about, out, "about")
    about.reject()

    vm_window = window.open_vm_window(vm_id, "overview")
    vm_window.resize(QSize(900, 640))
    for page in ("overview", "hardware", "performance", "serial", "qemu-log"):
        vm_window.show_page(page)
        await asyncio.sleep(1.5 if page in ("serial", "qemu-log") else 0.3)
        await save(vm_window, out, f"vm-{page}")

    prefs = window.open_preferences()
    for i in range(prefs.tabs.count()):
        prefs.tabs.setCurrentIndex(i)
        await save(prefs, out, f"preferences-{i + 1}")
    prefs.reject()

    host = window.open_host_check()
    await wait_for(lambda: bool(host.rows), 30, "the host check")
    await save(host, out, "host-check")
    host.close()
    second_id = second.created.spec.id  # type: ignore[union-attr]
    await media_shots(window, out, root, iso, second_id)
    vm_window.close()
    await sharing_shots(window, out, root, vm_id)

    await close_app(window, ctx, vm_id)


# ------------------------------------------------------------------------------ media tools


async def shot_usb_test(window: Any, out: Path, stick: Path) -> None:
    """"Test a USB stick": the detected sticks, an image file chosen, protection on."""
    dialog = window.test_usb_stick()
    await wait_for(lambda: dialog.scanned > 0, 30, "the USB stick scan")
    dialog.use_file.setChecked(True)
    dialog.file.set_text(str(stick))
    dialog.memory.setValue(1024)
    await save(dialog, out, "media-usb-test")
    dialog.reject()


async def shot_image_tools(window: Any, out: Path, image: Path) -> None:
    """The disk image tools on a VM's disk: its facts, then the Convert and Resize pages."""
    dialog = window.open_image_tools(str(image))
    await wait_for(lambda: dialog.info is not None, 30, "the image's facts")
    dialog.compress_check.setChecked(True)
    await save(dialog, out, "media-image-tools-convert")
    dialog.tabs.setCurrentIndex(2)
    dialog.new_size.setValue(dialog.new_size.value() / 2)
    await save(dialog, out, "media-image-tools-resize")
    dialog.reject()


async def shot_snapshots(window: Any, out: Path, vm_id: str) -> None:
    """The VM window's Snapshots page with two snapshots of a stopped VM."""
    vm_window = window.open_vm_window(vm_id, "snapshots")
    vm_window.resize(QSize(900, 640))
    page = vm_window.snapshots
    for name in ("fresh install", "before the update"):
        await page.backend.take(page.stored, name)
    await page.refresh()
    await save(vm_window, out, "media-snapshots")
    vm_window.close()


async def shot_clone(window: Any, out: Path, vm_id: str) -> None:
    dialog = window.open_clone(vm_id)
    await save(dialog, out, "media-clone")
    dialog.reject()


async def shot_copy_device(window: Any, out: Path, vm_id: str, target: Path) -> None:
    """Copy disk to a device, checked against a file that is too small."""
    dialog = window.open_copy_device(vm_id)
    dialog.target.setEditText(str(target))
    await wait_for(lambda: dialog.checked > 0 and not dialog.tasks, 30, "the copy check")
    await save(dialog, out, "media-copy-device")
    dialog.reject()


async def shot_restore(window: Any, out: Path, iso: Path, backup: Path) -> None:
    """Restore a backup, with the wiki's size warning showing."""
    dialog = window.open_restore()
    dialog.iso.set_text(str(iso))
    dialog.backup.setEditText(str(backup))
    dialog.source_size.setValue(40.0)
    dialog.new_size.setValue(32.0)
    await save(dialog, out, "media-restore")
    dialog.reject()


async def media_shots(window: Any, out: Path, root: Path, iso: Path, vm_id: str) -> None:
    """Every media dialog, on a stopped VM `vm_id` (no guest needs to run)."""
    stored = window.ctx.store.get(vm_id)
    disk = stored.folder.resolve(stored.spec.disks[0].path)
    small = root / "small-target.img"
    with small.open("wb") as f:
        f.truncate(1 << 30)
    await shot_usb_test(window, out, iso)
    await shot_image_tools(window, out, disk)
    await shot_snapshots(window, out, vm_id)
    await shot_clone(window, out, vm_id)
    await shot_copy_device(window, out, vm_id, small)
    await shot_restore(window, out, iso, small)


async def take_media(out: Path, root: Path, iso: Path) -> None:
    """Only the media dialogs (--media): one stopped VM, no guest booted."""
    from kvmgui.ui.app import build
    from kvmgui.ui.wizard import NewVmWizard

    paths = AppPaths.under(root)
    settings = replace(Settings(), accelerator=Accel.TCG)
    save_settings(paths.settings_file, settings)
    window = build(paths)  # what `kvmgui` builds
    ctx = window.ctx
    window.resize(MAIN_SIZE)
    window.show()
    await window.startup()
    wiz = NewVmWizard(ctx)
    wiz.show()
    await wait_for(lambda: wiz.model.env_ready, 60, "the wizard")
    wiz.model.apply_os(OsPreset.WINDOWS10)
    wiz.model.draft.disk_gib = 40
    wiz.model.draft.name = "windows-10"
    wiz.model.draft.start_now = False
    wiz.model.revalidate()
    stored = await wiz.create_vm()
    assert stored is not None
    window.reload()
    await media_shots(window, out, root, iso, stored.spec.id)
    await ctx.manager.close()
    window._really_close = True
    window.close()
    window.deleteLater()
    await asyncio.sleep(0.5)


# ---------------------------------------------------------------------------- sharing


async def sharing_shots(window: Any, out: Path, root: Path, vm_id: str) -> None:
    """The console's tool bar, Paste as Keystrokes' question and the Hardware page's Sharing
    group, on the running guest `vm_id`."""
    ctx = window.ctx
    # A USB stick the VM was given once and that is not plugged in now (this machine has
    # none), remembered in its definition as `kvmgui-cli usb attach` leaves it.
    stored = ctx.store.get(vm_id)
    ctx.store.save(replace(stored, spec=replace(
        stored.spec, usb=True, usb_devices=(UsbDeviceId("0781", "5583"),))))

    page = window.open_console(vm_id)
    await wait_for(lambda: not page.console.display_size().isEmpty(), 30, "the console picture")
    page.toolbar.clipboard_action.setChecked(True)  # saved in the definition, as a click does
    await asyncio.sleep(1)
    await save(window, out, "console-toolbar")

    page.paster.paste("sudo apt update\nsudo apt install spice-vdagent\nsudo reboot\n", page)
    await wait_for(lambda: page.paster.question is not None and page.paster.question.isVisible(),
                   10, "the question before typing")
    question = page.paster.question
    await save(question, out, "paste-keys-confirm")
    question.reject()
    window.show_list()

    folders = root / "shared"
    for name in ("Documents", "Photos"):
        (folders / name).mkdir(parents=True, exist_ok=True)
    vm_window = window.open_vm_window(vm_id, "hardware")
    vm_window.resize(QSize(900, 700))
    hardware = vm_window.hardware
    hardware.sharing.add(str(folders / "Documents"))
    hardware.sharing.add(str(folders / "Photos"), read_only=True)
    if not hardware.apply():
        raise RuntimeError("the Hardware page did not save the shared folders")
    await asyncio.sleep(0.3)
    hardware.show_sharing()
    await save(vm_window, out, "vm-hardware-sharing")
    vm_window.close()


async def take_sharing(out: Path, root: Path, iso: Path) -> None:
    """Only the sharing shots (--sharing): one VM boots the test guest."""
    from kvmgui.runtime.state import VmState
    from kvmgui.ui.app import build
    from kvmgui.ui.wizard import NewVmWizard

    paths = AppPaths.under(root)
    save_settings(paths.settings_file, replace(Settings(), accelerator=Accel.TCG))
    window = build(paths)  # what `kvmgui` builds
    ctx = window.ctx
    window.resize(MAIN_SIZE)
    window.show()
    await window.startup()
    wiz = window.open_wizard()  # its VM starts as the wizard's does: through the window
    assert isinstance(wiz, NewVmWizard)
    await wait_for(lambda: wiz.model.env_ready, 60, "the wizard")
    wiz.source_page.iso.set_text(str(iso))
    wiz.model.draft.memory_mib = 512
    wiz.model.draft.disk_gib = 8
    wiz.model.draft.name = "debian-live"
    wiz.model.draft.start_now = True
    wiz.model.revalidate()
    created: list[Any] = [await wiz.create_vm()]
    assert created[0] is not None
    stored = created[0]
    vm_id = stored.spec.id
    window.reload()
    await wait_for(lambda: getattr(window.model.get(vm_id), "state", None) is VmState.RUNNING,
                   60, "the guest to run")
    serial = stored.folder.serial_log
    await wait_for(lambda: serial.exists() and "KVMGUI-GUEST: ready" in
                   serial.read_text(errors="replace"), 240, "the guest to boot")
    await sharing_shots(window, out, root, vm_id)
    await close_app(window, ctx, vm_id)


# ------------------------------------------------------------------------ connections

LAB_NODE = """<node>
""" + "".join(f"""  <domain type='test'>
    <name>{name}</name>
    <memory unit='MiB'>{memory}</memory>
    <vcpu>{cpus}</vcpu>
    <os><type>hvm</type></os>
  </domain>
""" for name, memory, cpus in (("web-frontend", 2048, 2), ("database", 8192, 4),
                               ("build-runner", 4096, 4))) + "</node>\n"


async def take_connections(out: Path, root: Path, iso: Path) -> None:
    """Only the libvirt connections (--connections): the Add Connection dialog, and the
    window with kvmgui's own VM and two connections, one connected (libvirt's test driver
    as a lab server) and one that failed (a computer whose name does not resolve)."""
    from kvmgui.core.connections import SavedConnection
    from kvmgui.core.presets import new_spec
    from kvmgui.runtime.libvirt_hosts import HostState
    from kvmgui.runtime.state import VmState
    from kvmgui.ui.app import build

    paths = AppPaths.under(root)
    node = root / "lab-server.xml"
    node.write_text(LAB_NODE)
    lab, office = f"test://{node}", "qemu+ssh://admin@office-server.invalid/system"
    save_settings(paths.settings_file, replace(
        Settings(), accelerator=Accel.TCG, stats_interval_s=0.5,
        connections=(SavedConnection(lab, "Lab server"),
                     SavedConnection(office, "Office server"))))
    window = build(paths)  # what `kvmgui` builds
    ctx = window.ctx
    ctx.store.create(new_spec("debian-desktop", OsPreset.LINUX))
    window.resize(MAIN_SIZE)
    window.show()
    await window.startup()
    hosts = ctx.libvirt_hosts
    await wait_for(lambda: all(h.state in (HostState.CONNECTED, HostState.FAILED)
                               for h in hosts.hosts.values()), 60, "the connections")
    await hosts.force_off(lab, "build-runner")
    await hosts.pause(lab, "database")
    await wait_for(lambda: getattr(window.model.get(f"libvirt:{lab}#web-frontend"),
                                   "cpu_percent", None) is not None, 30, "the CPU figures")
    assert hosts.hosts[lab].domains["build-runner"].state is VmState.STOPPED
    await wait_for(lambda: getattr(window.model.get(f"libvirt:{lab}#web-frontend"),
                                   "thumbnail", None) is not None, 30, "the live picture")
    window.select(f"libvirt:{lab}#web-frontend")
    await save(window, out, "window-two-connections")

    dialog: Any = window.open_add_connection()
    dialog.user.setText("admin")
    dialog.host.setText("vmhost.example.org")
    await save(dialog, out, "connection-dialog")
    dialog.reject()
    await ctx.close_libvirt()
    await ctx.manager.close()
    await close_window(window)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None,
                        help="where to write (default docs/screenshots, or docs/screenshots/"
                        "LANG with --lang)")
    parser.add_argument("--media", action="store_true",
                        help="only the media dialogs (no guest is booted)")
    parser.add_argument("--sharing", action="store_true",
                        help="only the sharing shots: the console's tool bar, Paste as "
                        "Keystrokes' question and the Hardware page's Sharing group")
    parser.add_argument("--connections", action="store_true",
                        help="only the libvirt connections: the Add Connection dialog and "
                        "the window with two connections")
    parser.add_argument("--lang", default="",
                        help="take them in this language, e.g. fr (default: English)")
    args = parser.parse_args()
    if args.out is None:
        args.out = HERE / "docs" / "screenshots" / args.lang if args.lang else (
            HERE / "docs" / "screenshots")
    from tests.guest.build import ensure_test_iso

    iso = ensure_test_iso()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setApplicationName("kvmgui")
    app.setQuitOnLastWindowClosed(False)
    from kvmgui.ui import pyside_fixes

    pyside_fixes.install(app)
    from PySide6.QtCore import QLocale

    from kvmgui.ui.i18n import install_translator

    # As under LANG=fr_FR.UTF-8: the translation, and the locale's numbers (1,5 Gio). English
    # gets its translator too, as the app does: it holds the English plural forms.
    locale = QLocale(args.lang) if args.lang else QLocale(QLocale.Language.English)
    QLocale.setDefault(locale)
    translator = install_translator(app, locale)
    if translator is None and args.lang:
        parser.error(f"there is no kvmgui translation for {args.lang!r}")
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    # Short: unix socket paths are limited to 107 bytes.
    root = Path(tempfile.mkdtemp(prefix="kgshot", dir="/tmp"))
    try:
        with loop:
            try:
                work = (take_media if args.media else take_sharing if args.sharing
                        else take_connections if args.connections else take)
                loop.run_until_complete(work(args.out, root, iso))
            finally:
                loop.run_until_complete(stop_everything(root))
    finally:
        shutil.rmtree(root, ignore_errors=True)
        del translator
    return 0


if __name__ == "__main__":
    sys.exit(main())
