"""Translation: `translate` for code outside a QObject, loading the translation for the
user's language, and `core_text` for the English sentences made by kvmgui.core/runtime.

Every user-visible string in kvmgui.ui goes through QObject.tr or `translate`, with literal
arguments, so pyside6-lupdate finds them (scripts/update-translations). The translations live
in resources/translations/kvmgui_<lang>.ts (installed as the package kvmgui.resources):
- a compiled kvmgui_<lang>.qm next to it is used when there is one (the .deb compiles them,
  and so does scripts/update-translations for a checkout);
- otherwise the .ts itself is read (TsTranslator): a source checkout, an editable install or a
  wheel built without Qt's tools still speaks the user's language, and running the app never
  needs lrelease (ui code runs no subprocess).
Qt's own strings (standard buttons, the wizard's Back/Next, context menus) come from Qt's
qtbase_<lang>.qm, loaded alongside.

core and runtime have no Qt, so their sentences are English. scripts/update-translations
collects their templates into kvmgui/ui/core_messages.py ("The VM has {mem} MiB of memory…");
`core_text(message)` finds the template a message was made from, translates it and puts the
values back (themselves translated when they are phrases from the catalogue, such as the
clause inside "{clause}, so auto uses TCG"). A message that no template explains is shown
unchanged, in English.
"""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator


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


def _finished(tr: ET.Element | None) -> bool:
    return tr is not None and tr.get("type") not in {"unfinished", "vanished", "obsolete"}


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """{(context, source): translation} of a Qt Linguist .ts file, finished entries only
    (like lrelease without -markuntranslated: an unfinished entry falls back to English).
    Plural entries are read by read_ts_plurals."""
    catalogue: dict[tuple[str, str], str] = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            source = msg.findtext("source")
            if source is None or msg.get("numerus") == "yes" or not _finished(tr):
                continue
            text = tr.text if tr is not None else ""
            if text:
                catalogue[(name, source)] = text
    return catalogue


def read_ts_plurals(path: Path) -> dict[tuple[str, str], tuple[str, ...]]:
    """{(context, source): (singular, plural, …)} of the plural ("%n VM(s)") entries of a .ts."""
    plurals: dict[tuple[str, str], tuple[str, ...]] = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            source = msg.findtext("source")
            if source is None or msg.get("numerus") != "yes" or tr is None or not _finished(tr):
                continue
            forms = tuple(f.text or "" for f in tr.iter("numerusform"))
            if forms and all(forms):
                plurals[(name, source)] = forms
    return plurals


def plural_form(language: str, n: int) -> int:
    """Which numerus form of a .ts `n` takes, by Qt's rules for the languages kvmgui has:
    French uses the singular for 0 and 1, English (and the default) for 1 only."""
    if language.split("_")[0] == "fr":
        return 0 if abs(n) < 2 else 1
    return 0 if abs(n) == 1 else 1


class TsTranslator(QTranslator):
    """A QTranslator answering from a .ts file read with ElementTree (no .qm needed)."""

    def __init__(self, catalogue: dict[tuple[str, str], str], language: str,
                 parent: QCoreApplication | None = None,
                 plurals: dict[tuple[str, str], tuple[str, ...]] | None = None) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._plurals = plurals or {}
        self._language = language

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None is a null QString: Qt then asks the next translator, and finally shows `source`.
        # Qt replaces "%n" with the count in whatever comes back.
        forms = self._plurals.get((context, source))
        if forms is not None:
            return forms[min(plural_form(self._language, max(n, 0)), len(forms) - 1)]
        return self._catalogue.get((context, source))

    def isEmpty(self) -> bool:
        return not self._catalogue and not self._plurals

    def language(self) -> str:
        return self._language


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
    qm, ts = directory / f"kvmgui_{code}.qm", directory / f"kvmgui_{code}.ts"
    if qm.is_file() and (not ts.is_file() or qm.stat().st_mtime >= ts.stat().st_mtime):
        return qm
    return ts if ts.is_file() else None


