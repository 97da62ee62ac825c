"""The shared memory and CPU boxes hold every value a VM definition may hold."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from kvmgui.core.limits import MAX_CPUS, MAX_MEMORY_MIB, MIN_MEMORY_MIB
from kvmgui.ui.widgets import cpu_box, memory_box


def test_a_large_stored_value_is_shown_as_it_is_not_clamped(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    memory = memory_box(parent, "Memory in MiB")
    memory.setValue(2 * 1024 * 1024)  # 2 TiB, more than any earlier spin box allowed
    assert memory.value() == 2 * 1024 * 1024
    assert (memory.minimum(), memory.maximum()) == (MIN_MEMORY_MIB, MAX_MEMORY_MIB)
    assert memory.accessibleName() == "Memory in MiB" and memory.suffix() == " MiB"
    cpus = cpu_box(parent, "Number of CPUs")
    assert (cpus.minimum(), cpus.maximum()) == (1, MAX_CPUS)
