"""The list of command modules, in the order they appear in `kvmgui-cli --help`."""

from __future__ import annotations

from types import ModuleType

MODULES: list[ModuleType] = []
