"""Every golden argv is accepted by the real QEMU: it starts under -S and answers query-status.

Each fixture is rebuilt with real files in a temp folder (the builder is the same; only paths,
the accelerator and the memory size change):
- disks, base images and ISOs are created with qemu-img (16 MiB) or as 1 MiB files;
- fake device paths stand in for real ones without loop devices or root: a passed-through
  stick or block-device disk (/dev/sdX) becomes /dev/zero when QEMU opens it read-only (a
  protected stick) and /dev/null when it opens it writable; the host CD (/dev/sr0) becomes
  /dev/zero. QEMU's host_device and host_cdrom drivers accept character devices, so the exact
  drivers the builder chose are exercised;
- TCG is forced (KVM is not usable here), so a KVM fixture runs with the TCG CPU model and
  without Hyper-V flags, which TCG rejects; memory is 64 MiB; the sound back-end is `none`;
- UEFI fixtures get a copy of the OVMF variable store, the TPM fixture a real swtpm started
  with `swtpm_argv`.
Up to three QEMUs run at once; the whole module takes a few seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest
from qemu.qmp import QMPClient

from kvmgui.core.argv import build_argv, process_name, swtpm_argv, swtpm_socket
from kvmgui.core.argv_shares import virtiofsd_argv, virtiofsd_socket
from kvmgui.core.host import HostFacts
from kvmgui.core.model import Accel, Cdrom, CdromSource, Disk, DiskFormat, Firmware, VmSpec
from kvmgui.core.paths import VmFolder, VmRuntimePaths
from kvmgui.core.shares import ShareMethod, plan_shares
from kvmgui.runtime.host_probe import root_is_mount
from tests.core.vm_fixtures import FIXTURES, GOLDEN_CAPS, Fixture

pytestmark = pytest.mark.qemu

QEMU = shutil.which("qemu-system-x86_64")
QEMU_IMG = shutil.which("qemu-img")
START_TIMEOUT = 20.0
QMP_TIMEOUT = 10.0
PARALLEL = 3
RUN_MEMORY_MIB = 64

if QEMU is None or QEMU_IMG is None:
    pytest.skip("QEMU is not installed", allow_module_level=True)


class Unavailable(Exception):
    """A tool this fixture needs (OVMF, swtpm) is not installed on this machine."""


@dataclass
class Prepared:
    spec: VmSpec
    host: HostFacts
    folder: VmFolder
    run: VmRuntimePaths
    swtpm: list[str] | None = None
    # virtiofsd argvs and the socket each listens on, started before QEMU.
    virtiofsd: list[tuple[list[str], Path]] = field(default_factory=list)
    # QMP commands run after the standard queries; their answers land in Outcome.after.
    after: list[tuple[str, dict[str, Any] | None]] = field(default_factory=list)


@dataclass
class Outcome:
    ok: bool
    skipped: str = ""
    message: str = ""
    argv: list[str] = field(default_factory=list)
    status: dict[str, Any] = field(default_factory=dict)
    cli_status: dict[str, Any] = field(default_factory=dict)
    blocks: list[dict[str, Any]] = field(default_factory=list)
    nodes: list[dict[str, Any]] = field(default_factory=list)
    after: list[Any] = field(default_factory=list)
    comm: str = ""
    output: str = ""


def _qemu_img(*args: str) -> None:
    assert QEMU_IMG is not None
    subprocess.run([QEMU_IMG, *args], check=True, capture_output=True, timeout=30)


def _stand_in_device(path: str, writable: bool) -> str:
    if path.startswith("/dev/sr"):
        return "/dev/zero"
    return "/dev/null" if writable else "/dev/zero"


def _real_disk(disk: Disk, folder: VmFolder, elsewhere: Path) -> Disk:
    """Create the disk (and its base image) for real; absolute paths move under `elsewhere`."""
    if disk.path.startswith("/dev/"):
        return replace(disk, path=_stand_in_device(disk.path, writable=not disk.readonly))
    path = disk.path if not os.path.isabs(disk.path) else str(elsewhere / Path(disk.path).name)
    image = folder.resolve(path)
    image.parent.mkdir(parents=True, exist_ok=True)
    backing = disk.backing_file
    if backing is not None:
        assert disk.backing_format is not None
        if os.path.isabs(backing):
            backing = str(elsewhere / Path(backing).name)
        base = image.parent / backing
        base.parent.mkdir(parents=True, exist_ok=True)
        _qemu_img("create", "-f", disk.backing_format.value, str(base), "16M")
        _qemu_img(
            "create", "-f", disk.format.value, "-b", str(base), "-F",
            disk.backing_format.value, str(image),
        )
    else:
        _qemu_img("create", "-f", disk.format.value, str(image), "16M")
    return replace(disk, path=path, backing_file=backing)


def prepare(fx: Fixture, root: Path, run_dir: Path) -> Prepared:
    folder = VmFolder(root / "vms" / fx.spec.name)
    folder.logs.mkdir(parents=True)
    elsewhere = root / "elsewhere"
    elsewhere.mkdir(exist_ok=True)
    spec = fx.spec
    disks = tuple(_real_disk(d, folder, elsewhere) for d in spec.disks)
    cdrom = spec.cdrom
    if cdrom is not None and cdrom.path:
        if cdrom.source is CdromSource.HOST:
            cd_path = _stand_in_device(cdrom.path, writable=False)
        else:
            iso = elsewhere / Path(cdrom.path).name
            iso.write_bytes(b"\0" * (1 << 20))
            cd_path = str(iso)
        cdrom = Cdrom(cdrom.source, cd_path)
    stick = spec.usb_stick
    if stick is not None:
        stick = replace(stick, path=_stand_in_device(stick.path, writable=not stick.protected))
    shares = tuple(replace(s, path=str(elsewhere / f"share {i}, {s.tag}"))
                   for i, s in enumerate(spec.shares))
    for share in shares:
        os.mkdir(share.path)
    spec = replace(
        spec,
        accel=Accel.TCG,
        memory_mib=RUN_MEMORY_MIB,
        disks=disks,
        cdrom=cdrom,
        usb_stick=stick,
        shares=shares,
    )
    host = replace(fx.host, audio_driver="none", kvm_usable=False)
    smb = any(r.method is ShareMethod.SMB for r in plan_shares(spec, host))
    if smb and host.smbd and not os.path.exists(host.smbd):
        raise Unavailable(f"Samba is not installed ({host.smbd})")
    servers: list[tuple[list[str], Path]] = []
    if host.virtiofsd:
        if not os.path.exists(host.virtiofsd) or os.getuid() != 0:
            raise Unavailable(f"{host.virtiofsd} is not installed or cannot run as this user")
        if not root_is_mount(Path("/proc/self/mountinfo").read_text()):
            raise Unavailable("/ is not a mount point here (a chroot): virtiofsd's sandbox "
                              "cannot start")
        # Commas in the folders would route them to 9p: the C virtiofsd cannot take them.
        spec = replace(spec, shares=tuple(
            replace(s, path=s.path.replace(",", "")) for s in spec.shares))
        for share in spec.shares:
            os.makedirs(share.path, exist_ok=True)
        run = VmRuntimePaths(run_dir)
        servers = [(virtiofsd_argv(r, host, run), virtiofsd_socket(run, r.index))
                   for r in plan_shares(spec, host) if r.method is ShareMethod.VIRTIOFS]
    if spec.firmware is Firmware.UEFI:
        assert host.ovmf_code is not None and host.ovmf_vars_template is not None
        if not (os.path.exists(host.ovmf_code) and os.path.exists(host.ovmf_vars_template)):
            raise Unavailable(f"OVMF is not installed ({host.ovmf_code})")
        shutil.copyfile(host.ovmf_vars_template, folder.nvram)
    run = VmRuntimePaths(run_dir)
    prepared = Prepared(spec, host, folder, run, virtiofsd=servers)
    if spec.tpm:
        swtpm = shutil.which("swtpm")
        if swtpm is None:
            raise Unavailable("swtpm is not installed")
        host = replace(host, swtpm=swtpm)
        folder.tpm_dir.mkdir()
        prepared = Prepared(spec, host, folder, run, swtpm_argv(run, folder, swtpm),
                            virtiofsd=servers)
    return prepared


async def _wait_for_path(path: Path, proc: asyncio.subprocess.Process, what: str) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + START_TIMEOUT
    while not path.exists():
        if proc.returncode is not None:
            raise RuntimeError(f"{what} exited with {proc.returncode} before creating {path}")
        if loop.time() > deadline:
            raise RuntimeError(f"{what} did not create {path} within {START_TIMEOUT} s")
        await asyncio.sleep(0.05)


@contextlib.asynccontextmanager
async def _process(
    argv: list[str], log: Path
) -> AsyncIterator[asyncio.subprocess.Process]:
    with log.open("wb") as out:
        proc = await asyncio.create_subprocess_exec(
            *argv, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT
        )
    try:
        yield proc
    finally:
        if proc.returncode is None:
            try:
                await asyncio.wait_for(proc.wait(), 10)
            except TimeoutError:
                proc.kill()
                await proc.wait()


async def _query(path: Path, *commands: str | tuple[str, dict[str, Any] | None]) -> list[Any]:
    qmp = QMPClient(f"accepts-{path.parent.name}")
    await asyncio.wait_for(qmp.connect(str(path)), QMP_TIMEOUT)
    try:
        answers = []
        for command in commands:
            name, args = (command, None) if isinstance(command, str) else command
            answers.append(await asyncio.wait_for(qmp.execute(name, args), QMP_TIMEOUT))
        return answers
    finally:
        await asyncio.wait_for(qmp.disconnect(), QMP_TIMEOUT)


async def _quit(path: Path) -> None:
    qmp = QMPClient("accepts-quit")
    await asyncio.wait_for(qmp.connect(str(path)), QMP_TIMEOUT)
    await asyncio.wait_for(qmp.execute("quit"), QMP_TIMEOUT)
    # QEMU closes the socket right after answering; the client may report that.
    with contextlib.suppress(Exception):
        await asyncio.wait_for(qmp.disconnect(), QMP_TIMEOUT)


async def start_and_query(prepared: Prepared, root: Path) -> Outcome:
    argv = build_argv(
        prepared.spec,
        caps=GOLDEN_CAPS,
        host=prepared.host,
        folder=prepared.folder,
        run=prepared.run,
        qemu_binary=str(QEMU),
    )
    argv.append("-S")
    outcome = Outcome(ok=False, argv=argv)
    log = root / "qemu.log"
    async with contextlib.AsyncExitStack() as stack:
        if prepared.swtpm is not None:
            tpm = await stack.enter_async_context(_process(prepared.swtpm, root / "swtpm.out"))
            await _wait_for_path(swtpm_socket(prepared.run), tpm, "swtpm")
        for i, (server_argv, sock) in enumerate(prepared.virtiofsd):
            server = await stack.enter_async_context(
                _process(server_argv, root / f"virtiofsd{i}.out"))
            await _wait_for_path(sock, server, "virtiofsd")
        proc = await stack.enter_async_context(_process(argv, log))
        try:
            await _wait_for_path(prepared.run.qmp_cli_socket, proc, "QEMU")
            with contextlib.suppress(OSError):  # QEMU may already have failed
                outcome.comm = Path(f"/proc/{proc.pid}/comm").read_text().strip()
            status, outcome.blocks, outcome.nodes, *outcome.after = await _query(
                prepared.run.qmp_socket,
                "query-status",
                "query-block",
                "query-named-block-nodes",
                *prepared.after,
            )
            (outcome.cli_status,) = await _query(prepared.run.qmp_cli_socket, "query-status")
            outcome.status = status
            await _quit(prepared.run.qmp_cli_socket)
            rc = await asyncio.wait_for(proc.wait(), QMP_TIMEOUT)
            outcome.ok = rc == 0
            outcome.message = f"QEMU exited with {rc}"
        except Exception as err:  # reported per fixture below
            outcome.message = f"{type(err).__name__}: {err}"
            if proc.returncode is None:
                proc.kill()
    outcome.output = log.read_text(errors="replace") if log.exists() else ""
    return outcome


async def _run_all(
    jobs: dict[str, tuple[Prepared, Path]],
) -> dict[str, Outcome]:
    gate = asyncio.Semaphore(PARALLEL)

    async def one(name: str) -> tuple[str, Outcome]:
        async with gate:
            prepared, root = jobs[name]
            return name, await start_and_query(prepared, root)

    return dict(await asyncio.gather(*(one(name) for name in jobs)))


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Outcome]]:
    jobs: dict[str, tuple[Prepared, Path]] = {}
    unavailable: dict[str, Outcome] = {}
    run_dirs: list[str] = []
    for name, fx in FIXTURES.items():
        root = tmp_path_factory.mktemp(name)
        # Unix socket paths are limited to 107 bytes: a short private folder, not tmp_path.
        run_dir = tempfile.mkdtemp(prefix="kva-")
        run_dirs.append(run_dir)
        try:
            jobs[name] = (prepare(fx, root, Path(run_dir)), root)
            if name == EMPTY_TRAY_FIXTURE:
                jobs[name][0].after += _insert_medium(root)
        except Unavailable as why:
            unavailable[name] = Outcome(ok=False, skipped=str(why))
    try:
        yield {**asyncio.run(_run_all(jobs)), **unavailable}
    finally:
        for run_dir in run_dirs:
            shutil.rmtree(run_dir, ignore_errors=True)


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_qemu_accepts_golden_argv(name: str, outcomes: dict[str, Outcome]) -> None:
    outcome = outcomes[name]
    if outcome.skipped:
        pytest.skip(outcome.skipped)
    assert outcome.ok, f"{outcome.message}\n{outcome.output}\n{' '.join(outcome.argv)}"
    assert outcome.status["status"] == "prelaunch"
    assert outcome.status["running"] is False
    assert outcome.cli_status["status"] == "prelaunch"  # the second monitor works too
    assert outcome.comm == process_name(FIXTURES[name].spec.id)
    # No format probing warnings, no deprecated spellings: QEMU printed nothing at all.
    assert outcome.output.strip() == "", outcome.output


EMPTY_TRAY_FIXTURE = "no-nic-no-sound"


def _insert_medium(root: Path) -> list[tuple[str, dict[str, Any] | None]]:
    """What the runtime does to load a disc into the empty drive: by the device id."""
    iso = root / "later.iso"
    iso.write_bytes(b"\0" * (1 << 20))
    return [
        (
            "blockdev-change-medium",
            {"id": "cdrom0", "filename": str(iso), "format": "raw",
             "read-only-mode": "read-only"},
        ),
        ("query-block", None),
        ("eject", {"id": "cdrom0", "force": True}),
        ("query-block", None),
    ]


def _node(outcome: Outcome, name: str) -> dict[str, Any]:
    return next(n for n in outcome.nodes if n["node-name"] == name)


def test_cd_drive_is_named_for_the_runtime(outcomes: dict[str, Outcome]) -> None:
    for name, fx in FIXTURES.items():
        qdevs = {b.get("qdev") for b in outcomes[name].blocks}
        assert ("cdrom0" in qdevs) == (fx.spec.cdrom is not None), name


def _cd(blocks: list[dict[str, Any]]) -> dict[str, Any]:
    return next(b for b in blocks if b.get("qdev") == "cdrom0")


def test_empty_tray_starts_empty_and_takes_media_by_device_id(
    outcomes: dict[str, Outcome],
) -> None:
    outcome = outcomes[EMPTY_TRAY_FIXTURE]
    assert "inserted" not in _cd(outcome.blocks)
    _, loaded, _, ejected = outcome.after
    assert _cd(loaded)["inserted"]["image"]["filename"].endswith("later.iso")
    assert _cd(loaded)["inserted"]["drv"] == "raw"
    assert "inserted" not in _cd(ejected)


def test_protected_stick_is_opened_read_only(outcomes: dict[str, Outcome]) -> None:
    # snapshot=on: the stick itself (usb0 and its protocol node) is read-only; only the
    # temporary overlay on top is writable.
    outcome = outcomes["wiki-liveusb"]
    assert _node(outcome, "usb0")["ro"] is True
    assert _node(outcome, "usb0-file")["ro"] is True
    writable_stick = outcomes["wiki-clonezilla-restore"]
    assert _node(writable_stick, "usb0")["ro"] is False


def test_every_image_has_the_format_the_builder_named(outcomes: dict[str, Outcome]) -> None:
    formats = {f.value for f in DiskFormat}
    for name, outcome in outcomes.items():
        for node in outcome.nodes:
            node_name = node["node-name"]
            if node_name.startswith("hd") and not node_name.endswith("-file"):
                assert node["drv"] in formats, (name, node_name, node["drv"])


def test_linked_clone_uses_the_declared_base(outcomes: dict[str, Outcome]) -> None:
    outcome = outcomes["linked-clone"]
    assert _node(outcome, "hd0-base")["drv"] == "qcow2"
    assert _node(outcome, "hd1-base")["drv"] == "raw"
    assert _node(outcome, "hd0")["backing_file_depth"] == 1


async def _start_one(spec: VmSpec, tmp_path: Path) -> Outcome:
    root = tmp_path
    folder = VmFolder(root / "vm")
    folder.logs.mkdir(parents=True)
    run_dir = Path(tempfile.mkdtemp(prefix="kva-"))
    try:
        prepared = Prepared(spec, HostFacts(), folder, VmRuntimePaths(run_dir))
        return await start_and_query(prepared, root)
    finally:
        shutil.rmtree(run_dir, ignore_errors=True)


def test_raw_disk_with_a_qcow2_header_stays_raw(tmp_path: Path) -> None:
    """A guest that writes a qcow2 header pointing at a host file into its raw disk must not
    make QEMU open that host file on the next boot (issue 8)."""
    header = tmp_path / "header.qcow2"
    _qemu_img("create", "-f", "qcow2", "-b", "/etc/hostname", "-F", "raw", str(header), "1M")
    disk = tmp_path / "vm" / "evil.raw"
    disk.parent.mkdir()
    data = header.read_bytes()
    disk.write_bytes(data + b"\0" * ((1 << 20) - len(data)))
    spec = VmSpec(
        name="evil",
        id="e" * 32,
        memory_mib=RUN_MEMORY_MIB,
        accel=Accel.TCG,
        disks=(Disk("evil.raw", format=DiskFormat.RAW),),
        sound=False,
        usb=False,
    )
    outcome = asyncio.run(_start_one(spec, tmp_path))
    assert outcome.ok, f"{outcome.message}\n{outcome.output}"
    assert _node(outcome, "hd0")["drv"] == "raw"
    assert all("hostname" not in node["file"] for node in outcome.nodes)
