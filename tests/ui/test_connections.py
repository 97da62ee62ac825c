"""libvirt connections in the app as users get it (kvmgui.ui.app.launch): groups, states,
actions, the Add Connection dialog, and state changes that come from libvirt's events."""

from __future__ import annotations

import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWizard

from kvmgui.core.connections import SavedConnection
from kvmgui.core.paths import AppPaths
from kvmgui.core.settings import Settings, save_settings
from kvmgui.runtime.libvirt_conn import LibvirtConnection
from kvmgui.runtime.state import VmState
from kvmgui.ui.connections import LOCAL_GROUP_ID, domain_id, group_id
from kvmgui.ui.libvirt_details import LibvirtDetailsWindow
from tests.libvirt_daemon import libvirtd  # noqa: F401  (the fixture)
from tests.libvirt_node import HOST_WITH_ISO, node_uri
from tests.runtime.test_libvirt_conn import NODE
from tests.ui.flows import Launch
from tests.ui.test_media_image_tools import answer
from tests.ui.test_wizard import _to

pytest.importorskip("libvirt")


def _node(folder: Path, name: str) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(NODE)
    return f"test://{folder / name}"


def _save(app_paths: AppPaths, settings: Settings, *uris: str) -> None:
    save_settings(
        app_paths.settings_file,
        replace(settings, connections=tuple(SavedConnection(u) for u in uris)),
    )


def _header_state(window: Any, uri: str) -> str:
    row = window.model.get(group_id(uri))
    return row.header_state if row is not None else ""


def test_two_connections_are_grouped_and_their_domains_act(
    qtbot: Any, launch: Launch, app_paths: AppPaths, settings: Settings, tmp_path: Path
) -> None:
    first, second = _node(tmp_path, "one.xml"), _node(tmp_path, "two.xml")
    _save(app_paths, settings, first, second)
    window = launch()
    qtbot.waitUntil(
        lambda: (
            _header_state(window, first) == "Connected"
            and _header_state(window, second) == "Connected"
        ),
        timeout=10_000,
    )
    ids = [r.vm_id for r in window.model.rows()]
    assert ids == [
        LOCAL_GROUP_ID,
        group_id(first),
        domain_id(first, "alpha"),
        domain_id(first, "Beta"),
        group_id(second),
        domain_id(second, "alpha"),
        domain_id(second, "Beta"),
    ]
    alpha = domain_id(first, "alpha")
    row = window.model.get(alpha)
    assert row is not None and row.state is VmState.RUNNING and row.memory_mib == 512
    assert window.status_label.text() == "4 virtual machines, 4 running"
    qtbot.waitUntil(lambda: window.model.get(alpha).cpu_percent is not None, timeout=10_000)
    # The card's live picture: virDomainScreenshot (the test driver hands a fixed PNG).
    qtbot.waitUntil(lambda: window.model.get(alpha).thumbnail is not None, timeout=10_000)
    picture = window.model.get(alpha).thumbnail
    window.connections.rows_changed.emit()  # as each change of the connection does
    assert window.model.get(alpha).thumbnail is picture  # kept through the list's updates

    assert window.select(alpha)
    actions = window.vm_actions
    assert actions.pause.isEnabled() and actions.console.isEnabled()
    assert not actions.delete.isEnabled() and window.reconnect_action.isEnabled()
    assert not actions.move.isEnabled() and not actions.export_libvirt.isEnabled()
    actions.pause.trigger()
    qtbot.waitUntil(lambda: window.model.get(alpha).state is VmState.PAUSED, timeout=10_000)
    actions.pause.trigger()  # Resume
    qtbot.waitUntil(lambda: window.model.get(alpha).state is VmState.RUNNING, timeout=10_000)
    actions.shutdown.trigger()
    qtbot.waitUntil(lambda: window.model.get(alpha).state is VmState.STOPPED, timeout=10_000)
    assert window.model.get(domain_id(second, "alpha")).state is VmState.RUNNING
    actions.start.trigger()
    qtbot.waitUntil(lambda: window.model.get(alpha).state is VmState.RUNNING, timeout=10_000)

    # Double-click (activation) opens the domain's details window, through its connection,
    # on its screen while it runs; Open console does the same.
    window.current_view().activated.emit(window.model.index_of(alpha))
    details = next(w for w in window.findChildren(LibvirtDetailsWindow) if w.name == "alpha")
    assert details.isVisible() and details.connection is window.ctx.libvirt_hosts.connection(first)
    assert details.tabs.currentWidget() is details.pages["console"]
    details.show_page("overview")
    actions.console.trigger()
    assert details.tabs.currentWidget() is details.pages["console"]
    assert len(window.findChildren(LibvirtDetailsWindow)) == 1
    details.close()

    window.remove_connection(second)
    assert window.model.get(group_id(second)) is None
    assert window.ctx.settings.connections == (SavedConnection(first),)


