"""Icons drawn with QPainter: the same look on every desktop, with or without an icon theme.

Icon themes differ between desktops and are absent under the offscreen platform the tests and
screenshots use, so kvmgui paints its few symbols itself. Each icon is rendered at a couple of
sizes into a QIcon and cached by name.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)

from kvmgui.core.choices import OsPreset

# Colours chosen to stay readable on light and dark palettes.
GREEN = QColor("#2e9d4a")
AMBER = QColor("#d08a00")
GREY = QColor("#7a7f87")
BLUE = QColor("#2f6fd0")
RED = QColor("#c8332b")
INK = QColor("#3b4350")

Painter = Callable[[QPainter, float], None]
_SIZES = (16, 22, 24, 32, 48, 64)


def _render(paint: Painter, sizes: tuple[int, ...] = _SIZES) -> QIcon:
    icon = QIcon()
    for size in sizes:
        # Painted on an image that is dropped once copied into the icon: an image or pixmap
        # that was painted on keeps its paint engine (about 2 KiB) as long as it lives.
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint(p, float(size))
        p.end()
        icon.addPixmap(QPixmap.fromImage(image))
    return icon


def _disc(p: QPainter, s: float, colour: QColor) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawEllipse(QRectF(s * 0.06, s * 0.06, s * 0.88, s * 0.88))


def _white(p: QPainter) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("white"))


def _triangle(p: QPainter, s: float, box: QRectF) -> None:
    path = QPainterPath(QPointF(box.left(), box.top()))
    path.lineTo(box.right(), box.center().y())
    path.lineTo(box.left(), box.bottom())
    path.closeSubpath()
    p.drawPath(path)


def _bars(p: QPainter, s: float, top: float, height: float) -> None:
    w = s * 0.13
    p.drawRect(QRectF(s * 0.33, top, w, height))
    p.drawRect(QRectF(s * 0.54, top, w, height))


# --------------------------------------------------------------------------- state icons


def _state_running(p: QPainter, s: float) -> None:
    _disc(p, s, GREEN)
    _white(p)
    _triangle(p, s, QRectF(s * 0.38, s * 0.28, s * 0.34, s * 0.44))


def _state_paused(p: QPainter, s: float) -> None:
    _disc(p, s, AMBER)
    _white(p)
    _bars(p, s, s * 0.3, s * 0.4)


def _state_stopped(p: QPainter, s: float) -> None:
    _disc(p, s, GREY)
    _white(p)
    p.drawRect(QRectF(s * 0.32, s * 0.32, s * 0.36, s * 0.36))


def _state_busy(p: QPainter, s: float) -> None:
    _disc(p, s, BLUE)
    _white(p)
    r = s * 0.07
    for i in range(3):
        p.drawEllipse(QPointF(s * (0.3 + 0.2 * i), s * 0.5), r, r)


def _state_error(p: QPainter, s: float) -> None:
    _disc(p, s, RED)
    _white(p)
    p.drawRect(QRectF(s * 0.44, s * 0.22, s * 0.12, s * 0.36))
    p.drawEllipse(QPointF(s * 0.5, s * 0.72), s * 0.07, s * 0.07)


def _state_warning(p: QPainter, s: float) -> None:
    path = QPainterPath(QPointF(s * 0.5, s * 0.06))
    path.lineTo(s * 0.96, s * 0.9)
    path.lineTo(s * 0.04, s * 0.9)
    path.closeSubpath()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(AMBER)
    p.drawPath(path)
    _white(p)
    p.drawRect(QRectF(s * 0.45, s * 0.32, s * 0.1, s * 0.3))
    p.drawEllipse(QPointF(s * 0.5, s * 0.74), s * 0.06, s * 0.06)


def _state_ok(p: QPainter, s: float) -> None:
    _disc(p, s, GREEN)
    pen = QPen(
        QColor("white"),
        s * 0.12,
        Qt.PenStyle.SolidLine,
        Qt.PenCapStyle.RoundCap,
        Qt.PenJoinStyle.RoundJoin,
    )
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath(QPointF(s * 0.28, s * 0.52))
    path.lineTo(s * 0.44, s * 0.68)
    path.lineTo(s * 0.72, s * 0.34)
    p.drawPath(path)


def _state_info(p: QPainter, s: float) -> None:
    _disc(p, s, BLUE)
    _white(p)
    p.drawEllipse(QPointF(s * 0.5, s * 0.3), s * 0.07, s * 0.07)
    p.drawRect(QRectF(s * 0.44, s * 0.42, s * 0.12, s * 0.34))


# --------------------------------------------------------------------------- action icons


def _ink_pen(s: float, colour: QColor = INK, width: float = 0.1) -> QPen:
    return QPen(
        colour, s * width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
    )


def _act_new(p: QPainter, s: float) -> None:
    p.setPen(_ink_pen(s, GREEN, 0.14))
    p.drawLine(QPointF(s * 0.5, s * 0.18), QPointF(s * 0.5, s * 0.82))
    p.drawLine(QPointF(s * 0.18, s * 0.5), QPointF(s * 0.82, s * 0.5))


def _act_start(p: QPainter, s: float) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(GREEN)
    _triangle(p, s, QRectF(s * 0.24, s * 0.16, s * 0.56, s * 0.68))


def _act_pause(p: QPainter, s: float) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(AMBER)
    p.drawRect(QRectF(s * 0.24, s * 0.18, s * 0.18, s * 0.64))
    p.drawRect(QRectF(s * 0.58, s * 0.18, s * 0.18, s * 0.64))


def _act_shutdown(p: QPainter, s: float) -> None:
    p.setPen(_ink_pen(s, INK, 0.11))
    p.setBrush(Qt.BrushStyle.NoBrush)
    rect = QRectF(s * 0.18, s * 0.2, s * 0.64, s * 0.64)
    p.drawArc(rect, 120 * 16, 300 * 16)
    p.drawLine(QPointF(s * 0.5, s * 0.1), QPointF(s * 0.5, s * 0.48))


def _act_force_off(p: QPainter, s: float) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(RED)
    p.drawRoundedRect(QRectF(s * 0.2, s * 0.2, s * 0.6, s * 0.6), s * 0.08, s * 0.08)


def _act_reset(p: QPainter, s: float) -> None:
    p.setPen(_ink_pen(s, BLUE, 0.11))
    p.setBrush(Qt.BrushStyle.NoBrush)
    rect = QRectF(s * 0.18, s * 0.18, s * 0.64, s * 0.64)
    p.drawArc(rect, 60 * 16, 270 * 16)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(BLUE)
    tip = QPointF(
        s * 0.5 + s * 0.32 * math.cos(math.radians(60)),
        s * 0.5 - s * 0.32 * math.sin(math.radians(60)),
    )
    path = QPainterPath(QPointF(tip.x() + s * 0.16, tip.y() - s * 0.02))
    path.lineTo(tip.x() - s * 0.02, tip.y() - s * 0.16)
    path.lineTo(tip.x() - s * 0.04, tip.y() + s * 0.12)
    path.closeSubpath()
    p.drawPath(path)


def _act_console(p: QPainter, s: float) -> None:
    p.setPen(_ink_pen(s, INK, 0.08))
    p.setBrush(QColor("#1d2330"))
    p.drawRoundedRect(QRectF(s * 0.1, s * 0.16, s * 0.8, s * 0.54), s * 0.05, s * 0.05)
    p.drawLine(QPointF(s * 0.36, s * 0.86), QPointF(s * 0.64, s * 0.86))
    p.drawLine(QPointF(s * 0.5, s * 0.7), QPointF(s * 0.5, s * 0.86))
    p.setPen(_ink_pen(s, QColor("#7ee787"), 0.07))
    p.drawLine(QPointF(s * 0.24, s * 0.32), QPointF(s * 0.34, s * 0.42))
    p.drawLine(QPointF(s * 0.34, s * 0.42), QPointF(s * 0.24, s * 0.52))
    p.drawLine(QPointF(s * 0.42, s * 0.52), QPointF(s * 0.58, s * 0.52))


def _act_details(p: QPainter, s: float) -> None:
    p.setPen(_ink_pen(s, INK, 0.08))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRoundedRect(QRectF(s * 0.16, s * 0.12, s * 0.68, s * 0.76), s * 0.06, s * 0.06)
    for i in range(3):
        y = s * (0.34 + 0.18 * i)
        p.drawLine(QPointF(s * 0.3, y), QPointF(s * 0.7, y))


def _act_delete(p: QPainter, s: float) -> None:
    p.setPen(_ink_pen(s, RED, 0.08))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawLine(QPointF(s * 0.18, s * 0.26), QPointF(s * 0.82, s * 0.26))
    p.drawLine(QPointF(s * 0.4, s * 0.26), QPointF(s * 0.42, s * 0.14))
    p.drawLine(QPointF(s * 0.42, s * 0.14), QPointF(s * 0.58, s * 0.14))
    p.drawLine(QPointF(s * 0.58, s * 0.14), QPointF(s * 0.6, s * 0.26))
    path = QPainterPath(QPointF(s * 0.26, s * 0.32))
    path.lineTo(s * 0.32, s * 0.88)
    path.lineTo(s * 0.68, s * 0.88)
    path.lineTo(s * 0.74, s * 0.32)
    p.drawPath(path)


def _act_host(p: QPainter, s: float) -> None:
    p.setPen(_ink_pen(s, INK, 0.08))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(QRectF(s * 0.26, s * 0.26, s * 0.48, s * 0.48))
    for i in range(3):
        o = s * (0.36 + 0.14 * i)
        p.drawLine(QPointF(o, s * 0.1), QPointF(o, s * 0.26))
        p.drawLine(QPointF(o, s * 0.74), QPointF(o, s * 0.9))
        p.drawLine(QPointF(s * 0.1, o), QPointF(s * 0.26, o))
        p.drawLine(QPointF(s * 0.74, o), QPointF(s * 0.9, o))


def _act_usb(p: QPainter, s: float) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(INK)
    p.drawRoundedRect(QRectF(s * 0.3, s * 0.34, s * 0.4, s * 0.58), s * 0.06, s * 0.06)
    p.setBrush(GREY)
    p.drawRect(QRectF(s * 0.36, s * 0.08, s * 0.28, s * 0.26))
    p.setBrush(QColor("white"))
    p.drawRect(QRectF(s * 0.41, s * 0.14, s * 0.06, s * 0.08))
    p.drawRect(QRectF(s * 0.53, s * 0.14, s * 0.06, s * 0.08))


def _act_preferences(p: QPainter, s: float) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(INK)
    c = QPointF(s / 2, s / 2)
    for i in range(8):
        a = math.radians(i * 45)
        p.save()
        p.translate(c)
        p.rotate(math.degrees(a))
        p.drawRect(QRectF(-s * 0.07, -s * 0.44, s * 0.14, s * 0.2))
        p.restore()
    p.drawEllipse(c, s * 0.3, s * 0.3)
    p.setBrush(QColor("white"))
    p.drawEllipse(c, s * 0.12, s * 0.12)


def _act_copy(p: QPainter, s: float) -> None:
    p.setPen(_ink_pen(s, INK, 0.08))
    p.setBrush(QColor("white"))
    p.drawRoundedRect(QRectF(s * 0.14, s * 0.14, s * 0.46, s * 0.56), s * 0.05, s * 0.05)
    p.drawRoundedRect(QRectF(s * 0.38, s * 0.3, s * 0.46, s * 0.56), s * 0.05, s * 0.05)


_PAINTERS: dict[str, Painter] = {
    "state-running": _state_running,
    "state-paused": _state_paused,
    "state-stopped": _state_stopped,
    "state-busy": _state_busy,
    "state-error": _state_error,
    "status-ok": _state_ok,
    "status-warning": _state_warning,
    "status-failure": _state_error,
    "status-info": _state_info,
    "new": _act_new,
    "start": _act_start,
    "pause": _act_pause,
    "resume": _act_start,
    "shutdown": _act_shutdown,
    "force-off": _act_force_off,
    "reset": _act_reset,
    "console": _act_console,
    "details": _act_details,
    "delete": _act_delete,
    "host-check": _act_host,
    "usb": _act_usb,
    "preferences": _act_preferences,
    "copy": _act_copy,
}


@cache
def icon(name: str) -> QIcon:
    """The named icon (see _PAINTERS); an empty icon for an unknown name."""
    painter = _PAINTERS.get(name)
    return _render(painter) if painter else QIcon()


# --------------------------------------------------------------------------- OS badges

_OS_BADGES: dict[OsPreset, tuple[str, str]] = {
    OsPreset.LINUX: ("Linux", "#e8a317"),
    OsPreset.WINDOWS11: ("Win 11", "#1f7ad6"),
    OsPreset.WINDOWS10: ("Win 10", "#2b63b5"),
    OsPreset.WINDOWS_OLD: ("Win", "#3a8d3f"),
    OsPreset.BSD: ("BSD", "#b5282d"),
    OsPreset.OTHER: ("OS", "#6b7280"),
}


def _bold_font_fitting(text: str, pixels: int, smallest: int, width: float) -> QFont:
    """A bold font of `pixels` px, made smaller (down to `smallest`) until `text` fits `width`."""
    font = QFont()
    font.setBold(True)
    size = max(smallest, pixels)
    font.setPixelSize(size)
    while size > smallest and QFontMetrics(font).horizontalAdvance(text) > width:
        size -= 1
        font.setPixelSize(size)
    return font


def _os_painter(label: str, colour: str) -> Painter:
    def paint(p: QPainter, s: float) -> None:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(QColor(colour)))
        p.drawRoundedRect(QRectF(s * 0.04, s * 0.04, s * 0.92, s * 0.92), s * 0.18, s * 0.18)
        # As large as fits: the longest label ("Win 11") still fits the badge at every size.
        p.setFont(_bold_font_fitting(label, int(s * 0.42), 5, s * 0.84))
        p.setPen(QColor("white"))
        p.drawText(QRectF(0, 0, s, s), Qt.AlignmentFlag.AlignCenter, label)

    return paint


# Windows guests get a four-pane window on their badge instead of a word: "Win 11" in a 16 px
# list icon shrank to a 5 px font nobody could read. The panes say "Windows" at any size, and
# the version is a number big enough to read at 16 px ("" for the older ones).
_WINDOWS_BADGES: dict[OsPreset, tuple[str, str]] = {
    OsPreset.WINDOWS11: ("11", "#1f7ad6"),
    OsPreset.WINDOWS10: ("10", "#2b63b5"),
    OsPreset.WINDOWS_OLD: ("", "#3a8d3f"),
}


def _windows_painter(number: str, colour: str) -> Painter:
    def paint(p: QPainter, s: float) -> None:
        base = QColor(colour)
        # Four panes with a dark cross between them, so the white number stays whole.
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(base.darker(160)))
        outer = QRectF(s * 0.04, s * 0.04, s * 0.92, s * 0.92)
        p.drawRoundedRect(outer, s * 0.14, s * 0.14)
        gap = max(1.0, round(s * 0.07))
        pane = (outer.width() - gap) / 2
        p.setBrush(QBrush(base))
        for col in (0, 1):
            for row in (0, 1):
                p.drawRoundedRect(
                    QRectF(outer.left() + col * (pane + gap), outer.top() + row * (pane + gap),
                           pane, pane), s * 0.08, s * 0.08)
        if not number:
            return
        font = _bold_font_fitting(number, int(s * 0.66), 6, s * 0.9)
        p.setFont(font)
        text = QPainterPath()
        metrics = QFontMetrics(font)
        width = metrics.horizontalAdvance(number)
        text.addText(QPointF((s - width) / 2, (s + metrics.capHeight()) / 2), font, number)
        # A dark outline keeps the digits apart from the panes at 16 px.
        p.setPen(QPen(base.darker(220), max(1.0, s * 0.06)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(text)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("white"))
        p.drawPath(text)

    return paint


@cache
def os_icon(os: OsPreset) -> QIcon:
    sizes = (16, 22, 24, 32, 48, 64, 96)
    if os in _WINDOWS_BADGES:
        return _render(_windows_painter(*_WINDOWS_BADGES[os]), sizes)
    label, colour = _OS_BADGES.get(os, _OS_BADGES[OsPreset.OTHER])
    return _render(_os_painter(label, colour), sizes)


# ------------------------------------------------------------------------------ the app

# The app's icon, resources/icons/io.github.kvmgui.KvmGui.svg (what desktops show), painted
# from the same shapes: loading the SVG would bring Qt's SVG library and icon engine plugin
# into every start (1 MiB resident) for this one picture. tests/ui/test_icons.py checks that
# both draw the same picture.
_APP_SIZES = (16, 24, 32, 48, 64, 96, 128)
_DARK = QColor("#2e3436")
_GUEST_BAR = QColor("#73d216")


def _paint_app(p: QPainter, s: float) -> None:
    p.scale(s / 128, s / 128)  # the SVG's view box
    p.setPen(Qt.PenStyle.NoPen)

    def rect(x: float, y: float, w: float, h: float, r: float, fill: QColor | QBrush) -> None:
        p.setBrush(fill)
        if r:
            p.drawRoundedRect(QRectF(x, y, w, h), r, r)
        else:
            p.drawRect(QRectF(x, y, w, h))

    rect(8, 14, 112, 78, 8, _DARK)  # the monitor
    screen = QLinearGradient(0, 21, 0, 85)
    screen.setColorAt(0, QColor("#3d7fd9"))
    screen.setColorAt(1, QColor("#1f4f9c"))
    rect(15, 21, 98, 64, 3, QBrush(screen))
    rect(52, 92, 24, 12, 0, QColor("#555753"))  # its stand
    rect(34, 104, 60, 8, 4, _DARK)
    rect(30, 32, 68, 42, 3, QColor("#eeeeec"))  # the guest's window
    rect(30, 32, 68, 9, 3, _GUEST_BAR)
    rect(30, 38, 68, 3, 0, _GUEST_BAR)
    pen = QPen(_DARK, 3.5)  # its prompt
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPolyline([QPointF(40, 52), QPointF(48, 58), QPointF(40, 64)])
    p.setPen(Qt.PenStyle.NoPen)
    rect(54, 61, 18, 3.5, 1.5, _DARK)


@cache
def app_icon() -> QIcon:
    return _render(_paint_app, _APP_SIZES)
