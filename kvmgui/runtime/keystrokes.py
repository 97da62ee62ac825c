"""Typing text into a running guest as key presses, over QMP ("Paste as keystrokes",
`kvmgui-cli type`).

core.keyboard turns the text into physical key strokes for the guest's layout; here each
stroke becomes QEMU input events (`input-send-event`: modifiers down, key down, key up,
modifiers up), one command per stroke, paced. Why paced: QEMU's emulated PS/2 keyboard holds
16 bytes and drops what comes while it is full, and a stroke is up to 8 of them (AltGr is
E0-prefixed). Measured with the test guest under TCG (QEMU 7.2, idle and CPU-bound guest
alike): a 57-character line sent in one command arrived as its first 7 characters; one
command per stroke with no pause lost keys, among them a Shift release, so the rest of the
line came out in capitals; 5 ms between strokes lost nothing in 240 characters.
KEY_INTERVAL_S is three times that: about 50 characters a second.
The key and its release travel in the same command, so no guest ever sees a key held long
enough to repeat.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from kvmgui.core.keyboard import SC_ALTGR, SC_LEFT_SHIFT, Stroke, qemu_keycode

KEY_INTERVAL_S = 0.015

Progress = Callable[[int, int], object]  # (characters typed, characters in all)
SendEvents = Callable[[list[dict[str, Any]]], Awaitable[object]]


def _key_event(scancode: int, down: bool) -> dict[str, Any]:
    # QEMU's "number" key values are qnums: the scancode, 0x80 added for E0-prefixed keys.
    return {"type": "key",
            "data": {"down": down, "key": {"type": "number", "data": qemu_keycode(scancode)}}}


def stroke_events(stroke: Stroke) -> list[dict[str, Any]]:
    """The input-send-event events of one stroke: its modifiers wrap the key's press."""
    modifiers = [key for key, held in ((SC_LEFT_SHIFT, stroke.shift), (SC_ALTGR, stroke.altgr))
                 if held]  # fmt: skip
    return [
        *(_key_event(key, True) for key in modifiers),
        _key_event(stroke.key, True),
        _key_event(stroke.key, False),
        *(_key_event(key, False) for key in reversed(modifiers)),
    ]


async def type_strokes(
    send: SendEvents,
    groups: Sequence[tuple[Stroke, ...]],
    *,
    progress: Progress | None = None,
    interval: float = KEY_INTERVAL_S,
) -> None:
    """Send each character's strokes through `send` (one input-send-event's events per call),
    `interval` apart; `progress(done, total)` after each character. Cancelling stops between
    strokes, with no key left pressed."""
    total = len(groups)
    for done, strokes in enumerate(groups, start=1):
        for stroke in strokes:
            await send(stroke_events(stroke))
            await asyncio.sleep(interval)
        if progress is not None:
            progress(done, total)
