"""Images are opened with their recorded format, never a guessed one (issue 8, security).

The attack: a raw disk belongs to the guest, so the guest chooses its first bytes. A guest that
writes a qcow2 header naming a host file as its "backing file" into its raw disk would, if the
next open guessed the format, be handed that host file (read as the base of its disk). Here:
- a real raw disk carrying such a header (backing file: a canary file) is started through the
  real runtime: QEMU opens it as raw (query-block), the canary is never opened (no fd of QEMU
  points at it) and the header is left as it was;
- every qemu-img command line the runtime builds names the format of each image it opens for
  writing: statically (each builder the code base calls) and at run time (a recording wrapper
  standing in for qemu-img while the runtime creates, resizes, checks, compresses, converts and
  snapshots real images).

The argv side of QEMU itself is tests/core/test_argv_formats.py (every drive of every golden
argv, with a mutation test that fails when a format is removed).
"""

from __future__ import annotations

import ast
import contextlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kvmgui.core import boot, copy_device as cd, qemu_img as qi, snapshots as snap
from kvmgui.core.host import HostFacts
from kvmgui.core.model import Disk, DiskFormat
from kvmgui.core.qemu_caps import QemuCaps
from kvmgui.runtime import disk_snapshots, images
from kvmgui.runtime.controller import MonitorRole
from kvmgui.runtime.manager import VmManager
from kvmgui.runtime.state import VmState
from tests.faults.checks import assert_clean_end, qmp_cli
from tests.runtime.helpers import REPO, RunEnv, create_vm, settings_for_tests, tiny_spec

pytestmark = [pytest.mark.qemu]

MiB = 1024 * 1024
SECRET = b"HOST SECRET: the guest must never read this\n"


def arm_trap(disk: Path, canary: Path, workdir: Path) -> None:
    """Write, over the raw disk's first bytes, a qcow2 image whose backing file is `canary`
    (what a malicious guest can do to its own disk)."""
    header = workdir / "header.qcow2"
    subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", "-b", str(canary), "-F", "raw",
                    str(header), "1M"], check=True)
    with open(disk, "r+b") as f:
        f.write(header.read_bytes())
    header.unlink()


def probed(path: Path) -> dict[str, object]:
    """What a format-guessing open would see (qemu-img info without -f)."""
    out = subprocess.run(["qemu-img", "info", "--output=json", "-U", str(path)], check=True,
                         capture_output=True, text=True).stdout
    data = json.loads(out)
    assert isinstance(data, dict)
    return data


def open_files(pid: int) -> set[str]:
    fd_dir = Path(f"/proc/{pid}/fd")
    found = set()
    for entry in os.listdir(fd_dir):
        with contextlib.suppress(OSError):  # closed meanwhile
            found.add(os.readlink(fd_dir / entry))
    return found


@pytest.mark.asyncio
async def test_raw_disk_with_a_qcow2_header_still_opens_as_raw(
    run_env: RunEnv, manager: VmManager
) -> None:
    canary = run_env.root / "canary.txt"
    canary.write_bytes(SECRET.ljust(MiB, b"\0"))
    disk = run_env.root / "guest.raw"
    with open(disk, "wb") as f:
        f.truncate(4 * MiB)
    create_vm(run_env, tiny_spec("rawvm", disks=(Disk(str(disk), format=DiskFormat.RAW),)))
    await manager.reload()
    vm = manager.get("rawvm")
    run = run_env.paths.vm_runtime(vm.vm_id)

    # First boot: a plain raw disk. Then the guest (here: the test) writes the header.
    assert (await vm.start()).ok
    assert (await vm.force_off()).ok
    arm_trap(disk, canary, run_env.root)
    seen = probed(disk)
    assert seen["format"] == "qcow2" and seen.get("backing-filename") == str(canary), (
        "the trap is not armed: a guessing open would not see the canary")
    before = disk.read_bytes()

    # Next boot.
    started = await vm.start()
    assert started.ok, started
    assert vm.pid is not None
    blocks = await qmp_cli(run, "query-block")
    ours = [b for b in blocks
            if b.get("inserted", {}).get("image", {}).get("filename") == str(disk)]
    assert len(ours) == 1, blocks
    inserted = ours[0]["inserted"]
    assert inserted["drv"] == "raw"
    assert inserted["image"]["format"] == "raw"
    assert "backing-image" not in inserted["image"]
    assert "backing_file" not in inserted
    nodes = await qmp_cli(run, "query-named-block-nodes")
    assert not [n for n in nodes if n.get("file") == str(canary)], nodes
    files = open_files(vm.pid)
    assert str(disk) in files
    assert str(canary) not in files, "QEMU opened the host file named by the guest's header"

    assert (await vm.force_off()).ok
    assert vm.state is VmState.STOPPED
    assert disk.read_bytes() == before  # nothing "repaired" or rewritten
    assert canary.read_bytes().startswith(SECRET)
    await assert_clean_end(run)


