"""A managing process for tests: `python -m tests.runtime.manager_child NAME`.

Builds a VmManager from the environment (HOME/XDG_* of the test), starts VM NAME, prints
"STARTED <pid>" and then stays attached until it is killed, as the GUI would.
"""

from __future__ import annotations

import asyncio
import sys

from kvmgui.core.paths import AppPaths
from kvmgui.core.settings import load_settings
from kvmgui.runtime.manager import VmManager


async def main(name: str) -> int:
    paths = AppPaths.from_env()
    settings, _ = load_settings(paths.settings_file)
    manager = VmManager(paths, settings)
    await manager.open()
    vm = manager.get(name)
    outcome = await vm.start()
    if not outcome.ok:
        print(f"FAILED {outcome.message}", flush=True)
        return 1
    print(f"STARTED {vm.pid} {vm.monitor_socket}", flush=True)
    await asyncio.Event().wait()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1])))
