"""QEMU as an operating-system process: launch it detached, find it again, watch it end, stop it.

- Launch: `os.posix_spawn` with `setsid` (QEMU gets its own session, so neither Ctrl-C in our
  terminal nor our death reaches it), stdin from /dev/null and stdout+stderr appended to the
  VM's log. No `subprocess.Popen` object exists, so nothing in the stdlib reaps the child
  behind our back and steals its exit status.
- Identity: a pid from a pidfile is only trusted when /proc/<pid>/cmdline is a QEMU whose
  arguments point into the VM's runtime folder (pids are reused), and the process is not a
  zombie.
- Exit: a pidfd (Linux ≥ 5.3) becomes readable when the process ends, whoever its parent is,
  so a QEMU started by another program is watched without polling; elsewhere /proc is polled
  slowly. When the QEMU is our own child we reap it (`waitpid`), which also gives its exit
  code; if we exit first, init adopts it and no zombie is left.
- Stop: signals go through the pidfd where possible, so a recycled pid is never signalled.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import fcntl
import os
import shutil
import signal
import stat
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kvmgui.core.leftovers import proc_stat_field, proc_stat_number
from kvmgui.core.messages import QT_TRANSLATE_NOOP, KvmguiError, Message
from kvmgui.core.paths import VmRuntimePaths
from kvmgui.runtime.display_auth import PASSWORD_FILE

POLL_INTERVAL_S = 1.0
_HAS_PIDFD = hasattr(os, "pidfd_open")


class LaunchError(KvmguiError):
    """QEMU could not be started at all; str() is one sentence for the user."""


# ------------------------------------------------------------------------------- folders


class UnsafeRuntimeDir(LaunchError):
    """A runtime folder that another user could have made or changed: never read from it."""


def check_private_dir(path: Path) -> None:
    """The one gate before anything in a runtime folder is trusted: `path` must be a real
    folder (not a symlink) that belongs to us and that no other user can enter (0700).

    Raises UnsafeRuntimeDir with one sentence otherwise. Every reader of a runtime folder
    (status, display, pause, delete, reattach, the app's scan) and every start goes through it,
    for the VM's folder and for the runtime folder holding it: with no XDG_RUNTIME_DIR they
    live in /tmp, where anyone can create a folder first.
    """
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise UnsafeRuntimeDir(Message(QT_TRANSLATE_NOOP(
            "runtime.process",
            "{path} is not a folder, so kvmgui will not use it as its runtime folder; remove "
            "it."), path=str(path)))
    if info.st_uid != os.getuid():
        raise UnsafeRuntimeDir(Message(QT_TRANSLATE_NOOP(
            "runtime.process",
            "{path} belongs to another user, so kvmgui will not trust or use it; remove it (as "
            "root) or set XDG_RUNTIME_DIR."), path=str(path)))
    if stat.S_IMODE(info.st_mode) & 0o077:
        raise UnsafeRuntimeDir(Message(QT_TRANSLATE_NOOP(
            "runtime.process",
            "{path} can be entered by other users, so kvmgui will not trust it; make it "
            "private with: chmod 700 {path}"), path=str(path)))


def check_run_folder(run: VmRuntimePaths) -> bool:
    """Gate a VM's runtime folder and its parent before reading them; False: it does not exist
    (nothing to read). Raises UnsafeRuntimeDir when either is not private to us."""
    for folder in (run.dir.parent, run.dir):
        try:
            check_private_dir(folder)
        except FileNotFoundError:
            return False
    return True


def ensure_private_dir(path: Path) -> None:
    """Create `path` (and missing parents) as folders only we can enter (0700).

    An existing folder must be ours and not a symlink; its mode is tightened if needed. Sockets
    and pidfiles in it are then safe from other users on the machine.
    """
    missing: list[Path] = []
    for candidate in (path, *path.parents):
        if candidate.exists() or candidate.is_symlink():
            break
        missing.append(candidate)
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            os.mkdir(folder, 0o700)
    info = os.lstat(path)
    if (stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid()
            and stat.S_IMODE(info.st_mode) & 0o077):
        os.chmod(path, 0o700)
    check_private_dir(path)


# ------------------------------------------------------------------------------- launching


def spawn_detached(
    argv: Sequence[str],
    *,
    log_path: Path,
    env: dict[str, str] | None = None,
) -> int:
    """Start `argv` in a new session with its output appended to `log_path`; return the pid.

    Raises LaunchError when the program cannot be found or executed.
    """
    program = argv[0]
    resolved = program if os.sep in program else shutil.which(program)
    if resolved is None:
        raise LaunchError(Message(QT_TRANSLATE_NOOP(
            "runtime.process",
            "QEMU ({program}) is not installed or not on the PATH; install it with: sudo apt "
            "install qemu-system-x86"), program=program))
    environ = dict(os.environ if env is None else env)
    log_fd = os.open(log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o600)
    null_fd = os.open(os.devnull, os.O_RDONLY | os.O_CLOEXEC)
    fds = [log_fd, null_fd]
    try:
        # A process started with stdio closed could get fds 0-2 here; dup2 onto itself would
        # keep CLOEXEC set and QEMU would start without that stream.
        if log_fd < 3:
            log_fd = fcntl.fcntl(log_fd, fcntl.F_DUPFD_CLOEXEC, 3)
            fds.append(log_fd)
        if null_fd < 3:
            null_fd = fcntl.fcntl(null_fd, fcntl.F_DUPFD_CLOEXEC, 3)
            fds.append(null_fd)
        actions = [
            (os.POSIX_SPAWN_DUP2, null_fd, 0),
            (os.POSIX_SPAWN_DUP2, log_fd, 1),
            (os.POSIX_SPAWN_DUP2, log_fd, 2),
        ]
        try:
            return os.posix_spawn(
                resolved,
                list(argv),
                environ,
                file_actions=actions,
                setsid=True,
                # Python ignores SIGPIPE and the caller may block signals; QEMU must start
                # with the defaults like any program run from a shell.
                setsigmask=(),
                setsigdef=(signal.SIGPIPE, signal.SIGXFSZ, signal.SIGINT, signal.SIGTERM,
                           signal.SIGHUP, signal.SIGQUIT),
            )
        except OSError as exc:
            raise LaunchError(Message(QT_TRANSLATE_NOOP(
                "runtime.process",
                "QEMU ({program}) could not be started: {strerror}; check that it is installed "
                "and executable."), program=resolved, strerror=exc.strerror or "")) from exc
    finally:
        for fd in fds:
            os.close(fd)


# ------------------------------------------------------------------------------- identity


def read_pidfile(path: Path) -> int | None:
    try:
        text = path.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() and int(text) > 0 else None


def proc_cmdline(pid: int) -> list[str] | None:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    return [os.fsdecode(part) for part in raw.split(b"\0")[:-1]] if raw else None


def proc_state(pid: int) -> str | None:
    """The one-letter state from /proc/<pid>/stat (R, S, D, Z, …), None if gone."""
    state = proc_stat_field(pid, 3)
    return state[:1].decode("ascii", "replace") if state else None


def is_alive(pid: int) -> bool:
    state = proc_state(pid)
    return state is not None and state not in ("Z", "X")


def is_vm_process(pid: int, run_dir: Path) -> bool:
    """True when `pid` is a live QEMU started for the VM whose runtime folder is `run_dir`."""
    if not is_alive(pid):
        return False
    args = proc_cmdline(pid)
    if not args or "qemu" not in os.path.basename(args[0]):
        return False
    marker = str(run_dir).rstrip("/") + "/"
    return any(marker in arg for arg in args[1:])


def find_vm_pid(run: VmRuntimePaths) -> int | None:
    """The pid of the VM's running QEMU according to its pidfile, verified; else None (also
    when the folder is not private to us: its pidfile is then not read)."""
    try:
        if not check_run_folder(run):
            return None
    except (UnsafeRuntimeDir, OSError):
        return None
    pid = read_pidfile(run.pidfile)
    if pid is not None and is_vm_process(pid, run.dir):
        return pid
    return None


def runtime_leftovers(run: VmRuntimePaths) -> list[Path]:
    """Files a QEMU leaves behind when it is killed: its pidfile and sockets."""
    names = (run.pidfile, run.qmp_socket, run.qmp_cli_socket, run.vnc_socket,
             run.spice_socket)
    extra = [p for p in _glob(run.dir, "*.sock") if p not in names]
    return [p for p in (*names, *extra) if p.exists() or p.is_symlink()]


def _glob(folder: Path, pattern: str) -> list[Path]:
    try:
        return sorted(folder.glob(pattern))
    except OSError:
        return []


def remove_leftovers(run: VmRuntimePaths, *, include_meta: bool = True) -> list[Path]:
    """Delete the pidfile, sockets (and meta.json). The caller has checked nothing runs."""
    removed = []
    # The display password belongs to the run that made it.
    run_files = [run.meta_file, run.dir / PASSWORD_FILE] if include_meta else []
    targets = runtime_leftovers(run) + run_files
    for path in targets:
        try:
            path.unlink()
            removed.append(path)
        except FileNotFoundError:
            pass
    return removed


def reap_if_child(pid: int) -> ExitStatus:
    """Collect the exit status of `pid` if it is our exited child (no zombie remains).

    Returns an unknown status when it is not our child or has not exited.
    """
    try:
        got, status = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return ExitStatus()
    if got == 0:
        return ExitStatus()
    code = os.waitstatus_to_exitcode(status)
    return ExitStatus(signal=-code) if code < 0 else ExitStatus(code=code)


# ------------------------------------------------------------------------------- start lock


class StartLock:
    """An exclusive flock on the VM's start.lock, held while a QEMU is being launched.

    flock belongs to the open file, so it also excludes a second manager in the same process;
    the fd is close-on-exec, so QEMU never inherits (and never keeps) the lock.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def try_acquire(self) -> bool:
        if self._fd is not None:
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN):
                return False
            raise
        self._fd = fd
        return True

    async def acquire(self, timeout: float) -> bool:
        """Wait (without blocking the loop) up to `timeout` seconds for the lock."""
        deadline = time.monotonic() + timeout
        while not self.try_acquire():
            if time.monotonic() >= deadline:
                return False
            await asyncio.sleep(0.05)
        return True

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)  # closing drops the flock

    def is_busy(self) -> bool:
        """Someone else holds the lock right now (a launch is in progress)."""
        if self._fd is not None:
            return False
        if not self.path.exists():
            return False
        if self.try_acquire():
            self.release()
            return False
        return True


