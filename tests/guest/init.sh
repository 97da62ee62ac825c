#!/bin/busybox sh
# kvmgui test guest: /init (pid 1) of the initramfs. Everything a test looks for is a line
# "KVMGUI-GUEST: ..." on the first serial port (kvmgui logs it to a file).
# Kernel parameters: kvmgui.busy=1 (CPU busy loop), kvmgui.write_boot=1 (write the boot medium),
# kvmgui.panic=1 (crash the kernel on purpose once ready), kvmgui.bench=io (time a sequential
# write and read on the marker disk, for benches/bench_io.py; "KVMGUI-BENCH: ..." lines).

/bin/busybox mkdir -p /bin /sbin /usr/bin /usr/sbin /proc /sys /dev /tmp /run /var/log
/bin/busybox --install -s
export PATH=/sbin:/bin:/usr/sbin:/usr/bin

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null

# Ctrl-Alt-Del must not reset the machine behind a test's back: with 0 the kernel signals pid 1
# (SIGINT) instead, and we only report it.
echo 0 > /proc/sys/kernel/ctrl-alt-del
# A panic stays on screen and in the log; the guest never reboots by itself.
echo 0 > /proc/sys/kernel/panic

say() {
    echo "KVMGUI-GUEST: $*" > /dev/ttyS0 2>/dev/null
    echo "KVMGUI-GUEST: $*" > /dev/tty1 2>/dev/null
}

cmdline=" $(cat /proc/cmdline) "
has_param() {
    case "$cmdline" in *" $1 "*) return 0 ;; esac
    return 1
}

say "booted"

# Kernel modules, in dependency order (the build wrote the list; one "file args" per line).
while read -r file args; do
    [ -n "$file" ] && insmod "/lib/modules/$file" $args 2>/dev/null
done < /etc/kvmgui/modules

# ACPI power button -> clean power-off. acpid maps the button's KEY_POWER to the action
# PWRF/00000080 and runs /etc/acpi/PWRF/00000080 (see /etc/acpi there).
acpid -f -c /etc/acpi -l /var/log/acpid.log &

# Keyboard echo: every line typed on the VGA console goes to the serial log.
(
    while IFS= read -r line; do
        echo "KVMGUI-KEY: $line" > /dev/ttyS0 2>/dev/null
    done < /dev/tty1
) &

# Video: the bochs DRM driver replaces the BIOS text mode with a framebuffer.
while read -r file args; do
    [ -n "$file" ] && insmod "/lib/modules/$file" $args 2>/dev/null
done < /etc/kvmgui/video-modules
i=0
while [ ! -e /sys/class/graphics/fb0/virtual_size ] && [ $i -lt 20 ]; do
    sleep 0.1
    i=$((i + 1))
done
if [ -e /sys/class/graphics/fb0/virtual_size ]; then
    size=$(cat /sys/class/graphics/fb0/virtual_size)
    say "video ${size%%,*}x${size##*,}"
else
    say "video text"
fi

# --- Disks -------------------------------------------------------------------------------------

# True if the device holds an ISO 9660 image (the "CD001" volume descriptor at byte 32769).
is_iso() {
    [ "$(dd if="$1" bs=2048 skip=16 count=1 2>/dev/null | dd bs=1 skip=1 count=5 2>/dev/null)" = CD001 ]
}

disk_names() {
    for s in /sys/block/vd* /sys/block/sd* /sys/block/hd*; do
        [ -e "$s" ] && echo "${s##*/}"
    done
}

boot_device() {
    for n in $(ls /sys/block 2>/dev/null | grep '^sr') $(disk_names); do
        if is_iso "/dev/$n"; then
            echo "/dev/$n"
            return
        fi
    done
}

