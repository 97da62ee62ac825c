"""The SSH side of a libvirt URI, a domain's VNC display from its XML, and the tunnel's argv."""

from __future__ import annotations

import itertools

import pytest

from kvmgui.core.remote_console import (
    RemoteConsoleError,
    RemoteDisplay,
    SshTarget,
    goes_through_ssh,
    on_this_computer,
    ssh_target,
    tunnel_argv,
    vnc_display,
)


@pytest.mark.parametrize(("uri", "expected"), [
    ("qemu+ssh://root@127.0.0.1:2222/system?keyfile=/k/id&no_verify=1&command=/bin/myssh",
     SshTarget(host="127.0.0.1", user="root", port=2222, keyfile="/k/id", no_verify=True,
               program="/bin/myssh")),
    ("qemu+ssh://server.example/system", SshTarget(host="server.example")),
    ("qemu+ssh://alice@[::1]/system?no_tty=1", SshTarget(host="::1", user="alice")),
    # known_hosts is a parameter of libvirt's libssh transports; command= is not ssh there.
    ("qemu+libssh2://bob@h:22/system?known_hosts=/k/kh&sshauth=privkey&command=x",
     SshTarget(host="h", user="bob", port=22, known_hosts="/k/kh")),
    ("qemu+ssh://h/system?known_hosts=/k/kh", SshTarget(host="h")),
    ("qemu+ssh:///system", SshTarget(host="localhost")),
    ("qemu+ssh://al%40ice@h/system", SshTarget(host="h", user="al@ice")),
])
def test_ssh_target_reads_what_libvirt_reads(uri: str, expected: SshTarget) -> None:
    assert ssh_target(uri) == expected


@pytest.mark.parametrize("uri", ["qemu:///system", "qemu:///session", "qemu+tcp://h/system",
                                 "qemu+tls://h/system", "test:///default", "qemu+unix:///system"])
def test_uris_without_ssh_have_no_target(uri: str) -> None:
    assert ssh_target(uri) is None


def test_a_bad_port_is_one_sentence() -> None:
    with pytest.raises(RemoteConsoleError, match="not a number"):
        ssh_target("qemu+ssh://h:99999/system")


def test_destination_is_what_a_user_types() -> None:
    assert SshTarget(host="h", user="u").destination == "u@h"
    assert SshTarget(host="h").destination == "h"


SOCKET_XML = """<domain type='qemu'><name>x</name><devices>
  <graphics type='vnc' socket='/var/lib/libvirt/qemu/domain-3-x/vnc.sock'>
    <listen type='socket' socket='/var/lib/libvirt/qemu/domain-3-x/vnc.sock'/>
  </graphics></devices></domain>"""


@pytest.mark.parametrize(("xml", "expected"), [
    (SOCKET_XML, RemoteDisplay(socket="/var/lib/libvirt/qemu/domain-3-x/vnc.sock")),
    ("<domain><devices><graphics type='vnc'><listen type='socket' socket='/s'/></graphics>"
     "</devices></domain>", RemoteDisplay(socket="/s")),
    ("<domain><devices><graphics type='vnc' port='5901' autoport='yes' listen='127.0.0.1'>"
     "<listen type='address' address='127.0.0.1'/></graphics></devices></domain>",
     RemoteDisplay(port=5901)),
    ("<domain><devices><graphics type='vnc' port='5902' listen='0.0.0.0'>"
     "<listen type='address' address='0.0.0.0'/></graphics></devices></domain>",
     RemoteDisplay(port=5902)),
    ("<domain><devices><graphics type='vnc' port='5903'><listen type='address' "
     "address='::1'/></graphics></devices></domain>", RemoteDisplay(host="::1", port=5903)),
])
def test_vnc_display_of_a_running_domain(xml: str, expected: RemoteDisplay) -> None:
    assert vnc_display(xml) == expected


@pytest.mark.parametrize("xml", [
    "<domain><devices><graphics type='vnc' port='-1' autoport='yes'/></devices></domain>",
    "<domain><devices><graphics type='spice' port='5900'/></devices></domain>",
    "<domain><devices/></domain>",
    "not xml",
])
def test_no_vnc_display(xml: str) -> None:
    assert vnc_display(xml) is None


def test_forward_targets() -> None:
    assert RemoteDisplay(socket="/s/vnc.sock").forward_target == "/s/vnc.sock"
    assert RemoteDisplay(port=5900).forward_target == "127.0.0.1:5900"
    assert RemoteDisplay(host="::1", port=5900).forward_target == "[::1]:5900"


def test_tunnel_argv_forwards_one_socket_the_way_libvirt_connects() -> None:
    target = ssh_target("qemu+ssh://root@10.0.0.2:2222/system?keyfile=/k/id&no_verify=1"
                        "&command=/opt/ssh")
    assert target is not None
    argv = tunnel_argv(target, "/run/user/1/kvmgui/tunnels/ssh-a/vnc.sock",
                       RemoteDisplay(socket="/var/lib/libvirt/qemu/d/vnc.sock"), batch=True)
    assert argv[0] == "/opt/ssh"
    assert argv[-4:] == ["-L", "/run/user/1/kvmgui/tunnels/ssh-a/vnc.sock:"
                         "/var/lib/libvirt/qemu/d/vnc.sock", "--", "10.0.0.2"]
    pairs = list(itertools.pairwise(argv))
    for pair in [("-p", "2222"), ("-l", "root"), ("-i", "/k/id"), ("-o", "BatchMode=yes"),
                 ("-o", "ExitOnForwardFailure=yes"), ("-o", "StrictHostKeyChecking=no"),
                 ("-o", "StreamLocalBindMask=0177")]:
        assert pair in pairs
    assert "-N" in argv and "-T" in argv
    assert "-R" not in argv and "-D" not in argv  # nothing else is forwarded


def test_tunnel_argv_asks_when_not_batch_and_honours_known_hosts() -> None:
    target = SshTarget(host="h", known_hosts="/k/kh")
    argv = tunnel_argv(target, "/l.sock", RemoteDisplay(port=5900), batch=False)
    assert "BatchMode=yes" not in argv
    assert "UserKnownHostsFile=/k/kh" in argv
    assert "StrictHostKeyChecking=no" not in argv
    assert argv[-4:] == ["-L", "/l.sock:127.0.0.1:5900", "--", "h"]


def test_a_colon_in_a_socket_path_is_refused() -> None:
    with pytest.raises(RemoteConsoleError, match="colon"):
        tunnel_argv(SshTarget(host="h"), "/a:b.sock", RemoteDisplay(port=1), batch=True)


def test_goes_through_ssh() -> None:
    assert goes_through_ssh("qemu+ssh://h:99999/system")  # never raises
    assert goes_through_ssh("qemu+libssh://h/system")
    assert not goes_through_ssh("qemu:///system")
    assert not goes_through_ssh("qemu+tcp://h/system")


def test_command_logs_in_the_way_libvirt_does() -> None:
    target = ssh_target("qemu+ssh://root@h:2222/system?keyfile=/my keys/id")
    assert target is not None
    assert target.command == "ssh -p 2222 -i '/my keys/id' root@h"
    assert SshTarget(host="h").command == "ssh h"


@pytest.mark.parametrize(("uri", "local"), [
    ("qemu:///system", True), ("qemu:///session", True), ("qemu+unix:///system", True),
    ("qemu+ssh:///system", False), ("qemu+ssh://h/system", False),
    ("qemu+tcp://h/system", False), ("qemu://h/system", False),
])
def test_on_this_computer(uri: str, local: bool) -> None:
    assert on_this_computer(uri) is local
