"""runtime.keystrokes without QEMU: the input events of a stroke, pacing, progress, cancel."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from kvmgui.core.keyboard import Stroke, char_strokes
from kvmgui.core.model import KeyboardLayout
from kvmgui.runtime.keystrokes import stroke_events, type_strokes


def keys(events: list[dict[str, Any]]) -> list[tuple[int, bool]]:
    return [(e["data"]["key"]["data"], e["data"]["down"]) for e in events]


def test_a_plain_key_is_pressed_and_released_in_one_command() -> None:
    events = stroke_events(Stroke(0x1E))
    assert all(e["type"] == "key" and e["data"]["key"]["type"] == "number" for e in events)
    assert keys(events) == [(0x1E, True), (0x1E, False)]


def test_modifiers_wrap_the_key_and_altgr_is_the_right_alt_qnum() -> None:
    assert keys(stroke_events(Stroke(0x03, shift=True, altgr=True))) == [
        (0x2A, True), (0xB8, True), (0x03, True), (0x03, False), (0xB8, False), (0x2A, False),
    ]


@pytest.mark.asyncio
async def test_one_command_per_stroke_progress_per_character() -> None:
    sent: list[list[dict[str, Any]]] = []
    progress: list[tuple[int, int]] = []

    async def send(events: list[dict[str, Any]]) -> None:
        sent.append(events)

    groups = char_strokes("ê!", KeyboardLayout.FR)  # dead key + e, then !
    await type_strokes(send, groups, progress=lambda d, t: progress.append((d, t)), interval=0)
    assert len(sent) == 3
    assert progress == [(1, 2), (2, 2)]


@pytest.mark.asyncio
async def test_cancelling_stops_between_strokes() -> None:
    sent: list[list[dict[str, Any]]] = []

    async def send(events: list[dict[str, Any]]) -> None:
        sent.append(events)

    groups = char_strokes("x" * 1000, KeyboardLayout.EN_US)
    task = asyncio.ensure_future(type_strokes(send, groups, interval=0.001))
    await asyncio.sleep(0.05)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert 0 < len(sent) < 1000
    assert all(keys(events)[-1][1] is False for events in sent)  # nothing left pressed
