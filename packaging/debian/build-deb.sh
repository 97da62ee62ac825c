#!/usr/bin/env bash
# Build kvmgui's Debian package from this checkout, for the Debian release it runs on (12,
# bookworm, or later). It needs no set-up of its own (scripts/setup.sh is not needed).
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
# What it brings itself: the Debian packages it builds with (python3-venv; for --with-qt also
# dpkg-dev and the system libraries Qt loads, which dpkg-shlibdeps must see), installed with
# apt-get when run as root, otherwise named in the apt-get command to run first; and a build
# venv of /usr/bin/python3 (the Python the package runs with) holding PySide6, whose
# pyside6-lrelease compiles the translations. The bundled libraries are what pip resolves for
# that Python from the dependencies in pyproject.toml, so the package gets the versions the
# project asks for (PySide6 below 6.12 on Python 3.11) and no version is written here.
#
# Environment: PYTHON, a Python with pip and PySide6 (pyside6-lrelease next to it) of the same
# version as /usr/bin/python3, used instead of a fresh build venv (the test suite passes its
# venv); DEBFULLNAME and DEBEMAIL for the Maintainer field; SOURCE_DATE_EPOCH is honoured by
# dpkg-deb. Downloads come from PyPI or pip's cache.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
app_id="io.github.kvmgui.KvmGui"

usage() { sed -n '5,13s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }
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
command -v dpkg-deb >/dev/null || die "build on Debian or a derivative: dpkg-deb is missing."

# 0. The Debian packages the build needs, like a source package's Build-Depends.
build_deps=()
[ -n "${PYTHON:-}" ] || build_deps+=(python3 python3-venv)
if [ "$with_qt" = 1 ]; then
  # dpkg-shlibdeps, and strip (binutils) for Qt's libraries.
  build_deps+=(dpkg-dev binutils)
  # The libraries the kept parts of Qt link to (what dpkg-shlibdeps names for them on Debian
  # 12, besides the base system's libc6, libstdc++6, zlib1g and libzstd1): it can only name the
  # package of a library that is installed.
  build_deps+=(
    libglib2.0-0 libdbus-1-3 libfontconfig1 libfreetype6 libbrotli1 libgssapi-krb5-2
    libegl1 libgl1 libwayland-client0 libwayland-cursor0 libwayland-egl1
    libx11-6 libx11-xcb1 libxkbcommon0 libxkbcommon-x11-0 libxcb1 libxcb-cursor0 libxcb-glx0
    libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
    libxcb-render0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0
    libxcb-xkb1
  )
fi
missing=()
for p in "${build_deps[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)"
  [ "$status" = "install ok installed" ] || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || die "install what the build needs first: sudo apt-get install ${missing[*]}"
  echo "build-deb.sh: installing what the build needs: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  # Refresh the package lists only when they are missing or older than a day.
  if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mtime -1 2>/dev/null | head -n1)" ]; then
    apt-get update -qq || die "apt-get update failed; check the network and /etc/apt/sources.list."
  fi
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get could not install ${missing[*]}; install them by hand and run this again."
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/kvmgui-deb.XXXXXX")"
trap 'rm -rf -- "$work"' EXIT
log="$work/build.log"
# Run a noisy step quietly; show its output only when it fails.
quiet() { "$@" >>"$log" 2>&1 || { cat "$log" >&2; die "failed: $*"; }; }