# -- qemu-img: every builder the code base calls ----------------------------------------------

# Subcommands that write to an image (or may, like `check -r`).
WRITING = {"create", "convert", "resize", "check", "snapshot", "commit", "rebase", "amend",
           "bitmap", "dd"}


def _image_opts_ok(argv: list[str]) -> bool:
    specs = [a for a in argv if a.startswith("driver=")]
    return "--image-opts" in argv and bool(specs) and all(
        "file.driver=" in s for s in specs)


def format_problems(argv: list[str]) -> list[str]:
    """Why an image in this qemu-img argv could be opened with a guessed format."""
    sub = argv[1]
    flags = set(argv)
    problems = []
    if "--image-opts" in flags:
        if not _image_opts_ok(argv):
            problems.append("--image-opts without driver= and file.driver=")
        return problems
    if sub in WRITING | {"compare", "measure"} and "-f" not in flags and "--size" not in flags:
        problems.append(f"{sub} without -f")
    if sub == "convert" and "-O" not in flags:
        problems.append("convert without -O")
    if sub == "compare" and "-F" not in flags:
        problems.append("compare without -F for the second image")
    if ("-b" in flags or "-B" in flags) and "-F" not in flags:
        problems.append("a backing file without its format (-F)")
    return problems


def _plan(tmp: Path) -> cd.CopyPlan:
    return cd.CopyPlan(source=tmp / "a.qcow2", source_format="qcow2", virtual_size=MiB,
                       target=str(tmp / "t.raw"), target_real=str(tmp / "t.raw"),
                       target_size=MiB, is_block=False)


# One or more calls of each builder, with the options that change what it opens.
BUILDERS: dict[str, Callable[[Path], list[list[str]]]] = {
    "create_argv": lambda t: [qi.create_argv(t / "n.qcow2", "qcow2", MiB),
                              qi.create_argv(t / "o.qcow2", "qcow2", None, backing=t / "b.raw",
                                             backing_format="raw")],
    "convert_argv": lambda t: [qi.convert_argv(t / "a", "raw", t / "b", "qcow2", True),
                               qi.convert_argv(t / "a", "qcow2", t / "b", "qcow2",
                                               backing=t / "base", backing_format="raw"),
                               qi.convert_argv(t / "a", "qcow2", "/dev/sdz", "raw",
                                               target_exists=True)],
    "resize_argv": lambda t: [qi.resize_argv(t / "a", "raw", MiB),
                              qi.resize_argv(t / "a", "qcow2", MiB, True)],
    "check_argv": lambda t: [qi.check_argv(t / "a", "qcow2"),
                             qi.check_argv(t / "a", "qcow2", repair="all")],
    "compare_argv": lambda t: [qi.compare_argv(t / "a", "qcow2", t / "b", "raw")],
    "measure_argv": lambda t: [qi.measure_argv(src=t / "a", src_fmt="raw"),
                               qi.measure_argv(size=MiB)],
    "info_argv": lambda t: [qi.info_argv(t / "a", fmt="raw")],
    "snapshot_argv": lambda t: [snap.snapshot_argv(t / "a", "qcow2", action, "s1")
                                for action in snap.SnapshotAction],
    "copy_argv": lambda t: [cd.copy_argv(_plan(t))],
    "verify_argv": lambda t: [cd.verify_argv(_plan(t))],
    "first_sector_argv": lambda t: [boot.first_sector_argv(qi.QEMU_IMG, str(t / "a"), "raw",
                                                           str(t / "s"))],
}
# Builders of other programs' command lines (tied_argv wraps an argv built above in setpriv;
# tunnel_argv is ssh's, for a remote console).
NOT_QEMU_IMG = {"build_argv", "swtpm_argv", "lsblk_argv", "tied_argv", "virtiofsd_argv",
                "tunnel_argv"}


