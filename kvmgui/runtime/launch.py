"""Launching one QEMU: everything between "Start" and a monitor that answers.

The controller holds the VM's locks and calls, in order:
0. `check_definition(stored, ctx)`: the rules that guard saving a definition, again.
1. `spawn(stored, run, ctx)`: probe the host once, check every disk's backing chain, create
   missing disks (explicit formats) and the UEFI variable store, build the argv (+ `-S`: the
   guest waits for us), append a banner to the VM's QEMU log, write meta.json, start swtpm
   when the VM has a TPM and a virtiofsd per virtio-fs shared folder (core.shares), then
   start QEMU detached. Raises LaunchProblem with a plain sentence on any failure.
2. `connect_new_monitor(...)`: connect to qmp.sock as soon as it appears.
3. on failure `explain_failure(...)`: QEMU's own words since the banner, explained.

Around them, for a VM in its install phase (core.boot): `settle_install_phase` before the
spawn ends the phase once a disk holds a boot record, and `arm_final_boot_order` after the
monitor answers (before the guest runs) makes the next reset boot in the final order.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kvmgui.core.argv import ArgvError, build_argv, shell_line, swtpm_argv
from kvmgui.core.argv_devices import swtpm_log, swtpm_socket
from kvmgui.core.argv_shares import virtiofsd_argv, virtiofsd_log, virtiofsd_socket
from kvmgui.core.argv_storage import final_boot_steps
from kvmgui.core.boot import (
    SECTOR_BYTES,
    end_install_phase,
    first_sector_argv,
    has_boot_record,
    installing,
)
from kvmgui.core.host import HostFacts
from kvmgui.core.media import file_kind_problem
from kvmgui.core.messages import QT_TRANSLATE_NOOP, KvmguiError, Message
from kvmgui.core.model import Accel, Disk, Firmware, VmSpec
from kvmgui.core.paths import MAX_SOCKET_PATH, VmFolder, VmRuntimePaths
from kvmgui.core.qemu_caps import QemuCaps
from kvmgui.core.shares import ShareMethod, ShareRoute, plan_shares
from kvmgui.core.store import StoredVm, StoreError
from kvmgui.core.validation import start_problems
from kvmgui.runtime import process
from kvmgui.runtime.context import RuntimeContext, display_uri, file_roles
from kvmgui.runtime.qemu_errors import explain, read_log_since, tail
from kvmgui.runtime.qmp_session import EventCallback, QmpError, QmpSession, QmpUnavailable
from kvmgui.runtime.runfiles import RunMeta, write_meta

SWTPM_WAIT_S = 5.0
VIRTIOFSD_WAIT_S = 5.0
MONITOR_CONNECT_TIMEOUT_S = 5.0
SECTOR_READ_TIMEOUT_S = 30.0

log = logging.getLogger(__name__)


# The Outcome code of a start refused because the VM's definition breaks a rule.
INVALID_DEFINITION = "invalid-definition"


class LaunchProblem(KvmguiError):
    """The VM could not be started; `message` is one sentence, `details` QEMU's words."""

    def __init__(self, message: str, details: str = "", code: str = "start-failed") -> None:
        super().__init__(message, details)
        self.code = code


@dataclass
class Spawned:
    pid: int
    watch: process.ProcessWatch
    meta: RunMeta
    swtpm: process.ProcessWatch | None
    # One virtiofsd per virtio-fs shared folder; each exits when QEMU closes its socket.
    virtiofsd: tuple[process.ProcessWatch, ...] = ()

    @property
    def helpers(self) -> tuple[process.ProcessWatch, ...]:
        return (*((self.swtpm,) if self.swtpm is not None else ()), *self.virtiofsd)


async def _environment(ctx: RuntimeContext) -> tuple[HostFacts, QemuCaps]:
    try:
        return await ctx.environment()  # probed once per manager, then cached
    except Exception as exc:
        raise LaunchProblem(Message(QT_TRANSLATE_NOOP(
            "runtime.launch", "kvmgui could not check QEMU and this computer: {exc}"),
            exc=str(exc))) from None


