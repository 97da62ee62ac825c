"""Small text jobs for build-deb.sh that are clumsy in bash (standard library only).

build_helpers.py render TEMPLATE OUTPUT KEY=VALUE...
    Copy TEMPLATE to OUTPUT with every @KEY@ replaced; fails if a placeholder is left over,
    so a template and the script cannot silently drift apart.
build_helpers.py entry-points DIST_INFO_DIR
    Print "name<TAB>module<TAB>function<TAB>kind" for each script of a wheel, kind being
    console or gui.
build_helpers.py version DIST_INFO_DIR
    Print the version recorded in the wheel's METADATA.
build_helpers.py requirements PYPROJECT all|qt|no-qt
    Print, one a line and verbatim (markers included, for pip to evaluate), the run-time
    dependencies pyproject.toml lists that the package bundles: all of them but those Debian
    provides (`all`), only Qt for Python (`qt`), or all but Qt (`no-qt`).
build_helpers.py depends PYPROJECT
    Print the Depends entries for what Debian provides (Python itself, numpy), with the
    version bounds pyproject.toml sets, e.g. "python3 (>= 3.11), python3-numpy (>= 1:1.24)".

pyproject.toml stays the one place that says which versions kvmgui works with: the package
bundles what pip resolves from these lines, and depends on Debian's packages within them.
"""

from __future__ import annotations

import configparser
import re
import sys
import tomllib
from email.parser import HeaderParser
from pathlib import Path

_PLACEHOLDER = re.compile(r"@([A-Z_]+)@")
_REQUIREMENT = re.compile(
    r"^\s*(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*"
    r"(?P<specifier>[^;]*?)\s*(?:;(?P<marker>.*))?$"
)
# Dependencies Debian packages itself: the Debian package, and the epoch of its versions.
DEBIAN_PROVIDES = {"numpy": ("python3-numpy", "1:")}
# Qt for Python, bundled only in the complete package (build-deb.sh --with-qt).
QT = {"pyside6", "pyside6-essentials", "pyside6-addons", "shiboken6"}
# PEP 440 comparison operators and their Debian equivalents.
_DEBIAN_RELATION = {">=": ">=", ">": ">>", "<=": "<=", "<": "<<", "==": "="}


def render(template: Path, output: Path, values: dict[str, str]) -> None:
    def substitute(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in values:
            raise SystemExit(f"build_helpers: no value for @{key}@ in {template}")
        return values[key]

    output.write_text(
        _PLACEHOLDER.sub(substitute, template.read_text(encoding="utf-8")), encoding="utf-8"
    )


def entry_points(dist_info: Path) -> list[tuple[str, str, str, str]]:
    parser = configparser.ConfigParser(delimiters=("=",), interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keep names' case
    parser.read(dist_info / "entry_points.txt", encoding="utf-8")
    scripts = []
    for kind in ("console", "gui"):
        section = f"{kind}_scripts"
        if parser.has_section(section):
            for name, target in parser.items(section):
                module, _, function = target.strip().partition(":")
                scripts.append((name.strip(), module.strip(), function.strip(), kind))
    return scripts


def version(dist_info: Path) -> str:
    metadata = HeaderParser().parsestr((dist_info / "METADATA").read_text(encoding="utf-8"))
    return str(metadata["Version"])


def _project(pyproject: Path) -> dict[str, object]:
    with pyproject.open("rb") as f:
        project: dict[str, object] = tomllib.load(f)["project"]
    return project


def _parse(requirement: str) -> re.Match[str]:
    match = _REQUIREMENT.match(requirement)
    if match is None:
        raise SystemExit(f"build_helpers: cannot read the requirement {requirement!r}")
    return match


def _normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirements(pyproject: Path, which: str) -> list[str]:
    selected = []
    for requirement in _project(pyproject).get("dependencies", []):  # type: ignore[attr-defined]
        name = _normalized(_parse(requirement).group("name"))
        if name in DEBIAN_PROVIDES:
            continue
        if which == "all" or (which == "qt") == (name in QT):
            selected.append(str(requirement))
    return selected


def _debian_bounds(package: str, specifier: str, epoch: str = "") -> str:
    """Debian relations for a PEP 440 specifier: python3 and >=3.11 give python3 (>= 3.11);
    each bound of the specifier gives one entry."""
    entries = []
    for clause in filter(None, (c.strip() for c in specifier.split(","))):
        match = re.fullmatch(r"(>=|<=|==|>|<)\s*([0-9][0-9A-Za-z.]*)", clause)
        if match is None:
            raise SystemExit(f"build_helpers: no Debian equivalent for {package} {clause}")
        operator, number = match.groups()
        entries.append(f"{package} ({_DEBIAN_RELATION[operator]} {epoch}{number})")
    return ", ".join(entries or [package])


def depends(pyproject: Path) -> str:
    project = _project(pyproject)
    entries = [_debian_bounds("python3", str(project.get("requires-python", "")))]
    for requirement in project.get("dependencies", []):  # type: ignore[attr-defined]
        match = _parse(requirement)
        provided = DEBIAN_PROVIDES.get(_normalized(match.group("name")))
        if provided is None:
            continue
        if match.group("marker"):
            raise SystemExit(f"build_helpers: no Debian equivalent for the marker of {requirement}")
        package, epoch = provided
        entries.append(_debian_bounds(package, match.group("specifier"), epoch))
    return ", ".join(entries)


def main(argv: list[str]) -> int:
    match argv:
        case ["render", template, output, *pairs]:
            values = dict(pair.split("=", 1) for pair in pairs)
            render(Path(template), Path(output), values)
        case ["entry-points", dist_info]:
            for row in entry_points(Path(dist_info)):
                print("\t".join(row))
        case ["version", dist_info]:
            print(version(Path(dist_info)))
        case ["requirements", pyproject, ("all" | "qt" | "no-qt") as which]:
            for requirement in requirements(Path(pyproject), which):
                print(requirement)
        case ["depends", pyproject]:
            print(depends(Path(pyproject)))
        case _:
            print(__doc__, file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
