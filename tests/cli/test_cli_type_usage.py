"""`kvmgui-cli type` mistakes caught before any VM is looked at (no QEMU)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import run


def test_malformed_escapes_are_usage_errors(capsys: pytest.CaptureFixture[str],
                                            vm_root: Path) -> None:
    code, out, err = run(capsys, "type", "box", "dir C:\\Windows")
    assert (code, out) == (2, "")
    assert err == ("kvmgui-cli: '\\W' means nothing in the text to type: write \\n for Enter, "
                   "\\t for Tab and \\\\ for a backslash.\n")
    code, _, err = run(capsys, "type", "box", "trailing\\")
    assert code == 2 and err.startswith("kvmgui-cli: '\\' means nothing")


def test_an_unknown_vm_is_one_sentence(capsys: pytest.CaptureFixture[str],
                                       vm_root: Path) -> None:
    code, _, err = run(capsys, "type", "nosuch", "hello\\n")
    assert code == 1 and err.startswith("kvmgui-cli: There is no VM called 'nosuch'")


def test_the_layout_option_names_the_choices(capsys: pytest.CaptureFixture[str],
                                             vm_root: Path) -> None:
    code, _, err = run(capsys, "type", "--layout", "dvorak", "box", "x")
    assert code == 2 and "choose from 'en-us', 'fr', 'de'" in err
