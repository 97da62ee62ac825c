"""The French translation: complete, up to date, and actually shown everywhere.

- resources/translations/kvmgui_fr.ts has no unfinished entry, keeps every placeholder and
  keyboard accelerator, and holds every string the sources mark (kvmgui/ui's translate()/tr()
  literals and every QT_TRANSLATE_NOOP template of kvmgui/core and kvmgui/runtime).
- core_text() turns the messages of core/runtime (host check, validation, runtime outcomes)
  into French, including the ones composed of other messages.
- With the French translation installed, a walk over every widget of the main window (both
  views, menus, banner, empty state), the wizard's pages, the details window's tabs, the
  preferences, the host check and the About box finds no English: no text that is an English
  source string (translated or never marked), no English sentence made at run time.
- LANG=fr_FR.UTF-8 alone selects the translation; the .qm lrelease makes answers as the .ts.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    Qt,
    QTranslator,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QWidget,
    QWizard,
)

from kvmgui.core import hostcheck
from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message, joined
from kvmgui.core.model import CacheMode, Disk, DiskBus, OsPreset
from kvmgui.core.presets import new_spec
from kvmgui.core.sizes import Size
from kvmgui.ui import i18n
from kvmgui.ui.about import AboutDialog

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "translations" / "kvmgui_fr.ts"
FRENCH = QLocale(QLocale.Language.French, QLocale.Country.France)

# Shown as they are in French too: names of programs, standards and products. A text made
# only of these (and digits, punctuation) is never English.
PROPER_NOUNS = frozenset({
    "kvmgui", "QEMU", "KVM", "TCG", "VNC", "SPICE", "CPU", "ISO", "USB", "UEFI", "BIOS", "TPM",
    "OVMF", "swtpm", "qcow2", "raw", "vmdk", "vdi", "vhdx", "virtio", "IDE", "SATA", "e1000",
    "Linux", "Windows", "BSD", "FreeBSD", "OpenBSD", "Ubuntu", "Debian", "Fedora", "PySide6",
    "Qt", "GPL", "PulseAudio", "PipeWire", "remote-viewer", "qemu-img", "OK", "RTL8139",
    "q35", "pc", "i440fx", "writeback", "writethrough", "none", "directsync", "unsafe",
    "auto", "kvm", "tcg", "Console", "Format", "Bus", "Cache", "Image", "Machine", "Performance",
    "usb", "ide", "sata", "std", "qxl", "cirrus", "vnc", "spice",  # bus and device models
})
# Words that only English sentences contain (none of them is a French word).
ENGLISH_WORDS = re.compile(
    r"\b(the|and|is|are|was|were|you|your|with|this|that|these|not|cannot|of|to|for|from|"
    r"has|have|will|would|which|when|while|there|their|been|into|its|it|be|than|only|"
    r"yet|shown|running|stopped|paused|bytes|GiB|MiB|KiB|TiB)\b",
    re.IGNORECASE,
)
_PLACEHOLDER = re.compile(r"\{[A-Za-z_0-9]*(?::[^}]*)?\}|%\d")
_LETTERS = re.compile(r"[A-Za-z]{3,}")


def _plain(text: str) -> str:
    """A text as seen: accelerators removed, white space squeezed."""
    text = re.sub(r"&(?!&)", "", text).replace("&&", "&")
    return " ".join(text.split())


def _messages(path: Path = TS) -> Iterator[tuple[str, str, ET.Element]]:
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            yield name, msg.findtext("source") or "", msg


# ----------------------------------------------------------------------------- the .ts file


def test_every_entry_is_translated_and_keeps_placeholders() -> None:
    problems = []
    for context, source, msg in _messages():
        tr = msg.find("translation")
        assert tr is not None
        where = f"{context}: {source!r}"
        # A plural entry ("%n VM(s)") has one text per numerus form, each checked alike.
        texts = ([f.text or "" for f in tr.iter("numerusform")] if msg.get("numerus") == "yes"
                 else [tr.text or ""])
        # A separator (Punctuation) may be a lone space; anything else needs words.
        blank = not all(t if context == "Punctuation" else t.strip() for t in texts)
        if tr.get("type") in {"unfinished", "vanished", "obsolete"} or blank:
            problems.append(f"untranslated ({tr.get('type') or 'empty'}) {where}")
            continue
        problems += _text_problems(source, texts, where)
    assert not problems, "\n".join(problems)


def _text_problems(source: str, texts: list[str], where: str) -> list[str]:
    problems = []
    for text in texts:
        # "{What}" in a translation is "{what}" with a capital (kvmgui.ui.i18n._fill).
        want = sorted(p.lower() for p in _PLACEHOLDER.findall(source))
        got = sorted(p.lower() for p in _PLACEHOLDER.findall(text))
        if set(want) != set(got):
            problems.append(f"placeholders {want} became {got} in {where}")
        wants_key = source.count("&") - 2 * source.count("&&")
        has_key = text.count("&") - 2 * text.count("&&")
        if wants_key != has_key:
            problems.append(f"{has_key} accelerator(s) instead of {wants_key} in {where}")
        if source.strip() == source and text.strip() != text:
            problems.append(f"stray white space in the translation of {where}")
    return problems


def test_english_plurals_are_complete() -> None:
    """kvmgui_en.ts holds the English singular and plural of every "%n …(s)" string."""
    english = TS.with_name("kvmgui_en.ts")
    problems = []
    plural_sources = {(c, s) for c, s, m in _messages() if m.get("numerus") == "yes"}
    seen = set()
    for context, source, msg in _messages(english):
        where = f"{context}: {source!r}"
        tr = msg.find("translation")
        assert tr is not None and msg.get("numerus") == "yes", where
        forms = [f.text or "" for f in tr.iter("numerusform")]
        if tr.get("type") or len(forms) != 2 or not all(forms) or any("(s)" in f for f in forms):
            problems.append(f"no English singular and plural for {where}")
        problems += _text_problems(source, forms, where)
        seen.add((context, source))
    problems += [f"missing from kvmgui_en.ts: {c}: {s!r}" for c, s in plural_sources - seen]
    assert not problems, "\n".join(problems)


def _ui_literals() -> tuple[set[tuple[str, str]], set[str]]:
    """(context, text) of every translate()/tr() call with literals in kvmgui/ui, and every
    other string literal there (the candidates for an unmarked user-visible string)."""
    marked: set[tuple[str, str]] = set()
    others: set[str] = set()
    for path in (REPO / "kvmgui" / "ui").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and node.body and isinstance(node.body[0], ast.Expr)
        }
        in_calls: set[int] = set()
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)] + [tree]:
            for node in ast.walk(cls):
                if not isinstance(node, ast.Call):
                    continue
                func = ast.unparse(node.func)
                args = node.args
                consts = [a.value for a in args if isinstance(a, ast.Constant)]
                if func in {"translate", "QCoreApplication.translate", "QT_TRANSLATE_NOOP"} and (
                    len(args) >= 2 and len(consts) >= 2 and isinstance(consts[1], str)
                ):
                    marked.add((str(consts[0]), consts[1]))
                    in_calls.update(id(a) for a in args)
                elif func.endswith(".tr") and args and isinstance(args[0], ast.Constant):
                    if isinstance(cls, ast.ClassDef):
                        marked.add((cls.name, str(args[0].value)))
                    in_calls.update(id(a) for a in args)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and id(node) not in docs and id(node) not in in_calls
                    and _LETTERS.search(node.value)):
                others.add(node.value)
    return marked, others


def test_the_ts_holds_every_marked_string() -> None:
    in_ts = {(c, s) for c, s, _ in _messages()}
    marked, _ = _ui_literals()
    missing = sorted(marked - in_ts)
    assert not missing, (
        "strings marked in kvmgui/ui but missing from the .ts (run scripts/update-translations "
        f"and translate them): {missing[:20]}"
    )


# English literals in kvmgui/ui that are not shown as they are: data passed to the runtime
# (translated there through the catalogue) and identifiers.
NOT_SHOWN = frozenset({"revert a snapshot of", "GPL-3.0-or-later", "no-display"})
_SENTENCE_WORDS = re.compile(
    r"\b(the|and|is|are|was|you|your|with|this|that|not|cannot|of|to|for|from|has|have|will|"
    r"would|no|a|an|on|in|at|by|or|it|its)\b",
    re.IGNORECASE,
)


def test_no_unmarked_sentence_in_the_ui_code() -> None:
    """A static net for what the widget walk cannot see (texts painted by a delegate, shown
    in a message box later): every English phrase in kvmgui/ui goes through translate()."""
    found = []
    for path in sorted((REPO / "kvmgui" / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = {id(c): n for n in ast.walk(tree) for c in ast.iter_child_nodes(n)}
        docs = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and node.body and isinstance(node.body[0], ast.Expr)
        }
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            parent = parents.get(id(node))
            if isinstance(parent, ast.JoinedStr):
                parent = parents.get(id(parent))
            if isinstance(parent, ast.Call):
                func = ast.unparse(parent.func)
                if func in {"translate", "QCoreApplication.translate", "re.compile"} or (
                    func.endswith(".tr") or func.startswith(("log.", "logging."))
                ):
                    continue
            text = node.value
            if (id(node) in docs or text in NOT_SHOWN or text.startswith("<")
                    or len(re.findall(r"[A-Za-z]{2,}", text)) < 2):
                continue
            if _SENTENCE_WORDS.search(text):
                found.append(f"{path.relative_to(REPO)}:{node.lineno}: {text!r}")
    assert not found, "English text not marked for translation:\n" + "\n".join(found)


def _core_templates() -> list[tuple[str, str, str]]:
    """(context, template, where) of every QT_TRANSLATE_NOOP("…", "…") in kvmgui/core and
    kvmgui/runtime, found the way pyside6-lupdate finds them (literal arguments)."""
    found = []
    for folder in ("core", "runtime"):
        for path in sorted((REPO / "kvmgui" / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if (isinstance(node, ast.Call) and ast.unparse(node.func) == "QT_TRANSLATE_NOOP"
                        and len(node.args) == 2
                        and all(isinstance(a, ast.Constant) for a in node.args)):
                    context, text = (a.value for a in node.args)  # type: ignore[attr-defined]
                    found.append((context, text, f"{path.relative_to(REPO)}:{node.lineno}"))
    return found


def test_every_core_and_runtime_template_is_in_the_catalogue() -> None:
    """A sentence core or runtime can make is translated: its template is in the .ts."""
    templates = _core_templates()
    assert len(templates) > 500  # the extraction itself works
    translated = {
        (c, s) for c, s, m in _messages()
        if (m.find("translation") is not None
            and m.find("translation").get("type") is None)  # type: ignore[union-attr]
    }
    missing = [f"{where}: {context}: {text!r}" for context, text, where in templates
               if (context, text) not in translated]
    assert not missing, (
        "core/runtime templates missing from kvmgui_fr.ts or untranslated (run "
        "scripts/update-translations and translate them):\n" + "\n".join(missing)
    )


def test_messages_are_built_from_marked_templates() -> None:
    """Every Message(...) in core/runtime starts from a template: a QT_TRANSLATE_NOOP call,
    or a name/attribute holding one (tables of templates) — never a str built at run time,
    which no catalogue could hold."""
    loose = []
    for folder in ("core", "runtime"):
        for path in sorted((REPO / "kvmgui" / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not (isinstance(node, ast.Call) and ast.unparse(node.func) == "Message"):
                    continue
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Call) and ast.unparse(first.func) == "QT_TRANSLATE_NOOP":
                    continue
                if isinstance(first, ast.Name | ast.Attribute | ast.Subscript | ast.IfExp):
                    continue
                if path.name == "messages.py":  # the one place that rebuilds a copy
                    continue
                loose.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert not loose, "Message() without a marked template: " + ", ".join(loose)


# ----------------------------------------------------------------------------- loading


@pytest.fixture
def french(qapp: QApplication) -> Iterator[QTranslator]:
    translator = i18n.install_translator(qapp, FRENCH)
    assert translator is not None, "no French translation found"
    yield translator
    i18n.remove_translator(qapp, translator)


def test_lang_fr_selects_the_translation(tmp_path: Path) -> None:
    env = {**os.environ, "LANG": "fr_FR.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": "",
           "QT_QPA_PLATFORM": "offscreen"}
    code = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from kvmgui.ui.i18n import install_translator, translate, language_code\n"
        "app = QCoreApplication(sys.argv)\n"
        "t = install_translator(app)\n"
        "print(language_code(), translate('VmActions', 'Shut &down'),"
        " translate('QWizard', '&Next >'), sep='|')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=REPO, check=True,
                         capture_output=True, text=True).stdout.strip()
    assert out == "fr|É&teindre|&Suivant >"
    env["LANG"] = "en_GB.UTF-8"
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=REPO, check=True,
                         capture_output=True, text=True).stdout.strip()
    assert out == "en|Shut &down|&Next >"


@pytest.mark.skipif(not (shutil.which("pyside6-lrelease")
                         or (Path(sys.executable).parent / "pyside6-lrelease").exists()),
                    reason="pyside6-lrelease is not installed")
def test_compiled_qm_gives_the_same_answers(qapp: QApplication, tmp_path: Path) -> None:
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    qm = tmp_path / "kvmgui_fr.qm"
    subprocess.run([str(lrelease if lrelease.exists() else "pyside6-lrelease"), "-silent",
                    str(TS), "-qm", str(qm)], check=True)
    compiled = QTranslator()
    assert compiled.load(str(qm))
    for context, source, msg in _messages():
        tr = msg.find("translation")
        if msg.get("numerus") == "yes" or tr is None:
            continue
        assert compiled.translate(context, source) == tr.text, (context, source)


# ----------------------------------------------------------------------------- core_text


def _host_variants() -> Iterator[hostcheck.HostProbeResult]:
    base = hostcheck.HostProbeResult(
        cpu_count=4, user="alice", kvm_group_exists=True, vm_root="/home/alice/VMs",
        free_bytes=50 * 1024**3, mem_total_kib=8_000_000, kernel_release="6.1.0",
        qemu_path="/usr/bin/qemu-system-x86_64", qemu_version=(7, 2, 0),
        qemu_img_path="/usr/bin/qemu-img", qemu_img_version=(7, 2, 0),
    )
    good_kvm = dict(cpu_vmx=True, modules=frozenset({"kvm", "kvm_intel"}), dev_kvm_exists=True,
                    dev_kvm_is_char=True, dev_kvm_mode=0o660, dev_kvm_group="kvm",
                    kvm_api_version=12, kvm_create_vm_ok=True, in_kvm_group_listed=True,
                    in_kvm_group_session=True)
    variants: list[dict[str, Any]] = [
        {},
        good_kvm,
        {**good_kvm, "in_kvm_group_session": False, "kvm_open_errno": 13},
        {**good_kvm, "in_kvm_group_listed": False, "in_kvm_group_session": False,
         "kvm_open_errno": 13},
        {**good_kvm, "is_root": True, "kvm_open_errno": 13, "dev_kvm_mode": 0o600},
        {**good_kvm, "kvm_create_vm_ok": False, "kvm_create_vm_errno": 16,
         "modules": frozenset({"kvm", "kvm_intel", "vboxdrv"}), "kernel_release": "6.12.1"},
        {**good_kvm, "modules": frozenset({"kvm", "kvm_intel", "vmmon"})},
        {**good_kvm, "kvm_open_errno": 5},
        {**good_kvm, "kvm_api_version": 11},
        {**good_kvm, "kvm_api_version": None},
        {**good_kvm, "dev_kvm_exists": False},
        {**good_kvm, "dev_kvm_is_char": False},
        {"cpu_hypervisor": True, "modules": frozenset({"kvm", "kvm_pvm"}), "dev_kvm_exists": True,
         "dev_kvm_is_char": True, "kvm_api_version": 12, "kvm_create_vm_ok": True,
         "dmi_product_name": "Standard PC (Q35 + ICH9, 2009)"},
        {"cpu_svm": True, "cpu_hypervisor": True, "modules": frozenset({"kvm", "kvm_amd"})},
        {"modules": None, "free_bytes": None, "pipewire_socket": "/run/user/1000/pipewire-0"},
        {"qemu_path": None, "qemu_img_path": "/usr/bin/qemu-img", "qemu_img_version": None,
         "qemu_img_version_text": "qemu-img 0.0", "free_bytes": 2 * 1024**3,
         "pulse_socket": "/run/user/1000/pulse/native", "remote_viewer_path": "/usr/bin/rv",
         "swtpm_path": "/usr/bin/swtpm", "ovmf_code": "/usr/share/OVMF/OVMF_CODE_4M.fd",
         "ovmf_vars": "/usr/share/OVMF/OVMF_VARS_4M.fd"},
        {"qemu_version": (6, 2, 0), "kvm_group_exists": False},
        {**good_kvm, "cpu_hypervisor": True, "dmi_product_name": "KVM",
         "pulse_socket": "/run/user/1000/pulse/native",
         "qemu_audio_drivers": frozenset({"none", "alsa"})},
        {"pipewire_socket": "/run/user/1000/pipewire-0", "qemu_audio_drivers": frozenset({"none"}),
         "cpu_svm": True, "modules": frozenset({"kvm", "kvm_pvm", "vboxdrv"})},
    ]
    for overrides in variants:
        yield replace(base, **overrides)


def _still_english(original: str, shown: str) -> bool:
    """The translation left English behind: unchanged, or with English words in it."""
    if original.startswith("sudo ") or _is_proper(original):
        return False  # a command or a name: the same in every language
    return shown == original or bool(ENGLISH_WORDS.search(re.sub(r"\S*/\S*", " ", shown)))


def test_host_check_sentences_are_french(french: QTranslator) -> None:
    left = set()
    for raw in _host_variants():
        report = hostcheck.report(raw)
        texts = [report.accel_reason, report.facts.kvm_reason]
        for f in report.findings:
            texts += [f.title, f.message, f.fix, f.details]
        for text in texts:
            if text and _still_english(text, i18n.core_text(text)):
                left.add(f"{text!r} -> {i18n.core_text(text)!r}")
    assert not left, "\n".join(sorted(left))


def test_validation_and_sizes_are_french(french: QTranslator, tmp_path: Path) -> None:
    from kvmgui.core.host import HostFacts
    from kvmgui.core.model import Disk
    from kvmgui.core.validation import validate_name, validate_spec

    host = HostFacts(kvm_usable=False, kvm_reason="x", cpu_count=2, memory_mib=2048,
                     available_memory_mib=1024)
    spec = new_spec("x", OsPreset.WINDOWS11, memory_mib=4096, cpus=8,
                    disks=(Disk(path=str(tmp_path / "nope" / "d.qcow2"), size_bytes=0),))
    problems = validate_spec(spec, host=host) + validate_name(" .a/b ", ["other"])
    problems += validate_name("Other", ["other"])
    assert len(problems) >= 6
    left = [f"{p.message!r} -> {i18n.core_text(p.message)!r}" for p in problems
            if _still_english(p.message, i18n.core_text(p.message))]
    assert not left, "\n".join(left)
    assert i18n.format_size(1536 * 1024**2) == "1,5 Gio"
    assert i18n.format_size(0) == "0 octets"


def test_every_core_template_comes_out_french(french: QTranslator) -> None:
    """Each template of core/runtime, translated and filled with sample values, is French."""
    left = []
    for context, template, where in _core_templates():
        if context == "Punctuation" or template.strip().startswith("sudo "):
            continue
        shown = QCoreApplication.translate(context, template)
        same = shown == template and not ENGLISH_WORDS.search(template)  # "VT-x (vmx)"
        commands = re.sub(r"\S*[/-]\S*|\$\w+|\{\w+\}", " ", shown)  # paths, options, $USER
        if (shown == template and not same) or ENGLISH_WORDS.search(commands):
            left.append(f"{where}: {template!r} -> {shown!r}")
    assert not left, "\n".join(left)


def test_advisor_sentences_are_french(french: QTranslator) -> None:
    from kvmgui.core.advisor import static_hints
    from kvmgui.core.advisor_texts import TEXTS

    left = [text.text for text in TEXTS.values()
            if _still_english(text.text, i18n.template_text(text))]
    assert not left, "\n".join(left)
    disk = Disk(path="disk.qcow2", bus=DiskBus.IDE, cache=CacheMode.UNSAFE)
    (ide, cache) = static_hints(new_spec("deb", OsPreset.LINUX, disks=(disk,)))
    assert i18n.core_text(ide.title) == "Un disque utilise la lente émulation IDE"
    message = i18n.core_text(ide.message)
    assert "«\u00a0deb\u00a0»" in message and "disk.qcow2" in message
    assert i18n.core_text(cache.title) == "Un disque n'utilise pas le cache writeback"


def test_composed_messages_are_translated_part_by_part(french: QTranslator) -> None:
    inner = Message(QT_TRANSLATE_NOOP("Test", "the {what}"), what="disk")
    outer = Message(QT_TRANSLATE_NOOP("Test", "Found {inner} of {size}"), inner=inner,
                    size=Size(1536 * 1024**2))
    assert str(outer) == "Found the disk of 1.5 GiB"
    assert i18n.core_text(joined([outer, "raw"])) == "Found the disk of 1,5 Gio\u00a0; raw"


def test_english_stays_english(qapp: QApplication) -> None:
    assert i18n.language_code() == "en"
    text = Message(QT_TRANSLATE_NOOP("core.validation", "'{name}' needs a disk."), name="a {b}")
    assert i18n.core_text(text) == text == "'a {b}' needs a disk."
    assert i18n.core_text("plain data") == "plain data"
    assert i18n.format_size(1536 * 1024**2) == "1.5 GiB"


# ----------------------------------------------------------------------------- the widgets


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return int(model.columnCount(parent))
    except TypeError:  # PySide hides columnCount() of list models: they have one column
        return 1


class Texts:
    """Every user-visible string under some widgets, with where it was found."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []

    def add(self, where: str, text: str | None) -> None:
        if text and text.strip():
            self.items.append((where, text))

    def model(self, where: str, model: QAbstractItemModel | None) -> None:
        if model is None:
            return
        roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                 Qt.ItemDataRole.AccessibleTextRole)
        for orient, count in ((Qt.Orientation.Horizontal, _columns(model, QModelIndex())),
                              (Qt.Orientation.Vertical, 0)):
            for section in range(count):
                for role in roles:
                    value = model.headerData(section, orient, role)
                    if isinstance(value, str):
                        self.add(f"{where} header", value)

        def walk(parent: QModelIndex) -> None:
            for row in range(model.rowCount(parent)):
                for col in range(_columns(model, parent)):
                    index = model.index(row, col, parent)
                    for role in roles:
                        value = model.data(index, role)
                        if isinstance(value, str):
                            self.add(f"{where} item", value)
                    if col == 0 and model.rowCount(index) > 0:
                        walk(index)

        walk(QModelIndex())

    def actions(self, where: str, widget: QWidget) -> None:
        for action in widget.actions():
            self.add(f"{where} action", action.text())
            self.add(f"{where} action tip", action.toolTip() if action.toolTip() != _plain(
                action.text()) else "")
            self.add(f"{where} action status", action.statusTip())
            menu = action.menu()
            if isinstance(menu, QMenu):
                self.add(f"{where} menu", menu.title())
                self.actions(f"{where} › {_plain(menu.title())}", menu)

    def widget(self, root: QWidget) -> None:
        for w in [root, *root.findChildren(QWidget)]:
            name = f"{type(root).__name__}/{type(w).__name__}:{w.objectName()}"
            if w.isWindow():
                self.add(f"{name} title", w.windowTitle())
            self.add(f"{name} tooltip", w.toolTip())
            self.add(f"{name} status tip", w.statusTip())
            self.add(f"{name} what's this", w.whatsThis())
            self.add(f"{name} accessible name", w.accessibleName())
            self.add(f"{name} accessible description", w.accessibleDescription())
            self.actions(name, w)
            if isinstance(w, QLabel | QAbstractButton):
                self.add(f"{name} text", w.text())
            elif isinstance(w, QGroupBox):
                self.add(f"{name} title", w.title())
            elif isinstance(w, QLineEdit | QTextEdit | QPlainTextEdit):
                self.add(f"{name} placeholder", w.placeholderText())
            elif isinstance(w, QComboBox):
                for i in range(w.count()):
                    self.add(f"{name} item", w.itemText(i))
            elif isinstance(w, QSpinBox | QDoubleSpinBox):
                self.add(f"{name} suffix", w.suffix())
                self.add(f"{name} prefix", w.prefix())
                self.add(f"{name} special", w.specialValueText())
            elif isinstance(w, QTabBar):
                for i in range(w.count()):
                    self.add(f"{name} tab", w.tabText(i))
                    self.add(f"{name} tab tip", w.tabToolTip(i))
            elif isinstance(w, QTabWidget):
                for i in range(w.count()):
                    self.add(f"{name} tab", w.tabText(i))
            elif isinstance(w, QWizard):
                for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                              QWizard.WizardButton.FinishButton,
                              QWizard.WizardButton.CancelButton):
                    self.add(f"{name} button", w.buttonText(which))
                for page_id in w.pageIds():
                    page = w.page(page_id)
                    self.add(f"{name} page title", page.title())
                    self.add(f"{name} page subtitle", page.subTitle())
            if isinstance(w, QAbstractItemView):
                self.model(name, w.model())
            if isinstance(w, QMainWindow):
                self.actions(f"{name} menu bar", w.menuBar())
            del w