# A USB mass-storage interface whose disk has not appeared yet.
usb_pending() {
    for c in /sys/bus/usb/devices/*/bInterfaceClass; do
        [ -e "$c" ] && [ "$(cat "$c")" = 08 ] || continue
        d=${c%/bInterfaceClass}
        ls -d "$d"/host*/target*/*/block/* > /dev/null 2>&1 || return 0
    done
    return 1
}

# Disks show up asynchronously (SCSI scans, USB enumeration). Wait until the boot medium is
# visible and no USB disk is half-way; at least 1 s (2 s with a USB controller, whose ports are
# scanned in the background), at most 15 s.
min_wait=4
ls -d /sys/bus/usb/devices/usb* > /dev/null 2>&1 && min_wait=8
i=0
while [ $i -lt 60 ]; do
    if [ $i -ge $min_wait ] && [ -n "$(boot_device)" ] && ! usb_pending; then
        break
    fi
    sleep 0.25
    i=$((i + 1))
done

boot_dev=$(boot_device)
say "boot device ${boot_dev:-unknown}"

marker_disk=""
for n in $(disk_names); do
    [ "$(cat /sys/block/$n/ro)" = 0 ] || continue
    [ "$(cat /sys/block/$n/size)" != 0 ] || continue
    is_iso "/dev/$n" && continue
    marker_disk=/dev/$n
    break
done

if [ -z "$marker_disk" ]; then
    say "no marker disk"
else
    say "marker disk $marker_disk"
    head=$(dd if="$marker_disk" bs=64 count=1 2>/dev/null | tr -d '\000')
    case "$head" in
        KVMGUI-MARK*)
            count=$(echo "$head" | sed -n 's/^KVMGUI-MARK \([0-9][0-9]*\).*/\1/p')
            count=${count:-0}
            say "marker found $count"
            count=$((count + 1))
            ;;
        *)
            say "no marker"
            count=1
            ;;
    esac
    if printf 'KVMGUI-MARK %d\n' "$count" \
        | dd of="$marker_disk" bs=64 count=1 conv=sync,notrunc,fsync 2>/dev/null; then
        sync
        say "marker written $count"
    else
        say "marker write failed $marker_disk"
    fi
fi

