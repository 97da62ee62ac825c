"""The performance advisor's decisions (pure: samples and specs in, advice out)."""

from __future__ import annotations

import ast
import copy
import re
import string
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from kvmgui.core import advisor as adv
from kvmgui.core.advisor import (
    DISK_CACHE,
    FORCE_OFF,
    IDE_DISK_LINUX,
    IDLE_CPU,
    OPEN_HOST_CHECK,
    SHUTDOWN_IGNORED,
    Advice,
    CpuSample,
    CpuWindow,
    SpecChange,
    disk_cache_hint,
    ide_disk_hint,
    idle_cpu_advice,
    idle_cpu_causes,
    shutdown_ignored_advice,
    static_hints,
    sustained,
    window_mean,
)
from kvmgui.core.advisor_texts import TEXTS, Text
from kvmgui.core.host import HostFacts
from kvmgui.core.messages import fill
from kvmgui.core.model import (
    Accel,
    CacheMode,
    Disk,
    DiskBus,
    Network,
    NicModel,
    OsPreset,
    VmSpec,
)
from kvmgui.core.presets import new_spec
from tests.examples import examples

HOST = HostFacts(kvm_usable=True, cpu_count=8)
NO_KVM_HOST = HostFacts(kvm_usable=False, cpu_count=2)


def samples(values: Sequence[float | None], interval: float = 2.0, start: float = 100.0
            ) -> list[CpuSample]:
    return [CpuSample(start + i * interval, v) for i, v in enumerate(values)]


def feed(window: CpuWindow, values: Sequence[float | None], interval: float = 2.0,
         start: float = 100.0) -> list[bool]:
    """Add the values; return the alert state after each."""
    states = []
    for i, v in enumerate(values):
        window.add(start + i * interval, v)
        states.append(window.alert)
    return states


# -- the window ---------------------------------------------------------------------------


def test_window_needs_a_whole_window_of_history() -> None:
    # 60 s window, a sample every 2 s: the first covering moment is 60 s after the first one.
    window = CpuWindow(60, 3.0)
    states = feed(window, [50.0] * 31)
    assert states[:30] == [False] * 30
    assert states[30] is True


def test_boot_spike_then_idle_never_fires() -> None:
    window = CpuWindow(60, 3.0)
    # 50 s of boot at 100 %, then idle at 0.6 % for five minutes.
    states = feed(window, [100.0] * 25 + [0.6] * 150)
    assert not any(states)


def test_long_boot_then_idle_fires_and_then_clears() -> None:
    # A boot longer than the window is indistinguishable from a busy guest: it fires, and
    # clears once a whole window was quiet.
    window = CpuWindow(10, 3.0)
    states = feed(window, [100.0] * 10 + [0.5] * 10, interval=2.0)
    assert states[5] is True
    first_quiet = 10  # at t=120, covering 118..120
    assert states[first_quiet + 3] is True  # 116..126 still holds a busy figure
    assert states[first_quiet + 4] is False  # 118..128 was quiet from end to end


def test_one_dip_below_the_threshold_restarts_the_wait() -> None:
    window = CpuWindow(20, 3.0)
    states = feed(window, [10.0] * 8 + [2.0] + [10.0] * 10, interval=2.0)
    assert not any(states[:19 - 1])  # the dip at index 8 is inside every window until 8+10
    assert states[18] is True


def test_hysteresis_keeps_the_alert_through_a_short_dip() -> None:
    window = CpuWindow(10, 3.0)
    states = feed(window, [20.0] * 6 + [1.0] * 3 + [20.0] * 3, interval=2.0)
    assert states[5] is True
    assert all(states[5:])


def test_threshold_is_exclusive() -> None:
    window = CpuWindow(10, 3.0)
    assert not any(feed(window, [3.0] * 20))
    window = CpuWindow(10, 3.0)
    assert any(feed(window, [3.01] * 20))


def test_none_sample_starts_a_new_history() -> None:
    window = CpuWindow(10, 3.0)
    states = feed(window, [50.0] * 5 + [None] + [50.0] * 5)
    # The None at index 5 (t=110) drops what came before: only at t=120 are 10 s covered.
    assert not any(states[:10])
    assert states[10] is True


def test_none_clears_history_but_not_a_raised_alert() -> None:
    window = CpuWindow(10, 3.0)
    feed(window, [50.0] * 7)
    assert window.alert
    window.add(200.0, None)  # e.g. a new process: the runtime resets the window itself
    assert window.alert
    window.reset()
    assert not window.alert and window.samples == ()


