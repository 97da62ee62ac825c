"""Running qemu-img: image facts, new images, and long jobs with progress and cancel.

Failures raise ImageError(message, details): `message` is one sentence for the user, `details`
is qemu-img's own words. Argv lists and output parsing come from kvmgui.core.qemu_img.

The SAFE-SWAP rule for operations that rewrite an image (convert, compress, shrink): the new
image is written to a hidden temporary file in the target's folder
(`.<name>.<random>.kvmgui-tmp`), checked, fsynced and only then renamed onto the target. A
failure or a cancel deletes the temporary file, so the original stays byte-identical and no
half-written target is ever left behind. An existing target is only replaced when the caller
says so (overwrite=True). Growing is done in place: `qemu-img resize` to a larger size only
adds room and never touches existing data.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
import signal
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kvmgui.core import qemu_img as qi
from kvmgui.core.qemu_img import ImageInfo

INFO_TIMEOUT_S = 30.0
CREATE_TIMEOUT_S = 120.0
TERMINATE_GRACE_S = 5.0
TMP_SUFFIX = ".kvmgui-tmp"
_STDERR_LIMIT = 64 * 1024

ProgressCallback = Callable[[float], Awaitable[None]]  # percent 0..100


class ImageError(Exception):
    """A qemu-img operation failed; `message` is one sentence, `details` the raw output."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class ImageCancelled(ImageError):
    """The user cancelled the job; the original image is unchanged."""


@dataclass(frozen=True)
class RunResult:
    returncode: int
    stdout: bytes
    stderr: str


# ------------------------------------------------------------------------------ processes


async def _spawn(argv: Sequence[str]) -> asyncio.subprocess.Process:
    try:
        return await asyncio.create_subprocess_exec(
            *argv,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
    except FileNotFoundError:
        raise ImageError(
            f"The program {argv[0]} was not found. Install QEMU's tools "
            "(on Debian/Ubuntu: sudo apt install qemu-utils) or set its path in the settings."
        ) from None
    except PermissionError:
        raise ImageError(f"The program {argv[0]} cannot be run (permission denied).") from None


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
        raise ImageError(
            f"qemu-img did not answer within {timeout:.0f} seconds.", " ".join(argv)
        ) from None
    except BaseException:
        await _stop(proc)
        raise
    assert proc.returncode is not None
    return RunResult(proc.returncode, out, err.decode("utf-8", "replace")[-_STDERR_LIMIT:])


def _failure(result: RunResult, context: str = "") -> ImageError:
    sentence = qi.explain_error(result.stderr)
    if context:
        sentence = f"{context}: {sentence[0].lower()}{sentence[1:]}"
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
    _require_file(Path(path))
    # An absolute name makes qemu-img report the base's full path, not one relative to us.
    path = os.path.abspath(path)
    result = await run_qemu_img(
        qi.info_argv(path, fmt=fmt, force_share=force_share, qemu_img=qemu_img), timeout=timeout
    )
    if result.returncode != 0:
        raise _failure(result, f"Cannot read {Path(path).name}")
    try:
        return qi.parse_info(result.stdout)
    except qi.QemuImgOutputError as exc:
        raise ImageError(str(exc), result.stdout.decode("utf-8", "replace")[:2000]) from None


async def image_chain(
    path: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    qemu_img: str = qi.QEMU_IMG,
    timeout: float = INFO_TIMEOUT_S,
) -> list[ImageInfo]:
    """The image and its bases, nearest first (`info --backing-chain`)."""
    _require_file(Path(path))
    path = os.path.abspath(path)
    result = await run_qemu_img(
        qi.info_argv(path, fmt=fmt, backing_chain=True, qemu_img=qemu_img), timeout=timeout
    )
    if result.returncode != 0:
        raise _failure(result, f"Cannot read {Path(path).name}")
    try:
        return qi.parse_info_chain(result.stdout)
    except qi.QemuImgOutputError as exc:
        raise ImageError(str(exc), result.stdout.decode("utf-8", "replace")[:2000]) from None


async def ensure_not_in_use(
    path: Path, fmt: str, *, qemu_img: str = qi.QEMU_IMG
) -> ImageInfo:
    """Raise ImageError when a VM holds `path` (qemu-img's lock test); else return its info."""
    return await image_info(path, fmt=fmt, force_share=False, qemu_img=qemu_img)


def _require_file(path: Path) -> None:
    if not path.exists():
        raise ImageError(f"{path} does not exist.")
    if path.is_dir():
        raise ImageError(f"{path} is a folder, not an image file.")


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
        raise ImageError(f"The folder {target.parent} does not exist.")
    if target.is_dir():
        raise ImageError(f"{target} is a folder, not an image file.")
    if (target.exists() or target.is_symlink()) and not overwrite:
        raise ImageError(f"{target} already exists; choose another name.")
    if backing is not None:
        base = Path(backing)
        if not base.is_absolute():
            base = target.parent / base  # how qemu-img resolves a relative backing file
        if not base.exists():
            raise ImageError(f"The base image {base} does not exist.")
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
            raise _failure(result, f"Cannot create {target.name}")
        commit_temp(tmp, target, overwrite=overwrite)
    finally:
        remove_quietly(tmp)


def _backing_for_tmp(backing: str | os.PathLike[str] | None) -> str | None:
    # The temp file lives in the target's folder, so a relative backing name means the same.
    return None if backing is None else os.fspath(backing)


# ------------------------------------------------------------------------------ safe swap


def temp_path_for(target: Path) -> Path:
    """A fresh hidden name next to `target` (same folder, so the final rename is atomic)."""
    while True:
        candidate = target.parent / f".{target.name}.{secrets.token_hex(4)}{TMP_SUFFIX}"
        if not candidate.exists() and not candidate.is_symlink():
            return candidate


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
            raise ImageError(f"{target} already exists; choose another name.") from None
        except OSError:
            if target.exists() or target.is_symlink():
                raise ImageError(f"{target} already exists; choose another name.") from None
            os.rename(tmp, target)
        else:
            tmp.unlink()
    _fsync_dir(target.parent)
