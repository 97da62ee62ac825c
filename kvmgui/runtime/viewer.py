"""Open a VM's display in an external viewer: virt-viewer's remote-viewer.

kvmgui draws VNC itself, but no Qt widget can show SPICE (its client library, spice-gtk, is
GTK only), so SPICE guests open in remote-viewer; VNC guests can too (a bigger window, USB
redirection, the user's habit).

- The connection goes in a virt-viewer connection file written to the viewer's **stdin**
  (`remote-viewer -`), so the display password is neither on the command line (visible in
  `ps`) nor on disk.
- The viewer is started in its own session (it outlives kvmgui and `kvmgui-cli display
  --open`) with os.posix_spawn, like QEMU in runtime.process: an asyncio subprocess transport
  kills its child when it is garbage-collected, which would close the user's window when the
  CLI exits. Our child is reaped by a ProcessWatch while we live (process.keep_reaping).
- remote-viewer 11 (Debian 12) cannot open VNC over a unix socket (measured: the file's
  `unix-path` needs a port for VNC, and `vnc+unix://` fails with "host != NULL"). For a VNC
  unix socket kvmgui relays a loopback TCP port to the socket, accepting only a connection
  from a process of this same user (checked in /proc/net/tcp) and only one.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import shutil
import signal
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message
from kvmgui.runtime import display_auth, process
from kvmgui.runtime.outcome import Outcome

if TYPE_CHECKING:
    from kvmgui.runtime.controller import VmController

log = logging.getLogger(__name__)

VIEWER = "remote-viewer"
LIBVIRT_VIEWER = "virt-viewer"
# A viewer that cannot start (no display server, bad connection file) exits within this time.
SETTLE_S = 1.5
# How long the VNC relay waits for the viewer to connect.
RELAY_ACCEPT_S = 60.0
_STDERR_LIMIT = 4000


@dataclass(frozen=True)
class DisplayTarget:
    """Where a viewer connects, parsed from a display URI."""

    kind: str  # "spice" or "vnc"
    unix_path: str | None = None
    host: str | None = None
    port: int | None = None


def parse_display_uri(uri: str) -> DisplayTarget | None:
    """spice+unix:///p, spice://h:port, vnc+unix:///p, vnc://h:port → DisplayTarget."""
    parts = urlsplit(uri.strip())
    scheme = parts.scheme.lower()
    kind, _, transport = scheme.partition("+")
    if kind not in ("spice", "vnc"):
        return None
    if transport == "unix":
        path = unquote(parts.path)
        return DisplayTarget(kind, unix_path=path) if path.startswith("/") else None
    if transport:
        return None
    try:
        port = parts.port
    except ValueError:
        return None
    if not parts.hostname or port is None:
        return None
    return DisplayTarget(kind, host=parts.hostname, port=port)


def _clean(value: str) -> str:
    # One line per key: a newline in a VM name must not add keys to the file.
    return " ".join(value.split())


def connection_file(target: DisplayTarget, title: str, password: str | None = None) -> str:
    """The virt-viewer connection file (see remote-viewer(1), "CONNECTION FILE")."""
    lines = ["[virt-viewer]", f"type={target.kind}"]
    if target.unix_path is not None:
        lines.append(f"unix-path={target.unix_path}")
    else:
        lines += [f"host={target.host}", f"port={target.port}"]
    if password:
        lines.append(f"password={_clean(password)}")
    lines.append(f"title={_clean(title) or 'kvmgui'}")
    # The same release keys as kvmgui's own console (and QEMU's window).
    lines.append("release-cursor=ctrl+alt")
    return "\n".join(lines) + "\n"


@dataclass
class ExternalViewer:
    """A running viewer (Outcome.value of open_external_viewer)."""

    pid: int
    watch: process.ProcessWatch
    relay: _Relay | None = None
    _closed: bool = field(default=False, repr=False)

    @property
    def exited(self) -> bool:
        return self.watch.exited

    async def wait(self, timeout: float | None = None) -> process.ExitStatus | None:
        """The viewer's exit status once the user has closed it (None: timeout first)."""
        return await self.watch.wait(timeout)

    async def terminate(self) -> None:
        """Close the viewer (SIGTERM, then SIGKILL) and its relay."""
        await process.terminate(self.watch, term_timeout=3.0, kill_timeout=3.0)
        if self.relay is not None:
            await self.relay.close()


