"""The app as users get it: built by kvmgui.ui.app.launch(), the function `kvmgui` runs, with
the real runtime and the test guest under TCG.

- the wizard makes a VM that starts, its console opens, typed keys reach the guest, Shut down
  stops it;
- "Test a USB stick" with an image file: the throwaway VM is listed and marked, its console
  opens, Force off stops it, it leaves the list and the image is unchanged;
- the window closes with a guest running ("Keep running"); the app built again finds it;
- a new VM folder in the settings: the app's store and the runtime's stay one (the factory's).
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kvmgui.runtime.state import VmState
from kvmgui.ui import app, errors
from kvmgui.ui.models import Column
from tests.ui.flows import (
    Launch,
    boot_file_as_stick,
    create_with_wizard,
    start_from_list,
    state_of,
)

# Every test here runs qemu-img, qemu-io or qemu-system-x86_64: not in the fast lane.
pytestmark = [
    pytest.mark.qemu,
    pytest.mark.skipif(shutil.which("qemu-system-x86_64") is None,
                       reason="needs qemu-system-x86_64"),
]

READY_TIMEOUT_MS = 90_000  # the test guest under TCG on a busy 2-core machine


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def serial_text(path: Path) -> str:
    return path.read_text(errors="replace") if path.exists() else ""


def confirm(qtbot: Any, word: str) -> None:
    """Answer the question box whose text has `word` with its Yes button."""
    qtbot.waitUntil(lambda: bool(errors.open_boxes()), timeout=10_000)
    box = errors.open_boxes()[-1]
    assert word in box.text()
    box.button(box.StandardButton.Yes).click()


@pytest.mark.qemu
@pytest.mark.slow
def test_wizard_start_console_type_shut_down(qtbot: Any, launch: Launch,
                                             test_iso: Path) -> None:
    window = launch()
    assert window.stack.currentWidget() is window.empty
    stored = create_with_wizard(qtbot, window, test_iso, "typist", start_now=True)
    vm_id = stored.spec.id

    # Finish started it and showed its console in the window.
    qtbot.waitUntil(lambda: state_of(window, vm_id) is VmState.RUNNING, timeout=60_000)
    qtbot.waitUntil(lambda: window.console_vm_id() == vm_id, timeout=10_000)
    page = window.console_view.page(vm_id)
    assert page is not None
    console = page.console
    serial = stored.folder.serial_log
    qtbot.waitUntil(lambda: "KVMGUI-GUEST: ready" in serial_text(serial),
                    timeout=READY_TIMEOUT_MS)
    qtbot.waitUntil(lambda: console.connection_state.value == "connected", timeout=20_000)

    # Keys typed on the console reach the guest (it echoes each line to its serial port).
    console.setFocus()
    QTest.keyClicks(console, "hello app")
    QTest.keyClick(console, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "KVMGUI-KEY: hello app" in serial_text(serial), timeout=30_000)

    # Shut down (the guest's power button) from the window's action.
    window.vm_actions.shutdown.trigger()
    qtbot.waitUntil(lambda: state_of(window, vm_id) is VmState.STOPPED, timeout=60_000)
    assert window.model.get(vm_id) is not None  # an ordinary VM stays in the list
    assert not errors.open_boxes()


@pytest.mark.qemu
@pytest.mark.slow
def test_usb_stick_test_is_listed_controlled_and_gone_when_stopped(
    qtbot: Any, launch: Launch, test_iso_write_boot: Path, tmp_path: Path
) -> None:
    from kvmgui.ui.media.usb_test import UsbTestDialog

    # The test guest's ISO is a hybrid image: it boots as a stick too, and writes to it.
    stick = tmp_path / "stick.iso"
    shutil.copyfile(test_iso_write_boot, stick)
    before = sha256(stick)
    window = launch()
    QTest.keyClick(window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    dlg = window.findChild(UsbTestDialog)
    assert dlg is not None and dlg.isVisible()
    qtbot.waitUntil(lambda: dlg.scanned > 0, timeout=15_000)
    boot_file_as_stick(qtbot, dlg, stick)
    qtbot.waitUntil(lambda: dlg.vm_id is not None, timeout=60_000)
    vm_id = dlg.vm_id
    assert vm_id is not None

    # Listed, marked as a throwaway test, running, and its console is shown at once.
    row = window.model.get(vm_id)
    assert row is not None and row.throwaway
    assert "Throwaway test" in window.model.index_of(vm_id, Column.NAME).data()
    qtbot.waitUntil(lambda: state_of(window, vm_id) is VmState.RUNNING, timeout=30_000)
    assert window.console_vm_id() == vm_id
    assert not errors.open_boxes()  # no "no longer in the VM folder"
    controller = window.ctx.controller(vm_id)
    assert controller is not None
    folder = controller.stored.folder.dir
    serial = controller.stored.folder.serial_log
    qtbot.waitUntil(lambda: "KVMGUI-GUEST: wrote boot device" in serial_text(serial),
                    timeout=READY_TIMEOUT_MS)

    # Controlled like any VM: pause and resume, then Force off (asked first).
    assert window.vm_actions.pause.isEnabled()
    window.vm_actions.pause.trigger()
    qtbot.waitUntil(lambda: state_of(window, vm_id) is VmState.PAUSED, timeout=20_000)
    window.vm_actions.pause.trigger()
    qtbot.waitUntil(lambda: state_of(window, vm_id) is VmState.RUNNING, timeout=20_000)
    window.vm_actions.force_off.trigger()
    confirm(qtbot, "Force")

    # Gone from the list, the window back on the list, no error, the stick unchanged.
    qtbot.waitUntil(lambda: window.model.get(vm_id) is None, timeout=30_000)
    assert window.console_vm_id() is None
    assert window.ctx.controller(vm_id) is None
    assert not folder.exists()
    assert not errors.open_boxes()
    assert sha256(stick) == before


@pytest.mark.qemu
@pytest.mark.slow
def test_guest_kept_running_is_reattached_by_the_next_start(
    qtbot: Any, launch: Launch, run_async: Callable[..., Any], test_iso: Path
) -> None:
    from dataclasses import replace

    from kvmgui.core.model import BootDevice, Cdrom, CdromSource
    from kvmgui.core.presets import new_spec

    spec = replace(new_spec("survivor", memory_mib=256, cpus=1),
                   cdrom=Cdrom(CdromSource.ISO, str(test_iso)), boot_order=(BootDevice.CDROM,))
    first = launch()
    first.ctx.store.create(spec)
    first.reload()
    start_from_list(qtbot, first, spec.id, timeout_ms=60_000)
    status = first.ctx.status(spec.id)
    assert status is not None and status.pid
    pid = status.pid

    # Closing the window asks; "Keep running" closes it and leaves QEMU running.
    first.close()
    qtbot.waitUntil(lambda: getattr(first, "_quit_box", None) is not None
                    and first._quit_box.isVisible(), timeout=5_000)
    box = first._quit_box
    keep = next(b for b in box.buttons() if "Keep running" in b.text())
    keep.click()
    qtbot.waitUntil(lambda: not first.isVisible(), timeout=10_000)
    run_async(app.close_runtime(first), timeout=30)
    assert Path(f"/proc/{pid}").exists()

    # The app built again finds it running, and can control it.
    second = launch()
    assert state_of(second, spec.id) is VmState.RUNNING
    status2 = second.ctx.status(spec.id)
    assert status2 is not None and status2.pid == pid
    assert second.select(spec.id)
    assert second.vm_actions.force_off.isEnabled()
    controller = second.ctx.controller(spec.id)
    assert controller is not None
    outcome = run_async(controller.force_off(), timeout=30)
    assert outcome.ok
    qtbot.waitUntil(lambda: state_of(second, spec.id) is VmState.STOPPED, timeout=30_000)


def test_a_new_vm_folder_goes_through_the_runtime_factory(qtbot: Any, launch: Launch,
                                                          short_root: Path) -> None:
    from dataclasses import replace

    from kvmgui.core.presets import new_spec
    from kvmgui.runtime.throwaway import StoreWithThrowaways

    window = launch()
    ctx = window.ctx
    assert isinstance(ctx.store, StoreWithThrowaways)
    assert ctx.manager is not None and ctx.manager.store is ctx.store
    folder = short_root / "other-vms"
    assert ctx.apply_settings(replace(ctx.settings, vm_root=str(folder))) == []
    # The app's store and the runtime's are one, in the new folder, and know throwaway VMs.
    assert isinstance(ctx.store, StoreWithThrowaways) and ctx.store.root == folder
    assert ctx.manager.store is ctx.store
    stored = ctx.store.create(new_spec("elsewhere", memory_mib=256, cpus=1))
    window.reload()
    assert window.model.get(stored.spec.id) is not None
    assert ctx.controller(stored.spec.id) is not None
