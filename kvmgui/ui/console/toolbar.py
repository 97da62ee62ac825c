"""The console's tool bar: scaling, full screen, send keys, paste as keystrokes, clipboard
sharing, screenshot, detach/attach.

Used by ConsoleWindow, and usable above a ConsoleWidget embedded in the main window (with
detached=False its last action says "Detach" and emits detachRequested).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import QDateTime, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QImage, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QWidget,
)

from kvmgui.runtime.images import ImageError, commit_temp, remove_quietly, temp_path_for
from kvmgui.runtime.write_guard import WriteGuard
from kvmgui.ui.console.image import save_png
from kvmgui.ui.console.paste_keys import KeystrokePaster
from kvmgui.ui.console.send_keys import build_send_keys_menu
from kvmgui.ui.console.state import ConnectionState
from kvmgui.ui.console.widget import ConsoleWidget
from kvmgui.ui.i18n import core_text


class ConsoleToolBar(QToolBar):
    fullscreenToggled = Signal(bool)
    detachRequested = Signal()
    attachRequested = Signal()
    screenshotSaved = Signal(str)  # the file written

    def __init__(
        self,
        console: ConsoleWidget,
        parent: QWidget | None = None,
        *,
        detached: bool = False,
        screenshot_name: str = "screenshot",
        write_guard: WriteGuard | None = None,
        paster: KeystrokePaster | None = None,
    ) -> None:
        super().__init__(parent)
        self._console = console
        # Types the clipboard into the VM over its monitor; without one (a console not tied
        # to a VM kvmgui runs) the action is hidden.
        self.paster = paster
        # Which VMs' files a screenshot must never replace (without one: none known, but
        # read-only files, folders and loop-mounted files are still refused).
        self._write_guard = write_guard
        self.save_task: asyncio.Future[None] | None = None  # the last save (tests await it)
        self._detached = detached
        self._screenshot_name = screenshot_name
        self.setWindowTitle(self.tr("Console"))
        self.setAccessibleName(self.tr("Console tools"))
        self.setObjectName("console-toolbar")
        self.save_dialog: QFileDialog | None = None  # the last one opened (tests look)
        self.error_box: QMessageBox | None = None

        self.fit_action = QAction(self.tr("Fit to Window"), self)
        self.fit_action.setCheckable(True)
        self.fit_action.setChecked(console.fit_to_window())
        self.fit_action.setToolTip(
            self.tr("Scale the screen to the window; off shows one guest pixel per screen pixel")
        )
        self.fit_action.toggled.connect(console.set_fit_to_window)
        console.fitToWindowChanged.connect(self.fit_action.setChecked)

        self.fullscreen_action = QAction(self.tr("Full Screen"), self)
        self.fullscreen_action.setCheckable(True)
        self.fullscreen_action.setShortcut(QKeySequence("F11"))
        self.fullscreen_action.setToolTip(
            self.tr("Show only the screen (F11, or Ctrl+Alt+F inside the console)")
        )
        self.fullscreen_action.toggled.connect(self.fullscreenToggled)
        console.fullscreenRequested.connect(self.fullscreen_action.toggle)

        self.send_keys_menu = build_send_keys_menu(self, console.send_combo)
        self.send_keys_action = self.send_keys_menu.menuAction()
        self.send_keys_action.setToolTip(
            self.tr("Send a key combination the host would otherwise catch, like Ctrl+Alt+Del")
        )

        self.clipboard_action = QAction(self.tr("Share Clipboard"), self)
        self.clipboard_action.setCheckable(True)
        self.clipboard_action.setChecked(console.clipboard_sharing())
        self.clipboard_action.setToolTip(
            self.tr(
                "Share copied text between this computer and the virtual machine. The guest "
                "needs the SPICE agent (spice-vdagent); if the VM was started without "
                "clipboard sharing, it takes effect at its next start."
            )
        )
        self.clipboard_action.toggled.connect(console.set_clipboard_sharing)
        console.clipboardSharingChanged.connect(self.clipboard_action.setChecked)
        self.paste_keys_action = QAction(self.tr("Paste as Keystrokes"), self)
        self.paste_keys_action.setObjectName("paste-as-keystrokes")
        self.paste_keys_action.setToolTip(
            self.tr("Type the text on the clipboard into the virtual machine as key presses: "
                    "works where pasting does not, such as installers and text consoles")
        )
        self.paste_keys_action.setVisible(paster is not None)
        if paster is not None:
            self.paste_keys_action.triggered.connect(lambda: paster.paste_clipboard(self))
            self.send_keys_menu.addSeparator()
            self.send_keys_menu.addAction(self.paste_keys_action)

        self.screenshot_action = QAction(self.tr("Screenshot…"), self)
        self.screenshot_action.setToolTip(self.tr("Save the screen as a PNG image"))
        # The Print Screen key: the standard "Print" sequence is Ctrl+P, which is Pause.
        self.screenshot_action.setShortcut(QKeySequence(Qt.Key.Key_Print))
        self.screenshot_action.triggered.connect(self.choose_screenshot_file)

        if detached:
            self.dock_action = QAction(self.tr("Attach to Main Window"), self)
            self.dock_action.setToolTip(self.tr("Put the console back into the main window"))
            self.dock_action.triggered.connect(self.attachRequested)
        else:
            self.dock_action = QAction(self.tr("Detach"), self)
            self.dock_action.setToolTip(self.tr("Show the console in its own window"))
            self.dock_action.triggered.connect(self.detachRequested)

        for action in (
            self.fit_action,
            self.fullscreen_action,
            self.send_keys_action,
            self.paste_keys_action,
            self.clipboard_action,
            self.screenshot_action,
            self.dock_action,
        ):
            self.addAction(action)
            button = self.widgetForAction(action)
            if button is not None:
                button.setAccessibleName(action.text().rstrip("…"))
                button.setAccessibleDescription(action.toolTip())
        # Always in sight: whether keys go to the guest, and how to get them back.
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.spacer_action = self.addWidget(spacer)  # the host's own actions go before it
        self.grab_label = QLabel(self)
        self.grab_label.setObjectName("console-grab-hint")
        self.grab_label.setContentsMargins(6, 0, 6, 0)
        # Wrapped onto two lines when the tools leave it too little room: a tool bar hides a
        # widget that does not fit, and this one tells how to get the keyboard back.
        self.grab_label.setWordWrap(True)
        self.addWidget(self.grab_label)
        console.grabChanged.connect(self._update_grab_label)
        console.connectionStateChanged.connect(self._update_grab_label)
        self._update_grab_label()
        keys_button = self.widgetForAction(self.send_keys_action)
        if isinstance(keys_button, QToolButton):
            keys_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._update_enabled()
        console.connectionStateChanged.connect(self._update_enabled)
        # Whether there is a picture to save: the size is (0, 0) when there is none. A signal,
        # not a look at every paint: an event filter on the console would run Python for
        # each of its 30 paints a second.
        console.displaySizeChanged.connect(self._update_enabled)

    def _update_enabled(self, *_: object) -> None:
        connected = self._console.connection_state == ConnectionState.CONNECTED
        self.send_keys_action.setEnabled(connected)
        self.paste_keys_action.setEnabled(connected and self.paster is not None)
        # A screenshot of the last frame is still useful after the connection dropped.
        self.screenshot_action.setEnabled(not self._console.display_size().isEmpty())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._update_grab_label()  # back from full screen: the hint's keys differ there

    def _update_grab_label(self, *_: object) -> None:
        console = self._console
        if console.is_grabbed():
            text = console.grab_hint_text()
        elif console.connection_state == ConnectionState.CONNECTED:
            text = self.tr("Click the screen to type in the VM")
        else:
            text = ""
        self.grab_label.setText(text)
        self.grab_label.setAccessibleName(text)

    def screenshot_folder(self) -> Path:
        """The user's pictures folder (created if missing), or the home folder."""
        location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        if location:
            folder = Path(location)
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError:
                return Path.home()
            return folder
        return Path.home()

    def default_screenshot_path(self) -> Path:
        stamp = QDateTime.currentDateTime().toString("yyyy-MM-dd-HHmmss")
        return self.screenshot_folder() / f"{self._screenshot_name}-{stamp}.png"

    def choose_screenshot_file(self) -> QFileDialog | None:
        """Ask for a file name (non-blocking dialog), then save."""
        image = self._console.image()  # the moment the user asked, not when the dialog closes
        if image.isNull():
            self._update_enabled()
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Nothing to save"),
                self.tr("The console shows no screen yet, so there is nothing to save."),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()  # not exec(): no nested event loop under qasync
            return None
        return self._open_save_dialog(image, str(self.default_screenshot_path()))

    def _open_save_dialog(self, image: QImage, path: str, error: str = "") -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Save Screenshot"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PNG images (*.png)"))
        dialog.setDefaultSuffix("png")
        # A folder that does not exist (any more) would be read as a name inside the current
        # one: start in the pictures folder then, with the same file name.
        folder = Path(path).parent
        dialog.setDirectory(str(folder if folder.is_dir() else self.screenshot_folder()))
        dialog.selectFile(Path(path).name)
        dialog.setAccessibleName(self.tr("Save Screenshot"))
        dialog.fileSelected.connect(lambda chosen: self._save(image, chosen))
        self.save_dialog = dialog
        dialog.open()  # not exec(): no nested event loop under qasync
        if error:
            # The choice failed: the dialog is back, with the reason on top of it.
            box = QMessageBox(
                QMessageBox.Icon.Warning, self.tr("Screenshot not saved"), error,
                QMessageBox.StandardButton.Ok, dialog,
            )  # fmt: skip
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            self.error_box = box
        return dialog

    def _save(self, image: QImage, path: str) -> None:
        # The dialog's own question ("replace it?") was the explicit choice to overwrite; the
        # guard still refuses what must never be replaced (a VM's disk, a base of linked
        # clones, a file behind a mounted loop device, a read-only file, a folder). It reads
        # backing chains with qemu-img, so it runs as a task, never blocking this thread.
        self.save_task = asyncio.ensure_future(self._check_and_save(image, path))

    async def _check_and_save(self, image: QImage, path: str) -> None:
        guard = self._write_guard if self._write_guard is not None else WriteGuard()
        verdict = await guard.check(path, overwrite=True)
        if not verdict.ok:
            self._open_save_dialog(image, path, core_text(verdict.message))
            return
        if not await self._write_png(image, Path(path)):
            self._open_save_dialog(
                image,
                path,
                self.tr(
                    "The screenshot could not be written to %1; choose another folder or name."
                ).replace("%1", path),
            )
            return
        top = self.window()
        if isinstance(top, QMainWindow):
            top.statusBar().showMessage(
                self.tr("Screenshot saved to %1.").replace("%1", path), 8000
            )
        self.screenshotSaved.emit(path)

    @staticmethod
    async def _write_png(image: QImage, target: Path) -> bool:
        """Write next to `target`, then rename onto it: an existing file (or the file a
        symbolic link points to) is replaced whole, never written through."""
        staged = temp_path_for(target)
        try:
            if not save_png(image, str(staged)):
                return False
            await asyncio.to_thread(commit_temp, staged, target, overwrite=True)
        except (OSError, ImageError):
            return False
        finally:
            await asyncio.to_thread(remove_quietly, staged)
        return True
