"""Virtual machine ▸ Move to…: the action for a stopped VM next to Export as libvirt XML, the
dialog's destinations, its pools listed once connected (libvirt's test driver), and a move
to the real daemon (qemu:///system) with its progress, result and warnings, and a cancel
that leaves nothing on the host."""

from __future__ import annotations

import hashlib
import subprocess
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from kvmgui.core.connections import SavedConnection
from kvmgui.core.model import Cdrom, CdromSource, Disk, DiskFormat
from kvmgui.core.presets import new_spec
from kvmgui.runtime.state import VmState
from kvmgui.ui.main_window import MainWindow
from kvmgui.ui.move_dialog import DEFAULT_URIS, MoveDialog, uri_choices
from tests.libvirt_daemon import libvirtd  # noqa: F401  (the fixture)
from tests.libvirt_pool import (  # noqa: F401  (the fixtures)
    ScratchPool,
    domain_name,
    left_behind,
    scratch_pool,
)
from tests.ui.test_export_libvirt import window_with

libvirt = pytest.importorskip("libvirt")

MIB = 1 << 20


def open_dialog(qtbot: Any, window: MainWindow) -> MoveDialog:
    task = window.vm_actions.run("move")
    assert task is not None
    qtbot.waitUntil(task.done, timeout=10_000)
    dialog = task.result()
    assert isinstance(dialog, MoveDialog) and window.vm_actions.move_dialog is dialog
    return dialog


def test_uri_choices_put_the_known_first_once() -> None:
    assert uri_choices(["qemu+ssh://me@box/system", "qemu:///system", ""]) == [
        "qemu+ssh://me@box/system", "qemu:///system", DEFAULT_URIS[1]]


def test_the_action_is_next_to_export_and_only_for_a_stopped_vm(qtbot: Any, ctx: Any) -> None:
    window, stored = window_with(qtbot, ctx, new_spec("web"))
    actions = window.vm_actions
    menu = next(m.menu() for m in window.menuBar().actions()
                if m.menu() and actions.export_libvirt in m.menu().actions())
    entries = menu.actions()
    assert entries.index(actions.move) == entries.index(actions.export_libvirt) + 1
    assert actions.move.isEnabled()
    window.model.update(stored.spec.id, state=VmState.RUNNING)
    actions.refresh()
    assert not actions.move.isEnabled() and actions.run("move") is None


def test_pools_are_listed_once_connected(qtbot: Any, ctx: Any, qloop: Any) -> None:
    window, _ = window_with(qtbot, ctx, new_spec("web"))
    # A saved connection is offered first.
    assert not window.ctx.apply_settings(
        replace(window.ctx.settings, connections=(SavedConnection("test:///default"),)))
    dialog = open_dialog(qtbot, window)
    assert [dialog.uri.itemText(i) for i in range(dialog.uri.count())] == [
        "test:///default", *DEFAULT_URIS]
    assert not dialog.pool.isEnabled() and not dialog.move_button.isEnabled()
    task = dialog.connect_to_host()
    qtbot.waitUntil(task.done, timeout=10_000)
    assert dialog.pool.isEnabled() and dialog.pool.currentData() == "default-pool"
    assert dialog.move_button.isEnabled()
    assert dialog.status.text() == "Connected to test:///default."
    # Another destination: its pools are not this one's.
    dialog.uri.setEditText("bogus+nothing:///x")
    assert dialog.pool.count() == 0 and not dialog.move_button.isEnabled()
    task = dialog.connect_to_host()
    qtbot.waitUntil(task.done, timeout=10_000)
    assert dialog.pool.count() == 0 and "bogus+nothing:///x" in dialog.status.text()
    # Closed while connecting: the connection made meanwhile is closed, nothing fails.
    dialog.uri.setEditText("test:///default")
    task = dialog.connect_to_host()
    dialog.reject()
    qtbot.waitUntil(task.done, timeout=10_000)
    assert task.exception() is None and dialog.connection is None


@pytest.fixture
def vm_name(domain_name: Callable[[str], str]) -> str:  # noqa: F811
    return domain_name("gui")


def qcow2_spec(name: str, *, big: bool = False) -> Any:
    disks = [Disk("disk.qcow2", format=DiskFormat.QCOW2)]
    if big:
        disks.append(Disk("big.img", format=DiskFormat.RAW))
    return replace(new_spec(name), disks=tuple(disks),
                   cdrom=Cdrom(CdromSource.ISO, "/nowhere/install.iso"))


def make_images(folder: Path, *, big: bool = False) -> None:
    image = folder / "disk.qcow2"
    subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", str(image), "16M"], check=True)
    subprocess.run(["qemu-io", "-f", "qcow2", "-c", "write -P 0x21 0 1M", str(image)],
                   check=True, capture_output=True)
    if big:
        with (folder / "big.img").open("wb") as f:
            for i in range(256):
                f.write(hashlib.sha512(i.to_bytes(4, "little")).digest() * (MIB // 64))


def connect_to(qtbot: Any, dialog: MoveDialog, pool: ScratchPool) -> None:
    dialog.uri.setEditText(pool.uri)
    task = dialog.connect_to_host()
    qtbot.waitUntil(task.done, timeout=30_000)
    index = dialog.pool.findData(pool.name)
    assert index >= 0, dialog.status.text()
    dialog.pool.setCurrentIndex(index)


@pytest.mark.qemu
@pytest.mark.timeout(300)
def test_moves_the_vm_and_shows_the_result(qtbot: Any, ctx: Any, qloop: Any,
                                           scratch_pool: ScratchPool,  # noqa: F811
                                           vm_name: str) -> None:
    window, stored = window_with(qtbot, ctx, qcow2_spec(vm_name))
    make_images(stored.folder.dir)
    dialog = open_dialog(qtbot, window)
    connect_to(qtbot, dialog, scratch_pool)
    seen: list[int] = []
    dialog.bar.valueChanged.connect(seen.append)
    with qtbot.waitSignals([dialog.moved, window.vm_actions.message], timeout=120_000):
        assert dialog.start_move() is not None
    text = dialog.status.text()
    assert f"is now the VM '{vm_name}' on {scratch_pool.uri}" in text
    assert "/nowhere/install.iso stays on this computer" in text  # a warning
    assert seen and max(seen) == 1000
    assert not dialog.move_button.isVisible() and dialog.cancel_button.text() == "&Close"
    assert (scratch_pool.path / f"{vm_name}.qcow2").exists()
    dialog.reject()


@pytest.mark.qemu
@pytest.mark.timeout(300)
def test_cancel_mid_move_leaves_nothing(qtbot: Any, ctx: Any, qloop: Any,
                                        scratch_pool: ScratchPool,  # noqa: F811
                                        vm_name: str) -> None:
    window, stored = window_with(qtbot, ctx, qcow2_spec(vm_name, big=True))
    make_images(stored.folder.dir, big=True)
    dialog = open_dialog(qtbot, window)
    connect_to(qtbot, dialog, scratch_pool)
    task = dialog.start_move()
    assert task is not None
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Uploading disk 2")
                    and 0 < dialog.bar.value() < 1000, timeout=120_000)
    dialog.cancel_button.click()  # Cancel while moving stops the move, the dialog stays
    qtbot.waitUntil(lambda: "cancelled" in dialog.status.text(), timeout=60_000)
    assert dialog.isVisible()
    assert left_behind(scratch_pool, vm_name) == []
    dialog.reject()
