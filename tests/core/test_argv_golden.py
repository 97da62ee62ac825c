"""Golden files: the exact argv of every fixture VM, one argument per line.

A change to the builder shows up as a diff of these files. Regenerate them with
`pytest tests/core/test_argv_golden.py --regenerate-golden` and read the diff.
"""

from __future__ import annotations

import pytest

from kvmgui.core.argv import build_argv
from tests.core.vm_fixtures import FIXTURES, GOLDEN_DIR, Fixture


def fixture_argv(fx: Fixture) -> list[str]:
    return build_argv(fx.spec, caps=fx.caps, host=fx.host, folder=fx.folder, run=fx.run)


def render(argv: list[str]) -> str:
    return "".join(f"{arg}\n" for arg in argv)


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_golden_argv(name: str, regenerate_golden: bool) -> None:
    fx = FIXTURES[name]
    text = render(fixture_argv(fx))
    if regenerate_golden:
        GOLDEN_DIR.mkdir(exist_ok=True)
        fx.golden_file.write_text(text)
        return
    assert fx.golden_file.exists(), f"no golden file for {name}: run with --regenerate-golden"
    assert text.splitlines() == fx.golden_file.read_text().splitlines()


def test_no_stale_golden_files() -> None:
    stale = {p.stem for p in GOLDEN_DIR.glob("*.argv")} - set(FIXTURES)
    assert not stale, f"golden files without a fixture: {sorted(stale)}"


def test_at_least_twelve_fixtures() -> None:
    assert len(FIXTURES) >= 12


def test_fixture_ids_are_unique() -> None:
    ids = [fx.spec.id for fx in FIXTURES.values()]
    assert len(set(ids)) == len(ids)
    assert len({fx.spec.name for fx in FIXTURES.values()}) == len(FIXTURES)
