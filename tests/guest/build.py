"""Build (once, cached) the test suite's tiny Linux guest: a hybrid live ISO from Debian packages.

    python -m tests.guest.build [--force] [--cache-dir DIR]

The ISO holds Debian's kernel and an initramfs with busybox, a few drivers and our /init
(tests/guest/init.sh). It boots from a CD drive and, being isohybrid, from a USB stick or hard
disk too. See init.sh for what the guest prints on its first serial port.

Nothing is installed on the host: packages are fetched with `apt-get download` and unpacked with
`dpkg-deb -x` into a temporary folder. The host needs xorriso (and apt/dpkg, as any Debian has).
The cached ISOs are named after a hash of this recipe (its source files and the package
versions), so a changed recipe or a new Debian kernel rebuilds them, and nothing else does.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from tests.guest.debs import Apt, GuestBuildError, installed_version, require_tool
from tests.guest.initramfs import (
    Archive,
    builtin_modules,
    copy_busybox,
    index_modules,
    module_bytes,
    resolve,
)

HERE = Path(__file__).resolve().parent
# Every file whose content shapes the ISO: a change to any of them rebuilds it.
RECIPE_FILES = ("build.py", "debs.py", "initramfs.py", "init.sh", "isolinux.cfg")

# One ISO per variant; they differ only in the boot menu's default entry (see isolinux.cfg).
VARIANTS = ("default", "busy", "write_boot", "panic", "bench_io", "verbose")

# console=ttyS0 last: /dev/console (init's output, panics) is the serial port tests read.
KERNEL_CMDLINE = "console=tty0 console=ttyS0 panic=0 quiet"
# The "verbose" variant talks on the serial port from the first moment: the boot loader's menu
# (isolinux SERIAL), the kernel's decompressor (earlyprintk) and every kernel message.
VERBOSE_CMDLINE = KERNEL_CMDLINE.replace(" quiet", "") + " earlyprintk=ttyS0"

# Storage (virtio, IDE/SATA, USB), input (power button via evdev, USB keyboards), pvpanic,
# shared folders.
BASE_MODULES = (
    "virtio_pci",
    "virtio_blk",
    "virtio_scsi",
    "ata_piix",
    "ahci",
    "sd_mod",
    "sr_mod",
    "xhci_pci",
    "ehci_pci",
    "uhci_hcd",
    "usb_storage",
    "uas",
    "usbhid",
    "hid_generic",
    "evdev",
    "button",
    "pvpanic_mmio",
    "pvpanic_pci",
    # Shared folders: virtio-fs (with fuse) and 9p over virtio (with 9pnet and netfs).
    "virtiofs",
    "9pnet_virtio",
    "9p",
)
# Loaded after the rest: switching the display from text mode to a framebuffer is a test event.
VIDEO_MODULES = ("bochs",)
# USB sticks are scanned at once rather than after usb-storage's default 1 s settle delay.
MODULE_ARGS = {"usb_storage": "delay_use=0"}

SYSLINUX_FILES = {
    "isolinux.bin": ("isolinux", "usr/lib/ISOLINUX"),
    "isohdpfx.bin": ("isolinux", "usr/lib/ISOLINUX"),
    "ldlinux.c32": ("syslinux-common", "usr/lib/syslinux/modules/bios"),
    "menu.c32": ("syslinux-common", "usr/lib/syslinux/modules/bios"),
    "libutil.c32": ("syslinux-common", "usr/lib/syslinux/modules/bios"),
    "libcom32.c32": ("syslinux-common", "usr/lib/syslinux/modules/bios"),
}

POWER_BUTTON_HANDLER = b"""#!/bin/sh
# Run by busybox acpid when the ACPI power button is pressed (QMP system_powerdown).
echo "KVMGUI-GUEST: powering off" > /dev/ttyS0
echo "KVMGUI-GUEST: powering off" > /dev/tty1
sync
poweroff -f
"""


def default_cache_dir() -> Path:
    env = os.environ.get("KVMGUI_TEST_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "kvmgui-tests"


def source_hash() -> str:
    digest = hashlib.sha256()
    for name in RECIPE_FILES:
        digest.update(name.encode() + b"\0" + (HERE / name).read_bytes() + b"\0")
    return digest.hexdigest()


def package_versions(apt: Apt) -> dict[str, str]:
    """Versions of everything that goes into the ISO (what a rebuild would use)."""
    kernel = apt.kernel_package()
    host = {p: installed_version(p) for p in ("isolinux", "syslinux-common", "xorriso")}
    wanted = [kernel, "busybox-static", *(p for p, v in host.items() if v is None)]
    versions = apt.candidate_versions(wanted)
    versions.update({p: v for p, v in host.items() if v is not None})
    return versions


# apt look-ups take a second; one per process is enough (a test session asks per variant).
_memo_versions: dict[str, dict[str, str]] = {}


def iso_name(src: str, full: str, variant: str) -> str:
    return f"kvmgui-test-{src[:10]}-{full[:10]}-{variant}.iso"


def ensure_test_iso(
    cache_dir: Path | None = None, variant: str = "default", *, force: bool = False
) -> Path:
    """Path of the cached test ISO for `variant`, building all variants first if needed.

    variant: "default" (plain boot), "busy" (kvmgui.busy=1), "write_boot" (kvmgui.write_boot=1),
    "panic" (kvmgui.panic=1), "bench_io" (kvmgui.bench=io, for benches/bench_io.py) or
    "verbose" (the boot loader and the kernel write to the serial port from their first
    moment, for benches/bench_first_output.py).
    Raises GuestBuildError with an actionable message on failure.
    """
    if variant not in VARIANTS:
        raise ValueError(f"Unknown test guest variant {variant!r}; choose one of {VARIANTS}.")
    cache = (cache_dir or default_cache_dir()).expanduser()
    cache.mkdir(parents=True, exist_ok=True)
    src = source_hash()
    with _locked(cache / ".build.lock"):
        apt = Apt()
        try:
            versions = _memo_versions.get("v") or _memo_versions.setdefault(
                "v", package_versions(apt)
            )
        except GuestBuildError:
            # No package lists and no way to refresh them: an ISO of this very recipe will do.
            fallback = _newest(cache, src, variant)
            if fallback is None or force:
                raise
            return fallback
        full = hashlib.sha256((src + json.dumps(versions, sort_keys=True)).encode()).hexdigest()
        target = cache / iso_name(src, full, variant)
        if target.exists() and not force:
            return target
        build_all(cache, src, full, versions, apt)
        _remove_stale(cache, keep_prefix=f"kvmgui-test-{src[:10]}-{full[:10]}-")
        return target


def build_all(cache: Path, src: str, full: str, versions: dict[str, str], apt: Apt) -> None:
    """Download, assemble and write every variant's ISO into the cache atomically."""
    xorriso = require_tool("xorriso", "xorriso")
    kernel_pkg = next(p for p in versions if p.startswith("linux-image-"))
    with tempfile.TemporaryDirectory(prefix="build-", dir=cache) as tmp_name:
        tmp = Path(tmp_name)
        kernel_root = apt.download_and_unpack(kernel_pkg, tmp)
        busybox_root = apt.download_and_unpack("busybox-static", tmp)
        syslinux = _syslinux_files(apt, tmp)

        kernel_version = kernel_pkg.removeprefix("linux-image-")
        modules_dir = kernel_root / "lib" / "modules" / kernel_version
        vmlinuz = kernel_root / "boot" / f"vmlinuz-{kernel_version}"
        if not vmlinuz.exists() or not modules_dir.is_dir():
            raise GuestBuildError(f"{kernel_pkg} does not contain a kernel and its modules.")

        staging = tmp / "iso"
        (staging / "boot" / "isolinux").mkdir(parents=True)
        shutil.copyfile(vmlinuz, staging / "boot" / "vmlinuz")
        initrd = make_initramfs(modules_dir, busybox_root / "bin" / "busybox")
        (staging / "boot" / "initrd.gz").write_bytes(initrd)
        for name, path in syslinux.items():
            if name != "isohdpfx.bin":
                shutil.copyfile(path, staging / "boot" / "isolinux" / name)
        (staging / "versions.json").write_text(json.dumps(versions, indent=1, sort_keys=True))

        template = (HERE / "isolinux.cfg").read_text()
        for variant in VARIANTS:
            cfg = (template.replace("@DEFAULT@", variant)
                   .replace("@SERIAL@", "SERIAL 0 115200" if variant == "verbose" else "")
                   .replace("@APPEND_VERBOSE@", VERBOSE_CMDLINE)
                   .replace("@APPEND@", KERNEL_CMDLINE))
            (staging / "boot" / "isolinux" / "isolinux.cfg").write_text(cfg)
            partial = tmp / f"{variant}.iso"
            _run_xorriso(xorriso, syslinux["isohdpfx.bin"], staging, partial)
            os.replace(partial, cache / iso_name(src, full, variant))