# I/O benchmark: sequential write, rewrite, then read, of BENCH_MIB MiB on the marker disk from
# 1 MiB on (the marker sector stays intact); the disk needs BENCH_MIB + 2 MiB at least. Random data, so no layer can shortcut zeros; O_DIRECT when
# the disk takes it, so the guest's page cache is out of the picture (else sync + drop caches).
# Times in ns from the "now at <ns> nsecs" line of /proc/timer_list (busybox date has no %N),
# else from /proc/uptime (10 ms steps).
BENCH_MIB=128
now_ns() {
    ns=$(sed -n 's/^now at \([0-9][0-9]*\) nsecs$/\1/p;/^now at/q' /proc/timer_list 2>/dev/null)
    if [ -z "$ns" ]; then
        read -r up _ < /proc/uptime
        ns=$(( ${up%%.*}${up##*.} * 10000000 ))
    fi
    echo "$ns"
}
bench_io() {
    disk=$1
    dd if=/dev/urandom of=/tmp/pattern bs=1M count=4 2>/dev/null
    wflag="oflag=direct"
    rflag="iflag=direct"
    mode=direct
    # The probe writes past the measured area, so the first pass still finds it unallocated.
    if ! dd if=/tmp/pattern of="$disk" bs=1M seek=$((BENCH_MIB + 1)) count=1 oflag=direct conv=notrunc 2>/dev/null; then
        wflag="conv=notrunc"
        rflag="bs=1M"
        mode=buffered
    fi
    say "bench mode $mode"
    sync
    echo 3 > /proc/sys/vm/drop_caches
    # "write" fills fresh space (an image format allocates as it goes); "rewrite" overwrites it.
    for pass in write rewrite; do
        start=$(now_ns)
        i=0
        while [ $i -lt $((BENCH_MIB / 4)) ]; do
            if ! dd if=/tmp/pattern of="$disk" bs=1M seek=$((1 + i * 4)) count=4 $wflag conv=notrunc 2>/dev/null; then
                say "bench write failed"
                return
            fi
            i=$((i + 1))
        done
        sync
        end=$(now_ns)
        echo "KVMGUI-BENCH: $pass $((BENCH_MIB * 1048576)) $((end - start))" > /dev/ttyS0
    done
    echo 3 > /proc/sys/vm/drop_caches
    start=$(now_ns)
    if ! dd if="$disk" of=/dev/null bs=1M skip=1 count=$BENCH_MIB $rflag 2>/dev/null; then
        say "bench read failed"
        return
    fi
    end=$(now_ns)
    echo "KVMGUI-BENCH: read $((BENCH_MIB * 1048576)) $((end - start))" > /dev/ttyS0
    say "bench done"
}

if has_param kvmgui.bench=io; then
    if [ -z "$marker_disk" ]; then
        say "bench needs a marker disk"
    else
        bench_io "$marker_disk"
    fi
fi

# Write to the medium we booted from, to prove a protected stick stays unchanged. The bytes go
# to the unused second sector, so an unprotected stick still boots afterwards.
if has_param kvmgui.write_boot=1; then
    if [ -z "$boot_dev" ]; then
        say "boot device not found"
    elif printf 'KVMGUI-BOOTWRITE\n' \
        | dd of="$boot_dev" bs=64 seek=8 count=1 conv=sync,notrunc,fsync 2>/dev/null; then
        sync
        say "wrote boot device $boot_dev"
    else
        say "could not write boot device $boot_dev"
    fi
fi

# --- Shared folders ----------------------------------------------------------------------------

# Each shared folder is mounted on /mnt/TAG. 9p tags are listed in sysfs; virtio-fs tags are not
# (Linux 6.1), so the guest tries the tags kvmgui derives from folders named "shared":
# shared, shared-2, shared-3. Reported: "share TAG mounted 9p|virtiofs", "share TAG read TEXT"
# (the first line of from-host.txt), then "share TAG wrote" or "share TAG write refused" for
# writing from-guest.txt.
try_share() {
    kind=$1
    tag=$2
    mkdir -p "/mnt/$tag"
    if [ "$kind" = 9p ]; then
        if ! mount -t 9p -o trans=virtio,version=9p2000.L "$tag" "/mnt/$tag" 2>/dev/null; then
            say "share $tag mount failed"
            return
        fi
    elif ! mount -t virtiofs "$tag" "/mnt/$tag" 2>/dev/null; then
        return
    fi
    say "share $tag mounted $kind"
    if [ -f "/mnt/$tag/from-host.txt" ]; then
        say "share $tag read $(head -n 1 "/mnt/$tag/from-host.txt")"
    fi
    if echo "written by the guest" 2>/dev/null > "/mnt/$tag/from-guest.txt"; then
        say "share $tag wrote"
    else
        say "share $tag write refused"
    fi
}
for t in /sys/bus/virtio/drivers/9pnet_virtio/*/mount_tag; do
    [ -e "$t" ] && try_share 9p "$(tr -d '\000' < "$t")"
done
if ls -d /sys/bus/virtio/drivers/virtiofs/virtio* > /dev/null 2>&1; then
    for tag in shared shared-2 shared-3; do
        try_share virtiofs "$tag"
    done
fi

if has_param kvmgui.busy=1; then
    ( while :; do :; done ) &
    say "busy loop started"
fi

ls /dev/input/event* > /dev/null 2>&1 || say "no input event devices: the power button will not work"
say "ready"

if has_param kvmgui.panic=1; then
    say "panicking on request"
    echo c > /proc/sysrq-trigger
fi

trap 'say "ctrl-alt-del pressed"' INT
# pid 1 must never exit (that panics); `wait` on a background sleep lets the trap run at once.
while :; do
    sleep 3600 &
    wait $!
done