def test_a_failed_connection_says_why_and_reconnects(
    qtbot: Any, launch: Launch, app_paths: AppPaths, settings: Settings, tmp_path: Path
) -> None:
    uri = f"test://{tmp_path}/later.xml"
    _save(app_paths, settings, uri)
    window = launch()
    qtbot.waitUntil(lambda: _header_state(window, uri) == "Failed", timeout=10_000)
    header = window.model.get(group_id(uri))
    assert header is not None and header.reason  # libvirt's cause, explained
    _node(tmp_path, "later.xml")
    window.select(group_id(uri))
    window.reconnect_action.trigger()
    qtbot.waitUntil(lambda: _header_state(window, uri) == "Connected", timeout=10_000)
    assert window.model.get(domain_id(uri, "alpha")) is not None


def test_add_connection_dialog(qtbot: Any, launch: Launch, tmp_path: Path) -> None:
    window = launch()
    dialog: Any = window.open_add_connection()
    assert dialog.chosen_uri  # the SSH form is the default choice
    qtbot.keyClicks(dialog.user, "alice")
    qtbot.keyClicks(dialog.host, "vmhost.example.org")
    dialog.port.setValue(2222)
    assert dialog.chosen_uri() == "qemu+ssh://alice@vmhost.example.org:2222/system"
    dialog.custom.setChecked(True)
    assert not dialog.user.isEnabled() and dialog.custom_uri.isEnabled()
    qtbot.keyClicks(dialog.custom_uri, "qemu+ssh://u@h/system?command=/tmp/evil")
    dialog.ok.click()
    assert "'command' is not accepted" in dialog.problem.text() and dialog.isVisible()
    uri = _node(tmp_path, "added.xml")
    dialog.custom_uri.setText(uri)
    dialog.ok.click()
    assert window.ctx.settings.connections == (SavedConnection(uri),)
    qtbot.waitUntil(lambda: _header_state(window, uri) == "Connected", timeout=10_000)
    assert [r.vm_id for r in window.model.rows()][:2] == [LOCAL_GROUP_ID, group_id(uri)]


def test_a_domain_started_from_outside_changes_its_row_through_events(
    qtbot: Any, launch: Launch, app_paths: AppPaths, settings: Settings, run_async: Any
) -> None:
    """test:///default is one host for the whole process: a second connection to it is
    "another program". Stats every minute, so only an event can change the row in time."""
    uri = "test:///default"
    save_settings(
        app_paths.settings_file,
        replace(settings, stats_interval_s=60.0, connections=(SavedConnection(uri),)),
    )
    window = launch()
    row_id = domain_id(uri, "test")
    qtbot.waitUntil(lambda: window.model.get(row_id) is not None, timeout=10_000)
    other = run_async(LibvirtConnection.open(uri))
    try:
        assert run_async(other.force_off("test")).ok
        qtbot.waitUntil(lambda: window.model.get(row_id).state is VmState.STOPPED, timeout=5_000)
        assert run_async(other.start("test")).ok
        qtbot.waitUntil(lambda: window.model.get(row_id).state is VmState.RUNNING, timeout=5_000)
    finally:
        if run_async(other.domain("test")).state is not VmState.RUNNING:
            run_async(other.start("test"))
        run_async(other.close())


