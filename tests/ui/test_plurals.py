"""Counts in the UI read as real plurals, in English and French: "1 virtual machine",
"2 virtual machines", never "1 virtual machine(s)". Qt's numerus forms come from the .ts
files (kvmgui_en.ts holds only the English ones), compiled to .qm as set-up and packaging do."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from kvmgui.core.presets import new_spec
from kvmgui.ui import i18n

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
FRENCH = QLocale(QLocale.Language.French, QLocale.Country.France)

EXPECTED = {
    "en": {
        1: "1 virtual machine, 0 running",
        2: "2 virtual machines, 0 running",
    },
    "fr": {
        1: "1 machine virtuelle, 0 en marche",
        2: "2 machines virtuelles, 0 en marche",
    },
}


def _lrelease() -> str | None:
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    return str(beside) if beside.exists() else shutil.which("pyside6-lrelease")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The translations compiled from the checkout's .ts files, as the set-up and the .deb
    compile them (once for the module: compiling the French catalogue takes about a second)."""
    tmp_path = tmp_path_factory.mktemp("qm")
    lrelease = _lrelease()
    assert lrelease is not None, "pyside6-lrelease comes with PySide6"
    for name in ("kvmgui_en.ts", "kvmgui_fr.ts"):
        ts = TRANSLATIONS / name
        qm = tmp_path / ts.with_suffix(".qm").name
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)
    return tmp_path


@pytest.fixture(params=[("en", ENGLISH), ("fr", FRENCH)], ids=["en", "fr"])
def language(request: pytest.FixtureRequest, qapp: QApplication,
             folder: Path) -> Iterator[str]:
    code, locale = request.param
    translator = i18n.install_translator(qapp, locale, folder)
    assert translator is not None
    yield code
    i18n.remove_translator(qapp, translator)


@pytest.mark.parametrize("n", [1, 2])
def test_status_line_count_is_a_real_plural(language: str, n: int) -> None:
    text = QCoreApplication.translate(
        "MainWindow", "%n virtual machine(s), {0} running", None, n).format(0)
    assert text == EXPECTED[language][n]


def test_no_plural_shows_a_bracketed_s(language: str) -> None:
    for context, source in _plural_entries():
        for n in (0, 1, 2, 5):
            text = QCoreApplication.translate(context, source, None, n)
            assert "(s)" not in text, (language, n, text)
            assert "%n" not in text


def test_french_zero_and_one_take_the_singular(language: str) -> None:
    one = QCoreApplication.translate("PerformancePage", "%n minute(s) ago", None, 1)
    zero = QCoreApplication.translate("PerformancePage", "%n minute(s) ago", None, 0)
    if language == "fr":
        assert (zero, one) == ("il y a 0 minute", "il y a 1 minute")
    else:
        assert (zero, one) == ("0 minutes ago", "1 minute ago")


def test_an_untranslated_language_gets_the_english_plurals(folder: Path) -> None:
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    found = i18n.find_translation(german, folder)
    assert found is not None and found.stem == "kvmgui_en"


def _plural_entries() -> Iterator[tuple[str, str]]:
    for ctx in ET.parse(TRANSLATIONS / "kvmgui_en.ts").getroot().iter("context"):
        for msg in ctx.iter("message"):
            if msg.get("numerus") == "yes":
                yield ctx.findtext("name") or "", msg.findtext("source") or ""


@pytest.mark.parametrize("count", [1, 2])
def test_main_window_status_line(qtbot: Any, ctx: Any, qapp: QApplication, count: int) -> None:
    from kvmgui.ui.main_window import MainWindow

    for i in range(count):
        ctx.store.create(new_spec(f"vm{i}", memory_mib=256, cpus=1))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.reload()
    assert window.status_label.text() == EXPECTED["en"][count]
    french = i18n.install_translator(qapp, FRENCH)
    assert french is not None
    try:
        window.reload()
        assert window.status_label.text() == EXPECTED["fr"][count]
    finally:
        i18n.remove_translator(qapp, french)
