"""The performance advisor: what to tell the user when a guest costs more than it should.

The wiki this project grows from says an idle guest should cost under 3 % of a host CPU and
lists what to try when it does not; other VM managers add their own traps (the USB tablet
makes FreeBSD spin). This module turns that into data the UI only has to show:

- `CpuWindow`: a rolling window of one VM's CPU samples and an alert with hysteresis. It fires
  only when *every* sample of a whole window is above the threshold, so a boot spike (or any
  burst shorter than the window) never does, and it clears only after a whole window below.
- `idle_cpu_advice(spec, host, accel, samples)`: the notice, with the likely causes for the
  guest's OS type, most likely first, each with a one-click `SpecChange` when one exists.
- `static_hints(spec)`: hints that need no samples (IDE disk on Linux, disk cache mode).
- `shutdown_ignored_advice(spec)`: why a guest ignored the ACPI power button (Windows: RDP
  sessions and the `shutdownwithoutlogon` policy), shown before offering force-off.

Pure: no clock, no I/O. The sentences live in core.advisor_texts under stable keys.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, is_dataclass, replace
from pathlib import PurePath
from typing import Any

from kvmgui.core.advisor_texts import Text
from kvmgui.core.host import HostFacts
from kvmgui.core.messages import QT_TRANSLATE_NOOP, Message
from kvmgui.core.model import Accel, CacheMode, DiskBus, NicModel, OsPreset, VmSpec

DEFAULT_WINDOW_S = 60.0
DEFAULT_THRESHOLD_PERCENT = 3.0  # of one host CPU: the wiki's figure for an idle guest

# Buttons the UI provides itself (no spec change): Cause.action names one.
OPEN_HOST_CHECK = "host-check"
FORCE_OFF = "force-off"

# Advice keys (stable: the UI may remember which notices the user dismissed).
IDLE_CPU = "idle-cpu"
IDE_DISK_LINUX = "ide-disk-linux"
DISK_CACHE = "disk-cache"
SHUTDOWN_IGNORED = "shutdown-ignored"

WINDOWS = frozenset({OsPreset.WINDOWS11, OsPreset.WINDOWS10, OsPreset.WINDOWS_OLD})
# Systems old enough to drive virtio-net badly (or not at all): e1000 is the safe choice.
OLD_GUESTS = frozenset({OsPreset.WINDOWS_OLD, OsPreset.OTHER})


# -- what the UI shows ----------------------------------------------------------------------


@dataclass(frozen=True)
class SpecChange:
    """A one-click fix: set each dotted field path ("network.nic", "disks.0.cache") to a value.

    The UI applies it to the stored spec and saves it:
        store.save(dataclasses.replace(stored, spec=change.apply(stored.spec)))
    It takes effect at the VM's next start (`needs_restart`).
    """

    settings: tuple[tuple[str, Any], ...]
    label: Text  # the button's text
    needs_restart: bool = True

    def apply(self, spec: VmSpec) -> VmSpec:
        """The spec with the change made; ValueError when a path no longer exists."""
        for path, value in self.settings:
            spec = _set_path(spec, path.split("."), value)
        return spec

    def is_applied(self, spec: VmSpec) -> bool:
        """True when `spec` already has every value (e.g. saved but not restarted yet)."""
        try:
            return all(_get_path(spec, path.split(".")) == value for path, value in self.settings)
        except ValueError:
            return False

    def applies_to(self, spec: VmSpec) -> bool:
        """True when applying would change `spec` (every path exists, some value differs)."""
        try:
            return any(_get_path(spec, path.split(".")) != value
                       for path, value in self.settings)
        except ValueError:
            return False


@dataclass(frozen=True)
class Cause:
    key: str  # stable, e.g. "no-kvm"
    sentence: Text
    fix: SpecChange | None = None
    action: str | None = None  # OPEN_HOST_CHECK / FORCE_OFF: a button the UI provides itself


@dataclass(frozen=True)
class Advice:
    key: str  # IDLE_CPU, IDE_DISK_LINUX, DISK_CACHE, SHUTDOWN_IGNORED
    title: Text
    message: Text
    causes: tuple[Cause, ...] = ()

    def cause(self, key: str) -> Cause | None:
        return next((c for c in self.causes if c.key == key), None)

    @property
    def cause_keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.causes)


# -- the CPU window -------------------------------------------------------------------------


@dataclass(frozen=True)
class CpuSample:
    at: float  # when the figure was taken (monotonic seconds); it covers the time since the
    # previous sample
    percent: float | None  # of one host CPU; None: no figure (a process's first sample)


def _covering(samples: Sequence[CpuSample], window_s: float) -> list[CpuSample] | None:
    """The samples that cover the last `window_s` seconds, or None if history is shorter.

    A sample covers the interval since the one before it, so the window is covered when some
    sample is at or before its start; the samples after that one are the window's figures.
    """
    if not samples:
        return None
    start = samples[-1].at - window_s
    if samples[0].at > start:
        return None
    inside = [s for s in samples if s.at > start]
    return inside or None


def sustained(samples: Sequence[CpuSample], window_s: float, threshold: float, *,
              above: bool = True) -> bool:
    """Every figure of the whole last window is above (or, with above=False, at or below)
    `threshold`. A gap (None) inside the window means "not sustained"."""
    inside = _covering(samples, window_s)
    if inside is None:
        return False
    for sample in inside:
        if sample.percent is None:
            return False
        if (sample.percent > threshold) is not above:
            return False
    return True


def window_mean(samples: Sequence[CpuSample], window_s: float) -> float | None:
    """Time-weighted mean CPU % over the last window (None when not covered)."""
    inside = _covering(samples, window_s)
    if inside is None:
        return None
    total = weight = 0.0
    previous = samples[len(samples) - len(inside) - 1].at
    for sample in inside:
        span = sample.at - previous
        previous = sample.at
        if sample.percent is None or span <= 0:
            continue
        total += sample.percent * span
        weight += span
    return total / weight if weight > 0 else None


class CpuWindow:
    """One VM's recent CPU samples and the idle-CPU alert, with hysteresis.

    The alert rises when the whole window is above `threshold` and falls when the whole
    window is at or below it; in between it keeps its state, so a guest hovering around the
    threshold does not make the notice blink. `reset()` on start, resume, pause and stop.
    """

    def __init__(self, window_s: float = DEFAULT_WINDOW_S,
                 threshold: float = DEFAULT_THRESHOLD_PERCENT) -> None:
        if window_s <= 0:
            raise ValueError("the window must be longer than 0 seconds")
        self.window_s = window_s
        self.threshold = threshold
        self._samples: list[CpuSample] = []
        self.alert = False

    @property
    def samples(self) -> tuple[CpuSample, ...]:
        return tuple(self._samples)

    def reset(self) -> None:
        self._samples.clear()
        self.alert = False

    def add(self, at: float, percent: float | None) -> bool:
        """Record one sample; True when the alert changed (read `alert` for the new state)."""
        if self._samples and at <= self._samples[-1].at:
            return False  # out of order or repeated: ignore
        if percent is None:
            # A process without a figure yet (start, pid reused): older figures were about
            # another run. Keep this one as the start of the new history.
            self._samples.clear()
        self._samples.append(CpuSample(at, percent))
        start = at - self.window_s
        # Keep exactly one sample at or before the window's start (it bounds the window).
        while len(self._samples) >= 2 and self._samples[1].at <= start:
            del self._samples[0]
        before = self.alert
        if not self.alert and sustained(self._samples, self.window_s, self.threshold):
            self.alert = True
        elif self.alert and sustained(self._samples, self.window_s, self.threshold,
                                      above=False):
            self.alert = False
        return self.alert is not before

    def mean(self) -> float | None:
        return window_mean(self._samples, self.window_s)


# -- idle CPU advice -------------------------------------------------------------------------


def idle_cpu_advice(
    spec: VmSpec,
    host: HostFacts,
    accel: Accel | None,
    samples: Sequence[CpuSample],
    *,
    window_s: float = DEFAULT_WINDOW_S,
    threshold: float = DEFAULT_THRESHOLD_PERCENT,
) -> Advice | None:
    """The idle-CPU notice when the whole last window is above `threshold`, else None.

    `accel` is the accelerator QEMU really uses (None: unknown, assume what the spec asks).
    """
    if not sustained(samples, window_s, threshold):
        return None
    return idle_cpu_notice(spec, host, accel, window_s=window_s, threshold=threshold,
                           mean=window_mean(samples, window_s))


def idle_cpu_notice(
    spec: VmSpec,
    host: HostFacts,
    accel: Accel | None,
    *,
    window_s: float = DEFAULT_WINDOW_S,
    threshold: float = DEFAULT_THRESHOLD_PERCENT,
    mean: float | None = None,
) -> Advice:
    """The idle-CPU notice itself (the caller decided that it is due)."""
    return Advice(
        key=IDLE_CPU,
        title=Text.of("idle-cpu.title"),
        message=Text.of(
            "idle-cpu.message",
            name=spec.name,
            seconds=f"{window_s:.0f}",
            threshold=f"{threshold:g}",
            cpu=f"{mean:.0f}" if mean is not None else "?",
        ),
        causes=idle_cpu_causes(spec, host, accel),
    )


def idle_cpu_causes(spec: VmSpec, host: HostFacts, accel: Accel | None) -> tuple[Cause, ...]:
    """Likely causes for this guest, most likely first; the last one is always "the guest
    really is busy", since kvmgui cannot see inside it."""
    in_use = accel if accel is not None else host.resolve_accel(spec.accel)
    causes: list[Cause] = []
    if in_use is not Accel.KVM:
        if spec.accel is Accel.TCG and host.kvm_usable:
            causes.append(Cause("tcg-chosen", Text.of("idle-cpu.tcg-chosen"), _change(
                "idle-cpu.tcg-chosen.fix", ("accel", Accel.AUTO))))
        else:
            causes.append(Cause("no-kvm", Text.of("idle-cpu.no-kvm"), action=OPEN_HOST_CHECK))
    if spec.os is OsPreset.BSD and spec.usb:
        causes.append(Cause("usb-tablet-bsd", Text.of("idle-cpu.usb-tablet-bsd"), _change(
            "idle-cpu.usb-tablet-bsd.fix", ("usb", False))))
    if spec.os in OLD_GUESTS and spec.network.nic is NicModel.VIRTIO:
        causes.append(Cause("virtio-nic-old", Text.of("idle-cpu.virtio-nic-old"), _change(
            "idle-cpu.virtio-nic-old.fix", ("network.nic", NicModel.E1000))))
    cpu_cause = _cpu_cause(spec, host)
    if cpu_cause is not None:
        causes.append(cpu_cause)
    causes.append(Cause("guest-busy", Text.of("idle-cpu.guest-busy")))
    return tuple(causes)