def find_translation(locale: QLocale, directory: Path = TRANSLATIONS_DIR) -> Path | None:
    """The kvmgui_<lang>.qm (or, when it is missing or older, .ts) for `locale`.

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

    Keep the returned object while the app runs (a TsTranslator's Python code must stay
    alive); remove_translator() undoes the installation.
    """
    wanted = locale or QLocale.system()
    path = find_translation(wanted, directory)
    if path is None:
        return None
    translator: QTranslator
    if path.suffix == ".qm":
        translator = QTranslator(app)
        if not translator.load(str(path)):
            translator.deleteLater()
            return None
    else:
        code = path.stem.removeprefix("kvmgui_")
        translator = TsTranslator(read_ts(path), code, app, read_ts_plurals(path))
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
    from kvmgui.core.sizes import format_size as english

    return localise_size(english(n))


# ----------------------------------------------------------------------------- core_text

# Placeholders that hold data (names, paths, raw values): shown as they are, never looked up.
_DATA = frozenset({
    "name", "path", "target", "dest", "source", "file", "folder", "dir", "image", "base",
    "token", "option", "value", "text", "key", "addr", "program", "binary", "command", "uri",
    "title", "stamp", "device", "field", "part", "where_path", "name_or_id", "new_name",
    "other", "first", "mv", "machine", "rule", "fmt", "format", "arg",
})
# Placeholders that hold a file or folder path (they may contain spaces, but start with "/").
_PATHS = frozenset({
    "path", "where", "dir", "target", "folder", "base", "image", "_root", "parent", "logs",
    "nvram", "qemu_log", "socket_path", "dest", "definition", "file", "source",
})
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*|\d+)\}")
_LETTERS = re.compile(r"[A-Za-z]{3,}")


@dataclass(frozen=True)
class _Template:
    context: str
    text: str
    # One regex per way to share the text out between neighbouring placeholders ("The {what}
    # {path} does not exist": is "ISO file /x" what="ISO" or what="ISO file"?); the reading
    # that explains most of the message wins (see _score).
    patterns: tuple[re.Pattern[str], ...]
    suffix: re.Pattern[str] | None  # for fragments appended to a message: ", mode 0660"
    groups: tuple[tuple[str, str], ...]  # (placeholder, regex group)
    anchor: str  # the longest literal piece: a cheap `in` test before the regexes
    weight: int  # literal characters: how much of a message the template explains
    # Neighbouring placeholders with only a space or a sign between them ("{action} {what}"):
    # the regexes find the first and the last split; every other one is tried as well.
    adjacent: tuple[tuple[int, str], ...] = ()  # (index of the first one in `groups`, sign)


def _compile(context: str, text: str) -> _Template | None:
    pieces = _PLACEHOLDER.split(text)  # literal, name, literal, name, …
    literals = pieces[0::2]
    if len(re.findall(r"[A-Za-z]", "".join(literals))) < 2:
        return None  # "{0}: {1}" would match anything
    names = list(dict.fromkeys(pieces[1::2]))
    groups = {name: f"p_{name}" for name in names}
    # Lazy or greedy for each placeholder (a path: lazy, or starting at its "/"); every
    # combination for up to 4 placeholders.
    options = {name: ("/.*?", ".*?") if name in _PATHS else (".*?", ".*") for name in names}
    if len(names) <= 4:
        combos = [dict(zip(names, c, strict=True))
                  for c in itertools.product(*(options[n] for n in names))]
    else:
        combos = [dict.fromkeys(names, ".*?"), dict.fromkeys(names, ".*")]
    patterns = []
    for combo in combos:
        regex: list[str] = []
        seen: set[str] = set()
        for i, piece in enumerate(pieces):
            if i % 2 == 0:
                regex.append(re.escape(piece))
            elif piece in seen:
                regex.append(f"(?P={groups[piece]})")
            else:
                seen.add(piece)
                regex.append(f"(?P<{groups[piece]}>{combo[piece]})")
        patterns.append(re.compile("".join(regex), re.DOTALL))
    fragment = text[:1] in {" ", ","} and len(literals[0].strip()) > 0
    order = pieces[1::2]
    adjacent = tuple(
        (names.index(order[k]), pieces[2 * k + 2])
        for k in range(len(order) - 1)
        if len(pieces[2 * k + 2]) <= 3 and not re.search(r"[A-Za-z]", pieces[2 * k + 2])
        and pieces[2 * k + 2] and order.count(order[k]) == 1 and order.count(order[k + 1]) == 1
        and names.index(order[k + 1]) == names.index(order[k]) + 1
    )
    return _Template(
        context=context,
        text=text,
        patterns=tuple(patterns),
        suffix=re.compile(patterns[0].pattern + r"\Z", re.DOTALL) if fragment else None,
        groups=tuple(groups.items()),
        anchor=max(literals, key=len),
        weight=sum(len(x) for x in literals),
        adjacent=adjacent,
    )


