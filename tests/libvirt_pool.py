"""A scratch storage pool on the real daemon, for tests that put volumes on a libvirt host.

`scratch_pool` (function-scoped) defines and starts a dir pool named lvmove-<random> over a
fresh folder under /var/lib/libvirt/images (where libvirt's QEMU user may read and write),
and removes the pool, its volumes and the folder after the test. `domain_name` makes
unique domain names (lvmove-WHAT-…) and removes the domains of those names after the test.
Use them with

    from tests.libvirt_daemon import libvirtd  # noqa: F401  (the fixture)
    from tests.libvirt_pool import domain_name, scratch_pool  # noqa: F401  (the fixtures)
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

IMAGES = Path("/var/lib/libvirt/images")


@dataclass(frozen=True)
class ScratchPool:
    uri: str
    name: str
    path: Path


@contextlib.contextmanager
def pool_on(uri: str, prefix: str) -> Iterator[ScratchPool]:
    """A started dir pool PREFIX-<random> over a fresh folder, removed with its volumes."""
    libvirt = pytest.importorskip("libvirt")
    IMAGES.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f"{prefix}-", dir=IMAGES))
    folder.chmod(0o755)
    name = f"{prefix}-{uuid.uuid4().hex[:8]}"
    conn = libvirt.open(uri)
    pool = conn.storagePoolDefineXML(
        f"<pool type='dir'><name>{name}</name>"
        f"<target><path>{escape(str(folder))}</path></target></pool>", 0)
    try:
        pool.create(0)
        yield ScratchPool(uri, name, folder)
    finally:
        with contextlib.suppress(libvirt.libvirtError):
            pool.refresh(0)
            for vol in pool.listAllVolumes(0):
                vol.delete(0)
        with contextlib.suppress(libvirt.libvirtError):
            pool.destroy()
        with contextlib.suppress(libvirt.libvirtError):
            pool.undefine()
        conn.close()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def scratch_pool(libvirtd: str) -> Iterator[ScratchPool]:
    with pool_on(libvirtd, "lvmove") as pool:
        yield pool


@pytest.fixture
def domain_name(libvirtd: str) -> Iterator[Callable[[str], str]]:
    """`domain_name("what")` → a fresh name lvmove-what-<random>; the domains of the names
    given out are stopped and undefined after the test."""
    libvirt = pytest.importorskip("libvirt")
    made: list[str] = []

    def make(what: str) -> str:
        made.append(f"lvmove-{what}-{uuid.uuid4().hex[:6]}")
        return made[-1]

    yield make
    conn = libvirt.open(libvirtd)
    try:
        for name in made:
            try:
                dom = conn.lookupByName(name)
            except libvirt.libvirtError:
                continue
            if dom.isActive():
                dom.destroy()
            dom.undefine()
    finally:
        conn.close()


def left_behind(pool: ScratchPool, domain: str) -> list[str]:
    """What a cancelled or failed move left on the host: the pool folder's files, and the
    domain if it is defined."""
    libvirt = pytest.importorskip("libvirt")
    found = sorted(p.name for p in pool.path.iterdir())
    conn = libvirt.open(pool.uri)
    try:
        if domain in [d.name() for d in conn.listAllDomains(0)]:
            found.append(f"domain {domain}")
    finally:
        conn.close()
    return found
