"""Fixtures for the RFB client tests (QEMU helpers live in qemu_vm.py, shared with tests/ui)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.runtime.rfb.bootsectors import write_disk
from tests.runtime.rfb.qemu_vm import QEMU


@pytest.fixture
def keyecho_disk(tmp_path: Path) -> Path:
    """A disk that boots the key-echo guest (see bootsectors.py)."""
    return write_disk(tmp_path / "keyecho.img")


@pytest.fixture
def needs_qemu() -> None:
    if QEMU is None:
        pytest.skip("qemu-system-x86_64 is not installed (apt-get install qemu-system-x86)")
