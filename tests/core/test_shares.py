"""Shared folders in core: tags, how each folder travels, definitions, validation, argv."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from kvmgui.core.argv import ArgvError, build_argv
from kvmgui.core.argv_opts import opts_dict
from kvmgui.core.argv_shares import virtiofsd_argv, virtiofsd_socket
from kvmgui.core.definition import DefinitionError, dump_definition, parse_definition
from kvmgui.core.host import HostFacts
from kvmgui.core.model import NetMode, Network, OsPreset, Share, VmSpec
from kvmgui.core.presets import new_spec
from kvmgui.core.restart import restart_fields
from kvmgui.core.shares import (
    SMB_GUEST_PATH,
    ShareMethod,
    derive_tag,
    guest_command,
    new_share,
    plan_shares,
)
from kvmgui.core.trust import ReachKind, host_reach
from kvmgui.core.validation import share_problems, validate_spec
from tests.core.vm_fixtures import FIXTURES, GOLDEN_CAPS, GOLDEN_HOST

LEGACY = replace(GOLDEN_HOST, virtiofsd="/usr/lib/qemu/virtiofsd", virtiofsd_legacy=True)
RUST = replace(GOLDEN_HOST, virtiofsd="/usr/libexec/virtiofsd", virtiofsd_readonly=True)
NO_VIRTIOFSD = replace(GOLDEN_HOST, virtiofsd_reason="The installed virtiofsd only runs as root.")
FX = FIXTURES["linux-uefi-pc"] if "linux-uefi-pc" in FIXTURES else next(iter(FIXTURES.values()))


# --- tags ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "taken", "tag"),
    [
        ("/home/me/Projects", (), "Projects"),
        ("/home/me/Photos 2024/", (), "Photos-2024"),
        ("/data/Données été", (), "Donnees-ete"),
        ("/data/日本", (), "share"),
        ("/data/a.b,c;d", (), "a-b-c-d"),
        ("/x/src", ("src",), "src-2"),
        ("/x/SRC", ("src", "src-2"), "SRC-3"),
        ("/x/" + "y" * 50, (), "y" * 31),
        ("/x/" + "y" * 50, ("y" * 31,), "y" * 29 + "-2"),
        ("/", (), "share"),
    ],
)
def test_derive_tag(path: str, taken: tuple[str, ...], tag: str) -> None:
    assert derive_tag(path, taken) == tag


def test_new_share_is_absolute_with_a_unique_tag(tmp_path: Path) -> None:
    first = new_share(str(tmp_path / "a" / "docs"), ())
    second = new_share(str(tmp_path / "b" / "docs"), (first,), read_only=True)
    assert (first.tag, second.tag, second.read_only) == ("docs", "docs-2", True)
    assert Path(second.path).is_absolute()


# --- how a folder travels --------------------------------------------------------------------


def _spec(*shares: Share, os: OsPreset = OsPreset.LINUX, **kw: object) -> VmSpec:
    return replace(new_spec("s", os), shares=shares, **kw)  # type: ignore[arg-type]


RW = Share("/srv/data", "data")
RO = Share("/srv/docs", "docs", read_only=True)


def test_plan_with_the_c_virtiofsd() -> None:
    rw, ro = plan_shares(_spec(RW, RO), LEGACY)
    assert (rw.method, rw.reason) == (ShareMethod.VIRTIOFS, "")
    assert ro.method is ShareMethod.NINEP and "read-only" in ro.reason
    comma = plan_shares(_spec(Share("/srv/a,b", "ab")), LEGACY)[0]
    assert comma.method is ShareMethod.NINEP and "comma" in comma.reason


def test_plan_with_the_newer_virtiofsd_shares_read_only_too() -> None:
    assert [r.method for r in plan_shares(_spec(RW, RO), RUST)] == [ShareMethod.VIRTIOFS] * 2


def test_plan_without_virtiofsd_says_why() -> None:
    (route,) = plan_shares(_spec(RW), NO_VIRTIOFSD)
    assert route.method is ShareMethod.NINEP and route.reason.endswith("only runs as root.")
    (route,) = plan_shares(_spec(RW), GOLDEN_HOST)
    assert "sudo apt install virtiofsd" in route.reason


def test_windows_uses_smb() -> None:
    (route,) = plan_shares(_spec(RW, os=OsPreset.WINDOWS11), LEGACY)
    assert route.method is ShareMethod.SMB and route.instruction == SMB_GUEST_PATH


def test_guest_commands() -> None:
    assert guest_command(RW, ShareMethod.VIRTIOFS) == "sudo mount -t virtiofs data /mnt"
    assert guest_command(RO, ShareMethod.NINEP) == (
        "sudo mount -t 9p -o trans=virtio,version=9p2000.L docs /mnt"
    )
    assert guest_command(RW, ShareMethod.SMB) == "\\\\10.0.2.4\\qemu"


# --- definitions -----------------------------------------------------------------------------


def _definition(**changes: object) -> bytes:
    data = json.loads(dump_definition(new_spec("d", OsPreset.LINUX)))
    data.update(changes)
    return json.dumps(data).encode()


def test_shares_round_trip_and_are_absent_when_empty() -> None:
    spec = _spec(RW, RO)
    assert parse_definition(dump_definition(spec), source="t") == (spec, 2)
    assert b'"shares"' not in dump_definition(new_spec("d", OsPreset.LINUX))


@pytest.mark.parametrize(
    ("shares", "words"),
    [
        ([{"path": "relative/dir", "tag": "a"}], "absolute path"),
        ([{"path": "/a\nb", "tag": "a"}], "absolute path"),
        ([{"path": "/a", "tag": "a,b=c"}], "letters, digits"),
        ([{"path": "/a", "tag": ""}], "letters, digits"),
        ([{"path": "/a", "tag": "x" * 32}], "letters, digits"),
        ([{"path": "/a", "tag": "t"}, {"path": "/b", "tag": "T"}], "used twice"),
        ([{"path": "/a"}], "required key 'shares[0].tag'"),
        ([{"path": "/a", "tag": "a", "read_only": "yes"}], "true or false"),
        ([{"path": "/a", "tag": "a", "writable": True}], "unknown"),
        ([{"path": f"/d{i}", "tag": f"t{i}"} for i in range(17)], "more than the 16 allowed"),
        ("/etc", "must be a list"),
    ],
)
def test_hostile_definitions_are_refused(shares: object, words: str) -> None:
    with pytest.raises(DefinitionError) as err:
        parse_definition(_definition(shares=shares), source="vm.json")
    assert words in str(err.value)


# --- validation ------------------------------------------------------------------------------


def test_home_and_root_and_their_parents_are_refused(tmp_path: Path) -> None:
    home = tmp_path / "home" / "me"
    (home / "Music").mkdir(parents=True)
    for path in (str(home), "/", str(tmp_path / "home"), str(home) + "/"):
        problems = share_problems(_spec(Share(path, "x")), home=str(home))
        assert [p.field for p in problems] == ["shares[0].path"], path
        assert "whole home folder" in problems[0].message
    assert share_problems(_spec(Share(str(home / "Music"), "m")), home=str(home)) == []


def test_a_link_to_home_is_refused(tmp_path: Path) -> None:
    home = tmp_path / "me"
    home.mkdir()
    (tmp_path / "link").symlink_to(home)
    (problem,) = share_problems(_spec(Share(str(tmp_path / "link"), "l")), home=str(home))
    assert "whole home folder" in problem.message


def test_missing_folder_bad_tag_and_duplicates(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("")
    spec = _spec(
        Share(str(tmp_path / "nope"), "a"),
        Share(str(tmp_path / "f"), "A"),
        Share("rel", "b"),
        Share(str(tmp_path), "bad tag"),
    )
    fields = [(p.field, p.message.split(" ")[1]) for p in share_problems(spec, home="/nohome")]
    assert fields == [
        ("shares[0].path", "shared"),
        ("shares[1].path", "shared"),
        ("shares[1].tag", "share"),
        ("shares[2].path", "shared"),
        ("shares[3].tag", "share"),
    ]


def test_windows_rules(tmp_path: Path) -> None:
    a, b = Share(str(tmp_path), "a"), Share(str(tmp_path), "b", read_only=True)
    messages = [
        p.message for p in share_problems(_spec(a, b, os=OsPreset.WINDOWS10), home="/nohome")
    ]
    assert any("always offers writable" in m for m in messages)
    assert any("only one folder" in m for m in messages)
    off = _spec(a, os=OsPreset.WINDOWS10, network=Network(mode=NetMode.NONE))
    assert ["network" in p.message for p in share_problems(off, home="/nohome")] == [True]


def test_validate_spec_includes_shares(tmp_path: Path) -> None:
    spec = _spec(Share("/", "root"))
    assert any(p.field == "shares[0].path" for p in validate_spec(spec, GOLDEN_HOST))


# --- argv ------------------------------------------------------------------------------------


def _argv(spec: VmSpec, host: HostFacts) -> list[str]:
    return build_argv(
        replace(FX.spec, shares=spec.shares, os=spec.os),
        caps=GOLDEN_CAPS,
        host=host,
        folder=FX.folder,
        run=FX.run,
    )


def _values(argv: list[str], option: str) -> list[str]:
    return [argv[i + 1] for i, a in enumerate(argv) if a == option]


def test_argv_virtiofs_and_9p() -> None:
    argv = _argv(_spec(RW, Share("/srv/a,b", "ab", read_only=True)), LEGACY)
    sock = str(virtiofsd_socket(FX.run, 0))
    assert f"socket,id=fs0,path={sock}" in _values(argv, "-chardev")
    devices = _values(argv, "-device")
    assert "vhost-user-fs-pci,chardev=fs0,tag=data,queue-size=1024,id=share0" in devices
    assert "virtio-9p-pci,fsdev=fsdev1,mount_tag=ab,id=share1" in devices
    assert _values(argv, "-fsdev") == [
        "local,id=fsdev1,path=/srv/a,,b,security_model=mapped-xattr,readonly=on"
    ]
    memory = f"memory-backend-memfd,id=mem,size={FX.spec.memory_mib}M,share=on"
    assert _values(argv, "-object").count(memory) == 1
    assert opts_dict(_values(argv, "-machine")[0])["memory-backend"] == "mem"


def test_argv_9p_only_keeps_private_memory() -> None:
    argv = _argv(_spec(RO), LEGACY)
    assert not any("memory-backend" in a for a in argv)
    assert _values(argv, "-fsdev") == [
        "local,id=fsdev0,path=/srv/docs,security_model=mapped-xattr,readonly=on"
    ]


def test_argv_without_shares_is_unchanged() -> None:
    argv = _argv(_spec(), LEGACY)
    assert not any(a in argv for a in ("-fsdev", "-chardev")) and "smb=" not in " ".join(argv)


def test_argv_windows_smb() -> None:
    host = replace(LEGACY, smbd="/usr/sbin/smbd")
    argv = _argv(_spec(Share("/srv/x,y", "x"), os=OsPreset.WINDOWS10), host)
    netdev = _values(argv, "-netdev")[0]
    assert netdev.endswith(",smb=/srv/x,,y")
    with pytest.raises(ArgvError, match="sudo apt install samba"):
        _argv(_spec(RW, os=OsPreset.WINDOWS10), LEGACY)


def test_virtiofsd_argv() -> None:
    legacy = plan_shares(_spec(RW), LEGACY)[0]
    sock = str(virtiofsd_socket(FX.run, 0))
    assert virtiofsd_argv(legacy, LEGACY, FX.run) == [
        "/usr/lib/qemu/virtiofsd",
        f"--socket-path={sock}",
        "-o",
        "source=/srv/data",
        "-o",
        "sandbox=namespace",
        "-o",
        "cache=auto",
        "-o",
        "log_level=warn",
    ]
    ro = plan_shares(_spec(RW, RO), RUST)[1]
    assert virtiofsd_argv(ro, RUST, FX.run) == [
        "/usr/libexec/virtiofsd",
        f"--socket-path={virtiofsd_socket(FX.run, 1)}",
        "--shared-dir=/srv/docs",
        "--sandbox=namespace",
        "--cache=auto",
        "--log-level=warn",
        "--readonly",
    ]


# --- restart and trust -----------------------------------------------------------------------


def test_share_edits_wait_for_the_next_start() -> None:
    assert restart_fields(_spec(), _spec(RW)) == ["shares"]


def test_shares_need_approval(tmp_path: Path) -> None:
    from kvmgui.core.paths import VmFolder

    reach = host_reach(_spec(RW, RO), VmFolder(tmp_path / "vm"))
    assert [(r.kind, r.writable) for r in reach] == [
        (ReachKind.SHARED_FOLDER, True),
        (ReachKind.SHARED_FOLDER, False),
    ]
