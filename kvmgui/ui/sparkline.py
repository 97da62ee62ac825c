"""A small QPainter graph of recent values (CPU %, memory, disk I/O), with its current value
written in words so the graph is never the only way to read it, and its scale on both axes:
0 and the top value (with their unit) on the left, the time span below."""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable, Iterable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kvmgui.ui.i18n import translate

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


def nice_top(value: float, base: int = 10) -> float:
    """The smallest 1, 2, 2.5 or 5 × a power of ten at or above `value`, in units of powers of
    `base` (1024 for bytes: 402.9 MiB becomes 500 MiB, not 476.8 MiB), so the scale reads as a
    round number."""
    if value <= 0:
        return 1.0
    unit = 1.0
    if base > 10:
        while value / unit >= base:
            unit *= base
    scaled = value / unit
    power = 10.0 ** math.floor(math.log10(scaled))
    for step in (1.0, 2.0, 2.5, 5.0, 10.0):
        if scaled <= step * power * (1 + 1e-9):
            return step * power * unit
    return 10.0 * power * unit


class Sparkline(QWidget):
    """Lines over a light grid; `fixed_max` (e.g. 100 for percent) or the largest value."""

    def __init__(
        self,
        title: str,
        series: Iterable[Series],
        *,
        fixed_max: float | None = None,
        describe: Callable[[float], str] = lambda v: f"{v:.0f}",
        base: int = 10,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.title = title
        self.series = list(series)
        self.fixed_max = fixed_max
        self.describe = describe
        self.base = base  # 1024 when the values are bytes (see nice_top)
        self.empty_text = ""
        # The x axis: what its left end is ("2 minutes ago") and its right end ("now").
        self.span_text = ""
        self.now_text = ""
        # At least this wide a y-scale gutter: graphs stacked on one page share one, so their
        # time axes line up.
        self.min_gutter = 0
        self.setMinimumHeight(110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(title)
        self.refresh()

    def sizeHint(self) -> QSize:
        return QSize(360, 120)

    def top(self) -> float:
        """The value at the top of the graph: `fixed_max`, or the largest value rounded up."""
        if self.fixed_max:
            return self.fixed_max
        largest = max((max(s.values) for s in self.series if s.values), default=0.0)
        return nice_top(largest, self.base)

    def axis_labels(self) -> tuple[str, str, str, str]:
        """(top of the y axis, its bottom, left end of the x axis, its right end). Without a
        fixed scale and without values there is no scale yet ("1 byte" would mean nothing)."""
        if not self.fixed_max and not any(s.values for s in self.series):
            return "", "0", self.span_text, self.now_text
        return self.describe(self.top()), "0", self.span_text, self.now_text

    def gutter_needed(self) -> int:
        """The width the y-scale labels take on the left."""
        top, bottom, _span, _now = self.axis_labels()
        metrics = self.fontMetrics()
        return max(metrics.horizontalAdvance(top), metrics.horizontalAdvance(bottom)) + 6

    def summary(self) -> str:
        """The current values in words (also the accessible description)."""
        parts = []
        for s in self.series:
            last = s.last
            if last is not None:
                parts.append(f"{s.name} {self.describe(last)}" if s.name else self.describe(last))
        return ", ".join(parts) if parts else self.empty_text

    def refresh(self) -> None:
        top, _bottom, span, now = self.axis_labels()
        summary = self.summary().rstrip(".")
        words = [summary + "."] if summary else []
        if top:
            words.append(translate("Sparkline", "Scale: 0 to {0}.").format(top))
        if span and now:
            words.append(translate("Sparkline", "From {0} to {1}.").format(span, now))
        self.setAccessibleDescription(" ".join(words))
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
        top_label, bottom_label, span_label, now_label = self.axis_labels()
        # A gutter on the left for the y scale, a line below for the x scale.
        gutter = max(self.gutter_needed(), self.min_gutter)
        footer = metrics.height() + 2 if (span_label or now_label) else 0
        area = QRectF(gutter + 0.5, header + 0.5, self.width() - gutter - 1.0,
                      self.height() - header - footer - 1.0)
        scale_colour = QColor(text_colour)
        scale_colour.setAlpha(170)
        p.setPen(scale_colour)
        right = Qt.AlignmentFlag.AlignRight
        p.drawText(QRectF(0, area.top(), gutter - 4, metrics.height()),
                   right | Qt.AlignmentFlag.AlignTop, top_label)
        p.drawText(QRectF(0, area.bottom() - metrics.height(), gutter - 4, metrics.height()),
                   right | Qt.AlignmentFlag.AlignBottom, bottom_label)
        if footer:
            below = QRectF(area.left(), area.bottom() + 1, area.width(), footer)
            p.drawText(below, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, span_label)
            p.drawText(below, right | Qt.AlignmentFlag.AlignTop, now_label)
        p.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1))
        p.setBrush(pal.color(QPalette.ColorRole.Base))
        p.drawRect(area)
        grid = QColor(pal.color(QPalette.ColorRole.Mid))
        grid.setAlpha(90)
        p.setPen(QPen(grid, 1, Qt.PenStyle.DotLine))
        for i in (1, 2, 3):
            y = area.top() + area.height() * i / 4
            p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        top = self.top()
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
