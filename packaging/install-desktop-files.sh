#!/usr/bin/env bash
# Add kvmgui to the desktop's application menu: copy its desktop file, AppStream metainfo and
# icon under PREFIX/share (the Debian package does this itself; this is for pip installs).
#
# Usage: packaging/install-desktop-files.sh [--exec COMMAND] [--uninstall] [PREFIX]
#
#   PREFIX          where to install (default: ~/.local, for you alone; /usr/local for everyone,
#                   as root)
#   --exec COMMAND  the program the menu entry starts (default: kvmgui, found on PATH), e.g.
#                   --exec "$PWD/.venv/bin/kvmgui" for the project's venv
#   --uninstall     remove the files instead
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
resources="$here/../resources"
app_id="io.github.kvmgui.KvmGui"

usage() { sed -n '5,13s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }
die() { echo "install-desktop-files.sh: $*" >&2; exit 1; }

exec_cmd=""
uninstall=0
prefix=""
while [ "$#" -gt 0 ]; do
  case "$1" in
    --exec) [ "$#" -ge 2 ] || die "--exec needs a command"; exec_cmd="$2"; shift ;;
    --exec=*) exec_cmd="${1#--exec=}" ;;
    --uninstall) uninstall=1 ;;
    -h|--help) usage; exit 0 ;;
    --) shift; break ;;
    -*) echo "install-desktop-files.sh: unknown option: $1" >&2; usage >&2; exit 2 ;;
    *) [ -z "$prefix" ] || die "only one PREFIX, please"; prefix="$1" ;;
  esac
  shift
done
if [ "$#" -gt 0 ]; then
  if [ -n "$prefix" ] || [ "$#" -ne 1 ]; then die "only one PREFIX, please"; fi
  prefix="$1"
fi
prefix="${prefix:-${HOME:?HOME is not set}/.local}"

applications="$prefix/share/applications"
metainfo="$prefix/share/metainfo"
icons="$prefix/share/icons/hicolor/scalable/apps"
desktop_file="$applications/$app_id.desktop"
metainfo_file="$metainfo/$app_id.metainfo.xml"
icon_file="$icons/$app_id.svg"

# Tell the desktop about the change when its tools are there; menus also notice by themselves.
refresh() {
  if command -v update-desktop-database >/dev/null; then
    update-desktop-database -q "$applications" 2>/dev/null || true
  fi
  if command -v gtk-update-icon-cache >/dev/null && [ -e "$prefix/share/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" 2>/dev/null || true
  fi
}

if [ "$uninstall" = 1 ]; then
  rm -f -- "$desktop_file" "$metainfo_file" "$icon_file"
  [ -d "$applications" ] && refresh
  echo "Removed kvmgui's menu entry from $prefix/share."
  exit 0
fi

# The Exec key's own quoting rules (Desktop Entry spec): refuse what would need escaping,
# quote a path with spaces.
exec_line="Exec=kvmgui"
if [ -n "$exec_cmd" ]; then
  case "$exec_cmd" in
    *[\"\`\$\\%]*|*$'\n'*) die "--exec: the command must not contain \" \` \$ \\ % or a newline" ;;
  esac
  case "$exec_cmd" in
    *" "*) exec_line="Exec=\"$exec_cmd\"" ;;
    *) exec_line="Exec=$exec_cmd" ;;
  esac
elif ! command -v kvmgui >/dev/null; then
  echo "install-desktop-files.sh: note: kvmgui is not on your PATH, so the menu entry will not" \
    "start until it is (pip install --user, pipx), or run again with --exec /path/to/kvmgui." >&2
fi

install -d -- "$applications" "$metainfo" "$icons"
# Write to a temporary name, then rename: a menu never sees a half-written file.
while IFS= read -r line; do
  case "$line" in
    Exec=*) printf '%s\n' "$exec_line" ;;
    *) printf '%s\n' "$line" ;;
  esac
done < "$resources/$app_id.desktop" > "$desktop_file.tmp"
chmod 644 -- "$desktop_file.tmp"
mv -f -- "$desktop_file.tmp" "$desktop_file"
install -m 644 -- "$resources/$app_id.metainfo.xml" "$metainfo_file"
install -m 644 -- "$resources/icons/$app_id.svg" "$icon_file"
refresh
echo "Installed kvmgui's menu entry, metainfo and icon under $prefix/share."
