#!/usr/bin/env python3
"""Run every benchmark and write the results table (benches/RESULTS.md, for the README).

    .venv/bin/python benches/run_all.py [--quick] [--only NAME,...] [--out FILE]

Each benchmark runs as its own process (its CPU and memory figures are then its own) and
writes its figures as JSON; this script turns them into one markdown table, prints it and
writes it to --out (default benches/RESULTS.md). Every row is a ratio of two figures measured
in the same run on the same machine. --quick shortens every benchmark (about 2 minutes in all
instead of about 8): good for checking that they work, too noisy to publish.

Benchmarks: supervision (bench_stats.py), io (bench_io.py), first_output
(bench_first_output.py), startup (bench_startup.py), grid (bench_grid.py). A benchmark
that fails leaves its rows marked "not measured" with the reason, and the others still run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

BENCHES: dict[str, tuple[str, list[str]]] = {
    "supervision": ("bench_stats.py", ["--vms", "10"]),
    "io": ("bench_io.py", []),
    "first_output": ("bench_first_output.py", []),
    "startup": ("bench_startup.py", []),
    "grid": ("bench_grid.py", []),
}

Figures = dict[str, Any]


def run_bench(name: str, quick: bool) -> Figures | str:
    """The bench's figures, or why there are none."""
    script, extra = BENCHES[name]
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        out = Path(tmp) / "figures.json"
        argv = [sys.executable, str(HERE / script), *extra, "--json", str(out)]
        if quick:
            argv.append("--quick")
        print(f"\n=== {name}: {' '.join(argv[1:])}", flush=True)
        started = time.monotonic()
        result = subprocess.run(argv, cwd=ROOT, stdin=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                text=True, check=False)
        sys.stderr.write(result.stderr[-3000:])
        print(f"=== {name}: {time.monotonic() - started:.0f} s", flush=True)
        if result.returncode != 0 or not out.exists():
            lines = [line for line in result.stderr.strip().splitlines() if line.strip()]
            return (lines[-1] if lines else f"exit code {result.returncode}").strip()
        figures: Figures = json.loads(out.read_text())
        return figures


# -- the table ------------------------------------------------------------------------------


def pct(v: float) -> str:
    return f"{v:.2f} % of one core"


def mbps(v: float) -> str:
    return f"{v:.0f} MB/s"


def secs(v: float) -> str:
    return f"{v:.2f} s"


def mib(v: float) -> str:
    return f"{v:.0f} MiB"


Row = tuple[str, str, str, str]


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "—"


def rows_supervision(f: Figures) -> list[Row]:
    return [(
        f"Supervision: the app's runtime with {f['vms']} running guests, {f['seconds']:.0f} s "
        f"at the default {f['interval_s']:g} s stats interval (CPU, lower is better)",
        f"{pct(f['app_cpu_percent'])} (sampling off: "
        f"{f['app_cpu_percent_not_sampling']:.2f} %)",
        f"the {f['vms']} guests' own QEMUs: {pct(f['qemu_cpu_percent'])}",
        ratio(f["app_cpu_percent"], f["qemu_cpu_percent"]),
    )]


def rows_io(f: Figures) -> list[Row]:
    names = {"write": "sequential write, fresh image", "rewrite": "sequential rewrite",
             "read": "sequential read"}
    return [(
        f"Guest I/O, {names[op]} (128 MiB, O_DIRECT; higher is better)",
        f"{mbps(f[f'kvmgui_{op}_mbps'])} (kvmgui's Linux defaults: virtio-blk, qcow2, "
        "writeback)",
        f"{mbps(f[f'wiki_{op}_mbps'])} (the wiki's `kvm -m 256 disk.img`: IDE, raw)",
        ratio(f[f"kvmgui_{op}_mbps"], f[f"wiki_{op}_mbps"]),
    ) for op in ("write", "rewrite", "read")]


def rows_first_output(f: Figures) -> list[Row]:
    return [(
        "Start → the guest's first serial output (lower is better)",
        f"{secs(f['kvmgui_s'])} (VmManager start)",
        f"{secs(f['by_hand_s'])} (the same QEMU command run by hand)",
        ratio(f["kvmgui_s"], f["by_hand_s"]),
    )]


