"""How long importing a seed plan takes, in process (the importer, not Python's start-up).

    uv run python benchmarks/bench_import.py [--repeat N]

Prints the median and best of N runs for each seed, largest first. The figure
the README quotes is the median for the largest seed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.importer import import_plan  # noqa: E402

SOURCES = ROOT / "reference_plans" / "sources"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    seeds = sorted(SOURCES.glob("*.txt"), key=lambda p: p.stat().st_size, reverse=True)
    import_plan(seeds[0])  # warm imports and caches once, as a running app has them
    for path in seeds:
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            import_plan(path)
            times.append((time.perf_counter() - start) * 1000)
        size = path.stat().st_size / 1024
        print(
            f"{path.name:50s} {size:6.1f} KB  median {statistics.median(times):6.1f} ms"
            f"  best {min(times):6.1f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
