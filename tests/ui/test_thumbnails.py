"""ThumbnailPoller: which guests are asked for a picture, and what an unchanged screen costs.

The runtime side is faked (a controller that hands PNG bytes): what is checked here is the
poller's own work, that a screen seen before is neither decoded again nor handed to the list,
and that guests whose card is off screen are not asked at all."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage

from kvmgui.core.model import OsPreset
from kvmgui.runtime.outcome import Outcome
from kvmgui.runtime.state import VmState
from kvmgui.ui.models import VmListModel, VmRow
from kvmgui.ui.thumbnails import ThumbnailPoller


def _png(colour: str) -> bytes:
    image = QImage(64, 36, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs miss QIODevice
    return bytes(data.data())


class FakeController:
    def __init__(self, screens: list[bytes]) -> None:
        self.screens = screens
        self.asked = 0

    async def screen_png(self) -> Outcome:
        screen = self.screens[self.asked % len(self.screens)]
        self.asked += 1
        return Outcome.success("", value=screen)


def _poller(
    controllers: dict[str, FakeController], visible: Callable[[], list[str]] | None = None
) -> tuple[ThumbnailPoller, Any]:
    model = VmListModel()
    model.set_rows([VmRow(vm_id, vm_id, OsPreset.LINUX, 64, 1) for vm_id in controllers])
    for vm_id in controllers:
        model.update(vm_id, state=VmState.RUNNING)
    ctx = SimpleNamespace(
        settings=SimpleNamespace(thumbnail_interval_s=5.0),
        manager=object(),
        controller=controllers.get,
    )
    return ThumbnailPoller(ctx, model, visible_ids=visible), model  # type: ignore[arg-type]


def test_a_screen_seen_before_is_not_decoded_again(qloop: Any, run_async: Any) -> None:
    blink = FakeController([_png("#000000"), _png("#ffffff")])  # a blinking cursor
    poller, model = _poller({"a": blink})
    changes: list[Any] = []
    model.dataChanged.connect(lambda *args: changes.append(args))

    first = run_async(poller.screenshot("a"))
    second = run_async(poller.screenshot("a"))
    assert first is not None and second is not None and first is not second
    model.update("a", thumbnail=second)
    # Back to the first picture: the decoded one is handed again, nothing decoded.
    assert run_async(poller.screenshot("a")) is first
    model.update("a", thumbnail=first)

    steady = FakeController([_png("#123456")])
    poller, model = _poller({"b": steady})
    shown = run_async(poller.screenshot("b"))
    model.update("b", thumbnail=shown)
    changes.clear()
    model.dataChanged.connect(lambda *args: changes.append(args))
    for _ in range(3):
        task = poller.refresh_soon("b")
        assert task is not None
        assert run_async(task) is None  # the same screen: nothing for the list
    assert poller.unchanged == 3 and changes == []
    row = model.get("b")
    assert row is not None and row.thumbnail is shown


def test_only_guests_on_screen_are_asked(qloop: Any, run_async: Any) -> None:
    controllers = {vm_id: FakeController([_png("#204080")]) for vm_id in ("a", "b", "c")}
    on_screen = ["a"]
    poller, _model = _poller(controllers, lambda: on_screen)
    poller.tick()
    run_async(_settled(poller))
    assert [c.asked for c in controllers.values()] == [1, 0, 0]
    on_screen.clear()  # the window is minimised or shows a console
    poller.tick()
    run_async(_settled(poller))
    assert [c.asked for c in controllers.values()] == [1, 0, 0]


async def _settled(poller: ThumbnailPoller) -> None:
    """Give the requests a tick started time to finish."""
    await asyncio.sleep(0.2)
