"""Running kvmgui-cli in the test's own process."""

from __future__ import annotations

import pytest

from kvmgui.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """kvmgui-cli ARGV: its exit code, standard output and standard error."""
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's own usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err