def _cpu_cause(spec: VmSpec, host: HostFacts) -> Cause | None:
    host_cpus = max(1, host.cpu_count)
    fewest = 2 if spec.os is OsPreset.WINDOWS11 else 1  # Windows 11 refuses fewer than 2
    if spec.cpus > host_cpus:
        target = max(fewest, min(2, host_cpus))
        key, args = "idle-cpu.cpus-above-host", {"cpus": spec.cpus, "host_cpus": host_cpus}
    elif spec.cpus > fewest:
        target = fewest
        key, args = "idle-cpu.cpus-idle", {"cpus": spec.cpus}
    else:
        return None
    if target >= spec.cpus:
        return None
    label = (Text.of("idle-cpu.cpus.fix-one") if target == 1
             else Text.of("idle-cpu.cpus.fix-many", target=target))
    return Cause("too-many-cpus", Text.of(key, **args),
                 SpecChange((("cpus", target),), label))


# -- hints that need no samples --------------------------------------------------------------


def static_hints(spec: VmSpec) -> tuple[Advice, ...]:
    """Everything worth saying about `spec` before it even runs."""
    return tuple(a for a in (ide_disk_hint(spec), disk_cache_hint(spec)) if a is not None)


def ide_disk_hint(spec: VmSpec) -> Advice | None:
    """A Linux guest on an IDE disk: switch to virtio, or the wiki's `elevator=noop`."""
    if spec.os is not OsPreset.LINUX:
        return None
    ide = [(i, d) for i, d in enumerate(spec.disks) if d.bus is DiskBus.IDE]
    if not ide:
        return None
    return Advice(
        key=IDE_DISK_LINUX,
        title=Text.of("ide-disk-linux.title"),
        message=Text.of("ide-disk-linux.message", name=spec.name,
                        disk=_disk_name(ide[0][1].path)),
        causes=(
            Cause("use-virtio", Text.of("ide-disk-linux.virtio"), _change(
                "ide-disk-linux.virtio.fix", *((f"disks.{i}.bus", DiskBus.VIRTIO)
                                               for i, _ in ide))),
            Cause("elevator-noop", Text.of("ide-disk-linux.elevator")),
        ),
    )