def _english_sources() -> tuple[set[str], list[re.Pattern[str]], set[str]]:
    """Source texts whose French differs (exact texts, and templates with placeholders), and
    all French translations (a text that is one of them is French, even if it looks like an
    English source elsewhere)."""
    exact: set[str] = set()
    templates: list[re.Pattern[str]] = []
    french: set[str] = set()
    for _context, source, msg in _messages():
        tr = msg.find("translation")
        text = tr.text if tr is not None and tr.text else ""
        french.add(_plain(text))
        if _plain(text) == _plain(source):
            continue
        plain = _plain(source)
        if not _PLACEHOLDER.search(plain):
            exact.add(plain)
            continue
        pieces = _PLACEHOLDER.split(plain)
        if sum(len(_LETTERS.findall(p)) for p in pieces) < 2:
            continue  # "{0}: {1}" fits any text
        templates.append(re.compile("(?:.*?)".join(re.escape(p) for p in pieces), re.DOTALL))
    return exact, templates, french


def _is_proper(text: str) -> bool:
    text = re.sub(r"\S*/\S*", " ", text)  # paths: /dev/kvm, /usr/bin/qemu-img
    words = re.findall(r"[A-Za-z][A-Za-z0-9_+.-]*", text)
    return all(w.strip(".") in PROPER_NOUNS or not _LETTERS.search(w) for w in words)


