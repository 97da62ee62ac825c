"""Giving back to the system the memory that start-up used and freed."""

from __future__ import annotations


def return_free_memory() -> None:
    """Ask the C library to return its free heap memory to the system (glibc's malloc_trim).

    glibc keeps memory freed by the process for reuse; after start-up (modules compiled and
    loaded, the host probe's output parsed, temporary lists and strings dropped) that is a
    few MiB that would otherwise stay resident for the whole session. Nothing happens where
    the C library has no malloc_trim (musl, other systems).
    """
    import ctypes  # once, after start-up: not worth its import before the first paint

    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    trim(0)