_CACHE_TEXTS = {
    CacheMode.NONE: "disk-cache.none",
    CacheMode.WRITETHROUGH: "disk-cache.writethrough",
    CacheMode.DIRECTSYNC: "disk-cache.directsync",
    CacheMode.UNSAFE: "disk-cache.unsafe",
}


def disk_cache_hint(spec: VmSpec) -> Advice | None:
    """Writable disks whose cache mode is not writeback, each with its trade-off and fix."""
    causes = tuple(
        Cause(f"cache-{i}", Text.of(_CACHE_TEXTS[disk.cache], disk=_disk_name(disk.path)),
              _change("disk-cache.fix", (f"disks.{i}.cache", CacheMode.WRITEBACK)))
        for i, disk in enumerate(spec.disks)
        # A read-only disk is never written: its cache mode costs nothing worth a notice.
        if disk.cache is not CacheMode.WRITEBACK and not disk.readonly
    )
    if not causes:
        return None
    return Advice(DISK_CACHE, Text.of("disk-cache.title"), Text.of("disk-cache.message"), causes)


# -- the guest ignored the ACPI power button -------------------------------------------------


def shutdown_ignored_advice(spec: VmSpec) -> Advice:
    """Why the guest did not power off on the ACPI button, to show before offering force-off
    (the controller's shutdown() returns code "timeout", or the state's reason says so)."""
    force = Cause("force-off", Text.of("shutdown.force-off"), action=FORCE_OFF)
    if spec.os in WINDOWS:
        texts = "shutdown-windows"
        causes: tuple[Cause, ...] = (
            Cause("rdp-sessions", Text.of("shutdown-windows.rdp")),
            Cause("shutdownwithoutlogon", Text.of("shutdown-windows.registry")),
            Cause("power-button-action", Text.of("shutdown-windows.power-button")),
        )
    else:
        texts = "shutdown-other"
        listener = ("shutdown-other.linux" if spec.os is OsPreset.LINUX
                    else "shutdown-other.other")
        causes = (
            Cause("still-booting", Text.of("shutdown-other.booting")),
            Cause("no-acpi-listener", Text.of(listener)),
        )
    return Advice(key=SHUTDOWN_IGNORED, title=Text.of(f"{texts}.title"),
                  message=Text.of(f"{texts}.message", name=spec.name), causes=(*causes, force))


