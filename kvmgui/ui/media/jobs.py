"""What the media dialogs share: a progress panel for long jobs (with Cancel), a text prompt
that does not block the loop, and "which VMs use this image" for the running-VM checks.

JobPanel runs one runtime job at a time. The job's progress callback (0..100) moves the bar;
Cancel calls job.cancel(), which stops qemu-img and removes its temporary file, so the
original image stays as it was. A failure becomes an error box with the runtime's sentence
and qemu-img's own words under "Details"; a cancel is not a failure and only says so.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable, Coroutine
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, Protocol, TypeVar, cast

import qasync
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core import usage
from kvmgui.core.messages import SENTENCE, joined
from kvmgui.core.store import StoredVm
from kvmgui.runtime.images import ImageCancelled, ImageError, ImageJob, JobResult
from kvmgui.runtime.liveness import vm_pid
from kvmgui.ui.context import AppContext
from kvmgui.ui.errors import show_error, show_exception
from kvmgui.ui.i18n import core_text, translate
from kvmgui.ui.services import ImageFacts, inspect_image
from kvmgui.ui.widgets import hint_label, push_button

log = logging.getLogger(__name__)
T = TypeVar("T")
P = ParamSpec("P")
Progress = Callable[[float], Awaitable[None]]


def async_slot(
    *types: type,
) -> Callable[[Callable[P, Coroutine[Any, Any, T]]], Callable[P, asyncio.Task[T]]]:
    """qasync.asyncSlot: the handler runs as a task on the qasync loop, and calling it
    directly returns that task (an asyncio.Task, which callers and tests may await)."""
    return cast(
        Callable[[Callable[P, Coroutine[Any, Any, T]]], Callable[P, asyncio.Task[T]]],
        qasync.asyncSlot(*types),
    )


def track_task(tasks: set[asyncio.Task[object]]) -> None:
    """Keep the running task in `tasks` until it is done (tests wait for the set to empty)."""
    task = asyncio.current_task()
    if task is not None:
        tasks.add(task)
        task.add_done_callback(tasks.discard)


class _HasTasks(Protocol):
    tasks: set[asyncio.Task[object]]


W = TypeVar("W", bound=_HasTasks)


def while_alive(
    method: Callable[Concatenate[W, P], Coroutine[Any, Any, T]],
) -> Callable[Concatenate[W, P], Coroutine[Any, Any, T | None]]:
    """An async slot of a widget that may close while it waits: it does nothing (None) once the
    widget is gone, and keeps its task in the widget's `tasks` (under @async_slot)."""

    @functools.wraps(method)
    async def run(widget: W, /, *args: P.args, **kwargs: P.kwargs) -> T | None:
        if not alive(widget):
            return None
        track_task(widget.tasks)
        return await method(widget, *args, **kwargs)

    return run