def _english_found(texts: Texts, data: set[str]) -> list[str]:
    exact, templates, french = _english_sources()
    _, unmarked = _ui_literals()
    unmarked_plain = {_plain(u) for u in unmarked} - french
    found = []
    for where, raw in texts.items:
        text = _plain(raw)
        if text in french or text in data or _is_proper(text):
            continue
        # Data shown inside a French sentence (a VM name, a path) is not English.
        scrubbed = text
        for value in sorted(data, key=len, reverse=True):
            scrubbed = scrubbed.replace(value, " ")
        why = ""
        if text in exact:
            why = "an English source string, not translated"
        elif text in unmarked_plain:
            why = "an English string never marked for translation"
        elif any(t.fullmatch(text) for t in templates):
            why = "made from an English template"
        elif ENGLISH_WORDS.search(scrubbed):
            why = "English words"
        if why:
            found.append(f"{where}: {raw!r} ({why})")
    return sorted(set(found))


def _mnemonic(text: str) -> str | None:
    m = re.search(r"&([^&\s])", text)
    return m.group(1).lower() if m else None


def _mnemonic_clashes(root: QWidget) -> list[str]:
    """Accelerator letters used twice among the visible controls of one window page, and
    among the tabs of one tab bar. (A tab's letter may repeat one on its page, as in the
    English texts: the tab takes Alt+letter only where the page has no such control.)"""
    keys: dict[str, list[str]] = {}
    clashes: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible() or w.window() is not root:
            continue
        text = ""
        if isinstance(w, QAbstractButton) and not isinstance(w, QToolButton):
            text = w.text()  # (a tool button shows its action's text without a mnemonic)
        elif isinstance(w, QLabel) and w.buddy() is not None:
            text = w.text()
        elif isinstance(w, QGroupBox) and w.isCheckable():
            text = w.title()
        key = _mnemonic(text)
        if key:
            keys.setdefault(key, []).append(_plain(text))
        if isinstance(w, QTabBar):
            tabs: dict[str, list[str]] = {}
            for i in range(w.count()):
                key = _mnemonic(w.tabText(i))
                if key:
                    tabs.setdefault(key, []).append(_plain(w.tabText(i)))
            clashes += [f"tabs &{k}: {v}" for k, v in tabs.items() if len(v) > 1]
    # The same control repeated (a Browse… button per path field) is one choice, cycled by
    # Qt; different controls sharing a letter is the clash.
    return clashes + [f"&{k}: {v}" for k, v in keys.items() if len(set(v)) > 1]


