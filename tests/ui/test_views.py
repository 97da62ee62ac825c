"""The VM cards draw their selection and focus as Qt's list view marks them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QRect
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QStyleOptionViewItem

from kvmgui.core.choices import OsPreset
from kvmgui.ui.models import VmListModel, VmRow
from kvmgui.ui.views import CARD, VmGridView


def _card(view: VmGridView, row: int) -> QImage:
    image = QImage(CARD, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, CARD.width(), CARD.height())
    option.palette = view.palette()
    option.font = view.font()
    painter = QPainter(image)
    view.itemDelegate().paint(painter, option, view.model().index(row, 0))
    painter.end()
    return image


def _has(image: QImage, colour: QColor) -> bool:
    return any(
        image.pixelColor(x, y).rgb() == colour.rgb()
        for y in range(image.height())
        for x in range(0, image.width(), 2)
    )


def test_a_card_is_highlighted_when_selected(qtbot: Any) -> None:
    model = VmListModel()
    model.set_rows([VmRow("a" * 12, "alpha", OsPreset.LINUX), VmRow("b" * 12, "beta")])
    view = VmGridView(model)
    qtbot.addWidget(view)
    highlight = view.palette().color(QPalette.ColorRole.Highlight)
    assert not _has(_card(view, 0), highlight)
    view.selectionModel().select(
        model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    assert _has(_card(view, 0), highlight)
    assert not _has(_card(view, 1), highlight)