# 1. The Python that builds: a fresh venv of the Python the package will run with, so pip
#    evaluates pyproject.toml's markers (python_version < '3.12') for that Python.
target_py=/usr/bin/python3
minor() { "$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])'; }
if [ -n "${PYTHON:-}" ]; then
  py="$PYTHON"
  "$py" -m pip --version >/dev/null 2>&1 || die "$py cannot run pip: set PYTHON to a Python with pip, or unset it."
  if [ -x "$target_py" ] && [ "$(minor "$py")" != "$(minor "$target_py")" ]; then
    die "PYTHON is Python $(minor "$py") but the package runs with $target_py ($(minor "$target_py")): unset PYTHON."
  fi
else
  [ -x "$target_py" ] || die "$target_py is missing: apt-get install python3"
  quiet "$target_py" -m venv "$work/venv"
  py="$work/venv/bin/python"
  mapfile -t qt_requirements < <("$py" "$here/build_helpers.py" requirements "$repo/pyproject.toml" qt)
  quiet "$py" -m pip install --disable-pip-version-check --only-binary=:all: "${qt_requirements[@]}"
fi
scripts="$("$py" -c 'import sysconfig; print(sysconfig.get_path("scripts"))')"

# 2. A clean copy of the sources. Building in the checkout would reuse its build/ directory,
#    where files deleted from the sources live on and end up in the wheel.
src="$work/src"
mkdir -p "$src"
extra_files=()
for f in LICENSE LICENSE.txt COPYING; do
  if [ -e "$repo/$f" ]; then extra_files+=("$f"); fi
done
tar -C "$repo" --exclude=__pycache__ --exclude='*.qm' -cf - pyproject.toml README.md kvmgui \
  resources "${extra_files[@]}" | tar -C "$src" -xf -

# 3. Compiled translations: *.qm files are build products (not in git), so make them here with
#    the build Python's PySide6, the Qt the package bundles.
shopt -s nullglob
ts_files=("$src"/resources/translations/*.ts)
if [ "${#ts_files[@]}" -gt 0 ]; then
  lrelease="$scripts/pyside6-lrelease"
  [ -x "$lrelease" ] || die "$py has no pyside6-lrelease to compile the translations: install PySide6 in it, or unset PYTHON."
  for ts in "${ts_files[@]}"; do quiet "$lrelease" "$ts" -qm "${ts%.ts}.qm"; done
fi
shopt -u nullglob

# 4. The wheel, then kvmgui and the libraries Debian lacks, into one private directory.
quiet "$py" -m pip wheel --disable-pip-version-check --no-deps -w "$work/wheel" "$src"
wheels=("$work"/wheel/kvmgui-*.whl)
root="$work/root"
lib="$root/usr/lib/kvmgui"
which=no-qt
[ "$with_qt" = 1 ] && which=all
mapfile -t requirements < <("$py" "$here/build_helpers.py" requirements "$repo/pyproject.toml" "$which")
# kvmgui without its dependencies (numpy comes from Debian), then the dependencies Debian lacks,
# resolved by pip from pyproject.toml's lines. --no-compile: postinst compiles for the Python
# actually installed.
quiet "$py" -m pip install --disable-pip-version-check --no-deps --no-compile \
  --target "$lib" "${wheels[0]}"
quiet "$py" -m pip install --disable-pip-version-check --no-compile --only-binary=:all: \
  --target "$lib" "${requirements[@]}"
echo "build-deb.sh: bundling $("$py" -m pip list --disable-pip-version-check --path "$lib" \
  --format=freeze 2>>"$log" | grep -v '^kvmgui==' | paste -sd ' ')" >&2
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

# 5. The desktop integration and the documentation Debian requires.
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
for page in kvmgui kvmgui-cli kvmgui-askpass; do
  install -d "$root/usr/share/man/man1"
  gzip -9n -c "$here/$page.1" > "$root/usr/share/man/man1/$page.1.gz"
done
overrides="$root/usr/share/lintian/overrides/kvmgui"
install -D -m 644 "$here/lintian-overrides" "$overrides"
[ "$with_qt" = 1 ] && cat "$here/lintian-overrides-qt" >> "$overrides"

# 6. One launcher per entry point of the wheel (kvmgui, kvmgui-cli).
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

# 7. Permissions as Debian expects: only the launchers are executable (wheels mark some
#    libraries and modules executable; nothing under /usr/lib/kvmgui is run directly).
find "$root" -type d -exec chmod 755 {} +
find "$root" -type f -exec chmod 644 {} +
chmod 755 "$root"/usr/bin/*

# 8. The control files.
mkdir -p "$root/DEBIAN"
install -m 755 "$here/postinst" "$here/prerm" "$root/DEBIAN/"
depends="$("$py" "$here/build_helpers.py" depends "$repo/pyproject.toml"), qemu-system-x86, qemu-utils"
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

# 9. The package.
mkdir -p "$out"
deb="$out/kvmgui_${version}_${arch}.deb"
quiet dpkg-deb --root-owner-group --build "$root" "$deb"
echo "$deb"
