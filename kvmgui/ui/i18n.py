"""Translation: `translate` for code outside a QObject, loading the translation for the
user's language, and `core_text` for the sentences made by kvmgui.core/runtime.

Every user-visible string in kvmgui.ui goes through QObject.tr or `translate`, with literal
arguments, so pyside6-lupdate finds them (scripts/update-translations). The translations live
in resources/translations/kvmgui_<lang>.ts (installed as the package kvmgui.resources) and are
compiled into kvmgui_<lang>.qm by Qt's lrelease when kvmgui is set up or packaged
(scripts/setup.sh, the .deb's build); the app loads the .qm with Qt's own QTranslator.
Qt's own strings (standard buttons, the wizard's Back/Next, context menus) come from Qt's
qtbase_<lang>.qm, loaded alongside.

core and runtime have no Qt: their sentences are kvmgui.core.messages.Message objects (the
English text, plus the marked template and its values). `core_text` translates the template
and fills the values in; anything else is data and is shown as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from kvmgui.core.messages import Capitalised, Joined, Message, Template, fill
from kvmgui.core.sizes import Size, format_size as english_size


def _translations_dir() -> Path:
    # resources/ at the top of the repository is the package kvmgui.resources (pyproject.toml);
    # files() resolves it the same way in an editable install, a wheel and the .deb.
    try:
        return Path(str(resources.files("kvmgui.resources") / "translations"))
    except ModuleNotFoundError:  # a source tree run without installing: resources/ is beside
        return Path(__file__).resolve().parents[2] / "resources" / "translations"


TRANSLATIONS_DIR = _translations_dir()


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """QCoreApplication.translate. Call it with literal strings, translate("Context", "Text"):
    lupdate only extracts literals (a context held in a variable is skipped)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def language_code() -> str:
    """The language of the installed translation ("fr"), "en" when there is none."""
    return translate("Language", "en", "the code of this translation's language: fr, de, pt_BR…")


# ----------------------------------------------------------------------------- loading


def _candidates(locale: QLocale) -> Iterator[str]:
    """kvmgui_fr_FR, kvmgui_fr… for the locale's UI languages, most specific first."""
    seen: set[str] = set()
    for lang in locale.uiLanguages():
        parts = lang.replace("-", "_").split("_")
        for n in range(len(parts), 0, -1):
            code = "_".join(parts[:n])
            if code not in seen:
                seen.add(code)
                yield code


def _file_for(code: str, directory: Path) -> Path | None:
    qm = directory / f"kvmgui_{code}.qm"
    return qm if qm.is_file() else None


def find_translation(locale: QLocale, directory: Path = TRANSLATIONS_DIR) -> Path | None:
    """The compiled kvmgui_<lang>.qm for `locale`.

    English, and a language without a translation, get kvmgui_en: the source strings are
    English already, but plural ones ("%n virtual machine(s)") need their English forms from
    it. None when even that is missing."""
    if directory.is_dir():
        for code in _candidates(locale):
            if code in {"en", "C"} or code.startswith("en_"):
                break  # the source language
            found = _file_for(code, directory)
            if found is not None:
                return found
    return _file_for("en", directory) if directory.is_dir() else None


def install_translator(
    app: QCoreApplication, locale: QLocale | None = None, directory: Path = TRANSLATIONS_DIR
) -> QTranslator | None:
    """Install kvmgui's translation for `locale` (default: the system's, i.e. LANG/LANGUAGE)
    and Qt's own, and return kvmgui's translator (for English: its plural forms); None when
    there is none.

    Keep the returned object while the app runs; remove_translator() undoes the installation.
    """
    wanted = locale or QLocale.system()
    path = find_translation(wanted, directory)
    if path is None:
        return None
    translator = QTranslator(app)
    if not translator.load(str(path)):
        translator.deleteLater()
        return None
    # Qt's own strings, a child of ours so both go away together; none with the English
    # plurals (Qt speaks English already, and a language kvmgui lacks must not mix in).
    if path.stem != "kvmgui_en":
        qt_base = QTranslator(translator)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_base.load(wanted, "qtbase", "_", qt_dir):
            app.installTranslator(qt_base)
    app.installTranslator(translator)
    return translator


def remove_translator(app: QCoreApplication, translator: QTranslator) -> None:
    """Undo install_translator (tests switch languages)."""
    for child in translator.findChildren(QTranslator):
        app.removeTranslator(child)
    app.removeTranslator(translator)


# ----------------------------------------------------------------------------- sizes


def _units() -> dict[str, str]:
    return {
        "bytes": translate("Units", "bytes"),
        "byte": translate("Units", "byte"),
        "KiB": translate("Units", "KiB"),
        "MiB": translate("Units", "MiB"),
        "GiB": translate("Units", "GiB"),
        "TiB": translate("Units", "TiB"),
    }


_SIZE = re.compile(r"(-?)(\d+(?:\.\d+)?) (bytes|byte|KiB|MiB|GiB|TiB)")


def localise_size(text: str) -> str:
    """"1.5 GiB" (core.sizes.format_size) in the user's language: "1,5 Gio" in French."""
    m = _SIZE.fullmatch(text)
    if m is None:
        return text
    sign, number, unit = m.groups()
    # The decimal mark of the translation's language, so "1,5 Gio" never mixes with "1.5".
    point = QLocale(language_code()).decimalPoint()
    return f"{sign}{number.replace('.', point)} {_units()[unit]}"


def format_size(n: int) -> str:
    """core.sizes.format_size, translated."""
    return localise_size(english_size(n))


# ----------------------------------------------------------------------------- core_text


def template_text(template: Template) -> str:
    """A marked template (kvmgui.core.messages.QT_TRANSLATE_NOOP) in the user's language, with
    its {placeholders} still in it."""
    return QCoreApplication.translate(template.context, template.text)


def core_text(text: str) -> str:
    """A sentence of kvmgui.core or kvmgui.runtime in the user's language.

    A Message is translated by its template, then its values are filled in: a value that is a
    Message is translated in turn, a size is written with the user's units, any other value
    (a name, a path, a number, QEMU's own words) as it is. A plain str is data: unchanged."""
    if isinstance(text, Capitalised):
        inner = core_text(text.inner)
        return inner[:1].upper() + inner[1:]
    if isinstance(text, Joined):
        separator = QCoreApplication.translate(text.context, text.template)
        return separator.join(core_text(part) for part in text.parts)
    if isinstance(text, Message):
        translated = QCoreApplication.translate(text.context, text.template)
        return fill(translated, text.values, _value_text)
    return text


def _value_text(value: object) -> str:
    if isinstance(value, Size):
        return format_size(int(value))
    if isinstance(value, str):
        return core_text(value)
    if isinstance(value, Template):
        return template_text(value)
    return str(value)
