#!/usr/bin/env bash
# Build kvmgui's Debian package from this checkout, for Debian 12 (bookworm) and later.
#
# Usage: packaging/debian/build-deb.sh [--with-qt] [--out DIR]
#
#   (default)  dist/kvmgui_<version>_all.deb: kvmgui and the two pure-Python libraries Debian 12
#              does not package (qasync, qemu.qmp) in /usr/lib/kvmgui; Python, numpy and QEMU
#              come from Debian. kvmgui-cli works as is; the desktop app also needs PySide6,
#              which Debian 12 does not package (the launcher says so and what to do).
#   --with-qt  dist/kvmgui_<version>_<arch>.deb (amd64 here): the same plus PySide6 (Qt 6) from
#              its PyPI wheels, without Qt's developer tools. Complete on Debian 12.
#   --out DIR  write the package to DIR instead of dist/.
#
# Environment: PYTHON, a Python >= 3.11 with pip used to build (default: the project's .venv,
# else python3); DEBFULLNAME and DEBEMAIL for the Maintainer field; SOURCE_DATE_EPOCH is
# honoured by dpkg-deb. Needs dpkg-deb, plus dpkg-shlibdeps (dpkg-dev) for --with-qt, and the
# wheels from PyPI or pip's cache. Nothing is installed on this machine.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
app_id="io.github.kvmgui.KvmGui"

usage() { sed -n '4,17s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }
die() { echo "build-deb.sh: $*" >&2; exit 1; }

with_qt=0
out="$repo/dist"
while [ "$#" -gt 0 ]; do
  case "$1" in
    --with-qt) with_qt=1 ;;
    --out) [ "$#" -ge 2 ] || die "--out needs a directory"; out="$2"; shift ;;
    --out=*) out="${1#--out=}" ;;
    -h|--help) usage; exit 0 ;;
    *) echo "build-deb.sh: unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

py="${PYTHON:-}"
if [ -z "$py" ]; then
  if [ -x "$repo/.venv/bin/python" ]; then py="$repo/.venv/bin/python"; else py=python3; fi
fi
"$py" -m pip --version >/dev/null 2>&1 \
  || die "$py cannot run pip. Run scripts/setup.sh first, or set PYTHON to a Python with pip."
command -v dpkg-deb >/dev/null || die "dpkg-deb is missing: apt-get install dpkg"
if [ "$with_qt" = 1 ]; then
  command -v dpkg-shlibdeps >/dev/null || die "dpkg-shlibdeps is missing: apt-get install dpkg-dev"
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/kvmgui-deb.XXXXXX")"
trap 'rm -rf -- "$work"' EXIT
log="$work/build.log"
# Run a noisy step quietly; show its output only when it fails.
quiet() { "$@" >>"$log" 2>&1 || { cat "$log" >&2; die "failed: $*"; }; }

# 1. A clean copy of the sources. Building in the checkout would reuse its build/ directory,
#    where files deleted from the sources live on and end up in the wheel.
src="$work/src"
mkdir -p "$src"
extra_files=()
for f in LICENSE LICENSE.txt COPYING; do
  if [ -e "$repo/$f" ]; then extra_files+=("$f"); fi
done
tar -C "$repo" --exclude=__pycache__ -cf - pyproject.toml README.md kvmgui resources \
  "${extra_files[@]}" | tar -C "$src" -xf -