# ------------------------------------------------------------------------------- exit watching


@dataclass(frozen=True)
class ExitStatus:
    """How a process ended: `code` or `signal` when we could reap it, else both None."""

    code: int | None = None
    signal: int | None = None

    @property
    def known(self) -> bool:
        return self.code is not None or self.signal is not None

    def describe(self) -> Message:
        if self.signal is not None:
            try:
                name: str = signal.Signals(self.signal).name
            except ValueError:
                name = Message(QT_TRANSLATE_NOOP("runtime.process", "signal {signal}"),
                               signal=self.signal)
            return Message(QT_TRANSLATE_NOOP(
                "runtime.process", "QEMU was killed by signal {signal} ({name})"),
                signal=self.signal, name=name)
        if self.code is not None:
            return Message(QT_TRANSLATE_NOOP("runtime.process", "QEMU exited with code {code}"),
                           code=self.code)
        return Message(QT_TRANSLATE_NOOP("runtime.process", "QEMU ended unexpectedly"))


class ProcessWatch:
    """Notices when one process ends (our child or not) and reaps it if it is our child."""

    def __init__(self, pid: int, *, poll_interval: float = POLL_INTERVAL_S) -> None:
        self.pid = pid
        self._poll_interval = poll_interval
        self._pidfd: int | None = None
        self._done: asyncio.Future[ExitStatus] | None = None
        self._poller: asyncio.Task[None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        if _HAS_PIDFD:
            try:
                self._pidfd = os.pidfd_open(pid)
            except ProcessLookupError:
                self._pidfd = None
            except OSError as exc:  # ENOSYS on old kernels, EPERM under some sandboxes
                if exc.errno not in (errno.ENOSYS, errno.EPERM, errno.EINVAL):
                    raise

    def start(self) -> asyncio.Future[ExitStatus]:
        if self._done is not None:
            return self._done
        self._loop = asyncio.get_running_loop()
        self._done = self._loop.create_future()
        if self._pidfd is not None:
            self._loop.add_reader(self._pidfd, self._on_pidfd)
        elif not is_alive(self.pid):
            self._finish()
        else:
            self._poller = self._loop.create_task(self._poll())
        return self._done

    async def wait(self, timeout: float | None = None) -> ExitStatus | None:
        """The exit status once the process has ended; None if `timeout` passes first."""
        fut = self.start()
        if timeout is None:
            return await asyncio.shield(fut)
        try:
            return await asyncio.wait_for(asyncio.shield(fut), timeout)
        except TimeoutError:
            return None

    @property
    def exited(self) -> bool:
        return self._done is not None and self._done.done()

    def _on_pidfd(self) -> None:
        if self._loop is not None and self._pidfd is not None:
            self._loop.remove_reader(self._pidfd)
        self._finish()

    async def _poll(self) -> None:
        while is_alive(self.pid):
            await asyncio.sleep(self._poll_interval)
        self._finish()

    def _finish(self) -> None:
        status = reap_if_child(self.pid)
        if self._done is not None and not self._done.done():
            self._done.set_result(status)
        self._close_fd()

    def send_signal(self, sig: int) -> bool:
        """Signal the process; False if it has already gone."""
        if self.exited:
            return False
        try:
            if self._pidfd is not None:
                signal.pidfd_send_signal(self._pidfd, sig)
            else:
                os.kill(self.pid, sig)
        except ProcessLookupError:
            return False
        return True

    def _close_fd(self) -> None:
        if self._pidfd is not None:
            fd, self._pidfd = self._pidfd, None
            if self._loop is not None and not self._loop.is_closed():
                with contextlib.suppress(Exception):
                    self._loop.remove_reader(fd)
            os.close(fd)

    def close(self) -> None:
        """Stop watching (the process keeps running)."""
        if self._poller is not None:
            self._poller.cancel()
            self._poller = None
        if self._done is not None and not self._done.done():
            self._done.cancel()
        self._close_fd()


async def terminate(watch: ProcessWatch, *, term_timeout: float = 5.0,
                    kill_timeout: float = 5.0) -> ExitStatus | None:
    """SIGTERM, then SIGKILL if it is still there; returns the exit status (None: unkillable)."""
    if watch.exited:
        return await watch.wait()
    for sig, timeout in ((signal.SIGTERM, term_timeout), (signal.SIGKILL, kill_timeout)):
        if not watch.send_signal(sig):
            break
        status = await watch.wait(timeout)
        if status is not None:
            return status
    return await watch.wait(0.5)


def parent_pid(pid: int) -> int | None:
    return proc_stat_number(pid, 4)


_REAPERS: set[ProcessWatch] = set()


def keep_reaping(watch: ProcessWatch) -> None:
    """Keep watching a QEMU that is our child after its owner has let go of it.

    QEMU must outlive the controller that started it, but while this process lives, a child
    that exits stays a zombie until someone reaps it; this watch does that and then goes away.
    """
    if watch.exited or parent_pid(watch.pid) != os.getpid():
        watch.close()
        return
    _REAPERS.add(watch)
    watch.start().add_done_callback(lambda _f: _REAPERS.discard(watch))
