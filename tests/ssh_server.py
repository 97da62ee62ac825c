"""A private SSH server for the tests of qemu+ssh:// connections and the console tunnel.

`ssh_server` (session-scoped) starts OpenSSH's sshd on 127.0.0.1 only, on a free port, with a
host key of its own and client keys, all generated for the session in a temporary folder: one
authorized key, one authorized key with a passphrase (for the tests of askpass) and one the
server does not know. The first two are authorized for the current user through a private
AuthorizedKeysFile, so the user's ~/.ssh is never read nor written, by the server or by the
clients below. Passwords are off (keys only). The server stops at the end of the session.
Where sshd cannot run (not installed; not root: sshd needs its privilege separation folder
/run/sshd) the tests skip with the reason.

The clients get everything through the URI, as a user's would: `keyfile=` for the key and
`command=` for the ssh program, here a two-line script running ssh with a private
configuration (`-F`: no ~/.ssh/config, a private known_hosts file holding the server's key,
no agent). libvirt's ssh transport (the ssh program) has no known_hosts parameter of its own;
those belong to its libssh transports. Use it in a test module with

    from tests.ssh_server import ssh_server  # noqa: F401  (the fixture)
"""

from __future__ import annotations

import contextlib
import getpass
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.runtime.helpers import end_process

SSHD = Path("/usr/sbin/sshd")
PRIVSEP_DIR = Path("/run/sshd")  # sshd refuses to start without it
START_TIMEOUT_S = 15.0


PASSPHRASE = "kvmgui test passphrase"


def _keygen(path: Path, comment: str, passphrase: str = "") -> str:
    """A new ed25519 key at `path`; its public line."""
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-C", comment,
                    "-f", str(path)], check=True, timeout=30)
    return path.with_name(path.name + ".pub").read_text().strip()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass(frozen=True)
class SshServer:
    """A running private sshd and what a client needs to reach it."""

    folder: Path
    port: int
    user: str
    host_public_key: str  # "ssh-ed25519 AAAA…"
    client_key: Path  # authorized
    locked_key: Path  # authorized, with the passphrase PASSPHRASE
    stranger_key: Path  # a key the server does not know
    log: Path  # sshd's own log (-E)

    def client(self, name: str, *, knows_host: bool = True, ask: bool = False) -> Path:
        """An ssh program (a script) with a private configuration named `name`: it trusts
        the server's host key when `knows_host`, and nothing else; `ask`: ssh asks whether
        to trust an unknown host key (StrictHostKeyChecking ask) instead of refusing it."""
        known = self.known_hosts(name)
        known.write_text(f"[127.0.0.1]:{self.port} {self.host_public_key}\n"
                         if knows_host else "")
        config = self.folder / f"ssh_config-{name}"
        config.write_text("\n".join([
            "Host *",
            f"  UserKnownHostsFile {known}",
            "  GlobalKnownHostsFile /dev/null",
            f"  StrictHostKeyChecking {'ask' if ask else 'yes'}",
            "  UpdateHostKeys no",
            "  IdentitiesOnly yes",
            "  IdentityAgent none",
            "  PasswordAuthentication no",
            "  KbdInteractiveAuthentication no",
            "  ConnectTimeout 10",
            "",
        ]))
        program = self.folder / f"ssh-{name}"
        program.write_text(f"#!/bin/sh\nexec ssh -F {config} \"$@\"\n")
        program.chmod(0o755)
        return program

    def known_hosts(self, name: str) -> Path:
        """The known_hosts file of client `name`."""
        return self.folder / f"known_hosts-{name}"

    def uri(self, *, program: Path | None = None, key: Path | None = None,
            port: int | None = None, path: str = "/system", **params: str) -> str:
        """qemu+ssh://USER@127.0.0.1:PORT/system?command=…&keyfile=… (the session's own
        client and key unless told otherwise)."""
        query = {"command": str(program or self.client("default")),
                 "keyfile": str(key or self.client_key), **params}
        text = "&".join(f"{k}={quote(v, safe='/')}" for k, v in query.items())
        return f"qemu+ssh://{self.user}@127.0.0.1:{port or self.port}{path}?{text}"


def _start(folder: Path, port: int, authorized: Path, host_key: Path,
           log: Path) -> subprocess.Popen[bytes]:
    config = folder / "sshd_config"
    config.write_text("\n".join([
        f"ListenAddress 127.0.0.1:{port}",
        f"HostKey {host_key}",
        f"PidFile {folder / 'sshd.pid'}",
        f"AuthorizedKeysFile {authorized}",
        f"AllowUsers {getpass.getuser()}",
        "PermitRootLogin prohibit-password",
        "PubkeyAuthentication yes",
        "PasswordAuthentication no",
        "KbdInteractiveAuthentication no",
        "UsePAM no",
        # The folder is under /tmp (world-writable): strict modes would refuse the key file.
        "StrictModes no",
        "AllowTcpForwarding local",
        "AllowStreamLocalForwarding local",
        "X11Forwarding no",
        "PermitTunnel no",
        "LogLevel VERBOSE",
        "",
    ]))
    return subprocess.Popen([str(SSHD), "-D", "-f", str(config), "-E", str(log)],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)  # sshd logs to `log` (-E)


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        try:
            sock.connect(("127.0.0.1", port))
        except OSError:
            return False
        return sock.recv(4).startswith(b"SSH-")


@pytest.fixture(scope="session")
def ssh_server() -> Iterator[SshServer]:
    if not SSHD.exists() or shutil.which("ssh") is None or shutil.which("ssh-keygen") is None:
        pytest.skip("OpenSSH's sshd or ssh is not installed (scripts/setup.sh test installs "
                    "openssh-server)")
    if os.geteuid() != 0:
        pytest.skip("sshd needs root here (its privilege separation folder /run/sshd)")
    PRIVSEP_DIR.mkdir(mode=0o755, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="kvmgui-sshd-"))
    proc: subprocess.Popen[bytes] | None = None
    try:
        host_key = folder / "host_ed25519"
        host_public = _keygen(host_key, "kvmgui-test-host")
        client_key = folder / "client_ed25519"
        client_public = _keygen(client_key, "kvmgui-test-client")
        locked_public = _keygen(folder / "locked_ed25519", "kvmgui-test-locked", PASSPHRASE)
        _keygen(folder / "stranger_ed25519", "kvmgui-test-stranger")
        authorized = folder / "authorized_keys"
        authorized.write_text(client_public + "\n" + locked_public + "\n")
        authorized.chmod(0o600)
        log = folder / "sshd.log"
        for _attempt in range(3):  # another process may take the free port first
            port = _free_port()
            proc = _start(folder, port, authorized, host_key, log)
            deadline = time.monotonic() + START_TIMEOUT_S
            while proc.poll() is None and not _listening(port):
                if time.monotonic() > deadline:
                    break
                time.sleep(0.1)
            if proc.poll() is None and _listening(port):
                break
            with contextlib.suppress(ProcessLookupError):
                proc.kill()
            proc.wait()
            proc = None
        if proc is None:
            text = log.read_text(errors="replace") if log.exists() else ""
            pytest.skip(f"the private sshd did not start: {text.strip()[-300:]}")
        key_type, key_text = host_public.split()[:2]
        yield SshServer(folder=folder, port=port, user=getpass.getuser(),
                        host_public_key=f"{key_type} {key_text}", client_key=client_key,
                        locked_key=folder / "locked_ed25519",
                        stranger_key=folder / "stranger_ed25519", log=log)
    finally:
        if proc is not None:
            end_process(proc)
        shutil.rmtree(folder, ignore_errors=True)