def _with_default_accel(spec: VmSpec, ctx: RuntimeContext) -> VmSpec:
    if spec.accel is Accel.AUTO and ctx.settings.accelerator is not Accel.AUTO:
        return replace(spec, accel=ctx.settings.accelerator)  # the app-wide default
    return spec


async def check_definition(stored: StoredVm, ctx: RuntimeContext) -> None:
    """Raise LaunchProblem when the definition breaks the rules that guard saving it.

    It may have been edited by hand since it was saved, so the controller asks this first,
    before anything else looks at what the definition names (stat() calls only, in a thread:
    this may run on the UI's loop)."""
    host, _caps = await _environment(ctx)
    spec = _with_default_accel(stored.spec, ctx)
    problems = await asyncio.to_thread(start_problems, spec, host, stored.folder)
    if problems:
        raise LaunchProblem(
            problems[0].message if len(problems) == 1 else
            Message(QT_TRANSLATE_NOOP(
                "runtime.launch",
                "The VM's settings have {count} problems, so it was not started: {problem}"),
                count=len(problems), problem=problems[0].message),
            "\n".join(p.message for p in problems) if len(problems) > 1 else "",
            code=INVALID_DEFINITION)


async def spawn(stored: StoredVm, run: VmRuntimePaths, ctx: RuntimeContext) -> Spawned:
    spec, folder = stored.spec, stored.folder
    if run.longest_socket_path() > MAX_SOCKET_PATH:
        raise LaunchProblem(
            Message(QT_TRANSLATE_NOOP(
                "runtime.launch",
                "The runtime folder {dir} is too deep for the VM's sockets (unix socket paths "
                "are limited to {limit} bytes): set XDG_RUNTIME_DIR to a shorter folder."),
                dir=str(run.dir), limit=MAX_SOCKET_PATH), code="runtime-dir")
    host, caps = await _environment(ctx)
    spec = _with_default_accel(spec, ctx)
    try:
        folder.logs.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LaunchProblem(Message(QT_TRANSLATE_NOOP(
            "runtime.launch", "kvmgui cannot create the log folder {folder} ({strerror})."),
            folder=str(folder.logs), strerror=exc.strerror or "")) from None
    await check_disk_chains(spec, folder, qemu_img=ctx.settings.qemu_img_binary)
    await prepare_files(spec, folder, host, qemu_img=ctx.settings.qemu_img_binary)
    try:
        argv = build_argv(spec, caps=caps, host=host, folder=folder, run=run,
                          qemu_binary=ctx.settings.qemu_binary)
    except ArgvError as exc:
        raise LaunchProblem(str(exc), code="argv") from None
    argv.append("-S")
    offset = write_banner(folder, spec.name, argv)
    meta = RunMeta(vm_id=spec.id, name=spec.name, definition=str(folder.definition), argv=argv,
                   started_at=time.time(), accel=host.resolve_accel(spec.accel).value,
                   display=display_uri(spec, ctx.paths), qemu_log=str(folder.qemu_log),
                   log_offset=offset, launcher_pid=os.getpid())
    try:
        write_meta(run, meta)
    except OSError as exc:
        raise LaunchProblem(Message(QT_TRANSLATE_NOOP(
            "runtime.launch", "kvmgui cannot write to its runtime folder {dir} ({strerror})."),
            dir=str(run.dir), strerror=exc.strerror or "")) from None
    swtpm = await start_swtpm(host, run, folder) if spec.tpm else None
    servers: list[process.ProcessWatch] = []
    try:
        for route in plan_shares(spec, host):
            if route.method is ShareMethod.VIRTIOFS:
                servers.append(await start_virtiofsd(route, host, run, folder))
        pid = process.spawn_detached(argv, log_path=folder.qemu_log)
    except BaseException as exc:
        # Also on cancellation: a helper must not outlive a start that never ran QEMU.
        for helper in (swtpm, *servers):
            await stop_helper(helper)
        if isinstance(exc, process.LaunchError):
            raise LaunchProblem(str(exc), code="qemu-missing") from None
        raise
    watch = process.ProcessWatch(pid)
    watch.start()
    return Spawned(pid, watch, meta, swtpm, tuple(servers))


