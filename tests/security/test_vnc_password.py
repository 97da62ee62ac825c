"""The optional display password (spec.display.password), end to end on a real QEMU.

The runtime makes a new random password at each start, sets it over QMP (`set_password`) before
the guest runs, and keeps it in the VM's runtime folder (display.password, 0600) for the
console and kvmgui-cli; see kvmgui/runtime/display_auth.py. A VNC client (kvmgui's own
RfbClient) without the password or with a wrong one is refused; with it, it gets the screen.
"""

from __future__ import annotations

import stat

import pytest

from kvmgui.core.model import Display, DisplayKind
from kvmgui.runtime import display_auth
from kvmgui.runtime.display_auth import PASSWORD_LENGTH, password_file
from kvmgui.runtime.manager import VmManager
from kvmgui.runtime.qmp_session import QmpCommandError
from kvmgui.runtime.rfb.client import RfbClient
from kvmgui.runtime.rfb.errors import RfbAuthError
from kvmgui.runtime.state import VmState
from tests.faults.checks import assert_clean_end, qmp_cli
from tests.runtime.helpers import RunEnv, create_vm, qemu_pids_using, tiny_spec

pytestmark = [pytest.mark.qemu]


async def screen_size(address: str, password: str | None) -> tuple[int, int]:
    client = RfbClient(password=password)
    await client.connect(address, timeout=10)
    try:
        return client.width, client.height
    finally:
        await client.close()


@pytest.mark.asyncio
async def test_vnc_password_keeps_clients_without_it_out(
    run_env: RunEnv, manager: VmManager
) -> None:
    create_vm(run_env, tiny_spec("locked", display=Display(password=True)))
    await manager.reload()
    vm = manager.get("locked")
    run = run_env.paths.vm_runtime(vm.vm_id)
    assert (await vm.start()).ok

    password = vm.display_password()
    assert password is not None and len(password) == PASSWORD_LENGTH and password.isalnum()
    stored = password_file(run)
    assert stored.read_text() == password
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert (await qmp_cli(run, "query-vnc"))["auth"] == "vnc"

    address = str(run.vnc_socket)
    with pytest.raises(RfbAuthError, match="asks for a password"):
        await screen_size(address, None)
    wrong = "x" * PASSWORD_LENGTH if password != "x" * PASSWORD_LENGTH else "y" * PASSWORD_LENGTH
    with pytest.raises(RfbAuthError, match="refused the password"):
        await screen_size(address, wrong)
    width, height = await screen_size(address, password)
    assert width > 0 and height > 0

    # A new password at every start; the old one stops working, the file goes with the run.
    assert (await vm.force_off()).ok
    await assert_clean_end(run)
    assert vm.display_password() is None
    assert (await vm.start()).ok
    second = vm.display_password()
    assert second is not None and second != password
    with pytest.raises(RfbAuthError):
        await screen_size(address, password)
    assert (await screen_size(address, second))[0] > 0
    assert (await vm.force_off()).ok
    await assert_clean_end(run)


@pytest.mark.asyncio
async def test_without_a_password_there_is_no_file_and_no_authentication(
    run_env: RunEnv, manager: VmManager
) -> None:
    create_vm(run_env, tiny_spec("open"))
    await manager.reload()
    vm = manager.get("open")
    run = run_env.paths.vm_runtime(vm.vm_id)
    assert (await vm.start()).ok
    assert vm.display_password() is None and not password_file(run).exists()
    assert (await qmp_cli(run, "query-vnc"))["auth"] == "none"
    # Only the folder protects this one (tests/security/test_runtime_perms.py).
    assert (await screen_size(str(run.vnc_socket), None))[0] > 0
    assert (await vm.force_off()).ok
    await assert_clean_end(run)


@pytest.mark.asyncio
async def test_spice_password_is_set_too(run_env: RunEnv, manager: VmManager) -> None:
    create_vm(run_env, tiny_spec("spiced", display=Display(kind=DisplayKind.SPICE,
                                                           password=True)))
    await manager.reload()
    vm = manager.get("spiced")
    run = run_env.paths.vm_runtime(vm.vm_id)
    started = await vm.start()
    assert started.ok, started
    spice = await qmp_cli(run, "query-spice")
    assert spice["enabled"] and spice["auth"] == "spice"
    assert vm.display_password() == password_file(run).read_text()
    assert (await vm.force_off()).ok
    await assert_clean_end(run)


@pytest.mark.asyncio
async def test_a_refused_password_stops_the_vm_with_a_sentence(
    run_env: RunEnv, manager: VmManager, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If QEMU ever refused the password, the guest must not run with an unusable display:
    the start fails with a sentence and nothing is left behind."""
    real = display_auth.apply_password

    async def refusing(session, spec, run):  # type: ignore[no-untyped-def]
        await real(session, spec, run)
        raise QmpCommandError("set_password", "GenericError", "Could not set password")

    monkeypatch.setattr(display_auth, "apply_password", refusing)
    create_vm(run_env, tiny_spec("refused", display=Display(password=True)))
    await manager.reload()
    vm = manager.get("refused")
    outcome = await vm.start()
    assert not outcome.ok and outcome.code == "display-password"
    assert "password" in outcome.message and outcome.message.endswith(".")
    assert vm.state is VmState.STOPPED and vm.pid is None
    assert qemu_pids_using(run_env.root) == []
    await assert_clean_end(run_env.paths.vm_runtime(vm.vm_id))
