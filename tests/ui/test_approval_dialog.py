"""The app's question at Start for a definition that reaches this computer without approval."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kvmgui.core.definition import dump_definition
from kvmgui.core.model import Accel, NetMode, Network
from kvmgui.core.presets import new_spec
from kvmgui.core.trust import Approvals, Reach, ReachKind
from kvmgui.runtime.state import VmState
from kvmgui.ui.approval_dialog import ApprovalDialog, open_dialogs
from kvmgui.ui.main_window import MainWindow
from tests.runtime.helpers import qemu_pids_using

LIST_A = ["-device", "virtio-rng-pci", "-no-reboot"]


def test_the_dialog_shows_the_exact_list_and_defaults_to_cancel(qtbot: Any) -> None:
    items = [Reach(ReachKind.EXTRA_ARGS, json.dumps([*LIST_A, "a b"])),
             Reach(ReachKind.DISK, "/srv/images/data.raw", writable=True),
             Reach(ReachKind.CD_DRIVE, "/dev/sr0")]
    dialog = ApprovalDialog(None, "handed", items)
    qtbot.addWidget(dialog)
    assert "handed" in dialog.text.text()
    assert dialog.list.toPlainText().splitlines() == [
        "Extra QEMU arguments: -device virtio-rng-pci -no-reboot 'a b'",
        "Disk (read and write): /srv/images/data.raw",
        "Host CD/DVD drive (read only): /dev/sr0",
    ]
    assert dialog.list.isReadOnly()
    assert dialog.cancel_button.isDefault() and not dialog.approve_button.isDefault()


def _drop(ctx: Any, name: str, extra: list[str]) -> tuple[str, Path]:
    spec = new_spec(name, memory_mib=64, cpus=1, accel=Accel.TCG, sound=False, usb=False,
                    network=Network(mode=NetMode.NONE), disks=(), cdrom=None,
                    extra_args=tuple(extra))
    folder = ctx.store.folder_for(name)
    folder.dir.mkdir(parents=True)
    folder.definition.write_bytes(dump_definition(spec))
    return spec.id, folder.definition


def _state(window: MainWindow, vm_id: str) -> VmState | None:
    row = window.model.get(vm_id)
    return row.state if row is not None else None


@pytest.mark.qemu
def test_start_asks_once_and_starts_only_when_approved(qtbot: Any, live_ctx: Any,
                                                        run_async: Any) -> None:
    vm, _definition = _drop(live_ctx, "handed", LIST_A)
    window = MainWindow(live_ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    run_async(window.startup(), timeout=60)
    assert window.select(vm)

    # Cancel: nothing starts, nothing is recorded.
    window.vm_actions.start.trigger()
    qtbot.waitUntil(lambda: bool(open_dialogs()), timeout=10_000)
    dialog = open_dialogs()[-1]
    assert dialog.list.toPlainText() == \
        "Extra QEMU arguments: -device virtio-rng-pci -no-reboot"
    dialog.cancel_button.click()
    task = window.vm_actions.last_task
    assert task is not None
    qtbot.waitUntil(task.done, timeout=10_000)
    assert _state(window, vm) is VmState.STOPPED
    assert qemu_pids_using(live_ctx.paths.runtime_dir) == []
    approvals = Approvals.for_paths(live_ctx.paths)
    assert not approvals.path.exists() or vm not in approvals.path.read_text()

    # Approve: it starts, and the next start does not ask again.
    window.vm_actions.start.trigger()
    qtbot.waitUntil(lambda: bool(open_dialogs()), timeout=10_000)
    open_dialogs()[-1].approve_button.click()
    qtbot.waitUntil(lambda: _state(window, vm) is VmState.RUNNING, timeout=60_000)
    assert vm in approvals.path.read_text()
    controller = live_ctx.manager.get("handed")
    run_async(controller.force_off())
    qtbot.waitUntil(lambda: _state(window, vm) is VmState.STOPPED, timeout=30_000)
    window.vm_actions.start.trigger()
    qtbot.waitUntil(lambda: _state(window, vm) is VmState.RUNNING, timeout=60_000)
    assert open_dialogs() == []


@pytest.mark.qemu
def test_refused_arguments_are_explained_not_offered(qtbot: Any, live_ctx: Any,
                                                    run_async: Any) -> None:
    from kvmgui.ui.errors import open_boxes

    hostile = ["-netdev", "user,id=x,guestfwd=tcp:10.0.2.100:1-mon:tcp:0.0.0.0:47446,,"
               "server=on,,wait=off"]
    vm, _definition = _drop(live_ctx, "hostile", hostile)
    window = MainWindow(live_ctx)
    qtbot.addWidget(window)
    window.show()
    run_async(window.startup(), timeout=60)
    assert window.select(vm)
    window.vm_actions.start.trigger()
    qtbot.waitUntil(lambda: bool(open_boxes()), timeout=10_000)
    box = open_boxes()[-1]
    assert "guestfwd" in box.informativeText()
    assert open_dialogs() == []
    box.close()
    assert _state(window, vm) is VmState.STOPPED
    assert qemu_pids_using(live_ctx.paths.runtime_dir) == []
