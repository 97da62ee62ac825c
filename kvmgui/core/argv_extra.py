"""Checks on the expert "extra arguments" appended to a VM's QEMU command line.

Extra arguments come from the user, but also from any definition file someone hands them. They
must never add a second monitor or display that other programs could reach, listen on the
network, run a host command, replace the process set-up kvmgui relies on (pidfile, name,
daemonizing), or let QEMU guess an image format (issue 8). Everything else is allowed: this is
the expert escape hatch.

QEMU options take at most one value, so the scan is simple: every token starting with "-" is an
option (QEMU also accepts "--option"); the token after an option that takes a value is that
value. A token that is neither would be opened by QEMU as a disk image, with a guessed format.
"""

from __future__ import annotations

from collections.abc import Sequence

from kvmgui.core.argv_opts import opts_dict, split_opts

# Why each option is refused. One clause each; the sentence is built in `_refuse`.
_MONITOR = "kvmgui gives QEMU its own private monitor sockets, and another could expose the VM"
_DISPLAY = "kvmgui sets up the display itself, on a private socket only this user can open"
_GUESSED = "QEMU would guess the image format; add the disk in the VM's settings instead"
_PROCESS = "kvmgui needs to manage the QEMU process itself"

FORBIDDEN: dict[str, str] = {
    "qmp": _MONITOR,
    "qmp-pretty": _MONITOR,
    "monitor": _MONITOR,
    "mon": _MONITOR,
    "chardev": "extra character devices can open sockets or files outside kvmgui's control",
    "serial": "kvmgui already writes the serial console to the VM's log",
    "parallel": "a parallel port backend can open host devices or sockets",
    "debugcon": "a debug console backend can open host devices or sockets",
    "virtioconsole": "a console backend can open host devices or sockets",
    "qtest": "the test interface gives full control of the VM to whoever connects",
    "gdb": "a debugger stub lets whoever connects control the guest",
    "s": "it opens a debugger port on TCP 1234 that anyone on the network can use",
    "incoming": "it makes QEMU wait for a migration stream, which can arrive over the network",
    "vnc": _DISPLAY,
    "spice": _DISPLAY,
    "display": _DISPLAY,
    "nographic": _DISPLAY,
    "curses": _DISPLAY,
    "sdl": _DISPLAY,
    "pidfile": _PROCESS,
    "daemonize": _PROCESS,
    "runas": _PROCESS,
    "run-with": _PROCESS,
    "chroot": _PROCESS,
    "name": _PROCESS,
    "S": "kvmgui decides itself when the guest starts running",
    "readconfig": "a configuration file can add monitors and displays that this check cannot see",
    "set": "it can change the monitors and sockets kvmgui set up",
    "plugin": "it loads a shared library into QEMU",
    "tpmdev": "kvmgui sets up the TPM itself",
    "hda": _GUESSED,
    "hdb": _GUESSED,
    "hdc": _GUESSED,
    "hdd": _GUESSED,
    "cdrom": _GUESSED,
    "fda": _GUESSED,
    "fdb": _GUESSED,
    "sd": _GUESSED,
    "mtdblock": _GUESSED,
    "pflash": _GUESSED,
    "h": "QEMU would print its help and exit instead of starting the VM",
    "help": "QEMU would print its help and exit instead of starting the VM",
    "version": "QEMU would print its version and exit instead of starting the VM",
    "audio-help": "QEMU would print its help and exit instead of starting the VM",
}

# QEMU options (7.2 to 10.x) that take no value; every other option takes exactly one.
NO_VALUE: frozenset[str] = frozenset(
    {
        "h", "help", "version", "snapshot", "usb", "nographic", "portrait", "full-screen",
        "win2k-hack", "no-fd-bootchk", "no-acpi", "no-hpet", "singlestep", "preconfig", "S",
        "s", "enable-kvm", "xen-attach", "xen-domid-restrict", "no-reboot", "no-shutdown",
        "daemonize", "only-migratable", "nodefaults", "no-user-config", "async-teardown",
        "enable-sync-profile", "mem-prealloc", "audio-help", "alt-grab", "ctrl-grab",
        "no-quit", "sdl", "curses", "no-frame", "enable-fips", "semihosting", "localtime",
        "rtc-td-hack", "nodefconfig", "old-param", "std-vga", "no-kvm",
    }
)

