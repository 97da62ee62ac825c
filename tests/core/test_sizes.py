from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from kvmgui.core.sizes import (
    GIB,
    KIB,
    MAX_SIZE,
    MIB,
    TIB,
    SizeError,
    format_size,
    format_size_arg,
    parse_size,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10 G", 10 * GIB),
        ("6G", 6 * GIB),
        ("500M", 500 * MIB),
        ("1.5T", TIB + TIB // 2),
        ("20GiB", 20 * GIB),
        ("512 MiB", 512 * MIB),
        ("20gb", 20 * GIB),
        ("64k", 64 * KIB),
        ("  8g  ", 8 * GIB),
        ("2048", 2048 * GIB),  # a bare number means GiB by default (disk sizes)
        ("0.5", GIB // 2),
        (".5G", GIB // 2),
        ("4096B", 4096),
        ("100 bytes", 100),
        ("+3G", 3 * GIB),
        ("64T", MAX_SIZE),
    ],
)
def test_parses(text: str, expected: int) -> None:
    assert parse_size(text) == expected


def test_default_unit_bytes_and_mib() -> None:
    assert parse_size("2048", default_unit="B") == 2048
    assert parse_size("2048", default_unit="M") == 2 * GIB
    assert parse_size("1G", default_unit="B") == GIB  # an explicit unit wins


def test_bad_default_unit_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="default_unit"):
        parse_size("1", default_unit="X")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("abc", "'abc' is not a size: write it like 20G or 500M."),
        ("", "empty"),
        ("   ", "empty"),
        ("0", "is zero"),
        ("0G", "is zero"),
        ("0.0000001K", "is zero"),
        ("-5G", "negative"),
        ("65T", "64 TiB"),
        ("99999999999999999999T", "64 TiB"),
        ("10 X", "not a size"),
        ("1,5G", "not a size"),
        ("1e3G", "not a size"),
        ("G", "not a size"),
        ("nan", "not a size"),
        ("inf", "not a size"),
        ("1" * 500, "not a size"),
    ],
)
def test_rejects_with_one_sentence(text: str, words: str) -> None:
    with pytest.raises(SizeError) as info:
        parse_size(text)
    message = str(info.value)
    assert words in message
    assert message.endswith(".") and "\n" not in message
    assert len(message) < 160


def test_message_hides_control_characters() -> None:
    with pytest.raises(SizeError) as info:
        parse_size("1\x1b[31mG")
    assert "\x1b" not in str(info.value)


def test_size_error_is_a_value_error() -> None:
    assert issubclass(SizeError, ValueError)


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (20 * GIB, "20 GiB"),
        (GIB + GIB // 2, "1.5 GiB"),
        (512 * MIB, "512 MiB"),
        (100, "100 bytes"),
        (1, "1 byte"),
        (0, "0 bytes"),
        (KIB, "1 KiB"),
        (2 * TIB, "2 TiB"),
        (-GIB, "-1 GiB"),
    ],
)
def test_format_size(n: int, text: str) -> None:
    assert format_size(n) == text


@pytest.mark.parametrize("n", [GIB, 20 * GIB, 1536 * MIB, 1000, 4 * KIB, 3 * TIB, 12345])
def test_format_size_arg_round_trips(n: int) -> None:
    assert parse_size(format_size_arg(n)) == n


@pytest.mark.qemu
@pytest.mark.parametrize("text", ["10 G", "1.5T", "500M", "4096B"])
def test_qemu_img_reads_the_same_size(tmp_path: Path, text: str) -> None:
    """What parse_size means is what qemu-img creates (binary units, like QEMU's own)."""
    n = parse_size(text)
    image = tmp_path / "x.qcow2"
    subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", str(image), format_size_arg(n)],
                   check=True)
    out = subprocess.run(["qemu-img", "info", "--output=json", str(image)], check=True,
                         capture_output=True, text=True).stdout
    assert json.loads(out)["virtual-size"] == n
