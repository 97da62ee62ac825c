"""Data files shipped with kvmgui: the icon, the desktop file, the AppStream metainfo and the
compiled translations.

This directory stays at the top of the repository (packagers and packaging/ find the desktop
files here) and is installed as the package `kvmgui.resources` (see [tool.setuptools] in
pyproject.toml). Read its files with importlib.resources, which works the same in a source
checkout, an editable install and a wheel:

    importlib.resources.files("kvmgui.resources") / "icons" / "io.github.kvmgui.KvmGui.svg"
"""