def test_out_of_order_samples_are_ignored() -> None:
    window = CpuWindow(10, 3.0)
    window.add(100.0, 50.0)
    assert window.add(99.0, 0.0) is False
    assert window.add(100.0, 0.0) is False
    assert [s.at for s in window.samples] == [100.0]


def test_window_keeps_only_one_sample_before_its_start() -> None:
    window = CpuWindow(10, 3.0)
    feed(window, [50.0] * 100, interval=1.0)
    kept = window.samples
    assert kept[0].at <= kept[-1].at - 10 < kept[1].at
    assert len(kept) == 11


def test_add_reports_changes_only() -> None:
    window = CpuWindow(4, 3.0)
    changes = [window.add(100.0 + i, 9.0) for i in range(8)]
    assert changes.count(True) == 1


def test_window_rejects_nonsense() -> None:
    with pytest.raises(ValueError):
        CpuWindow(0, 3.0)


def test_uneven_intervals() -> None:
    # The sampler's interval can change (preferences) or stall under load.
    values = [CpuSample(0.0, None), CpuSample(7.0, 9.0), CpuSample(8.0, 9.0),
              CpuSample(19.0, 9.0)]
    assert sustained(values, 10.0, 3.0)
    assert not sustained(values, 20.0, 3.0)  # history is 19 s long


def test_window_mean_is_time_weighted() -> None:
    values = [CpuSample(0.0, None), CpuSample(2.0, 10.0), CpuSample(10.0, 50.0)]
    assert window_mean(values, 10.0) == pytest.approx((10 * 2 + 50 * 8) / 10)
    assert window_mean(values[:2], 10.0) is None


@settings(max_examples=examples(300), deadline=None)
@given(
    values=st.lists(st.one_of(st.none(), st.floats(0, 400)), min_size=1, max_size=80),
    window_s=st.sampled_from([4.0, 10.0, 60.0]),
    threshold=st.sampled_from([0.5, 3.0, 50.0]),
)
def test_never_fires_unless_the_whole_window_is_above(
    values: list[float | None], window_s: float, threshold: float
) -> None:
    window = CpuWindow(window_s, threshold)
    series = samples(values, interval=2.0)
    for i, sample in enumerate(series):
        changed = window.add(sample.at, sample.percent)
        if changed and window.alert:
            start = sample.at - window_s
            inside = [s for s in series[: i + 1] if s.at > start]
            assert series[0].at <= start
            assert inside and all(s.percent is not None and s.percent > threshold
                                  for s in inside)
            # ...and every sample since the last None is part of the history it judged.
            assert all(s.percent is not None for s in series[: i + 1] if s.at > start)


@settings(max_examples=examples(200), deadline=None)
@given(boot=st.integers(0, 29), idle=st.floats(0, 3.0))
def test_a_spike_shorter_than_the_window_never_fires(boot: int, idle: float) -> None:
    window = CpuWindow(60, 3.0)
    assert not any(feed(window, [100.0] * boot + [idle] * 200))


# -- the idle-CPU advice --------------------------------------------------------------------


def busy_samples(window_s: float = 60.0) -> list[CpuSample]:
    return samples([None] + [40.0] * int(window_s / 2 + 1))


def spec(os: OsPreset = OsPreset.LINUX, **overrides: object) -> VmSpec:
    return new_spec("guest", os, **overrides)


def test_no_advice_without_a_whole_busy_window() -> None:
    assert idle_cpu_advice(spec(), HOST, Accel.KVM, samples([40.0] * 10)) is None
    assert idle_cpu_advice(spec(), HOST, Accel.KVM, []) is None


def test_advice_message_names_the_vm_and_figures() -> None:
    advice = idle_cpu_advice(spec(cpus=1), HOST, Accel.KVM, busy_samples(), window_s=60,
                             threshold=3.0)
    assert advice is not None and advice.key == IDLE_CPU
    text = str(advice.message)
    assert "'guest'" in text and "60 seconds" in text and "3 %" in text and "40 %" in text
    assert str(advice.title) == TEXTS["idle-cpu.title"].text


