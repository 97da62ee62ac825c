"""The details window of a libvirt domain: Overview, Hardware (read-only), Performance,
Console and its XML.

Its state follows libvirt's domain events (LibvirtConnection.subscribe), not polling: each
event of this domain re-reads its description (the live XML holds the display's socket or
port of this run) in a worker thread. Only the Performance page samples, while the window is
open. One window per domain and connection: opening it again raises the open one.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from kvmgui.core.libvirt_domain_view import DomainView, DomainXmlError
from kvmgui.runtime.libvirt_conn import DomainStateChanged, LibvirtConnection
from kvmgui.runtime.libvirt_details import domain_view
from kvmgui.runtime.libvirt_errors import LibvirtError
from kvmgui.runtime.state import VmState
from kvmgui.ui.errors import show_failed
from kvmgui.ui.i18n import core_text, translate
from kvmgui.ui.libvirt_console import LibvirtConsolePage
from kvmgui.ui.libvirt_details_pages import (
    LibvirtHardwarePage,
    LibvirtOverviewPage,
    LibvirtXmlPage,
)
from kvmgui.ui.libvirt_performance import LibvirtPerformancePage
from kvmgui.ui.models import state_word
from kvmgui.ui.widgets import add_pages

log = logging.getLogger(__name__)

PAGES = ("overview", "hardware", "performance", "console", "xml")
VIR_DOMAIN_EVENT_UNDEFINED = 1


class LibvirtDetailsWindow(QMainWindow):
    def __init__(self, connection: LibvirtConnection, name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.connection = connection
        self.uri = connection.uri
        self.name = name
        self.state = VmState.STOPPED
        self.view: DomainView | None = None
        self.refreshes = 0  # descriptions read (tests wait on it)
        self._refresh_task: asyncio.Task[None] | None = None
        self._again = False
        self._start_task: asyncio.Future[None] | None = None
        self.setObjectName("LibvirtDetailsWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(translate("LibvirtDetails", "Views of the virtual machine"))
        self.tabs.setDocumentMode(True)
        self.overview = LibvirtOverviewPage(self.uri, self.tabs)
        self.hardware = LibvirtHardwarePage(self.tabs)
        self.performance = LibvirtPerformancePage(connection, name, self.tabs)
        self.console = LibvirtConsolePage(connection, name, self.tabs)
        self.console.start_requested.connect(self.start)
        self.xml = LibvirtXmlPage(self.tabs)
        entries: list[tuple[str, QWidget, str]] = [
            ("overview", self.overview, translate("LibvirtDetails", "&Overview")),
            ("hardware", self.hardware, translate("LibvirtDetails", "&Hardware")),
            ("performance", self.performance, translate("LibvirtDetails", "&Performance")),
            ("console", self.console, translate("LibvirtDetails", "&Console")),
            ("xml", self.xml, translate("LibvirtDetails", "&XML")),
        ]
        self.pages: dict[str, QWidget] = {key: page for key, page, _title in entries}
        # Alt+1…5 jump to a page from anywhere (a grabbed console keeps them for the guest).
        add_pages(self, self.tabs, entries, self.show_page)
        self.setCentralWidget(self.tabs)
        self._unsubscribe: Callable[[], None] | None = connection.subscribe(self._event)
        self.resize(QSize(900, 640))
        self._set_title()
        self.performance.start()
        self.refresh()

    # -- data -------------------------------------------------------------------------------

    def _set_title(self) -> None:
        self.setWindowTitle(translate("LibvirtDetails", "{0} on {1} — {2}").format(
            self.name, self.uri, state_word(self.state)))

    def _event(self, change: DomainStateChanged) -> None:
        if change.name != self.name:
            return
        if change.event == VIR_DOMAIN_EVENT_UNDEFINED:
            self.statusBar().showMessage(translate(
                "LibvirtDetails", "{0} is no longer defined on {1}.").format(self.name, self.uri))
        if change.state is not None:
            self._set_state(change.state)
        self.refresh()

    def _set_state(self, state: VmState) -> None:
        self.state = state
        self.overview.set_state(state)
        self.console.set_state(state)
        self._set_title()

    def refresh(self) -> None:
        """Read the domain's state and description again (coalesced: one read at a time)."""
        if self._refresh_task is not None and not self._refresh_task.done():
            self._again = True
            return
        self._refresh_task = asyncio.ensure_future(self._refresh())

    async def _refresh(self) -> None:
        while True:
            self._again = False
            await self._read()
            if not self._again:
                return

    async def _read(self) -> None:
        try:
            info = await self.connection.domain(self.name)
            text, view = await domain_view(self.connection, self.name)
        except LibvirtError as exc:
            self.statusBar().showMessage(core_text(exc.message))
            return
        except DomainXmlError as exc:
            self.statusBar().showMessage(core_text(exc.message))
            return
        finally:
            self.refreshes += 1
        self.view = view
        self.overview.set_info(info)
        self.overview.set_view(view)
        self.hardware.set_view(view)
        self.xml.set_xml(text)
        self.performance.view = view
        self._set_state(info.state)
        self.console.set_view(view)

    def start(self) -> None:
        self._start_task = asyncio.ensure_future(self._start())

    async def _start(self) -> None:
        self.console.start_button.setEnabled(False)
        try:
            outcome = await self.connection.start(self.name)
        finally:
            self.console.start_button.setEnabled(True)
        if not outcome.ok:
            show_failed(self, translate("LibvirtDetails", "{0} could not be started.").format(
                self.name), outcome)

    def show_page(self, key: str) -> None:
        page = self.pages.get(key)
        if page is not None:
            self.tabs.setCurrentWidget(page)

    def closeEvent(self, event: QCloseEvent) -> None:
        unsubscribe, self._unsubscribe = self._unsubscribe, None
        if unsubscribe is not None:
            unsubscribe()
        self.performance.stop()
        self.console.close_console()
        if self._refresh_task is not None:
            self._refresh_task.cancel()
        super().closeEvent(event)


def open_libvirt_details(parent: QWidget, connection: LibvirtConnection, name: str,
                         page: str = "overview") -> LibvirtDetailsWindow:
    """Open the details window of domain `name` of `connection` on `page` ("overview",
    "console"…), or raise the one already open, turned to that page. The window is a child
    of `parent` (a top-level window of its own, closed with it)."""
    for window in parent.findChildren(LibvirtDetailsWindow):
        if window.connection is connection and window.name == name and window.isVisible():
            if window.isMinimized():
                window.showNormal()
            window.show_page(page)
            window.raise_()
            window.activateWindow()
            return window
    window = LibvirtDetailsWindow(connection, name, parent)
    window.setWindowFlag(Qt.WindowType.Window, True)
    window.show_page(page)
    window.show()
    return window
