"""asyncio runtime: QEMU processes, QMP sessions, jobs, host probing. No Qt."""
