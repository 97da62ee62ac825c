"""Nothing a user or a definition file writes is read by a shell (issue 8).

QEMU is started from an argument list, so shell syntax in a VM's name, its files or its expert
extra arguments reaches QEMU as plain text; and the command line kvmgui shows for copying is
quoted so that pasting it into a shell runs exactly that argv.
"""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

import pytest

from kvmgui.core.argv import extra_args_problems, shell_line
from kvmgui.runtime.manager import VmManager
from kvmgui.runtime.process import proc_cmdline
from tests.faults.checks import assert_clean_end
from tests.runtime.helpers import RunEnv, create_vm, tiny_spec

pytestmark = [pytest.mark.qemu]


def payloads(flag: Path) -> list[str]:
    """Ways a shell would run `touch FLAG`."""
    return [f"$(touch {flag}1)", f"`touch {flag}2`", f";touch {flag}3;", f"|touch {flag}4",
            f"&&touch {flag}5", f"\ntouch {flag}6"]


@pytest.mark.asyncio
async def test_shell_syntax_reaches_qemu_as_text(run_env: RunEnv, manager: VmManager) -> None:
    flag = run_env.root / "pwned"
    # fw_cfg takes any text (without commas) and QEMU only stores it for the guest.
    text = "".join(p for p in payloads(flag) if "\n" not in p)
    extra = ("-fw_cfg", f"name=opt/kvmgui/test,string={text}")
    assert extra_args_problems(extra) == []
    name = "shell $(touch x) `y` ; z"
    create_vm(run_env, tiny_spec(name, extra_args=extra))
    await manager.reload()
    vm = manager.get(name)
    outcome = await vm.start()
    assert outcome.ok, outcome
    assert vm.pid is not None
    args = proc_cmdline(vm.pid)
    assert args is not None
    assert f"name=opt/kvmgui/test,string={text}" in args
    assert any(name in a for a in args)
    assert not list(run_env.root.glob("pwned*"))
    assert (await vm.force_off()).ok
    await assert_clean_end(run_env.paths.vm_runtime(vm.vm_id))
    assert not list(run_env.root.glob("pwned*"))


def test_a_newline_cannot_be_smuggled_in() -> None:
    assert extra_args_problems(["-fw_cfg", "name=opt/x,string=a\ntouch /tmp/x"])


def test_the_shown_command_line_pastes_back_to_the_same_argv(tmp_path: Path) -> None:
    flag = tmp_path / "pwned"
    argv = ["qemu-system-x86_64", "-name", "guest=it's \"here\"", *payloads(flag), "a b", ""]
    line = shell_line(argv)
    assert shlex.split(line) == argv
    # A real shell agrees, and runs none of it.
    echoed = subprocess.run(["bash", "-c", f"printf '%s\\0' {line}"], capture_output=True,
                            check=True).stdout
    assert echoed.split(b"\0")[:-1] == [a.encode() for a in argv]
    assert not list(tmp_path.glob("pwned*"))
