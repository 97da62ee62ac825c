"""The pages of a libvirt domain's details window that show its description: Overview,
Hardware (read-only: the domain belongs to libvirt, and changing it is virsh edit's or
virt-manager's job for now) and its XML (to read and copy)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core.libvirt_domain_view import DiskView, DomainView, GraphicsView, NicView
from kvmgui.runtime.libvirt_conn import DomainInfo
from kvmgui.runtime.state import VmState
from kvmgui.ui.i18n import format_size, translate
from kvmgui.ui.models import state_icon, state_word
from kvmgui.ui.widgets import CopyableText, hint_label, icon_text_field, text_label

DASH = "—"


def _or_dash(text: str) -> str:
    return text or DASH


def _size(n: int | None) -> str:
    return format_size(n) if n is not None else DASH


def hypervisor_word(domain_type: str) -> str:
    return {
        "kvm": translate("LibvirtOverview", "KVM (hardware acceleration)"),
        "qemu": translate("LibvirtOverview", "QEMU (software emulation, slower)"),
    }.get(domain_type, domain_type or DASH)


def firmware_word(firmware: str) -> str:
    if firmware in ("", "bios"):
        return translate("LibvirtOverview", "BIOS")
    if firmware == "efi":
        return translate("LibvirtOverview", "UEFI")
    return translate("LibvirtOverview", "UEFI ({0})").format(firmware)


class LibvirtOverviewPage(QWidget):
    def __init__(self, uri: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.state_icon, self.state = icon_text_field(
            form, self, translate("LibvirtOverview", "State"),
            translate("LibvirtOverview", "State:"))
        self.fields: dict[str, QLabel] = {}
        for key, name, label in (
            ("name", translate("LibvirtOverview", "Name"), translate("LibvirtOverview", "Name:")),
            ("title", translate("LibvirtOverview", "Title"),
             translate("LibvirtOverview", "Title:")),
            ("description", translate("LibvirtOverview", "Description"),
             translate("LibvirtOverview", "Description:")),
            ("connection", translate("LibvirtOverview", "Connection"),
             translate("LibvirtOverview", "Connection:")),
            ("hypervisor", translate("LibvirtOverview", "Hypervisor"),
             translate("LibvirtOverview", "Hypervisor:")),
            ("cpus", translate("LibvirtOverview", "Processors"),
             translate("LibvirtOverview", "Processors:")),
            ("memory", translate("LibvirtOverview", "Memory"),
             translate("LibvirtOverview", "Memory:")),
            ("firmware", translate("LibvirtOverview", "Firmware"),
             translate("LibvirtOverview", "Firmware:")),
            ("machine", translate("LibvirtOverview", "Machine type"),
             translate("LibvirtOverview", "Machine:")),
            ("autostart", translate("LibvirtOverview", "Starts with the host"),
             translate("LibvirtOverview", "Autostart:")),
            ("uuid", translate("LibvirtOverview", "UUID"), translate("LibvirtOverview", "UUID:")),
        ):
            value = text_label("", self, name)
            form.addRow(label, value)
            self.fields[key] = value
        self.fields["connection"].setText(uri)
        layout.addLayout(form)
        layout.addStretch(1)

    def set_info(self, info: DomainInfo) -> None:
        self.set_state(info.state)
        self.fields["autostart"].setText(
            translate("LibvirtOverview", "Yes") if info.autostart
            else translate("LibvirtOverview", "No"))

    def set_state(self, state: VmState) -> None:
        self.state_icon.setPixmap(state_icon(state).pixmap(18, 18))
        self.state.setText(state_word(state))

    def set_view(self, view: DomainView) -> None:
        f = self.fields
        f["name"].setText(view.name)
        f["title"].setText(_or_dash(view.title))
        f["description"].setText(_or_dash(view.description))
        f["hypervisor"].setText(hypervisor_word(view.domain_type))
        if view.vcpus is not None and view.max_vcpus not in (None, view.vcpus):
            f["cpus"].setText(translate("LibvirtOverview", "{0} (up to {1})").format(
                view.vcpus, view.max_vcpus))
        else:
            f["cpus"].setText(str(view.vcpus) if view.vcpus is not None else DASH)
        current, most = view.current_memory_bytes, view.memory_bytes
        if current is not None and most is not None and current != most:
            f["memory"].setText(translate("LibvirtOverview", "{0} (up to {1})").format(
                _size(current), _size(most)))
        else:
            f["memory"].setText(_size(most))
        f["firmware"].setText(firmware_word(view.firmware))
        arch = f" ({view.arch})" if view.arch else ""
        f["machine"].setText(_or_dash(view.machine) + arch)
        f["uuid"].setText(_or_dash(view.uuid))


def _yes(flag: bool, text: str) -> list[str]:
    return [text] if flag else []


def disk_text(disk: DiskView) -> str:
    parts = [disk.source or translate("LibvirtHardware", "(empty)")]
    if disk.format:
        parts.append(disk.format)
    parts += _yes(disk.read_only, translate("LibvirtHardware", "read-only"))
    return " · ".join(parts)


def nic_text(nic: NicView) -> str:
    kinds = {
        "network": translate("LibvirtHardware", "virtual network {0}"),
        "bridge": translate("LibvirtHardware", "bridge {0}"),
        "direct": translate("LibvirtHardware", "host device {0}"),
        "user": translate("LibvirtHardware", "user-mode networking"),
    }
    where = kinds.get(nic.kind, nic.kind + " {0}").format(nic.source).strip()
    parts = [where, translate("LibvirtHardware", "MAC {0}").format(_or_dash(nic.mac))]
    if nic.target:
        parts.append(translate("LibvirtHardware", "host interface {0}").format(nic.target))
    return " · ".join(parts)


def graphics_text(graphics: GraphicsView) -> str:
    if graphics.listen == "socket":
        where = translate("LibvirtHardware", "socket {0}").format(
            graphics.socket or translate("LibvirtHardware", "(made when it starts)"))
    elif graphics.listen == "none":
        where = translate("LibvirtHardware", "listens nowhere")
    else:
        port = (str(graphics.port) if graphics.port is not None
                else translate("LibvirtHardware", "chosen when it starts"))
        where = translate("LibvirtHardware", "address {0}, port {1}").format(
            graphics.address or translate("LibvirtHardware", "(the host's default)"), port)
    return where + "".join(
        " · " + t for t in _yes(graphics.has_password, translate("LibvirtHardware", "password")))


class LibvirtHardwarePage(QWidget):
    """The domain's devices as a tree: one branch per kind, one row per device."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label(translate(
            "LibvirtHardware",
            "The hardware as libvirt describes it, read-only here. Change it with virsh edit "
            "or virt-manager; most changes take effect at the next start."), self))
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([translate("LibvirtHardware", "Device"),
                                   translate("LibvirtHardware", "Details")])
        self.tree.setAccessibleName(translate("LibvirtHardware", "Virtual hardware"))
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        layout.addWidget(self.tree, 1)

    def set_view(self, view: DomainView) -> None:
        self.tree.clear()
        # translate() calls are written out (not a table built elsewhere) so the extractor
        # finds each title.
        self._branch(translate("LibvirtHardware", "Disks"), [
            (f"{d.target} ({d.bus})", disk_text(d)) for d in view.hard_disks])
        self._branch(translate("LibvirtHardware", "CD/DVD and floppy drives"), [
            (f"{d.target} ({d.bus})", disk_text(d)) for d in view.cdroms])
        self._branch(translate("LibvirtHardware", "Network"), [
            (n.model or translate("LibvirtHardware", "(default model)"), nic_text(n))
            for n in view.nics])
        self._branch(translate("LibvirtHardware", "Display"), [
            (g.kind.upper(), graphics_text(g)) for g in view.graphics])
        self._branch(translate("LibvirtHardware", "Video"), [(v, "") for v in view.video])
        self._branch(translate("LibvirtHardware", "Sound"), [(s, "") for s in view.sound])
        usb = view.usb
        usb_rows = [(translate("LibvirtHardware", "Controller"), c or DASH)
                    for c in usb.controllers]
        usb_rows += [(translate("LibvirtHardware", "Device of the host"), d)
                     for d in usb.host_devices]
        if usb.redirections:
            usb_rows.append((translate("LibvirtHardware", "Redirected from the viewer"),
                             str(usb.redirections)))
        self._branch(translate("LibvirtHardware", "USB"), usb_rows)
        self._branch(translate("LibvirtHardware", "Shared folders"), [
            (f.tag, " · ".join([f.source, f.driver,
                                *_yes(f.read_only, translate("LibvirtHardware", "read-only"))]))
            for f in view.filesystems])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)

    def _branch(self, title: str, rows: list[tuple[str, str]]) -> None:
        top = QTreeWidgetItem(self.tree, [title, "" if rows else translate(
            "LibvirtHardware", "none")])
        for name, details in rows:
            item = QTreeWidgetItem(top, [name, details])
            item.setToolTip(1, details)

    def rows(self) -> dict[str, list[tuple[str, str]]]:
        """Each branch's rows (for tests and screen readers' checks)."""
        found: dict[str, list[tuple[str, str]]] = {}
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is None:
                continue
            children = (top.child(j) for j in range(top.childCount()))
            found[top.text(0)] = [(c.text(0), c.text(1)) for c in children if c is not None]
        return found


class LibvirtXmlPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label(translate(
            "LibvirtXml",
            "The domain's description in libvirt's own words (live while it runs); "
            "passwords are left out."), self))
        self.xml = CopyableText(translate("LibvirtXml", "Domain XML"), self, lines=12)
        # XML reads by its indentation: no wrapping.
        self.xml.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.xml.text.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        layout.addWidget(self.xml, 1)

    def set_xml(self, text: str) -> None:
        if text == self.xml.plain_text():
            return  # keep the reader's scroll position and selection
        self.xml.set_text(text)