# -- helpers ---------------------------------------------------------------------------------


def _change(label_key: str, *settings: tuple[str, Any]) -> SpecChange:
    return SpecChange(tuple(settings), Text.of(label_key))


def _disk_name(path: str) -> str:
    return PurePath(path).name or path


def _get_path(obj: Any, parts: Sequence[str]) -> Any:
    for part in parts:
        obj = _child(obj, part)
    return obj


def _child(obj: Any, part: str) -> Any:
    if isinstance(obj, tuple):
        if not part.isdigit() or int(part) >= len(obj):
            raise ValueError(Message(QT_TRANSLATE_NOOP("core.advisor", "there is no item {part}"),
                part=repr(part)))
        return obj[int(part)]
    if is_dataclass(obj) and part in _field_names(obj):
        return getattr(obj, part)
    raise ValueError(Message(QT_TRANSLATE_NOOP("core.advisor", "there is no setting {part}"),
        part=repr(part)))


def _set_path(obj: Any, parts: Sequence[str], value: Any) -> Any:
    head, rest = parts[0], parts[1:]
    current = _child(obj, head)  # raises ValueError for a path that does not exist
    new = value if not rest else _set_path(current, rest, value)
    if isinstance(obj, tuple):
        index = int(head)
        return (*obj[:index], new, *obj[index + 1:])
    return replace(obj, **{head: new})


def _field_names(obj: Any) -> Iterable[str]:
    return {f.name for f in fields(obj)}
