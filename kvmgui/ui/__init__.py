"""kvmgui's Qt face: the windows, dialogs and widgets (the app's entry point is ui.app).

PySide6 is imported here, before any window module, for one start-up work-around. Importing
PySide6 replaces the interpreter's `__import__` with its own, which serves
`from __feature__ import snake_case, true_property` (PySide's optional Python-style names,
which kvmgui does not use) and, as a side effect, reads the source of every module imported
afterwards (inspect.getsource) to see whether it mentions PySide6. For kvmgui that is about
13 ms of the time to the first paint and 4.5 MiB of source lines kept in memory. The
interpreter's own `__import__` is put back once PySide6 is loaded; modules without an entry in
PySide's feature table get its default, "no feature", which is what they would get anyway.
When PySide6 was imported before this package (the test suite's pytest-qt does), its hook is
already in place and stays.
"""

import builtins

_interpreter_import = builtins.__import__

import PySide6.QtCore  # noqa: E402, F401  (see above)

if getattr(_interpreter_import, "__module__", None) == "builtins":
    builtins.__import__ = _interpreter_import
