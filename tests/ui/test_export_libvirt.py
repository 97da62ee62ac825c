"""Virtual machine ▸ Export as libvirt XML…: the file chosen in the save dialog gets the
domain XML (core.libvirt_xml), and what the XML cannot hold is shown."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from typing import Any

from kvmgui.core.model import Disk, DiskFormat, Network, PortForward
from kvmgui.core.presets import new_spec
from kvmgui.runtime.state import VmState
from kvmgui.ui.errors import open_boxes
from kvmgui.ui.main_window import MainWindow


def window_with(qtbot: Any, ctx: Any, spec: Any) -> tuple[MainWindow, Any]:
    stored = ctx.store.create(spec)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert window.select(stored.spec.id)
    return window, stored


def _choose(qtbot: Any, window: MainWindow, path: Path) -> None:
    qtbot.waitUntil(lambda: window.vm_actions.save_dialog is not None, timeout=5000)
    dialog = window.vm_actions.save_dialog
    assert dialog is not None
    dialog.fileSelected.emit(str(path))  # type: ignore[attr-defined]
    dialog.close()


def test_export_saves_the_xml_and_lists_what_it_leaves_out(
    qtbot: Any, ctx: Any, tmp_path: Path
) -> None:
    spec = new_spec("web", memory_mib=512, cpus=1)
    spec = replace(spec, disks=(Disk("disk.qcow2"),),
                   network=Network(forwards=(PortForward(8080, 80),)))
    window, stored = window_with(qtbot, ctx, spec)
    action = window.vm_actions.export_libvirt
    menu_actions = [a for m in window.menuBar().actions() if m.menu() for a in m.menu().actions()]
    assert action in menu_actions
    window.model.update(spec.id, state=VmState.RUNNING)  # a running VM can be exported too
    assert action.isEnabled()

    target = tmp_path / "web.xml"
    task = window.vm_actions.run("export_libvirt")
    assert task is not None
    _choose(qtbot, window, target)
    qtbot.waitUntil(task.done, timeout=10_000)
    assert task.result() == target
    root = ET.fromstring(target.read_text())
    assert root.findtext("name") == "web"
    source = root.find("devices/disk/source")
    assert source is not None and source.get("file") == str(stored.folder.dir / "disk.qcow2")
    box = open_boxes()[-1]
    assert "exported" in box.text() and "8080" in box.informativeText()
    box.close()


def test_refused_export_writes_nothing(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    spec = replace(new_spec("hyperv"), disks=(Disk("disk.vhdx", format=DiskFormat.VHDX),))
    window, _ = window_with(qtbot, ctx, spec)
    task = window.vm_actions.run("export_libvirt")
    assert task is not None
    qtbot.waitUntil(task.done, timeout=10_000)
    assert task.result() is None and window.vm_actions.save_dialog is None
    box = open_boxes()[-1]
    assert "not exported" in box.text() and "VHDX" in box.informativeText()
    box.close()
    assert list(tmp_path.glob("*.xml")) == []