def test_tcg_lists_no_kvm_first_with_a_link_to_the_host_check() -> None:
    advice = idle_cpu_advice(spec(accel=Accel.AUTO), NO_KVM_HOST, Accel.TCG, busy_samples())
    assert advice is not None
    first = advice.causes[0]
    assert first.key == "no-kvm" and first.fix is None and first.action == OPEN_HOST_CHECK


def test_tcg_chosen_on_a_kvm_host_offers_auto() -> None:
    s = spec(accel=Accel.TCG)
    causes = idle_cpu_causes(s, HOST, Accel.TCG)
    assert causes[0].key == "tcg-chosen"
    fix = causes[0].fix
    assert fix is not None and fix.apply(s).accel is Accel.AUTO


def test_kvm_in_use_lists_no_accelerator_cause() -> None:
    keys = [c.key for c in idle_cpu_causes(spec(cpus=1), HOST, Accel.KVM)]
    assert keys == ["guest-busy"]


def test_unknown_accel_is_taken_from_the_spec_and_host() -> None:
    assert idle_cpu_causes(spec(), NO_KVM_HOST, None)[0].key == "no-kvm"
    assert idle_cpu_causes(spec(cpus=1), HOST, None)[0].key == "guest-busy"


def test_bsd_with_tablet_suggests_turning_it_off() -> None:
    s = spec(OsPreset.BSD, usb=True)
    causes = {c.key: c for c in idle_cpu_causes(s, HOST, Accel.KVM)}
    fix = causes["usb-tablet-bsd"].fix
    assert fix is not None and fix.apply(s).usb is False
    assert "usb-tablet-bsd" not in {c.key for c in idle_cpu_causes(replace(s, usb=False), HOST,
                                                                    Accel.KVM)}


def test_tablet_cause_is_only_for_bsd() -> None:
    for os in OsPreset:
        if os is OsPreset.BSD:
            continue
        keys = {c.key for c in idle_cpu_causes(spec(os, usb=True), HOST, Accel.KVM)}
        assert "usb-tablet-bsd" not in keys


@pytest.mark.parametrize("os", [OsPreset.WINDOWS_OLD, OsPreset.OTHER])
def test_virtio_nic_on_an_old_guest_suggests_e1000(os: OsPreset) -> None:
    s = spec(os, network=Network(nic=NicModel.VIRTIO))
    cause = next(c for c in idle_cpu_causes(s, HOST, Accel.KVM) if c.key == "virtio-nic-old")
    assert cause.fix is not None
    changed = cause.fix.apply(s)
    assert changed.network.nic is NicModel.E1000
    assert changed.network.mode is s.network.mode  # only the model changes
    assert cause.fix.needs_restart


@pytest.mark.parametrize("os", [OsPreset.LINUX, OsPreset.WINDOWS10, OsPreset.WINDOWS11,
                                OsPreset.BSD])
def test_virtio_nic_on_a_modern_guest_is_fine(os: OsPreset) -> None:
    s = spec(os, network=Network(nic=NicModel.VIRTIO))
    assert "virtio-nic-old" not in {c.key for c in idle_cpu_causes(s, HOST, Accel.KVM)}


@pytest.mark.parametrize("os", [OsPreset.WINDOWS_OLD, OsPreset.OTHER])
def test_e1000_on_an_old_guest_is_not_blamed(os: OsPreset) -> None:
    s = spec(os, network=Network(nic=NicModel.E1000))
    assert "virtio-nic-old" not in {c.key for c in idle_cpu_causes(s, HOST, Accel.KVM)}


@pytest.mark.parametrize(
    ("os", "cpus", "host_cpus", "target", "key"),
    [
        (OsPreset.LINUX, 1, 8, None, None),
        (OsPreset.LINUX, 2, 8, 1, "idle-cpu.cpus-idle"),
        (OsPreset.LINUX, 4, 8, 1, "idle-cpu.cpus-idle"),
        (OsPreset.LINUX, 4, 2, 2, "idle-cpu.cpus-above-host"),
        (OsPreset.LINUX, 3, 1, 1, "idle-cpu.cpus-above-host"),
        (OsPreset.WINDOWS11, 2, 8, None, None),  # Windows 11 needs two
        (OsPreset.WINDOWS11, 4, 8, 2, "idle-cpu.cpus-idle"),
        (OsPreset.WINDOWS11, 4, 1, 2, "idle-cpu.cpus-above-host"),
        (OsPreset.WINDOWS11, 2, 1, None, None),  # two is the floor even above the host
        (OsPreset.BSD, 2, 2, 1, "idle-cpu.cpus-idle"),
    ],
)
def test_too_many_cpus(os: OsPreset, cpus: int, host_cpus: int, target: int | None,
                       key: str | None) -> None:
    s = spec(os, cpus=cpus)
    host = HostFacts(kvm_usable=True, cpu_count=host_cpus)
    cause = next((c for c in idle_cpu_causes(s, host, Accel.KVM) if c.key == "too-many-cpus"),
                 None)
    if target is None:
        assert cause is None
        return
    assert cause is not None and cause.fix is not None and cause.sentence.key == key
    assert cause.fix.apply(s).cpus == target
    assert str(cause.fix.label) == ("Use 1 virtual processor" if target == 1
                                    else f"Use {target} virtual processors")
    assert str(cpus) in str(cause.sentence)


