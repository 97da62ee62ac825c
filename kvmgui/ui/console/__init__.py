"""The embedded guest console: a Qt view of a VM's VNC display (see ConsoleWidget)."""

from kvmgui.ui.console.send_keys import build_send_keys_menu, combo_label
from kvmgui.ui.console.state import ConnectionState, VmDisplayState, reconnect_delay
from kvmgui.ui.console.toolbar import ConsoleToolBar
from kvmgui.ui.console.widget import ConsoleWidget
from kvmgui.ui.console.window import ConsoleWindow

__all__ = [
    "ConnectionState",
    "ConsoleToolBar",
    "ConsoleWidget",
    "ConsoleWindow",
    "VmDisplayState",
    "build_send_keys_menu",
    "combo_label",
    "reconnect_delay",
]
