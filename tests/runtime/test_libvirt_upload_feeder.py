"""What the upload's stream is fed, without a daemon: the binding's own sparseSendAll loop
run against a stand-in stream sends a sparse file's data as data and its holes as holes,
counts both as progress, and stops at the next chunk once cancelled."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from kvmgui.runtime.libvirt_upload import _Feeder, _Stopped

libvirt = pytest.importorskip("libvirt")

MIB = 1 << 20


class Recorder:
    """Stands in for a virStream: records what sparseSendAll sends."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, int | bytes]] = []

    def send(self, data: bytes) -> int:
        self.sent.append(("data", data))
        return len(data)

    def sendHole(self, length: int, flags: int = 0) -> int:
        self.sent.append(("hole", length))
        return 0

    def abort(self) -> None:
        self.sent.append(("abort", 0))


def sparse_file(path: Path) -> Path:
    with path.open("wb") as f:
        f.truncate(16 * MIB)
        f.seek(4 * MIB)
        f.write(b"\x42" * MIB)
    return path


def feed(path: Path, stop: threading.Event, reports: list[int]) -> Recorder:
    stream = Recorder()
    with path.open("rb") as handle:
        feeder = _Feeder(handle.fileno(), os.path.getsize(path), stop, reports.append)
        libvirt.virStream.sparseSendAll(stream, feeder.read, feeder.hole, feeder.skip, None)
    return stream


def test_holes_go_as_holes_and_data_as_data(tmp_path: Path) -> None:
    path = sparse_file(tmp_path / "disk.raw")
    reports: list[int] = []
    stream = feed(path, threading.Event(), reports)
    holes = [n for kind, n in stream.sent if kind == "hole"]
    data = b"".join(d for kind, d in stream.sent if kind == "data" and isinstance(d, bytes))
    assert data == b"\x42" * MIB
    assert sum(n for n in holes if isinstance(n, int)) == 15 * MIB
    # Rebuilt from what was sent, the file is the same.
    rebuilt = bytearray()
    for _kind, item in stream.sent:
        rebuilt += item if isinstance(item, bytes) else b"\0" * int(item)
    assert bytes(rebuilt) == path.read_bytes()
    assert reports[-1] == 16 * MIB


def test_a_cancel_stops_at_the_next_chunk(tmp_path: Path) -> None:
    path = tmp_path / "full.raw"
    path.write_bytes(b"\x01" * 4 * MIB)
    stop = threading.Event()
    stop.set()
    with pytest.raises(_Stopped):
        feed(path, stop, [])
