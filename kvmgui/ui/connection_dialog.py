"""The Add Connection dialog (as virt-manager's File → Add Connection): this computer's
libvirt, another computer over SSH (user, host, port) or any URI; the choice is saved with
the settings. Its own module, imported when the dialog is opened: the main window paints
without its Qt classes (PySide builds each class's Python type at its first import)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from kvmgui.core.connections import (
    DEFAULT_SSH_PORT,
    SYSTEM_URI,
    ConnectionProblem,
    added,
    check_uri,
    ssh_uri,
)
from kvmgui.ui.i18n import core_text, translate
from kvmgui.ui.widgets import dialog_buttons, dialog_layout, form_row, hint_label

if TYPE_CHECKING:
    from kvmgui.ui.context import AppContext

SYSTEM, SSH, CUSTOM = "system", "ssh", "custom"


class AddConnectionDialog(QDialog):
    """This computer's libvirt, another computer over SSH (user, host, port) or a URI."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.uri = ""
        layout = dialog_layout(
            self,
            "AddConnectionDialog",
            translate("Connections", "Add Connection"),
            translate(
                "Connections",
                "Manage the virtual machines of libvirt, on this computer or on another "
                "one, next to kvmgui's own. kvmgui never keeps a password: for another "
                "computer, log in with an SSH key.",
            ),
        )
        self.kinds = QButtonGroup(self)
        self.system = QRadioButton(
            translate("Connections", "This computer's &libvirt (qemu:///system)"), self
        )
        self.ssh = QRadioButton(translate("Connections", "Another computer over &SSH"), self)
        self.custom = QRadioButton(translate("Connections", "Custom address (U&RI)"), self)
        form = QFormLayout()
        self.user = QLineEdit(self)
        self.user.setObjectName("connection-user")
        self.host = QLineEdit(self)
        self.host.setObjectName("connection-host")
        self.host.setPlaceholderText(translate("Connections", "name or address"))
        self.port = QSpinBox(self)
        self.port.setObjectName("connection-port")
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_SSH_PORT)
        self.custom_uri = QLineEdit(self)
        self.custom_uri.setObjectName("connection-uri")
        self.custom_uri.setPlaceholderText("qemu+ssh://user@host/system")
        self.label = QLineEdit(self)
        self.label.setObjectName("connection-label")
        self.label.setPlaceholderText(translate("Connections", "optional"))
        for value, button in ((SYSTEM, self.system), (SSH, self.ssh), (CUSTOM, self.custom)):
            button.setObjectName(f"connection-{value}")
            self.kinds.addButton(button)
        layout.addWidget(self.system)
        layout.addWidget(self.ssh)
        form_row(form, translate("Connections", "&User:"), self.user)
        form_row(form, translate("Connections", "Co&mputer:"), self.host)
        form_row(form, translate("Connections", "&Port:"), self.port)
        form.setContentsMargins(24, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.custom)
        custom_form = QFormLayout()
        custom_form.setContentsMargins(24, 0, 0, 0)
        form_row(custom_form, translate("Connections", "&Address:"), self.custom_uri)
        layout.addLayout(custom_form)
        name_form = QFormLayout()
        form_row(name_form, translate("Connections", "&Name in the list:"), self.label)
        layout.addLayout(name_form)
        self.problem = hint_label("", self)
        self.problem.setObjectName("connection-problem")
        layout.addWidget(self.problem)
        self.ssh.setChecked(True)
        self.kinds.buttonToggled.connect(self._kind_changed)
        self._kind_changed()
        _buttons, self.ok = dialog_buttons(
            self,
            layout,
            translate("Connections", "&Connect"),
            translate("Connections", "Add and connect"),
            self._accept,
        )

    def kind(self) -> str:
        if self.system.isChecked():
            return SYSTEM
        return CUSTOM if self.custom.isChecked() else SSH

    def _kind_changed(self, *_: object) -> None:
        kind = self.kind()
        for field in (self.user, self.host, self.port):
            field.setEnabled(kind == SSH)
        self.custom_uri.setEnabled(kind == CUSTOM)
        self.problem.setText("")

    def chosen_uri(self) -> str:
        """The URI of what is filled in; ConnectionProblem when it cannot be used."""
        kind = self.kind()
        if kind == SYSTEM:
            return SYSTEM_URI
        if kind == SSH:
            return ssh_uri(self.user.text(), self.host.text(), self.port.value())
        return check_uri(self.custom_uri.text())

    def _accept(self) -> None:
        try:
            uri = self.chosen_uri()
            saved = added(self.ctx.settings.connections, uri, self.label.text())
        except ConnectionProblem as exc:
            self.problem.setText(core_text(exc.message))
            return
        problems = self.ctx.apply_settings(replace(self.ctx.settings, connections=saved))
        if problems:
            self.problem.setText(core_text(problems[0].message))
            return
        self.uri = uri
        self.accept()
