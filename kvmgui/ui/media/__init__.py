"""The media and disk tools of the desktop app (issue 6): test a USB stick, disk image tools,
snapshots, clones, copy to a device, restore a backup.

Each dialog is a thin layer over kvmgui.runtime (images, clones, copy_device, snapshots, live);
`entries.install_main_window_entries` adds their menu entries to the main window.
"""
