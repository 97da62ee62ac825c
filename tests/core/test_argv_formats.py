"""Every image the builder hands to QEMU carries an explicit format (issue 8).

`format_problems` walks a generated argv the way QEMU reads it: every `-drive` names its
`format=` and its protocol driver (never a bare `file=`, which QEMU parses for "json:" and
other prefixes); every `-blockdev` is either a protocol node (file, host_device, host_cdrom)
used by exactly one format node, or a format node (raw, qcow2, …) on top of a protocol node;
every device, pflash slot and backing reference names a format node. The mutation tests prove
the check bites: removing the format from any drive of any golden argv makes it fail.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kvmgui.core.argv_extra import NO_VALUE
from kvmgui.core.argv_opts import opts_dict, parse_opts, split_opts
from tests.core.test_argv_golden import fixture_argv
from tests.core.vm_fixtures import FIXTURES

PROTOCOL_DRIVERS = frozenset({"file", "host_device", "host_cdrom"})
FORMAT_DRIVERS = frozenset({"raw", "qcow2", "vmdk", "vdi", "vhdx"})
FORMAT_GUESSING_OPTIONS = frozenset(
    {"-hda", "-hdb", "-hdc", "-hdd", "-cdrom", "-fda", "-fdb", "-sd", "-mtdblock", "-pflash"}
)


def option_pairs(argv: list[str]) -> Iterator[tuple[int, str, str | None]]:
    """(index of the option, option, value or None) for argv[1:] (argv[0] is the binary)."""
    i = 1
    while i < len(argv):
        option = argv[i]
        if option.lstrip("-") in NO_VALUE:
            yield i, option, None
            i += 1
        else:
            yield i, option, argv[i + 1] if i + 1 < len(argv) else None
            i += 2


def format_problems(argv: list[str]) -> list[str]:
    problems: list[str] = []
    protocol_nodes: dict[str, int] = {}  # node name -> times used as a format node's file
    format_nodes: set[str] = set()
    drive_ids: set[str] = set()
    references: list[tuple[str, str]] = []  # (what refers, node or drive id)

    for _, option, value in option_pairs(argv):
        if option in FORMAT_GUESSING_OPTIONS:
            problems.append(f"{option} lets QEMU guess the format")
        if value is None:
            continue
        if option == "-blockdev":
            fields = opts_dict(value)
            driver, name = fields.get("driver"), fields.get("node-name")
            if not name:
                problems.append(f"-blockdev without node-name: {value}")
                continue
            if driver in PROTOCOL_DRIVERS:
                protocol_nodes[name] = 0
            elif driver in FORMAT_DRIVERS:
                child = fields.get("file")
                if child not in protocol_nodes:
                    problems.append(f"format node {name} is not on a declared protocol node")
                else:
                    protocol_nodes[child] += 1
                format_nodes.add(name)
                if "backing" in fields:
                    references.append((f"backing of {name}", fields["backing"]))
            else:
                problems.append(f"-blockdev {name} has no known driver (got {driver!r})")
        elif option == "-drive":
            fields = opts_dict(value)
            if fields.get("format") not in FORMAT_DRIVERS:
                problems.append(f"-drive without an explicit format: {value}")
            if "file" in fields:
                problems.append(f"-drive with a bare file= (parsed for protocols): {value}")
            if fields.get("file.driver") not in PROTOCOL_DRIVERS:
                problems.append(f"-drive without an explicit protocol driver: {value}")
            if "backing" in fields:
                references.append((f"backing of {fields.get('id')}", fields["backing"]))
            drive_ids.add(fields.get("id", ""))
        elif option == "-device":
            fields = opts_dict(value, implied="driver")
            if "drive" in fields:
                references.append((f"device {fields.get('id')}", fields["drive"]))
        elif option == "-machine":
            for key, node in parse_opts(value, implied="type"):
                if key.startswith("pflash"):
                    references.append((key, node))

    for what, target in references:
        if target not in format_nodes and target not in drive_ids:
            problems.append(f"{what} uses {target}, which is not a format node")
    for name, uses in protocol_nodes.items():
        if uses != 1:
            problems.append(f"protocol node {name} is under {uses} format nodes, not one")
    return problems


ARGVS = {name: fixture_argv(fx) for name, fx in FIXTURES.items()}


@pytest.mark.parametrize("name", sorted(ARGVS))
def test_every_image_has_an_explicit_format(name: str) -> None:
    assert format_problems(ARGVS[name]) == []


def _without_item(value: str, key: str) -> str:
    return ",".join(
        item.replace(",", ",,") for item in split_opts(value) if not item.startswith(f"{key}=")
    )


def format_removals(argv: list[str]) -> Iterator[tuple[str, list[str]]]:
    """Every way to take an explicit format away from one drive of `argv`."""
    for index, option, value in option_pairs(argv):
        if value is None:
            continue
        fields = opts_dict(value)
        if option == "-drive":
            mutated = list(argv)
            mutated[index + 1] = _without_item(value, "format")
            yield f"format= removed from {fields.get('id')}", mutated
        elif option == "-blockdev" and fields.get("driver") in FORMAT_DRIVERS:
            name, child = fields["node-name"], fields["file"]
            mutated = list(argv)
            mutated[index + 1] = _without_item(value, "driver")
            yield f"driver= removed from {name}", mutated
            # Drop the format node and let everything use the protocol node directly.
            bypassed = argv[:index] + [_retarget(arg, name, child) for arg in argv[index + 2:]]
            yield f"format node {name} bypassed", bypassed


_REFERENCE_KEYS = ("drive", "backing", "pflash0", "pflash1")


def _retarget(value: str, name: str, child: str) -> str:
    items = []
    changed = False
    for item in split_opts(value):
        key, sep, target = item.partition("=")
        if sep and key in _REFERENCE_KEYS and target == name:
            item = f"{key}={child}"
            changed = True
        items.append(item.replace(",", ",,"))
    return ",".join(items) if changed else value


@pytest.mark.parametrize("name", sorted(ARGVS))
def test_removing_any_format_fails_the_check(name: str) -> None:
    removals = list(format_removals(ARGVS[name]))
    images = sum(
        1 for _, option, value in option_pairs(ARGVS[name])
        if option == "-drive"
        or (option == "-blockdev" and opts_dict(value or "").get("driver") in FORMAT_DRIVERS)
    )
    assert len(removals) >= images
    for what, mutated in removals:
        assert mutated != ARGVS[name], what
        assert format_problems(mutated), f"{name}: the check missed: {what}"


def test_check_catches_a_bare_drive_and_guessing_options() -> None:
    argv = ["qemu", "-drive", "file=disk.img,if=virtio", "-hdb", "/dev/sdb"]
    problems = format_problems(argv)
    assert any("without an explicit format" in p for p in problems)
    assert any("bare file=" in p for p in problems)
    assert any("-hdb" in p for p in problems)
