"""The main window's console page: "All machines › name", the VM's power actions, its screen.

Like GNOME Boxes, opening a console turns the main window into that VM's screen, and the back
button returns to the list. Each VM's screen is a ConsolePage (details_console.py: states,
reconnects, detach into a ConsoleWindow, SPICE through remote-viewer); this view only keeps one
per VM and shows the current one. Going back closes the connection (an idle console costs
nothing, but a busy guest's updates do), except for consoles detached into their own window.
"""

from __future__ import annotations

import contextlib
import html

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core.model import VmSpec
from kvmgui.runtime.state import VmState
from kvmgui.ui.context import AppContext
from kvmgui.ui.details_console import ConsolePage
from kvmgui.ui.i18n import translate


class ConsoleView(QWidget):
    back_requested = Signal()
    start_requested = Signal(str)  # vm_id: the Start button of a stopped VM's page
    attached = Signal(str)  # vm_id: a detached console came back (show it here)
    fullscreen_changed = Signal(int)  # 1: the current console went full screen, 0: it left
    spec_saved = Signal(object)  # StoredVm: a console's tool bar changed clipboard sharing

    def __init__(
        self, ctx: AppContext, actions: list[QAction], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("console-view")
        self.pages: dict[str, ConsolePage] = {}
        self.current_vm_id: str | None = None
        self._forgetting = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

        self.header = header = QWidget(self)
        header.setObjectName("console-header")
        h = QHBoxLayout(header)
        h.setContentsMargins(6, 4, 6, 4)
        self.back = QToolButton(header)
        self.back.setArrowType(Qt.ArrowType.LeftArrow)
        self.back.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.back.setText(translate("ConsoleView", "All machines"))
        self.back.setAccessibleName(translate("ConsoleView", "Back to all machines"))
        self.back.setToolTip(translate("ConsoleView", "Back to the list of virtual machines"))
        self.back.setShortcut(QKeySequence("Alt+Left"))
        self.back.clicked.connect(self.back_requested)
        h.addWidget(self.back)
        self.crumb = QLabel(header)
        self.crumb.setTextFormat(Qt.TextFormat.RichText)
        self.crumb.setAccessibleName(translate("ConsoleView", "Where you are"))
        self.crumb.linkActivated.connect(lambda _link: self.back_requested.emit())
        h.addWidget(self.crumb, 1)
        self.power = QToolBar(translate("ConsoleView", "Virtual machine"), header)
        self.power.setObjectName("console-power")
        self.power.setAccessibleName(translate("ConsoleView", "Virtual machine tools"))
        self.power.setIconSize(QSize(18, 18))
        self.power.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        for action in actions:
            self.power.addAction(action)
            button = self.power.widgetForAction(action)
            if button is not None:
                button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
        h.addWidget(self.power)
        layout.addWidget(header)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack, 1)

    # -- pages --------------------------------------------------------------------------------

    def page(self, vm_id: str | None = None) -> ConsolePage | None:
        return self.pages.get(vm_id or self.current_vm_id or "")

    def show_vm(self, spec: VmSpec, state: VmState, uri: str | None = None) -> ConsolePage:
        """Make `spec`'s console the current page (created and connected if needed)."""
        previous = self.page()
        if previous is not None and previous.spec.id != spec.id:
            previous.set_fullscreen(False)
        page = self.pages.get(spec.id)
        if page is None:
            page = ConsolePage(self.ctx, spec, self.stack)
            page.setObjectName(f"console-page-{spec.id}")
            page.start_requested.connect(lambda vm_id=spec.id: self.start_requested.emit(vm_id))
            page.detached_changed.connect(
                lambda detached, vm_id=spec.id: self._detached_changed(vm_id, detached)
            )
            page.fullscreen_changed.connect(self._fullscreen_changed)
            page.spec_saved.connect(self.spec_saved)
            self.stack.addWidget(page)
            self.pages[spec.id] = page
        else:
            page.set_spec(spec)
        page.set_state(state)
        if uri:
            page.set_address(uri)
        self.current_vm_id = spec.id
        self.stack.setCurrentWidget(page)
        self.set_name(spec.name)
        if page.window_ is None:
            page.console.take_keyboard()
        return page

    def set_name(self, name: str) -> None:
        # The first part is a link back to the list, like a path in a file manager.
        everything = html.escape(translate("ConsoleView", "All machines"))
        self.crumb.setText(f'<a href="#list">{everything}</a> › <b>{html.escape(name)}</b>')

    def is_fullscreen(self) -> bool:
        page = self.page()
        return page is not None and page.is_fullscreen()

    def _fullscreen_changed(self, on: int) -> None:
        self.header.setVisible(not on)
        self.fullscreen_changed.emit(on)

    def leave(self) -> None:
        """Going back to the list: close the current console unless it is detached."""
        vm_id, self.current_vm_id = self.current_vm_id, None
        page = self.pages.get(vm_id or "")
        if page is not None:
            page.set_fullscreen(False)
        if page is not None and page.window_ is None:
            self.forget(page.spec.id)

    def forget(self, vm_id: str) -> None:
        page = self.pages.pop(vm_id, None)
        if page is None:
            return
        if self.current_vm_id == vm_id:
            self.current_vm_id = None
        self._forgetting = True  # closing a detached console re-attaches it first: not news
        try:
            with contextlib.suppress(RuntimeError):
                page.close_console()
                self.stack.removeWidget(page)
                page.deleteLater()
        finally:
            self._forgetting = False

    def close_all(self) -> None:
        for vm_id in list(self.pages):
            self.forget(vm_id)

    def _detached_changed(self, vm_id: str, detached: int) -> None:
        if not detached and not self._forgetting:
            self.attached.emit(vm_id)

    # -- runtime notices ----------------------------------------------------------------------

    def set_state(self, vm_id: str, state: VmState) -> None:
        page = self.pages.get(vm_id)
        if page is not None:
            page.set_state(state)

    def set_address(self, vm_id: str, uri: object) -> None:
        page = self.pages.get(vm_id)
        if page is not None and uri:
            page.set_address(str(uri))

    def set_spec(self, spec: VmSpec) -> None:
        page = self.pages.get(spec.id)
        if page is not None:
            page.set_spec(spec)
            if spec.id == self.current_vm_id:
                self.set_name(spec.name)