async def start_virtiofsd(route: ShareRoute, host: HostFacts, run: VmRuntimePaths,
                          folder: VmFolder) -> process.ProcessWatch:
    """The virtiofsd serving one shared folder, listening in the VM's private runtime folder;
    QEMU connects at start and virtiofsd exits when that connection closes."""
    sock = virtiofsd_socket(run, route.index)
    log_path = virtiofsd_log(folder, route.index)
    with contextlib.suppress(FileNotFoundError):
        sock.unlink()
    try:
        offset = log_path.stat().st_size if log_path.exists() else 0
        pid = process.spawn_detached(virtiofsd_argv(route, host, run), log_path=log_path)
    except (process.LaunchError, OSError) as exc:
        raise LaunchProblem(Message(QT_TRANSLATE_NOOP(
            "runtime.launch", "virtiofsd could not be started for the shared folder {path}: "
            "{exc}"), path=route.share.path, exc=str(exc)), code="share") from None
    return await _listening_helper(
        pid, sock, VIRTIOFSD_WAIT_S, log_path, offset,
        Message(QT_TRANSLATE_NOOP(
            "runtime.launch",
            "virtiofsd did not start for the shared folder {path}; see its log {log}."),
            path=route.share.path, log=str(log_path)), "share")


async def _listening_helper(pid: int, sock: Path, wait_s: float, log_path: Path, offset: int,
                            not_started: Message, code: str) -> process.ProcessWatch:
    """Watch a helper just spawned until it listens on `sock`. One that exits or is not
    listening within `wait_s` is stopped, and `not_started` is raised with the tail of what it
    logged since `offset`."""
    watch = process.ProcessWatch(pid)
    watch.start()
    deadline = time.monotonic() + wait_s
    while not sock.exists():
        if watch.exited or time.monotonic() > deadline:
            await stop_helper(watch)
            text = read_log_since(log_path, offset)
            raise LaunchProblem(not_started, tail(text, 5), code)
        await asyncio.sleep(0.05)
    return watch


async def settle_install_phase(stored: StoredVm, run: VmRuntimePaths,
                               ctx: RuntimeContext) -> StoredVm:
    """End the VM's install phase when one of its disks now holds a boot record (the system
    was installed), saving the definition; otherwise `stored` unchanged.

    Checked at every start of a VM in its install phase, so it does not matter whether the
    installer's last reboot was watched by anyone: a killed QEMU or a restarted app leaves the
    empty disk without a boot record and the install phase on.
    """
    spec = stored.spec
    if not installing(spec):
        return stored
    for disk in spec.disks:
        sector = await read_first_sector(disk, stored.folder, run, ctx.settings.qemu_img_binary)
        if sector is not None and has_boot_record(sector):
            break
    else:
        return stored
    ended = replace(stored, spec=end_install_phase(spec))
    if ctx.save is None:
        return ended
    try:
        return ctx.save(ended)
    except StoreError as exc:
        # This start still boots the disk; the next one finds the boot record again.
        log.warning("%s: the end of the install phase was not saved: %s", spec.name, exc)
        return ended


async def read_first_sector(disk: Disk, folder: VmFolder, run: VmRuntimePaths,
                            qemu_img: str) -> bytes | None:
    """The guest-visible first sector of `disk` (through qemu-img, so any image format), or
    None when it does not exist or cannot be read."""
    from kvmgui.runtime.images import ImageError, checked_chain, run_qemu_img

    path = folder.resolve(disk.path)
    what = Message(QT_TRANSLATE_NOOP("runtime.launch", "disk image"))
    if not path.is_file() or file_kind_problem(path, what) is not None:
        return None  # start_problems refuses a /proc or /sys file next
    out = run.dir / f"first-sector-{os.getpid()}.raw"
    with contextlib.suppress(FileNotFoundError):
        out.unlink()
    try:
        # qemu-img reads through the bases its header names: never one that escapes.
        await checked_chain(path, disk.format.value, qemu_img=qemu_img)
        result = await run_qemu_img(
            first_sector_argv(qemu_img, str(path), disk.format.value, str(out)),
            timeout=SECTOR_READ_TIMEOUT_S)
        if result.returncode != 0:
            log.info("cannot read the first sector of %s: %s", path, result.stderr.strip())
            return None
        with open(out, "rb") as f:
            return f.read(SECTOR_BYTES)
    except (ImageError, OSError) as exc:
        log.info("cannot read the first sector of %s: %s", path, exc)
        return None
    finally:
        with contextlib.suppress(FileNotFoundError):
            out.unlink()


