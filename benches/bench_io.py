#!/usr/bin/env python3
"""Guest disk I/O: kvmgui's defaults for a Linux guest vs the wiki's plain `kvm` command.

Not a test. Run from the repository root:

    .venv/bin/python benches/bench_io.py [--rounds 3] [--quick] [--json FILE]

Both sides boot the same guest, the test guest's "bench_io" variant (tests/guest, kernel
parameter kvmgui.bench=io), with 256 MiB of memory, one vCPU and a fresh 256 MiB data disk.
Inside the guest, /init writes 128 MiB of random data sequentially to the data disk (from
1 MiB on, with O_DIRECT, 1 MiB blocks), writes it again over the same place ("rewrite": the
image is allocated by then), then reads it back, and prints the times it measured itself on
the serial port ("KVMGUI-BENCH: write <bytes> <ns>").

- kvmgui: a VM made with new_spec(LINUX) and started through the real runtime (VmManager):
  its default disk is qcow2 on virtio-blk with cache=writeback.
- the wiki: `kvm -m 256 -cdrom guest.iso -boot d disk.img`, spelled for this machine as
  `qemu-system-x86_64 -accel tcg -m 256 -cdrom guest.iso -boot d -drive file=disk.img,
  format=raw` plus a serial log and no window: a raw image on the default IDE controller of
  the default `pc` machine, QEMU's default cache (writeback). `format=raw` is spelled out only
  to avoid QEMU's format-probing warning; the probe would pick raw as well.

This machine has no usable KVM, so both run under TCG (QEMU emulates the CPU): the guest side
of the I/O path (virtio vs IDE driver work) weighs more than it would under KVM. The rounds
alternate the two sides; the medians are reported.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kvmgui.core.model import (  # noqa: E402
    Accel,
    BootDevice,
    Cdrom,
    CdromSource,
    Disk,
    OsPreset,
)
from kvmgui.core.presets import new_spec  # noqa: E402
from kvmgui.core.settings import Settings  # noqa: E402
from kvmgui.runtime.controller import MonitorRole  # noqa: E402
from kvmgui.runtime.manager import VmManager  # noqa: E402
from tests.guest.build import ensure_test_iso  # noqa: E402
from tests.guest.fixtures import wait_for_serial  # noqa: E402
from tests.runtime.helpers import RunEnv, create_vm, wait_for_serial_async  # noqa: E402

QEMU = shutil.which("qemu-system-x86_64") or "qemu-system-x86_64"
DISK_BYTES = 256 * 1024 * 1024
BENCH_LINE = re.compile(r"KVMGUI-BENCH: (write|rewrite|read) (\d+) (\d+)")
OPS = ("write", "rewrite", "read")
BOOT_AND_BENCH_TIMEOUT_S = 180.0


def parse_bench(serial: str) -> dict[str, float]:
    """MB/s (10^6 bytes per second) per direction from the guest's KVMGUI-BENCH lines."""
    rates = {}
    for op, size, ns in BENCH_LINE.findall(serial):
        rates[op] = int(size) / (int(ns) / 1e9) / 1e6
    if set(rates) != set(OPS):
        raise RuntimeError(f"the guest did not report both figures:\n{serial[-1500:]}")
    return rates


def wiki_argv(iso: Path, disk: Path, serial: Path) -> list[str]:
    return [
        QEMU, "-accel", "tcg", "-m", "256", "-cdrom", str(iso), "-boot", "d",
        "-drive", f"file={disk},format=raw",
        # Not in the wiki's line: where the guest's report goes, and no window.
        "-serial", f"file:{serial}", "-display", "none",
    ]  # fmt: skip


