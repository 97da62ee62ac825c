"""The runtime fixtures (a real VmManager over a private home), shared with tests/runtime; a
watch on listening sockets around every test (tests/security/listening.py); and no core files:
the fault tests crash QEMU on purpose (SIGSEGV), and QEMU inherits our limits."""

from __future__ import annotations

import resource
from collections.abc import Iterator

import pytest

from tests.runtime.conftest import events, host_env, manager, run_env
from tests.security.listening import ExposureWatch, exposure_watch

__all__ = ["events", "exposure_watch", "host_env", "manager", "no_core_files",
           "no_exposed_listener", "run_env"]


@pytest.fixture(autouse=True)
def no_exposed_listener(exposure_watch: ExposureWatch) -> Iterator[None]:
    yield


@pytest.fixture(autouse=True)
def no_core_files() -> Iterator[None]:
    soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
    resource.setrlimit(resource.RLIMIT_CORE, (0, hard))
    yield
    resource.setrlimit(resource.RLIMIT_CORE, (soft, hard))