@pytest.mark.qemu
def test_every_window_is_in_french(qtbot: Any, french: QTranslator, live_ctx: Any,
                                   run_async: Any, tmp_path: Path) -> None:
    from kvmgui.ui.main_window import MainWindow

    ctx = live_ctx
    # An IDE disk without writeback cache: the Overview shows the advisor's two hints.
    disk = Disk(path="disk.qcow2", bus=DiskBus.IDE, cache=CacheMode.NONE, size_bytes=1 << 30)
    linux = ctx.store.create(new_spec("debian-live", OsPreset.LINUX, disks=(disk,)))
    ctx.store.create(new_spec("windows-10", OsPreset.WINDOWS10))
    data = {"debian-live", "windows-10", str(ctx.store.root), str(tmp_path), "kvmgui"}
    data |= {str(vm.folder.dir) for vm in ctx.store.load_all().vms}

    texts = Texts()
    clashes: list[str] = []
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    run_async(window.startup(), timeout=90)
    window.select(linux.spec.id)
    for view in ("grid", "table"):
        window.set_view(view)
        texts.widget(window)
    clashes += _mnemonic_clashes(window)

    # The wizard, page by page, with a missing ISO (a validation problem) and a taken name.
    wiz = window.open_wizard()
    qtbot.waitUntil(lambda: wiz.model.env_ready, timeout=90_000)
    wiz.source_page.iso.set_text(str(tmp_path / "absent.iso"))
    for _ in range(len(wiz.pageIds())):
        texts.widget(wiz)
        clashes += _mnemonic_clashes(wiz)
        wiz.next()
    wiz.summary_page.name.setText("debian-live")
    texts.widget(wiz)
    wiz.reject()

    details = window.open_vm_window(linux.spec.id, "overview")
    qtbot.waitUntil(lambda: bool(details.overview.command.text.toPlainText().strip()),
                    timeout=30_000)
    for i in range(details.tabs.count()):
        details.tabs.setCurrentIndex(i)
        qtbot.wait(50)
        texts.widget(details)
        clashes += _mnemonic_clashes(details)
    details.close()

    prefs = window.open_preferences()
    for i in range(prefs.tabs.count()):
        prefs.tabs.setCurrentIndex(i)
        texts.widget(prefs)
        clashes += _mnemonic_clashes(prefs)
    prefs.reject()

    host = window.open_host_check()
    qtbot.waitUntil(lambda: bool(host.rows), timeout=60_000)
    texts.widget(host)
    clashes += _mnemonic_clashes(host)
    host.close()

    window.about_action.trigger()
    about = next(d for d in window.dialogs if isinstance(d, AboutDialog))
    qtbot.waitUntil(lambda: "…" not in about.qemu.text(), timeout=30_000)
    texts.widget(about)
    clashes += _mnemonic_clashes(about)
    about.reject()

    connection = window.open_add_connection()
    texts.widget(connection)
    clashes += _mnemonic_clashes(connection)
    connection.close()

    window.open_console(linux.spec.id)  # a stopped VM's console page and its tools
    texts.widget(window)
    window.show_list()

    assert len(texts.items) > 300  # the walk really saw the windows
    if os.environ.get("KVMGUI_DUMP_TEXTS"):  # to read what the walk saw
        Path(os.environ["KVMGUI_DUMP_TEXTS"]).write_text(
            "\n".join(f"{w}\t{t!r}" for w, t in texts.items), encoding="utf-8")
    english = _english_found(texts, data)
    assert not english, "English in the French UI:\n" + "\n".join(english)
    assert not clashes, "accelerators used twice on one page:\n" + "\n".join(sorted(set(clashes)))
    window._really_close = True
    window.close()


def test_spinbox_suffixes_are_translated(qtbot: Any, french: QTranslator, ctx: Any) -> None:
    from kvmgui.ui.preferences import PreferencesDialog

    dialog = PreferencesDialog(ctx)
    qtbot.addWidget(dialog)
    suffixes = {w.suffix() for w in dialog.findChildren(QAbstractSpinBox)
                if isinstance(w, QSpinBox | QDoubleSpinBox)}
    assert " Mio" in suffixes and " MiB" not in suffixes
