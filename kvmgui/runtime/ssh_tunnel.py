"""A remote domain's VNC display brought to a local unix socket through SSH.

The display stays where libvirt put it (its unix socket or loopback port on the remote host);
`ssh -N -L LOCAL_SOCKET:REMOTE` forwards a socket in a private folder (0700) of this user to
it, so nothing listens on any network. ssh reaches the host exactly as libvirt does for the
same URI (core/remote_console.py): the user's own ssh configuration, agent and known_hosts,
and the URI's user, port and key. Nothing is stored: when ssh must ask (a passphrase, a host
key), it asks through `askpass` (the app's dialog, SSH_ASKPASS_REQUIRE=force) or not at all
(BatchMode: the CLI and tests, where nobody could answer a background prompt).

ssh runs detached from any terminal (its own session) and dies with kvmgui (children.py).
Opening waits, off the event loop's time, for ssh to create the local socket, which it does
once it has logged in and set up the forwarding; a failure before that is one sentence.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import stat
import tempfile
from pathlib import Path

from kvmgui.core.messages import QT_TRANSLATE_NOOP, KvmguiError, Message
from kvmgui.core.paths import AppPaths
from kvmgui.core.remote_console import (
    RemoteDisplay,
    SshTarget,
    ssh_target,
    tunnel_argv,
)
from kvmgui.runtime.children import tied_argv
from kvmgui.runtime.libvirt_errors import ssh_failure
from kvmgui.runtime.process import ensure_private_dir

OPEN_TIMEOUT_S = 30.0
_POLL_S = 0.05
_STOP_TIMEOUT_S = 5.0
_KEEP_STDERR = 8192


class SshTunnelError(KvmguiError):
    """The tunnel could not be opened; `code` as LibvirtError's where the cause is ssh's
    ("host-key", "ssh-refused"), else "no-ssh", "timeout", "not-ssh" or "failed"."""

    def __init__(self, message: str, details: str = "", code: str = "failed") -> None:
        super().__init__(message, details)
        self.code = code


class SshTunnel:
    """One running ssh forwarding `socket` (local) to a remote display. Open it with
    `await SshTunnel.open(uri, display)`; always `await close()` it."""

    def __init__(self, proc: asyncio.subprocess.Process, folder: Path, target: SshTarget,
                 uri: str) -> None:
        self._proc = proc
        self._folder = folder
        self._target = target
        self._stderr = bytearray()
        self._reader = asyncio.create_task(self._read_stderr(), name=f"ssh-tunnel {uri}")
        self.socket = folder / "vnc.sock"

    @classmethod
    async def open(cls, uri: str, display: RemoteDisplay, *, runtime_dir: Path | None = None,
                   askpass: str | None = None, timeout: float = OPEN_TIMEOUT_S) -> SshTunnel:
        """Start ssh and wait until the local socket is there (ssh logged in and forwards)."""
        target = ssh_target(uri)
        if target is None:
            raise SshTunnelError(Message(QT_TRANSLATE_NOOP(
                "runtime.ssh_tunnel", "{uri} does not go through SSH; its displays are "
                "reached without a tunnel."), uri=uri), code="not-ssh")
        base = (runtime_dir or AppPaths.from_env().runtime_dir) / "tunnels"
        ensure_private_dir(base)
        folder = Path(tempfile.mkdtemp(prefix="ssh-", dir=base))  # 0700
        env = dict(os.environ)
        if askpass is not None:
            env.update(SSH_ASKPASS=askpass, SSH_ASKPASS_REQUIRE="force")
        argv = tunnel_argv(target, str(folder / "vnc.sock"), display, batch=askpass is None)
        try:
            proc = await asyncio.create_subprocess_exec(
                *tied_argv(argv), stdin=asyncio.subprocess.DEVNULL,
                stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE, env=env,
                start_new_session=True)  # no terminal: ssh cannot prompt on one
        except OSError as exc:
            shutil.rmtree(folder, ignore_errors=True)
            raise SshTunnelError(Message(QT_TRANSLATE_NOOP(
                "runtime.ssh_tunnel",
                "The ssh program {program} could not be started; install it: sudo apt install "
                "openssh-client."), program=target.program), str(exc), "no-ssh") from None
        tunnel = cls(proc, folder, target, uri)
        try:
            await tunnel._wait_ready(timeout)
        except BaseException:
            await tunnel.close()
            raise
        return tunnel

    async def _wait_ready(self, timeout: float) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not _is_socket(self.socket):
            if self._proc.returncode is not None:
                await self._reader  # all ssh said before it exited
                raise self._failure()
            if loop.time() > deadline:
                raise SshTunnelError(Message(QT_TRANSLATE_NOOP(
                    "runtime.ssh_tunnel",
                    "SSH to {host} did not set up the console's tunnel in time; check that "
                    "{command} logs in."),
                    host=self._target.destination, command=self._target.command),
                    self.stderr_text, "timeout")
            await asyncio.sleep(_POLL_S)

    def _failure(self) -> SshTunnelError:
        text = self.stderr_text
        cause = ssh_failure(text, self._target)
        if cause is not None:
            return SshTunnelError(cause.message, text, cause.code)
        host = self._target.destination
        if not text.strip():
            return SshTunnelError(Message(QT_TRANSLATE_NOOP(
                "runtime.ssh_tunnel",
                "The SSH tunnel to {host} for the console ended at once (ssh's exit status "
                "{status})."), host=host, status=self._proc.returncode), text)
        return SshTunnelError(Message(QT_TRANSLATE_NOOP(
            "runtime.ssh_tunnel",
            "The SSH tunnel to {host} for the console ended at once (ssh said: {reason})."),
            host=host, reason=text.strip().splitlines()[-1]), text)

    async def _read_stderr(self) -> None:
        assert self._proc.stderr is not None
        while chunk := await self._proc.stderr.read(4096):
            self._stderr += chunk
            del self._stderr[:-_KEEP_STDERR]

    @property
    def stderr_text(self) -> str:
        """What ssh said on stderr (its last few kilobytes): details for experts."""
        return self._stderr.decode("utf-8", "replace")

    @property
    def running(self) -> bool:
        return self._proc.returncode is None

    async def wait_closed(self) -> int:
        """Wait until ssh exits; its exit status."""
        return await self._proc.wait()

    async def close(self) -> None:
        """Stop ssh and remove the local socket's folder. Idempotent."""
        if self._proc.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                self._proc.terminate()
            try:
                await asyncio.wait_for(self._proc.wait(), _STOP_TIMEOUT_S)
            except TimeoutError:
                with contextlib.suppress(ProcessLookupError):
                    self._proc.kill()
                await self._proc.wait()
        with contextlib.suppress(asyncio.CancelledError):
            await self._reader
        await asyncio.to_thread(shutil.rmtree, self._folder, True)

    async def __aenter__(self) -> SshTunnel:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()


def _is_socket(path: Path) -> bool:
    try:
        return stat.S_ISSOCK(os.lstat(path).st_mode)
    except OSError:
        return False
