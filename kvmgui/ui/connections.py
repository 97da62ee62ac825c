"""libvirt connections in the main window: the list's groups (this computer's kvmgui VMs
first, then each connection with its state) and the connection actions (Reconnect, Remove
Connection). The Add Connection dialog is ui/connection_dialog.py.

The holder of the connections (kvmgui.runtime.libvirt_hosts) does the work on the asyncio
loop; this module only turns its state into rows and its changes into redraws.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kvmgui.core.connections import default_label, removed
from kvmgui.ui.i18n import core_text, translate
from kvmgui.ui.models import VmRow

if TYPE_CHECKING:
    from kvmgui.runtime.libvirt_hosts import HostsChanged, LibvirtHost, LibvirtHosts
    from kvmgui.ui.context import AppContext

LOCAL_GROUP_ID = "group:kvmgui"


def group_id(uri: str) -> str:
    return f"group:{uri}"


def domain_id(uri: str, name: str) -> str:
    return f"libvirt:{uri}#{name}"


def host_state_words(host: LibvirtHost) -> str:
    # Imported on first use, for start-up cost (the main window paints without the runtime).
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
