"""Which sockets a set of processes listens on, and whether any is reachable from elsewhere.

A reusable scan for any test that runs guests (security, faults, GUI, load):

    from tests.security.listening import assert_nothing_exposed
    assert_nothing_exposed()            # every QEMU of this test session
    assert_nothing_exposed([qemu_pid])  # or chosen processes

or, to watch for a whole test, the `exposure_watch` fixture (import it into a conftest.py, as
tests/security and tests/faults do, where it is autouse): a background thread scans every
QEMU of the session twice a second and the test fails if one ever listened beyond loopback.

How it works, without `ss` or `netstat`: the socket inodes a process holds are the
`socket:[N]` links in /proc/<pid>/fd; /proc/<pid>/net/{tcp,tcp6,udp,udp6,unix} (the tables of
that process's network namespace) say what each inode is bound to. A TCP socket in LISTEN
state, an unconnected UDP socket with a local port, and a unix socket that accepts
connections count as listening.

Exposed means: a TCP/UDP listener whose address is not loopback (127.0.0.0/8, ::1, or
::ffff:127.x), or an abstract unix socket (no file, so no folder permission protects it).
Note for callers that give guests network traffic: QEMU's user-mode network relays a guest's
outgoing UDP through unconnected sockets on 0.0.0.0:<random port>; scan with `udp=False` there
(those are NAT relays, not displays or monitors).
"""

from __future__ import annotations

import ipaddress
import os
import socket
import struct
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.runtime.helpers import SESSION_VAR, qemu_pids_of_session

TCP_LISTEN = 0x0A
UDP_UNCONNECTED = 0x07
UNIX_ACCEPTCON = 0x00010000  # __SO_ACCEPTCON: the socket listens


@dataclass(frozen=True)
class ListeningSocket:
    pid: int
    kind: str  # tcp, tcp6, udp, udp6, unix
    address: str  # an IP address, a socket path, or "@name" for an abstract unix socket
    port: int | None
    inode: int

    @property
    def exposed(self) -> bool:
        if self.kind == "unix":
            return self.address.startswith("@") or not self.address
        ip = ipaddress.ip_address(self.address)
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        return not ip.is_loopback

    def __str__(self) -> str:
        where = self.address if self.port is None else f"{self.address} port {self.port}"
        return f"{self.kind} {where} (pid {self.pid}, inode {self.inode})"


def socket_inodes(pid: int) -> set[int]:
    """The inodes of the sockets `pid` holds open (empty if it is gone)."""
    inodes: set[int] = set()
    fd_dir = Path(f"/proc/{pid}/fd")
    try:
        entries = os.listdir(fd_dir)
    except OSError:
        return inodes
    for entry in entries:
        try:
            target = os.readlink(fd_dir / entry)
        except OSError:
            continue  # closed meanwhile
        if target.startswith("socket:[") and target.endswith("]"):
            inodes.add(int(target[8:-1]))
    return inodes


def _ipv4(hex_addr: str) -> str:
    # The kernel prints the 32-bit address in host byte order.
    return socket.inet_ntop(socket.AF_INET, struct.pack("<I", int(hex_addr, 16)))


def _ipv6(hex_addr: str) -> str:
    words = [int(hex_addr[i:i + 8], 16) for i in range(0, 32, 8)]
    return socket.inet_ntop(socket.AF_INET6, struct.pack("<4I", *words))


def parse_inet_table(text: str, kind: str) -> list[tuple[str, int, int, int]]:
    """(address, port, state, inode) for each line of /proc/net/{tcp,tcp6,udp,udp6}."""
    rows = []
    for line in text.splitlines()[1:]:
        fields = line.split()
        if len(fields) < 10:
            continue
        addr_hex, port_hex = fields[1].split(":")
        address = _ipv6(addr_hex) if kind.endswith("6") else _ipv4(addr_hex)
        rows.append((address, int(port_hex, 16), int(fields[3], 16), int(fields[9])))
    return rows


