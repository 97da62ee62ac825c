"""Packaging: the desktop file, the AppStream metainfo, the icon, the Python package's data and
the Debian package, each checked with the tools a distribution checks them with.

The Debian package test builds the variant without Qt (a few seconds, a few hundred kB) with
the suite's own venv (PYTHON), so it downloads no Qt; the complete variant (`build-deb.sh
--with-qt`, a few minutes and 29 MB) is checked by hand in a fresh Debian 12 root, see
packaging/README.md. What it bundles is checked here against pyproject.toml, the one place
that says which versions kvmgui works with.
"""

from __future__ import annotations

import importlib.resources
import os
import re
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

import kvmgui

REPO = Path(__file__).resolve().parent.parent
RESOURCES = REPO / "resources"
APP_ID = "io.github.kvmgui.KvmGui"
DESKTOP = RESOURCES / f"{APP_ID}.desktop"
METAINFO = RESOURCES / f"{APP_ID}.metainfo.xml"
ICON = RESOURCES / "icons" / f"{APP_ID}.svg"
BUILD_DEB = REPO / "packaging" / "debian" / "build-deb.sh"
BUILD_HELPERS = REPO / "packaging" / "debian" / "build_helpers.py"
INSTALL_DESKTOP = REPO / "packaging" / "install-desktop-files.sh"
SVG_NS = "{http://www.w3.org/2000/svg}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# The one pedantic hint we accept: the app id's capitals are fixed (it names the icon, the
# desktop file and the Wayland app id, and changing it would orphan users' menu entries).
ACCEPTED_APPSTREAM_HINTS = {"cid-contains-uppercase-letter"}


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (scripts/setup.sh test installs it)")
    return path


def _project() -> dict[str, object]:
    with (REPO / "pyproject.toml").open("rb") as f:
        data: dict[str, object] = tomllib.load(f)
    return data


def _version() -> str:
    project = _project()["project"]
    assert isinstance(project, dict)
    return str(project["version"])


def _desktop_entry(path: Path) -> dict[str, str]:
    # configparser would lower-case keys and choke on "Name[fr]"-style keys with interpolation.
    entry: dict[str, str] = {}
    section = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            section = line.strip("[]")
        elif section == "Desktop Entry" and "=" in line and not line.startswith("#"):
            key, _, value = line.partition("=")
            entry[key.strip()] = value.strip()
    return entry


def _dependencies() -> list[Requirement]:
    project = _project()["project"]
    assert isinstance(project, dict)
    return [Requirement(line) for line in project["dependencies"]]


def _helper(*args: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, str(BUILD_HELPERS), *args], capture_output=True, text=True, check=True
    )
    return result.stdout.splitlines()


def _semicolon_list(value: str) -> list[str]:
    return [item for item in value.split(";") if item]


# --- the desktop file ---------------------------------------------------------------------


def test_desktop_file_passes_desktop_file_validate() -> None:
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True
    )
    # Warnings and hints are printed with a zero exit code: demand a silent pass.
    assert result.returncode == 0 and result.stdout + result.stderr == "", result.stdout


def test_desktop_file_launches_kvmgui_from_the_system_menu_in_english_and_french() -> None:
    entry = _desktop_entry(DESKTOP)
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "kvmgui"
    assert entry["Icon"] == APP_ID
    assert _semicolon_list(entry["Categories"]) == ["System", "Emulator"]
    assert {"KVM", "QEMU", "virtual machine", "VM"} <= set(_semicolon_list(entry["Keywords"]))
    for key in ("Name[fr]", "Comment[fr]", "Keywords[fr]", "GenericName[fr]"):
        assert entry.get(key), f"{key} is missing"
    assert "machine virtuelle" in _semicolon_list(entry["Keywords[fr]"])
    assert entry["Comment[fr]"] != entry["Comment"]


# --- the AppStream metainfo ---------------------------------------------------------------


