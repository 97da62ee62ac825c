"""Running qemu-img: image facts, new images, and long jobs with progress and cancel.

Failures raise ImageError(message, details): `message` is one sentence for the user, `details`
is qemu-img's own words. Argv lists and output parsing come from kvmgui.core.qemu_img.

The SAFE-SWAP rule for operations that rewrite an image (convert, compress, shrink): the new
image is written to a hidden temporary file in the target's folder (`.<name>.<owner>-<random>
.kvmgui-tmp`, see core/leftovers.py), checked, fsynced and only then renamed onto the target. A
failure or a cancel deletes the temporary file, so the original stays byte-identical and no
half-written target is ever left behind. An existing target is only replaced when the caller
says so (overwrite=True). Growing is done in place: `qemu-img resize` to a larger size only
adds room and never touches existing data.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import stat
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from kvmgui.core import qemu_img as qi
from kvmgui.core.chain_rule import (
    FileFacts,
    FileKind,
    base_name,
    chain_problem,
    facts_needed,
)
from kvmgui.core.leftovers import TMP_SUFFIX as TMP_SUFFIX, sweep_temp_files, temp_name_for
from kvmgui.core.messages import QT_TRANSLATE_NOOP, KvmguiError, Message, Template, plural
from kvmgui.core.paths import AppPaths
from kvmgui.core.qemu_img import ImageInfo
from kvmgui.core.sizes import Size
from kvmgui.core.write_guard import Intent
from kvmgui.runtime.children import spawn_tied

if TYPE_CHECKING:
    from kvmgui.runtime.write_guard import WriteGuard

INFO_TIMEOUT_S = 30.0
CREATE_TIMEOUT_S = 120.0
TERMINATE_GRACE_S = 5.0
_STDERR_LIMIT = 64 * 1024

_Parsed = TypeVar("_Parsed")

ProgressCallback = Callable[[float], Awaitable[None]]  # percent 0..100


class ImageError(KvmguiError):
    """A qemu-img operation failed; `message` is one sentence, `details` the raw output."""

    @property
    def locked(self) -> bool:
        """True when the image is in use by a running VM (another process holds its lock)."""
        return qi.is_locked_error(self.details)


class UnsafeChain(ImageError):
    """The image's bases are unrecorded or reach outside the user's own images: no VM (and no
    copy made for one) may open it (core/chain_rule.py)."""


class ImageCancelled(ImageError):
    """The user cancelled the job; the original image is unchanged."""


def _guard(guard: WriteGuard | None, qemu_img: str) -> WriteGuard:
    """The caller's write guard, or one that knows no VMs (it still protects read-only
    files, the chains being read and the files behind mounted loop devices)."""
    from kvmgui.runtime.write_guard import WriteGuard  # it reads chains with this module

    return guard if guard is not None else WriteGuard(qemu_img=qemu_img)


@dataclass(frozen=True)
class RunResult:
    returncode: int
    stdout: bytes
    stderr: str


# ------------------------------------------------------------------------------ processes


async def _spawn(argv: Sequence[str]) -> asyncio.subprocess.Process:
    try:
        # qemu-img dies with us: a killed CLI must not leave it writing an orphaned temp file.
        return await spawn_tied(argv)
    except FileNotFoundError:
        raise ImageError(Message(QT_TRANSLATE_NOOP(
            "runtime.images",
            "The program {program} was not found. Install QEMU's tools (on Debian/Ubuntu: sudo "
            "apt install qemu-utils) or set its path in the settings."), program=argv[0])
        ) from None
    except PermissionError:
        raise ImageError(Message(QT_TRANSLATE_NOOP(
            "runtime.images", "The program {program} cannot be run (permission denied)."),
            program=argv[0])) from None


async def _stop(proc: asyncio.subprocess.Process) -> None:
    """Terminate `proc`, then kill it if it does not end in time; always reap it."""
    if proc.returncode is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        proc.send_signal(signal.SIGTERM)
    try:
        await asyncio.wait_for(proc.wait(), TERMINATE_GRACE_S)
    except TimeoutError:
        with contextlib.suppress(ProcessLookupError):
            proc.kill()
        await proc.wait()


async def run_qemu_img(argv: Sequence[str], *, timeout: float | None = INFO_TIMEOUT_S) -> RunResult:
    """Run a short qemu-img command to the end and return its output (no exception on rc≠0)."""
    proc = await _spawn(argv)
    try:
        out, err = await asyncio.wait_for(proc.communicate(), timeout)
    except TimeoutError:
        await _stop(proc)
        raise ImageError(Message(QT_TRANSLATE_NOOP(
            "runtime.images", "qemu-img did not answer within {timeout} seconds."),
            timeout=f"{timeout:.0f}"), " ".join(argv)) from None
    except BaseException:
        await _stop(proc)
        raise
    assert proc.returncode is not None
    return RunResult(proc.returncode, out, err.decode("utf-8", "replace")[-_STDERR_LIMIT:])


def _failure(result: RunResult, context: str = "") -> ImageError:
    sentence: str = qi.explain_error(result.stderr)
    if context and not qi.is_locked_error(result.stderr):  # that sentence stands on its own
        sentence = Message(QT_TRANSLATE_NOOP("runtime.images", "{action}: {error}"),
                           action=context, error=sentence)
    return ImageError(sentence, qi.error_details(result.stderr))


# ------------------------------------------------------------------------------ info


async def image_info(
    path: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    force_share: bool = True,
    qemu_img: str = qi.QEMU_IMG,
    timeout: float = INFO_TIMEOUT_S,
) -> ImageInfo:
    """What qemu-img says about `path`. Without `fmt` it probes the format (fine for info).

    force_share=False fails with "This image is in use by a running VM." when a VM holds it.
    """
    return await _read_info(path, qi.parse_info, fmt=fmt, force_share=force_share,
                            backing_chain=False, qemu_img=qemu_img, timeout=timeout)


async def image_chain(
    path: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    qemu_img: str = qi.QEMU_IMG,
    timeout: float = INFO_TIMEOUT_S,
) -> list[ImageInfo]:
    """The image and its bases, nearest first (`info --backing-chain`)."""
    return await _read_info(path, qi.parse_info_chain, fmt=fmt, force_share=True,
                            backing_chain=True, qemu_img=qemu_img, timeout=timeout)


async def checked_chain(
    path: str | os.PathLike[str],
    fmt: str,
    *,
    base: str | None = None,
    base_format: str | None = None,
    qemu_img: str = qi.QEMU_IMG,
    timeout: float = INFO_TIMEOUT_S,
) -> list[ImageInfo]:
    """The image and every base QEMU would open under it, nearest first, or UnsafeChain (one
    sentence) when the chain reaches outside the user's own image files (core/chain_rule.py);
    ImageError when qemu-img cannot read a link.

    Read one link at a time with `qemu-img info -f FORMAT` (which does not open the base), so a
    base is opened only after its place and recorded format passed: neither qemu-img nor QEMU
    ever guesses a format or opens a host file on the chain's say-so. `base`/`base_format` are
    a VM definition's explicit base (relative: to the image's folder), which QEMU opens instead
    of the one in the image's header; with them the image itself may not exist yet (an overlay
    kvmgui is about to create).
    """
    top = os.path.abspath(path)
    if base is not None and not os.path.lexists(top):
        first = ImageInfo(filename=top, format=fmt, virtual_size=0, actual_size=None)
    else:
        first = await image_info(top, fmt=fmt, qemu_img=qemu_img, timeout=timeout)
    if base is not None:
        first = replace(first, backing_file=base, backing_format=base_format,
                        full_backing_filename=os.path.join(os.path.dirname(top), base))
    chain = [first]
    facts: dict[str, FileFacts] = {}
    uid = os.geteuid()
    own = [os.path.realpath(AppPaths.from_env().data_dir)]  # kvmgui's VMs: a hidden folder
    while True:
        for needed in facts_needed(chain[-1]):
            if needed not in facts:
                facts[needed] = file_facts(needed)
        problem = chain_problem(chain, facts, uid=uid, own_folders=own)
        if problem:
            raise UnsafeChain(problem)
        name = base_name(chain[-1])
        if name is None or chain[-1].backing_file is None:
            return chain
        chain.append(await image_info(name, fmt=chain[-1].backing_format, qemu_img=qemu_img,
                                      timeout=timeout))


def file_facts(path: str) -> FileFacts:
    """Where `path` really leads, what it is and whose it is (for core/chain_rule.py)."""
    real = os.path.realpath(path)
    try:
        st = os.stat(real)
    except FileNotFoundError:
        return FileFacts(real, FileKind.MISSING)
    except OSError:
        return FileFacts(real, FileKind.UNREADABLE)
    if stat.S_ISREG(st.st_mode):
        kind = FileKind.REGULAR
    elif stat.S_ISBLK(st.st_mode) or stat.S_ISCHR(st.st_mode):
        kind = FileKind.DEVICE
    else:
        kind = FileKind.OTHER
    return FileFacts(real, kind, st.st_uid, st.st_size)


async def _read_info(
    path: str | os.PathLike[str], parse: Callable[[bytes], _Parsed], *, fmt: str | None,
    force_share: bool, backing_chain: bool, qemu_img: str, timeout: float,
) -> _Parsed:
    """`qemu-img info --output=json` of `path` read by `parse`, or ImageError with a plain
    sentence."""
    _require_file(Path(path))
    # An absolute name makes qemu-img report the base's full path, not one relative to us.
    abspath = os.path.abspath(path)
    result = await run_qemu_img(
        qi.info_argv(abspath, fmt=fmt, force_share=force_share, backing_chain=backing_chain,
                     qemu_img=qemu_img),
        timeout=timeout,
    )
    if result.returncode != 0:
        raise _failure(result, Message(QT_TRANSLATE_NOOP("runtime.images", "Cannot read {name}"),
                                       name=Path(abspath).name))
    try:
        return parse(result.stdout)
    except qi.QemuImgOutputError as exc:
        raise ImageError(str(exc), result.stdout.decode("utf-8", "replace")[:2000]) from None


async def ensure_not_in_use(
    path: Path, fmt: str, *, qemu_img: str = qi.QEMU_IMG
) -> ImageInfo:
    """Raise ImageError when a VM holds `path` (qemu-img's lock test); else return its info."""
    return await image_info(path, fmt=fmt, force_share=False, qemu_img=qemu_img)


def _require_file(path: Path) -> None:
    if not path.exists():
        raise ImageError(Message(QT_TRANSLATE_NOOP("runtime.images", "{path} does not exist."),
                                 path=str(path)))
    if path.is_dir():
        raise ImageError(_is_a_folder(path))


def _is_a_folder(path: Path) -> Message:
    return Message(QT_TRANSLATE_NOOP("runtime.images", "{path} is a folder, not an image file."),
                   path=str(path))


def _exists(path: Path) -> Message:
    return Message(QT_TRANSLATE_NOOP("runtime.images",
                                     "{path} already exists; choose another name."),
                   path=str(path))


def _no_folder(folder: Path) -> Message:
    return Message(QT_TRANSLATE_NOOP("runtime.images", "The folder {folder} does not exist."),
                   folder=str(folder))


# ------------------------------------------------------------------------------ create


async def create_image(
    path: str | os.PathLike[str],
    fmt: str,
    size_bytes: int | None,
    *,
    backing: str | os.PathLike[str] | None = None,
    backing_format: str | None = None,
    qemu_img: str = qi.QEMU_IMG,
    overwrite: bool = False,
    timeout: float = CREATE_TIMEOUT_S,
    guard: WriteGuard | None = None,
) -> None:
    """Create a new empty image (or a qcow2 overlay on `backing`, whose format must be given).

    An existing file at `path` is never replaced unless overwrite=True (qemu-img itself would
    silently truncate it). The image appears at `path` complete or not at all.
    """
    target = Path(path)
    try:  # the argv builder validates the arguments; fail before touching the disk
        qi.create_argv(
            target, fmt, size_bytes, backing=backing, backing_format=backing_format,
            qemu_img=qemu_img,
        )
    except ValueError as exc:
        raise ImageError(str(exc)) from None
    if not target.parent.is_dir():
        raise ImageError(_no_folder(target.parent))
    if target.is_dir():
        raise ImageError(_is_a_folder(target))
    if (target.exists() or target.is_symlink()) and not overwrite:
        raise ImageError(_exists(target))
    if overwrite:
        await _guard(guard, qemu_img).require(target, overwrite=True)
    if backing is not None:
        base = Path(backing)
        if not base.is_absolute():
            base = target.parent / base  # how qemu-img resolves a relative backing file
        if not base.exists():
            raise ImageError(Message(QT_TRANSLATE_NOOP(
                "runtime.images", "The base image {base} does not exist."), base=str(base)))
    tmp = temp_path_for(target)
    try:
        result = await run_qemu_img(
            qi.create_argv(
                tmp, fmt, size_bytes, backing=_backing_for_tmp(backing),
                backing_format=backing_format, qemu_img=qemu_img,
            ),
            timeout=timeout,
        )
        if result.returncode != 0:
            raise _failure(result, Message(QT_TRANSLATE_NOOP(
                "runtime.images", "Cannot create {name}"), name=target.name))
        commit_temp(tmp, target, overwrite=overwrite)
    finally:
        remove_quietly(tmp)


def _backing_for_tmp(backing: str | os.PathLike[str] | None) -> str | None:
    # The temp file lives in the target's folder, so a relative backing name means the same.
    return None if backing is None else os.fspath(backing)


# ------------------------------------------------------------------------------ safe swap


def temp_path_for(target: Path) -> Path:
    """A fresh hidden name next to `target` (same folder, so the final rename is atomic).

    The name records this process (core/leftovers.py), and the temp files that killed
    kvmgui processes left in that folder are removed first: the next operation on a folder
    tidies up after a SIGKILL, never touching a temp file whose writer still runs.
    """
    sweep_temp_files(target.parent)
    return temp_name_for(target)


def remove_quietly(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):  # some file systems cannot fsync a folder
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def commit_temp(tmp: Path, target: Path, *, overwrite: bool) -> None:
    """Make the finished temp file `target`: fsync, then an atomic rename.

    Without overwrite a hard link does the no-clobber rename (it fails if `target` appeared in
    the meantime); file systems without hard links fall back to a checked rename.
    """
    _fsync_file(tmp)
    if overwrite:
        os.replace(tmp, target)
    else:
        try:
            os.link(tmp, target)
        except FileExistsError:
            raise ImageError(_exists(target)) from None
        except OSError:
            if target.exists() or target.is_symlink():
                raise ImageError(_exists(target)) from None
            os.rename(tmp, target)
        else:
            tmp.unlink()
    _fsync_dir(target.parent)


def _copy_mode(original: Path, new: Path) -> None:
    """Give the replacement the original's permissions (and owner, when we may)."""
    st = os.stat(original)
    os.chmod(new, stat.S_IMODE(st.st_mode))
    if (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid()):
        with contextlib.suppress(PermissionError):
            os.chown(new, st.st_uid, st.st_gid)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


# ------------------------------------------------------------------------------ jobs


@dataclass(frozen=True)
class JobResult:
    target: Path  # the image that was written (or left alone)
    message: str  # one sentence saying what happened
    warnings: tuple[str, ...] = ()
    changed: bool = True


JobBody = Callable[["ImageJob"], Awaitable[JobResult]]


class ImageJob:
    """One long qemu-img operation with progress (0..100) and cancel.

    Made by convert_job/compress_job/resize_job; `await job.run()` returns a JobResult or
    raises ImageError (ImageCancelled after cancel()). cancel() may be called at any time from
    the event loop's thread: the running qemu-img gets SIGTERM, then SIGKILL after a grace
    period, and the job's temporary file is deleted. Cancelling the task that awaits run()
    cleans up the same way and then propagates CancelledError.
    """

    def __init__(
        self,
        title: str,
        body: JobBody,
        *,
        progress: ProgressCallback | None = None,
        qemu_img: str = qi.QEMU_IMG,
    ) -> None:
        self.title = title
        self.qemu_img = qemu_img
        self.percent = 0.0
        self._body = body
        self._progress = progress
        self._cancel = asyncio.Event()
        self._started = False

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    async def run(self) -> JobResult:
        if self._started:
            raise RuntimeError("An ImageJob can only run once.")
        self._started = True
        self.check_cancelled()
        result = await self._body(self)
        await self.report(100.0)
        return result

    def check_cancelled(self) -> None:
        if self._cancel.is_set():
            raise ImageCancelled(Message(QT_TRANSLATE_NOOP(
                "runtime.images", "{title} was cancelled; nothing was changed."),
                title=self.title))

    async def report(self, percent: float) -> None:
        """Tell the listener about progress; it only ever moves forward."""
        percent = min(100.0, percent)
        if percent <= self.percent:
            return
        self.percent = percent
        if self._progress is not None:
            await self._progress(percent)

    async def step(
        self, argv: Sequence[str], *, span: tuple[float, float] = (0.0, 100.0)
    ) -> RunResult:
        """Run one qemu-img command; its `-p` output moves progress across `span`."""
        self.check_cancelled()
        proc = await _spawn(argv)
        lo, hi = span
        reader = qi.ProgressReader()

        async def pump_stdout() -> bytes:
            assert proc.stdout is not None
            kept = bytearray()
            while data := await proc.stdout.read(65536):
                if len(kept) < _STDERR_LIMIT * 16:  # JSON answers are small; progress is not
                    kept += data
                for p in reader.feed(data):
                    await self.report(lo + (hi - lo) * p / 100.0)
            return bytes(kept)

        async def pump_stderr() -> bytes:
            assert proc.stderr is not None
            return await proc.stderr.read()

        out_task = asyncio.create_task(pump_stdout())
        err_task = asyncio.create_task(pump_stderr())
        exit_task = asyncio.create_task(proc.wait())
        cancel_task = asyncio.create_task(self._cancel.wait())
        try:
            await asyncio.wait({exit_task, cancel_task}, return_when=asyncio.FIRST_COMPLETED)
            if self._cancel.is_set():
                await _stop(proc)
            out, err = await asyncio.gather(out_task, err_task)
            await exit_task
        except BaseException:
            await _stop(proc)
            raise
        finally:
            for task in (out_task, err_task, exit_task, cancel_task):
                task.cancel()
        self.check_cancelled()
        assert proc.returncode is not None
        return RunResult(proc.returncode, out, err.decode("utf-8", "replace")[-_STDERR_LIMIT:])

    async def verify(
        self,
        image: Path,
        fmt: str,
        *,
        original: tuple[Path, str] | None,
        span: tuple[float, float],
    ) -> None:
        """`check` the new image, and `compare` it with the original when one is given."""
        lo, hi = span
        r = await self.step(qi.check_argv(image, fmt, qemu_img=self.qemu_img), span=(lo, lo))
        verdict = qi.parse_check(r.stdout, r.returncode)
        if verdict.status not in (qi.CheckStatus.OK, qi.CheckStatus.UNSUPPORTED):
            raise ImageError(Message(QT_TRANSLATE_NOOP(
                "runtime.images",
                "The new image did not pass its check ({problem}); the original was kept "
                "unchanged."), problem=verdict.message), qi.error_details(r.stderr))
        if original is None:
            await self.report(hi)
            return
        src, src_fmt = original
        r = await self.step(
            qi.compare_argv(src, src_fmt, image, fmt, progress=True, qemu_img=self.qemu_img),
            span=(lo, hi),
        )
        if r.returncode == 1:
            raise ImageError(
                Message(QT_TRANSLATE_NOOP(
                    "runtime.images",
                    "The new image's content differs from the original, so the original was "
                    "kept unchanged.")),
                r.stdout.decode("utf-8", "replace").replace("\r", "\n")[-2000:] + r.stderr,
            )
        if r.returncode != 0:
            raise _failure(r, Message(QT_TRANSLATE_NOOP(
                "runtime.images", "The new image could not be compared with the original")))


# ------------------------------------------------------------------------------ convert


def convert_job(
    src: str | os.PathLike[str],
    dst: str | os.PathLike[str],
    *,
    to: str = "qcow2",
    compress: bool = False,
    src_format: str | None = None,
    overwrite: bool = False,
    verify: bool = False,
    rate_limit: int | None = None,
    qemu_img: str = qi.QEMU_IMG,
    progress: ProgressCallback | None = None,
    guard: WriteGuard | None = None,
) -> ImageJob:
    """Convert SRC (qcow2, raw, vmdk, vdi, vhdx, …) into a new qcow2 or raw image DST.

    The whole backing chain is flattened into DST. DST appears only when the conversion
    succeeded; an existing DST is replaced only with overwrite=True. verify=True also compares
    the guest-visible content of both images before DST appears.
    """
    source, target = Path(os.path.abspath(src)), Path(os.path.abspath(dst))

    async def body(job: ImageJob) -> JobResult:
        if to not in qi.OUTPUT_FORMATS:
            raise ImageError(Message(QT_TRANSLATE_NOOP(
                "runtime.images", "kvmgui converts to qcow2 or raw, not to '{format}'."),
                format=to))
        if compress and to not in qi.COMPRESSIBLE_FORMATS:
            raise ImageError(Message(QT_TRANSLATE_NOOP(
                "runtime.images", "Only qcow2 images can be compressed; convert to qcow2.")))
        _require_file(source)
        if not target.parent.is_dir():
            raise ImageError(_no_folder(target.parent))
        if _same_file(source, target):
            raise ImageError(Message(QT_TRANSLATE_NOOP(
                "runtime.images",
                "The source and the target are the same file; choose a new file name (to make "
                "an image smaller in place, compress it).")))
        # Never a VM's disk, a base, a file behind a mounted loop device, …; an existing
        # file only with overwrite (core/write_guard.py).
        await _guard(guard, qemu_img).require(target, overwrite=overwrite,
                                              sources=[(source, src_format)])
        if target.exists():
            # In use → error. Read as raw: the lock is the file's, whatever its format, and the
            # target (perhaps a guest's former disk) is never probed.
            await image_info(target, fmt="raw", force_share=False, qemu_img=qemu_img)
        # The lock test also tells us the format. Without src_format qemu-img probes it: that
        # is how we learn the format of an image the user brings. From here on the source is
        # opened with that explicit -f, never probed again (see core/qemu_img.py).
        info = await image_info(source, fmt=src_format, force_share=False, qemu_img=qemu_img)
        fmt = src_format or info.format
        await checked_chain(source, fmt, qemu_img=qemu_img)  # the copy would hold every base
        if not compress:
            await _check_space(source, fmt, target.parent, qemu_img)
        tmp = temp_path_for(target)
        convert_end = 85.0 if verify else 97.0
        try:
            r = await job.step(
                qi.convert_argv(source, fmt, tmp, to, compress, rate_limit=rate_limit,
                                qemu_img=qemu_img),
                span=(0.0, convert_end),
            )
            if r.returncode != 0:
                raise _failure(r, Message(QT_TRANSLATE_NOOP(
                    "runtime.images", "Converting {name} failed"), name=source.name))
            await job.verify(tmp, to, original=(source, fmt) if verify else None,
                             span=(convert_end, 99.0))
            job.check_cancelled()
            if overwrite and target.exists():
                await image_info(target, fmt="raw", force_share=False, qemu_img=qemu_img)
                _copy_mode(target, tmp)
            commit_temp(tmp, target, overwrite=overwrite)
        finally:
            remove_quietly(tmp)
        size = _disk_usage(target)
        values = {"source": source.name, "source_format": fmt, "target": target.name,
                  "format": to, "size": Size(size)}
        return JobResult(
            target,
            Message(QT_TRANSLATE_NOOP(
                "runtime.images",
                "Converted {source} ({source_format}) to {target} ({format}, compressed), "
                "{size} on disk."), **values) if compress
            else Message(QT_TRANSLATE_NOOP(
                "runtime.images",
                "Converted {source} ({source_format}) to {target} ({format}), {size} on disk."),
                **values),
        )

    return ImageJob(Message(QT_TRANSLATE_NOOP("runtime.images", "Converting {name}"),
                            name=source.name), body, progress=progress, qemu_img=qemu_img)


async def _check_space(source: Path, fmt: str, folder: Path, qemu_img: str) -> None:
    """Refuse early when the target's file system clearly cannot hold the result."""
    r = await run_qemu_img(
        qi.measure_argv(out_fmt="qcow2", src=source, src_fmt=fmt, qemu_img=qemu_img)
    )
    if r.returncode != 0:
        return  # only an estimate; the conversion itself reports a real shortage
    try:
        needed = qi.parse_measure(r.stdout).required
    except qi.QemuImgOutputError:
        return
    free = shutil.disk_usage(folder).free
    if needed > free:
        raise ImageError(Message(QT_TRANSLATE_NOOP(
            "runtime.images",
            "{folder} has only {free} free, but the new image needs about {needed}. Free some "
            "space or choose another folder."),
            folder=str(folder), free=Size(free), needed=Size(needed)))


def _disk_usage(path: Path) -> int:
    return os.stat(path).st_blocks * 512


# ------------------------------------------------------------------------------ compress


def compress_job(
    image: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    qemu_img: str = qi.QEMU_IMG,
    progress: ProgressCallback | None = None,
    guard: WriteGuard | None = None,
) -> ImageJob:
    """Rewrite a qcow2 image compressed, replacing it only after check + compare succeed.

    An overlay stays an overlay of the same base. Images with internal snapshots are refused
    (conversion drops them), as are images in use by a VM.
    """
    path = Path(os.path.abspath(image))

    async def body(job: ImageJob) -> JobResult:
        _require_file(path)
        await _guard(guard, qemu_img).require(path, intent=Intent.REWRITE)
        info = await image_info(path, fmt=fmt, force_share=False, qemu_img=qemu_img)
        if info.format not in qi.COMPRESSIBLE_FORMATS:
            raise ImageError(Message(QT_TRANSLATE_NOOP(
                "runtime.images",
                "{name} is a {format} image; only qcow2 images can be compressed. Convert it to "
                "a new compressed qcow2 image instead."), name=path.name, format=info.format))
        _refuse_snapshots(path, info, Message(QT_TRANSLATE_NOOP("runtime.images",
                                                                "compressing")))
        async with _rewriting(job, path, info, compress=True, end=70.0, failed=QT_TRANSLATE_NOOP(
                "runtime.images", "Compressing {name} failed")) as tmp:
            await job.verify(tmp, info.format, original=(path, info.format), span=(70.0, 99.0))
            job.check_cancelled()
            before, after = _disk_usage(path), _disk_usage(tmp)
            if after >= before:
                return JobResult(
                    path,
                    Message(QT_TRANSLATE_NOOP(
                        "runtime.images",
                        "{name} is already as small as compression makes it ({size} on disk); "
                        "it was left unchanged."), name=path.name, size=Size(before)),
                    changed=False,
                )
            await _replace(path, tmp, info.format, qemu_img)
        return JobResult(
            path,
            Message(QT_TRANSLATE_NOOP(
                "runtime.images", "Compressed {name} from {before} to {after} on disk."),
                name=path.name, before=Size(before), after=Size(after)),
        )

    return ImageJob(Message(QT_TRANSLATE_NOOP("runtime.images", "Compressing {name}"),
                            name=path.name), body, progress=progress, qemu_img=qemu_img)


def _refuse_snapshots(path: Path, info: ImageInfo, doing: Message) -> None:
    if info.snapshots:
        raise ImageError(plural(
            len(info.snapshots),
            QT_TRANSLATE_NOOP("runtime.images",
                              "{name} has {n} snapshot, which {doing} would lose; delete it "
                              "first."),
            QT_TRANSLATE_NOOP("runtime.images",
                              "{name} has {n} snapshots, which {doing} would lose; delete them "
                              "first."),
            name=path.name, doing=doing))


async def _backing_of(path: Path, info: ImageInfo, qemu_img: str) -> tuple[str | None, str | None]:
    """The backing file (as stored) and its format, for rewriting an overlay as an overlay."""
    if info.backing_file is None:
        return None, None
    if info.backing_format:
        return info.backing_file, info.backing_format
    # An old overlay without a recorded base format: learn it once (info probes) and record it
    # in the rewritten image, so it is never probed again.
    chain = await image_chain(path, fmt=info.format, qemu_img=qemu_img)
    if len(chain) < 2:
        raise ImageError(Message(QT_TRANSLATE_NOOP(
            "runtime.images", "The base image of {name} ({base}) cannot be read."),
            name=path.name, base=info.backing_file))
    return info.backing_file, chain[1].format


@contextlib.asynccontextmanager
async def _rewriting(job: ImageJob, path: Path, info: ImageInfo, *, compress: bool, end: float,
                     failed: Template) -> AsyncIterator[Path]:
    """A copy of `path` in its own format (an overlay stays an overlay of the same base),
    compressed with `compress`, written over progress 0..`end` to a temp file next to it; the
    file is removed when the block ends, unless _replace put it in the image's place."""
    backing, backing_fmt = await _backing_of(path, info, job.qemu_img)
    tmp = temp_path_for(path)
    try:
        r = await job.step(
            qi.convert_argv(path, info.format, tmp, info.format, compress, backing=backing,
                            backing_format=backing_fmt, qemu_img=job.qemu_img),
            span=(0.0, end),
        )
        if r.returncode != 0:
            raise _failure(r, Message(failed, name=path.name))
        yield tmp
    finally:
        remove_quietly(tmp)


async def _replace(path: Path, tmp: Path, fmt: str, qemu_img: str) -> None:
    """Put `tmp` in the place of `path`, with its mode, unless a VM holds `path`."""
    # The last moment a VM could have opened the image; after this the swap is atomic.
    await image_info(path, fmt=fmt, force_share=False, qemu_img=qemu_img)
    _copy_mode(path, tmp)
    commit_temp(tmp, path, overwrite=True)


# ------------------------------------------------------------------------------ resize


def resize_job(
    image: str | os.PathLike[str], size_bytes: int, *, shrink: bool = False,
    fmt: str | None = None, qemu_img: str = qi.QEMU_IMG,
    progress: ProgressCallback | None = None, guard: WriteGuard | None = None,
) -> ImageJob:
    """Change the disk size the guest sees to `size_bytes`.

    Growing happens in place (qemu-img only adds room). Shrinking deletes everything beyond
    the new end, so it needs shrink=True and goes through a copy that replaces the image only
    on success.
    """
    path = Path(os.path.abspath(image))

    async def body(job: ImageJob) -> JobResult:
        _require_file(path)
        if size_bytes <= 0:
            raise ImageError(Message(QT_TRANSLATE_NOOP(
                "runtime.images", "The new size must be more than zero.")))
        await _guard(guard, qemu_img).require(path, intent=Intent.REWRITE)
        new = -(-size_bytes // qi.SECTOR) * qi.SECTOR
        info = await image_info(path, fmt=fmt, force_share=False, qemu_img=qemu_img)
        old = info.virtual_size
        if new == old:
            return JobResult(path, Message(QT_TRANSLATE_NOOP(
                "runtime.images", "{name} is already {size}."), name=path.name, size=Size(old)),
                changed=False)
        if new > old:
            r = await job.step(qi.resize_argv(path, info.format, new, qemu_img=qemu_img))
            if r.returncode != 0:
                raise _failure(r, Message(QT_TRANSLATE_NOOP(
                    "runtime.images", "Resizing {name} failed"), name=path.name))
            return JobResult(
                path,
                Message(QT_TRANSLATE_NOOP("runtime.images", "{name} grew from {old} to {new}."),
                        name=path.name, old=Size(old), new=Size(new)),
                (Message(QT_TRANSLATE_NOOP(
                    "runtime.images",
                    "The guest still sees the old partition size: enlarge the partition and "
                    "its file system inside the guest (for example with GParted or Disk "
                    "Management).")),),
            )
        if not shrink:
            raise ImageError(Message(QT_TRANSLATE_NOOP(
                "runtime.images",
                "{new} is smaller than the disk's current size ({old}). Shrinking deletes "
                "everything beyond {new} on the disk; shrink the guest's partitions first and "
                "confirm the shrink explicitly."), new=Size(new), old=Size(old)))
        _refuse_snapshots(path, info, Message(QT_TRANSLATE_NOOP("runtime.images", "shrinking")))
        async with _rewriting(job, path, info, compress=False, end=90.0, failed=QT_TRANSLATE_NOOP(
                "runtime.images", "Copying {name} failed")) as tmp:
            r = await job.step(qi.resize_argv(tmp, info.format, new, True, qemu_img=qemu_img),
                               span=(90.0, 95.0))
            if r.returncode != 0:
                raise _failure(r, Message(QT_TRANSLATE_NOOP(
                    "runtime.images", "Shrinking {name} failed"), name=path.name))
            await job.verify(tmp, info.format, original=None, span=(95.0, 99.0))
            job.check_cancelled()
            await _replace(path, tmp, info.format, qemu_img)
        return JobResult(
            path,
            Message(QT_TRANSLATE_NOOP("runtime.images", "{name} shrank from {old} to {new}."),
                    name=path.name, old=Size(old), new=Size(new)),
            (Message(QT_TRANSLATE_NOOP(
                "runtime.images", "Everything beyond {size} on the disk was deleted."),
                size=Size(new)),),
        )

    return ImageJob(Message(QT_TRANSLATE_NOOP("runtime.images", "Resizing {name}"),
                            name=path.name), body, progress=progress, qemu_img=qemu_img)


# ------------------------------------------------------------------------------ check


async def check_image(
    image: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    repair: str | None = None,
    qemu_img: str = qi.QEMU_IMG,
) -> qi.CheckResult:
    """`qemu-img check` (optionally repairing leaks or all errors); refused while in use."""
    path = Path(os.path.abspath(image))
    _require_file(path)
    info = await image_info(path, fmt=fmt, force_share=False, qemu_img=qemu_img)
    try:
        argv = qi.check_argv(path, fmt or info.format, repair=repair, qemu_img=qemu_img)
    except ValueError as exc:
        raise ImageError(str(exc)) from None
    r = await run_qemu_img(argv, timeout=None)
    if r.returncode == 1 or (r.returncode not in (0, 2, 3, 63)):
        raise _failure(r, Message(QT_TRANSLATE_NOOP(
            "runtime.images", "Checking {name} failed"), name=path.name))
    return qi.parse_check(r.stdout, r.returncode)
