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
import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

RAISE = b"raise\n"
CONNECT_TIMEOUT_MS = 500


def server_name(lock_file: Path) -> str:
    """A short socket name unique to this user's runtime folder."""
    digest = hashlib.sha256(str(lock_file).encode()).hexdigest()[:16]
    return f"kvmgui-{os.getuid()}-{digest}"


class SingleInstance(QObject):
    raise_requested = Signal()

    def __init__(self, lock_file: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lock_file = lock_file
        self.name = server_name(lock_file)
        self._fd: int | None = None
        self._server: QLocalServer | None = None

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
        # A socket left by a crashed instance would make listen() fail.
        QLocalServer.removeServer(self.name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if server.listen(self.name):
            server.newConnection.connect(self._incoming)
            self._server = server
        return True

    def _incoming(self) -> None:
        # Bound methods and sender(), no lambdas holding the sockets: the server owns them
        # (C++ parent), and a Python reference kept in a closure outliving it crashes PySide.
        server = self._server
        while server is not None and server.hasPendingConnections():
            socket = server.nextPendingConnection()
            if socket is None:
                break
            socket.readyRead.connect(self._read)
            if socket.bytesAvailable():
                self._handle(socket)

    def _read(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._handle(socket)

    def _handle(self, socket: QLocalSocket) -> None:
        data = bytes(socket.readAll().data())
        socket.readyRead.disconnect(self._read)
        if data.startswith(RAISE.strip()):
            self.raise_requested.emit()
        socket.disconnectFromServer()
        socket.deleteLater()

    def ask_first_to_raise(self) -> bool:
        """From a second start: ask the running instance to show itself. True if it heard."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        # Runs before any window or event loop exists; a short bounded wait is all there is.
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        socket.write(RAISE)
        ok = socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        socket.disconnectFromServer()
        return ok

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._fd is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(self._fd, fcntl.LOCK_UN)
                os.close(self._fd)
            self._fd = None
