"""libvirt connections in the main window: the Add Connection dialog (as virt-manager's
File → Add Connection), the list's groups (this computer's kvmgui VMs first, then each
connection with its state) and the connection actions (Reconnect, Remove Connection).

The holder of the connections (kvmgui.runtime.libvirt_hosts) does the work on the asyncio
loop; this module only turns its state into rows and its changes into redraws.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
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
    default_label,
    removed,
    ssh_uri,
)
from kvmgui.ui.i18n import core_text, translate
from kvmgui.ui.models import VmRow
from kvmgui.ui.widgets import dialog_buttons, dialog_layout, form_row, hint_label

if TYPE_CHECKING:
    from kvmgui.runtime.libvirt_hosts import HostsChanged, LibvirtHost, LibvirtHosts
    from kvmgui.ui.context import AppContext

LOCAL_GROUP_ID = "group:kvmgui"
SYSTEM, SSH, CUSTOM = "system", "ssh", "custom"


def group_id(uri: str) -> str:
    return f"group:{uri}"


def domain_id(uri: str, name: str) -> str:
    return f"libvirt:{uri}#{name}"


def host_state_words(host: LibvirtHost) -> str:
    from kvmgui.runtime.libvirt_hosts import HostState

    return {
        HostState.NOT_CONNECTED: translate("Connections", "Not connected"),
        HostState.CONNECTING: translate("Connections", "Connecting…"),
        HostState.CONNECTED: translate("Connections", "Connected"),
        HostState.FAILED: translate("Connections", "Failed"),
    }[host.state]


def connection_label(host: LibvirtHost) -> str:
    return host.saved.label or default_label(host.uri)


def libvirt_rows(hosts: LibvirtHosts) -> list[VmRow]:
    """The groups' headings and the connections' domains, for VmListModel.set_libvirt_rows
    (no heading at all while there is no connection: the list is then kvmgui's alone)."""
    if not hosts.hosts:
        return []
    rows = [
        VmRow(
            vm_id=LOCAL_GROUP_ID,
            name=translate("Connections", "This computer (kvmgui)"),
            header=True,
            group=0,
        )
    ]
    for place, host in enumerate(hosts.hosts.values(), start=1):
        reason = core_text(host.error.message) if host.error is not None else ""
        rows.append(
            VmRow(
                vm_id=group_id(host.uri),
                name=connection_label(host),
                connection=host.uri,
                header=True,
                group=place,
                header_state=host_state_words(host),
                reason=reason,
                details=host.error.details if host.error is not None else "",
            )
        )
        for domain in host.domains.values():
            info = domain.info
            rows.append(
                VmRow(
                    vm_id=domain_id(host.uri, info.name),
                    name=info.name,
                    connection=host.uri,
                    group=place,
                    state=info.state,
                    cpus=info.vcpus,
                    memory_mib=info.memory_bytes // 2**20,
                    cpu_percent=domain.cpu_percent,
                )
            )
    return rows


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


class ConnectionsView(QObject):
    """Keeps the list's libvirt rows in step with the holder and does the connection
    actions; the main window owns one."""

    rows_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.hosts: LibvirtHosts | None = None
        self._unsubscribe: object = None

    def attach(self, hosts: LibvirtHosts) -> None:
        if self.hosts is hosts:
            return
        self.detach()
        self.hosts = hosts
        self._unsubscribe = hosts.subscribe(self._changed)

    def detach(self) -> None:
        if callable(self._unsubscribe):
            self._unsubscribe()
        self._unsubscribe = None

    def _changed(self, _change: HostsChanged) -> None:
        self.rows_changed.emit()

    def rows(self) -> list[VmRow]:
        return libvirt_rows(self.hosts) if self.hosts is not None else []

    def remove(self, uri: str) -> None:
        self.ctx.apply_settings(
            replace(self.ctx.settings, connections=removed(self.ctx.settings.connections, uri))
        )