def parse_unix_table(text: str) -> list[tuple[str, int, int]]:
    """(path, flags, inode) for each line of /proc/net/unix; abstract names start with '@'."""
    rows = []
    for line in text.splitlines()[1:]:
        fields = line.split(maxsplit=7)
        if len(fields) < 7:
            continue
        path = fields[7] if len(fields) == 8 else ""
        rows.append((path, int(fields[3], 16), int(fields[6])))
    return rows


def _read(path: Path) -> str:
    try:
        return path.read_text(errors="replace")
    except OSError:
        return ""


def listening_sockets(pids: Iterable[int], *, udp: bool = True) -> list[ListeningSocket]:
    """Every listening socket held by any of `pids`."""
    found: list[ListeningSocket] = []
    for pid in pids:
        inodes = socket_inodes(pid)
        if not inodes:
            continue
        net = Path(f"/proc/{pid}/net")
        for kind in ("tcp", "tcp6", "udp", "udp6"):
            if kind.startswith("udp") and not udp:
                continue
            listen_state = TCP_LISTEN if kind.startswith("tcp") else UDP_UNCONNECTED
            for address, port, state, inode in parse_inet_table(_read(net / kind), kind):
                if inode in inodes and state == listen_state and port != 0:
                    found.append(ListeningSocket(pid, kind, address, port, inode))
        for path, flags, inode in parse_unix_table(_read(net / "unix")):
            if inode in inodes and flags & UNIX_ACCEPTCON:
                found.append(ListeningSocket(pid, "unix", path, None, inode))
    return found


def session_qemu_pids() -> list[int]:
    """Every live QEMU started by this pytest session (see tests/leakcheck.py)."""
    token = os.environ.get(SESSION_VAR)
    return qemu_pids_of_session(token) if token else []


def exposed_sockets(pids: Iterable[int] | None = None, *, udp: bool = True
                    ) -> list[ListeningSocket]:
    chosen = session_qemu_pids() if pids is None else list(pids)
    return [s for s in listening_sockets(chosen, udp=udp) if s.exposed]


def assert_nothing_exposed(pids: Iterable[int] | None = None, *, udp: bool = True
                           ) -> list[ListeningSocket]:
    """Fail when any of `pids` (default: every QEMU of this session) listens beyond this
    machine; returns all their listening sockets, for further checks."""
    chosen = session_qemu_pids() if pids is None else list(pids)
    sockets = listening_sockets(chosen, udp=udp)
    exposed = [s for s in sockets if s.exposed]
    assert not exposed, "QEMU listens where other computers or users can reach it:\n" + "\n".join(
        str(s) for s in exposed)
    return sockets


class ExposureWatch:
    """Scans the session's QEMUs in a background thread until stopped."""

    def __init__(self, interval: float = 0.5, *, udp: bool = True) -> None:
        self.interval = interval
        self.udp = udp
        self.scans = 0
        self.pids_seen: set[int] = set()
        self.exposed: dict[tuple[int, str, str, int | None], ListeningSocket] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="exposure-watch", daemon=True)

    def _run(self) -> None:
        while True:
            self.scan()
            if self._stop.wait(self.interval):
                return

    def scan(self) -> None:
        pids = session_qemu_pids()
        self.pids_seen.update(pids)
        for s in listening_sockets(pids, udp=self.udp):
            if s.exposed:
                self.exposed.setdefault((s.pid, s.kind, s.address, s.port), s)
        self.scans += 1

    def start(self) -> ExposureWatch:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)
        self.scan()  # one last look, so even a short test is scanned while it ends

    def assert_clean(self) -> None:
        assert not self.exposed, (
            "a QEMU listened where other computers or users can reach it:\n"
            + "\n".join(str(s) for s in self.exposed.values()))


@pytest.fixture
def exposure_watch() -> Iterator[ExposureWatch]:
    watch = ExposureWatch().start()
    yield watch
    watch.stop()
    watch.assert_clean()
