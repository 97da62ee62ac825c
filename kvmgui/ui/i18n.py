"""Translation: one `tr` for code outside a QObject, and the hook that loads a .qm file.

Every user-visible string in kvmgui.ui goes through QObject.tr or this `translate`, with
literal arguments, so pyside6-lupdate finds them and the French translation (a later issue)
only has to add kvmgui/resources/translations/kvmgui_fr.qm.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """QCoreApplication.translate. Call it with literal strings, translate("Context", "Text"):
    lupdate only extracts literals (a context held in a variable is skipped)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def install_translator(
    app: QCoreApplication, locale: QLocale | None = None, directory: Path = TRANSLATIONS_DIR
) -> QTranslator | None:
    """Load kvmgui_<lang>.qm for `locale` (default: the system's) if it exists.

    Returns the installed translator (keep a reference: Qt does not own it), or None when
    there is no translation for this language, which is normal for English.
    """
    if not directory.is_dir():
        return None
    translator = QTranslator(app)
    wanted = locale or QLocale.system()
    if translator.load(wanted, "kvmgui", "_", str(directory)):
        app.installTranslator(translator)
        return translator
    translator.deleteLater()
    return None