def make_initramfs(modules_dir: Path, busybox: Path) -> bytes:
    archive = Archive()
    copy_busybox(busybox, archive)
    archive.add_file("init", (HERE / "init.sh").read_bytes(), 0o755)
    for folder in ("dev", "proc", "sys", "tmp", "run", "var/log", "sbin", "usr/bin", "usr/sbin"):
        archive.add_dir(folder)
    # The kernel opens /dev/console for init before init can mount devtmpfs.
    archive.add_chardev("dev/console", 5, 1)
    archive.add_file("etc/acpi/PWRF/00000080", POWER_BUTTON_HANDLER, 0o755)

    index = index_modules(modules_dir)
    builtin = builtin_modules(modules_dir)
    base = resolve(list(BASE_MODULES), index, builtin)
    video = resolve(list(VIDEO_MODULES), index, builtin | {m.name for m in base})
    for listing, modules in (("modules", base), ("video-modules", video)):
        lines = []
        for module in modules:
            file_name = f"{module.name}.ko"
            archive.add_file(f"lib/modules/{file_name}", module_bytes(module.path))
            lines.append(f"{file_name} {MODULE_ARGS.get(module.name, '')}".rstrip())
        archive.add_file(f"etc/kvmgui/{listing}", ("\n".join(lines) + "\n").encode())
    return archive.to_cpio_gz()