def test_guest_busy_is_always_last_and_only_once() -> None:
    for os in OsPreset:
        for accel in (Accel.KVM, Accel.TCG):
            causes = idle_cpu_causes(spec(os, cpus=4, usb=True), NO_KVM_HOST, accel)
            keys = [c.key for c in causes]
            assert keys[-1] == "guest-busy" and keys.count("guest-busy") == 1
            assert len(keys) == len(set(keys))


def test_the_worst_case_bsd_on_tcg_lists_everything_in_order() -> None:
    s = spec(OsPreset.BSD, cpus=4, usb=True)
    keys = [c.key for c in idle_cpu_causes(s, NO_KVM_HOST, Accel.TCG)]
    assert keys == ["no-kvm", "usb-tablet-bsd", "too-many-cpus", "guest-busy"]


def test_old_windows_on_tcg_with_virtio() -> None:
    s = spec(OsPreset.WINDOWS_OLD, cpus=2, network=Network(nic=NicModel.VIRTIO))
    keys = [c.key for c in idle_cpu_causes(s, NO_KVM_HOST, Accel.TCG)]
    assert keys == ["no-kvm", "virtio-nic-old", "too-many-cpus", "guest-busy"]


def test_every_fix_of_every_cause_changes_the_spec_it_was_made_for() -> None:
    for os in OsPreset:
        s = spec(os, cpus=4, usb=True, accel=Accel.TCG, network=Network(nic=NicModel.VIRTIO))
        for host in (HOST, NO_KVM_HOST):
            for cause in idle_cpu_causes(s, host, Accel.TCG):
                if cause.fix is None:
                    continue
                assert cause.fix.applies_to(s)
                assert not cause.fix.is_applied(s)
                changed = cause.fix.apply(s)
                assert changed != s and cause.fix.is_applied(changed)
                assert not cause.fix.applies_to(changed)


# -- SpecChange ---------------------------------------------------------------------------


def disk(path: str = "disk.qcow2", **kw: object) -> Disk:
    return Disk(path, **kw)  # type: ignore[arg-type]


def test_spec_change_reaches_into_tuples_of_dataclasses() -> None:
    s = spec(disks=(disk("a.qcow2"), disk("b.qcow2", cache=CacheMode.NONE)))
    change = SpecChange((("disks.1.cache", CacheMode.WRITEBACK),), Text.of("disk-cache.fix"))
    changed = change.apply(s)
    assert changed.disks[0] == s.disks[0]
    assert changed.disks[1] == replace(s.disks[1], cache=CacheMode.WRITEBACK)
    assert s.disks[1].cache is CacheMode.NONE  # the original is untouched


@pytest.mark.parametrize("path", ["disks.3.cache", "disks.-1.cache", "disks.x.cache",
                                  "nosuchfield", "network.nosuch", "cpus.real"])
def test_spec_change_on_a_missing_path(path: str) -> None:
    s = spec(disks=(disk(),))
    change = SpecChange(((path, 1),), Text.of("disk-cache.fix"))
    with pytest.raises(ValueError):
        change.apply(s)
    assert not change.is_applied(s)
    assert not change.applies_to(s)


def test_spec_change_with_several_settings() -> None:
    s = spec(disks=(disk("a", bus=DiskBus.IDE), disk("b", bus=DiskBus.IDE)))
    change = SpecChange((("disks.0.bus", DiskBus.VIRTIO), ("disks.1.bus", DiskBus.VIRTIO)),
                        Text.of("ide-disk-linux.virtio.fix"))
    changed = change.apply(s)
    assert [d.bus for d in changed.disks] == [DiskBus.VIRTIO, DiskBus.VIRTIO]
    half = replace(s, disks=(changed.disks[0], s.disks[1]))
    assert change.applies_to(half) and not change.is_applied(half)