def no_display_server(environ: dict[str, str] | os._Environ[str]) -> bool:
    return not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def _program(binary: str) -> str | Outcome[ExternalViewer]:
    """The viewer's path, or why no viewer window can open here."""
    program = binary if os.sep in binary else shutil.which(binary)
    if program is None:
        return Outcome.failure(
            Message(QT_TRANSLATE_NOOP(
                "runtime.viewer",
                "{binary} is not installed, so kvmgui cannot open this display in it. Install "
                "the SPICE viewer: sudo apt install virt-viewer"), binary=binary),
            code="viewer-missing",
            details=f"{binary}: not found on the PATH ({os.environ.get('PATH', '')})")
    if no_display_server(os.environ):
        return Outcome.failure(Message(QT_TRANSLATE_NOOP(
            "runtime.viewer",
            "There is no graphical session here (neither DISPLAY nor WAYLAND_DISPLAY is set), "
            "so no viewer window can open. Run this from your desktop session.")),
            code="no-display-server")
    return program


async def open_external_viewer(
    source: VmController | str,
    title: str,
    *,
    password: str | None = None,
    binary: str = VIEWER,
    settle_s: float = SETTLE_S,
) -> Outcome[ExternalViewer]:
    """Open a VM's display in remote-viewer.

    `source` is the VM's controller (its display address and password are looked up) or a
    display URI (then pass `password` if the display has one). On success `value` is an
    ExternalViewer; the viewer keeps running after this returns (and after kvmgui exits).
    """
    program = _program(binary)
    if isinstance(program, Outcome):
        return program
    if isinstance(source, str):
        uri = source
    else:
        found = await source.display_address()
        if not found.ok:
            return Outcome.failure(found.message, code=found.code, details=found.details)
        uri = str(found.value)
        if password is None and source.spec.display.password:
            password = display_auth.read_password(source.run)
    target = parse_display_uri(uri)
    if target is None:
        return Outcome.failure(Message(QT_TRANSLATE_NOOP(
            "runtime.viewer", "kvmgui cannot open the display address {uri} in a viewer."),
            uri=repr(uri)), code="bad-address")

    relay: _Relay | None = None
    if target.kind == "vnc" and target.unix_path is not None:
        relay = _Relay(target.unix_path)
        try:
            port = await relay.start()
        except OSError as exc:
            return Outcome.failure(Message(QT_TRANSLATE_NOOP(
                "runtime.viewer",
                "kvmgui could not prepare the connection for the viewer: {problem}."),
                problem=str(exc.strerror or exc)), code="relay")
        target = DisplayTarget("vnc", host="127.0.0.1", port=port)

    text = connection_file(target, title, password)
    return await _launch([program, "-"], text.encode(), binary, title, relay, settle_s)


async def open_libvirt_viewer(
    uri: str, name: str, *, binary: str = LIBVIRT_VIEWER, settle_s: float = SETTLE_S,
) -> Outcome[ExternalViewer]:
    """Open the display of libvirt domain `name` of connection `uri` in virt-viewer.

    virt-viewer asks libvirt where the display is and reaches a remote host's display through
    the connection's own SSH transport, so no display port is ever opened to the network."""
    program = _program(binary)
    if isinstance(program, Outcome):
        return program
    # "--" ends the options: a domain named "-f" is a name, not full screen.
    argv = [program, "--connect", uri, "--reconnect", "--domain-name", "--", name]
    return await _launch(argv, b"", binary, name, None, settle_s)


async def _launch(argv: list[str], stdin_data: bytes, binary: str, title: str,
                  relay: _Relay | None, settle_s: float) -> Outcome[ExternalViewer]:
    """Start a viewer, and report it if it stops within `settle_s` (a bad connection)."""
    with tempfile.TemporaryFile(prefix="kvmgui-viewer-") as output:
        try:
            pid = _spawn(argv, stdin_data, output.fileno())
        except OSError as exc:
            if relay is not None:
                await relay.close()
            return Outcome.failure(Message(QT_TRANSLATE_NOOP(
                "runtime.viewer", "{binary} could not be started: {problem}."),
                binary=binary, problem=str(exc.strerror or exc)), code="viewer-failed")
        watch = process.ProcessWatch(pid)
        viewer = ExternalViewer(pid, watch, relay)
        status = await watch.wait(settle_s)
        if status is not None:
            details = _read_output(output)
            if relay is not None:
                await relay.close()
            if status.code == 0:
                return Outcome.success(Message(QT_TRANSLATE_NOOP(
                    "runtime.viewer", "The viewer of {title} was closed."), title=title),
                    value=viewer)
            return Outcome.failure(
                Message(QT_TRANSLATE_NOOP(
                    "runtime.viewer",
                    "{binary} stopped at once instead of showing the display of {title}: "
                    "{error}"), binary=binary, title=title, error=_first_line(details))
                if details.strip() else
                Message(QT_TRANSLATE_NOOP(
                    "runtime.viewer",
                    "{binary} stopped at once instead of showing the display of {title}."),
                    binary=binary, title=title),
                details=details, code="viewer-failed")
    process.keep_reaping(watch)
    if relay is not None:
        relay.follow(watch)
    return Outcome.success(Message(QT_TRANSLATE_NOOP(
        "runtime.viewer", "Opened the display of {title} in {binary}."),
        title=title, binary=binary), value=viewer)



