"""The VM actions (Start, Pause/Resume, Shut down, Force off, Reset, Console, Details, Delete,
Export as libvirt XML, Move to…) as QActions, enabled only when they apply, and their handlers.

Shared by the main window (acting on the selected VM) and each VM window (acting on its VM).
Handlers await the runtime's coroutines on the qasync loop; every failed Outcome becomes a
message box with the runtime's sentence and its raw details.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from kvmgui.core.choices import Firmware
from kvmgui.runtime.state import VmState
from kvmgui.ui.context import AppContext
from kvmgui.ui.errors import ask, show_error, show_exception, show_info
from kvmgui.ui.i18n import core_text, translate
from kvmgui.ui.icons import icon
from kvmgui.ui.models import VmRow

if TYPE_CHECKING:
    import asyncio

    from kvmgui.core.store import StoredVm
    from kvmgui.runtime.controller import VmController
    from kvmgui.runtime.libvirt_hosts import DomainHandle
    from kvmgui.runtime.outcome import Outcome

log = logging.getLogger(__name__)

ACTIVE = (VmState.STARTING, VmState.RUNNING, VmState.PAUSED, VmState.SHUTTING_DOWN)


def applies(action: str, row: VmRow | None) -> bool:
    """Whether `action` makes sense for the VM in `row` (pure; tested on its own)."""
    if row is None:
        return action == "new"
    if row.broken or row.header:
        return action in ("new",)
    s = row.state
    if row.is_libvirt and action in ("delete", "export_libvirt", "move"):
        # A libvirt connection's domain: its power actions, its details and its console;
        # it is the host's to delete, and it is libvirt's already.
        return False
    return {
        "new": True,
        "start": s in (VmState.STOPPED, VmState.CRASHED),
        "pause": s is VmState.RUNNING or s is VmState.PAUSED,
        "shutdown": s is VmState.RUNNING,
        "force_off": s in (*ACTIVE, VmState.CRASHED),
        "reset": s in (VmState.RUNNING, VmState.PAUSED, VmState.CRASHED),
        "console": s in ACTIVE,
        "details": True,
        "delete": s is VmState.STOPPED,
        # The definition is exported, not the running state: any state will do. A throwaway
        # test VM has no definition in the store to export.
        "export_libvirt": not row.throwaway,
        # A stopped VM's disks hold still while they are copied.
        "move": s is VmState.STOPPED and not row.throwaway,
    }.get(action, False)


class VmActions(QObject):
    new_requested = Signal()
    console_requested = Signal(str)  # vm_id
    details_requested = Signal(str)  # vm_id
    deleted = Signal(str)  # vm_id
    message = Signal(str)  # a short status-bar line ("Starting debian…")

    def __init__(
        self,
        ctx: AppContext,
        widget: QWidget,
        current: Callable[[], VmRow | None],
        *,
        with_shortcuts: bool = True,
    ) -> None:
        super().__init__(widget)
        self.ctx = ctx
        self.widget = widget
        self.current = current
        self.tasks: set[asyncio.Task[object]] = set()
        self.last_task: asyncio.Task[object] | None = None
        self.save_dialog: QWidget | None = None
        self.move_dialog: QWidget | None = None

        def make(
            name: str,
            text: str,
            icon_name: str,
            tip: str,
            shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        ) -> QAction:
            action = QAction(icon(icon_name), text, widget)
            if text.endswith("…"):
                # A tool button shows, and a screen reader reads, the icon text: without the
                # "…" that tells, in a menu, that a dialog follows (Qt drops it by itself only
                # in its later versions).
                action.setIconText(text.replace("&", "").removesuffix("…"))
            action.setObjectName(f"action-{name}")
            action.setToolTip(tip)
            action.setStatusTip(tip)
            if shortcut is not None and with_shortcuts:
                action.setShortcut(QKeySequence(shortcut))
            return action

        self.new = make(
            "new",
            translate("VmActions", "&New virtual machine…"),
            "new",
            translate("VmActions", "Create a virtual machine"),
            QKeySequence.StandardKey.New,
        )
        self.start = make(
            "start",
            translate("VmActions", "&Start"),
            "start",
            translate("VmActions", "Start the virtual machine"),
            "Ctrl+R",
        )
        self.pause = make(
            "pause",
            translate("VmActions", "&Pause"),
            "pause",
            translate("VmActions", "Pause the virtual machine (it keeps its memory)"),
            "Ctrl+P",
        )
        self.shutdown = make(
            "shutdown",
            translate("VmActions", "Shut &down"),
            "shutdown",
            translate(
                "VmActions", "Ask the guest system to shut down, like pressing the power button"
            ),
            "Ctrl+D",
        )
        self.force_off = make(
            "force_off",
            translate("VmActions", "&Force off"),
            "force-off",
            translate(
                "VmActions",
                "Switch the virtual machine off at once, like pulling "
                "the plug (unsaved work in it is lost)",
            ),
            "Ctrl+Shift+D",
        )
        self.reset = make(
            "reset",
            translate("VmActions", "R&eset"),
            "reset",
            translate("VmActions", "Restart the virtual machine at once, like the reset button"),
            "Ctrl+Shift+R",
        )
        self.console = make(
            "console",
            translate("VmActions", "Open &console"),
            "console",
            translate("VmActions", "Show the virtual machine's screen"),
            "Ctrl+O",
        )
        self.details = make(
            "details",
            translate("VmActions", "De&tails"),
            "details",
            translate("VmActions", "Show and change the virtual machine's settings"),
            "Ctrl+I",
        )
        self.delete = make(
            "delete",
            translate("VmActions", "Dele&te…"),
            "delete",
            translate(
                "VmActions", "Delete the virtual machine (you choose whether to keep its disks)"
            ),
            QKeySequence.StandardKey.Delete,
        )
        self.export_libvirt = make(
            "export_libvirt",
            translate("VmActions", "E&xport as libvirt XML…"),
            "",
            translate(
                "VmActions",
                "Save the virtual machine as a libvirt domain (for virsh define or "
                "virt-manager)",
            ),
        )
        self.move = make(
            "move",
            translate("VmActions", "&Move to…"),
            "",
            translate(
                "VmActions",
                "Copy the stopped virtual machine to a libvirt host (this computer's system "
                "libvirt or another computer); the one here is kept",
            ),
        )
        self.all: dict[str, QAction] = {
            "new": self.new,
            "start": self.start,
            "pause": self.pause,
            "shutdown": self.shutdown,
            "force_off": self.force_off,
            "reset": self.reset,
            "console": self.console,
            "details": self.details,
            "delete": self.delete,
            "export_libvirt": self.export_libvirt,
            "move": self.move,
        }
        self.new.triggered.connect(self.new_requested)
        self.start.triggered.connect(lambda: self.run("start"))
        self.pause.triggered.connect(lambda: self.run("pause"))
        self.shutdown.triggered.connect(lambda: self.run("shutdown"))
        self.force_off.triggered.connect(lambda: self.run("force_off"))
        self.reset.triggered.connect(lambda: self.run("reset"))
        self.console.triggered.connect(self._console)
        self.details.triggered.connect(self._details)
        self.delete.triggered.connect(lambda: self.run("delete"))
        self.export_libvirt.triggered.connect(lambda: self.run("export_libvirt"))
        self.move.triggered.connect(lambda: self.run("move"))
        self.refresh()

    # -- enabling ---------------------------------------------------------------------------

    def power(self) -> list[QAction]:
        """Start, Pause/Resume, Shut down, Force off and Reset: the actions on a VM's power,
        in the order every menu and tool bar shows them."""
        return [self.start, self.pause, self.shutdown, self.force_off, self.reset]

    def refresh(self) -> None:
        row = self.current()
        for name, action in self.all.items():
            action.setEnabled(applies(name, row))
        paused = row is not None and row.state is VmState.PAUSED
        # Resume has Start's play icon: a paused VM shows only Resume, not a second,
        # greyed-out play button next to it.
        self.start.setVisible(not paused)
        self.pause.setText(
            translate("VmActions", "Res&ume") if paused else translate("VmActions", "&Pause")
        )
        self.pause.setIcon(icon("resume" if paused else "pause"))
        self.pause.setToolTip(
            translate("VmActions", "Let the virtual machine run again")
            if paused
            else translate("VmActions", "Pause the virtual machine (it keeps its memory)")
        )

    # -- handlers ---------------------------------------------------------------------------

    def _console(self) -> None:
        row = self.current()
        if row is not None:
            self.console_requested.emit(row.vm_id)

    def _details(self) -> None:
        row = self.current()
        if row is not None:
            self.details_requested.emit(row.vm_id)

    def run(self, name: str) -> asyncio.Task[object] | None:
        """Start action `name` on the current VM; returns the task (tests await it)."""
        row = self.current()
        if row is None or not applies(name, row):
            return None
        handler: Callable[[VmRow], Awaitable[object]] = {
            "start": self.do_start,
            "pause": self.do_pause_resume,
            "shutdown": self.do_shutdown,
            "force_off": self.do_force_off,
            "reset": self.do_reset,
            "delete": self.do_delete,
            "export_libvirt": self.do_export_libvirt,
            "move": self.do_move,
        }[name]
        # Imported here for start-up cost: the main window is painted before asyncio is loaded.
        import asyncio

        task = asyncio.ensure_future(self._guard(name, handler(row)))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
        self.last_task = task
        return task

    async def _guard(self, name: str, work: Awaitable[object]) -> object:
        try:
            return await work
        except Exception as exc:  # never silent (a CancelledError is no Exception: it goes on)
            log.exception("action %s failed", name)
            show_exception(
                self.widget, translate("VmActions", "The action could not be completed."), exc
            )
            return None
        finally:
            self.refresh()

    def _controller(self, row: VmRow) -> VmController | DomainHandle:
        if row.is_libvirt:
            return self.ctx.libvirt_hosts.domain_handle(row.connection, row.name)
        controller = self.ctx.controller(row.vm_id)
        if controller is None:
            raise RuntimeError(
                translate(
                    "VmActions",
                    "kvmgui's runtime does not know the virtual machine {0}; "
                    "reload the list and try again.",
                ).format(row.name)
            )
        return controller

    def _report(self, outcome: Outcome[object] | None, failed: str) -> bool:
        """Show a failed Outcome; True when it succeeded."""
        if outcome is None or getattr(outcome, "ok", True):
            message = getattr(outcome, "message", "")
            if message:
                self.message.emit(core_text(message))  # a Signal(str) would flatten a Message
            return True
        show_error(
            self.widget,
            failed,
            informative=str(getattr(outcome, "message", "")),
            details=str(getattr(outcome, "details", "")),
        )
        return False

    async def do_start(self, row: VmRow) -> Outcome[int] | Outcome:
        self.message.emit(translate("VmActions", "Starting {0}…").format(row.name))
        controller = self._controller(row)
        outcome = await controller.start()
        # Only kvmgui's own VMs ask for approval (a libvirt host decides for itself).
        if getattr(outcome, "code", "") == "unapproved" and not row.is_libvirt:
            # Imported on first use, for start-up cost: the first paint needs no dialog.
            from kvmgui.runtime.controller import VmController
            from kvmgui.ui.approval_dialog import approve_at_start

            assert isinstance(controller, VmController)

            if not await approve_at_start(self.widget, self.ctx.paths, controller.stored):
                self.message.emit(translate("VmActions", "{0} was not started.").format(row.name))
                return outcome
            outcome = await controller.start()
        self._report(outcome, translate("VmActions", "{0} could not be started.").format(row.name))
        return outcome

    async def do_pause_resume(self, row: VmRow) -> Outcome:
        controller = self._controller(row)
        if row.state is VmState.PAUSED:
            outcome = await controller.resume()
            self._report(
                outcome, translate("VmActions", "{0} could not be resumed.").format(row.name)
            )
        else:
            outcome = await controller.pause()
            self._report(
                outcome, translate("VmActions", "{0} could not be paused.").format(row.name)
            )
        return outcome

    async def do_shutdown(self, row: VmRow) -> Outcome:
        self.message.emit(translate("VmActions", "Asking {0} to shut down…").format(row.name))
        # The runtime waits (up to the shutdown time in the preferences) for the guest to
        # power off and says so if it did not; the window stays usable meanwhile.
        outcome = await self._controller(row).shutdown()
        if not getattr(outcome, "ok", True) and getattr(outcome, "code", "") == "timeout":
            return await self._shutdown_ignored(row, outcome)
        self._report(
            outcome, translate("VmActions", "{0} could not be asked to shut down.").format(row.name)
        )
        return outcome

    async def _shutdown_ignored(self, row: VmRow, outcome: Outcome) -> Outcome:
        """The guest ignored the ACPI button: say why (the advisor's causes for its OS, e.g.
        RDP sessions on Windows) before offering Force off."""
        if row.is_libvirt:
            # Its OS is unknown to kvmgui: the offer comes without the advisor's causes.
            return await self._offer_force_off(
                row, outcome, translate("VmActions", "{0} did not shut down.").format(row.name),
                translate(
                    "VmActions",
                    "Its system ignored the power button, or is still busy. Force it off (like "
                    "pulling the power plug: anything not saved inside it is lost), or keep it "
                    "running and try again later.",
                ))
        stored = next((vm for vm in self.ctx.store.load_all().vms if vm.spec.id == row.vm_id), None)
        if stored is None:
            self._report(outcome, translate("VmActions", "{0} did not shut down.").format(row.name))
            return outcome
        # Imported on first use, for start-up cost: the advisor is not needed for the paint.
        from kvmgui.core.advisor import FORCE_OFF, shutdown_ignored_advice

        advice = shutdown_ignored_advice(stored.spec)
        causes = "\n\n".join(
            "• " + core_text(cause.sentence) for cause in advice.causes if cause.action != FORCE_OFF
        )
        force = advice.cause("force-off")
        return await self._offer_force_off(
            row, outcome, core_text(advice.title),
            core_text(advice.message) + "\n\n" + causes
            + ("\n\n" + core_text(force.sentence) if force is not None else ""))

    async def _offer_force_off(self, row: VmRow, outcome: Outcome, title: str,
                               informative: str) -> Outcome:
        """Ask whether to force off a guest that ignored the power button; the outcome of
        forcing it off, or `outcome` when the user keeps it running."""
        answer = await ask(
            self.widget,
            title,
            informative=informative,
            yes_text=translate("VmActions", "&Force off"),
            no_text=translate("VmActions", "&Keep it running"),
            danger=True,
        )
        if not answer.accepted:
            return outcome
        forced = await self._controller(row).force_off()
        failed = translate("VmActions", "{0} could not be forced off.").format(row.name)
        self._report(forced, failed)
        return forced

    async def do_force_off(self, row: VmRow) -> Outcome | None:
        if self.ctx.settings.confirm_force_off:
            answer = await ask(
                self.widget,
                translate("VmActions", "Force {0} off?").format(row.name),
                informative=translate(
                    "VmActions",
                    "This is like pulling the power plug: anything not saved "
                    "inside the virtual machine is lost, and its disk may "
                    "need checking at the next start. Shut down asks the "
                    "system to stop cleanly instead.",
                ),
                yes_text=translate("VmActions", "&Force off"),
                no_text=translate("VmActions", "&Cancel"),
                checkbox=translate("VmActions", "Do not ask again"),
                danger=True,
            )
            if not answer.accepted:
                return None
            if answer.checked:
                from dataclasses import replace

                self.ctx.apply_settings(replace(self.ctx.settings, confirm_force_off=False))
        outcome = await self._controller(row).force_off()
        self._report(
            outcome, translate("VmActions", "{0} could not be forced off.").format(row.name)
        )
        return outcome

    async def do_reset(self, row: VmRow) -> Outcome:
        outcome = await self._controller(row).reset()
        self._report(outcome, translate("VmActions", "{0} could not be reset.").format(row.name))
        return outcome

    async def do_delete(self, row: VmRow) -> list[Path] | None:
        stored = next((vm for vm in self.ctx.store.load_all().vms if vm.spec.id == row.vm_id), None)
        if stored is None:
            show_error(
                self.widget,
                translate("VmActions", "{0} is no longer in the VM folder.").format(row.name),
                informative=translate(
                    "VmActions",
                    "Another program may have moved or deleted it; the list is reloaded.",
                ),
            )
            self.deleted.emit(row.vm_id)
            return None
        # Imported on first use, for start-up cost: deleting needs the runtime's image and
        # deletion code, the first paint none of it.
        from kvmgui.runtime.deletion import delete_vm, delete_vm_by_id
        from kvmgui.ui.services import base_refusal

        refusal = await base_refusal(
            self.ctx.store, stored, "delete", qemu_img=self.ctx.settings.qemu_img_binary
        )
        if refusal:
            show_error(
                self.widget,
                translate("VmActions", "{0} was not deleted.").format(row.name),
                informative=refusal,
            )
            return None
        inside = [
            d
            for d in stored.spec.disks
            if not d.path.startswith("/") or d.path.startswith(str(stored.folder.dir) + "/")
        ]
        answer = (
            await ask(
                self.widget,
                translate("VmActions", "Delete the virtual machine {0}?").format(row.name),
                informative=translate(
                    "VmActions",
                    "Its settings and logs in {0} are removed. Disk images "
                    "outside that folder are never touched.",
                ).format(stored.folder.dir),
                yes_text=translate("VmActions", "&Delete"),
                no_text=translate("VmActions", "&Cancel"),
                checkbox=translate("VmActions", "&Keep its disk images") if inside else None,
                checked=True,
                danger=True,
            )
            if self.ctx.settings.confirm_delete
            else None
        )
        if answer is not None and not answer.accepted:
            return None
        keep = True if answer is None else (answer.checked or not inside)
        # Ask again: the VM may have been started (here or by kvmgui-cli) since the question;
        # the runtime's delete checks once more under the VM's start lock.
        status = self.ctx.status(row.vm_id)
        if status is not None and status.state.is_active:
            show_error(
                self.widget,
                translate("VmActions", "{0} is running, so it was not deleted.").format(row.name),
                informative=translate("VmActions", "Shut it down first, then delete it."),
            )
            return None
        controller = self.ctx.controller(row.vm_id)
        if controller is not None:
            outcome = await delete_vm(
                controller, self.ctx.store, keep_disks=keep,
                qemu_img=self.ctx.settings.qemu_img_binary, paths=self.ctx.paths,
            )
        else:
            outcome = await delete_vm_by_id(
                self.ctx.paths, self.ctx.settings, self.ctx.store, row.vm_id, keep_disks=keep
            )
        if not outcome.ok:
            show_error(
                self.widget,
                translate("VmActions", "{0} is running, so it was not deleted.").format(row.name)
                if outcome.code in ("running", "already-running")
                else translate("VmActions", "{0} could not be deleted.").format(row.name),
                informative=outcome.message,
            )
            return None
        kept = list(outcome.value or [])
        if self.ctx.manager is not None:
            self.ctx.manager.reload_store()
        if kept:
            self.message.emit(
                translate("VmActions", "Deleted {0}; kept {1}.").format(
                    row.name, ", ".join(str(p) for p in kept)
                )
            )
        else:
            self.message.emit(translate("VmActions", "Deleted {0}.").format(row.name))
        self.deleted.emit(row.vm_id)
        return kept

    def _stored(self, row: VmRow) -> StoredVm | None:
        """The VM of `row` as stored, or None (said in a message box) when it is gone."""
        stored = next((vm for vm in self.ctx.store.load_all().vms if vm.spec.id == row.vm_id), None)
        if stored is None:
            show_error(
                self.widget,
                translate("VmActions", "{0} is no longer in the VM folder.").format(row.name),
            )
        return stored

    async def _ovmf_code(self, stored: StoredVm) -> str | None:
        """Secure Boot or not: the OVMF build the VM runs with here decides what libvirt is
        asked for, as in core.argv (UEFI VMs only)."""
        if stored.spec.firmware is not Firmware.UEFI:
            return None
        await self.ctx.ensure_host()
        return self.ctx.host_facts.ovmf_code

    async def do_move(self, row: VmRow) -> QWidget | None:
        """Open the Move to… dialog for the VM (it works on its own; returned for tests)."""
        stored = self._stored(row)
        if stored is None:
            return None
        # Imported on first use, for start-up cost: libvirt is not needed for the first paint.
        from kvmgui.ui.move_dialog import MoveDialog

        dialog = MoveDialog(
            stored, self.widget, paths=self.ctx.paths, store=self.ctx.store,
            qemu_img=self.ctx.settings.qemu_img_binary, ovmf_code=await self._ovmf_code(stored),
            known_uris=self.ctx.connection_uris, open_connection=self.ctx.open_libvirt,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: setattr(self, "move_dialog", None))
        dialog.moved.connect(lambda result: self.message.emit(core_text(result.message)))
        self.move_dialog = dialog
        dialog.open()
        return dialog

    async def do_export_libvirt(self, row: VmRow) -> Path | None:
        """Write the VM's libvirt domain XML to a file the user picks, then show what the XML
        could not hold (core.libvirt_xml's warnings)."""
        stored = self._stored(row)
        if stored is None:
            return None
        # Imported on first use, for start-up cost.
        import asyncio

        from kvmgui.core.atomic import write_atomic
        from kvmgui.core.libvirt_xml import LibvirtXmlError, export_domain
        from kvmgui.runtime.write_guard import WriteGuard

        ovmf_code = await self._ovmf_code(stored)
        not_exported = translate("VmActions", "{0} was not exported.").format(row.name)
        try:
            domain = export_domain(stored.spec, folder=stored.folder, ovmf_code=ovmf_code)
        except LibvirtXmlError as err:
            show_error(self.widget, not_exported, informative=core_text(str(err)))
            return None
        chosen = await self._save_path(
            translate("VmActions", "Export as libvirt XML"),
            str(Path.home() / f"{domain.name}.xml"),
            translate("VmActions", "libvirt domain XML (*.xml)"),
        )
        if chosen is None:
            return None
        guard = WriteGuard.for_store(
            self.ctx.store, self.ctx.paths, qemu_img=self.ctx.settings.qemu_img_binary
        )
        # The dialog asked before replacing a file; the guard still refuses a VM's disk, a
        # base image or a device.
        verdict = await guard.check(chosen, overwrite=True)
        if not verdict.ok:
            show_error(self.widget, not_exported, informative=core_text(verdict.message))
            return None
        target = Path(chosen)
        try:
            await asyncio.to_thread(write_atomic, target, domain.xml.encode(), 0o644)
        except OSError as err:
            show_error(self.widget, not_exported, informative=err.strerror or str(err))
            return None
        saved = translate("VmActions", "{0} was exported to {1}.").format(row.name, target)
        if domain.warnings:
            show_info(
                self.widget,
                saved,
                informative=translate(
                    "VmActions", "What the libvirt XML does not hold:\n{0}"
                ).format("\n".join(f"• {core_text(w)}" for w in domain.warnings)),
            )
        self.message.emit(saved)
        return target

    async def _save_path(self, title: str, suggested: str, name_filter: str) -> str | None:
        """A file name from a "save as" dialog, without a nested event loop; None if cancelled."""
        import asyncio

        from PySide6.QtWidgets import QFileDialog

        dialog = QFileDialog(self.widget, title)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilter(name_filter)
        dialog.setDefaultSuffix("xml")
        dialog.setDirectory(str(Path(suggested).parent))
        dialog.selectFile(Path(suggested).name)
        dialog.setAccessibleName(title)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        future: asyncio.Future[str | None] = asyncio.get_running_loop().create_future()

        def chosen(path: str) -> None:
            if not future.done():
                future.set_result(path)

        def finished(_result: int) -> None:
            if not future.done():
                future.set_result(None)

        dialog.fileSelected.connect(chosen)
        dialog.finished.connect(finished)
        self.save_dialog = dialog  # tests fill it in
        dialog.open()
        return await future