def _syslinux_files(apt: Apt, tmp: Path) -> dict[str, Path]:
    """isolinux boot files: the host's if isolinux/syslinux-common are installed, else fetched."""
    found: dict[str, Path] = {}
    unpacked: dict[str, Path] = {}
    for name, (package, folder) in SYSLINUX_FILES.items():
        path = Path("/") / folder / name
        if not path.exists():
            if package not in unpacked:
                unpacked[package] = apt.download_and_unpack(package, tmp)
            path = unpacked[package] / folder / name
        if not path.exists():
            raise GuestBuildError(f"The Debian package {package} has no {folder}/{name}.")
        found[name] = path
    return found


def _run_xorriso(xorriso: str, mbr: Path, staging: Path, out: Path) -> None:
    argv = [
        xorriso, "-as", "mkisofs", "-quiet",
        "-o", str(out),
        "-isohybrid-mbr", str(mbr),  # the MBR that makes the same image boot as a disk
        "-c", "boot/isolinux/boot.cat",
        "-b", "boot/isolinux/isolinux.bin",
        "-no-emul-boot", "-boot-load-size", "4", "-boot-info-table",
        "-V", "KVMGUI_TEST", "-r", "-J",
        str(staging),
    ]  # fmt: skip
    result = subprocess.run(argv, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise GuestBuildError(f"xorriso could not write the test ISO:\n{result.stderr.strip()}")


@contextlib.contextmanager
def _locked(lock_path: Path) -> Iterator[None]:
    """One builder at a time (parallel pytest runs share the cache)."""
    with lock_path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _newest(cache: Path, src: str, variant: str) -> Path | None:
    candidates = sorted(
        cache.glob(f"kvmgui-test-{src[:10]}-*-{variant}.iso"), key=lambda p: p.stat().st_mtime
    )
    return candidates[-1] if candidates else None


# ISOs of another recipe are kept this long: a test session or benchmark of another checkout
# (a CI copy of the repository, say) may still be about to boot one it looked up earlier.
STALE_AFTER_S = 3600.0


def _remove_stale(cache: Path, keep_prefix: str) -> None:
    now = time.time()
    for old in cache.glob("kvmgui-test-*.iso"):
        if old.name.startswith(keep_prefix):
            continue
        with contextlib.suppress(FileNotFoundError):
            if now - old.stat().st_mtime > STALE_AFTER_S:
                old.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the kvmgui test guest ISO (cached).")
    parser.add_argument("--force", action="store_true", help="rebuild even if cached")
    parser.add_argument("--cache-dir", type=Path, default=None, help="cache folder")
    parser.add_argument("--variant", choices=VARIANTS, default="default")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        iso = ensure_test_iso(args.cache_dir, args.variant, force=args.force)
    except GuestBuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    size_mb = iso.stat().st_size / 1e6
    print(f"{iso} ({size_mb:.1f} MB, {time.monotonic() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
