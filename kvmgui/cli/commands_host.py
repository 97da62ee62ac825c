"""`doctor`: the host check (the wiki's kvm-ok and kvm-group steps, done properly)."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys

from kvmgui.cli.context import CliContext

MARKS = {"ok": "ok  ", "info": "info", "warning": "WARN", "failure": "FAIL"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("doctor", help="check that this computer can run VMs, and how to fix it")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_doctor)


async def cmd_doctor(args: argparse.Namespace, ctx: CliContext) -> int:
    from kvmgui.core.hostcheck import Status
    from kvmgui.runtime.host_probe import check_host

    report = await check_host(
        ctx.vm_root, qemu_binary=ctx.settings.qemu_binary, qemu_img=ctx.settings.qemu_img_binary
    )
    findings, accel, why = report.findings, report.accel, report.accel_reason
    failed = any(f.status is Status.FAILURE for f in findings)
    if args.json:
        json.dump(
            {
                "auto_accelerator": accel.value,
                "auto_accelerator_reason": why,
                "findings": [
                    {k: (v.value if hasattr(v, "value") else v)
                     for k, v in dataclasses.asdict(f).items()}
                    for f in findings
                ],
                "ok": not failed,
            },
            sys.stdout,
            indent=2,
        )
        print()
    else:
        for f in findings:
            print(f"[{MARKS.get(f.status.value, f.status.value)}] {f.title}: {f.message}")
            if f.fix:
                print(f"       fix: {f.fix}")
        print()
        print(f"Accelerator 'auto' means {accel.value.upper()} here: {why}")
    for w in ctx.settings_warnings:
        print(f"warning: {w}", file=sys.stderr)
    # KVM problems are warnings (guests still run on TCG); a failure means no VM can run at all
    # (QEMU or qemu-img missing), which scripts should notice through the exit code.
    return 1 if failed else 0
