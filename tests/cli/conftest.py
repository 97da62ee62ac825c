"""Fixtures of the command-line tests: a private set of XDG folders, or a RunEnv for real VMs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.runtime.helpers import RunEnv, sockets_under


@pytest.fixture
def vm_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """XDG folders under tmp_path (the CLI reads them), the working folder there too; the
    folder where the CLI will keep its VMs."""
    for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                     ("XDG_CACHE_HOME", "cache"), ("XDG_RUNTIME_DIR", "run")):
        monkeypatch.setenv(var, str(tmp_path / sub))
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data" / "kvmgui" / "vms"


@pytest.fixture
def env() -> Iterator[RunEnv]:
    """A RunEnv (short socket paths) that must end with no QEMU running and no socket left."""
    run_env = RunEnv.create()
    yield run_env
    socks = sockets_under(run_env.root)
    leftovers = run_env.cleanup()
    assert not leftovers, f"QEMU pid(s) {leftovers} left running"
    assert not socks, f"sockets left behind: {socks}"
