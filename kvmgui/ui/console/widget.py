"""ConsoleWidget: a VM's screen over VNC, with keyboard and mouse, inside any Qt layout.

The widget knows nothing about VM management: give it an address (`connect_to`) and, if you
know it, the VM's state (`set_vm_state`). It keeps reconnecting with back-off until
`disconnect()`, so a VM that reboots or restarts comes back by itself.

Runs on qasync: the RFB session is an asyncio task on the running loop; Qt event handlers only
call the client's non-blocking send methods.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
from pathlib import Path

import numpy as np
from PySide6.QtCore import (
    QEvent,
    QObject,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QCursor,
    QFocusEvent,
    QFont,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QRegion,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from kvmgui.runtime.rfb import (
    ClipboardReceived,
    CursorChanged,
    Disconnected,
    FrameUpdated,
    KeyCombo,
    PointerTypeChanged,
    Resized,
    RfbAuthError,
    RfbClient,
    RfbError,
    RfbEvent,
    VncAddress,
    parse_address,
    protocol as p,
)
from kvmgui.runtime.rfb.address import VncAddressLike
from kvmgui.ui.console.clipboard import ClipboardLink
from kvmgui.ui.console.image import FrameImage, save_png
from kvmgui.ui.console.keys import keysym_for, native_scancode_offset, scancode_for
from kvmgui.ui.console.none_guard import guard_none_refcount
from kvmgui.ui.console.state import ConnectionState, VmDisplayState, reconnect_delay
from kvmgui.ui.i18n import core_text

_BUTTONS = {
    Qt.MouseButton.LeftButton: p.BUTTON_LEFT,
    Qt.MouseButton.MiddleButton: p.BUTTON_MIDDLE,
    Qt.MouseButton.RightButton: p.BUTTON_RIGHT,
}
_HINT_SECONDS = 4
_RELEASE_KEYS = frozenset({Qt.Key.Key_Control, Qt.Key.Key_Alt})


class ConsoleWidget(QWidget):
    """Shows one VM screen. Signals carry plain values so any window can follow along."""

    connectionStateChanged = Signal(str)  # a ConnectionState value
    displaySizeChanged = Signal(int, int)  # the guest's resolution; (0, 0): no picture
    grabChanged = Signal(bool)  # keyboard grabbed (all keys go to the guest)
    fitToWindowChanged = Signal(bool)
    fullscreenRequested = Signal()  # Ctrl+Alt+F pressed inside the console
    clipboardSharingChanged = Signal(bool)

    def __init__(
        self,
        address: VncAddressLike | VncAddress | None = None,
        parent: QWidget | None = None,
        *,
        password: str | None = None,
        encodings: list[int] | None = None,
    ) -> None:
        super().__init__(parent)
        # PySide6 6.12 on Python 3.11 leaks a None reference per void call; a console repaints
        # often enough to hit the resulting abort within a minute (see none_guard).
        guard_none_refcount()
        self._password = password
        self._encodings = encodings
        self._address: VncAddress | None = None
        self._client: RfbClient | None = None
        self._session: asyncio.Task[None] | None = None
        self._starter: asyncio.Future[bool] | None = None
        self._wake = asyncio.Event()
        self._wanted = False
        self._state = ConnectionState.IDLE
        self._vm_state = VmDisplayState.RUNNING
        self._last_error = ""
        self._frame = FrameImage()
        self._shown_size = (0, 0)  # the guest resolution last announced (displaySizeChanged)
        self._fit = True
        self._grabbed = False
        self._mouse_grabbed = False
        self._shortcut_blocker = _ShortcutBlocker(self)
        self._released = False  # Ctrl+Alt let go: the window coming back must not grab again
        self._hint_visible = False
        self._absolute = False
        self._buttons = 0
        self._sent_buttons = 0
        self._modifier_combo_armed = False
        self._held_release_keys: set[int] = set()
        self._scancode_offset = native_scancode_offset()
        # If Qt deletes the widget (its parent closed), stop the session with it. The lambda
        # must not reference self: it runs while the C++ object is being destroyed.
        tasks: set[asyncio.Task[None]] = set()
        self._live_tasks = tasks
        self.destroyed.connect(lambda *_: [t.cancel() for t in list(tasks)])
        self._clipboard = ClipboardLink(self)
        self._hint_timer = QTimer(self)
        self._hint_timer.setSingleShot(True)
        self._hint_timer.timeout.connect(self._hide_hint)

        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)  # raw keys, no IME
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 120)
        self.setAccessibleName(self.tr("Virtual machine screen"))
        self._update_description()
        if address is not None:
            self._address = parse_address(address)
            # Start once the event loop runs (the widget may be built before it starts).
            QTimer.singleShot(0, self._start_from_constructor)

    # -- public API ---------------------------------------------------------------------------

    @property
    def connection_state(self) -> ConnectionState:
        return self._state

    @property
    def vm_state(self) -> VmDisplayState:
        return self._vm_state

    @property
    def client(self) -> RfbClient | None:
        """The live RFB session, if connected (for diagnostics and tests)."""
        return self._client

    @property
    def last_error(self) -> str:
        return self._last_error

    def image(self) -> QImage:
        """The current guest screen (a copy; empty when nothing was received)."""
        return self._frame.image.copy()

    def display_size(self) -> QSize:
        return QSize(*self._frame.size)

    def is_grabbed(self) -> bool:
        """Whether the keyboard is grabbed: every key, Tab and the window's shortcuts too,
        goes to the guest. True exactly while the console has the focus and is connected."""
        return self._grabbed

    def hint_visible(self) -> bool:
        """Whether the "Press Ctrl+Alt to release" note is painted over the screen now."""
        return self._grabbed and self._hint_visible

    def fit_to_window(self) -> bool:
        return self._fit

    def set_fit_to_window(self, fit: bool) -> None:
        """Scale the guest screen to the widget (True) or show it 1:1 (False; put the widget
        in a QScrollArea with widgetResizable for screens larger than the window)."""
        if fit == self._fit:
            return
        self._fit = fit
        self._apply_size_constraints()
        self.update()
        self.fitToWindowChanged.emit(fit)

    async def connect_to(
        self, address: VncAddressLike | VncAddress, *, password: str | None = None
    ) -> bool:
        """Connect to a VNC display, replacing any current session. Returns whether the first
        attempt succeeded; either way the widget keeps trying (with back-off) until
        disconnect(), unless the display refused the password (then call again with the
        right one)."""
        await self._stop_session()
        if password is not None:
            self._password = password
        self._address = parse_address(address)
        self._wanted = True
        self._last_error = ""
        first: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        session = asyncio.create_task(self._run_session(first), name="console-session")
        self._session = session
        self._live_tasks.add(session)
        session.add_done_callback(self._live_tasks.discard)
        return await asyncio.shield(first)

    def disconnect(self, *args: object) -> bool:
        """Stop the session and reconnect attempts (non-blocking; see aclose()).

        With arguments it is QObject.disconnect (signal connections), unchanged."""
        if args:
            return bool(super().disconnect(*args))  # type: ignore[call-overload]
        self._wanted = False
        self._release_grab()
        if self._session is not None and not self._session.done():
            self._session.cancel()
        self._set_state(ConnectionState.IDLE)
        return True

    async def aclose(self) -> None:
        """disconnect(), then wait until the socket is closed."""
        self.disconnect()
        await self._stop_session()

    def set_vm_state(self, state: VmDisplayState | str) -> None:
        """Tell the console what the VM is doing: paused shows the last frame with an
        overlay; stopped and no-display show a message and stop reconnect attempts; running
        reconnects at once if the display was lost."""
        state = VmDisplayState(state)
        if state == self._vm_state:
            return
        self._vm_state = state
        if state in (VmDisplayState.STOPPED, VmDisplayState.NO_DISPLAY):
            self._release_grab()
            self._frame.clear()
            self._announce_size()
        self._wake.set()  # a session waiting to retry re-reads the state now
        self._update_description()
        self.update()

    def clipboard_sharing(self) -> bool:
        return self._clipboard.sharing

    def set_clipboard_sharing(self, on: bool) -> None:
        """Share clipboard text with the guest (off by default); takes effect at once."""
        if on != self._clipboard.sharing:
            self._clipboard.set_sharing(on)
            self.clipboardSharingChanged.emit(on)

    def send_combo(self, combo: KeyCombo) -> bool:
        """Send a key combination (menu action). False when not connected."""
        return self._client is not None and self._client.send_combo(combo)

    def save_screenshot(self, path: str | Path) -> bool:
        """Write the guest screen to a PNG file at its own resolution."""
        if self._frame.image.isNull():
            return False
        return save_png(self._frame.image, str(path))

    def release_grab(self) -> None:
        """Let go of the keyboard and mouse; the console keeps the focus (a click or a focus
        change grabs again)."""
        self._release_grab()

    def take_keyboard(self) -> None:
        """Give the console the focus, and so the keyboard (once connected): what opening
        it, or going full screen, does."""
        self._released = False
        if self.hasFocus():
            self._grab()
        else:
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def release_and_leave(self) -> None:
        """What Ctrl+Alt does: let go, and move the focus out of the console so that Tab and
        the window's shortcuts work again."""
        self._release_grab()
        self._released = True
        if self.hasFocus():
            super().focusNextPrevChild(True)
        if self.hasFocus():  # nothing else in the window takes the focus
            self.clearFocus()

    # -- session ------------------------------------------------------------------------------

    def _start_from_constructor(self) -> None:
        if self._address is not None and self._session is None:
            self._starter = asyncio.ensure_future(self.connect_to(self._address))

    async def _stop_session(self) -> None:
        task, self._session = self._session, None
        if task is not None and not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _sleep_or_wake(self, seconds: float) -> None:
        self._wake.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), seconds)

    async def _run_session(self, first: asyncio.Future[bool]) -> None:
        attempt = 0
        try:
            while self._wanted:
                if self._vm_state in (VmDisplayState.STOPPED, VmDisplayState.NO_DISPLAY):
                    self._set_state(ConnectionState.IDLE)
                    if not first.done():
                        first.set_result(False)
                    self._wake.clear()
                    await self._wake.wait()
                    attempt = 0
                    continue
                self._set_state(
                    ConnectionState.CONNECTING if attempt == 0 else ConnectionState.RECONNECTING
                )
                # The client decodes straight into the image this widget paints.
                client = RfbClient(
                    password=self._password,
                    encodings=self._encodings,
                    allocate=self._frame.allocate,
                    clipboard=self._clipboard.sharing,
                )
                client.add_listener(self._on_event)
                try:
                    assert self._address is not None
                    await client.connect(self._address)
                except RfbAuthError as exc:
                    self._last_error = str(exc)
                    self._set_state(ConnectionState.FAILED)
                    break
                except RfbError as exc:
                    self._last_error = str(exc)
                    if not first.done():
                        first.set_result(False)
                    attempt += 1
                    self._set_state(ConnectionState.RECONNECTING)
                    await self._sleep_or_wake(reconnect_delay(attempt))
                    continue
                self._client = client
                self._clipboard.attach(client)
                attempt = 0
                self._last_error = ""
                self._absolute = client.absolute_pointer
                self._set_state(ConnectionState.CONNECTED)
                if self.hasFocus() and not self._released:  # focused before it connected
                    self._grab()
                if not first.done():
                    first.set_result(True)
                ended = await client.wait_closed()
                self._client = None
                self._clipboard.detach()
                self._release_grab()
                if not self._wanted:
                    break
                self._last_error = ended.reason
                attempt += 1
                self._set_state(ConnectionState.RECONNECTING)
                await self._sleep_or_wake(reconnect_delay(attempt))
        finally:
            client_to_close, self._client = self._client, None
            if client_to_close is not None:
                await client_to_close.close()
            if not first.done():
                first.set_result(False)

    def _set_state(self, state: ConnectionState) -> None:
        if state == self._state:
            return
        self._state = state
        self._update_description()
        self.update()
        self.connectionStateChanged.emit(state.value)

    def _on_event(self, event: RfbEvent) -> None:
        client = self._client
        if isinstance(event, FrameUpdated):
            if client is None:
                return
            self._show_rects(client.framebuffer, event)
        elif isinstance(event, Resized):
            # The client has already allocated the new image through FrameImage.allocate.
            if client is not None and not self._frame.owns(client.framebuffer):
                self._frame.allocate(event.width, event.height)
            self._announce_size()
            self.update()
        elif isinstance(event, PointerTypeChanged):
            self._absolute = event.absolute
            if self._absolute and self._mouse_grabbed:
                self._mouse_grabbed = False
                self._apply_pointer_grab()
        elif isinstance(event, CursorChanged):
            self._apply_cursor()
        elif isinstance(event, ClipboardReceived):
            self._clipboard.guest_text(event.text)
        elif isinstance(event, Disconnected):
            self._last_error = event.reason

    def _announce_size(self) -> None:
        size = self._frame.size
        if size == self._shown_size:
            return
        self._shown_size = size
        self._apply_size_constraints()
        self.displaySizeChanged.emit(*size)

    def _show_rects(self, framebuffer: np.ndarray, event: FrameUpdated) -> None:
        h, w = framebuffer.shape[:2]
        if not self._frame.owns(framebuffer):  # decoded elsewhere: copy it in
            self._frame.copy_rects(framebuffer, event.rects)
        if (w, h) != self._shown_size:
            self._announce_size()
            self.update()
            return
        left = min(r.x for r in event.rects)
        top = min(r.y for r in event.rects)
        right = max(r.x + r.w for r in event.rects)
        bottom = max(r.y + r.h for r in event.rects)
        target = self._target_rect()
        sx, sy = target.width() / w, target.height() / h
        area = QRectF(
            target.x() + left * sx, target.y() + top * sy, (right - left) * sx, (bottom - top) * sy
        )
        self.update(area.toAlignedRect().adjusted(-1, -1, 1, 1))

    # -- geometry -----------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        w, h = self._frame.size
        return QSize(w, h) if w and h else QSize(720, 400)

    def _apply_size_constraints(self) -> None:
        w, h = self._frame.size
        if not self._fit and w and h:
            self.setMinimumSize(w, h)  # a QScrollArea around us then scrolls
        else:
            self.setMinimumSize(160, 120)
        self.updateGeometry()

    def _target_rect(self) -> QRectF:
        """Where the guest image is drawn, in widget coordinates."""
        w, h = self._frame.size
        if not w or not h:
            return QRectF()
        scale = min(self.width() / w, self.height() / h) if self._fit else 1.0
        tw, th = w * scale, h * scale
        x = max((self.width() - tw) / 2, 0.0)
        y = max((self.height() - th) / 2, 0.0)
        if self._fit:  # whole pixels keep 1:1-sized screens crisp
            x, y = float(round(x)), float(round(y))
        return QRectF(x, y, tw, th)

    def to_guest(self, pos: QPointF | QPoint) -> tuple[int, int]:
        """Widget coordinates → guest framebuffer pixel (clamped to the screen)."""
        target = self._target_rect()
        w, h = self._frame.size
        if target.isEmpty():
            return 0, 0
        x = int((pos.x() - target.x()) * w / target.width())
        y = int((pos.y() - target.y()) * h / target.height())
        return min(max(x, 0), w - 1), min(max(y, 0), h - 1)

    # -- painting -----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        image = self._frame.image
        show_image = not image.isNull() and self._vm_state not in (
            VmDisplayState.STOPPED,
            VmDisplayState.NO_DISPLAY,
        )
        if show_image:
            target = self._target_rect()
            # Black only around the image: filling under it too would double the pixel work.
            left, top = math.ceil(target.left()), math.ceil(target.top())
            covered = QRect(
                left, top, math.floor(target.right()) - left, math.floor(target.bottom()) - top
            )
            if not covered.contains(event.rect()):  # most repaints are inside the image
                painter.setClipRegion(QRegion(event.rect()).subtracted(QRegion(covered)))
                painter.fillRect(event.rect(), QColor(0, 0, 0))
                painter.setClipping(False)
            if target.size() == QRectF(image.rect()).size():
                painter.drawImage(target.topLeft(), image)
            else:
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
                painter.drawImage(target, image)
        else:
            painter.fillRect(event.rect(), QColor(0, 0, 0))
        title, detail = self._message()
        if title:
            if show_image:  # dim the last frame under the message
                painter.fillRect(self.rect(), QColor(0, 0, 0, 150))
            self._draw_message(painter, title, detail)
        if self._grabbed and self._hint_visible:
            self._draw_hint(painter)
        painter.end()

    def _message(self) -> tuple[str, str]:
        """(headline, detail) to show over or instead of the screen; ("", "") for none."""
        if self._vm_state == VmDisplayState.STOPPED:
            return (
                self.tr("The virtual machine is not running."),
                self.tr("Start it to see its screen here."),
            )
        if self._vm_state == VmDisplayState.NO_DISPLAY:
            return (
                self.tr("This virtual machine has no screen that kvmgui can show."),
                self.tr("Its display is SPICE or none. Open it in an external viewer instead."),
            )
        if self._state == ConnectionState.CONNECTED:
            if self._vm_state == VmDisplayState.PAUSED:
                return self.tr("Paused"), self.tr("Resume the virtual machine to continue.")
            return "", ""
        if self._state == ConnectionState.CONNECTING:
            return self.tr("Connecting to the screen…"), ""
        if self._state == ConnectionState.RECONNECTING:
            return (
                self.tr("The screen is not available. Trying again…"),
                core_text(self._last_error),
            )
        if self._state == ConnectionState.FAILED:
            return self.tr("Could not show the screen."), core_text(self._last_error)
        return self.tr("No screen connected."), ""

    def _draw_message(self, painter: QPainter, title: str, detail: str) -> None:
        box = self.rect().adjusted(24, 24, -24, -24)
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        painter.setPen(QColor(235, 235, 235))
        painter.setFont(title_font)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
        title_rect = painter.boundingRect(box, int(flags), title)
        painter.setFont(self.font())
        detail_rect = painter.boundingRect(box, int(flags), detail) if detail else QRect()
        total = title_rect.height() + (detail_rect.height() + 8 if detail else 0)
        top = box.top() + max((box.height() - total) // 2, 0)
        painter.setFont(title_font)
        painter.drawText(
            QRect(box.left(), top, box.width(), title_rect.height()), int(flags), title
        )
        if detail:
            painter.setFont(self.font())
            painter.setPen(QColor(190, 190, 190))
            painter.drawText(
                QRect(box.left(), top + title_rect.height() + 8, box.width(), detail_rect.height()),
                int(flags),
                detail,
            )

    def _draw_hint(self, painter: QPainter) -> None:
        text = self.grab_hint_text()
        metrics = painter.fontMetrics()
        width = metrics.horizontalAdvance(text) + 24
        # In full screen, below the place where the full-screen bar appears.
        top = 48 if self.window().isFullScreen() else 8
        rect = QRect((self.width() - width) // 2, top, width, metrics.height() + 12)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 190))
        painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(QColor(255, 255, 255))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)

    def grab_hint_text(self) -> str:
        if self.window().isFullScreen():
            return self.tr(
                "Press Ctrl+Alt to release the keyboard and mouse, then F11 to leave full screen"
            )
        return self.tr("Press Ctrl+Alt to release the keyboard and mouse")

    def _update_description(self) -> None:
        title, detail = self._message()
        if not title:
            title = self.tr(
                "Connected. Click to send the keyboard and mouse to the virtual machine."
            )
        self.setAccessibleDescription(f"{title} {detail}".strip())

    # -- grab ---------------------------------------------------------------------------------
    # Like virt-manager and remote-viewer: the keyboard is grabbed while the console has the
    # focus (however it got it: a click, Tab, or the window opening it), Ctrl+Alt lets go and
    # moves the focus out, and a relative mouse is only captured by a click.

    def _grab(self) -> None:
        if self._grabbed or self._client is None:
            return
        self._grabbed = True
        if not self.hasFocus():
            self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.grabKeyboard()  # system shortcuts (Alt+Tab…) go to the guest too
        self.installEventFilter(self._shortcut_blocker)
        self._hint_visible = True
        self._hint_timer.start(_HINT_SECONDS * 1000)
        self.update()
        self.grabChanged.emit(True)

    def _grab_mouse(self) -> None:
        if self._mouse_grabbed or self._absolute or not self._grabbed:
            return
        self._mouse_grabbed = True
        self._apply_pointer_grab()

    def _apply_pointer_grab(self) -> None:
        if self._mouse_grabbed:
            # Relative mouse: keep the host pointer inside and hidden, feed motion as deltas.
            self.grabMouse()
            self._recentre_pointer()
        else:
            self.releaseMouse()
        self._apply_cursor()

    def _release_grab(self) -> None:
        if self._client is not None:
            self._client.release_all_keys()
        self._buttons = 0
        self._modifier_combo_armed = False
        self._held_release_keys.clear()
        if self._mouse_grabbed:
            self._mouse_grabbed = False
            self._apply_pointer_grab()
        if not self._grabbed:
            return
        self._grabbed = False
        self.releaseKeyboard()
        self.removeEventFilter(self._shortcut_blocker)
        self._hint_timer.stop()
        self._hint_visible = False
        self._apply_cursor()
        self.update()
        self.grabChanged.emit(False)

    def _hide_hint(self) -> None:
        self._hint_visible = False
        self.update()

    def _apply_cursor(self) -> None:
        client = self._client
        if self._mouse_grabbed:
            self.setCursor(Qt.CursorShape.BlankCursor)
        elif client is not None and client.cursor is not None:
            cur = client.cursor
            # A QImage built over bytes does not own them: keep them referenced until the
            # copy that owns its pixels is made.
            data = np.ascontiguousarray(cur.pixels).tobytes()
            view = QImage(
                data, cur.width, cur.height, cur.width * 4,
                QImage.Format.Format_ARGB32_Premultiplied,
            )  # fmt: skip
            img = view.copy()
            del view, data
            self.setCursor(QCursor(QPixmap.fromImage(img), cur.hot_x, cur.hot_y))
        else:
            self.unsetCursor()

    def _recentre_pointer(self) -> None:
        QCursor.setPos(self.mapToGlobal(self.rect().center()))

    # -- keyboard -----------------------------------------------------------------------------

    def focusNextPrevChild(self, next: bool) -> bool:
        return not self._grabbed and super().focusNextPrevChild(next)  # Tab → the guest

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._grabbed or self._client is None:
            super().keyPressEvent(event)
            return
        key = event.key()
        if key in _RELEASE_KEYS:
            # Track Ctrl and Alt ourselves: whether a modifier's own press carries its modifier
            # flag differs between platforms.
            self._held_release_keys.add(key)
            if self._held_release_keys == _RELEASE_KEYS:
                self._modifier_combo_armed = True  # released without another key → ungrab
        elif key != Qt.Key.Key_Shift:
            self._modifier_combo_armed = False
            if (
                key == Qt.Key.Key_F
                and self._held_release_keys == _RELEASE_KEYS
                and not event.isAutoRepeat()
            ):
                self.fullscreenRequested.emit()  # Ctrl+Alt+F: not for the guest
                event.accept()
                return
        self._send_key(event, True)
        event.accept()

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if not self._grabbed or self._client is None:
            super().keyReleaseEvent(event)
            return
        if event.isAutoRepeat():
            event.accept()  # X11 auto-repeat sends release+press pairs; the guest repeats itself
            return
        self._send_key(event, False)
        key = event.key()
        if key in _RELEASE_KEYS:
            self._held_release_keys.discard(key)
            if self._modifier_combo_armed:
                self._modifier_combo_armed = False
                self.release_and_leave()
        event.accept()

    def _send_key(self, event: QKeyEvent, down: bool) -> None:
        client = self._client
        if client is None:
            return
        keysym = keysym_for(event)
        scancode = scancode_for(event, self._scancode_offset)
        if scancode is not None:
            client.send_scancode(scancode, down, keysym)
        elif keysym:
            client.send_keysym(keysym, down)

    def set_native_scancode_offset(self, offset: int | None) -> None:
        """Override the platform's native-scancode convention (tests; unusual platforms)."""
        self._scancode_offset = offset

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        # The window becoming active again (or changing to or from full screen) may hand the
        # focus back to the console by itself; after Ctrl+Alt only the user's own way back
        # in (a click, Tab, opening the console) grabs again.
        if self._released and event.reason() == Qt.FocusReason.ActiveWindowFocusReason:
            return
        self._released = False
        self._grab()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        # Keys held while focus leaves would stay down in the guest. (A menu opened over the
        # console takes the focus for a moment; it comes back with a focusInEvent.)
        self._release_grab()
        super().focusOutEvent(event)

    # -- mouse --------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._client is None:
            super().mousePressEvent(event)
            return
        if not self._grabbed:
            self._released = False
            self._grab()
        if not self._absolute and not self._mouse_grabbed:
            self._grab_mouse()
            return  # the click that grabs a relative mouse is not a guest click
        self._buttons |= _BUTTONS.get(event.button(), 0)
        self._send_pointer(event.position())
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._client is None:
            super().mouseReleaseEvent(event)
            return
        self._buttons &= ~_BUTTONS.get(event.button(), 0)
        self._send_pointer(event.position())
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._client is None:
            return
        self._send_pointer(event.position())

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self._client is None:
            return
        delta = event.angleDelta()
        bits = 0
        if delta.y():
            bits = p.WHEEL_UP if delta.y() > 0 else p.WHEEL_DOWN
        elif delta.x():
            bits = p.WHEEL_LEFT if delta.x() > 0 else p.WHEEL_RIGHT
        if bits:
            pos = event.position()
            self._send_pointer(pos, extra=bits)
            self._send_pointer(pos)
        event.accept()

    def _send_pointer(self, pos: QPointF, extra: int = 0) -> None:
        client = self._client
        if client is None:
            return
        buttons = self._buttons | extra
        if self._absolute:
            x, y = self.to_guest(pos)
            client.send_pointer(x, y, buttons)
        elif self._mouse_grabbed:
            centre = QPointF(self.rect().center())
            dx, dy = round(pos.x() - centre.x()), round(pos.y() - centre.y())
            if dx or dy or extra or buttons != self._sent_buttons:
                client.send_relative_pointer(dx, dy, buttons)
                self._sent_buttons = buttons
            if dx or dy:
                self._recentre_pointer()


class _ShortcutBlocker(QObject):
    """Installed on the console only while it holds the keyboard, when every key belongs to
    the guest: window shortcuts (Ctrl+Q, Alt+Left, F10, F11, Esc…) must not fire. Ctrl+Alt+F
    (full screen) is handled in keyPressEvent. Not an override of the console's event(): that
    would run Python for each of its events, 30 paints a second included."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()
            return True
        return False
