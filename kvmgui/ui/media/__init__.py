"""The media and disk tools of the desktop app: test a USB stick, disk image tools,
snapshots, clones, copy to a device, restore a backup.

Each dialog is a thin layer over kvmgui.runtime (images, clones, copy_device, snapshots, live).
The main window's menus open the dialogs; the VM window shows the Snapshots page and opens
the disk tools from its Hardware page.
"""
