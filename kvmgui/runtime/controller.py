"""One VM's runtime: its QEMU process, its QMP session, its state, and the actions on it.

Rules that keep it sane:
- One asyncio.Lock per VM serialises the actions, so a double-clicked Start launches one QEMU
  and Stop cannot race Start. Across processes (the app and kvmgui-cli) an flock on the VM's
  start.lock is held while launching or deleting, and whether a QEMU runs is checked under it.
- Whether a QEMU runs is decided by liveness.find_running: its pidfile, and else any QEMU of
  this user naming the VM (started from another session, or with its runtime folder removed).
  Such a QEMU is reattached through its own folder's sockets when they are ours to reach, or
  reported running "from another session" and never started a second time.
- QEMU starts with -S; we connect to QMP, then `cont`, so no event is ever missed.
- The state changes on QMP events (STOP, RESUME, POWERDOWN, SHUTDOWN, RESET, GUEST_PANICKED,
  BLOCK_IO_ERROR, DEVICE_TRAY_MOVED) and on the process's exit (pidfd); it is never polled.
  On (re)connect `query-status` says where we are.
- Every QEMU run gets a number; callbacks from an older run are ignored.
- Actions return an Outcome with a plain message; they never raise for expected failures.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Never, TypeVar

from kvmgui.core.messages import QT_TRANSLATE_NOOP, SENTENCE, Message, Template, joined, plural
from kvmgui.core.model import KeyboardLayout, VmSpec
from kvmgui.core.store import StoredVm, StoreError
from kvmgui.core.trust import Approvals, start_refusal

# The modules that start a QEMU or act on a running one (launch and the argv builder, actions,
# cd_media, usb_host, typing keys) are imported by the methods that use them: every VM
# has a controller, and a list of stopped VMs needs none of them (about 2.5 MiB resident).
from kvmgui.runtime import display_auth, liveness, process
from kvmgui.runtime.context import MonitorRole, RuntimeContext, file_roles
from kvmgui.runtime.events import ConsoleAvailable, DiskError, GuestReset, StateChanged, TrayMoved
from kvmgui.runtime.exits import GUEST_CRASHED, exit_verdict
from kvmgui.runtime.outcome import Outcome
from kvmgui.runtime.qemu_errors import read_log_since, tail
from kvmgui.runtime.qmp_session import (
    RECONNECT_DELAYS_S,
    QmpBusy,
    QmpCommandError,
    QmpError,
    QmpSession,
    QmpTimeout,
    connect_first,
)
from kvmgui.runtime.runfiles import (
    LastExit,
    RunMeta,
    clear_last_exit,
    read_last_exit,
    read_meta,
    write_last_exit,
)
from kvmgui.runtime.state import VmState, VmStatus, from_qmp_status
from kvmgui.runtime.tasks import cancel_and_wait

if TYPE_CHECKING:
    from kvmgui.runtime.keystrokes import Progress
    from kvmgui.runtime.write_guard import WriteGuard

__all__ = ["MonitorRole", "RuntimeContext", "VmController"]

log = logging.getLogger(__name__)

V = TypeVar("V")  # what an action run through with_monitor / while_stopped hands back

START_LOCK_WAIT_S = 60.0  # another process may be creating a disk for the same VM
LAUNCH_TIMEOUT_S = 30.0  # QEMU's monitor must answer within this after launch
QUIT_WAIT_S = 5.0
QUIT_ANSWER_S = 3.0  # a QEMU that does not answer `quit` in this time is hung
HUNG_TERM_WAIT_S = 1.0  # SIGTERM → SIGKILL for a hung QEMU
CLOSE_EVENTS_WAIT_S = 2.0
UPGRADE_INTERVAL_S = 10.0


class VmController:
    def __init__(self, stored: StoredVm, ctx: RuntimeContext) -> None:
        self.stored = stored
        self._ctx = ctx
        # The VM's own runtime folder; `run` is the one its current QEMU uses (the same, or
        # the folder of the session or version that started it).
        self._home_run = ctx.paths.vm_runtime(stored.spec.id)
        self.run = self._home_run
        self._runtime_problem: str | None = None
        self._unreachable = False  # its QEMU runs from a folder kvmgui cannot reach
        self._lock = asyncio.Lock()
        self._state = VmState.STOPPED
        self._reason = ""
        self._details = ""
        self._qmp_status: str | None = None
        self._pid: int | None = None
        self._watch: process.ProcessWatch | None = None
        self._exit_task: asyncio.Task[None] | None = None
        self._session: QmpSession | None = None
        self._session_socket: Path | None = None
        self._reconnect_task: asyncio.Task[None] | None = None
        self._upgrade_task: asyncio.Task[None] | None = None
        self._powerdown_timer: asyncio.TimerHandle | None = None
        self._meta: RunMeta | None = None
        self._run_id = 0
        self._shutdown_reason: str | None = None
        self._panicked = False
        self._forced = False
        self._pause_reason = ""
        self._shot = 0
        self._closed = False

    # -- what it is ------------------------------------------------------------------------

    @property
    def vm_id(self) -> str:
        return self.stored.spec.id

    @property
    def name(self) -> str:
        return self.stored.spec.name

    @property
    def spec(self) -> VmSpec:
        return self.stored.spec

    @property
    def state(self) -> VmState:
        return self._state

    @property
    def reason(self) -> str:
        """Why the VM is in its state (one sentence; empty when obvious)."""
        return self._reason

    @property
    def pid(self) -> int | None:
        return self._pid

    @property
    def runtime_problem(self) -> str | None:
        """Why kvmgui will not read this VM's runtime folder (another user made it), or None."""
        return self._runtime_problem

    @property
    def monitor_socket(self) -> Path | None:
        """The QMP socket this controller holds (None: not connected)."""
        return self._session_socket if self._session is not None else None

    def status(self) -> VmStatus:
        meta = self._meta if self._pid is not None else None
        return VmStatus(
            vm_id=self.vm_id,
            name=self.name,
            state=self._state,
            reason=self._reason,
            details=self._details,
            pid=self._pid,
            started_at=meta.started_at if meta else None,
            accel=(meta.accel or None) if meta else None,
            display=(meta.display if meta else None) if self._pid is not None else None,
            qmp_status=self._qmp_status if self._pid is not None else None,
        )

    def update_definition(self, stored: StoredVm) -> None:
        """The store has a newer definition (takes effect at the next start)."""
        self.stored = stored

    def refresh_definition(self) -> StoredVm:
        """Read the VM's definition from the store again (another program may have saved
        it), and keep it."""
        fresh = self._ctx.refresh(self.vm_id)
        if fresh is not None:
            self.stored = fresh
        return self.stored

    def save_definition(self, change: Callable[[VmSpec], VmSpec]) -> StoredVm:
        """Save `change` applied to the newest stored definition (a live change the VM keeps
        for its next start: USB devices attached or detached). Raises StoreError."""
        if self._ctx.save is None:
            raise StoreError(Message(QT_TRANSLATE_NOOP(
                "runtime.controller", "The definition of '{name}' cannot be changed here."),
                name=self.name))
        fresh = self.refresh_definition()
        new = change(fresh.spec)
        if new != fresh.spec:
            self.stored = self._ctx.save(replace(fresh, spec=new))
        return self.stored

    # -- state -----------------------------------------------------------------------------

    def _set_state(self, state: VmState, reason: str = "", details: str = "") -> None:
        if (state, reason, details) == (self._state, self._reason, self._details):
            return
        self._state, self._reason, self._details = state, reason, details
        log.debug("%s: %s (%s)", self.name, state, reason)
        self._ctx.publish(StateChanged(self.vm_id, state, reason, details))

    def _apply_qmp_status(self, status: dict[str, Any], *, starting: bool = False) -> None:
        name = str(status.get("status", ""))
        self._qmp_status = name
        mapped = from_qmp_status(name)
        if name == "prelaunch" and starting:
            return
        if mapped.state is VmState.CRASHED:
            self._panicked = name == "guest-panicked"
        self._set_state(mapped.state, mapped.reason)

    # -- QMP events ------------------------------------------------------------------------

    def _event_handler(self, run_id: int) -> Callable[[str, dict[str, Any], float], None]:
        def handle(name: str, data: dict[str, Any], _when: float) -> None:
            if run_id == self._run_id:
                self._on_event(name, data)

        return handle

    def _on_event(self, name: str, data: dict[str, Any]) -> None:
        if name == "STOP":
            self._qmp_status = "paused"
            reason, self._pause_reason = self._pause_reason, ""
            if self._state not in (VmState.CRASHED, VmState.STOPPED):
                self._set_state(VmState.PAUSED, reason)
        elif name == "RESUME":
            self._qmp_status = "running"
            self._panicked = False
            # A resume does not cancel a shutdown in progress (shutdown() resumes a paused
            # guest first, and the RESUME event may arrive after POWERDOWN was sent).
            if self._state is not VmState.SHUTTING_DOWN:
                self._set_state(VmState.RUNNING)
        elif name == "POWERDOWN":
            self._set_state(VmState.SHUTTING_DOWN, _ASKED_TO_SHUT_DOWN)
            self._arm_powerdown_timer()
        elif name == "SHUTDOWN":
            self._shutdown_reason = str(data.get("reason", ""))
            self._cancel_powerdown_timer()
            if self._shutdown_reason == "guest-panic":
                self._panicked = True
            elif self._state is not VmState.CRASHED:
                self._set_state(VmState.SHUTTING_DOWN, Message(QT_TRANSLATE_NOOP(
                    "runtime.controller", "The guest is powering off.")))
        elif name == "RESET":
            self._ctx.publish(GuestReset(self.vm_id, bool(data.get("guest"))))
        elif name == "GUEST_PANICKED":
            self._panicked = True
            action = str(data.get("action", ""))
            crashed: str = GUEST_CRASHED
            if action == "pause":
                self._qmp_status = "guest-panicked"
                crashed = joined([GUEST_CRASHED, Message(QT_TRANSLATE_NOOP(
                    "runtime.controller",
                    "It is kept paused so you can read its screen; reset it or force it off."))],
                    SENTENCE)
            self._set_state(VmState.CRASHED, crashed)
        elif name == "BLOCK_IO_ERROR":
            message = self._disk_error_message(data)
            self._ctx.publish(DiskError(self.vm_id, str(data.get("device") or
                                                        data.get("node-name") or ""),
                                        message, bool(data.get("nospace"))))
            if data.get("action") == "stop":
                self._pause_reason = message
        elif name == "DEVICE_TRAY_MOVED":
            self._ctx.publish(TrayMoved(self.vm_id, str(data.get("id") or data.get("device")),
                                        bool(data.get("tray-open"))))

    @staticmethod
    def _disk_error_message(data: dict[str, Any]) -> Message:
        if data.get("nospace"):
            return Message(QT_TRANSLATE_NOOP(
                "runtime.controller",
                "The disk on the host is full, so the guest's writes failed and it was paused: "
                "free some space on the host, then resume the VM."))
        op = (Message(QT_TRANSLATE_NOOP("runtime.controller", "reading from"))
              if data.get("operation") == "read"
              else Message(QT_TRANSLATE_NOOP("runtime.controller", "writing to")))
        # QEMU's own reason ("No space left on device") is a value, never translated.
        return Message(QT_TRANSLATE_NOOP(
            "runtime.controller",
            "A disk error happened while {op} a disk ({reason}); the guest was paused. Check "
            "the disk image and the host disk, then resume."),
            op=op, reason=str(data.get("reason", "I/O error")))

    def _arm_powerdown_timer(self) -> None:
        self._cancel_powerdown_timer()
        timeout = self._ctx.settings.shutdown_timeout_s
        if timeout <= 0:
            return
        run_id = self._run_id
        self._powerdown_timer = asyncio.get_running_loop().call_later(
            timeout, self._powerdown_expired, run_id, timeout
        )

    def _cancel_powerdown_timer(self) -> None:
        if self._powerdown_timer is not None:
            self._powerdown_timer.cancel()
            self._powerdown_timer = None

    def _powerdown_expired(self, run_id: int, timeout: float) -> None:
        self._powerdown_timer = None
        if run_id != self._run_id or self._state is not VmState.SHUTTING_DOWN:
            return
        if self._shutdown_reason is None and self._pid is not None:
            self._set_state(VmState.RUNNING, self._ignored_powerdown(timeout))

    @staticmethod
    def _ignored_powerdown(timeout: float) -> Message:
        return Message(QT_TRANSLATE_NOOP(
            "runtime.controller",
            "The guest did not react to the shutdown request within {timeout} s (it may still "
            "be booting, or not listen to the ACPI power button); try again, or force it off."),
            timeout=f"{timeout:g}")

    # -- attaching to a running QEMU --------------------------------------------------------

    async def attach(self, qemus: Sequence[liveness.QemuProcess] | None = None) -> VmStatus:
        """Find this VM's running QEMU (started by anyone) and connect to it; else say why not.

        `qemus`: a liveness.scan() shared by many VMs (None: scan when needed)."""
        if self._watch is not None and not self._watch.exited:
            return self.status()
        self.run = self._home_run
        try:
            found = liveness.find_running(self._ctx.paths, self.vm_id, qemus)
        except process.UnsafeRuntimeDir as exc:
            # Nothing in that folder is read: no reason, display or pid from it.
            self._runtime_problem = str(exc)
            self._set_state(VmState.STOPPED, str(exc))
            return self.status()
        self._runtime_problem = None
        if found is None:
            self._explain_absence()
            return self.status()
        await self._adopt(found)
        return self.status()

    def _find_running(self) -> liveness.RunningQemu | Outcome[Never] | None:
        """find_running for an action: an unsafe runtime folder becomes its refusal."""
        try:
            return liveness.find_running(self._ctx.paths, self.vm_id)
        except process.UnsafeRuntimeDir as exc:
            self._runtime_problem = str(exc)
            return Outcome.failure(str(exc), code="runtime-dir")

    def _explain_absence(self) -> None:
        """No QEMU runs: tell stopped from crashed from "being started elsewhere"."""
        lock = process.StartLock(self.run.lock_file)
        if self.run.dir.exists() and lock.is_busy():
            self._set_state(VmState.STARTING, Message(QT_TRANSLATE_NOOP(
                "runtime.controller", "Another program is starting this VM.")))
            return
        leftovers = process.runtime_leftovers(self.run) if self.run.dir.exists() else []
        if leftovers:
            meta = read_meta(self.run)
            text = read_log_since(self.stored.folder.qemu_log, meta.log_offset if meta else 0)
            self._set_state(
                VmState.CRASHED,
                Message(QT_TRANSLATE_NOOP(
                    "runtime.controller",
                    "QEMU ended unexpectedly while no kvmgui program was watching it (it was "
                    "probably killed); start the VM again.")),
                tail(text),
            )
            return
        last = read_last_exit(self.run) if self.run.dir.exists() else None
        if last is not None and last.state in (VmState.CRASHED, VmState.STOPPED):
            self._set_state(VmState(last.state), last.reason, last.details)
        else:
            self._set_state(VmState.STOPPED)

    async def _adopt(self, found: liveness.RunningQemu) -> None:
        pid = found.pid
        watch = process.ProcessWatch(pid)
        watch.start()
        # With the pidfd open the pid cannot be recycled: check once more that it is ours.
        if watch.exited or not liveness.is_vm_qemu(pid, self.vm_id):
            watch.close()
            self._explain_absence()
            return
        self._begin_run(pid, watch)
        self.run = found.run or self._home_run
        self._meta = read_meta(found.run) if found.run is not None else None
        self._exit_task = asyncio.ensure_future(self._wait_exit(self._run_id, watch))
        if found.run is None:
            self._unreachable = True
            self._qmp_status = None
            self._set_state(VmState.RUNNING, self._unreachable_reason(pid))
            return
        await self._connect_monitor(self._run_id)

    @staticmethod
    def _unreachable_reason(pid: int) -> Message:
        return Message(QT_TRANSLATE_NOOP(
            "runtime.controller",
            "It was started from another session (another login, or a shell without the same "
            "XDG_RUNTIME_DIR), so kvmgui cannot reach its monitor; control it from that session, "
            "or stop its QEMU process {pid} there."), pid=pid)

    def _monitor_sockets(self) -> list[tuple[Path, float]]:
        if self._ctx.role is MonitorRole.CLI:
            return [(self.run.qmp_cli_socket, 3.0)]
        return [(self.run.qmp_socket, 2.0), (self.run.qmp_cli_socket, 2.0)]

    async def _connect_monitor(self, run_id: int, *, quiet: bool = False) -> bool:
        """Connect to the VM's monitor. `quiet` (a reconnection after the connection dropped):
        a failure leaves the VM's state and reason as they are, and a success only takes the
        session."""
        try:
            session, status = await connect_first(
                self._monitor_sockets(),
                name=self.name,
                on_event=self._event_handler(run_id),
                on_lost=lambda: self._on_session_lost(run_id),
            )
        except QmpError as exc:
            if not quiet and run_id == self._run_id and self._pid is not None:
                busy = isinstance(exc, QmpBusy)
                self._qmp_status = None
                self._set_state(
                    VmState.RUNNING if self._state in (VmState.STOPPED, VmState.CRASHED,
                                                       VmState.STARTING) else self._state,
                    Message(QT_TRANSLATE_NOOP(
                        "runtime.controller",
                        "It is running, but kvmgui cannot reach its monitor right now (another "
                        "program is connected to it)."))
                    if busy else Message(QT_TRANSLATE_NOOP(
                        "runtime.controller",
                        "It is running, but kvmgui cannot reach its monitor right now: {exc}"),
                        exc=str(exc)),
                )
                if self._ctx.role is MonitorRole.APP:
                    self._schedule_reconnect(run_id)
            return False
        if run_id != self._run_id or self._closed:
            await session.close()
            return False
        self._session = session
        self._session_socket = session.socket_path
        self._apply_qmp_status(status)
        if quiet:
            return True
        if self._state is VmState.RUNNING and self._reason.startswith("It is running, but"):
            self._set_state(VmState.RUNNING)
        if (self._ctx.role is MonitorRole.APP and session.socket_path != self.run.qmp_socket
                and self._upgrade_task is None):
            self._upgrade_task = asyncio.ensure_future(self._upgrade_monitor(run_id))
        return True

    def _on_session_lost(self, run_id: int) -> None:
        if run_id != self._run_id:
            return
        self._session = None
        if self._watch is not None and not self._watch.exited and not self._closed:
            self._schedule_reconnect(run_id)

    def _schedule_reconnect(self, run_id: int) -> None:
        if self._reconnect_task is None or self._reconnect_task.done():
            self._reconnect_task = asyncio.ensure_future(self._reconnect(run_id))

    async def _reconnect(self, run_id: int) -> None:
        """The monitor connection dropped but QEMU lives: try again, backing off."""

        attempt = 0
        while run_id == self._run_id and not self._closed:
            watch = self._watch
            if watch is None or watch.exited:
                return
            delay = RECONNECT_DELAYS_S[min(attempt, len(RECONNECT_DELAYS_S) - 1)]
            await asyncio.sleep(delay)
            attempt += 1
            if self._session is not None:
                return
            if await self._connect_monitor(run_id, quiet=True):
                return

    async def _upgrade_monitor(self, run_id: int) -> None:
        """We hold the CLI's monitor because another program held ours: move back when free,
        so kvmgui-cli works again."""
        try:
            while run_id == self._run_id and not self._closed:
                await asyncio.sleep(UPGRADE_INTERVAL_S)
                current = self._session
                if current is None or current.socket_path == self.run.qmp_socket:
                    continue
                fresh = QmpSession(self.run.qmp_socket, name=self.name,
                                   on_event=self._event_handler(run_id),
                                   on_lost=lambda: self._on_session_lost(run_id))
                try:
                    status = await fresh.connect(1.0)
                except QmpError:
                    continue
                if run_id != self._run_id or self._session is not current:
                    await fresh.close()
                    continue
                self._session = fresh
                self._session_socket = fresh.socket_path
                await current.close()
                self._apply_qmp_status(status)
                return
        finally:
            self._upgrade_task = None

    # -- the process ------------------------------------------------------------------------

    def _begin_run(self, pid: int, watch: process.ProcessWatch) -> None:
        self._run_id += 1
        self._pid = pid
        self._watch = watch
        self._shutdown_reason = None
        self._panicked = False
        self._forced = False
        self._pause_reason = ""
        self._qmp_status = None
        self._unreachable = False

    async def _wait_exit(self, run_id: int, watch: process.ProcessWatch) -> None:
        try:
            status = await watch.wait()
        except asyncio.CancelledError:
            return
        if status is None or run_id != self._run_id:
            return
        await self._handle_exit(run_id, status)

    async def _handle_exit(self, run_id: int, status: process.ExitStatus) -> None:
        session = self._session
        if session is not None:
            # Let the reader reach EOF so the SHUTDOWN event (sent just before) is handled.
            await session.wait_closed(CLOSE_EVENTS_WAIT_S)
            await session.close()
        if run_id != self._run_id:
            return
        self._session = None
        self._cancel_background()
        meta = self._meta or read_meta(self.run)
        text = read_log_since(self.stored.folder.qemu_log, meta.log_offset if meta else 0)
        state, reason, details = self._exit_verdict(status, text)
        lock = process.StartLock(self.run.lock_file)
        if lock.try_acquire():
            try:
                process.remove_leftovers(self.run)
            finally:
                lock.release()
        write_last_exit(self.run, LastExit(state.value, reason, details, time.time()))
        if self.run != self._home_run:
            # It ran from another session's folder: that one's last word is kept there too.
            write_last_exit(self._home_run, LastExit(state.value, reason, details, time.time()))
        self._pid = None
        self._watch = None
        self._qmp_status = None
        self._set_state(state, reason, details)
        self._ctx.publish(ConsoleAvailable(self.vm_id, None))

    def _exit_verdict(self, status: process.ExitStatus,
                      text: str) -> tuple[VmState, str, str]:
        verdict = exit_verdict(status, text, forced=self._forced, panicked=self._panicked,
                               shutdown_reason=self._shutdown_reason,
                               roles=file_roles(self.spec, self.stored.folder))
        return verdict.state, verdict.reason, verdict.details

    def _cancel_background(self) -> None:
        self._cancel_powerdown_timer()
        for task in (self._reconnect_task, self._upgrade_task):
            if task is not None and task is not asyncio.current_task():
                task.cancel()
        self._reconnect_task = None
        self._upgrade_task = None

    async def _finish_exit(self, timeout: float) -> bool:
        """Wait until the exit of the current QEMU has been handled (state final)."""
        task = self._exit_task
        if task is None:
            return self._pid is None
        try:
            await asyncio.wait_for(asyncio.shield(task), timeout)
        except TimeoutError:
            return False
        return True

    # -- start ------------------------------------------------------------------------------

    async def start(self) -> Outcome[int]:
        async with self._lock:
            if self._watch is not None and self._watch.exited:
                await self._finish_exit(CLOSE_EVENTS_WAIT_S + 1)
            lock = await self._start_lock(
                QT_TRANSLATE_NOOP("runtime.controller",
                                  "kvmgui cannot create its runtime folder {dir} ({strerror})."),
                QT_TRANSLATE_NOOP("runtime.controller",
                                  "Another program is still starting '{name}'; try again in a "
                                  "moment."))
            if isinstance(lock, Outcome):
                return lock
            try:
                if not self.stored.folder.definition.is_file():
                    # Deleted (by another program) while this start waited for the lock.
                    return Outcome.failure(Message(QT_TRANSLATE_NOOP(
                        "runtime.controller",
                        "'{name}' was deleted, so it cannot be started; reload the list of VMs."),
                        name=self.name), code="deleted")
                running = await self._adopt_running()
                if running is not None:
                    return running
                process.remove_leftovers(self.run)
                clear_last_exit(self.run)
                return await self._launch()
            finally:
                lock.release()

    async def _start_lock(self, unusable: Template, busy: Template
                          ) -> process.StartLock | Outcome[Never]:
        """The VM's start lock, taken (the caller releases it), in its runtime folder here,
        made if need be; or the refusal: the VM runs, the folder is `unusable` ({dir},
        {strerror}), another program holds the lock (`busy`, {name})."""
        if self._pid is not None and self._watch is not None and not self._watch.exited:
            return self._already_running()
        self.run = self._home_run
        try:
            process.ensure_private_dir(self._ctx.paths.runtime_dir)
            process.ensure_private_dir(self.run.dir)
        except process.LaunchError as exc:
            return Outcome.failure(str(exc), code="runtime-dir")
        except OSError as exc:
            return Outcome.failure(Message(unusable, dir=str(self.run.dir),
                                           strerror=exc.strerror or ""), code="runtime-dir")
        lock = process.StartLock(self.run.lock_file)
        if not await lock.acquire(START_LOCK_WAIT_S):
            return Outcome.failure(Message(busy, name=self.name), code="busy")
        return lock

    async def _adopt_running(self) -> Outcome[Never] | None:
        """The refusal when a QEMU of this VM runs already (one another program started is
        adopted first), or None."""
        found = self._find_running()
        if isinstance(found, Outcome):
            return found
        if found is not None:
            await self._adopt(found)
            return self._already_running()
        return None

    def _already_running(self) -> Outcome[Never]:
        pid = self._pid
        if pid is None:
            return Outcome.failure(_already_running(self.name), code="already-running")
        return Outcome.failure(Message(QT_TRANSLATE_NOOP(
            "runtime.controller",
            "'{name}' is already running (QEMU process {pid}); shut it down first."),
            name=self.name, pid=pid), code="already-running")

    async def _launch(self) -> Outcome[int]:
        from kvmgui.runtime import launch, usb_host  # see the imports

        fresh = self._ctx.refresh(self.vm_id)
        if fresh is not None:
            self.stored = fresh
        # Before anything reads a disk or builds the argv: the definition must keep the rules
        # that guard saving it, and what it reaches on this computer must have been approved by
        # this user (core.trust).
        try:
            await launch.check_definition(self.stored, self._ctx)
        except launch.LaunchProblem as problem:
            return self._start_failed(problem.message, problem.details, problem.code)
        refusal, missing = start_refusal(self.stored.spec, self.stored.folder,
                                         Approvals.for_paths(self._ctx.paths))
        if refusal:
            return Outcome.failure(refusal, details="\n".join(r.describe() for r in missing),
                                   code="unapproved")
        # QEMU would take a USB stick it names from under a file system mounted here.
        usb = await usb_host.start_check(self.stored.spec)
        if usb.refusal is not None:
            return self._start_failed(usb.refusal, code="usb-mounted")
        self._set_state(VmState.STARTING, Message(QT_TRANSLATE_NOOP(
            "runtime.controller", "Starting '{name}'."), name=self.name))
        self.stored = await launch.settle_install_phase(self.stored, self.run, self._ctx)
        try:
            spawned = await launch.spawn(self.stored, self.run, self._ctx)
        except launch.LaunchProblem as problem:
            return self._start_failed(problem.message, problem.details, problem.code)
        watch = spawned.watch
        self._meta = spawned.meta
        self._begin_run(spawned.pid, watch)
        run_id = self._run_id
        connect = asyncio.ensure_future(launch.connect_new_monitor(
            self.run, name=self.name, on_event=self._event_handler(run_id),
            on_lost=lambda: self._on_session_lost(run_id)))
        waiting: set[asyncio.Future[Any]] = {connect, watch.start()}
        done, _ = await asyncio.wait(waiting, timeout=LAUNCH_TIMEOUT_S,
                                     return_when=asyncio.FIRST_COMPLETED)
        if connect not in done or connect.exception() is not None:
            await cancel_and_wait(connect, quiet=True)
            failure = await launch.explain_failure(watch, self.stored, spawned.meta.log_offset,
                                                   hung_after=LAUNCH_TIMEOUT_S)
            for helper in spawned.helpers:
                await launch.stop_helper(helper)
            watch.close()
            if run_id == self._run_id:
                self._pid = None
                self._watch = None
                process.remove_leftovers(self.run)
            return self._start_failed(failure.message, failure.details, failure.code)
        session, status = connect.result()
        for helper in spawned.helpers:
            process.keep_reaping(helper)
        self._session = session
        self._session_socket = session.socket_path
        self._exit_task = asyncio.ensure_future(self._wait_exit(run_id, watch))
        self._apply_qmp_status(status, starting=True)
        if display_auth.wants_password(self.stored.spec):
            try:
                await display_auth.apply_password(session, self.stored.spec, self.run)
            except (QmpError, OSError) as exc:
                await self._kill_current(watch)
                return self._start_failed(Message(QT_TRANSLATE_NOOP(
                    "runtime.controller",
                    "QEMU did not accept the password for the VM's display ({exc}), so the VM "
                    "was stopped again; turn the display password off in the VM's settings to "
                    "start it without one."), exc=str(exc)), code="display-password")
        # While the system is being installed, this boot starts from the CD/DVD; the next
        # reset (the installer's reboot) from the final order (see core.boot).
        await launch.arm_final_boot_order(session, self.stored.spec)
        try:
            await session.execute("cont")
        except QmpError as exc:
            await self._kill_current(watch)
            return self._start_failed(Message(QT_TRANSLATE_NOOP(
                "runtime.controller",
                "QEMU started but did not accept the command to run the guest ({exc}); it was "
                "stopped again."), exc=str(exc)))
        if self._state in (VmState.STARTING, VmState.PAUSED):
            self._qmp_status = "running"
            self._set_state(VmState.RUNNING)
        self._ctx.publish(ConsoleAvailable(self.vm_id, spawned.meta.display))
        started = Message(QT_TRANSLATE_NOOP("runtime.controller", "Started '{name}'."),
                          name=self.name)
        # A chosen USB device this user may not open: the VM runs without it; say how to fix.
        return Outcome.success(joined([started, *usb.notes], SENTENCE) if usb.notes else started,
                               value=spawned.pid)

    def _start_failed(self, message: str, details: str = "", code: str = "start-failed"
                      ) -> Outcome[Never]:
        self._set_state(VmState.STOPPED, message, details)
        return Outcome.failure(message, details=details, code=code)

    async def _kill_current(self, watch: process.ProcessWatch) -> None:
        """Stop a QEMU that came up but cannot be let run (called while launching)."""
        self._forced = True
        if await process.terminate(watch) is not None:
            await self._finish_exit(CLOSE_EVENTS_WAIT_S + 1)
            # The exit handler skips the clean-up while a start holds start.lock, and that
            # is us: without this, vnc.sock and the display password would stay behind.
            process.remove_leftovers(self.run)

    # -- actions on a running VM -------------------------------------------------------------

    def _not_running(self) -> Outcome[Never]:
        return Outcome.failure(Message(QT_TRANSLATE_NOOP(
            "runtime.controller", "'{name}' is not running."), name=self.name),
            code="not-running")

    def _session_or_failure(self) -> QmpSession | Outcome[Never]:
        if self._pid is None or self._watch is None or self._watch.exited:
            return self._not_running()
        if self._unreachable:
            return Outcome.failure(self._unreachable_reason(self._pid), code="other-session")
        if self._session is None or not self._session.connected:
            return Outcome.failure(
                Message(QT_TRANSLATE_NOOP(
                    "runtime.controller",
                    "kvmgui cannot reach the monitor of '{name}' right now (another program may "
                    "be connected to it); try again in a moment."), name=self.name),
                code="monitor-busy")
        return self._session

    async def _command(self, command: str, arguments: dict[str, Any] | None = None,
                       *, timeout: float | None = None) -> Any:
        session = self._session_or_failure()
        if isinstance(session, Outcome):
            raise _ActionFailed(session)
        try:
            return await session.execute(command, arguments, timeout=timeout)
        except QmpCommandError:
            raise
        except QmpError as exc:
            raise _ActionFailed(Outcome.failure(str(exc), code="monitor")) from None

    async def _qmp_steps(self, steps: Callable[[], Awaitable[Outcome[V]]], refused: Template
                         ) -> Outcome[V]:
        """Run `steps` (commands sent with _command) under the VM's lock. A VM that cannot be
        reached fails like every action; a command QEMU refuses fails with `refused`, filled
        with the VM's {name} and QEMU's words as {exc}."""
        async with self._lock:
            try:
                return await steps()
            except _ActionFailed as exc:
                return exc.outcome
            except QmpCommandError as exc:
                return Outcome.failure(Message(refused, name=self.name, exc=str(exc)))

    async def _pause_or_resume(self, command: str, status: str, target: VmState, keep: VmState,
                               already: Outcome, refused: Template, done: Template) -> Outcome:
        """Send `command` unless the VM is in `target` already (then `already`); the VM takes
        the `target` state unless it is in `keep` (a crash or a shutdown under way says more)."""

        async def steps() -> Outcome:
            if self._state is target:
                return already
            await self._command(command)
            self._qmp_status = status
            if self._state is not keep:
                self._set_state(target)
            return Outcome.success(Message(done, name=self.name))

        return await self._qmp_steps(steps, refused)

    async def pause(self) -> Outcome:
        already = Outcome.failure(Message(QT_TRANSLATE_NOOP(
            "runtime.controller", "'{name}' is already paused."), name=self.name),
            code="already-paused")
        return await self._pause_or_resume(
            "stop", "paused", VmState.PAUSED, VmState.CRASHED, already,
            QT_TRANSLATE_NOOP("runtime.controller", "QEMU did not pause '{name}': {exc}"),
            QT_TRANSLATE_NOOP("runtime.controller", "Paused '{name}'."))

    async def resume(self) -> Outcome:
        already = Outcome.failure(_already_running(self.name), code="already-running")
        return await self._pause_or_resume(
            "cont", "running", VmState.RUNNING, VmState.SHUTTING_DOWN, already,
            QT_TRANSLATE_NOOP("runtime.controller", "QEMU did not resume '{name}': {exc}"),
            QT_TRANSLATE_NOOP("runtime.controller", "Resumed '{name}'."))

    async def reset(self) -> Outcome:
        async def steps() -> Outcome:
            await self._command("system_reset")
            status = await self._command("query-status")
            if str(status.get("status")) in ("guest-panicked", "prelaunch", "shutdown"):
                await self._command("cont")  # reset from a crash leaves QEMU stopped
                status = await self._command("query-status")
            self._panicked = False
            self._apply_qmp_status(status)
            return Outcome.success(Message(QT_TRANSLATE_NOOP(
                "runtime.controller", "Reset '{name}' (like pressing its reset button)."),
                name=self.name))

        return await self._qmp_steps(steps, QT_TRANSLATE_NOOP(
            "runtime.controller", "QEMU did not reset '{name}': {exc}"))

    async def shutdown(self, timeout: float | None = None, *, force: bool = False) -> Outcome:
        """ACPI power button; wait up to `timeout` s (default: the setting) for the guest to
        power off, then force it off if `force`. timeout=0 only asks."""
        wait = float(self._ctx.settings.shutdown_timeout_s if timeout is None else timeout)
        async with self._lock:
            try:
                if self._state is VmState.PAUSED or self._qmp_status in ("paused", "prelaunch"):
                    await self._command("cont")  # a paused guest cannot hear the button
                await self._command("system_powerdown")
            except _ActionFailed as exc:
                return exc.outcome
            except QmpCommandError as exc:
                return Outcome.failure(Message(QT_TRANSLATE_NOOP(
                    "runtime.controller", "QEMU did not pass on the shutdown request: {exc}"),
                    exc=str(exc)))
            self._set_state(VmState.SHUTTING_DOWN, _ASKED_TO_SHUT_DOWN)
            self._cancel_powerdown_timer()  # this call handles the timeout itself
            run_id = self._run_id
        if wait <= 0:
            return Outcome.success(Message(QT_TRANSLATE_NOOP(
                "runtime.controller", "Asked '{name}' to shut down."), name=self.name))
        shut_down = Message(QT_TRANSLATE_NOOP("runtime.controller", "'{name}' shut down."),
                            name=self.name)
        if await self._finish_exit(wait):
            return Outcome.success(shut_down, details=self._reason)
        if run_id != self._run_id:
            return Outcome.success(shut_down)
        if force:
            forced = await self.force_off()
            if forced.ok:
                return Outcome.success(Message(QT_TRANSLATE_NOOP(
                    "runtime.controller",
                    "'{name}' did not shut down within {wait} s, so it was forced off."),
                    name=self.name, wait=f"{wait:g}"), code="forced")
            return forced
        if self._state is VmState.SHUTTING_DOWN and self._shutdown_reason is None:
            self._set_state(VmState.RUNNING, self._ignored_powerdown(wait))
        return Outcome.failure(
            Message(QT_TRANSLATE_NOOP(
                "runtime.controller",
                "'{name}' is still running {wait} s after the shutdown request: the guest may "
                "still be booting or may ignore the ACPI power button. Try again, or force it "
                "off."), name=self.name, wait=f"{wait:g}"), code="timeout")

    async def force_off(self) -> Outcome:
        """Pull the plug: QMP quit, then SIGTERM, then SIGKILL."""
        async with self._lock:
            watch = self._watch
            if self._pid is None or watch is None or watch.exited:
                return self._not_running()
            self._forced = True
            session = self._session
            asked = hung = False
            if session is not None and session.connected:
                try:
                    await session.execute("quit", timeout=QUIT_ANSWER_S)
                    asked = True
                except QmpTimeout:
                    # Its main loop is stuck (or the process is stopped): it will not quit by
                    # itself, and a SIGTERM is handled by that same loop, so escalate quickly.
                    hung = True
                except QmpError:
                    asked = True  # the connection dropped: it is most likely quitting
            # Only a QEMU that was asked gets time to quit by itself.
            status = await watch.wait(QUIT_WAIT_S) if asked else None
            if status is None:
                status = await process.terminate(
                    watch, term_timeout=HUNG_TERM_WAIT_S if hung else QUIT_WAIT_S)
            if status is None:
                return Outcome.failure(
                    Message(QT_TRANSLATE_NOOP(
                        "runtime.controller",
                        "QEMU (pid {pid}) did not stop, even when killed; it may be stuck in the "
                        "kernel (for example on a hung disk). Check it with: ps -p {pid} -o "
                        "stat,wchan"), pid=watch.pid), code="unkillable")
            await self._finish_exit(CLOSE_EVENTS_WAIT_S + 1)
        if hung:
            return Outcome.success(Message(QT_TRANSLATE_NOOP(
                "runtime.controller", "Turned '{name}' off: QEMU did not respond, so it was "
                "killed."), name=self.name), code="killed")
        return Outcome.success(Message(QT_TRANSLATE_NOOP(
            "runtime.controller", "Turned '{name}' off."), name=self.name))

    async def eject(self, *, force: bool = False) -> Outcome:
        from kvmgui.runtime import actions  # see the imports

        return await self.with_monitor(lambda session: actions.eject_cd(session, self.name,
                                                                        force=force))

    async def change_cd(self, iso: Path, *, force: bool = False) -> Outcome:
        """Insert an ISO image, or the disc of a host drive (/dev/sr0, /dev/cdrom)."""
        from kvmgui.runtime import cd_media  # see the imports

        medium = cd_media.check_medium(iso)
        if isinstance(medium, Outcome):
            return medium
        return await self.with_monitor(lambda session: cd_media.insert(session, self.name,
                                                                       medium, force=force))

    async def with_monitor(self, body: Callable[[QmpSession], Awaitable[Outcome[V]]]
                           ) -> Outcome[V]:
        """Run a multi-command action kept in its own module (live snapshots) on the VM's
        monitor, under the VM's lock; fails like the other actions when it does not run."""
        async with self._lock:
            session = self._session_or_failure()
            if isinstance(session, Outcome):
                return session
            return await body(session)

    async def while_stopped(self, body: Callable[[], Awaitable[Outcome[V]]]) -> Outcome[V]:
        """Run `body` (qemu-img on the VM's disks: offline snapshots) while making sure the VM
        is not running and cannot be started, by us or another program, until it is done."""
        async with self._lock:
            lock = await self._start_lock(
                QT_TRANSLATE_NOOP("runtime.controller",
                                  "kvmgui cannot use its runtime folder {dir} ({strerror})."),
                QT_TRANSLATE_NOOP("runtime.controller",
                                  "Another program is starting '{name}'; try again in a moment."))
            if isinstance(lock, Outcome):
                return lock
            try:
                running = await self._adopt_running()
                if running is not None:
                    return running
                return await body()
            finally:
                lock.release()

    async def screenshot(self, destination: Path, *, overwrite: bool = True,
                         guard: WriteGuard | None = None) -> Outcome[Path]:
        """Save the screen as a PNG. With `guard` (a user's file name) the target is checked
        first (never a VM's disk, a base, …) and replaced only with `overwrite`."""
        dest = Path(destination).expanduser().absolute()
        if not dest.parent.is_dir():
            return Outcome.failure(Message(QT_TRANSLATE_NOOP(
                "runtime.controller", "The folder {folder} does not exist."),
                folder=str(dest.parent)), code="no-folder")
        self._shot += 1
        temp = self.run.dir / f"screendump-{os.getpid()}-{self._shot}.png"

        async def save(session: QmpSession) -> Outcome[Path]:
            from kvmgui.runtime import actions  # see the imports

            if guard is not None:
                verdict = await guard.check(dest, overwrite=overwrite)
                if not verdict.ok:
                    return verdict
            return await actions.screenshot(session, self.name, temp, dest,
                                            overwrite=overwrite)

        return await self.with_monitor(save)

    async def screen_png(self) -> Outcome[bytes]:
        """The screen as PNG bytes (the value), for thumbnails; no file is left anywhere."""
        from kvmgui.runtime import actions  # see the imports

        self._shot += 1
        temp = self.run.dir / f"screendump-{os.getpid()}-{self._shot}.png"
        return await self.with_monitor(lambda session: actions.screen_png(session, temp))

    async def send_keys(self, combos: Sequence[str]) -> Outcome:
        from kvmgui.runtime import actions  # see the imports

        parsed = actions.parse_keys(combos)
        if isinstance(parsed, Outcome):
            return parsed
        return await self.with_monitor(lambda session: actions.send_keys(session, self.name,
                                                                         combos, parsed))

    async def type_text(
        self, text: str, *, layout: KeyboardLayout | None = None,
        progress: Progress | None = None,
        interval: float | None = None,
    ) -> Outcome[int]:
        """Type `text` into the guest as key presses for its keyboard layout (the VM's setting
        unless `layout` is given); the value is the number of characters typed. `interval`
        is the pause between strokes (keystrokes.KEY_INTERVAL_S unless given).

        Characters the layout cannot type are refused before any key is pressed. The VM's lock
        is taken for each stroke, not for the whole text, so stopping or pausing the VM is
        not held up behind a long text; cancel the task to stop typing.
        """
        from kvmgui.core.keyboard import UntypableText, char_strokes  # see the imports
        from kvmgui.runtime import keystrokes

        chosen = layout if layout is not None else self.spec.keyboard_layout
        try:
            groups = char_strokes(text, chosen)
        except UntypableText as exc:
            return Outcome.failure(exc.message, code="untypable")
        if not groups:
            return Outcome.failure(Message(QT_TRANSLATE_NOOP(
                "runtime.controller", "There is no text to type.")), code="no-text")
        if self._state is VmState.PAUSED:
            return Outcome.failure(Message(QT_TRANSLATE_NOOP(
                "runtime.controller",
                "'{name}' is paused, and a paused guest reads no keys; resume it first."),
                name=self.name), code="paused")

        async def send(events: list[dict[str, Any]]) -> None:
            async with self._lock:
                session = self._session_or_failure()
                if isinstance(session, Outcome):
                    raise _ActionFailed(session)
                await session.execute("input-send-event", {"events": events})

        try:
            await keystrokes.type_strokes(
                send, groups, progress=progress,
                interval=keystrokes.KEY_INTERVAL_S if interval is None else interval)
        except _ActionFailed as failed:
            return failed.outcome
        except QmpCommandError as exc:
            return Outcome.failure(Message(QT_TRANSLATE_NOOP(
                "runtime.controller", "QEMU did not accept the keys: {exc}"), exc=str(exc)),
                code="qemu-error", details=exc.description)
        except QmpError as exc:
            return Outcome.failure(str(exc), code="monitor")
        count = len(groups)
        return Outcome.success(plural(
            count,
            QT_TRANSLATE_NOOP("runtime.controller", "Typed {count} character into '{name}'."),
            QT_TRANSLATE_NOOP("runtime.controller", "Typed {count} characters into '{name}'."),
            count=count, name=self.name), value=count)

    async def display_address(self) -> Outcome[str]:
        """Where a viewer connects: vnc+unix:///…/vnc.sock or spice+unix:///…/spice.sock."""
        if self._pid is None:
            return self._not_running()
        if self._unreachable:
            return Outcome.failure(self._unreachable_reason(self._pid), code="other-session")
        from kvmgui.runtime import actions  # see the imports

        meta = self._meta
        return await actions.display_address(self._session, meta.display if meta else None,
                                             self.name)

    def display_password(self) -> str | None:
        """The password of the running VM's display (None: it has none, or is not running).

        Made anew at every start when the VM's definition asks for one (spec.display.password);
        see kvmgui/runtime/display_auth.py."""
        if self._pid is None or self._unreachable:
            return None
        return display_auth.read_password(self.run)

    async def blockstats(self, timeout: float) -> Any:
        session = self._session
        if session is None or not session.connected:
            return []
        return await session.execute("query-blockstats", timeout=timeout)

    async def query_accel(self) -> str | None:
        """The accelerator QEMU really uses (query-kvm), or None when unknown."""
        session = self._session
        if session is None or not session.connected:
            return None
        try:
            kvm = await session.execute("query-kvm", timeout=3.0)
        except QmpError:
            return None
        return "kvm" if isinstance(kvm, dict) and kvm.get("enabled") else "tcg"

    # -- going away --------------------------------------------------------------------------

    async def close(self) -> None:
        """Let go of the VM (QEMU keeps running; another process can reattach)."""
        self._closed = True
        self._cancel_background()
        exit_task, self._exit_task = self._exit_task, None
        await cancel_and_wait(exit_task, quiet=True)
        session, self._session = self._session, None
        if session is not None:
            await session.close()
        watch, self._watch = self._watch, None
        if watch is not None:
            process.keep_reaping(watch)


def _already_running(name: str) -> Message:
    return Message(QT_TRANSLATE_NOOP("runtime.controller", "'{name}' is already running."),
                   name=name)


_ASKED_TO_SHUT_DOWN = Message(QT_TRANSLATE_NOOP(
    "runtime.controller", "The guest was asked to shut down (ACPI power button)."))


class _ActionFailed(Exception):
    def __init__(self, outcome: Outcome[Never]) -> None:
        super().__init__(outcome.message)
        self.outcome = outcome
