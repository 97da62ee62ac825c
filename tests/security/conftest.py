"""The runtime fixtures (a real VmManager over a private home; `env`, a RunEnv for the CLI),
shared with tests/runtime and tests/cli, and a watch on listening sockets around every test
(tests/security/listening.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.runtime.conftest import env, events, host_env, manager, run_env
from tests.security.listening import ExposureWatch, exposure_watch

__all__ = ["env", "events", "exposure_watch", "host_env", "manager", "no_exposed_listener",
           "run_env"]


@pytest.fixture(autouse=True)
def no_exposed_listener(exposure_watch: ExposureWatch) -> Iterator[None]:
    yield
