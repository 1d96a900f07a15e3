"""Median and best of repeated runs, printed one line a measurement (the benchmarks share it)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def time_it(label: str, repeat: int, work: Callable[[], object], width: int = 44) -> None:
    """Run once to warm up, then `repeat` times; print the median and the best in ms."""
    work()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    print(f"{label:{width}s} median {statistics.median(times):7.1f} ms  best {min(times):7.1f} ms")
