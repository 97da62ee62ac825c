"""core.chain_rule: which backing chains a VM may open (pure; the real chains are in
tests/security/test_backing_chain.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kvmgui.core.chain_rule import (
    MAX_CHAIN,
    FileFacts,
    FileKind,
    chain_problem,
    has_protocol,
    in_system_folder,
)
from kvmgui.core.qemu_img import ImageInfo, parse_info_chain

UID = 1000
MiB = 1024 * 1024


def image(path: str, fmt: str = "qcow2", base: str | None = None,
          base_fmt: str | None = "qcow2") -> ImageInfo:
    return ImageInfo(filename=path, format=fmt, virtual_size=MiB, actual_size=MiB,
                     backing_file=base, backing_format=base_fmt if base else None,
                     full_backing_filename=base)


def mine(path: str) -> FileFacts:
    return FileFacts(path, FileKind.REGULAR, UID)


def test_a_lone_image_and_a_chain_of_own_recorded_images_pass() -> None:
    assert chain_problem([image("/h/u/a.qcow2", "raw")], {}, uid=UID) is None
    chain = [image("/h/u/top.qcow2", base="/h/u/mid.qcow2"),
             image("/h/u/mid.qcow2", base="/h/u/base.raw", base_fmt="raw"),
             image("/h/u/base.raw", "raw")]
    facts = {p: mine(p) for p in ("/h/u/mid.qcow2", "/h/u/base.raw")}
    assert chain_problem(chain, facts, uid=UID) is None
    # Own files outside the home folder are fine too: the owner decides there.
    for place in ("/var/tmp/b.qcow2", "/srv/vm/b.qcow2", "/tmp/b.qcow2", "/mnt/usb/b.raw"):
        assert chain_problem([image("/h/u/t.qcow2", base=place)], {place: mine(place)},
                             uid=UID) is None


@pytest.mark.parametrize(("real", "kind", "owner", "says"), [
    ("/etc/shadow", FileKind.REGULAR, 0, "is a system file, not one of your images"),
    ("/etc/shadow", FileKind.REGULAR, UID, "is a system file"),  # even if it were ours
    ("/usr/share/x.img", FileKind.REGULAR, 0, "is a system file"),
    ("/boot/vmlinuz", FileKind.REGULAR, 0, "is a system file"),
    ("/proc/self/mem", FileKind.REGULAR, UID, "is a system file"),
    ("/sys/firmware/efi", FileKind.OTHER, 0, "is a system file"),
    ("/dev/sda", FileKind.DEVICE, 0, "is a device, not one of your images"),
    ("/h/u/node", FileKind.DEVICE, UID, "is a device"),  # a device node anywhere
    ("/var/log/syslog", FileKind.REGULAR, 0, "belongs to another user"),
    ("/home/other/disk.qcow2", FileKind.REGULAR, 1001, "belongs to another user"),
    ("/h/u/folder", FileKind.OTHER, UID, "is not an image file"),
    ("/h/u/gone.qcow2", FileKind.MISSING, None, "does not exist"),
    ("/h/u/locked.qcow2", FileKind.UNREADABLE, None, "cannot be checked"),
])
def test_a_base_outside_the_users_own_images_is_refused(
    real: str, kind: FileKind, owner: int | None, says: str
) -> None:
    chain = [image("/h/u/top.qcow2", base="/h/u/base.img", base_fmt="raw")]
    problem = chain_problem(chain, {"/h/u/base.img": FileFacts(real, kind, owner)}, uid=UID)
    assert problem is not None and says in problem
    assert problem.startswith("top.qcow2's base /h/u/base.img")
    if real != "/h/u/base.img":
        assert f"→ {real}" in problem  # a symbolic link: where it really leads


def test_the_message_of_the_brief() -> None:
    chain = [image("/h/u/top.qcow2", base="/etc/shadow", base_fmt="raw")]
    facts = {"/etc/shadow": FileFacts("/etc/shadow", FileKind.REGULAR, 0)}
    assert chain_problem(chain, facts, uid=UID) == (
        "top.qcow2's base /etc/shadow is a system file, not one of your images: kvmgui will "
        "not let a VM read it.")


def test_every_link_is_judged_and_named() -> None:
    chain = [image("/h/u/top.qcow2", base="/h/u/mid.qcow2"),
             image("/h/u/mid.qcow2", base="/etc/passwd", base_fmt="raw")]
    facts = {"/h/u/mid.qcow2": mine("/h/u/mid.qcow2"),
             "/etc/passwd": FileFacts("/etc/passwd", FileKind.REGULAR, 0)}
    problem = chain_problem(chain, facts, uid=UID)
    assert problem is not None and problem.startswith("mid.qcow2's base /etc/passwd is a system")


def test_an_unrecorded_or_strange_base_format_is_refused() -> None:
    facts = {"/h/u/b": mine("/h/u/b")}
    unrecorded = chain_problem([image("/h/u/t.qcow2", base="/h/u/b", base_fmt=None)], facts,
                               uid=UID)
    assert unrecorded is not None and "does not record the format of its base" in unrecorded
    assert "qemu-img rebase -u -F" in unrecorded
    for fmt in ("vvfat", "file", "host_device", "nbd", "json"):
        odd = chain_problem([image("/h/u/t.qcow2", base="/h/u/b", base_fmt=fmt)], facts, uid=UID)
        assert odd is not None and "not a disk image format" in odd, fmt


@pytest.mark.parametrize("name", [
    'json:{"driver":"raw","file":{"driver":"file","filename":"/etc/shadow"}}',
    "nbd://example.org/disk", "nbd:unix:/tmp/s", "file:/etc/shadow", "http://x/y.qcow2",
])
def test_a_protocol_base_is_refused(name: str) -> None:
    problem = chain_problem([image("/h/u/t.qcow2", base=name, base_fmt="raw")], {}, uid=UID)
    assert problem is not None and "not a file name but an instruction to QEMU" in problem


def test_a_data_file_is_refused_even_an_own_one() -> None:
    top = replace(image("/h/u/t.qcow2"), data_file="/h/u/t.data")
    problem = chain_problem([top], {}, uid=UID)
    assert problem is not None and "keeps its data in another file (/h/u/t.data)" in problem
    deep = [image("/h/u/t.qcow2", base="/h/u/b.qcow2"),
            replace(image("/h/u/b.qcow2"), data_file="/etc/shadow")]
    problem = chain_problem(deep, {"/h/u/b.qcow2": mine("/h/u/b.qcow2")}, uid=UID)
    assert problem is not None and problem.startswith("b.qcow2 keeps its data")


def test_loops_and_endless_chains_are_refused() -> None:
    loop = [image("/h/u/a.qcow2", base="/h/u/b.qcow2"), image("/h/u/b.qcow2", base="/h/u/a.qcow2"),
            image("/h/u/a.qcow2", base="/h/u/b.qcow2")]
    facts = {p: mine(p) for p in ("/h/u/a.qcow2", "/h/u/b.qcow2")}
    problem = chain_problem(loop, facts, uid=UID)
    assert problem is not None and "loop back" in problem
    names = [f"/h/u/{i}.qcow2" for i in range(MAX_CHAIN + 1)]
    long = [image(names[i], base=names[i + 1]) for i in range(MAX_CHAIN)]
    problem = chain_problem(long, {n: mine(n) for n in names}, uid=UID)
    assert problem is not None and f"more than {MAX_CHAIN} bases" in problem
    assert chain_problem(long[:-1], {n: mine(n) for n in names}, uid=UID) is None


def test_a_base_without_facts_is_not_passed() -> None:
    problem = chain_problem([image("/h/u/t.qcow2", base="/h/u/b")], {}, uid=UID)
    assert problem is not None and "could not be checked" in problem


def test_helpers() -> None:
    assert has_protocol("json:{}") and has_protocol("nbd:x") and not has_protocol("./a:b")
    assert not has_protocol("/x/a:b") and not has_protocol("base.qcow2")
    assert in_system_folder("/etc") and in_system_folder("/dev/sda")
    assert not in_system_folder("/etcetera/x") and not in_system_folder("/home/u/etc/x")


def test_the_data_file_is_parsed_from_qemu_img_info() -> None:
    text = ('{"virtual-size": 1048576, "filename": "df.qcow2", "format": "qcow2", '
            '"format-specific": {"type": "qcow2", "data": {"compat": "1.1", '
            '"data-file": "/tmp/x/sec", "data-file-raw": true}}}')
    assert parse_info_chain(text)[0].data_file == "/tmp/x/sec"


def test_a_raw_base_must_look_like_a_disk() -> None:
    def judge(real: str, size: int, fmt: str = "raw", own: tuple[str, ...] = ()) -> str | None:
        chain = [image("/h/u/Downloads/t.qcow2", base=real, base_fmt=fmt)]
        return chain_problem(chain, {real: FileFacts(real, FileKind.REGULAR, UID, size)},
                             uid=UID, own_folders=own)

    key = judge("/h/u/.ssh/id_ed25519", 411)
    assert key is not None and "is in a hidden folder, where settings and keys are kept" in key
    cookies = judge("/h/u/.mozilla/firefox/p/cookies.sqlite", 4 * MiB)
    assert cookies is not None and "hidden folder" in cookies
    notes = judge("/h/u/Documents/passwords.kdbx", 3001)
    assert notes is not None and "is not a whole number of disk sectors" in notes
    empty = judge("/h/u/empty.img", 0)
    assert empty is not None and "whole number of disk sectors" in empty
    assert judge("/h/u/Downloads/base.img", 4 * MiB) is None
    # kvmgui's own VMs live in a hidden folder: a raw disk there may be a linked clone's base.
    assert judge("/h/u/.local/share/kvmgui/vms/base/disk.raw", 4 * MiB,
                 own=("/h/u/.local/share/kvmgui",)) is None
    # Other formats must parse as such, so they cannot show a key file's bytes: the rule is
    # for raw only (GNOME Boxes keeps its qcow2 images under ~/.local/share, say).
    assert judge("/h/u/.local/share/gnome-boxes/images/box", 3 * MiB + 7, "qcow2") is None


def test_a_vmdk_keeps_its_parts_in_its_own_folder() -> None:
    def vmdk(*parts: str) -> ImageInfo:
        return replace(image("/h/u/vm/disk.vmdk", "vmdk"), extents=parts)

    own = {"/h/u/vm/disk.vmdk": mine("/h/u/vm/disk.vmdk"),
           "/h/u/vm/disk-flat.vmdk": mine("/h/u/vm/disk-flat.vmdk")}
    assert chain_problem([vmdk("/h/u/vm/disk.vmdk")], {}, uid=UID) is None  # one file
    assert chain_problem([vmdk("/h/u/vm/disk-flat.vmdk")], own, uid=UID) is None
    assert chain_problem([vmdk("disk-flat.vmdk")], own, uid=UID) is None  # relative
    for part, fact in (
        ("/etc/shadow", FileFacts("/etc/shadow", FileKind.REGULAR, 0)),
        ("/h/u/.ssh/id_rsa", mine("/h/u/.ssh/id_rsa")),
        ("/h/u/vm/link", FileFacts("/etc/passwd", FileKind.REGULAR, 0)),
        ("/h/u/vm/theirs", FileFacts("/h/u/vm/theirs", FileKind.REGULAR, 1001)),
        ("/h/u/vm/dev", FileFacts("/h/u/vm/dev", FileKind.DEVICE, UID)),
        ("json:{}", None),
    ):
        facts = dict(own) if fact is None else {**own, part: fact}
        problem = chain_problem([vmdk(part)], facts, uid=UID)
        assert problem is not None, part
        assert problem.startswith("disk.vmdk reads part of its data from"), problem


def test_the_vmdk_extents_are_parsed_from_qemu_img_info() -> None:
    text = ('{"virtual-size": 1024, "filename": "/v/evil.vmdk", "format": "vmdk", '
            '"format-specific": {"type": "vmdk", "data": {"extents": ['
            '{"virtual-size": 512, "filename": "/etc/hostname", "format": "FLAT"}, '
            '{"virtual-size": 512, "filename": "/etc/hostname", "format": "FLAT"}]}}}')
    assert parse_info_chain(text)[0].extents == ("/etc/hostname", "/etc/hostname")


def test_a_relative_base_is_judged_where_qemu_finds_it() -> None:
    link = replace(image("/h/u/vm/top.qcow2", base="../.ssh/id_rsa", base_fmt="raw"),
                   full_backing_filename=None)
    real = "/h/u/.ssh/id_rsa"
    problem = chain_problem([link], {"/h/u/vm/../.ssh/id_rsa": FileFacts(real, FileKind.REGULAR,
                                                                        UID, 1679)}, uid=UID)
    assert problem is not None and "hidden folder" in problem
