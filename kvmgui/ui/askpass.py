"""kvmgui-askpass: what ssh asks (a passphrase, a password, an unknown host key), in a dialog.

ssh runs the program named by SSH_ASKPASS with its prompt as the argument and reads the
answer from its standard output; a non-zero exit is "cancelled". The app gives this program
to the ssh it starts for libvirt connections and console tunnels, so a question reaches the
user even though no terminal is there. Nothing is kept: the answer goes to ssh's pipe and
the program ends.

SSH_ASKPASS_PROMPT (set by ssh) says what kind of question it is: "confirm" (yes or no,
answered by the exit status: an agent's key use), "none" (a notice, closed by ssh itself when
done: touch a security key); unset, a text to type, or the yes/no of an unknown host key,
whose prompt ends with "(yes/no/[fingerprint])?" and which is answered with "yes".

The prompt is ssh's text (with the host's name and key fingerprint in it): shown as plain
text, never as rich text.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping, Sequence
from enum import Enum, auto
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from kvmgui.ui.i18n import install_translator, remove_translator, translate
from kvmgui.ui.widgets import dialog_layout

PROGRAM = "kvmgui-askpass"


class Question(Enum):
    SECRET = auto()  # a passphrase or password, typed unseen
    YES_NO = auto()  # answered with "yes" on the output (an unknown host key)
    CONFIRM = auto()  # answered with the exit status
    NOTICE = auto()  # nothing to answer


def question_of(prompt: str, environ: Mapping[str, str]) -> Question:
    """What kind of question ssh asks with `prompt`."""
    kind = environ.get("SSH_ASKPASS_PROMPT", "")
    if kind == "confirm":
        return Question.CONFIRM
    if kind == "none":
        return Question.NOTICE
    if "(yes/" in prompt:  # "(yes/no)?", "(yes/no/[fingerprint])?"
        return Question.YES_NO
    return Question.SECRET


class AskpassDialog(QDialog):
    """ssh's prompt and the means to answer it; `answer()` after it was accepted."""

    def __init__(self, prompt: str, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        layout = dialog_layout(self, "askpass-dialog", self.tr("SSH asks"))
        self.prompt = QLabel(prompt.strip(), self)
        self.prompt.setObjectName("askpass-prompt")
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.prompt.setWordWrap(True)
        self.prompt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.prompt)
        self.field: QLineEdit | None = None
        standard = QDialogButtonBox.StandardButton
        if question is Question.SECRET:
            self.field = QLineEdit(self)
            self.field.setObjectName("askpass-field")
            self.field.setEchoMode(QLineEdit.EchoMode.Password)
            self.field.setAccessibleName(prompt.strip())
            layout.addWidget(self.field)
            buttons = QDialogButtonBox(standard.Ok | standard.Cancel, self)
        elif question is Question.NOTICE:
            buttons = QDialogButtonBox(standard.Close, self)
        else:
            buttons = QDialogButtonBox(standard.Yes | standard.No, self)
            # The safe answer is the default: Enter must not accept an unknown host key.
            buttons.button(standard.No).setDefault(True)
        buttons.setObjectName("askpass-buttons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons
        if self.field is not None:
            self.field.setFocus()

    def answer(self) -> str | None:
        """What to print for ssh; None when nothing is printed."""
        if self.question is Question.SECRET and self.field is not None:
            text = self.field.text()
            self.field.clear()
            return text
        if self.question is Question.YES_NO:
            return "yes"
        return None


def ask(prompt: str, environ: Mapping[str, str]) -> tuple[int, str | None]:
    """Show the question and wait for the answer: (exit status, text to print)."""
    question = question_of(prompt, environ)
    dialog = AskpassDialog(prompt, question)
    dialog.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    if question is Question.NOTICE:
        return 0, None
    if not accepted:
        return 1, None
    return 0, dialog.answer()


def program() -> str | None:
    """The kvmgui-askpass program installed beside the running Python (a venv, the .deb),
    else the one on PATH; None when there is none. What the app gives LibvirtConnection.open
    and SshTunnel.open as `askpass`."""
    beside = Path(sys.executable).with_name(PROGRAM)
    if os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which(PROGRAM)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv if argv is None else argv)
    prompt = " ".join(args[1:])
    QCoreApplication.setApplicationName("kvmgui")
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(args[:1])
    translator = install_translator(app)
    try:
        if not prompt:
            prompt = translate("AskpassDialog", "Passphrase or password:")
        status, text = ask(prompt, os.environ)
    finally:
        if translator is not None:
            remove_translator(app, translator)
    if text is not None:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    return status


if __name__ == "__main__":
    sys.exit(main())