def _first_line(text: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line
    return ""


def _spawn(argv: list[str], stdin_data: bytes, output_fd: int) -> int:
    """Start argv in its own session with `stdin_data` on its stdin (then EOF) and its output
    to `output_fd` (an unlinked temporary file, read back if it fails at once)."""
    read_fd, write_fd = os.pipe2(os.O_CLOEXEC)
    try:
        pid = os.posix_spawn(
            argv[0], argv, dict(os.environ),
            file_actions=[(os.POSIX_SPAWN_DUP2, read_fd, 0),
                          (os.POSIX_SPAWN_DUP2, output_fd, 1),
                          (os.POSIX_SPAWN_DUP2, output_fd, 2)],
            setsid=True,
            setsigmask=(),
            setsigdef=(signal.SIGPIPE, signal.SIGINT, signal.SIGTERM, signal.SIGHUP),
        )
    except OSError:
        os.close(write_fd)
        raise
    finally:
        os.close(read_fd)
    try:
        # A connection file is far below the pipe's 64 KiB, so this never blocks.
        with contextlib.suppress(BrokenPipeError):
            os.write(write_fd, stdin_data)
    finally:
        os.close(write_fd)
    return pid


def _read_output(output: IO[bytes]) -> str:
    with contextlib.suppress(OSError):
        output.seek(0)
        return output.read(_STDERR_LIMIT).decode(errors="replace")
    return ""


# -- the VNC relay ---------------------------------------------------------------------------

_RELAYS: set[_Relay] = set()


def _loopback_hex(port: int) -> str:
    return f"0100007F:{port:04X}"


def loopback_peer_uid(server_port: int, peer_port: int,
                      table: Path = Path("/proc/net/tcp")) -> int | None:
    """The uid owning the client end of a 127.0.0.1 TCP connection to `server_port`."""
    want_local, want_remote = _loopback_hex(peer_port), _loopback_hex(server_port)
    try:
        lines = table.read_text().splitlines()[1:]
    except OSError:
        return None
    for line in lines:
        fields = line.split()
        if len(fields) > 7 and fields[1] == want_local and fields[2] == want_remote:
            with contextlib.suppress(ValueError):
                return int(fields[7])
    return None


class _Relay:
    """127.0.0.1:<port> → a VNC unix socket, for one connection of this user's viewer."""

    def __init__(self, unix_path: str) -> None:
        self.unix_path = unix_path
        self.port = 0
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._writers: list[asyncio.StreamWriter] = []
        self._connected = False
        self._timer: asyncio.TimerHandle | None = None

    async def start(self) -> int:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        self.port = int(self._server.sockets[0].getsockname()[1])
        self._timer = asyncio.get_running_loop().call_later(RELAY_ACCEPT_S, self._stop_listening)
        _RELAYS.add(self)
        return self.port

    def follow(self, watch: process.ProcessWatch) -> None:
        """Close when the viewer exits."""
        def ended(_f: object) -> None:
            task = asyncio.ensure_future(self.close())
            self._tasks.add(task)
        watch.start().add_done_callback(ended)

    def _stop_listening(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._server is not None:
            self._server.close()
            self._server = None

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        if task is not None:  # the loop only keeps a weak reference to it
            self._tasks.add(task)
        peer = writer.get_extra_info("peername")
        uid = loopback_peer_uid(self.port, int(peer[1])) if peer else None
        if self._connected or uid != os.getuid():
            # Another user's program (or a second connection) must not reach the display.
            log.warning("refused a viewer connection from uid %s", uid)
            writer.close()
            return
        self._connected = True
        self._stop_listening()
        try:
            vnc_reader, vnc_writer = await asyncio.open_unix_connection(self.unix_path)
        except OSError as exc:
            log.warning("VNC relay: %s", exc)
            writer.close()
            return
        self._writers += [writer, vnc_writer]
        await asyncio.gather(_pump(reader, vnc_writer), _pump(vnc_reader, writer))
        await self.close()

    async def close(self) -> None:
        self._stop_listening()
        for w in self._writers:
            w.close()
            with contextlib.suppress(Exception):
                await w.wait_closed()
        self._writers.clear()
        _RELAYS.discard(self)


async def _pump(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(1 << 16):
            writer.write(data)
            await writer.drain()
    except (OSError, asyncio.IncompleteReadError):
        pass
    finally:
        with contextlib.suppress(OSError):
            if writer.can_write_eof():
                writer.write_eof()
