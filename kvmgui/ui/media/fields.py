"""Small input widgets of the media dialogs: a "save as" path field, a size box in GiB and
the columns of their lists."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDoubleSpinBox, QFileDialog, QHeaderView, QTreeWidget, QWidget

from kvmgui.core.sizes import GIB, MIB
from kvmgui.ui.i18n import translate
from kvmgui.ui.widgets import PathField

MAX_GIB = 64 * 1024.0


class SavePathField(PathField):
    """A path for a file that is to be written: Browse… opens a "save as" dialog.

    The file dialog does not ask about replacing an existing file: the dialogs ask
    themselves, in their own words, right before writing.
    """

    def open_dialog(self) -> None:
        start = self.edit.text().strip() or str(Path.home())
        dialog = QFileDialog(self, self.edit.accessibleName(), start, self._filters)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
        dialog.fileSelected.connect(self.edit.setText)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialog = dialog
        dialog.open()


class GibBox(QDoubleSpinBox):
    """A size in GiB with two decimals; bytes() rounds to whole MiB."""

    def __init__(self, name: str, parent: QWidget | None = None, *, minimum: float = 0.01) -> None:
        super().__init__(parent)
        self.setDecimals(2)
        self.setRange(minimum, MAX_GIB)
        self.setSingleStep(1.0)
        self.setSuffix(translate("GibBox", " GiB"))
        self.setAccessibleName(name)

    def bytes(self) -> int:
        return round(self.value() * 1024) * MIB

    def set_bytes(self, size: int) -> None:
        self.setValue(size / GIB)


def set_columns(tree: QTreeWidget, labels: list[str], *, stretch: int) -> None:
    """Name the columns; column `stretch` takes the spare width, the others fit their contents."""
    tree.setHeaderLabels(labels)
    header = tree.header()
    for col in range(len(labels)):
        if col == stretch:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