# -- static hints ---------------------------------------------------------------------------


def test_linux_on_ide_gets_virtio_and_elevator_advice() -> None:
    s = spec(OsPreset.LINUX, disks=(disk("/vms/x/system.qcow2", bus=DiskBus.IDE),))
    advice = ide_disk_hint(s)
    assert advice is not None and advice.key == IDE_DISK_LINUX
    assert "system.qcow2" in str(advice.message)
    assert advice.cause_keys == ("use-virtio", "elevator-noop")
    virtio = advice.cause("use-virtio")
    assert virtio is not None and virtio.fix is not None
    assert virtio.fix.apply(s).disks[0].bus is DiskBus.VIRTIO
    noop = advice.cause("elevator-noop")
    assert noop is not None and noop.fix is None  # it is done inside the guest
    assert "elevator=noop" in str(noop.sentence)
    assert "/sys/block/sda/queue/scheduler" in str(noop.sentence)


def test_ide_fix_switches_every_ide_disk_and_nothing_else() -> None:
    s = spec(OsPreset.LINUX, disks=(disk("a", bus=DiskBus.IDE), disk("b", bus=DiskBus.SATA),
                                    disk("c", bus=DiskBus.IDE)))
    advice = ide_disk_hint(s)
    assert advice is not None
    cause = advice.cause("use-virtio")
    assert cause is not None and cause.fix is not None
    assert [d.bus for d in cause.fix.apply(s).disks] == [DiskBus.VIRTIO, DiskBus.SATA,
                                                         DiskBus.VIRTIO]


@pytest.mark.parametrize("os", [o for o in OsPreset if o is not OsPreset.LINUX])
def test_ide_hint_is_for_linux_only(os: OsPreset) -> None:
    # Old Windows has no virtio driver: IDE is the right choice there.
    assert ide_disk_hint(spec(os, disks=(disk(bus=DiskBus.IDE),))) is None


@pytest.mark.parametrize("bus", [DiskBus.VIRTIO, DiskBus.SATA, DiskBus.USB])
def test_no_ide_hint_without_ide(bus: DiskBus) -> None:
    assert ide_disk_hint(spec(disks=(disk(bus=bus),))) is None
    assert ide_disk_hint(spec(disks=())) is None


@pytest.mark.parametrize("mode", [m for m in CacheMode if m is not CacheMode.WRITEBACK])
def test_cache_not_writeback_gets_the_trade_off_and_a_fix(mode: CacheMode) -> None:
    s = spec(disks=(disk("data.raw", cache=mode),))
    advice = disk_cache_hint(s)
    assert advice is not None and advice.key == DISK_CACHE
    assert "host itself crashes" in str(advice.message)  # the trade-off of writeback
    (cause,) = advice.causes
    assert f"cache={mode.value}" in str(cause.sentence) and "data.raw" in str(cause.sentence)
    assert cause.fix is not None and cause.fix.apply(s).disks[0].cache is CacheMode.WRITEBACK


def test_cache_hint_skips_writeback_and_read_only_disks() -> None:
    s = spec(disks=(disk("a"), disk("b", cache=CacheMode.NONE, readonly=True),
                    disk("c", cache=CacheMode.UNSAFE)))
    advice = disk_cache_hint(s)
    assert advice is not None
    assert advice.cause_keys == ("cache-2",)
    assert disk_cache_hint(spec(disks=(disk(),))) is None


def test_static_hints_combine() -> None:
    s = spec(disks=(disk("a", bus=DiskBus.IDE, cache=CacheMode.NONE),))
    assert [a.key for a in static_hints(s)] == [IDE_DISK_LINUX, DISK_CACHE]
    assert static_hints(spec(disks=(disk(),))) == ()


def test_presets_defaults_need_no_static_hint() -> None:
    # What the wizard creates must not be criticised right away.
    for os in OsPreset:
        assert static_hints(spec(os, disks=(disk(bus=adv_default_bus(os)),))) == ()


def adv_default_bus(os: OsPreset) -> DiskBus:
    from kvmgui.core.presets import PRESETS

    return PRESETS[os].disk_bus


# -- the ignored shutdown ---------------------------------------------------------------------


