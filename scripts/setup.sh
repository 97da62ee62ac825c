#!/usr/bin/env bash
# Set up everything kvmgui needs on a Debian or Ubuntu machine, idempotently:
#   - QEMU and friends from the distribution's packages (only what is missing),
#   - the Python packages into a project venv (.venv), re-installed only when pyproject.toml changes.
# Usage: scripts/setup.sh [app|test]   ("test" adds what the test suite needs to build its guest)
# Sourced or run; it never asks questions (apt runs non-interactively).
set -euo pipefail

mode="${1:-app}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

# What the app needs at run time. The libxcb* / libxkbcommon-x11 / libegl / libgl packages are
# what PySide6's X11 platform plugin loads; Debian does not pull them in for a pip-installed Qt.
# qemu-system-gui holds QEMU's PulseAudio driver (audio-pa.so, which PipeWire's pulse service
# answers too): qemu-system-x86 only recommends it, so without it guests have no sound. No
# smaller package ships that module. samba: QEMU runs its smbd to share a folder with a Windows
# guest (-netdev user,smb=). libvirt-dev, pkg-config, gcc, python3-dev: pip builds the libvirt
# binding (libvirt-python, the `libvirt` extra) against the distribution's libvirt.
app_pkgs=(
  qemu-system-x86 qemu-system-gui qemu-utils ovmf swtpm virt-viewer samba
  python3 python3-venv util-linux
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-xinerama0 libxcb-xkb1 libxcb-randr0 libxcb-shape0 libxkbcommon-x11-0 libxkbcommon0
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0
  libvirt0 libvirt-dev pkg-config gcc python3-dev
)
# What the tests need on top: the tools that build the tiny test guest (a Debian kernel and
# busybox in a hybrid ISO), a virtual screen with a window manager and an input driver for the
# app-level tests and screenshots, the packaging checkers, and ss (iproute2) for the tests that
# prove no QEMU listens off loopback; virt-xml-validate (libvirt-clients, which runs xmllint from
# libxml2-utils, only a recommendation of it) checks the exported libvirt domain XML, and a
# libvirt daemon with its QEMU driver serves the tests of libvirt connections
# (tests/libvirt_daemon.py starts it when it is not running). openssh-server: the tests of
# qemu+ssh:// connections run a private sshd of their own on 127.0.0.1 (tests/ssh_server.py);
# netcat-openbsd (nc) is what libvirt runs on the remote side for a URI naming a socket=.
test_pkgs=(
  xorriso isolinux syslinux-common busybox-static cpio gzip xz-utils zstd
  xvfb xdotool openbox imagemagick appstream desktop-file-utils iproute2
  libvirt-daemon-system libvirt-daemon-driver-qemu libvirt-clients libxml2-utils
  openssh-client openssh-server netcat-openbsd
)

pkgs=("${app_pkgs[@]}")
[ "$mode" = test ] && pkgs+=("${test_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)"
  [ "$status" = "install ok installed" ] || missing+=("$p")
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "kvmgui setup: installing ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null; then sudo=(sudo); else
    echo "kvmgui setup: these packages are missing: ${missing[*]}" >&2
    echo "Install them as root: apt-get install ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  # The tests need the sshd program, not an SSH service answering on port 22 of every
  # interface: when this installs openssh-server, Debian's own switch keeps its service
  # (systemd unit and init script alike) from running. Remove the file to use that service.
  if [[ " ${missing[*]} " == *" openssh-server "* ]]; then
    "${sudo[@]}" mkdir -p /etc/ssh
    "${sudo[@]}" touch /etc/ssh/sshd_not_to_be_run
  fi
  # Refresh the package lists only when they are missing or older than a day.
  if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mtime -1 2>/dev/null | head -n1)" ]; then
    "${sudo[@]}" apt-get update -qq
  fi
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The Python side. Python 3.11 or newer is required (Debian 12 ships 3.11).
py="${PYTHON:-python3}"
if ! "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "kvmgui setup: Python 3.11 or newer is needed; $("$py" --version 2>&1) found." >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  "$py" -m venv .venv
fi
stamp=".venv/.kvmgui-installed"
want="$(sha256sum pyproject.toml | cut -d' ' -f1)-$mode"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]; then
  extras="[libvirt]"
  [ "$mode" = test ] && extras="[test,libvirt]"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".${extras}"
  echo "$want" > "$stamp"
fi
# PySide6 keeps its own start-up modules (shibokensupport) inside its library and compiles them
# from source at every start, about 100 million instructions before any window. SBK_EMBED=0
# (shiboken's switch for it) unpacks them once into shiboken6/files.dir, where they load like
# any module, compiled once. Redone when shiboken6 changes (files.dir is not pip's to remove).
for sbk in .venv/lib/python3*/site-packages/shiboken6; do
  [ -f "$sbk/Shiboken.abi3.so" ] || continue
  sbk_id="$(sha256sum "$sbk/Shiboken.abi3.so" | cut -d' ' -f1)"
  if [ "$(cat "$sbk/files.dir/.kvmgui-unpacked" 2>/dev/null || true)" != "$sbk_id" ]; then
    rm -rf "$sbk/files.dir"
    SBK_EMBED=0 .venv/bin/python -c 'import PySide6.QtCore'
    .venv/bin/python -m compileall -q "$sbk/files.dir" >/dev/null
    echo "$sbk_id" > "$sbk/files.dir/.kvmgui-unpacked"
  fi
done
# The app loads compiled translations (.qm, build products kept out of git): compile them when
# a .ts is newer than its .qm, with the Qt tools of the venv's PySide6.
for ts in resources/translations/kvmgui_*.ts; do
  if [ ! "${ts%.ts}.qm" -nt "$ts" ]; then
    .venv/bin/python scripts/update-translations --compile-only
    break
  fi
done
