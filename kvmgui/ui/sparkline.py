"""A small QPainter graph of recent values (CPU %, memory, disk I/O), with its current value
written in words so the graph is never the only way to read it."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

HISTORY = 120


class Series:
    """A bounded history of samples for one line of a graph."""

    def __init__(self, name: str, colour: QColor, maxlen: int = HISTORY) -> None:
        self.name = name
        self.colour = colour
        self.values: deque[float] = deque(maxlen=maxlen)

    def add(self, value: float) -> None:
        self.values.append(value)

    def clear(self) -> None:
        self.values.clear()

    @property
    def last(self) -> float | None:
        return self.values[-1] if self.values else None


class Sparkline(QWidget):
    """Lines over a light grid; `fixed_max` (e.g. 100 for percent) or the largest value."""

    def __init__(
        self,
        title: str,
        series: Iterable[Series],
        *,
        fixed_max: float | None = None,
        describe: Callable[[float], str] = lambda v: f"{v:.0f}",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.title = title
        self.series = list(series)
        self.fixed_max = fixed_max
        self.describe = describe
        self.empty_text = ""
        self.setMinimumHeight(84)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(title)
        self.refresh()

    def sizeHint(self) -> QSize:
        return QSize(360, 96)

    def summary(self) -> str:
        """The current values in words (also the accessible description)."""
        parts = []
        for s in self.series:
            last = s.last
            if last is not None:
                parts.append(f"{s.name} {self.describe(last)}" if s.name else self.describe(last))
        return ", ".join(parts) if parts else self.empty_text

    def refresh(self) -> None:
        self.setAccessibleDescription(self.summary())
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text_colour = pal.color(QPalette.ColorRole.WindowText)
        metrics = p.fontMetrics()
        header = metrics.height() + 4
        p.setPen(text_colour)
        p.drawText(
            QRectF(0, 0, self.width(), header),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.title,
        )
        p.drawText(
            QRectF(0, 0, self.width(), header),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            self.summary(),
        )
        area = QRectF(0.5, header + 0.5, self.width() - 1.0, self.height() - header - 1.0)
        p.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1))
        p.setBrush(pal.color(QPalette.ColorRole.Base))
        p.drawRect(area)
        grid = QColor(pal.color(QPalette.ColorRole.Mid))
        grid.setAlpha(90)
        p.setPen(QPen(grid, 1, Qt.PenStyle.DotLine))
        for i in (1, 2, 3):
            y = area.top() + area.height() * i / 4
            p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        top = self.fixed_max or max((max(s.values) for s in self.series if s.values), default=0.0)
        if top <= 0:
            top = 1.0
        for s in self.series:
            values = list(s.values)
            if len(values) < 2:
                continue
            maxlen = s.values.maxlen or len(values)
            step = area.width() / max(1, maxlen - 1)
            x0 = area.right() - step * (len(values) - 1)
            path = QPainterPath()
            for i, v in enumerate(values):
                pt = QPointF(
                    x0 + step * i, area.bottom() - area.height() * max(0.0, min(v, top)) / top
                )
                if i == 0:
                    path.moveTo(pt)
                else:
                    path.lineTo(pt)
            fill = QPainterPath(path)
            fill.lineTo(QPointF(area.right(), area.bottom()))
            fill.lineTo(QPointF(x0, area.bottom()))
            fill.closeSubpath()
            shade = QColor(s.colour)
            shade.setAlpha(50)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(shade)
            p.drawPath(fill)
            p.setPen(QPen(s.colour, 1.6))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)
        if not any(len(s.values) >= 2 for s in self.series) and self.empty_text:
            p.setPen(text_colour)
            p.drawText(
                area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text
            )
        p.end()