def _called_builders() -> set[str]:
    """Every `*_argv` function called anywhere in kvmgui/ (a new one must be listed above)."""
    called = set()
    for path in (REPO / "kvmgui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name.endswith("_argv"):
                    called.add(name)
    return called


def test_every_qemu_img_builder_in_use_is_checked() -> None:
    unknown = _called_builders() - set(BUILDERS) - NOT_QEMU_IMG
    assert not unknown, f"add these qemu-img argv builders to BUILDERS: {sorted(unknown)}"


@pytest.mark.parametrize("builder", sorted(BUILDERS))
def test_every_qemu_img_builder_names_the_formats(builder: str, tmp_path: Path) -> None:
    for argv in BUILDERS[builder](tmp_path):
        assert argv[0] == qi.QEMU_IMG
        assert format_problems(argv) == [], argv


def test_builders_refuse_to_leave_a_format_out() -> None:
    with pytest.raises(ValueError, match="format"):
        qi.create_argv("/v/o.qcow2", "qcow2", None, backing="/v/b.raw")
    with pytest.raises(ValueError, match="format"):
        qi.convert_argv("/v/a", "qcow2", "/v/b", "qcow2", backing="/v/base")
    with pytest.raises(ValueError):
        qi.resize_argv("/v/a", "", MiB)
    with pytest.raises(ValueError):
        qi.measure_argv(src="/v/a")


def test_the_check_bites() -> None:
    assert format_problems(["qemu-img", "resize", "/v/a", "2G"])
    assert format_problems(["qemu-img", "convert", "-O", "raw", "/v/a", "/v/b"])
    assert format_problems(["qemu-img", "create", "-f", "qcow2", "-b", "/v/b", "/v/o"])
    assert format_problems(["qemu-img", "snapshot", "-c", "s", "/v/a"])
    assert format_problems(["qemu-img", "compare", "-f", "raw", "/v/a", "/v/b"])


# -- qemu-img: what the runtime really runs ----------------------------------------------------

WRAPPER = """#!{python}
import json, os, sys
with open({log!r}, "a") as f:
    f.write(json.dumps(sys.argv[1:]) + "\\n")
os.execv({real!r}, [{real!r}, *sys.argv[1:]])
"""


@pytest.fixture
def recording_qemu_img(run_env: RunEnv) -> Iterator[tuple[str, Path]]:
    real = shutil.which("qemu-img")
    assert real is not None
    log = run_env.root / "qemu-img.calls"
    wrapper = run_env.root / "qemu-img"
    wrapper.write_text(WRAPPER.format(python=sys.executable, log=str(log), real=real))
    wrapper.chmod(0o755)
    yield str(wrapper), log


def _calls(log: Path) -> list[list[str]]:
    return [["qemu-img", *json.loads(line)] for line in log.read_text().splitlines()]


@pytest.mark.asyncio
async def test_runtime_qemu_img_calls_name_every_format(
    run_env: RunEnv, host_env: tuple[HostFacts, QemuCaps],
    recording_qemu_img: tuple[str, Path],
) -> None:
    wrapper, log = recording_qemu_img
    host, caps = host_env
    mgr = VmManager(run_env.paths, settings_for_tests(qemu_img_binary=wrapper),
                    store=run_env.store, host=host, caps=caps, role=MonitorRole.APP,
                    sample_stats=False)
    await mgr.open()
    base = run_env.root / "base.raw"
    with open(base, "wb") as f:
        f.truncate(4 * MiB)
    try:
        # The runtime creates a VM's missing disks at start: a new disk and an overlay.
        stored = create_vm(run_env, tiny_spec("imgs", disks=(
            Disk("new.qcow2", size_bytes=4 * MiB),
            Disk("overlay.qcow2", backing_file=str(base), backing_format=DiskFormat.RAW),
        )))
        await mgr.reload()
        vm = mgr.get("imgs")
        assert (await vm.start()).ok
        assert (await vm.force_off()).ok
    finally:
        await mgr.close()
    disk = stored.folder.resolve("new.qcow2")
    # The disk tools, each given the format the VM's definition records.
    await images.resize_job(disk, 8 * MiB, fmt="qcow2", qemu_img=wrapper).run()
    await images.check_image(disk, fmt="qcow2", repair="leaks", qemu_img=wrapper)
    await disk_snapshots.create_snapshot(disk, "before", qemu_img=wrapper)
    await disk_snapshots.revert_snapshot(disk, "before", qemu_img=wrapper)
    await disk_snapshots.delete_snapshot(disk, "before", qemu_img=wrapper)
    await images.compress_job(disk, fmt="qcow2", qemu_img=wrapper).run()
    await images.convert_job(disk, run_env.root / "copy.raw", to="raw", src_format="qcow2",
                             verify=True, qemu_img=wrapper).run()
    await images.compress_job(stored.folder.resolve("overlay.qcow2"), fmt="qcow2",
                              qemu_img=wrapper).run()

    calls = _calls(log)
    subcommands = {argv[1] for argv in calls}
    assert {"create", "resize", "check", "snapshot", "convert", "compare"} <= subcommands, calls
    for argv in calls:
        assert format_problems(argv) == [], argv
        # Given the formats, the runtime never lets qemu-img guess one, not even to read.
        if argv[1] == "info":
            assert "-f" in argv, argv


@pytest.mark.asyncio
async def test_resizing_a_raw_disk_with_its_recorded_format_ignores_the_header(
    run_env: RunEnv,
) -> None:
    canary = run_env.root / "canary.txt"
    canary.write_bytes(SECRET.ljust(MiB, b"\0"))
    disk = run_env.root / "guest.raw"
    with open(disk, "wb") as f:
        f.truncate(4 * MiB)
    arm_trap(disk, canary, run_env.root)
    head = disk.read_bytes()[: 64 * 1024]
    await images.resize_job(disk, 8 * MiB, fmt="raw").run()
    assert disk.stat().st_size == 8 * MiB  # grown as a raw file, not as a qcow2 image
    assert disk.read_bytes()[: 64 * 1024] == head  # the guest's bytes are untouched
    info = await images.image_info(disk, fmt="raw")
    assert info.format == "raw" and info.backing_file is None


def test_cli_resize_of_a_vms_raw_disk_uses_the_recorded_format(run_env: RunEnv) -> None:
    canary = run_env.root / "canary.txt"
    canary.write_bytes(SECRET.ljust(MiB, b"\0"))
    disk = run_env.root / "guest.raw"
    with open(disk, "wb") as f:
        f.truncate(4 * MiB)
    create_vm(run_env, tiny_spec("cli-raw", disks=(Disk(str(disk), format=DiskFormat.RAW),)))
    arm_trap(disk, canary, run_env.root)
    head = disk.read_bytes()[: 64 * 1024]
    run_env.cli("img", "resize", str(disk), "8M")
    assert disk.read_bytes()[: 64 * 1024] == head, "the guest's raw disk was rewritten as qcow2"
    assert disk.stat().st_size == 8 * MiB