def test_metainfo_passes_appstreamcli_validate_pedantic() -> None:
    result = subprocess.run(
        [
            _tool("appstreamcli"),
            "validate",
            "--no-net",
            "--pedantic",
            "--format",
            "yaml",
            str(METAINFO),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed: yes" in result.stdout
    tags = set(re.findall(r"^- tag: (\S+)", result.stdout, flags=re.MULTILINE))
    assert tags <= ACCEPTED_APPSTREAM_HINTS, result.stdout


def test_metainfo_describes_this_release_and_binaries() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "GPL-3.0-or-later"
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    assert {b.text for b in root.iterfind("provides/binary")} >= {"kvmgui", "kvmgui-cli"}
    assert root.find("content_rating") is not None
    releases = root.findall("releases/release")
    # The newest release comes first and is the version being packaged.
    assert releases[0].get("version") == _version() == kvmgui.__version__
    assert releases[0].get("date") == "2026-11-25"
    for tag in ("name", "summary"):
        french = [e for e in root.iterfind(tag) if e.get(XML_LANG) == "fr"]
        assert french and french[0].text, f"no French {tag}"
    description = " ".join(
        "".join(e.itertext())
        for e in root.find("description").iter()  # type: ignore[union-attr]
        if e.get(XML_LANG) is None
    )
    for words in ("USB stick", "host", "console"):
        assert words in description


# --- the icon and the package data ---------------------------------------------------------


def test_icon_is_a_square_svg() -> None:
    root = ET.parse(ICON).getroot()
    assert root.tag == f"{SVG_NS}svg"
    _, _, width, height = (float(v) for v in (root.get("viewBox") or "").split())
    assert width == height > 0


def test_resources_ship_as_kvmgui_resources() -> None:
    """importlib.resources finds the files whether kvmgui runs from a checkout (editable
    install) or from a wheel, so the app never has to guess where it is installed."""
    files = importlib.resources.files("kvmgui.resources")
    icon = files / "icons" / ICON.name
    assert icon.is_file()
    assert icon.read_bytes() == ICON.read_bytes()
    assert (files / DESKTOP.name).is_file()
    assert (files / METAINFO.name).is_file()


@pytest.mark.gui
def test_qt_renders_the_icon(qapp: object) -> None:
    from PySide6.QtGui import QIcon

    icon = QIcon(str(importlib.resources.files("kvmgui.resources") / "icons" / ICON.name))
    image = icon.pixmap(48, 48).toImage()
    assert not image.isNull() and image.width() == 48
    # Something was drawn: the centre is not transparent.
    assert image.pixelColor(24, 24).alpha() > 0


def test_every_kvmgui_package_is_listed_in_pyproject() -> None:
    """pyproject lists packages by hand (resources/ is mapped in, which rules out automatic
    discovery): a new sub-package missing from the list would be absent from wheels and the
    Debian package while every test from the checkout still passes."""
    setuptools = _project()["tool"]["setuptools"]  # type: ignore[index]
    on_disk = {
        ".".join(init.parent.relative_to(REPO).parts)
        for init in (REPO / "kvmgui").rglob("__init__.py")
    } | {"kvmgui.resources"}
    listed = set(setuptools["packages"])
    assert listed == on_disk, (
        f"add to [tool.setuptools] packages in pyproject.toml: {sorted(on_disk - listed)}; "
        f"remove: {sorted(listed - on_disk)}"
    )
    assert setuptools["package-dir"] == {"kvmgui.resources": "resources"}


# --- installing the desktop files for pip users --------------------------------------------


def test_install_desktop_files_into_a_prefix_and_remove_them(tmp_path: Path) -> None:
    prefix = tmp_path / "a prefix"
    result = subprocess.run(
        [str(INSTALL_DESKTOP), "--exec", "/opt/my venv/bin/kvmgui", str(prefix)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    desktop = prefix / "share" / "applications" / DESKTOP.name
    assert _desktop_entry(desktop)["Exec"] == '"/opt/my venv/bin/kvmgui"'
    assert (prefix / "share" / "metainfo" / METAINFO.name).read_bytes() == METAINFO.read_bytes()
    icon = prefix / "share" / "icons" / "hicolor" / "scalable" / "apps" / ICON.name
    assert icon.read_bytes() == ICON.read_bytes()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True)
        assert check.returncode == 0, check.stdout

    removed = subprocess.run(
        [str(INSTALL_DESKTOP), "--uninstall", str(prefix)], capture_output=True, text=True
    )
    assert removed.returncode == 0, removed.stderr
    assert not desktop.exists() and not icon.exists()


def test_install_desktop_files_refuses_an_exec_it_cannot_quote(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(INSTALL_DESKTOP), "--exec", "/x/$HOME/kvmgui", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1 and "--exec" in result.stderr
    assert not (tmp_path / "share").exists()


# --- the Debian package --------------------------------------------------------------------


@pytest.fixture(scope="module")
def deb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    _tool("dpkg-deb")
    out = tmp_path_factory.mktemp("deb")
    result = subprocess.run(
        [str(BUILD_DEB), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=240,
        env={**os.environ, "PYTHON": sys.executable},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    package = out / f"kvmgui_{_version()}_all.deb"
    assert result.stdout.strip() == str(package)
    return package


def _field(deb: Path, name: str) -> str:
    return subprocess.run(
        ["dpkg-deb", "--field", str(deb), name], capture_output=True, text=True, check=True
    ).stdout.strip()


@pytest.mark.slow
def test_deb_declares_what_debian_provides(deb: Path) -> None:
    assert _field(deb, "Package") == "kvmgui"
    assert _field(deb, "Version") == _version()
    assert _field(deb, "Architecture") == "all"
    depends = _field(deb, "Depends")
    for package in ("python3 (>= 3.11)", "qemu-system-x86", "qemu-utils", "python3-numpy"):
        assert package in depends


def test_debian_bounds_come_from_pyproject() -> None:
    (depends,) = _helper("depends", str(REPO / "pyproject.toml"))
    project = _project()["project"]
    assert isinstance(project, dict)
    assert project["requires-python"] == ">=3.11" and "python3 (>= 3.11)" in depends
    (numpy,) = [r for r in _dependencies() if r.name == "numpy"]
    for spec in numpy.specifier:
        assert spec.operator == ">=", "build_helpers.py maps this bound to Debian's syntax"
        assert f"python3-numpy (>= 1:{spec.version})" in depends


def test_complete_package_bundles_the_pyside6_pyproject_allows_on_python_3_11() -> None:
    """build-deb.sh --with-qt hands pip exactly pyproject's lines (less what Debian provides),
    so the PySide6 that crashes on Debian 12's Python 3.11 cannot be bundled."""
    bundled = _helper("requirements", str(REPO / "pyproject.toml"), "all")
    project = _project()["project"]
    assert isinstance(project, dict)
    assert bundled == [line for line in project["dependencies"] if not line.startswith("numpy")]
    assert _helper("requirements", str(REPO / "pyproject.toml"), "no-qt") == [
        line for line in bundled if not line.startswith("PySide6")
    ]
    debian_12 = {**default_environment(), "python_version": "3.11", "python_full_version": "3.11.2"}
    pyside = [
        r
        for r in map(Requirement, bundled)
        if r.name == "PySide6-Essentials" and (r.marker is None or r.marker.evaluate(debian_12))
    ]
    assert pyside and not any(r.specifier.contains("6.12.0") for r in pyside)


@pytest.mark.slow
def test_deb_bundles_versions_pyproject_allows(unpacked: Path) -> None:
    wanted = {
        canonicalize_name(r.name): r
        for r in _dependencies()
        if r.marker is None or r.marker.evaluate()
    }
    bundled = {}
    for dist_info in (unpacked / "usr/lib/kvmgui").glob("*.dist-info"):
        name, _, version = dist_info.name.removesuffix(".dist-info").partition("-")
        bundled[canonicalize_name(name)] = Version(version)
    assert bundled.pop("kvmgui") == Version(_version())
    # numpy comes from Debian; Qt only in the complete package.
    assert set(bundled) == {"qasync", "qemu-qmp"}
    for name, version in bundled.items():
        assert wanted[name].specifier.contains(version), f"{name} {version}: {wanted[name]}"


@pytest.mark.slow
def test_deb_installs_launchers_desktop_files_and_private_modules(deb: Path) -> None:
    listing = subprocess.run(
        ["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    files = {line.split()[-1].removeprefix(".") for line in listing.splitlines()}
    modes = {line.split()[-1].removeprefix("."): line.split()[0] for line in listing.splitlines()}
    for path in (
        "/usr/bin/kvmgui",
        "/usr/bin/kvmgui-cli",
        "/usr/bin/kvmgui-askpass",
        "/usr/share/man/man1/kvmgui-askpass.1.gz",
        f"/usr/share/applications/{DESKTOP.name}",
        f"/usr/share/metainfo/{METAINFO.name}",
        f"/usr/share/icons/hicolor/scalable/apps/{ICON.name}",
        "/usr/share/doc/kvmgui/copyright",
        "/usr/share/man/man1/kvmgui.1.gz",
        "/usr/lib/kvmgui/kvmgui/__init__.py",
        f"/usr/lib/kvmgui/kvmgui/resources/icons/{ICON.name}",
        "/usr/lib/kvmgui/qasync/__init__.py",
        "/usr/lib/kvmgui/qemu/qmp/__init__.py",
    ):
        assert path in files, f"{path} is not in the package"
    assert modes["/usr/bin/kvmgui"] == modes["/usr/bin/kvmgui-cli"] == "-rwxr-xr-x"
    assert modes["/usr/bin/kvmgui-askpass"] == "-rwxr-xr-x"
    assert not any("__pycache__" in f or f.startswith("/usr/lib/kvmgui/bin") for f in files)


@pytest.fixture(scope="module")
def unpacked(deb: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("unpacked")
    subprocess.run(["dpkg-deb", "--extract", str(deb), str(root)], check=True)
    return root


def _run_unpacked(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """Run a program of the unpacked package with its own interpreter (#!/usr/bin/python3,
    as an installed package runs), in an empty home, without the checkout on the path."""
    home = tmp_path / "home"
    (home / "run").mkdir(parents=True, exist_ok=True)
    # A fake PySide6 that fails like a missing one, so the checks hold on machines where the
    # system Python has a real PySide6 as well.
    no_qt = tmp_path / "no-qt" / "PySide6"
    no_qt.mkdir(parents=True, exist_ok=True)
    (no_qt / "__init__.py").write_text(
        "raise ModuleNotFoundError(\"No module named 'PySide6'\", name='PySide6')\n"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_RUNTIME_DIR": str(home / "run"),
        "PYTHONPATH": str(no_qt.parent),
        "LANG": "C.UTF-8",
    }
    return subprocess.run(argv, capture_output=True, text=True, env=env, timeout=60)


@pytest.mark.slow
def test_unpacked_deb_runs_its_cli_without_qt(unpacked: Path, tmp_path: Path) -> None:
    cli = str(unpacked / "usr/bin/kvmgui-cli")
    version = _run_unpacked(tmp_path, cli, "--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"kvmgui {_version()}"
    listing = _run_unpacked(tmp_path, cli, "list")
    assert listing.returncode == 0, listing.stderr
    # The packaged modules are importable with Debian's Python alone.
    lib = unpacked / "usr/lib/kvmgui"
    # qasync needs a Qt binding to import, so only its presence is checked, not the import.
    where = _run_unpacked(
        tmp_path,
        "/usr/bin/python3",
        "-c",
        (
            f"import sys; sys.path.insert(0, {str(lib)!r}); import kvmgui, qemu.qmp; "
            "print(kvmgui.__file__, qemu.qmp.__file__)"
        ),
    )
    assert where.returncode == 0, where.stderr
    assert all(path.startswith(str(lib)) for path in where.stdout.split())


@pytest.mark.slow
def test_unpacked_deb_app_explains_that_qt_is_missing(unpacked: Path, tmp_path: Path) -> None:
    if not (REPO / "kvmgui" / "ui" / "app.py").exists():
        pytest.skip("kvmgui.ui.app (the GUI entry point) is not written yet")
    gui = _run_unpacked(tmp_path, str(unpacked / "usr/bin/kvmgui"))
    assert gui.returncode == 1
    assert "PySide6" in gui.stderr and "Traceback" not in gui.stderr


@pytest.mark.slow
def test_packaged_desktop_files_still_validate(unpacked: Path) -> None:
    desktop = unpacked / "usr/share/applications" / DESKTOP.name
    metainfo = unpacked / "usr/share/metainfo" / METAINFO.name
    assert subprocess.run([_tool("desktop-file-validate"), str(desktop)]).returncode == 0
    check = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(metainfo)], capture_output=True
    )
    assert check.returncode == 0, check.stdout
