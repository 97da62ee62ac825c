"""qemu-img command lines and the parsing of what qemu-img prints (pure functions, no I/O).

The runtime (kvmgui/runtime/images.py) runs these argv lists; everything that decides *what*
to run and *what the output means* lives here so it is tested without processes.

The format rule (why every builder takes an explicit format):
    qemu-img, like QEMU, guesses an image's format from its first bytes when `-f` is missing.
    A raw disk belongs to the guest, so the guest decides its first bytes: a guest that writes
    a qcow2 header into its raw disk would make the next probe read it as qcow2, with a backing
    file of the guest's choosing (say /etc/shadow or the host's whole disk), and hand the host
    file to the guest. So:
    - `info` may probe: it is how we learn the format of a file the user brings (an image
      downloaded or made elsewhere). We then record that format and never probe again.
    - every builder that opens an image for anything but `info` requires the format, and
      images kvmgui created or recorded are always opened with the recorded format.
    - an overlay always records its backing format (`-F`), so QEMU never probes the base.
    QEMU 7.2 also refuses `create -b` without `-F` ("Backing file specified without backing
    format"); we raise earlier with a clear message.

qemu-img facts used here (measured with QEMU 7.2):
- `-p` writes "    (12.34/100%)\\r" to stdout even into a pipe.
- `check` exit codes: 0 clean, 1 internal error, 2 corrupted, 3 leaks only, 63 unsupported.
- `compare` exit codes: 0 identical, 1 different, 2 error.
- A file name with ':' before any '/' is read as a protocol ("nbd:", "json:{…}"), and one
  starting with '-' as an option, so such relative names get a "./" prefix.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from kvmgui.core.messages import QT_TRANSLATE_NOOP, KvmguiError, Message, Template
from kvmgui.core.sizes import Size, SizeError, parse_size

QEMU_IMG = "qemu-img"

# Formats kvmgui reads (the user's images) and the ones it writes (images VMs use).
INPUT_FORMATS = ("qcow2", "raw", "vmdk", "vdi", "vhdx", "vpc", "qed", "qcow", "parallels", "dmg")
OUTPUT_FORMATS = ("qcow2", "raw")
# Formats `-c` can write in QEMU 7.2 (vmdk only as streamOptimized; kvmgui writes qcow2).
COMPRESSIBLE_FORMATS = ("qcow2",)
SNAPSHOT_FORMATS = ("qcow2",)

_FORMAT_RE = re.compile(r"^[a-z0-9_]{1,20}$")
_PROGRESS_RE = re.compile(rb"\((\d+(?:\.\d+)?)/100%\)")


class QemuImgOutputError(KvmguiError, ValueError):
    """qemu-img printed something we cannot read; str() says what."""


# ------------------------------------------------------------------------------ helpers


def safe_path(path: str | os.PathLike[str]) -> str:
    """`path` as a qemu-img argument that can only mean a local file.

    Relative names that start with '-' or have ':' before any '/' get "./" in front, so they
    are neither options nor protocols; everything else is left as given (a relative backing
    file name must stay relative: it is stored in the overlay and resolved against the
    overlay's folder).
    """
    text = os.fspath(path)
    if not text:
        raise ValueError(Message(QT_TRANSLATE_NOOP("core.qemu_img", "An image path must not be "
            "empty.")))
    if "\0" in text:
        raise ValueError(Message(QT_TRANSLATE_NOOP("core.qemu_img", "An image path must not "
            "contain NUL characters.")))
    if text.startswith("/"):
        return text
    head = text.split("/", 1)[0]
    if text.startswith("-") or ":" in head:
        return "./" + text
    return text


def _check_format(fmt: str, what: str = "format") -> str:
    if not isinstance(fmt, str) or not _FORMAT_RE.match(fmt):
        raise ValueError(Message(QT_TRANSLATE_NOOP("core.qemu_img", "{fmt} is not a valid image "
            "{what}."), fmt=repr(fmt), what=what))
    return fmt


def _check_size(size_bytes: int) -> str:
    if isinstance(size_bytes, bool) or not isinstance(size_bytes, int) or size_bytes <= 0:
        raise ValueError(Message(QT_TRANSLATE_NOOP("core.qemu_img", "The image size must be a "
            "positive number of bytes, not {size_bytes}."), size_bytes=repr(size_bytes)))
    return str(size_bytes)


# ------------------------------------------------------------------------------ argv builders


def create_argv(path: str | os.PathLike[str], fmt: str, size_bytes: int | None, *,
                backing: str | os.PathLike[str] | None = None, backing_format: str | None = None,
                qemu_img: str = QEMU_IMG) -> list[str]:
    """`qemu-img create` for a new image; an overlay (backing=) always records its format.

    `size_bytes` may be None only for an overlay, which then takes the size of its base.
    """
    argv = [qemu_img, "create", "-q", "-f", _check_format(fmt)]
    if backing is not None:
        if not backing_format:
            raise ValueError(
                Message(QT_TRANSLATE_NOOP("core.qemu_img", "A backing file needs its format (for "
                    "example qcow2 or raw), so that QEMU never has to guess it."))
            )
        if fmt != "qcow2":
            raise ValueError(Message(QT_TRANSLATE_NOOP("core.qemu_img", "Only qcow2 images can "
                "have a backing file.")))
        argv += ["-b", safe_path(backing), "-F", _check_format(backing_format, Message(
            QT_TRANSLATE_NOOP("core.qemu_img", "backing format"),
        ))]
    elif backing_format is not None:
        raise ValueError(Message(QT_TRANSLATE_NOOP("core.qemu_img", "A backing format was given "
            "without a backing file.")))
    argv.append(safe_path(path))
    if size_bytes is not None:
        argv.append(_check_size(size_bytes))
    elif backing is None:
        raise ValueError(Message(QT_TRANSLATE_NOOP("core.qemu_img", "A new image needs a size.")))
    return argv


def info_argv(path: str | os.PathLike[str], *, fmt: str | None = None, force_share: bool = True,
              backing_chain: bool = False, qemu_img: str = QEMU_IMG) -> list[str]:
    """`qemu-img info --output=json`. Without `fmt` qemu-img probes (see the module docstring).

    force_share (-U) reads an image a running VM holds (the numbers may be slightly stale);
    pass False to learn whether the image is in use (the lock error then says so).
    """
    argv = [qemu_img, "info", "--output=json"]
    if fmt is not None:
        argv += ["-f", _check_format(fmt)]
    if force_share:
        argv.append("-U")
    if backing_chain:
        argv.append("--backing-chain")
    argv.append(safe_path(path))
    return argv


def convert_argv(src: str | os.PathLike[str], src_fmt: str, dst: str | os.PathLike[str],
                 dst_fmt: str, compress: bool = False, *,
                 backing: str | os.PathLike[str] | None = None, backing_format: str | None = None,
                 target_exists: bool = False, rate_limit: int | None = None, progress: bool = True,
                 qemu_img: str = QEMU_IMG) -> list[str]:
    """`qemu-img convert -p -f SRC_FMT -O DST_FMT [-c] SRC DST`.

    backing/backing_format keep the result an overlay of that base (-B/-F: only the data that
    differs from the base is written), otherwise the whole chain is flattened into DST.
    target_exists (-n) writes into an existing target (a block device) instead of creating it.
    rate_limit is in bytes per second (-r), for copies that must not starve the host.
    """
    _check_format(src_fmt)
    _check_format(dst_fmt)
    if compress and dst_fmt not in COMPRESSIBLE_FORMATS:
        raise ValueError(Message(QT_TRANSLATE_NOOP("core.qemu_img", "Only {formats} images can be "
            "compressed."), formats=', '.join(COMPRESSIBLE_FORMATS)))
    argv = [qemu_img, "convert"]
    if progress:
        argv.append("-p")
    argv += ["-f", src_fmt, "-O", dst_fmt]
    if compress:
        argv.append("-c")
    if target_exists:
        argv.append("-n")
    if backing is not None:
        if not backing_format:
            raise ValueError(Message(QT_TRANSLATE_NOOP("core.qemu_img", "A backing file needs its "
                "format, so that QEMU never guesses it.")))
        argv += ["-B", safe_path(backing), "-F", _check_format(backing_format)]
    if rate_limit is not None:
        if rate_limit <= 0:
            raise ValueError(Message(QT_TRANSLATE_NOOP("core.qemu_img", "The rate limit must be a "
                "positive number of bytes per second.")))
        argv += ["-r", str(rate_limit)]
    argv += [safe_path(src), safe_path(dst)]
    return argv


def resize_argv(path: str | os.PathLike[str], fmt: str, size: int, shrink: bool = False, *,
                qemu_img: str = QEMU_IMG) -> list[str]:
    """`qemu-img resize -f FMT [--shrink] PATH SIZE` with an absolute size in bytes."""
    argv = [qemu_img, "resize", "-q", "-f", _check_format(fmt)]
    if shrink:
        argv.append("--shrink")
    argv += [safe_path(path), _check_size(size)]
    return argv


def check_argv(path: str | os.PathLike[str], fmt: str, *, repair: str | None = None,
               force_share: bool = False, qemu_img: str = QEMU_IMG) -> list[str]:
    """`qemu-img check --output=json -f FMT [-r leaks|all] PATH`."""
    argv = [qemu_img, "check", "--output=json", "-f", _check_format(fmt)]
    if repair is not None:
        if repair not in ("leaks", "all"):
            raise ValueError(Message(QT_TRANSLATE_NOOP("core.qemu_img", "repair must be 'leaks' "
                "or 'all'.")))
        if force_share:
            raise ValueError(Message(QT_TRANSLATE_NOOP("core.qemu_img", "An image in use by a VM "
                "cannot be repaired.")))
        argv += ["-r", repair]
    if force_share:
        argv.append("-U")
    argv.append(safe_path(path))
    return argv


def compare_argv(first: str | os.PathLike[str], first_fmt: str, second: str | os.PathLike[str],
                 second_fmt: str, *, strict: bool = False, progress: bool = False,
                 qemu_img: str = QEMU_IMG) -> list[str]:
    """`qemu-img compare -f FMT1 -F FMT2 A B`: guest-visible content (strict: allocation too)."""
    argv = [qemu_img, "compare", "-f", _check_format(first_fmt), "-F", _check_format(second_fmt)]
    if strict:
        argv.append("-s")
    if progress:
        argv.append("-p")
    argv += [safe_path(first), safe_path(second)]
    return argv


def measure_argv(*, out_fmt: str = "qcow2", src: str | os.PathLike[str] | None = None,
                 src_fmt: str | None = None, size: int | None = None,
                 qemu_img: str = QEMU_IMG) -> list[str]:
    """`qemu-img measure --output=json -O FMT` for an existing image or a plain `--size`."""
    argv = [qemu_img, "measure", "--output=json", "-O", _check_format(out_fmt)]
    if (src is None) == (size is None):
        raise ValueError(Message(QT_TRANSLATE_NOOP("core.qemu_img", "Measure either an image "
            "(src=) or a size (size=), not both.")))
    if size is not None:
        return [*argv, "--size", _check_size(size)]
    if not src_fmt:
        raise ValueError(Message(QT_TRANSLATE_NOOP("core.qemu_img", "The source image's format is "
            "needed.")))
    assert src is not None
    return [*argv, "-f", _check_format(src_fmt), safe_path(src)]


# ------------------------------------------------------------------------------ sizes


SECTOR = 512


def resolve_new_size(text: str, current: int) -> int:
    """The new virtual size for `img resize`: "30G" (absolute), "+10G" or "-1G" (relative).

    Rounded up to whole 512-byte sectors, which every format needs. Raises ValueError
    (a SizeError) with a plain sentence.
    """
    stripped = text.strip()
    sign = stripped[:1] if stripped[:1] in "+-" else ""
    amount = parse_size(stripped[1:] if sign else stripped)
    if sign == "+":
        new = current + amount
    elif sign == "-":
        new = current - amount
        if new <= 0:
            raise SizeError(
                Message(QT_TRANSLATE_NOOP("core.qemu_img", "The disk is only {current_size}; it "
                    "cannot shrink by {change}."), current_size=Size(current), change=stripped[1:])
            )
    else:
        new = amount
    return -(-new // SECTOR) * SECTOR


# ------------------------------------------------------------------------------ info


@dataclass(frozen=True)
class SnapshotInfo:
    """An internal snapshot of a qcow2 image."""

    id: str
    name: str
    vm_state_size: int  # bytes of saved RAM/device state; 0 for a disk-only snapshot
    date: datetime  # when it was taken (UTC)
    vm_clock: float  # the guest's running time at that moment, in seconds

    @property
    def includes_memory(self) -> bool:
        """Taken from a running VM with its memory (a live snapshot)."""
        return self.vm_state_size > 0


@dataclass(frozen=True)
class ImageInfo:
    """What `qemu-img info --output=json` says about one image."""

    filename: str
    format: str
    virtual_size: int  # the disk size the guest sees, in bytes
    actual_size: int | None  # bytes the file takes on the host's disk
    backing_file: str | None = None  # as stored in the image (may be relative)
    backing_format: str | None = None  # None: not recorded, QEMU would have to probe it
    full_backing_filename: str | None = None  # resolved against the image's folder
    dirty: bool = False
    corrupt: bool = False
    snapshots: list[SnapshotInfo] = field(default_factory=list)
    cluster_size: int | None = None
    compat: str | None = None  # qcow2 version ("1.1" = qcow2 v3)
    encrypted: bool = False
    data_file: str | None = None  # qcow2 external data file: the guest's data lives there
    extents: tuple[str, ...] = ()  # vmdk: the files holding the data (may be the image itself)

    @property
    def has_backing(self) -> bool:
        return self.backing_file is not None


def _bad_output(template: Template) -> QemuImgOutputError:
    return QemuImgOutputError(Message(template))


def _object(obj: Any, not_object: Template) -> dict[str, Any]:
    """`obj` when qemu-img printed a JSON object there, else the error saying what it lacks."""
    if not isinstance(obj, dict):
        raise _bad_output(not_object)
    return obj


def _int(obj: dict[str, Any], key: str, default: int | None = None) -> int | None:
    value = obj.get(key, default)
    if value is None or isinstance(value, bool):
        return default
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raise QemuImgOutputError(Message(QT_TRANSLATE_NOOP("core.qemu_img", "qemu-img reported "
        "{key}={value}, which is not a number."), key=key, value=repr(value)))


def _str(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    return value if isinstance(value, str) else None


def _snapshot(obj: Any) -> SnapshotInfo:
    obj = _object(obj, QT_TRANSLATE_NOOP(
        "core.qemu_img", "qemu-img listed a snapshot that is not an object."))
    seconds = (_int(obj, "date-sec", 0) or 0) + (_int(obj, "date-nsec", 0) or 0) / 1e9
    clock = (_int(obj, "vm-clock-sec", 0) or 0) + (_int(obj, "vm-clock-nsec", 0) or 0) / 1e9
    return SnapshotInfo(
        id=str(obj.get("id", "")),
        name=str(obj.get("name", "")),
        vm_state_size=_int(obj, "vm-state-size", 0) or 0,
        date=datetime.fromtimestamp(seconds, tz=UTC),
        vm_clock=clock,
    )


def info_from_dict(obj: Any) -> ImageInfo:
    """One image of `qemu-img info --output=json` (already decoded)."""
    obj = _object(obj, QT_TRANSLATE_NOOP(
        "core.qemu_img", "qemu-img info did not print an image description."))
    fmt = _str(obj, "format")
    size = _int(obj, "virtual-size")
    if fmt is None or size is None:
        raise _bad_output(QT_TRANSLATE_NOOP(
            "core.qemu_img", "qemu-img info did not report the image's format and size."))
    specific = obj.get("format-specific")
    data: dict[str, Any] = {}
    if isinstance(specific, dict) and isinstance(specific.get("data"), dict):
        data = specific["data"]
    snaps = obj.get("snapshots")
    if snaps is None:
        snaps = []
    if not isinstance(snaps, list):
        raise _bad_output(QT_TRANSLATE_NOOP(
            "core.qemu_img", "qemu-img info listed snapshots in an unknown form."))
    return ImageInfo(
        filename=_str(obj, "filename") or "",
        format=fmt,
        virtual_size=size,
        actual_size=_int(obj, "actual-size"),
        backing_file=_str(obj, "backing-filename"),
        backing_format=_str(obj, "backing-filename-format"),
        full_backing_filename=_str(obj, "full-backing-filename"),
        dirty=obj.get("dirty-flag") is True,
        corrupt=data.get("corrupt") is True,
        snapshots=[_snapshot(s) for s in snaps],
        cluster_size=_int(obj, "cluster-size"),
        compat=_str(data, "compat"),
        encrypted=obj.get("encrypted") is True,
        data_file=_str(data, "data-file"),
        extents=_extents(data),
    )


def _extents(data: dict[str, Any]) -> tuple[str, ...]:
    extents = data.get("extents")
    if not isinstance(extents, list):
        return ()
    return tuple(e["filename"] for e in extents
                 if isinstance(e, dict) and isinstance(e.get("filename"), str))


def _load_json(text: str | bytes) -> Any:
    try:
        return json.loads(text)
    except (ValueError, UnicodeDecodeError) as exc:
        raise _bad_output(QT_TRANSLATE_NOOP(
            "core.qemu_img", "qemu-img printed something that is not JSON.")) from exc


def parse_info(json_text: str | bytes) -> ImageInfo:
    """`qemu-img info --output=json IMAGE` → ImageInfo (QemuImgOutputError if unreadable)."""
    obj = _load_json(json_text)
    if isinstance(obj, list):  # --backing-chain output: the first entry is the image itself
        if not obj:
            raise _bad_output(QT_TRANSLATE_NOOP(
                "core.qemu_img", "qemu-img info printed an empty list."))
        obj = obj[0]
    return info_from_dict(obj)


def parse_info_chain(json_text: str | bytes) -> list[ImageInfo]:
    """`qemu-img info --output=json --backing-chain` → [image, its base, the base's base, …]."""
    obj = _load_json(json_text)
    if isinstance(obj, dict):
        return [info_from_dict(obj)]
    if not isinstance(obj, list) or not obj:
        raise _bad_output(QT_TRANSLATE_NOOP(
            "core.qemu_img", "qemu-img info did not print a backing chain."))
    return [info_from_dict(o) for o in obj]


# ------------------------------------------------------------------------------ check


class CheckStatus(StrEnum):
    OK = "ok"
    LEAKS = "leaks"  # wasted space only; data is fine; `check -r leaks` reclaims it
    CORRUPT = "corrupt"
    FAILED = "failed"  # qemu-img could not check (internal error, cannot open)
    UNSUPPORTED = "unsupported"  # the format has nothing to check (raw)


@dataclass(frozen=True)
class CheckResult:
    status: CheckStatus
    message: str  # one sentence for the user
    corruptions: int = 0
    leaks: int = 0
    check_errors: int = 0
    allocated_clusters: int | None = None
    total_clusters: int | None = None
    image_end_offset: int | None = None

    @property
    def ok(self) -> bool:
        return self.status in (CheckStatus.OK, CheckStatus.LEAKS, CheckStatus.UNSUPPORTED)


def parse_check(json_text: str | bytes, returncode: int) -> CheckResult:
    """`qemu-img check --output=json` output and exit code → CheckResult."""
    obj: dict[str, Any] = {}
    if json_text and json_text.strip():
        try:
            loaded = json.loads(json_text)
        except ValueError:
            loaded = None
        if isinstance(loaded, dict):
            obj = loaded
    leaks = _int(obj, "leaks", 0) or 0
    corruptions = _int(obj, "corruptions", 0) or 0
    status, message = _check_verdict(returncode, leaks, corruptions)
    return CheckResult(
        status,
        message,
        corruptions=corruptions,
        leaks=leaks,
        check_errors=_int(obj, "check-errors", 0) or 0,
        allocated_clusters=_int(obj, "allocated-clusters"),
        total_clusters=_int(obj, "total-clusters"),
        image_end_offset=_int(obj, "image-end-offset"),
    )


def _check_verdict(returncode: int, leaks: int, corruptions: int) -> tuple[CheckStatus, str]:
    if returncode == 0:
        return CheckStatus.OK, Message(QT_TRANSLATE_NOOP("core.qemu_img", "No errors were found "
            "in the image."))
    if returncode == 3:
        return CheckStatus.LEAKS, (
            Message(QT_TRANSLATE_NOOP("core.qemu_img", "The image is intact but wastes space "
                "({leaks} leaked clusters); repairing it reclaims that space."), leaks=leaks)
        )
    if returncode == 2:
        return CheckStatus.CORRUPT, (
            Message(QT_TRANSLATE_NOOP("core.qemu_img", "The image is damaged ({corruptions} "
                "errors). Keep a copy of it before trying a repair, which may lose data."),
                corruptions=corruptions)
        )
    if returncode == 63:
        return CheckStatus.UNSUPPORTED, (
            Message(QT_TRANSLATE_NOOP("core.qemu_img", "This image format has no internal "
                "structure that could be checked."))
        )
    return CheckStatus.FAILED, Message(QT_TRANSLATE_NOOP("core.qemu_img", "The image could not be "
        "checked."))


# ------------------------------------------------------------------------------ measure


@dataclass(frozen=True)
class Measurement:
    required: int  # bytes the new image needs for the current data
    fully_allocated: int  # bytes when every block is written


def parse_measure(json_text: str | bytes) -> Measurement:
    obj = _object(_load_json(json_text), QT_TRANSLATE_NOOP(
        "core.qemu_img", "qemu-img measure did not print an object."))
    required, full = _int(obj, "required"), _int(obj, "fully-allocated")
    if required is None or full is None:
        raise _bad_output(QT_TRANSLATE_NOOP(
            "core.qemu_img", "qemu-img measure did not report the sizes."))
    return Measurement(required, full)


# ------------------------------------------------------------------------------ progress


def parse_progress(chunk: bytes) -> list[float]:
    """Every percentage in a chunk of `qemu-img -p` output ("    (12.34/100%)\\r")."""
    return [min(100.0, max(0.0, float(m))) for m in _PROGRESS_RE.findall(chunk)]


class ProgressReader:
    """Feeds `-p` output in arbitrary chunks; a report split across two chunks is not lost."""

    def __init__(self) -> None:
        self._tail = b""

    def feed(self, chunk: bytes) -> list[float]:
        data = self._tail + chunk
        # A report ends with '\r'; everything after the last one may be an unfinished report.
        cut = max(data.rfind(b"\r"), data.rfind(b"\n"))
        complete, self._tail = data[: cut + 1], data[cut + 1 :]
        if len(self._tail) > 256:  # not progress output at all; do not grow forever
            self._tail = self._tail[-64:]
        return parse_progress(complete)

    def flush(self) -> list[float]:
        rest, self._tail = self._tail, b""
        return parse_progress(rest)


# ------------------------------------------------------------------------------ errors


LOCKED_MESSAGE = Message(
    QT_TRANSLATE_NOOP("core.qemu_img", "This image is in use by a running VM."),
)

_LOCKED = re.compile(r'Failed to get (?:shared )?"write" lock|Is another process using the image')

# (pattern in qemu-img's stderr, sentence for the user). The first match wins.
_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = (
    (_LOCKED, Message(QT_TRANSLATE_NOOP("core.qemu_img", "{locked} Shut the VM down first, then "
                                        "try again."), locked=LOCKED_MESSAGE)),
    *((re.compile(pattern), Message(template)) for pattern, template in (
        # A missing base also reports "No such file or directory": match it first.
        (r"Could not open backing file|Could not open backing image",
         QT_TRANSLATE_NOOP("core.qemu_img", "The image's base (backing file) cannot "
                           "be opened. Check that it still exists.")),
        (r"No such file or directory",
         QT_TRANSLATE_NOOP("core.qemu_img", "The image file does not exist. Check the path.")),
        (r"Permission denied|Operation not permitted",
         QT_TRANSLATE_NOOP("core.qemu_img", "You are not allowed to open this "
                           "file. Check its owner and permissions.")),
        (r"Read-only file system",
         QT_TRANSLATE_NOOP("core.qemu_img", "The folder is on a read-only file "
                           "system; choose a folder you can write to.")),
        (r"No space left on device|Disk quota exceeded",
         QT_TRANSLATE_NOOP("core.qemu_img", "There is not enough free space "
                           "on the host's disk for this image.")),
        (r"Is a directory",
         QT_TRANSLATE_NOOP("core.qemu_img", "The path is a folder, not an image file.")),
        (r"Use the --shrink option",
         QT_TRANSLATE_NOOP("core.qemu_img", "The new size is smaller than the current "
                           "one; shrinking needs an explicit confirmation "
                           "because it deletes data at the end of the disk.")),
        (r"Unknown (?:file|driver) format|Unknown driver|Invalid format|is not a valid",
         QT_TRANSLATE_NOOP("core.qemu_img", "qemu-img does not know this image format.")),
        (r"Image is not in \S+ format|Could not read (?:qcow2 )?header|"
         r"Unsupported (?:qcow2 )?version|not in \S+ format",
         QT_TRANSLATE_NOOP("core.qemu_img", "The file is not an image of the expected format.")),
        (r"(?i)Image is corrupt|corrupt",
         QT_TRANSLATE_NOOP("core.qemu_img", "The image is damaged. Run 'img check' "
                           "on it; keep a copy before any repair.")),
        (r"Backing file specified without backing format",
         QT_TRANSLATE_NOOP("core.qemu_img", "A backing file needs its format "
                           "(for example qcow2 or raw).")),
        (r"Image size must be less than|too big|File too large",
         QT_TRANSLATE_NOOP("core.qemu_img", "The requested size is too large for "
                           "this image format or file system.")),
        (r"does not support (?:resize|shrink)|Cannot grow|does not support",
         QT_TRANSLATE_NOOP("core.qemu_img", "This image format does not support that operation.")),
    )),
)


def explain_error(stderr: str) -> str:
    """One plain sentence for a qemu-img failure (the raw text is shown as details)."""
    for pattern, sentence in _ERRORS:
        if pattern.search(stderr):
            return sentence
    return Message(QT_TRANSLATE_NOOP("core.qemu_img", "qemu-img failed; see the details."))


def is_locked_error(stderr: str) -> bool:
    """True when qemu-img failed because another process (a running VM) holds the image."""
    return _LOCKED.search(stderr) is not None


def error_details(stderr: str, limit: int = 2000) -> str:
    """qemu-img's own words, trimmed, for a "Details" section."""
    text = stderr.replace("\r", "\n").strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"