async def arm_final_boot_order(session: QmpSession, spec: VmSpec) -> None:
    """On a QEMU just launched in the install phase, before the guest runs: give the devices
    their final bootindex. QEMU passes the boot order to the firmware at each machine reset,
    so this boot still starts from the CD/DVD and the installer's reboot from the disk.

    A failure is logged, not fatal: the installation itself works, only its reboot would
    start from the CD/DVD again.
    """
    for device, index in final_boot_steps(spec):
        try:
            await session.execute("qom-set", {"path": f"/machine/peripheral/{device}",
                                              "property": "bootindex", "value": index})
        except QmpError as exc:
            log.warning("%s: could not set the boot order for after the installation (%s "
                        "bootindex %d): %s", spec.name, device, index, exc)
            return


async def check_disk_chains(spec: VmSpec, folder: VmFolder, *, qemu_img: str) -> None:
    """Refuse a disk whose bases reach outside the user's own images (core/chain_rule.py).

    A definition may come from someone else, and an image's header names its base freely, so
    every start reads each disk's chain as QEMU will open it (the definition's explicit base
    in place of the header's) before QEMU, or qemu-img creating an overlay, opens anything.
    """
    from kvmgui.runtime.images import ImageError, checked_chain

    for disk in spec.disks:
        path = folder.resolve(disk.path)
        if disk.backing_file is None and not path.exists():
            continue  # created empty by prepare_files, or reported missing by QEMU
        try:
            await checked_chain(
                path, disk.format.value, base=disk.backing_file,
                base_format=disk.backing_format.value if disk.backing_format else None,
                qemu_img=qemu_img)
        except ImageError as exc:
            raise LaunchProblem(exc.message, exc.details, "disk-chain") from None


async def prepare_files(spec: VmSpec, folder: VmFolder, host: HostFacts, *,
                        qemu_img: str) -> None:
    """Create missing disks and the UEFI variable store."""
    for disk in spec.disks:
        path = folder.resolve(disk.path)
        if path.exists() or (disk.size_bytes is None and disk.backing_file is None):
            continue  # an existing image, or one QEMU will report as missing
        from kvmgui.runtime.images import ImageError, create_image

        try:
            # Explicit formats (-f, and -F for a backing file): qemu-img never probes one.
            await create_image(
                path, disk.format.value, disk.size_bytes,
                backing=disk.backing_file,
                backing_format=disk.backing_format.value if disk.backing_format else None,
                qemu_img=qemu_img,
            )
        except ImageError as exc:
            raise LaunchProblem(exc.message, exc.details, "disk-create") from None
    if spec.firmware is Firmware.UEFI and not folder.nvram.exists():
        if not host.ovmf_vars_template:
            raise LaunchProblem(Message(QT_TRANSLATE_NOOP(
                "runtime.launch",
                "This VM uses UEFI firmware, which is not installed; install it with: sudo apt "
                "install ovmf")), code="uefi-missing")
        try:
            shutil.copyfile(host.ovmf_vars_template, folder.nvram)
            os.chmod(folder.nvram, 0o600)
        except OSError as exc:
            raise LaunchProblem(Message(QT_TRANSLATE_NOOP(
                "runtime.launch",
                "kvmgui could not create the VM's UEFI variable store {path} ({strerror})."),
                path=str(folder.nvram), strerror=exc.strerror or "")) from None


