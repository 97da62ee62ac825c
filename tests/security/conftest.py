"""The runtime fixtures (a real VmManager over a private home), shared with tests/runtime."""

from tests.runtime.conftest import events, host_env, manager, run_env

__all__ = ["events", "host_env", "manager", "run_env"]
