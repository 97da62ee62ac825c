"""The app's painted icon is the picture of its SVG file (the one desktops show)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from kvmgui.ui.icons import app_icon

SVG = Path(__file__).resolve().parents[2] / "resources" / "icons" / "io.github.kvmgui.KvmGui.svg"


def _svg_image(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    renderer = QSvgRenderer(str(SVG))
    assert renderer.isValid()
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def test_the_painted_app_icon_is_the_svg(qapp: Any) -> None:
    for size in (32, 128):
        painted = app_icon().pixmap(size, size).toImage().convertToFormat(
            QImage.Format.Format_ARGB32_Premultiplied)
        drawn = _svg_image(size)
        assert painted.size() == drawn.size()
        worst = 0
        off = 0
        for y in range(size):
            for x in range(size):
                a, b = painted.pixel(x, y), drawn.pixel(x, y)
                diff = max(abs(((a >> k) & 0xFF) - ((b >> k) & 0xFF)) for k in (0, 8, 16, 24))
                worst = max(worst, diff)
                off += diff > 24
        # Anti-aliased edges may differ a little; a moved or recoloured shape would not.
        assert off <= size * size // 100, (size, off, worst)
