"""Debian packages for the test guest: find versions, download and unpack them, never install.

Everything goes through apt's ordinary clients (`apt-cache`, `apt-get download`, `dpkg-deb -x`),
so the host only needs its package lists; nothing lands in the host's dpkg database.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

KERNEL_META = "linux-image-amd64"


class GuestBuildError(RuntimeError):
    """The test guest cannot be built; the message says what to do about it."""


def require_tool(tool: str, apt_package: str) -> str:
    """Path of a host tool, or an error that names the Debian package providing it."""
    path = shutil.which(tool)
    if path is None:
        raise GuestBuildError(
            f"The test guest needs the program '{tool}', which is not installed. "
            f"Install it with: apt-get install {apt_package}  (scripts/setup.sh test does this)."
        )
    return path


class Apt:
    """apt look-ups and downloads that refresh the package lists once if they come back empty."""

    def __init__(self) -> None:
        self._updated = False

    def _run(self, argv: list[str], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            argv, cwd=cwd, capture_output=True, text=True, check=False, env=_apt_env()
        )

    def _update_once(self) -> bool:
        """Run `apt-get update` the first time a look-up fails; False if already tried."""
        if self._updated:
            return False
        self._updated = True
        result = self._run([require_tool("apt-get", "apt"), "update", "-qq"])
        if result.returncode != 0:
            raise GuestBuildError(
                "apt-get update failed, so the test guest's packages cannot be found. "
                f"Run 'apt-get update' as root and try again.\n{result.stderr.strip()}"
            )
        return True

    def _retrying(self, argv: list[str], cwd: Path | None = None) -> str:
        while True:
            result = self._run(argv, cwd)
            if result.returncode == 0 and result.stdout.strip():
                return result.stdout
            if not self._update_once():
                raise GuestBuildError(
                    f"'{' '.join(argv)}' failed: {result.stderr.strip() or 'no output'}. "
                    "Check that this machine's apt sources are Debian 12 (bookworm) or newer."
                )

    def kernel_package(self) -> str:
        """The real kernel package behind the linux-image-amd64 meta package."""
        out = self._retrying([require_tool("apt-cache", "apt"), "depends", KERNEL_META])
        names = re.findall(r"Depends:\s*(linux-image-[0-9][^\s]*-amd64)\b", out)
        if not names:
            raise GuestBuildError(
                f"Cannot tell which kernel package {KERNEL_META} stands for:\n{out.strip()}"
            )
        return str(names[0])

    def candidate_versions(self, packages: list[str]) -> dict[str, str]:
        """The versions `apt-get download` would fetch (one apt-cache call: each costs ~0.4 s)."""
        out = self._retrying([require_tool("apt-cache", "apt"), "policy", *packages])
        found: dict[str, str] = {}
        current = ""
        for line in out.splitlines():
            if line and not line[0].isspace() and line.endswith(":"):
                current = line[:-1]
            elif line.strip().startswith("Candidate:") and current:
                version = line.split(":", 1)[1].strip()
                if version != "(none)":
                    found[current] = version
        missing = [p for p in packages if p not in found]
        if missing:
            raise GuestBuildError(
                f"No installable version of the Debian package(s) {', '.join(missing)}."
            )
        return found

    def download_and_unpack(self, package: str, workdir: Path) -> Path:
        """Fetch one .deb into workdir and unpack its files into workdir/<package>/."""
        argv = [require_tool("apt-get", "apt"), "download", "-qq"]
        if os.geteuid() == 0:
            # As root apt drops to the _apt user, who cannot write into our private temp dir.
            argv += ["-o", "APT::Sandbox::User=root"]
        self._retrying_download([*argv, package], workdir)
        debs = sorted(workdir.glob(f"{package}_*.deb"))
        if not debs:
            raise GuestBuildError(f"apt-get download {package} reported success but left no .deb.")
        target = workdir / package
        dpkg_deb = require_tool("dpkg-deb", "dpkg")
        subprocess.run([dpkg_deb, "-x", str(debs[0]), str(target)], check=True)
        debs[0].unlink()  # the kernel .deb is 70 MB; its unpacked tree is all we need
        return target

    def _retrying_download(self, argv: list[str], cwd: Path) -> None:
        while True:
            result = self._run(argv, cwd)
            if result.returncode == 0:
                return
            if not self._update_once():
                raise GuestBuildError(
                    f"Could not download the Debian package ({' '.join(argv[-1:])}): "
                    f"{result.stderr.strip()}"
                )


def installed_version(package: str) -> str | None:
    """Version of a package installed on the host, or None."""
    dpkg_query = shutil.which("dpkg-query")
    if dpkg_query is None:
        return None
    result = subprocess.run(
        [dpkg_query, "-W", "-f=${Status}\t${Version}", package],
        capture_output=True,
        text=True,
        check=False,
    )
    status, _, version = result.stdout.partition("\t")
    return version if result.returncode == 0 and status == "install ok installed" else None


def _apt_env() -> dict[str, str]:
    # Plain C locale so the output we parse ("Candidate:", "Depends:") is never translated.
    return {**os.environ, "LC_ALL": "C", "DEBIAN_FRONTEND": "noninteractive"}
