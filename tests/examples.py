"""How many examples a property test (hypothesis) tries.

The full run tries each test's own number. The fast lane (scripts/run-tests --fast sets
KVMGUI_TEST_EXAMPLES=0.25) tries a quarter of it, at least ten: enough to catch a plainly
broken parser on every change, while the full run keeps the thorough search.
"""

from __future__ import annotations

import os

SCALE = float(os.environ.get("KVMGUI_TEST_EXAMPLES", "1"))
HYPOTHESIS_DEFAULT = 100  # hypothesis's own max_examples, for tests that set none


def examples(wanted: int) -> int:
    """`wanted` in the full run, scaled down in the fast lane."""
    return max(10, round(wanted * SCALE)) if SCALE < 1 else wanted
