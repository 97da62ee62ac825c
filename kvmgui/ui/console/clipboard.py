"""The desktop clipboard's side of clipboard sharing: thin glue around the RFB client.

While sharing is on, every change of the host clipboard (text only; anything else counts as
"no text") goes to the console's client, and text from the guest is put on the host
clipboard. Every change is passed on, not only while the console has the focus: that is what
remote-viewer (spice-gtk) does, and it is what users expect from copying on the host and
pasting in the guest. The text itself leaves only when the guest pastes (QEMU asks for it
then). While sharing is off the host clipboard is not even watched.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QClipboard, QGuiApplication

from kvmgui.runtime.rfb import RfbClient


class ClipboardLink(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._client: RfbClient | None = None
        self._sharing = False
        self._watching = False

    @property
    def sharing(self) -> bool:
        return self._sharing

    def set_sharing(self, on: bool) -> None:
        if on == self._sharing:
            return
        self._sharing = on
        if self._client is not None:
            self._client.set_clipboard_sharing(on)
        self._watch(on)
        if on:
            self._host_changed()  # what the user copied before turning it on

    def attach(self, client: RfbClient) -> None:
        """A new session: it was made with `clipboard=self.sharing`."""
        self._client = client
        if self._sharing:
            self._host_changed()

    def detach(self) -> None:
        self._client = None

    def guest_text(self, text: str) -> None:
        """Text the guest copied (the client reports it only while sharing)."""
        if self._sharing:
            _clipboard().setText(text, QClipboard.Mode.Clipboard)

    def _watch(self, on: bool) -> None:
        if on == self._watching:
            return
        self._watching = on
        board = _clipboard()
        if on:
            board.dataChanged.connect(self._host_changed)
        else:
            board.dataChanged.disconnect(self._host_changed)

    def _host_changed(self) -> None:
        if not self._sharing or self._client is None:
            return
        data = _clipboard().mimeData(QClipboard.Mode.Clipboard)
        text = data.text() if data is not None and data.hasText() else None
        self._client.send_clipboard_text(text)


def _clipboard() -> QClipboard:
    board = QGuiApplication.clipboard()
    assert board is not None
    return board
