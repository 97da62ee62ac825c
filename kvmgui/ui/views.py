"""The two views of the VM list: cards with live screens (grid) and a table (list).

Both show the same VmListModel and share one selection model, so switching views keeps the
selected VM.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QHideEvent,
    QIcon,
    QImage,
    QPainter,
    QPalette,
    QPixmap,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from kvmgui.runtime.state import VmState
from kvmgui.ui.i18n import translate
from kvmgui.ui.icons import icon, os_icon
from kvmgui.ui.models import (
    Column,
    Role,
    VmListModel,
    VmRow,
    state_icon,
    state_word,
    throwaway_label,
)

CARD = QSize(232, 200)
SCREEN = QSize(212, 119)  # 16:9
TABLE_THUMB = QSize(88, 50)

Index = QModelIndex | QPersistentModelIndex


class ScaledPictures:
    """Each thumbnail scaled once to the size a view draws it at and turned into a pixmap
    (drawn as is, where a QImage is converted at every draw), not at every repaint: a card
    repaints whenever its CPU figure changes."""

    LIMIT = 64

    def __init__(self) -> None:
        self._scaled: dict[tuple[int, int, int], QPixmap] = {}

    def get(self, image: QImage, size: QSize) -> QPixmap:
        key = (image.cacheKey(), size.width(), size.height())
        scaled = self._scaled.get(key)
        if scaled is None:
            if len(self._scaled) >= self.LIMIT:
                self._scaled.clear()  # pictures of guests that moved on
            scaled = QPixmap.fromImage(
                image.scaled(
                    size,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            self._scaled[key] = scaled
        return scaled


def _draw_screen(p: QPainter, rect: QRect, row: VmRow, pictures: ScaledPictures) -> None:
    """The guest's last picture, letterboxed; or the OS badge on a dark panel."""
    p.save()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#1d2330") if row.state.is_active else QColor("#3a404b"))
    p.drawRoundedRect(QRectF(rect), 6, 6)
    image: QImage | None = row.thumbnail
    if image is not None and not image.isNull():
        scaled = pictures.get(image, rect.size())
        x = rect.x() + (rect.width() - scaled.width()) // 2
        y = rect.y() + (rect.height() - scaled.height()) // 2
        p.drawPixmap(x, y, scaled)
    else:
        size = min(rect.height() // 2, 64)
        pm = os_icon(row.os).pixmap(size, size)
        if not row.state.is_active:
            p.setOpacity(0.55)
        p.drawPixmap(rect.center().x() - size // 2, rect.center().y() - size // 2, pm)
        p.setOpacity(1.0)
    if row.state is VmState.PAUSED:
        p.setBrush(QColor(0, 0, 0, 110))
        p.drawRoundedRect(QRectF(rect), 6, 6)
        icon_size = 40
        state_icon(row.state).paint(
            p,
            QRect(
                rect.center().x() - icon_size // 2,
                rect.center().y() - icon_size // 2,
                icon_size,
                icon_size,
            ),
        )
    p.restore()


def _draw_throwaway_badge(p: QPainter, screen: QRect, font: QFont) -> None:
    """A pill on the card's screen saying this VM is a throwaway test (gone once stopped)."""
    p.save()
    small = QFont(font)
    small.setBold(True)
    p.setFont(small)
    text = throwaway_label()
    metrics = p.fontMetrics()
    width = min(metrics.horizontalAdvance(text) + 14, screen.width() - 12)
    pill = QRect(screen.x() + 6, screen.y() + 6, width, metrics.height() + 6)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#c46a00"))
    p.drawRoundedRect(QRectF(pill), pill.height() / 2, pill.height() / 2)
    p.setPen(QColor("#ffffff"))
    label = metrics.elidedText(text, Qt.TextElideMode.ElideRight, pill.width() - 10)
    p.drawText(pill, Qt.AlignmentFlag.AlignCenter, label)
    p.restore()


def _draw_group_card(p: QPainter, option: QStyleOptionViewItem, row: VmRow,
                     selected: bool) -> None:
    """The card that opens a group of the list: where its VMs are (this computer's kvmgui,
    or a libvirt connection), its state, and why it failed (the fix is in the sentence)."""
    rect = option.rect.adjusted(4, 4, -4, -4)
    palette: QPalette = option.palette
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    edge = palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Mid)
    fill = QColor(edge)
    fill.setAlpha(60 if selected else 25)
    p.setPen(edge)
    p.setBrush(fill)
    p.drawRoundedRect(QRectF(rect), 8, 8)
    inner = rect.adjusted(12, 10, -12, -10)
    icon("host-check").paint(p, QRect(inner.x(), inner.y(), 32, 32))
    font = QFont(option.font)
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    p.setFont(font)
    p.setPen(palette.color(QPalette.ColorRole.Text))
    title = QRect(inner.x() + 40, inner.y(), inner.width() - 40, 36)
    p.drawText(title, int(Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap), row.name)
    p.setFont(option.font)
    text = "\n".join(t for t in (row.header_state, row.reason) if t)
    body = QRect(inner.x(), inner.y() + 44, inner.width(), inner.height() - 44)
    p.drawText(body, int(Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap), text)
    p.restore()


class _ScreenDelegate(QStyledItemDelegate):
    """A delegate that draws VM screens, scaled once per size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pictures = ScaledPictures()


class VmCardDelegate(_ScreenDelegate):
    """A card: the screen, then the name, then the state and the live numbers."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return CARD

    def _marks(self, index: Index) -> tuple[bool, bool]:
        """(selected, focused), as Qt's list view marks them in option.state (the selection,
        and the current item of the focused view), asked of the view: reading option.state
        makes PySide build QStyle's Python type and its long enums (0.5 MiB resident)."""
        view = self.parent()
        if not isinstance(view, QAbstractItemView):
            return False, False
        selection = view.selectionModel()
        selected = selection is not None and selection.isSelected(index)
        return selected, view.hasFocus() and view.currentIndex() == index

    def paint(self, p: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row = index.data(Role.ROW)
        if not isinstance(row, VmRow):
            return
        selected, focused = self._marks(index)
        if row.header:
            _draw_group_card(p, option, row, selected)
            return
        rect = option.rect.adjusted(4, 4, -4, -4)
        palette: QPalette = option.palette
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if selected:
            highlight = palette.color(QPalette.ColorRole.Highlight)
            fill = QColor(highlight)
            fill.setAlpha(60)
            p.setPen(highlight)
            p.setBrush(fill)
            p.drawRoundedRect(QRectF(rect), 8, 8)
        screen = QRect(
            rect.x() + (rect.width() - SCREEN.width()) // 2,
            rect.y() + 6,
            SCREEN.width(),
            SCREEN.height(),
        )
        _draw_screen(p, screen, row, self.pictures)
        if row.throwaway:
            _draw_throwaway_badge(p, screen, option.font)
        text_rect = QRect(rect.x() + 8, screen.bottom() + 6, rect.width() - 16, 20)
        font = QFont(option.font)
        font.setBold(True)
        p.setFont(font)
        p.setPen(palette.color(QPalette.ColorRole.Text))
        name = p.fontMetrics().elidedText(row.name, Qt.TextElideMode.ElideRight, text_rect.width())
        p.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        p.setFont(option.font)
        line = QRect(text_rect.x(), text_rect.bottom() + 2, text_rect.width(), 20)
        # A warning badge when the performance advisor has something to say (see Details).
        (icon("status-warning") if row.advice else state_icon(row.state)).paint(
            p, QRect(line.x(), line.y() + 2, 16, 16)
        )
        words = translate("VmListModel", "Cannot be read") if row.broken else state_word(row.state)
        model = index.model()
        if row.state.is_active and isinstance(model, VmListModel):
            cpu = model.data(model.index(index.row(), Column.CPU))
            if cpu and cpu != "—":
                words = translate("VmViews", "{0} · CPU {1}").format(words, cpu)
        words = p.fontMetrics().elidedText(words, Qt.TextElideMode.ElideRight, line.width() - 22)
        p.drawText(
            line.adjusted(22, 0, 0, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            words,
        )
        if focused:
            pen = p.pen()
            pen.setStyle(Qt.PenStyle.DotLine)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(QRectF(rect.adjusted(1, 1, -1, -1)), 8, 8)
        p.restore()


class ScreenCellDelegate(_ScreenDelegate):
    """The table's Screen column: a small live thumbnail."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(TABLE_THUMB.width() + 8, TABLE_THUMB.height() + 8)

    def paint(self, p: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        # Background and selection only; the picture is drawn below.
        opt.text = ""
        opt.icon = QIcon()
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        from PySide6.QtWidgets import QStyle  # the table's; see VmCardDelegate.paint

        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, p, widget)
        row = index.data(Role.ROW)
        if not isinstance(row, VmRow) or not row.state.is_active:
            return
        r = option.rect
        rect = QRect(
            r.x() + 4,
            r.y() + (r.height() - TABLE_THUMB.height()) // 2,
            TABLE_THUMB.width(),
            TABLE_THUMB.height(),
        )
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        _draw_screen(p, rect, row, self.pictures)
        p.restore()


def _list_vms(view: QAbstractItemView, object_name: str, model: VmListModel) -> None:
    """What both views of the VM list share: the model, one VM selected at a time, and the
    context menu the main window supplies."""
    view.setObjectName(object_name)
    view.setModel(model)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAccessibleName(translate("VmViews", "Virtual machines"))
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    # A viewport made from Python, whose wrapper PySide keeps: handed the viewport Qt makes
    # itself, PySide would build the Python types of all of Qt's widget classes to find out
    # what it is (0.9 MiB resident), and the thumbnails ask for it every few seconds.
    view.setViewport(QWidget(view))


class VmGridView(QListView):
    def __init__(self, model: VmListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _list_vms(self, "VmGridView", model)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setSpacing(6)
        self.setGridSize(QSize(CARD.width() + 8, CARD.height() + 8))
        self.setItemDelegate(VmCardDelegate(self))
        self.setWordWrap(True)


class VmTableView(QTableView):
    def __init__(self, model: VmListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _list_vms(self, "VmTableView", model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setIconSize(QSize(24, 24))
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(TABLE_THUMB.height() + 10)
        header = self.horizontalHeader()
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        self._fit_columns(True)
        header.setSectionResizeMode(Column.SCREEN, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(Column.SCREEN, TABLE_THUMB.width() + 12)
        header.setHighlightSections(False)
        self.setItemDelegateForColumn(Column.SCREEN, ScreenCellDelegate(self))
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)

    def _fit_columns(self, fit: bool) -> None:
        """Size the figure columns to their contents, or leave them as they are."""
        mode = QHeaderView.ResizeMode.ResizeToContents if fit else QHeaderView.ResizeMode.Fixed
        for column in (Column.STATE, Column.CPU, Column.MEMORY, Column.HOST_MEMORY):
            self.horizontalHeader().setSectionResizeMode(column, mode)

    # While the cards are shown, the hidden table would measure every cell of every row at
    # each stats update to fit its columns: it fits them only while it is on screen.
    def showEvent(self, event: QShowEvent) -> None:
        self._fit_columns(True)
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._fit_columns(False)
        super().hideEvent(event)