# 2. Compiled translations: *.qm files are build products (not in git), so make them here when
#    the .ts sources exist; otherwise the package would silently lack them.
shopt -s nullglob
ts_files=("$src"/resources/translations/*.ts)
if [ "${#ts_files[@]}" -gt 0 ]; then
  lrelease="$(dirname "$py")/pyside6-lrelease"
  [ -x "$lrelease" ] || lrelease="$(command -v pyside6-lrelease || command -v lrelease || true)"
  [ -n "$lrelease" ] || die "resources/translations has .ts files but no lrelease to compile them"
  for ts in "${ts_files[@]}"; do quiet "$lrelease" "$ts" -qm "${ts%.ts}.qm"; done
fi
shopt -u nullglob

# 3. The wheel, then kvmgui and the libraries Debian 12 lacks, into one private directory.
quiet "$py" -m pip wheel --disable-pip-version-check --no-deps -w "$work/wheel" "$src"
wheels=("$work"/wheel/kvmgui-*.whl)
root="$work/root"
lib="$root/usr/lib/kvmgui"
requirements=(-r "$here/vendor-requirements.txt")
[ "$with_qt" = 1 ] && requirements+=(-r "$here/vendor-qt-requirements.txt")
# --no-deps: the requirement files pin every library needed; --no-compile: postinst compiles
# for the Python actually installed.
quiet "$py" -m pip install --disable-pip-version-check --no-deps --no-compile \
  --only-binary=:all: --target "$lib" "${wheels[0]}" "${requirements[@]}"
# pip's console scripts point at the build's Python; the package has its own launchers.
# direct_url.json would record this build's temporary path.
rm -rf -- "${lib:?}/bin"
rm -f -- "$lib"/*.dist-info/direct_url.json
# Byte-code is made by postinst for the Python actually installed; some wheels ship theirs.
find "$lib" -name __pycache__ -prune -exec rm -rf {} +
dist_info=("$lib"/kvmgui-*.dist-info)
version="$("$py" "$here/build_helpers.py" version "${dist_info[0]}")"

if [ "$with_qt" = 1 ]; then
  # Qt's developer tools (Designer, Linguist, QML tooling, code generators), C++ headers,
  # type stubs and QML modules: kvmgui (Qt Widgets) never uses them, and they are a fifth
  # of PySide6's size.
  qt="$lib/PySide6"
  find "$qt" -maxdepth 1 -type f -perm -u+x ! -name '*.so*' -delete
  rm -rf -- "$qt/include" "$qt/typesystems" "$qt/glue" "$qt/scripts" "$qt/Qt/libexec" \
    "$qt/Qt/metatypes" "$qt/Qt/qml" "$qt/lib/cmake" "$lib/shiboken6/include" \
    "$lib/shiboken6/lib/cmake"
  rmdir --ignore-fail-on-non-empty -- "$qt/lib" "$lib/shiboken6/lib" 2>/dev/null || true
  find "$lib" -name '*.pyi' -delete
  # The tools' own translations (qt_*.qm loads qtbase_* and qtdeclarative_*: they stay).
  find "$qt/Qt/translations" \( -name 'assistant_*' -o -name 'designer_*' \
    -o -name 'linguist_*' -o -name 'qt_help_*' \) -delete
  # The QML/Quick stack, Designer, Help, the embedded-Linux (EGLFS) and Wayland-compositor
  # libraries: a Qt Widgets app on a desktop never loads them, and they are 70 MB.
  find "$qt/Qt/lib" -regextype posix-extended -regex \
    '.*/libQt6(Qml|Quick|Designer|Help|UiTools|Labs|Lottie|WaylandCompositor|WaylandEglCompositor|EglFS|EglFs).*' \
    -delete
  # Then whatever can no longer load, until nothing changes: Python modules and plugins
  # linked to a removed library, and plugins built against libraries only PySide6-Addons
  # ships (PDF images, the virtual keyboard).
  while :; do
    removed=0
    while IFS= read -r -d '' elf; do
      if ldd "$elf" 2>/dev/null | grep -Eq '^[[:space:]]*lib(Qt6|pyside6)[^ ]* => not found'; then
        rm -f -- "$elf"
        removed=1
      fi
    done < <(find "$qt" "$lib/shiboken6" -type f \( -name '*.so' -o -name '*.so.*' \) -print0)
    [ "$removed" = 1 ] || break
  done
  # Debug symbols (ICU's libraries ship with them), as dh_strip would remove them.
  if command -v strip >/dev/null; then
    find "$lib" -type f \( -name '*.so' -o -name '*.so.*' \) -exec \
      strip --strip-unneeded --remove-section=.comment --remove-section=.note {} +
  fi
fi

# 4. The desktop integration and the documentation Debian requires.
install -D -m 644 "$src/resources/$app_id.desktop" "$root/usr/share/applications/$app_id.desktop"
install -D -m 644 "$src/resources/$app_id.metainfo.xml" \
  "$root/usr/share/metainfo/$app_id.metainfo.xml"
install -D -m 644 "$src/resources/icons/$app_id.svg" \
  "$root/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
doc="$root/usr/share/doc/kvmgui"
install -D -m 644 "$here/copyright" "$doc/copyright"
maintainer="${DEBFULLNAME:-The kvmgui developers} <${DEBEMAIL:-kvmgui@example.org}>"
"$py" "$here/build_helpers.py" render "$here/changelog.in" "$work/changelog" \
  "VERSION=$version" "MAINTAINER=$maintainer"
gzip -9n -c "$work/changelog" > "$doc/changelog.gz"
for page in kvmgui kvmgui-cli; do
  install -d "$root/usr/share/man/man1"
  gzip -9n -c "$here/$page.1" > "$root/usr/share/man/man1/$page.1.gz"
done
overrides="$root/usr/share/lintian/overrides/kvmgui"
install -D -m 644 "$here/lintian-overrides" "$overrides"
[ "$with_qt" = 1 ] && cat "$here/lintian-overrides-qt" >> "$overrides"

# 5. One launcher per entry point of the wheel (kvmgui, kvmgui-cli).
mkdir -p "$root/usr/bin"
while IFS=$'\t' read -r name module function kind; do
  needs_qt=False
  [ "$kind" = gui ] && needs_qt=True
  "$py" "$here/build_helpers.py" render "$here/launcher.py.in" "$root/usr/bin/$name" \
    "NAME=$name" "MODULE=$module" "FUNCTION=$function" "NEEDS_QT=$needs_qt"
  chmod 755 "$root/usr/bin/$name"
done < <("$py" "$here/build_helpers.py" entry-points "${dist_info[0]}")
if [ ! -x "$root/usr/bin/kvmgui" ] || [ ! -x "$root/usr/bin/kvmgui-cli" ]; then
  die "the wheel does not declare both the kvmgui and kvmgui-cli scripts"
fi

# 6. Permissions as Debian expects: only the launchers are executable (wheels mark some
#    libraries and modules executable; nothing under /usr/lib/kvmgui is run directly).
find "$root" -type d -exec chmod 755 {} +
find "$root" -type f -exec chmod 644 {} +
chmod 755 "$root"/usr/bin/*

# 7. The control files.
mkdir -p "$root/DEBIAN"
install -m 755 "$here/postinst" "$here/prerm" "$root/DEBIAN/"
depends="python3 (>= 3.11), python3-numpy (>= 1:1.24), qemu-system-x86, qemu-utils"
if [ "$with_qt" = 1 ]; then
  arch="$(dpkg --print-architecture)"
  # The system libraries Qt loads, computed by dpkg-shlibdeps from the parts kvmgui uses:
  # the Python bindings for QtCore/Gui/Widgets/Svg/Network/DBus and the plugins for X11,
  # Wayland, images, icons, input methods and TLS, plus every bundled Qt library they load
  # (found with ldd: dpkg-shlibdeps does not follow libraries inside the package). Optional
  # plugins such as the GTK 3 theme stay optional: Qt skips them when their library is absent.
  elfs=(
    "$lib"/shiboken6/*.so* "$lib"/PySide6/libpyside6.abi3.so.*
    "$qt"/Qt{Core,Gui,Widgets,Svg,Network,DBus}.abi3.so
    "$qt"/Qt/plugins/platforms/libq{xcb,wayland,offscreen,minimal}.so
    "$qt"/Qt/plugins/{xcbglintegrations,imageformats,iconengines,platforminputcontexts}/*.so
    "$qt"/Qt/plugins/{tls,wayland-shell-integration,wayland-decoration-client}/*.so
    "$qt"/Qt/plugins/wayland-graphics-integration-client/*.so
    "$qt"/Qt/plugins/platformthemes/libqxdgdesktopportal.so
  )
  missing="$(ldd "${elfs[@]}" 2>/dev/null | awk '/=> not found/ {print $1}' | sort -u)"
  [ -z "$missing" ] || die "to compute the dependencies, install the packages of: $missing"
  mapfile -t bundled < <(ldd "${elfs[@]}" 2>/dev/null \
    | awk -v lib="$lib/" 'index($3, lib) == 1 {print $3}' | sort -u)
  mkdir -p "$work/shlibs/debian"
  printf 'Source: kvmgui\n\nPackage: kvmgui\nArchitecture: any\n' > "$work/shlibs/debian/control"
  shlibs="$(cd "$work/shlibs" && dpkg-shlibdeps -O --ignore-missing-info \
    -l"$qt/Qt/lib" -l"$qt" -l"$lib/shiboken6" "${elfs[@]}" "${bundled[@]}" 2>>"$log")" \
    || { cat "$log" >&2; die "dpkg-shlibdeps failed"; }
  depends="$depends, ${shlibs#shlibs:Depends=}"
  extra=" .
 This package includes Qt for Python (PySide6) and the Python libraries qasync
 and qemu.qmp, which Debian 12 does not package, in /usr/lib/kvmgui."
else
  arch=all
  extra=" .
 This package includes the Python libraries qasync and qemu.qmp, which Debian 12
 does not package, in /usr/lib/kvmgui. It does not include Qt for Python
 (PySide6), which the desktop app needs and Debian 12 does not package either:
 kvmgui-cli works as is; for the app, build the complete package with
 build-deb.sh --with-qt."
fi
installed_size="$(du -sk --exclude=DEBIAN "$root" | cut -f1)"
(cd "$root" && find usr -type f -print0 | LC_ALL=C sort -z | xargs -0 md5sum) \
  > "$root/DEBIAN/md5sums"
chmod 644 "$root/DEBIAN/md5sums"
"$py" "$here/build_helpers.py" render "$here/control.in" "$root/DEBIAN/control" \
  "VERSION=$version" "ARCH=$arch" "MAINTAINER=$maintainer" \
  "INSTALLED_SIZE=$installed_size" "DEPENDS=$depends" "EXTRA_DESCRIPTION=$extra"

# 8. The package.
mkdir -p "$out"
deb="$out/kvmgui_${version}_${arch}.deb"
quiet dpkg-deb --root-owner-group --build "$root" "$deb"
echo "$deb"
