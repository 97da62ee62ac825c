"""kvmgui-askpass: ssh's questions in a dialog, the answer printed for ssh, 1 on cancel."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from kvmgui.ui import askpass
from kvmgui.ui.askpass import AskpassDialog, Question, question_of

HOST_KEY = ("The authenticity of host '[server]:2222 ([10.0.0.2]:2222)' can't be established.\n"
            "ED25519 key fingerprint is SHA256:abc.\n"
            "Are you sure you want to continue connecting (yes/no/[fingerprint])? ")


@pytest.mark.parametrize(("prompt", "env", "expected"), [
    ("Enter passphrase for key '/home/a/.ssh/id_ed25519': ", {}, Question.SECRET),
    ("alice@server's password: ", {}, Question.SECRET),
    (HOST_KEY, {}, Question.YES_NO),
    ("Allow use of key /k?", {"SSH_ASKPASS_PROMPT": "confirm"}, Question.CONFIRM),
    ("Confirm user presence for key ED25519-SK", {"SSH_ASKPASS_PROMPT": "none"},
     Question.NOTICE),
])
def test_question_of(prompt: str, env: dict[str, str], expected: Question) -> None:
    assert question_of(prompt, env) is expected


def test_secret_is_typed_unseen_and_answered(qtbot: Any) -> None:
    dialog = AskpassDialog("Enter passphrase for key '/k': ", Question.SECRET)
    qtbot.addWidget(dialog)
    assert dialog.field is not None
    assert dialog.field.echoMode() == dialog.field.EchoMode.Password
    qtbot.keyClicks(dialog.field, "s3cret words")
    assert dialog.answer() == "s3cret words"
    assert dialog.field.text() == ""  # not kept in the widget


def test_host_key_defaults_to_no_and_says_yes(qtbot: Any) -> None:
    dialog = AskpassDialog(HOST_KEY, Question.YES_NO)
    qtbot.addWidget(dialog)
    standard = QDialogButtonBox.StandardButton
    assert dialog.buttons.button(standard.No).isDefault()
    assert not dialog.buttons.button(standard.Yes).isDefault()
    assert dialog.answer() == "yes"
    assert "SHA256:abc" in dialog.prompt.text()


def test_prompt_is_plain_text(qtbot: Any) -> None:
    dialog = AskpassDialog("<b>host</b>'s password:", Question.SECRET)
    qtbot.addWidget(dialog)
    assert dialog.prompt.textFormat() == Qt.TextFormat.PlainText
    assert dialog.prompt.text() == "<b>host</b>'s password:"


def _answer_when_shown(qtbot: Any, act: Callable[[AskpassDialog], None]) -> None:
    """Once main()'s dialog is up, do `act` on it (main waits in the dialog's own loop)."""

    def look() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, AskpassDialog) and w.isVisible()]
        if not dialogs:
            QTimer.singleShot(20, look)
            return
        act(dialogs[0])

    QTimer.singleShot(0, look)


def test_main_prints_the_answer(qtbot: Any, capsys: pytest.CaptureFixture[str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SSH_ASKPASS_PROMPT", raising=False)

    def answer(dialog: AskpassDialog) -> None:
        assert dialog.field is not None
        dialog.field.setText("pass phrase")
        dialog.accept()

    _answer_when_shown(qtbot, answer)
    assert askpass.main(["kvmgui-askpass", "Enter passphrase for key '/k': "]) == 0
    assert capsys.readouterr().out == "pass phrase\n"


def test_main_cancelled_prints_nothing_and_exits_1(
        qtbot: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SSH_ASKPASS_PROMPT", raising=False)
    _answer_when_shown(qtbot, lambda dialog: dialog.reject())
    assert askpass.main(["kvmgui-askpass", HOST_KEY]) == 1
    assert capsys.readouterr().out == ""


def test_main_confirm_answers_with_the_exit_status(
        qtbot: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SSH_ASKPASS_PROMPT", "confirm")
    _answer_when_shown(qtbot, lambda dialog: dialog.accept())
    assert askpass.main(["kvmgui-askpass", "Allow use of key /k?"]) == 0
    assert capsys.readouterr().out == ""


def test_the_program_is_installed_and_starts() -> None:
    program = askpass.program()
    assert program is not None, "kvmgui-askpass is not installed (scripts/setup.sh)"
    # Killed while it waits for an answer: it started, showed its dialog and printed nothing.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen([program, "alice@server's password: "], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        out, err = proc.communicate(timeout=3)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
    else:
        pytest.fail(f"kvmgui-askpass exited at once ({proc.returncode}): {err.decode()}")
    assert out == b""
