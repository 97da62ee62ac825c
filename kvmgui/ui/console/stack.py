"""The stack that fills a page embedding a console (a VM's, a libvirt domain's): the console
under its tool bar, or the message page shown instead while there is no screen."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from kvmgui.ui.console.page_parts import MessagePage, console_scroll_area
from kvmgui.ui.console.widget import ConsoleWidget


class ConsoleStack(QStackedWidget):
    """All of `page`, without margins: its console under the console's tool bar
    (console_page), or a MessagePage instead while there is no screen.

    Made in the order of the focus chain: the page makes its tool bar on console_page, then
    hands it to add_console, then makes its message page."""

    def __init__(self, page: QWidget) -> None:
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        super().__init__(page)
        layout.addWidget(self)
        self.console_page = QWidget(self)
        self._console_layout = QVBoxLayout(self.console_page)
        self._console_layout.setContentsMargins(0, 0, 0, 0)

    def add_console(self, console: ConsoleWidget, toolbar: QWidget) -> QScrollArea:
        """`toolbar` (made on console_page) over `console` in its scroll area: the first page.
        Returns the scroll area."""
        self._console_layout.addWidget(toolbar)
        area = console_scroll_area(console, self.console_page)
        self._console_layout.addWidget(area, 1)
        self.addWidget(self.console_page)
        return area

    def add_message_page(self) -> MessagePage:
        """The second page, for the owner to fill and give its buttons."""
        page = MessagePage(self)
        self.addWidget(page)
        return page
