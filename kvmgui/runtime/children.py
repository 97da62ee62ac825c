"""Short-lived helper programs (qemu-img, probes) that must die with us.

A helper that outlives kvmgui does harm: a `qemu-img convert` left running after the CLI was
killed keeps writing a 400 MB temporary file nobody will ever use, reparented to init. Such
children get the parent-death signal SIGKILL (prctl PR_SET_PDEATHSIG): the kernel kills them
the moment the thread that started them ends, however it ends (SIGKILL included). QEMU itself
is NOT started here: a guest must survive the app and the CLI by design (see process.py).

How the death signal is set, and why this way:
- `preexec_fn` is not used. It runs Python code in the forked child before exec, which the
  Python documentation calls unsafe in a program with threads (the app has Qt's and asyncio's
  threads: a lock held by one of them at fork time stays locked in the child forever), it
  forces a full fork() instead of vfork(), and subinterpreters refuse it.
- Instead the helper is started through `setpriv --pdeathsig KILL --` (util-linux, present
  on every Debian/Ubuntu system): setpriv sets the signal and execs the helper in place, so
  the helper is our direct child, with its own command line, and nothing of Python runs
  between fork and exec. The extra exec of a small C program costs about a millisecond.
- A `python -c` wrapper would do the same but costs tens of milliseconds per helper.
- What remains: a SIGKILL in the instant between fork and setpriv's prctl (about a
  millisecond, before the helper has done anything) leaves that helper untied.
- Without setpriv the helper is started directly, without the death signal; cancelling still
  stops it, only a SIGKILL of kvmgui itself would leave it running.

The death signal fires when the *thread* that forked the child ends, not the process:
asyncio forks in the event loop's thread. In the main thread that is the program's life; an
event loop in another thread (which may end before its helper) starts helpers untied.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import functools
import os
import shutil
import threading
from collections.abc import Sequence
from typing import IO, Any

_SETPRIV = ("setpriv", "--pdeathsig", "KILL", "--")


@functools.cache
def _setpriv() -> str | None:
    """The setpriv program when it can set a parent-death signal, else None."""
    for folder in ("/usr/bin", "/bin"):  # the system's own, never one from a user's PATH
        path = os.path.join(folder, "setpriv")
        if not os.access(path, os.X_OK):
            continue
        # util-linux < 2.33 has no --pdeathsig and would refuse to run anything; its option
        # table is in the binary, so looking for the word costs no process (read once).
        try:
            with open(path, "rb") as f:
                return path if b"pdeathsig" in f.read(4 * 1024 * 1024) else None
        except OSError:
            return None
    return None


def resolve_program(program: str) -> str:
    """The absolute path of `program` as exec would find it.

    Raises FileNotFoundError or PermissionError like a direct exec would, so callers keep
    their messages for a missing qemu-img even though setpriv is what actually execs it.
    """
    found = shutil.which(program)
    if found is not None:
        return os.path.abspath(found)
    if os.sep in program and os.path.exists(program):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), program)
    raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), program)


def tied_argv(argv: Sequence[str]) -> list[str]:
    """`argv` prefixed so that the program gets SIGKILL when our thread ends."""
    program = resolve_program(argv[0])
    setpriv = _setpriv()
    if setpriv is None or threading.current_thread() is not threading.main_thread():
        return [program, *argv[1:]]
    return [setpriv, *_SETPRIV[1:], program, *argv[1:]]


async def spawn_tied(
    argv: Sequence[str],
    *,
    stdin: int | IO[Any] | None = asyncio.subprocess.DEVNULL,
    stdout: int | IO[Any] | None = asyncio.subprocess.PIPE,
    stderr: int | IO[Any] | None = asyncio.subprocess.PIPE,
) -> asyncio.subprocess.Process:
    """Start a short-lived helper that dies with us (see the module docstring)."""
    return await asyncio.create_subprocess_exec(
        *tied_argv(argv), stdin=stdin, stdout=stdout, stderr=stderr,
    )


async def output_within(proc: asyncio.subprocess.Process, timeout: float | None
                        ) -> tuple[bytes, bytes] | None:
    """`proc`'s (stdout, stderr) once it exited, or None when it did not within `timeout`
    seconds: it is then killed and reaped."""
    try:
        return await asyncio.wait_for(proc.communicate(), timeout)
    except TimeoutError:
        with contextlib.suppress(ProcessLookupError):
            proc.kill()
        await proc.wait()
        return None
