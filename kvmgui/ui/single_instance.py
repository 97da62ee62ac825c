"""One kvmgui window per user: a lock file in the runtime folder, and a local socket on which
a second start asks the first one to come to the front.

Two apps would fight over each VM's QMP socket (QEMU serves one client per socket), so a
second start must not build its own runtime. The lock is an flock (released by the kernel
when the first app dies, so a crash never leaves a stale lock); the socket only carries the
word "raise".
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import socket
from pathlib import Path

from PySide6.QtCore import QObject, QSocketNotifier, Signal

RAISE = b"raise\n"
CONNECT_TIMEOUT_S = 0.5


def socket_path(lock_file: Path) -> Path:
    """The socket beside the lock, in the user's private runtime folder."""
    return lock_file.with_name(lock_file.name + ".sock")


class SingleInstance(QObject):
    """The guard. The socket is a plain Unix socket watched by QSocketNotifiers (QtNetwork's
    QLocalServer would cost a library of its own at start-up for these few bytes)."""

    raise_requested = Signal()

    def __init__(self, lock_file: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lock_file = lock_file
        self.socket_file = socket_path(lock_file)
        self._fd: int | None = None
        self._server: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        # The connections accepted and not yet read, by file descriptor.
        self._clients: dict[int, tuple[socket.socket, QSocketNotifier]] = {}

    def acquire(self) -> bool:
        """True when this is the only instance (it then listens for later starts)."""
        self.lock_file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(self.lock_file, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        self._fd = fd
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._listen()
        return True

    def _listen(self) -> None:
        # A socket left by a crashed instance would make bind() fail: we hold the lock, so
        # whatever is there is stale. Without a socket (a path too long for one) later starts
        # only find the lock and say that kvmgui is running.
        with contextlib.suppress(FileNotFoundError):
            self.socket_file.unlink()
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            server.bind(str(self.socket_file))
            os.chmod(self.socket_file, 0o600)
            server.listen(4)
            server.setblocking(False)
        except OSError:
            server.close()
            return
        self._server = server
        self._notifier = QSocketNotifier(server.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._incoming)

    def _incoming(self) -> None:
        server = self._server
        while server is not None:
            try:
                client, _ = server.accept()
            except OSError:  # BlockingIOError: none left
                break
            client.setblocking(False)
            notifier = QSocketNotifier(client.fileno(), QSocketNotifier.Type.Read, self)
            notifier.activated.connect(self._read)
            self._clients[client.fileno()] = (client, notifier)

    def _read(self) -> None:
        notifier = self.sender()
        found = next((fd for fd, (_, n) in self._clients.items() if n is notifier), None)
        if found is None:
            return
        client, notifier = self._clients[found]
        try:
            data = client.recv(64)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        self._drop(found)
        if data.startswith(RAISE.strip()):
            self.raise_requested.emit()

    def _drop(self, fd: int) -> None:
        client, notifier = self._clients.pop(fd)
        notifier.setEnabled(False)
        notifier.deleteLater()
        client.close()

    def ask_first_to_raise(self) -> bool:
        """From a second start: ask the running instance to show itself. True if it heard."""
        # Runs before any window or event loop exists; a short bounded wait is all there is.
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.settimeout(CONNECT_TIMEOUT_S)
            try:
                client.connect(str(self.socket_file))
                client.sendall(RAISE)
            except OSError:
                return False
        return True

    def release(self) -> None:
        for fd in list(self._clients):
            self._drop(fd)
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._server is not None:
            self._server.close()
            self._server = None
            with contextlib.suppress(OSError):
                self.socket_file.unlink()
        if self._fd is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(self._fd, fcntl.LOCK_UN)
                os.close(self._fd)
            self._fd = None