def rows_startup(f: Figures) -> list[Row]:
    rows: list[Row] = []
    for vms, ref in ((0, "test:///default, 1 demo VM"), (50, "test driver, 50 VMs")):
        rows.append((
            f"App start-up until the main window is first painted, {vms} VMs defined "
            "(lower is better)",
            secs(f[f"kvmgui_{vms}_s"]),
            f"{secs(f[f'virt-manager_{vms}_s'])} (virt-manager, {ref})",
            ratio(f[f"kvmgui_{vms}_s"], f[f"virt-manager_{vms}_s"]),
        ))
    for vms in (0, 50):
        rows.append((
            f"Resident memory {f['settle_s']:g} s after the first paint, {vms} VMs "
            "(lower is better)",
            f"{mib(f[f'kvmgui_{vms}_rss_mib'])} (PSS {mib(f[f'kvmgui_{vms}_pss_mib'])})",
            f"{mib(f[f'virt-manager_{vms}_rss_mib'])} "
            f"(PSS {mib(f[f'virt-manager_{vms}_pss_mib'])}, virt-manager)",
            ratio(f[f"kvmgui_{vms}_rss_mib"], f[f"virt-manager_{vms}_rss_mib"]),
        ))
    if "pyside6-floor_0_s" in f:
        floor, floor_rss = f["pyside6-floor_0_s"], f["pyside6-floor_0_rss_mib"]
        rows.append((
            "The floor: a bare PySide6 window of the same size, painted / resident memory "
            "(lower is better)",
            f"{secs(floor)} / {mib(floor_rss)}",
            f"{secs(f['virt-manager_0_s'])} / {mib(f['virt-manager_0_rss_mib'])} "
            "(virt-manager, 0 VMs)",
            f"{ratio(floor, f['virt-manager_0_s'])} / "
            f"{ratio(floor_rss, f['virt-manager_0_rss_mib'])}",
        ))
    return rows


def rows_grid(f: Figures) -> list[Row]:
    return [(
        f"The app idle with {f['vms']} running guests in the grid (static screens; pictures "
        f"every {f['thumbnail_interval_s']:g} s, stats every {f['stats_interval_s']:g} s; "
        "CPU, lower is better)",
        pct(f["app_cpu_percent"]),
        f"the {f['vms']} guests' own QEMUs: {pct(f['qemu_cpu_percent'])}",
        ratio(f["app_cpu_percent"], f["qemu_cpu_percent"]),
    )]


ROWS: dict[str, Callable[[Figures], list[Row]]] = {
    "supervision": rows_supervision,
    "io": rows_io,
    "first_output": rows_first_output,
    "startup": rows_startup,
    "grid": rows_grid,
}


def kvm_usable() -> bool:
    """kvmgui's own host check (/dev/kvm can exist and still not run guests)."""
    sys.path.insert(0, str(ROOT))
    from kvmgui.runtime.host_probe import check_host

    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        return asyncio.run(check_host(Path(tmp))).facts.kvm_usable


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    qemu = subprocess.run(["qemu-system-x86_64", "--version"], capture_output=True, text=True,
                          check=False).stdout.splitlines()
    kvm = "KVM usable" if kvm_usable() else "no usable KVM, so guests run under TCG"
    return (f"{model}, {os.cpu_count()} CPUs; Linux {platform.release()}; "
            f"{qemu[0] if qemu else 'QEMU ?'}; Python {platform.python_version()}; {kvm}")


def table(results: dict[str, Figures | str], quick: bool) -> str:
    lines = [
        "| Measurement | kvmgui | Reference | kvmgui / reference |",
        "|---|---|---|---|",
    ]
    for name, got in results.items():
        if isinstance(got, str):
            lines.append(f"| {name} | not measured: {got.replace('|', '/')} | | |")
            continue
        lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in ROWS[name](got)]
    stamp = time.strftime("%Y-%m-%d")
    head = [
        "# kvmgui benchmarks",
        "",
        f"Produced by `benches/run_all.py{' --quick' if quick else ''}` on {stamp}: "
        f"{machine()}. Each ratio compares two figures measured in the same run on the same "
        "machine. Other work shared the CPUs, so absolute figures are noisy; the ratios are "
        "the point. "
        "How each figure is measured is written at the top of each benches/bench_*.py.",
        "",
    ]
    return "\n".join(head + lines) + "\n"


README = ROOT / "README.md"
START, END = "<!-- benches/run_all.py: start -->", "<!-- benches/run_all.py: end -->"


def update_readme(text: str) -> bool:
    """Put the table (without its title) between the README's two markers, if it has them."""
    readme = README.read_text()
    if START not in readme or END not in readme:
        return False
    body = text.split("\n", 2)[2].strip()  # drop "# kvmgui benchmarks" and its blank line
    before, rest = readme.split(START, 1)
    after = rest.split(END, 1)[1]
    README.write_text(f"{before}{START}\n{body}\n{END}{after}")
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="short runs (a smoke test)")
    parser.add_argument("--only", default=",".join(BENCHES),
                        help=f"comma-separated subset of: {', '.join(BENCHES)}")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args()
    chosen = [n.strip() for n in args.only.split(",") if n.strip()]
    unknown = [n for n in chosen if n not in BENCHES]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}")
    results = {name: run_bench(name, args.quick) for name in chosen}
    text = table(results, args.quick)
    print("\n" + text)
    args.out.write_text(text)
    print(f"written to {args.out}")
    if update_readme(text):
        print(f"and into {README}")
    return 0 if all(not isinstance(r, str) for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
