"""A handed-in vm.json cannot share a folder of this computer with its guest unasked: the real
kvmgui-cli against real QEMU. Shares of the whole computer or home folder, or with bad tags,
are refused outright; another folder waits for `kvmgui-cli approve`, which names it."""

from __future__ import annotations

import json

import pytest

from kvmgui.core.definition import dump_definition
from tests.runtime.helpers import RunEnv, qemu_pids_using, tiny_spec

pytestmark = pytest.mark.qemu


def _drop(env: RunEnv, name: str, shares: object) -> None:
    data = json.loads(dump_definition(tiny_spec(name)))
    data["shares"] = shares
    folder = env.paths.default_vm_root / name
    folder.mkdir(parents=True)
    (folder / "vm.json").write_text(json.dumps(data))


def test_a_handed_in_share_waits_for_approval(run_env: RunEnv) -> None:
    env = run_env
    secret = env.root / "secrets"
    secret.mkdir()
    _drop(env, "handed-share", [{"path": str(secret), "tag": "x", "read_only": False}])
    refused = env.cli("start", "handed-share")
    assert refused.returncode == 1 and "kvmgui-cli approve handed-share" in refused.stderr
    assert qemu_pids_using(env.root) == []

    shown = env.cli("approve", "handed-share", "--yes", check=True)
    assert f"Shared folder (read and write): {secret}" in shown.stdout
    env.cli("start", "handed-share", check=True)
    env.cli("kill", "handed-share", check=True)
    assert qemu_pids_using(env.root) == []


@pytest.mark.parametrize(
    ("shares", "words"),
    [
        ([{"path": "/", "tag": "root"}], "whole home folder or computer"),
        ([{"path": "HOME", "tag": "home"}], "whole home folder or computer"),
        ([{"path": "/tmp", "tag": "a,b"}], "letters, digits"),
        ([{"path": "tmp", "tag": "t"}], "absolute path"),
    ],
)
def test_hostile_shares_never_start(
    run_env: RunEnv, shares: list[dict[str, str]], words: str
) -> None:
    env = run_env
    for share in shares:
        share["path"] = share["path"].replace("HOME", env.environ["HOME"])
    _drop(env, "hostile", shares)
    result = env.cli("start", "hostile")
    assert result.returncode != 0 and words in result.stderr, result
    assert qemu_pids_using(env.root) == []
