"""Fixtures of the command-line tests: a private set of XDG folders, or a RunEnv for real VMs
(`env`, shared with tests/security from tests/runtime/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.runtime.conftest import env

__all__ = ["env", "vm_root"]


@pytest.fixture
def vm_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """XDG folders under tmp_path (the CLI reads them), the working folder there too; the
    folder where the CLI will keep its VMs."""
    for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                     ("XDG_CACHE_HOME", "cache"), ("XDG_RUNTIME_DIR", "run")):
        monkeypatch.setenv(var, str(tmp_path / sub))
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data" / "kvmgui" / "vms"