@pytest.mark.parametrize("os", sorted(adv.WINDOWS))
def test_windows_shutdown_advice_names_rdp_and_the_registry_value(os: OsPreset) -> None:
    advice = shutdown_ignored_advice(spec(os))
    assert advice.key == SHUTDOWN_IGNORED
    text = " ".join([str(advice.message), *(str(c.sentence) for c in advice.causes)])
    assert "Remote Desktop (RDP)" in text and "locked" in text
    assert ("HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System"
            in text)
    assert "shutdownwithoutlogon" in text and "DWORD" in text and "to 1" in text
    assert "Power Options" in text
    assert advice.causes[-1].key == "force-off" and advice.causes[-1].action == FORCE_OFF


@pytest.mark.parametrize("os", [OsPreset.LINUX, OsPreset.BSD, OsPreset.OTHER])
def test_other_shutdown_advice(os: OsPreset) -> None:
    advice = shutdown_ignored_advice(spec(os))
    assert advice.key == SHUTDOWN_IGNORED
    assert "RDP" not in str(advice.message)
    assert advice.cause_keys[-1] == "force-off"
    listener = advice.cause("no-acpi-listener")
    assert listener is not None
    assert ("acpid" in str(listener.sentence)) is (os is OsPreset.LINUX)


# -- the texts ------------------------------------------------------------------------------


def every_advice() -> list[Advice]:
    found: list[Advice] = []
    for os in OsPreset:
        for host in (HOST, NO_KVM_HOST, HostFacts(kvm_usable=True, cpu_count=1)):
            for accel in (Accel.KVM, Accel.TCG):
                for cpus in (1, 2, 4):
                    for nic in NicModel:
                        s = spec(os, cpus=cpus, usb=True, accel=accel,
                                 network=Network(nic=nic),
                                 disks=tuple(disk(f"d{m.value}", cache=m, bus=DiskBus.IDE)
                                             for m in CacheMode))
                        a = idle_cpu_advice(s, host, accel, busy_samples())
                        assert a is not None
                        found.append(a)
                        found += static_hints(s)
                        found.append(shutdown_ignored_advice(s))
    return found


def texts_of(advice: Advice) -> list[Text]:
    out = [advice.title, advice.message]
    for cause in advice.causes:
        out.append(cause.sentence)
        if cause.fix is not None:
            out.append(cause.fix.label)
    return out


def test_every_text_is_used_and_every_used_text_renders() -> None:
    used: set[str] = set()
    for advice in every_advice():
        for text in texts_of(advice):
            used.add(text.key)
            rendered = str(text)
            assert "{" not in rendered and rendered.strip() == rendered
    assert used == set(TEXTS)


def test_placeholders_are_named_and_sentences_end_properly() -> None:
    for key, template in TEXTS.items():
        names = [f[1] for f in string.Formatter().parse(template.text) if f[1] is not None]
        assert all(re.fullmatch(r"[a-z_]+", n) for n in names), key
        if key.endswith((".fix", ".fix-one", ".fix-many", ".title")):
            assert not template.text.endswith("."), key  # button labels and titles
        else:
            assert template.text.endswith((".", ":", "scheduler")), key


def test_texts_are_plain_ascii_friendly_and_short_enough() -> None:
    for key, template in TEXTS.items():
        assert "  " not in template.text, key
        assert len(template.text) < 500, key


def test_a_text_is_a_message_that_knows_its_key() -> None:
    text = Text.of("idle-cpu.cpus.fix-many", target=2)
    assert text == "Use 2 virtual processors" and text.key == "idle-cpu.cpus.fix-many"
    assert (text.context, text.template) == (TEXTS[text.key].context, TEXTS[text.key].text)
    assert fill("Utiliser {target} processeurs", text.values) == "Utiliser 2 processeurs"
    assert copy.deepcopy(text).key == text.key
    with pytest.raises(KeyError):
        Text.of("no-such-key")


def test_texts_module_is_the_only_place_with_sentences() -> None:
    # The rules module must not hide a user-visible sentence outside the catalogue: every
    # string constant that reads like one (capitalised, several words) must be a docstring.
    tree = ast.parse(Path(adv.__file__).read_text())
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
        and node.body and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                and id(node) not in docstrings):
            looks_like_a_sentence = node.value[:1].isupper() and node.value.count(" ") >= 3
            assert not looks_like_a_sentence, node.value
