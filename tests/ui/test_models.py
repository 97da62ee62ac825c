"""VmListModel: Qt's model rules (qtmodeltester) and the row updates the main window makes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from kvmgui.core.model import OsPreset
from kvmgui.runtime.state import VmState
from kvmgui.ui.models import Column, Role, VmListModel, VmRow


def _rows() -> list[VmRow]:
    return [
        VmRow("b" * 12, "beta", OsPreset.WINDOWS10, 4096, 2),
        VmRow("a" * 12, "Alpha", OsPreset.LINUX, 2048, 2),
        VmRow("broken:/x", "gamma", broken="vm.json is damaged: fix it."),
    ]


def test_model_passes_qtmodeltester(qapp: Any, qtmodeltester: Any) -> None:
    model = VmListModel()
    model.set_rows(_rows())
    qtmodeltester.check(model, force_py=True)
    model.update("a" * 12, state=VmState.RUNNING, cpu_percent=12.5,
                 memory_used_bytes=300 * 1024 * 1024, thumbnail=QImage(32, 18,
                                                                       QImage.Format.Format_RGB32))
    qtmodeltester.check(model, force_py=True)


def test_empty_model_passes_qtmodeltester(qapp: Any, qtmodeltester: Any) -> None:
    qtmodeltester.check(VmListModel(), force_py=True)


def test_rows_are_sorted_and_shown(qtbot: Any) -> None:
    model = VmListModel()
    model.set_rows(_rows())
    names = [model.index(r, Column.NAME).data() for r in range(model.rowCount())]
    assert names == ["Alpha", "beta", "gamma"]
    assert model.index(0, Column.STATE).data() == "Stopped"
    assert model.index(2, Column.STATE).data() == "Cannot be read"
    assert model.index(0, Column.MEMORY).data() == "2 GiB"
    assert model.index(0, Column.CPU).data() == "—"
    assert model.index(0, Column.NAME).data(Qt.ItemDataRole.DecorationRole) is not None
    # Enums cross Qt as their string values.
    assert model.index(1, Column.NAME).data(Role.OS) == OsPreset.WINDOWS10.value
    assert isinstance(model.index(1, Column.NAME).data(Role.ROW), VmRow)


def test_live_data_and_reload_keep_each_other(qtbot: Any) -> None:
    model = VmListModel()
    model.set_rows(_rows())
    vm = "a" * 12
    with qtbot.waitSignal(model.dataChanged):
        model.update(vm, state=VmState.RUNNING, cpu_percent=50.0,
                     memory_used_bytes=512 * 1024 * 1024)
    assert model.index(0, Column.STATE).data() == "Running"
    assert model.index(0, Column.CPU).data() == "50 %"
    assert model.index(0, Column.MEMORY).data() == "2 GiB"
    assert model.index(0, Column.HOST_MEMORY).data() == "512 MiB"
    # Reloading the definitions (e.g. after a rename elsewhere) keeps the live figures.
    rows = _rows()
    rows[1] = VmRow(vm, "Alpha", OsPreset.LINUX, 1024, 2)
    model.set_rows(rows)
    row = model.get(vm)
    assert row is not None and row.state is VmState.RUNNING and row.memory_mib == 1024
    # Stopping clears the figures that no longer mean anything.
    model.update(vm, state=VmState.STOPPED)
    row = model.get(vm)
    assert row is not None and row.cpu_percent is None and row.thumbnail is None


def test_rows_are_moved_inserted_and_removed(qtbot: Any, qtmodeltester: Any) -> None:
    model = VmListModel()
    model.set_rows(_rows())
    qtmodeltester.check(model, force_py=True)
    renamed = [VmRow("a" * 12, "zulu", OsPreset.LINUX, 2048, 2),
               VmRow("c" * 12, "charlie", OsPreset.BSD, 1024, 1)]
    model.set_rows(renamed)
    assert [r.name for r in model.rows()] == ["charlie", "zulu"]
    assert model.update("nope", state=VmState.RUNNING) is False


def test_memory_is_the_guests_and_the_host_use_is_apart(qtbot: Any) -> None:
    """QEMU's host use includes QEMU itself, so it can exceed the guest's memory: it is never
    written as "402.9 MiB of 384 MiB" but in its own, labelled column."""
    model = VmListModel()
    vm = "m" * 12
    model.set_rows([VmRow(vm, "Small", OsPreset.LINUX, 384, 1)])
    assert model.index(0, Column.HOST_MEMORY).data() == "—"
    model.update(vm, state=VmState.RUNNING, memory_used_bytes=int(402.9 * 1024 * 1024))
    assert model.index(0, Column.MEMORY).data() == "384 MiB"
    assert model.index(0, Column.HOST_MEMORY).data() == "402.9 MiB"
    assert " of " not in model.index(0, Column.MEMORY).data()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in Column]
    assert "Memory" in headers and "Used on this computer" in headers
    assert model.headerData(Column.HOST_MEMORY, Qt.Orientation.Horizontal,
                            Qt.ItemDataRole.ToolTipRole)
    tip = model.index(0, Column.MEMORY).data(Qt.ItemDataRole.ToolTipRole)
    assert "Memory of the virtual machine: 384 MiB." in tip
    assert "Used on this computer by QEMU (guest and QEMU itself): 402.9 MiB." in tip
    assert model.index(0, Column.HOST_MEMORY).data(
        Qt.ItemDataRole.AccessibleTextRole) == "Used on this computer: 402.9 MiB"


def test_windows_icons_differ_and_show_their_number_at_list_size(qapp: Any) -> None:
    from PySide6.QtGui import QColor

    from kvmgui.ui.icons import os_icon

    def white_pixels(preset: OsPreset) -> int:
        image = os_icon(preset).pixmap(16, 16).toImage()
        return sum(
            1 for x in range(16) for y in range(16)
            if QColor(image.pixel(x, y)).lightness() > 220 and QColor(image.pixel(x, y)).alpha()
        )

    # At 16 px the version is a digit drawn big enough to show (the old "Win 11" text was a
    # few grey pixels); the older Windows badge has only its panes.
    assert white_pixels(OsPreset.WINDOWS11) >= 12
    assert white_pixels(OsPreset.WINDOWS10) >= 12
    assert white_pixels(OsPreset.WINDOWS_OLD) == 0
    images = {p: os_icon(p).pixmap(16, 16).toImage() for p in
              (OsPreset.WINDOWS11, OsPreset.WINDOWS10, OsPreset.WINDOWS_OLD)}
    assert len({img.constBits().tobytes() for img in images.values()}) == 3


def test_updates_name_only_the_cells_that_changed(qtbot: Any) -> None:
    """A view repaints one item for a one-cell notice and all it shows for a range: a new CPU
    figure repaints that VM's card (its name cell) and the CPU column, a new host memory
    figure no card at all, and a state change the whole row."""
    model = VmListModel()
    model.set_rows(_rows())
    vm = "a" * 12
    model.update(vm, state=VmState.RUNNING, cpu_percent=1.0, memory_used_bytes=100 * 1024 * 1024)
    seen: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom, *_: seen.append((top.column(), bottom.column())))

    model.update(vm, cpu_percent=1.2)  # still "1 %": nothing shown changed
    assert seen == []
    model.update(vm, cpu_percent=30.0)
    assert seen == [(Column.NAME, Column.NAME), (Column.CPU, Column.CPU)]
    seen.clear()
    model.update(vm, memory_used_bytes=300 * 1024 * 1024)
    assert seen == [(Column.MEMORY, Column.HOST_MEMORY)]  # both tooltips name it
    seen.clear()
    model.update(vm, thumbnail=QImage(32, 18, QImage.Format.Format_RGB32))
    assert seen == [(Column.NAME, Column.NAME), (Column.SCREEN, Column.SCREEN)]
    seen.clear()
    model.update(vm, state=VmState.PAUSED)
    assert seen == [(Column.NAME, Column.SCREEN)]