class JobPanel(QWidget):
    """A progress bar, a status line and a Cancel button for one job at a time."""

    busy_changed = Signal(int)  # 1 while a job runs (an int: see bridge.py)
    progressed = Signal(float)  # percent

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.bar.setValue(0)
        self.bar.setFormat("%p%")
        self.bar.setAccessibleName(translate("JobPanel", "Progress"))
        self.cancel_button = push_button(
            translate("JobPanel", "&Cancel"),
            self,
            name=translate("JobPanel", "Cancel the running operation"),
            tip=translate("JobPanel", "Stop now; the original image is left exactly as it was."),
            clicked=self.cancel,
        )
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        self.status = hint_label("", self)
        self.status.setAccessibleName(translate("JobPanel", "Result"))
        layout.addWidget(self.status)
        self.job: ImageJob | None = None
        self._task: asyncio.Task[object] | None = None
        self.last_error = ""
        self._show_idle()

    # -- state ------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._task is not None

    def _show_idle(self) -> None:
        self.bar.setVisible(False)
        self.cancel_button.setVisible(False)

    def _set_busy(self, what: str, *, determinate: bool) -> None:
        self.bar.setRange(0, 1000 if determinate else 0)
        self.bar.setValue(0)
        self.bar.setVisible(True)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.status.setText(what)
        self.busy_changed.emit(1)

    def _set_idle(self) -> None:
        self.job = None
        self._task = None
        self._show_idle()
        self.busy_changed.emit(0)

    async def _progress(self, percent: float) -> None:
        self.bar.setValue(round(percent * 10))
        self.progressed.emit(float(percent))

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
        elif self._task is not None:
            self._task.cancel()
        else:
            return
        self.cancel_button.setEnabled(False)
        self.status.setText(translate("JobPanel", "Cancelling…"))

    def show_result(self, text: str) -> None:
        """A runtime sentence (a Message) or a translated text."""
        self.status.setText(core_text(text))

    # -- running ----------------------------------------------------------------------------

    async def run_job(
        self, make: Callable[[Progress], ImageJob], *, what: str, failed: str
    ) -> JobResult | None:
        """Run the job `make(progress)` returns; None when it failed or was cancelled."""
        if self.busy:
            return None
        job = make(self._progress)
        self.job = job
        result = await self._guarded(self._job_result(job), what, failed, determinate=True)
        if result is not None:
            self.status.setText(core_text(joined((result.message, *result.warnings), SENTENCE)))
        return result

    async def _job_result(self, job: ImageJob) -> JobResult | None:
        try:
            return await job.run()
        except ImageCancelled as exc:
            self.status.setText(core_text(exc.message))
            return None

    async def run_busy(
        self, work: Callable[[], Awaitable[T]], *, what: str, failed: str
    ) -> T | None:
        """Await a step without a percentage (Cancel cancels the task; qemu-img is stopped)."""
        if self.busy:
            return None
        return await self._guarded(self._step_result(work), what, failed, determinate=False)

    async def _step_result(self, work: Callable[[], Awaitable[T]]) -> T | None:
        try:
            return await work()
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if task is not None and task.cancelling() > 1:
                raise  # someone else (the window closing) cancels us too
            if task is not None:
                task.uncancel()
            self.status.setText(translate("JobPanel", "Cancelled; nothing was changed."))
            return None

    async def _guarded(
        self, work: Awaitable[T | None], what: str, failed: str, *, determinate: bool
    ) -> T | None:
        """Show the panel busy while awaiting `work`; its failures are said as `failed`, and
        the panel is idle again afterwards whatever happened."""
        self._task = asyncio.current_task()
        self._set_busy(what, determinate=determinate)
        self.last_error = ""
        try:
            return await work
        except ImageError as exc:
            self._failed(failed, exc.message, exc.details)
            return None
        except Exception as exc:  # never silent
            self._crashed(failed, exc, "job failed" if determinate else "step failed")
            return None
        finally:
            self._set_idle()

    def _crashed(self, failed: str, exc: Exception, log_text: str) -> None:
        """An error the runtime did not put in words: logged with its traceback, and shown."""
        log.exception(log_text)
        self.last_error = str(exc)
        self.status.setText(failed)
        show_exception(self.window(), failed, exc)

    def _failed(self, failed: str, message: str, details: str) -> None:
        self.last_error = message
        self.status.setText(f"{failed} {core_text(message)}")
        show_error(self.window(), failed, informative=message, details=details)


def alive(widget: object) -> bool:
    """False once the widget's C++ side is gone (a dialog closed while a task awaited)."""
    import shiboken6

    return bool(shiboken6.isValid(widget))


# ------------------------------------------------------------------------------ prompts


async def ask_text(
    parent: QWidget | None,
    title: str,
    label: str,
    *,
    text: str = "",
    ok_text: str | None = None,
) -> str | None:
    """A one-line text prompt opened with open() (no nested event loop); None on Cancel."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setAccessibleName(title)
    if ok_text:
        dialog.setOkButtonText(ok_text)
    future: asyncio.Future[str | None] = asyncio.get_running_loop().create_future()

    def done(result: int) -> None:
        if dialog in _OPEN_PROMPTS:
            _OPEN_PROMPTS.remove(dialog)
        if not future.done():
            future.set_result(dialog.textValue() if result else None)
        dialog.deleteLater()

    dialog.finished.connect(done)
    _OPEN_PROMPTS.append(dialog)
    dialog.open()
    return await future


_OPEN_PROMPTS: list[QInputDialog] = []


def open_prompts() -> list[QInputDialog]:
    """The text prompts shown right now (tests and the screenshot script answer them)."""
    return list(_OPEN_PROMPTS)


# ------------------------------------------------------------------------------ VMs and images


def image_owners(ctx: AppContext, image: str | Path) -> list[StoredVm]:
    """The VMs that have `image` as one of their disks (symlinks resolved)."""
    return usage.owners(ctx.store.load_all().vms, image)


def vm_active(ctx: AppContext, vm: StoredVm) -> bool:
    """Whether the VM runs (as the runtime knows it, or by its pid file when there is none)."""
    status = ctx.status(vm.spec.id)
    if status is not None and status.state.is_active:
        return True

    return vm_pid(vm.spec.id, ctx.paths) is not None


def recorded_format(ctx: AppContext, image: str | Path) -> str | None:
    """The format a VM's definition records for `image` (a VM's disk is never probed)."""
    return usage.recorded_format(ctx.store.load_all().vms, image)


async def inspect_recorded(ctx: AppContext, image: str | Path) -> ImageFacts:
    """inspect_image with the configured qemu-img, a VM's disk read as its definition says."""
    return await inspect_image(
        Path(image), ctx.settings.qemu_img_binary, fmt=recorded_format(ctx, image)
    )
