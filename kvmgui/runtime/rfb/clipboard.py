"""Clipboard text over RFB: the classic cut-text messages and QEMU's extended clipboard. No Qt.

Two forms exist on the wire:
- ClientCutText (type 6) and ServerCutText (type 3) with a non-negative length carry Latin-1
  text (the classic RFB messages).
- The Extended Clipboard pseudo-encoding (0xC0A1E5CE): once a client lists it in
  SetEncodings, the same message types carry a negative length, a 32-bit flags word (one
  action: caps, request, peek, notify or provide; plus the formats it is about) and, for caps
  and provide, a payload. QEMU's VNC server (since 6.0) speaks only this form to clients:
  it announces its caps right after SetEncodings, tells a client "notify: text is
  available" when the guest's agent or another viewer owns the clipboard, and sends the
  text (zlib: a 32-bit size, then UTF-8) only after the client's "request". It relays the
  other way round the same lazy way: a client notifies, QEMU asks with "request" when
  someone pastes, the client provides. The classic ServerCutText is never sent by QEMU.

Text is sent as QEMU's own displays hand it on: UTF-8 without a trailing NUL and with the
host's line ends; the agent in the guest passes it as it is. Text that arrives loses a
trailing NUL and has CRLF turned into LF (Windows guests' agent sends CRLF).

`ClipboardChannel` holds one session's clipboard state and decides what to send; the client
feeds it what the server sent and the host clipboard's changes, and writes the bytes it
returns. Nothing here reads or writes a clipboard of the desktop.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from enum import IntFlag

from kvmgui.runtime.rfb.protocol import ClientMsg

# 0xC0A1E5CE as the signed 32-bit value SetEncodings carries.
EXTENDED_CLIPBOARD = -0x3F5E1A32
# The largest text accepted or sent, in bytes (QEMU's own limit for a client message).
MAX_TEXT = 1 << 20


class Flag(IntFlag):
    TEXT = 1 << 0
    RTF = 1 << 1
    HTML = 1 << 2
    DIB = 1 << 3
    FILES = 1 << 4
    CAPS = 1 << 24
    REQUEST = 1 << 25
    PEEK = 1 << 26
    NOTIFY = 1 << 27
    PROVIDE = 1 << 28


FORMATS = Flag.TEXT | Flag.RTF | Flag.HTML | Flag.DIB | Flag.FILES
ACTIONS = Flag.CAPS | Flag.REQUEST | Flag.PEEK | Flag.NOTIFY | Flag.PROVIDE


# -- messages the client sends ------------------------------------------------------------------


def client_cut_text(text: str) -> bytes:
    """The classic ClientCutText: Latin-1, characters outside it become '?'."""
    data = text.encode("latin-1", "replace")[:MAX_TEXT]
    return struct.pack(">BxxxI", ClientMsg.CLIENT_CUT_TEXT, len(data)) + data


def extended_cut_text(flags: int, payload: bytes = b"") -> bytes:
    """An extended clipboard message: the length is -(4 + payload), then flags, payload."""
    return (
        struct.pack(">Bxxxii", ClientMsg.CLIENT_CUT_TEXT, -(4 + len(payload)), _signed(flags))
        + payload
    )


def caps_message() -> bytes:
    """What the client handles: text, with every action QEMU uses, up to MAX_TEXT bytes."""
    flags = Flag.CAPS | Flag.REQUEST | Flag.NOTIFY | Flag.PROVIDE | Flag.TEXT
    return extended_cut_text(flags, struct.pack(">I", MAX_TEXT))


def notify_message(has_text: bool) -> bytes:
    """A notify: the clipboard changed and now holds text (`has_text`) or none."""
    return extended_cut_text(Flag.NOTIFY | (Flag.TEXT if has_text else 0))


def request_text_message() -> bytes:
    return extended_cut_text(Flag.REQUEST | Flag.TEXT)


def provide_text_message(text: str) -> bytes:
    data = text.encode("utf-8")
    if len(data) > MAX_TEXT:
        data = b""  # too large to share: provide nothing rather than cut a character in two
    packed = struct.pack(">I", len(data)) + data
    return extended_cut_text(Flag.PROVIDE | Flag.TEXT, zlib.compress(packed))


def _signed(flags: int) -> int:
    return flags - (1 << 32) if flags & (1 << 31) else flags


# -- messages the server sends ------------------------------------------------------------------


@dataclass(frozen=True)
class CutText:
    """One ServerCutText. `extended`: QEMU's form (then `flags` and `payload`); otherwise
    `payload` is the classic Latin-1 text."""

    extended: bool
    flags: int = 0
    payload: bytes = b""

    @property
    def action(self) -> Flag:
        return Flag(self.flags & ACTIONS)

    @property
    def has_text(self) -> bool:
        return bool(self.flags & Flag.TEXT)


def parse_server_cut_text(length: int, body: bytes) -> CutText | None:
    """A ServerCutText from its signed length field and the `abs(length)` bytes after it;
    None for an extended message too short to hold its flags."""
    if length >= 0:
        return CutText(False, payload=body)
    if len(body) < 4:
        return None
    (flags,) = struct.unpack(">I", body[:4])
    return CutText(True, flags, body[4:])


def provided_text(message: CutText) -> str | None:
    """The text in a "provide" message; None when it holds none or is damaged or too big.

    The payload is one zlib stream of, for every format flag set in order, a 32-bit size and
    that many bytes; text is the first format, so only its record is read.
    """
    if not message.has_text:
        return None
    inflater = zlib.decompressobj()
    try:
        data = inflater.decompress(message.payload, 4 + MAX_TEXT + 1)
    except zlib.error:
        return None
    if len(data) < 4:
        return None
    (size,) = struct.unpack(">I", data[:4])
    if size > MAX_TEXT or len(data) < 4 + size:
        return None
    return clean_text(data[4 : 4 + size].decode("utf-8", "replace"))


def clean_text(text: str) -> str:
    """Guest text for the host: no NUL terminator, LF line ends."""
    return text.split("\0", 1)[0].replace("\r\n", "\n")


# -- one session's state ----------------------------------------------------------------------


@dataclass
class ClipboardChannel:
    """What to send when the server's cut text or the host's clipboard changes.

    `sharing` is the user's choice and may change during the session: while it is off
    nothing is sent and nothing received reaches the host (`from_server` returns no text).
    `advertised` says the client listed the extended clipboard in SetEncodings; the
    extended form is used once the server answered with its caps. If the first screen
    update arrives without them (a server without the extension), the classic messages are
    used instead.
    """

    sharing: bool = False
    advertised: bool = False
    extended: bool = False  # the server announced the extended clipboard
    classic: bool = False  # the server did not: classic Latin-1 messages
    # The host text announced and not yet asked for (QEMU asks when the guest pastes), or held
    # until the server's form is known.
    _host_text: str | None = None
    _pending: bool = False  # host text changed before the server's form was known
    # The last text from the guest: when the host clipboard then reports it as a change, it
    # is the guest's own text coming back, not news for the guest.
    _from_guest: str | None = None

    def set_sharing(self, on: bool) -> list[bytes]:
        """The user turned sharing on or off. Off after host text was announced: withdraw it
        (a notify without text), so a later paste in the guest does not wait for text that
        will never come."""
        was, self.sharing = self.sharing, on
        out: list[bytes] = []
        if was and not on and self.extended and self._host_text is not None:
            out = [notify_message(False)]
        if not on:
            self._host_text, self._pending, self._from_guest = None, False, None
        return out

    def host_changed(self, text: str | None) -> list[bytes]:
        """The host clipboard now holds `text` (None: no text). Returns the bytes to send."""
        if not self.sharing:
            return []
        if text is not None and text == self._from_guest:
            return []
        self._from_guest = None
        self._host_text = text
        if self.extended:
            return self._out(notify_message(text is not None))
        if self.classic:
            return self._out(client_cut_text(text)) if text is not None else []
        self._pending = True  # the server's caps are on their way
        return []

    def from_server(self, message: CutText) -> tuple[list[bytes], str | None]:
        """Handle one ServerCutText. Returns (bytes to send, text for the host clipboard)."""
        if not message.extended:
            if not self.sharing:
                return [], None
            text = clean_text(message.payload[:MAX_TEXT].decode("latin-1"))
            self._from_guest = text
            return [], text
        action = message.action
        out: list[bytes] = []
        if action & Flag.CAPS:
            self.extended, self.classic = True, False
            out = self._out(caps_message())
            if self._pending and self.sharing:
                out += self._out(notify_message(self._host_text is not None))
            self._pending = False
            return out, None
        if not self.sharing:
            return [], None
        if action & Flag.NOTIFY:
            if message.has_text:
                out = self._out(request_text_message())
            return out, None
        if action & Flag.REQUEST:
            if message.has_text and self._host_text is not None:
                out = self._out(provide_text_message(self._host_text))
            return out, None
        if action & Flag.PROVIDE:
            provided = provided_text(message)
            if provided is not None:
                self._from_guest = provided
            return [], provided
        return [], None

    def first_update(self) -> list[bytes]:
        """A screen update arrived: a server that has not sent its caps by now has none."""
        if self.extended or self.classic:
            return []
        self.classic = True
        if self._pending and self.sharing and self._host_text is not None:
            self._pending = False
            return self._out(client_cut_text(self._host_text))
        self._pending = False
        return []

    def _out(self, data: bytes) -> list[bytes]:
        return [data]
