"""The suite's leak check, loaded for every test through tests/conftest.py.

An autouse session fixture: when the session ends it fails if any QEMU process started during
the session is still alive (found by a variable every process of the session inherits, or by a
command line pointing into a folder made by tests.runtime.helpers.short_tmp), or if any socket
is left in those folders. It kills what it finds, so a failure never leaves processes behind.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.runtime.helpers import (
    kill_all,
    leaked_processes,
    leaked_sockets,
    mark_session,
    qemu_pids_of_session,
    registered_dirs,
)


@pytest.fixture(scope="session", autouse=True)
def no_qemu_left_behind() -> Iterator[None]:
    token = uuid.uuid4().hex
    mark_session(token)
    yield
    processes = leaked_processes()
    strays = [p for p in qemu_pids_of_session(token)
              if not any(p in pids for pids in processes.values())]
    if strays:
        processes[Path("(elsewhere)")] = strays
    sockets = leaked_sockets()
    for pids in processes.values():
        kill_all(pids)
    if not processes and not sockets:
        for folder in registered_dirs():
            shutil.rmtree(folder, ignore_errors=True)
    problems = [f"QEMU pid(s) {pids} still running in {folder}"
                for folder, pids in processes.items()]
    problems += [f"socket(s) left behind: {[str(s) for s in socks]}"
                 for socks in sockets.values()]
    assert not problems, "The test suite leaked:\n" + "\n".join(problems)
