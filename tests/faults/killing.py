"""Running a child Python process that writes until it is killed (SIGKILL) at a random moment."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

from tests.conftest import ROOT


def kill_once_ready(code: str, args: list[str], rng: random.Random, longest: float) -> None:
    """Start `code` with `args`; once it prints "ready", wait up to `longest` seconds, then kill it."""
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, longest))
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
