"""What the app loads before its first paint (the start-up bench's figures depend on it)."""

from __future__ import annotations

import json
import subprocess
import sys

from kvmgui.ui.memory import return_free_memory


def _probe(program: str) -> str:
    """What `program` prints, run in a fresh interpreter (nothing loaded by other tests)."""
    return subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    ).stdout

# Not needed to paint the main window: loaded once it is on screen, or on first use.
NOT_BEFORE_THE_PAINT = (
    "asyncio",
    "qasync",
    "kvmgui.core.definition",
    "kvmgui.core.model",
    "kvmgui.core.store",
    "kvmgui.core.validation",
    "kvmgui.runtime.manager",
    "kvmgui.ui.views",
    "kvmgui.ui.console_view",
    "hashlib",
    "numpy",
    "uuid",
    "ctypes",
    "decimal",
)

PROBE = """
import builtins, json, sys
original = builtins.__import__
import kvmgui.ui.app
print(json.dumps({
    "modules": sorted(sys.modules),
    "import_is_the_interpreters": builtins.__import__ is original,
}))
"""


def test_the_first_paint_loads_only_what_it_shows() -> None:
    out = _probe(PROBE)
    probe = json.loads(out)
    loaded = [m for m in NOT_BEFORE_THE_PAINT if m in probe["modules"]]
    assert loaded == []
    # PySide6's __feature__ import hook is put back out of the way (kvmgui.ui's docstring).
    assert probe["import_is_the_interpreters"]


def test_free_memory_goes_back_without_harm() -> None:
    garbage = [bytes(4096) for _ in range(10_000)]
    del garbage
    return_free_memory()


IDLE_PROBE = """
import json, sys
import kvmgui.ui.app, kvmgui.ui.bridge, kvmgui.ui.thumbnails
import kvmgui.runtime.manager, kvmgui.runtime.host_probe
import {extra}
print(json.dumps(sorted(sys.modules)))
"""


def _loaded_at_rest(later: tuple[str, ...], extra: str = "kvmgui") -> list[str]:
    """Those of `later` that the runtime at rest (and `extra`) loads."""
    modules = json.loads(_probe(IDLE_PROBE.replace("{extra}", extra)))
    return [m for m in later if m in modules]


def test_the_runtime_at_rest_does_not_load_the_console() -> None:
    """numpy and the RFB client (about 5 MiB resident) come with the first console, the VM
    controllers' modules with the first VM, OpenSSL's digests (hashlib, also through secrets
    and hmac: 0.7 MiB) with the first VM read or file written, uuid with an old definition,
    the USB and extra-argument rules with the first full check of a definition, the
    performance advisor with the first running VM."""
    later = ("numpy", "kvmgui.runtime.rfb.client", "kvmgui.runtime.controller", "_hashlib",
             "uuid", "kvmgui.core.argv_extra", "kvmgui.core.usb_host",
             "kvmgui.runtime.advisor")  # fmt: skip
    assert _loaded_at_rest(later) == []


def test_stopped_vms_do_not_load_what_starts_or_drives_a_qemu() -> None:
    """Every VM in the list has a controller; QMP, the argv builder and the actions on a
    running guest (about 2.5 MiB resident) come with the first VM started or reattached."""
    later = ("qemu.qmp", "kvmgui.core.argv", "kvmgui.core.keyboard", "kvmgui.runtime.launch",
             "kvmgui.runtime.actions", "kvmgui.runtime.cd_media",
             "kvmgui.runtime.usb_host")  # fmt: skip
    assert _loaded_at_rest(later, extra="kvmgui.runtime.controller") == []


LIBRARY_PROBE = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from kvmgui.ui.app import _application
app = _application(["kvmgui"])
maps = open("/proc/self/maps").read()
print(" ".join(n for n in ("libQt6Svg", "iconengines") if n in maps))
"""


def test_the_app_icon_needs_no_svg_library() -> None:
    """The app icon is painted (kvmgui.ui.icons): Qt's SVG library and its icon engine
    plugin (1 MiB resident) stay out of the app."""
    out = _probe(LIBRARY_PROBE)
    assert out.split() == []


PAINT_PROBE = """
import gc, os, sys, tempfile
os.environ["QT_QPA_PLATFORM"] = "offscreen"
home = tempfile.mkdtemp()
for key in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"):
    os.environ[key] = os.path.join(home, key)
    os.makedirs(os.environ[key], mode=0o700)
from kvmgui.core.paths import AppPaths
from kvmgui.ui.app import _application, build
app = _application(["kvmgui"])
window = build(AppPaths.from_env())
window.show()
window.wait_painted()
window.visible_vm_ids()  # the thumbnails ask every few seconds
built = {t.__name__ for t in gc.get_objects() if isinstance(t, type)}
events = ("QGraphicsSceneEvent", "QTabletEvent", "QDropEvent")
dialogs = ("QMessageBox", "QFileDialog", "QComboBox", "QLineEdit", "QSpinBox", "QAbstractItemView")
print(" ".join(n for n in events + dialogs if n in built))
"""


def test_the_first_paint_builds_no_python_types_it_does_not_use() -> None:
    """PySide builds a Qt class's Python type (enums, methods) when it is first imported or
    met: an event filter written in Python meets all of Qt's event classes (0.5 MiB), the
    dialogs' classes are 0.6 MiB more; the window sees its first paint in paintEvent, and the
    dialogs' classes are imported where a dialog or box is made."""
    out = _probe(PAINT_PROBE)
    assert out.split() == []


VIEWPORT_PROBE = """
import gc, os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
from kvmgui.ui.models import VmListModel, VmRow
from kvmgui.ui.views import VmGridView, VmTableView
app = QApplication([])
model = VmListModel()
model.set_rows([VmRow("a" * 12, "alpha")])
views = [VmGridView(model), VmTableView(model)]
views[0].resize(600, 400)
views[0].grab()  # the cards painted
for view in views:
    view.viewport().rect()
built = {t.__name__ for t in gc.get_objects() if isinstance(t, type)}
print(" ".join(n for n in ("QCalendarWidget", "QMdiArea", "QWizard", "QStyle") if n in built))
"""


def test_the_vm_cards_build_no_wrappers_they_do_not_need() -> None:
    """The thumbnails ask the VM list for its viewport every few seconds: a viewport made by
    Qt would make PySide build the types of all of Qt's widget classes (0.9 MiB); a card
    reading its option's state would build QStyle's (0.5 MiB)."""
    out = _probe(VIEWPORT_PROBE)
    assert out.split() == []
