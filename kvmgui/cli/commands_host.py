"""`doctor`: the host check (the wiki's kvm-ok and kvm-group steps, done properly)."""

from __future__ import annotations

import argparse
import dataclasses
import sys

from kvmgui.cli.context import CliContext
from kvmgui.cli.output import add_command, print_json
from kvmgui.core.hostcheck import Finding, Status
from kvmgui.runtime.host_probe import check_host

MARKS = {"ok": "ok  ", "info": "info", "warning": "WARN", "failure": "FAIL"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    add_command(
        sub, "doctor", "check that this computer can run VMs, and how to fix it", cmd_doctor,
        with_json=True,
    )


async def cmd_doctor(args: argparse.Namespace, ctx: CliContext) -> int:
    report = await check_host(
        ctx.vm_root, qemu_binary=ctx.settings.qemu_binary, qemu_img=ctx.settings.qemu_img_binary
    )
    findings, accel, why = report.findings, report.accel, report.accel_reason
    failed = any(f.status is Status.FAILURE for f in findings)
    if args.json:
        print_json({
                "auto_accelerator": accel.value,
                "auto_accelerator_reason": why,
                # One entry per key (stable for scripts), and what the text output shows:
                # the same findings with those that share a fix folded into one ("also").
                "findings": [_as_json(f) for f in findings],
                "merged": [_as_json(f) for f in report.merged],
                "ok": not failed,
            })
    else:
        for f in report.merged:
            print_finding(f)
    for w in ctx.settings_warnings:
        print(f"warning: {w}", file=sys.stderr)
    # KVM problems are warnings (guests still run on TCG); a failure means no VM can run at all
    # (QEMU or qemu-img missing), which scripts should notice through the exit code.
    return 1 if failed else 0


def _as_json(finding: Finding) -> dict[str, object]:
    doc = dataclasses.asdict(finding)
    doc["status"] = finding.status.value
    doc["also"] = [_as_json(f) for f in finding.also]
    return doc


INDENT = " " * 7


def print_finding(f: Finding) -> None:
    """The same order as the app: the plain sentence, what to do, then the technical details
    (those of the findings merged into this one each on their own line)."""
    print(f"[{MARKS.get(f.status.value, f.status.value)}] {f.title}: {f.message}")
    if f.fix:
        print(f"{INDENT}fix: {f.fix}")
    details = [f.details] if f.details else []
    details += [" ".join(filter(None, (f"{o.title}: {o.message}", o.details))) for o in f.also]
    for n, line in enumerate(details):
        print(f"{INDENT}{'details: ' if n == 0 else ' ' * 9}{line}")