@lru_cache(maxsize=1)
def _templates() -> tuple[_Template, ...]:
    from kvmgui.ui.core_messages import MESSAGES

    compiled = (_compile(context, text) for context, text in MESSAGES)
    return tuple(sorted((t for t in compiled if t is not None), key=lambda t: -t.weight))


# A parsed message: which template (or which pieces) it was made of. Parsing is the slow,
# language-independent part and is cached; rendering asks Qt for the current translation.
@dataclass(frozen=True)
class _Match:
    template: _Template
    values: tuple[tuple[str, str, _Node | None], ...]  # (placeholder, English value, parsed)


@dataclass(frozen=True)
class _Variant:
    inner: _Node
    first: str = ""  # "upper"/"lower": the message's first letter had the other case
    period: str = ""  # "add": the message has a final "." the template lacks; "drop": reverse
    bare: bool = False  # a fragment (" It is kept paused…") shown on its own, without its space


@dataclass(frozen=True)
class _Joined:
    pieces: tuple[_Node | str, ...] = field(default_factory=tuple)  # str = separator to translate


_Node = _Match | _Variant | _Joined


def _score(node: _Node) -> int:
    """How much of a message a parse explains (literal characters of its templates): when a
    message can be read several ways, the reading that explains most of it is the right one."""
    if isinstance(node, _Match):
        return node.template.weight + sum(_score(p) for _, _, p in node.values if p is not None)
    if isinstance(node, _Variant):
        return _score(node.inner)
    return sum(_score(p) if not isinstance(p, str) else len(p) for p in node.pieces)


def _best(candidates: list[_Node], context: str) -> _Node | None:
    # Ties go to a template of the same source module as the sentence around it: "CD/DVD
    # drive" inside a validation message is validation's phrase, not the device list's label.
    def rank(node: _Node) -> tuple[int, int]:
        inner = node.inner if isinstance(node, _Variant) else node
        same = isinstance(inner, _Match) and inner.template.context == context
        return _score(node), int(same)

    return max(candidates, key=rank, default=None)


def _resplit(t: _Template, reading: tuple[str, ...]) -> list[tuple[str, ...]]:
    """`reading` and the other ways to share text between neighbouring placeholders, in a
    fixed order (ties between readings must not depend on hashing)."""
    found = {reading: None}
    for index, sign in t.adjacent:
        for known in list(found):
            joined = known[index] + sign + known[index + 1]
            start = 0
            while (at := joined.find(sign, start)) >= 0 and len(found) < 64:
                alt = list(known)
                alt[index], alt[index + 1] = joined[:at], joined[at + len(sign):]
                found[tuple(alt)] = None
                start = at + 1
    return list(found)


def _match_whole(text: str, context: str = "") -> _Match | None:
    found: list[_Node] = []
    for t in _templates():
        if t.anchor not in text:
            continue
        readings: dict[tuple[str, ...], None] = {}
        for pattern in t.patterns:
            m = pattern.fullmatch(text)
            if m is None:
                continue
            readings.update(dict.fromkeys(
                _resplit(t, tuple(m.group(group) for _, group in t.groups))))
        for reading in readings:
            values = []
            for (name, _group), value in zip(t.groups, reading, strict=True):
                parsed = None
                if name not in _DATA and _LETTERS.search(value) and value != text:
                    parsed = _parse(value, t.context)
                values.append((name, value, parsed))
            found.append(_Match(t, tuple(values)))
    best = _best(found, context)
    assert best is None or isinstance(best, _Match)
    return best