# Network back-ends that stay inside QEMU. socket/stream/dgram can listen on the network;
# tap/bridge/vde/vhost-* need root or helpers and attach the guest to the host's network.
_SAFE_NET_TYPES = frozenset({"user", "none", "nic", "hubport"})
_LOOPBACK_PREFIXES = ("127.", "[::1]", "localhost")
_LISTENING_OBJECTS = frozenset({"x-vfio-user-server", "vfio-user-server", "input-barrier"})


def _refuse(option: str, reason: str) -> str:
    return f"The extra argument {option} is not allowed: {reason}."


def _option_name(token: str) -> str | None:
    """"-qmp" / "--qmp" → "qmp"; None for a token that is not an option."""
    if len(token) < 2 or not token.startswith("-"):
        return None
    name = token[2:] if token.startswith("--") else token[1:]
    # QEMU does not split "-opt=value", but a lookalike must not slip past the table.
    return name.partition("=")[0] or None


def _hostfwd_problem(rule: str) -> str | None:
    # [tcp:|udp:]hostaddr:hostport-[guestaddr]:guestport; an empty hostaddr means 0.0.0.0.
    rest = rule
    for proto in ("tcp:", "udp:"):
        if rest.startswith(proto):
            rest = rest[len(proto):]
    host_part = rest.partition("-")[0]
    host_addr = host_part.rpartition(":")[0]
    if not host_addr.startswith(_LOOPBACK_PREFIXES):
        return (
            f"The port forward hostfwd={rule} would accept connections from other computers; "
            "write 127.0.0.1 before the host port."
        )
    return None


def _net_problems(option: str, value: str) -> list[str]:
    fields = opts_dict(value, implied="type")
    net_type = fields.get("type", "")
    if net_type not in _SAFE_NET_TYPES:
        return [
            f"The extra argument -{option} {net_type or value} is not allowed: only user-mode "
            "networking may be added, other back-ends can listen on the network or need root."
        ]
    problems: list[str] = []
    for item in split_opts(value):
        key, _, rule = item.partition("=")
        if key == "hostfwd":
            problem = _hostfwd_problem(rule)
            if problem:
                problems.append(problem)
        elif key == "guestfwd" and "-cmd:" in rule:
            problems.append(
                f"The extra argument guestfwd={rule} is not allowed: it runs a host command "
                "through the shell."
            )
    return problems


def _drive_problems(value: str) -> list[str]:
    fields = opts_dict(value)
    opens_image = "file" in fields or "file.filename" in fields
    if opens_image and "format" not in fields and "driver" not in fields:
        return [
            f"The extra argument -drive {value} needs an explicit format=raw or format=qcow2: "
            "without it QEMU guesses the format, which a guest can abuse."
        ]
    return []


def _object_problems(value: str) -> list[str]:
    object_type = opts_dict(value, implied="qom-type").get("qom-type", "")
    if object_type in _LISTENING_OBJECTS:
        return [_refuse(f"-object {object_type}", "it connects the VM to other programs")]
    return []


def _value_problems(option: str, value: str) -> list[str]:
    if option in ("netdev", "nic", "net"):
        return _net_problems(option, value)
    if option == "drive":
        return _drive_problems(value)
    if option == "object":
        return _object_problems(value)
    return []


def extra_args_problems(args: Sequence[str]) -> list[str]:
    """One plain sentence per problem in the expert extra arguments; empty when they are fine."""
    problems: list[str] = []
    expecting_value_for: str | None = None
    for token in args:
        if token == "":
            problems.append("An extra argument is empty; remove it.")
            expecting_value_for = None
            continue
        if any(ch in token for ch in "\0\n\r"):
            problems.append(
                f"The extra argument {token!r} contains a control character; remove it."
            )
            expecting_value_for = None
            continue
        name = _option_name(token)
        # A value that looks like a forbidden option is refused too: if the table of
        # value-taking options were ever wrong, an injected "-qmp" must still be caught.
        if name is not None and name in FORBIDDEN:
            problems.append(_refuse(token, FORBIDDEN[name]))
            expecting_value_for = None if name in NO_VALUE else name
            continue
        if expecting_value_for is not None:
            problems.extend(_value_problems(expecting_value_for, token))
            expecting_value_for = None
            continue
        if name is None:
            problems.append(
                f"The extra argument {token} is not an option: QEMU would open it as a disk "
                "image and guess its format; add disks in the VM's settings instead."
            )
            continue
        expecting_value_for = None if name in NO_VALUE else name
    if expecting_value_for is not None and expecting_value_for not in FORBIDDEN:
        problems.append(f"The extra argument -{expecting_value_for} is missing its value.")
    return problems