def write_banner(folder: VmFolder, name: str, argv: Sequence[str]) -> int:
    """Append "=== starting … ===" and the command line to the log; return the offset after."""
    stamp = time.strftime("%Y-%m-%d %H:%M:%S")
    banner = (f"=== kvmgui {stamp}: starting '{name}' (launched by pid {os.getpid()}) ===\n"
              f"{shell_line(argv)}\n")
    fd = os.open(folder.qemu_log, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        os.write(fd, banner.encode())
        return os.lseek(fd, 0, os.SEEK_END)
    finally:
        os.close(fd)


async def start_swtpm(host: HostFacts, run: VmRuntimePaths,
                      folder: VmFolder) -> process.ProcessWatch:
    """The VM's TPM emulator; it exits by itself when QEMU disconnects (--terminate)."""
    if not host.swtpm:
        raise LaunchProblem(Message(QT_TRANSLATE_NOOP(
            "runtime.launch",
            "This VM needs a TPM, which needs the swtpm emulator; install it with: sudo apt "
            "install swtpm")), code="tpm")
    sock = swtpm_socket(run)
    with contextlib.suppress(FileNotFoundError):
        sock.unlink()
    try:
        folder.tpm_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        pid = process.spawn_detached(swtpm_argv(run, folder, host.swtpm),
                                     log_path=swtpm_log(folder))
    except (process.LaunchError, OSError, ValueError) as exc:
        raise LaunchProblem(Message(QT_TRANSLATE_NOOP(
            "runtime.launch", "The TPM emulator (swtpm) could not be started: {exc}"),
            exc=str(exc)), code="tpm") from None
    return await _listening_helper(
        pid, sock, SWTPM_WAIT_S, swtpm_log(folder), 0,
        Message(QT_TRANSLATE_NOOP(
            "runtime.launch", "The TPM emulator (swtpm) did not start; see its log {log}."),
            log=str(swtpm_log(folder))), "tpm")


async def stop_helper(watch: process.ProcessWatch | None) -> None:
    if watch is not None:
        await process.terminate(watch, term_timeout=2.0, kill_timeout=2.0)
        watch.close()


async def connect_new_monitor(
    run: VmRuntimePaths, *, name: str, on_event: EventCallback, on_lost: Callable[[], None],
) -> tuple[QmpSession, dict[str, Any]]:
    """Connect to a just-launched QEMU's qmp.sock as soon as it appears (cancel to give up)."""
    path = run.qmp_socket
    delay = 0.02
    while True:
        if path.exists():
            session = QmpSession(path, name=name, on_event=on_event, on_lost=on_lost)
            try:
                status = await session.connect(MONITOR_CONNECT_TIMEOUT_S)
            except QmpUnavailable:
                pass  # bound but not listening yet, or QEMU died and left the socket
            else:
                if not _cancel_requested():
                    return session, status
                await session.close()
        # asyncio.wait_for (Python 3.11) turns a cancellation that lands just as a connection
        # attempt fails into that failure, which the loop would swallow: without this check a
        # QEMU that dies during start-up (leaving qmp.sock behind) would make the loop, and the
        # start holding the VM's start lock, wait forever.
        if _cancel_requested():
            raise asyncio.CancelledError
        await asyncio.sleep(delay)
        delay = min(delay * 2, 0.2)


def _cancel_requested() -> bool:
    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0


async def explain_failure(watch: process.ProcessWatch, stored: StoredVm, offset: int,
                          *, hung_after: float) -> LaunchProblem:
    """Why the new QEMU did not come up; a QEMU still alive (hung) is stopped first."""
    status = await watch.wait(0.2)
    hung = status is None
    if hung:
        status = await process.terminate(watch, term_timeout=3.0, kill_timeout=3.0)
    text = read_log_since(stored.folder.qemu_log, offset)
    exit_text = (status or process.ExitStatus()).describe()
    explained = explain(text, roles=file_roles(stored.spec, stored.folder), exit_text=exit_text)
    message = explained.message
    if hung and explained.code == "qemu-error":
        message = Message(QT_TRANSLATE_NOOP(
            "runtime.launch",
            "QEMU started but its monitor did not answer within {seconds} s, so it was "
            "stopped; see {log}."), seconds=f"{hung_after:g}", log=str(stored.folder.qemu_log))
    return LaunchProblem(message, explained.details, explained.code)