def _parse_whole(text: str, context: str = "") -> _Node | None:
    """The template `text` was made from, allowing for a capitalised first letter and a final
    full stop added or dropped by the code that assembled it."""
    candidates: list[_Node] = []
    direct = _match_whole(text, context)
    if direct is not None:
        candidates.append(direct)
    first = text[:1]
    swapped, case = "", ""
    if first.isupper():
        swapped, case = first.lower() + text[1:], "upper"
    elif first.islower():
        swapped, case = first.upper() + text[1:], "lower"
    tries: list[tuple[str, str, str]] = []
    if swapped:
        tries.append((swapped, case, ""))
    if text.endswith("."):
        tries.append((text[:-1], "", "add"))
        if swapped:
            tries.append((swapped[:-1], case, "add"))
    else:
        tries.append((text + ".", "", "drop"))
        if swapped:
            tries.append((swapped + ".", case, "drop"))
    for variant, case_flag, period in tries:
        inner = _match_whole(variant, context)
        if inner is not None:
            candidates.append(_Variant(inner, case_flag, period))
    if not candidates:
        inner = _match_whole(" " + text, context)
        if inner is not None:
            candidates.append(_Variant(inner, bare=True))
    return _best(candidates, context)


def _separators() -> tuple[str, ...]:
    from kvmgui.ui.core_messages import SEPARATORS

    return tuple(sep for sep, _ in SEPARATORS)


@lru_cache(maxsize=4096)
def _parse(text: str, context: str = "") -> _Node | None:
    candidates: list[_Node] = []
    whole = _parse_whole(text, context)
    if whole is not None:
        candidates.append(whole)
    # A fragment appended with += (", mode 0660", " It is kept paused…").
    for t in _templates():
        if t.suffix is None or t.anchor not in text:
            continue
        m = t.suffix.search(text)
        if m is None or m.start() == 0:
            continue
        head = _parse(text[: m.start()], context)
        tail = _match_whole(text[m.start():], context)
        if head is not None and tail is not None:
            candidates.append(_Joined((head, tail)))
    # A clause made into a sentence ("{clause}, so KVM cannot…" + "."): read it without the
    # full stop.
    if text.endswith(".") and len(text) > 1:
        inner = _parse(text[:-1], context)
        if inner is not None:
            candidates.append(_Variant(inner, period="add"))
    # Two sentences or clauses joined by the code: "{clause}; {hint}", "A. B".
    for sep in _separators():
        start = 0
        while (i := text.find(sep, start)) > 0:
            start = i + 1
            head = _parse_whole(text[:i], context)
            if head is None:
                continue
            rest = _parse(text[i + len(sep):], context)
            if rest is not None:
                candidates.append(_Joined((head, sep, rest)))
    return _best(candidates, context)


def _set_first(text: str, case: str) -> str:
    if not text:
        return text
    return (text[0].upper() if case == "upper" else text[0].lower()) + text[1:]


def _fill(translated: str, values: dict[str, str]) -> str:
    def value(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in values:
            return values[name]
        lowered = name[:1].lower() + name[1:]
        if lowered in values:  # "{What}" in a translation: the value with a capital
            return _set_first(values[lowered], "upper")
        return m.group(0)

    return _PLACEHOLDER.sub(value, translated)


def _render(node: _Node) -> str:
    if isinstance(node, _Match):
        values = {}
        for name, english, parsed in node.values:
            shown = _render(parsed) if parsed is not None else localise_size(english)
            values[name] = shown
        t = node.template
        return _fill(QCoreApplication.translate(t.context, t.text), values)
    if isinstance(node, _Variant):
        text = _render(node.inner)
        if node.period == "add" and not text.endswith("."):
            text += "."
        elif node.period == "drop":
            text = text.removesuffix(".")
        if node.bare:
            text = text.lstrip()
        return _set_first(text, node.first) if node.first else text
    out: list[str] = []
    for piece in node.pieces:
        if isinstance(piece, str):
            out.append(QCoreApplication.translate("Punctuation", piece))
        else:
            out.append(_render(piece))
    return "".join(out)


def core_text(message: str) -> str:
    """`message`, an English sentence made by kvmgui.core or kvmgui.runtime, in the user's
    language; unchanged for English or when no catalogue template explains it."""
    if not message or language_code() == "en":
        return message
    if "\n" in message:  # several messages, one per line
        return "\n".join(core_text(line) for line in message.split("\n"))
    stripped = message.strip()
    node = _parse(stripped)
    if node is None:
        return message
    start = message.index(stripped[:1]) if stripped else 0
    return message[:start] + _render(node) + message[start + len(stripped):]