@pytest.mark.qemu
@pytest.mark.timeout(300)
def test_system_libvirt_domain_started_outside_is_seen(
    qtbot: Any,
    launch: Launch,
    app_paths: AppPaths,
    settings: Settings,
    run_async: Any,
    libvirtd: str,  # noqa: F811
) -> None:
    """qemu:///system, as on a user's computer: a domain started and stopped by another
    connection (virsh would do the same) changes its row from libvirt's events, its card shows
    its screen, and Shut down offers Force off when the guest ignores the power button."""
    name = f"lvwindow-{uuid.uuid4().hex[:8]}"
    xml = (
        f"<domain type='qemu'><name>{name}</name><memory unit='MiB'>64</memory>"
        "<vcpu>1</vcpu><os><type arch='x86_64' machine='q35'>hvm</type></os>"
        "<devices><graphics type='vnc' autoport='yes' listen='127.0.0.1'/>"
        "<video><model type='vga'/></video></devices></domain>"
    )
    save_settings(
        app_paths.settings_file,
        replace(settings, stats_interval_s=60.0, connections=(SavedConnection(libvirtd),)),
    )
    other = run_async(LibvirtConnection.open(libvirtd))
    run_async(other.run(lambda c: c.defineXML(xml)))
    try:
        window = launch()
        row_id = domain_id(libvirtd, name)
        qtbot.waitUntil(lambda: window.model.get(row_id) is not None, timeout=60_000)
        assert window.model.get(row_id).state is VmState.STOPPED
        assert run_async(other.start(name), timeout=120).ok
        qtbot.waitUntil(lambda: window.model.get(row_id).state is VmState.RUNNING, timeout=30_000)
        # Its card's picture, from QEMU through libvirt (a PPM, scaled like kvmgui's own).
        window.thumbnails.tick()
        qtbot.waitUntil(lambda: window.model.get(row_id).thumbnail is not None, timeout=30_000)
        # No system runs in it, so the power button goes unheard: after the preferences'
        # shutdown time the window offers to force it off.
        window.ctx.apply_settings(replace(window.ctx.settings, shutdown_timeout_s=2))
        assert window.select(row_id)
        window.vm_actions.shutdown.trigger()
        assert "did not shut down" in answer(qtbot, QMessageBox.StandardButton.Yes)
        qtbot.waitUntil(lambda: window.model.get(row_id).state is VmState.STOPPED, timeout=30_000)
        assert run_async(other.domain(name)).state is VmState.STOPPED
    finally:

        def remove(conn: Any) -> None:
            dom = conn.lookupByName(name)
            if dom.isActive():
                dom.destroy()
            dom.undefine()

        run_async(other.run(remove), timeout=60)
        run_async(other.close())


def test_groups_in_the_model(qtmodeltester: Any, qapp: Any) -> None:
    """Headings sort before their group, kvmgui's own VMs stay first, and replacing one part
    of the list leaves the other alone."""
    from kvmgui.ui.models import Column, VmListModel, VmRow

    model = VmListModel()
    model.set_rows([VmRow(vm_id="local", name="zeta")])
    model.set_libvirt_rows(
        [
            VmRow(vm_id="lv-a", name="aaa", connection="test:///x", group=1),
            VmRow(
                vm_id=group_id("test:///x"),
                name="Lab",
                connection="test:///x",
                header=True,
                group=1,
                header_state="Failed",
                reason="It is down.",
            ),
            VmRow(vm_id=LOCAL_GROUP_ID, name="This computer (kvmgui)", header=True),
        ]
    )
    assert [r.vm_id for r in model.rows()] == [
        LOCAL_GROUP_ID,
        "local",
        group_id("test:///x"),
        "lv-a",
    ]
    heading = model.index(2, Column.NAME)
    assert heading.data() == "Lab — It is down."
    assert model.index(2, Column.STATE).data() == "Failed"
    model.set_rows([VmRow(vm_id="local2", name="alpha")])
    assert [r.vm_id for r in model.rows()] == [
        LOCAL_GROUP_ID,
        "local2",
        group_id("test:///x"),
        "lv-a",
    ]
    qtmodeltester.check(model, force_py=True)
    model.set_libvirt_rows([])
    assert [r.vm_id for r in model.rows()] == ["local2"]


def test_new_vm_offers_the_saved_connections_and_says_where_it_made_the_vm(
    qtbot: Any, launch: Launch, app_paths: AppPaths, settings: Settings, tmp_path: Path
) -> None:
    uri = node_uri(tmp_path, HOST_WITH_ISO)
    _save(app_paths, settings, uri)
    window = launch()
    window.vm_actions.new.trigger()  # File → New Virtual Machine, as a user opens it
    qtbot.waitUntil(lambda: window.wizard is not None and window.wizard.model.env_ready,
                    timeout=10_000)
    wiz = window.wizard
    page = wiz.source_page
    assert [page.target.itemText(i) for i in range(page.target.count())][1:] == [uri]
    page.target.setCurrentIndex(1)
    qtbot.waitUntil(lambda: wiz.model.host.loaded, timeout=10_000)
    assert wiz.model.host.error == ""
    page.host_iso.setCurrentIndex(0)
    _to(qtbot, wiz, wiz.summary_page)
    wiz.summary_page.name.clear()
    qtbot.keyClicks(wiz.summary_page.name, "made-there")
    assert wiz.summary_page.start_now.isChecked()
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage() == f"Created made-there on {uri}.",
        timeout=10_000)
    # Started: its screen is shown, as for a VM made on this computer.
    (details,) = window.findChildren(LibvirtDetailsWindow)
    assert details.name == "made-there"
    assert details.connection is window.ctx.libvirt_hosts.connection(uri)
    assert details.tabs.currentWidget() is details.pages["console"]
    details.close()
