"""QEMU's error output → one plain sentence with a fix (raw text kept as details).

The first tests feed the real stderr of qemu-system-x86_64 7.2, produced on the spot with the
failing option; the rest use captured texts for situations this machine cannot produce (it
runs as root and has no usable KVM).
"""

from __future__ import annotations

import socket
import subprocess
from pathlib import Path

import pytest

from kvmgui.runtime.qemu_errors import error_lines, explain, read_log_since
from tests.qemu_holding import qemu_holding
from tests.runtime.helpers import short_tmp

QEMU = ["qemu-system-x86_64", "-nodefaults", "-display", "none", "-accel", "tcg", "-m", "64",
        "-S"]


def qemu_audio_drivers() -> set[str]:
    """What this QEMU lists under -audiodev help: `pa` only when its module is installed."""
    out = subprocess.run([QEMU[0], "-audiodev", "help"], capture_output=True, text=True,
                         timeout=30, stdin=subprocess.DEVNULL).stdout
    return {w for w in out.split() if not w.endswith(":")}


def qemu_stderr(*args: str) -> str:
    result = subprocess.run([*QEMU, *args], capture_output=True, text=True, timeout=30,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 1, result
    return result.stderr


def blockdev(path: Path, name: str, fmt: str = "raw", read_only: bool = False) -> list[str]:
    ro = ",read-only=on" if read_only else ""
    return ["-blockdev", f"driver=file,filename={path},node-name={name}-file{ro}",
            "-blockdev", f"driver={fmt},file={name}-file,node-name={name}{ro}"]


@pytest.mark.qemu
def test_real_missing_iso(tmp_path: Path) -> None:
    iso = tmp_path / "gone.iso"
    text = qemu_stderr(*blockdev(iso, "cd0", read_only=True))
    plain = explain(text)
    assert plain.code == "file-missing"
    assert plain.message == (f"The ISO image {iso} does not exist (it was moved, renamed or "
                             "deleted): choose the file again in the VM's settings, or remove "
                             "it from the VM.")
    assert "Could not open" in plain.details
    roles = {str(iso): "the ISO image in the CD/DVD drive"}
    assert explain(text, roles=roles).message.startswith(
        f"The ISO image in the CD/DVD drive ({iso}) does not exist")


@pytest.mark.qemu
def test_real_write_lock(tmp_path: Path) -> None:
    disk = tmp_path / "d.qcow2"
    subprocess.run(["qemu-img", "create", "-f", "qcow2", str(disk), "16M"], check=True,
                   capture_output=True)
    with qemu_holding(disk, "qcow2"):
        for read_only in (False, True):
            text = qemu_stderr(*blockdev(disk, "hd0", "qcow2", read_only), "-device",
                               "virtio-blk-pci,drive=hd0")
            plain = explain(text, roles={"hd0": "the VM's disk"})
            assert plain.code == "disk-locked", text
            assert plain.message.startswith(
                f"This disk is already used by a running VM: the VM's disk ({disk}) is open in "
                "another QEMU")


@pytest.mark.qemu
def test_real_port_forward_in_use() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        text = qemu_stderr("-netdev", f"user,id=n0,hostfwd=tcp:127.0.0.1:{port}-:22",
                           "-device", "e1000,netdev=n0")
    plain = explain(text)
    assert plain.code == "port-in-use"
    assert plain.message.startswith(f"The host port {port} is already in use by another "
                                    "program, so it cannot be forwarded to the guest's port 22")


@pytest.mark.qemu
def test_real_sound_server_missing() -> None:
    """`pa` with no server behind it; on a QEMU without its PulseAudio module (Debian without
    qemu-system-gui) the same command line fails earlier, and that is explained instead."""
    text = qemu_stderr("-audiodev", "pa,id=snd0,server=unix:/nonexistent/pulse",
                       "-device", "ich9-intel-hda", "-device", "hda-duplex,audiodev=snd0")
    plain = explain(text)
    if "pa" in qemu_audio_drivers():
        assert plain.code == "audio"
        assert plain.message == ("QEMU could not connect to the PulseAudio/PipeWire sound "
                                 "server: start your desktop's sound service, or turn sound off "
                                 "for this VM.")
    else:
        assert plain.code == "audio-module"
        assert plain.message == ("QEMU's module for your desktop's sound server is not "
                                 "installed: install it with sudo apt install qemu-system-gui, "
                                 "or turn sound off for this VM.")


@pytest.mark.qemu
def test_real_cpu_host_without_kvm() -> None:
    plain = explain(qemu_stderr("-cpu", "host"))
    assert plain.code == "cpu-host"
    assert "only works with KVM" in plain.message


@pytest.mark.qemu
def test_real_wrong_format(tmp_path: Path) -> None:
    raw = tmp_path / "r.img"
    raw.write_bytes(b"\0" * 1024 * 1024)
    plain = explain(qemu_stderr(*blockdev(raw, "hd0", "qcow2")),
                    roles={"hd0": "disk 1"})
    assert plain.code == "wrong-format"
    assert plain.message.startswith("Disk 1 is not a qcow2 image although the VM's settings "
                                    "say so")


@pytest.mark.parametrize(
    ("text", "code", "words"),
    [
        ("qemu-system-x86_64: -accel kvm: Could not access KVM kernel module: Permission "
         "denied\nqemu-system-x86_64: -accel kvm: failed to initialize kvm: Permission denied",
         "kvm-permission", "sudo adduser $USER kvm"),
        ("qemu-system-x86_64: -accel kvm: Could not access KVM kernel module: No such file or "
         "directory\nqemu-system-x86_64: -accel kvm: failed to initialize kvm: No such file or "
         "directory", "kvm-missing", "VT-x or AMD-V"),
        ("qemu-system-x86_64: -accel kvm: ioctl(KVM_CREATE_VM) failed: 16 Device or resource "
         "busy\nqemu-system-x86_64: -accel kvm: failed to initialize kvm: Device or resource "
         "busy", "kvm-busy", "VirtualBox or VMware"),
        ("qemu-system-x86_64: error: failed to set MSR 0x10a to 0x2000000\n"
         "qemu-system-x86_64: ../../target/i386/kvm/kvm.c:3000: kvm_buf_set_msrs: Assertion "
         "`ret == cpu->kvm_msr_buf->nmsrs' failed.", "cpu-host", "nested virtual machines"),
        ("qemu-system-x86_64: cannot set up guest memory 'pc.ram': Cannot allocate memory",
         "memory", "the 8192 MiB of memory this VM wants"),
        ("qemu-system-x86_64: -blockdev driver=file,filename=/home/u/My ISOs/a.iso,node-name="
         "cd0-file,read-only=on: Could not open '/home/u/My ISOs/a.iso': Permission denied",
         "file-permission", "not allowed to open the CD ISO (/home/u/My ISOs/a.iso)"),
        ("qemu-system-x86_64: -blockdev driver=host_cdrom,filename=/dev/sr0,node-name=cd0-file,"
         "read-only=on: Could not open '/dev/sr0': No such file or directory",
         "device-missing", "connect the device"),
        ("qemu-system-x86_64: cannot create PID file: Cannot lock pid file: Resource "
         "temporarily unavailable", "already-running", "already running"),
        ("pulseaudio: pa_context_connect() failed\naudio: Could not init `pa' audio driver",
         "audio", "sound server"),
        ("qemu: module audio-audio-pa not found, do you want to install qemu-system-gui "
         "package?\naudio: Unknown audio driver `pa'", "audio-module",
         "sudo apt install qemu-system-gui"),
        ("qemu-system-x86_64: -audiodev pa,id=snd0: Unknown audio driver `pa'", "audio-module",
         "sudo apt install qemu-system-gui"),
        ("qemu-system-x86_64: -chardev socket,id=tpmchr,path=/run/x/swtpm.sock: Failed to "
         "connect to '/run/x/swtpm.sock': No such file or directory\n"
         "qemu-system-x86_64: -tpmdev emulator,id=tpm0,chardev=tpmchr: tpm-emulator: ...",
         "tpm", "swtpm"),
    ],
)
def test_known_messages(text: str, code: str, words: str) -> None:
    roles = {"memory": "8192 MiB", "/home/u/My ISOs/a.iso": "the CD ISO"}
    plain = explain(text, roles=roles)
    assert plain.code == code, plain
    assert words in plain.message, plain.message
    assert plain.details  # QEMU's own words are kept for "Details"


def test_unknown_message_is_passed_on_readably() -> None:
    text = ("=== kvmgui 2025-01-01 10:00:00: starting 'x' ===\nqemu-system-x86_64 -m 64\n"
            "qemu-system-x86_64: -device foo: 'foo' is not a valid device model name\n")
    plain = explain(text, exit_text="QEMU exited with code 1")
    assert plain.code == "qemu-error"
    assert plain.message == ("QEMU could not start the VM: 'foo' is not a valid device model "
                             "name.")
    assert explain("", exit_text="QEMU exited with code 1").message == (
        "QEMU could not start the VM (QEMU exited with code 1) and printed no error message.")
    crashed = explain("", during_start=False, exit_text="QEMU was killed by signal 9 (SIGKILL)")
    assert crashed.message == "QEMU was killed by signal 9 (SIGKILL)."


def test_log_reading_starts_at_this_run() -> None:
    log = short_tmp() / "qemu.log"
    log.write_text("old run: Failed to get \"write\" lock\n")
    offset = log.stat().st_size
    with open(log, "a") as f:
        f.write("qemu-system-x86_64: Could not open '/x.iso': No such file or directory\n")
    text = read_log_since(log, offset)
    assert "write" not in text
    assert explain(text).code == "file-missing"
    assert error_lines("a\r\n\r\nb\n=== banner ===\n") == ["a", "b"]
    assert read_log_since(log.parent / "missing.log", 0) == ""