def run_wiki(iso: Path, workdir: Path) -> dict[str, float]:
    disk = workdir / "disk.img"
    serial = workdir / "wiki-serial.log"
    disk.unlink(missing_ok=True)
    serial.unlink(missing_ok=True)
    subprocess.run(["qemu-img", "create", "-q", "-f", "raw", str(disk), str(DISK_BYTES)],
                   check=True)
    proc = subprocess.Popen(wiki_argv(iso, disk, serial), stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        text = wait_for_serial(serial, "KVMGUI-GUEST: bench done", BOOT_AND_BENCH_TIMEOUT_S,
                               process=proc)
    finally:
        proc.kill()
        proc.wait()
    return parse_bench(text)


async def run_kvmgui(manager: VmManager, env: RunEnv, iso: Path, round_no: int
                     ) -> dict[str, float]:
    spec = new_spec(f"io{round_no}", OsPreset.LINUX)
    spec = replace(
        spec, memory_mib=256, cpus=1, accel=Accel.TCG,
        cdrom=Cdrom(CdromSource.ISO, str(iso)),
        # Disk() is kvmgui's default disk: qcow2, virtio, cache=writeback (new_spec has none).
        disks=(Disk("data.qcow2", size_bytes=DISK_BYTES),),
        boot_order=(BootDevice.CDROM, BootDevice.DISK),
    )
    create_vm(env, spec)
    await manager.reload()
    controller = manager.get(spec.id)
    outcome = await controller.start()
    if not outcome.ok:
        raise RuntimeError(f"kvmgui could not start the guest: {outcome.message}\n"
                           f"{outcome.details}")
    try:
        text = await wait_for_serial_async(controller.stored.folder.serial_log,
                                           "KVMGUI-GUEST: bench done", BOOT_AND_BENCH_TIMEOUT_S)
    finally:
        await controller.force_off()
    return parse_bench(text)


async def main(args: argparse.Namespace) -> dict[str, object]:
    env = RunEnv.create()
    # A private copy: the shared cache may replace its ISOs while we run (another checkout).
    iso = Path(shutil.copyfile(ensure_test_iso(variant="bench_io"), env.root / "guest.iso"))
    manager = VmManager(env.paths, Settings(), store=env.store, role=MonitorRole.APP,
                        sample_stats=False)
    await manager.open()
    results: dict[str, list[dict[str, float]]] = {"kvmgui": [], "wiki": []}
    try:
        for n in range(args.rounds):
            order = ("kvmgui", "wiki") if n % 2 == 0 else ("wiki", "kvmgui")
            for side in order:
                started = time.monotonic()
                if side == "kvmgui":
                    rates = await run_kvmgui(manager, env, iso, n)
                else:
                    rates = await asyncio.to_thread(run_wiki, iso, env.root)
                results[side].append(rates)
                print(f"round {n + 1} {side:6}: "
                      + ", ".join(f"{op} {rates[op]:7.1f} MB/s" for op in OPS)
                      + f" ({time.monotonic() - started:.0f} s)")
    finally:
        for c in manager.controllers():
            if c.pid is not None:
                await c.force_off()
        await manager.close()
        env.cleanup()

    def median(side: str, op: str) -> float:
        return statistics.median(r[op] for r in results[side])

    figures: dict[str, object] = {
        "rounds": args.rounds,
        "bytes": 128 * 1024 * 1024,
        **{f"{side}_{op}_mbps": median(side, op) for side in results for op in OPS},
        "wiki_argv": " ".join(wiki_argv(Path("guest.iso"), Path("disk.img"),
                                        Path("serial.log"))),
        "all": results,
    }
    for op in OPS:
        k, w = median("kvmgui", op), median("wiki", op)
        print(f"{op}: kvmgui defaults {k:.1f} MB/s, wiki command {w:.1f} MB/s "
              f"(ratio {k / w:.2f})")
    return figures


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="one round")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    arguments = parser.parse_args()
    if arguments.quick:
        arguments.rounds = 1
    figures = asyncio.run(main(arguments))
    if arguments.json:
        arguments.json.write_text(json.dumps(figures, indent=1))
