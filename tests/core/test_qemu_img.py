"""qemu-img argv builders and output parsers (pure), with outputs captured from qemu-img 7.2."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from kvmgui.core import qemu_img as qi
from kvmgui.core.sizes import GIB, MIB, SizeError

# `qemu-img info --output=json -U ov.qcow2` (7.2.22): an overlay on a raw base, one snapshot.
INFO_OVERLAY = """{
    "backing-filename-format": "raw",
    "snapshots": [
        {"icount": 0, "vm-clock-nsec": 500000000, "name": "snap1", "date-sec": 1795641476,
         "date-nsec": 648167000, "vm-clock-sec": 61, "id": "1", "vm-state-size": 123456}
    ],
    "virtual-size": 16777216,
    "filename": "ov.qcow2",
    "cluster-size": 65536,
    "format": "qcow2",
    "actual-size": 208896,
    "format-specific": {"type": "qcow2", "data": {"compat": "1.1", "compression-type": "zlib",
        "lazy-refcounts": false, "refcount-bits": 16, "corrupt": false, "extended-l2": false}},
    "full-backing-filename": "/vms/base.raw",
    "backing-filename": "base.raw",
    "dirty-flag": false
}"""

INFO_RAW = """{"virtual-size": 16777216, "filename": "base.raw", "format": "raw",
    "actual-size": 4096, "dirty-flag": false}"""


# ------------------------------------------------------------------------------ create


def test_create_plain() -> None:
    assert qi.create_argv("/vms/a.qcow2", "qcow2", 20 * GIB) == [
        "qemu-img", "create", "-q", "-f", "qcow2", "/vms/a.qcow2", str(20 * GIB)
    ]


def test_create_overlay_records_backing_format() -> None:
    argv = qi.create_argv("ov.qcow2", "qcow2", None, backing="base.raw", backing_format="raw",
                          qemu_img="/opt/qemu-img")
    assert argv == ["/opt/qemu-img", "create", "-q", "-f", "qcow2", "-b", "base.raw", "-F", "raw",
                    "ov.qcow2"]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"backing": "base.qcow2"},  # no backing format: QEMU would have to probe
        {"backing": "base.qcow2", "backing_format": ""},
        {"backing_format": "qcow2"},  # a format without a file
    ],
)
def test_create_backing_needs_its_format(kwargs: dict[str, str]) -> None:
    with pytest.raises(ValueError):
        qi.create_argv("ov.qcow2", "qcow2", 1 * GIB, **kwargs)


@pytest.mark.parametrize("size", [0, -1, None, True, 1.5])
def test_create_rejects_bad_sizes(size: object) -> None:
    with pytest.raises(ValueError):
        qi.create_argv("a.raw", "raw", size)  # type: ignore[arg-type]


def test_create_raw_cannot_have_backing() -> None:
    with pytest.raises(ValueError):
        qi.create_argv("a.raw", "raw", 1 * GIB, backing="b.raw", backing_format="raw")


@pytest.mark.parametrize("fmt", ["", "qcow2,backing_file=x", "-f", "QCOW2 "])
def test_formats_are_validated(fmt: str) -> None:
    with pytest.raises(ValueError):
        qi.create_argv("a", fmt, 1 * MIB)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("/abs/x:y.qcow2", "/abs/x:y.qcow2"),
        ("disk.qcow2", "disk.qcow2"),
        ("sub/disk.qcow2", "sub/disk.qcow2"),
        ("-f", "./-f"),
        ("nbd:localhost:10809", "./nbd:localhost:10809"),
        ('json:{"driver":"raw"}', './json:{"driver":"raw"}'),
        ("dir/a:b", "dir/a:b"),  # ':' after a '/' is never a protocol
    ],
)
def test_safe_path(given: str, expected: str) -> None:
    assert qi.safe_path(given) == expected


def test_safe_path_rejects_empty_and_nul() -> None:
    for bad in ("", "a\0b"):
        with pytest.raises(ValueError):
            qi.safe_path(bad)


# ------------------------------------------------------------------------------ other builders


def test_info_argv() -> None:
    assert qi.info_argv("a.img") == ["qemu-img", "info", "--output=json", "-U", "a.img"]
    assert qi.info_argv("a.img", fmt="raw", force_share=False, backing_chain=True) == [
        "qemu-img", "info", "--output=json", "-f", "raw", "--backing-chain", "a.img"
    ]


def test_convert_argv() -> None:
    assert qi.convert_argv("in.vmdk", "vmdk", "out.qcow2", "qcow2", compress=True) == [
        "qemu-img", "convert", "-p", "-f", "vmdk", "-O", "qcow2", "-c", "in.vmdk", "out.qcow2"
    ]
    argv = qi.convert_argv("a.qcow2", "qcow2", "b.qcow2", "qcow2", backing="base.raw",
                           backing_format="raw", rate_limit=1024, target_exists=True)
    assert argv[argv.index("-B"):argv.index("-B") + 4] == ["-B", "base.raw", "-F", "raw"]
    assert "-n" in argv and argv[argv.index("-r") + 1] == "1024"


def test_convert_rejects_compressed_raw_and_backing_without_format() -> None:
    with pytest.raises(ValueError):
        qi.convert_argv("a", "qcow2", "b", "raw", compress=True)
    with pytest.raises(ValueError):
        qi.convert_argv("a", "qcow2", "b", "qcow2", backing="base")


def test_resize_check_compare_measure_argv() -> None:
    assert qi.resize_argv("a.qcow2", "qcow2", 2 * GIB) == [
        "qemu-img", "resize", "-q", "-f", "qcow2", "a.qcow2", str(2 * GIB)
    ]
    assert "--shrink" in qi.resize_argv("a.qcow2", "qcow2", GIB, True)
    assert qi.check_argv("a.qcow2", "qcow2", repair="leaks") == [
        "qemu-img", "check", "--output=json", "-f", "qcow2", "-r", "leaks", "a.qcow2"
    ]
    with pytest.raises(ValueError):
        qi.check_argv("a", "qcow2", repair="everything")
    with pytest.raises(ValueError):
        qi.check_argv("a", "qcow2", repair="all", force_share=True)
    assert qi.compare_argv("a.vmdk", "vmdk", "b.qcow2", "qcow2", progress=True) == [
        "qemu-img", "compare", "-f", "vmdk", "-F", "qcow2", "-p", "a.vmdk", "b.qcow2"
    ]
    assert qi.measure_argv(size=GIB)[-2:] == ["--size", str(GIB)]
    assert qi.measure_argv(src="a.raw", src_fmt="raw")[-3:] == ["-f", "raw", "a.raw"]
    with pytest.raises(ValueError):
        qi.measure_argv(src="a.raw", src_fmt="raw", size=GIB)
    with pytest.raises(ValueError):
        qi.measure_argv(src="a.raw")


def test_every_argv_is_a_list_of_strings() -> None:
    argvs = [
        qi.create_argv("a", "qcow2", 1),
        qi.convert_argv("a", "raw", "b", "qcow2"),
        qi.resize_argv("a", "raw", 512),
        qi.check_argv("a", "qcow2"),
        qi.measure_argv(size=1),
    ]
    assert all(isinstance(x, str) for argv in argvs for x in argv)


# ------------------------------------------------------------------------------ info


def test_parse_info_overlay() -> None:
    info = qi.parse_info(INFO_OVERLAY)
    assert info.format == "qcow2"
    assert info.virtual_size == 16 * MIB and info.actual_size == 208896
    assert (info.backing_file, info.backing_format) == ("base.raw", "raw")
    assert info.full_backing_filename == "/vms/base.raw"
    assert info.cluster_size == 65536 and info.compat == "1.1"
    assert not info.dirty and not info.corrupt and info.has_backing
    (snap,) = info.snapshots
    assert (snap.id, snap.name, snap.vm_state_size) == ("1", "snap1", 123456)
    assert snap.includes_memory
    assert snap.date == datetime.fromtimestamp(1795641476.648167, tz=UTC)
    assert snap.vm_clock == pytest.approx(61.5)


def test_parse_info_raw_minimal() -> None:
    info = qi.parse_info(INFO_RAW)
    assert (info.format, info.backing_file, info.backing_format) == ("raw", None, None)
    assert info.snapshots == [] and info.cluster_size is None and info.compat is None


def test_parse_info_flags() -> None:
    obj = json.loads(INFO_OVERLAY)
    obj["dirty-flag"] = True
    obj["format-specific"]["data"]["corrupt"] = True
    info = qi.parse_info(json.dumps(obj).encode())
    assert info.dirty and info.corrupt


def test_parse_info_chain() -> None:
    chain = qi.parse_info_chain(f"[{INFO_OVERLAY}, {INFO_RAW}]")
    assert [i.format for i in chain] == ["qcow2", "raw"]
    assert qi.parse_info(f"[{INFO_OVERLAY}, {INFO_RAW}]").format == "qcow2"
    assert len(qi.parse_info_chain(INFO_RAW)) == 1


@pytest.mark.parametrize(
    "text",
    ["", "not json", "[]", "42", '{"format": "raw"}', '{"virtual-size": 1}',
     '{"format": "raw", "virtual-size": "big"}', '{"format":"qcow2","virtual-size":1,'
     '"snapshots":{}}'],
)
def test_parse_info_rejects_garbage(text: str) -> None:
    with pytest.raises(qi.QemuImgOutputError):
        qi.parse_info(text)


# ------------------------------------------------------------------------------ check / measure

CHECK_OK = """{"image-end-offset": 393216, "total-clusters": 256, "check-errors": 0,
    "filename": "ov.qcow2", "format": "qcow2"}"""


@pytest.mark.parametrize(
    ("rc", "status", "ok"),
    [
        (0, qi.CheckStatus.OK, True),
        (3, qi.CheckStatus.LEAKS, True),
        (2, qi.CheckStatus.CORRUPT, False),
        (63, qi.CheckStatus.UNSUPPORTED, True),
        (1, qi.CheckStatus.FAILED, False),
        (-9, qi.CheckStatus.FAILED, False),
    ],
)
def test_parse_check_exit_codes(rc: int, status: qi.CheckStatus, ok: bool) -> None:
    result = qi.parse_check(CHECK_OK, rc)
    assert result.status is status and result.ok is ok
    assert result.message.endswith(".")


def test_parse_check_counts() -> None:
    text = json.dumps({"check-errors": 0, "leaks": 7, "corruptions": 2,
                       "allocated-clusters": 10, "total-clusters": 256})
    result = qi.parse_check(text, 2)
    assert (result.leaks, result.corruptions, result.allocated_clusters) == (7, 2, 10)
    assert "2 errors" in result.message
    assert qi.parse_check("", 63).status is qi.CheckStatus.UNSUPPORTED  # raw prints nothing
    assert qi.parse_check("garbage", 1).status is qi.CheckStatus.FAILED


def test_parse_measure() -> None:
    m = qi.parse_measure('{"required": 393216, "fully-allocated": 17104896}')
    assert (m.required, m.fully_allocated) == (393216, 17104896)
    with pytest.raises(qi.QemuImgOutputError):
        qi.parse_measure('{"required": 1}')


# ------------------------------------------------------------------------------ progress


def test_parse_progress() -> None:
    chunk = b"    (0.00/100%)\r    (12.34/100%)\r    (100.00/100%)\r"
    assert qi.parse_progress(chunk) == [0.0, 12.34, 100.0]
    assert qi.parse_progress(b"no progress here") == []


def test_progress_reader_joins_split_reports() -> None:
    reader = qi.ProgressReader()
    assert reader.feed(b"    (12.3") == []
    assert reader.feed(b"4/100%)\r    (50.00/1") == [12.34]
    assert reader.feed(b"00%)\r") == [50.0]
    assert reader.feed(b"    (99.00/100%)") == []
    assert reader.flush() == [99.0]


def test_progress_reader_bounded_on_garbage() -> None:
    reader = qi.ProgressReader()
    for _ in range(100):
        reader.feed(b"x" * 1000)
    assert len(reader._tail) <= 256


# ------------------------------------------------------------------------------ errors / sizes


@pytest.mark.parametrize(
    ("stderr", "words"),
    [
        ("qemu-img: Could not open 'a.qcow2': Failed to get shared \"write\" lock\n"
         "Is another process using the image [a.qcow2]?", "in use by a running VM"),
        ("qemu-img: Could not open 'x': Could not open 'x': No such file or directory",
         "does not exist"),
        ("qemu-img: Use the --shrink option to perform a shrink operation.", "smaller"),
        ("qemu-img: Could not open 'base.raw': Image is not in qcow2 format", "expected format"),
        ("qemu-img: error while writing at byte 0: No space left on device", "free space"),
        ("qemu-img: Unknown file format 'vhdz'", "does not know"),
        ("something new", "see the details"),
    ],
)
def test_explain_error(stderr: str, words: str) -> None:
    assert words in qi.explain_error(stderr)


def test_locked_message_is_plain() -> None:
    text = 'qemu-img: Could not open \'a\': Failed to get "write" lock'
    assert qi.is_locked_error(text)
    assert qi.explain_error(text).startswith("This image is in use by a running VM.")
    assert not qi.is_locked_error("No such file or directory")


@pytest.mark.parametrize(
    ("text", "current", "expected"),
    [
        ("30G", 20 * GIB, 30 * GIB),
        ("+10G", 20 * GIB, 30 * GIB),
        ("-5G", 20 * GIB, 15 * GIB),
        ("+1B", 512, 1024),  # rounded up to whole sectors
        ("1000B", GIB, 1024),
    ],
)
def test_resolve_new_size(text: str, current: int, expected: int) -> None:
    assert qi.resolve_new_size(text, current) == expected


@pytest.mark.parametrize("text", ["-30G", "abc", "+", "0"])
def test_resolve_new_size_errors(text: str) -> None:
    with pytest.raises(SizeError):
        qi.resolve_new_size(text, 20 * GIB)
