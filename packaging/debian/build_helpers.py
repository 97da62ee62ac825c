"""Small text jobs for build-deb.sh that are clumsy in bash (standard library only).

build_helpers.py render TEMPLATE OUTPUT KEY=VALUE...
    Copy TEMPLATE to OUTPUT with every @KEY@ replaced; fails if a placeholder is left over,
    so a template and the script cannot silently drift apart.
build_helpers.py entry-points DIST_INFO_DIR
    Print "name<TAB>module<TAB>function<TAB>kind" for each script of a wheel, kind being
    console or gui.
build_helpers.py version DIST_INFO_DIR
    Print the version recorded in the wheel's METADATA.
"""

from __future__ import annotations

import configparser
import re
import sys
from email.parser import HeaderParser
from pathlib import Path

_PLACEHOLDER = re.compile(r"@([A-Z_]+)@")


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
        case _:
            print(__doc__, file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
