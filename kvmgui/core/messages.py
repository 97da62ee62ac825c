"""Sentences made below the UI: English for the CLI, structured for the UI to translate.

core and runtime have no Qt, yet what they say (a validation problem, a host-check finding,
why QEMU would not start) reaches the window in the user's language. So they never build the
finished sentence alone: they build a `Message` — a translation context, the English template
with `{name}` placeholders, and the values — and `str(message)` is the English sentence the CLI
prints (a Message *is* a str, so it goes wherever a str goes: JSON, logs, comparisons).
The UI (kvmgui.ui.i18n.core_text) translates the template and fills the same values in.

Marking: every template literal is written inside `QT_TRANSLATE_NOOP("core.x", "…")` at the
place it is used. Qt's own extractor (pyside6-lupdate) recognises that name in any Python
file, so scripts/update-translations finds the templates exactly where they are written; here
the marker returns a `Template` (context + text) instead of Qt's bare text, which is what lets
a Message carry its context. The context is the module's place below kvmgui ("core.validation",
"runtime.controller").

Values are data and are never translated: paths, names, numbers, QEMU's own words. A value
that is itself a phrase to translate is a Message (filled in after its own translation); a
size is a core.sizes.Size (the UI writes it with the user's units and decimal mark).
Placeholders are filled by name only (`{name}`; no format specs, no escaped braces), so a
translator can move them freely and a brace in a value is never read as a placeholder.

Plurals: core picks between a singular and a plural template by the English rule
(`plural(n, one, other)`); both are in the catalogue. Languages with other plural rules
translate each form on its own (French uses the singular for 0 and 1, so "0 disques" rather
than "0 disque": acceptable for the few counted sentences below the UI).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


@dataclass(frozen=True, slots=True)
class Template:
    """A translatable template and its context, as marked by QT_TRANSLATE_NOOP."""

    context: str
    text: str


def QT_TRANSLATE_NOOP(context: str, text: str) -> Template:
    """Mark `text` for translation under `context` (literals only: the extractor reads them)."""
    return Template(context, text)


def fill(text: str, values: Mapping[str, object], show: Callable[[object], str] = str) -> str:
    """`text` with each `{name}` that `values` has replaced by show(value); other braces stay
    as they are (a template may mention "{" literally, a translation may drop a value)."""

    def one(m: re.Match[str]) -> str:
        key = m.group(1)
        return show(values[key]) if key in values else m.group(0)

    return _PLACEHOLDER.sub(one, text)


class Message(str):
    """A sentence: str(self) is its English text; `template` and `values` let the UI
    translate it. Build it with a marked template:

        Message(QT_TRANSLATE_NOOP("core.validation", "'{name}' needs a disk."), name=spec.name)
    """

    __slots__ = ("context", "template", "values")
    context: str
    template: str
    values: Mapping[str, object]

    def __new__(cls, template: Template, /, **values: object) -> Message:
        missing = set(_PLACEHOLDER.findall(template.text)) - values.keys()
        if missing:  # a programming mistake: the sentence would show "{name}"
            raise TypeError(f"{template.text!r} needs {sorted(missing)}")
        self = super().__new__(cls, fill(template.text, values))
        self.context = template.context
        self.template = template.text
        self.values = dict(values)
        return self

    def __reduce__(self) -> tuple[object, ...]:
        # Copies and pickles keep the structure (a str subclass would otherwise lose it).
        return (_rebuild, (self.context, self.template, dict(self.values)))


def _rebuild(context: str, template: str, values: dict[str, object]) -> Message:
    return Message(Template(context, template), **values)


class Joined(Message):
    """Messages (or plain data) joined by a separator, translated part by part: "; " between
    the problems of a definition, ". " between sentences."""

    __slots__ = ("parts", "separator")
    parts: tuple[str, ...]
    separator: Template

    def __new__(cls, separator: Template, parts: Iterable[str], /, **_: object) -> Joined:
        items = tuple(parts)
        self = str.__new__(cls, separator.text.join(items))
        self.context = separator.context
        self.template = separator.text
        self.values = {}
        self.parts = items
        self.separator = separator
        return self

    def __reduce__(self) -> tuple[object, ...]:
        return (Joined, (self.separator, self.parts))


class Capitalised(Message):
    """A message put at the start of a sentence: its first letter upper-cased, in English and
    in its translation ("the disk" becomes "The disk …" when it opens the sentence)."""

    __slots__ = ("inner",)
    inner: Message

    def __new__(cls, inner: Message, /, **_: object) -> Capitalised:
        text = str(inner)
        self = str.__new__(cls, text[:1].upper() + text[1:])
        self.context = inner.context
        self.template = inner.template
        self.values = inner.values
        self.inner = inner
        return self

    def __reduce__(self) -> tuple[object, ...]:
        return (Capitalised, (self.inner,))


def capitalised(message: Message) -> Capitalised:
    """`message` with its first letter upper-cased, once translated too."""
    return Capitalised(message)


SEMICOLON = QT_TRANSLATE_NOOP("Punctuation", "; ")
SENTENCE = QT_TRANSLATE_NOOP("Punctuation", " ")
COLON = QT_TRANSLATE_NOOP("Punctuation", ": ")
COMMA = QT_TRANSLATE_NOOP("Punctuation", ", ")


def joined(parts: Iterable[str], separator: Template = SEMICOLON) -> Joined:
    """`parts` joined by `separator` ("; " by default), each part translated on its own."""
    return Joined(separator, parts)


def plural(n: int, one: Template, other: Template, /, **values: object) -> Message:
    """The `one` template for n == 1, else `other`; `n` is among the values."""
    return Message(one if n == 1 else other, n=n, **values)


class KvmguiError(Exception):
    """The base of kvmgui's own errors: `message` is one sentence saying what to do (str for
    the CLI, translatable in the UI), `details` what an expert needs (QEMU's own words, a
    command, a path), shown under "Details" and never translated.

    str(error) is the message, so `print(error)` and `f"{error}"` show the sentence."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.details = details

    def __str__(self) -> str:
        return self.message
