"""What versions cost: file size and times for a draft with many saved versions.

    uv run python benchmarks/bench_versions.py [--versions 1000] [--measures 0]

The demo (or a draft of --measures measures taken up from 宁夏, benchmarks/drafts.py)
gets --versions versions, one measure's title edited before each (as a consultation
round changes a little between versions). Printed: the file's size with its versions
stored as shared parts (format 5) and what full copies (format 4) would have been, the
time to save one more version as `peakplan version --save` does (load, add, save under
the lock), to open the file, and to read back every version.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core import operations as ops  # noqa: E402
from app.core.draft.demo import load_demo  # noqa: E402
from app.core.draft.store.files import load_draft, save_draft  # noqa: E402
from app.core.draft.store.writing import update_draft  # noqa: E402
from app.core.operations.consultation.versions import frozen_data, version_draft  # noqa: E402
from benchmarks.timing import time_it  # noqa: E402

MB = 1024 * 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--versions", type=int, default=1000)
    parser.add_argument("--measures", type=int, default=0, help="0: the demo")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if args.measures:
        from benchmarks.drafts import taken_up

        draft = taken_up(args.measures)
    else:
        draft = load_demo()
    measures = list(draft.measures())
    one_copy = len(json.dumps(frozen_data(draft), ensure_ascii=False, indent=1).encode("utf-8"))
    start = time.perf_counter()
    for number in range(args.versions):
        measure = measures[number % len(measures)]
        draft = ops.rename(draft, measure.id, f"{measure.title}（第{number}稿）")
        draft = ops.save_version(draft, ("征求意见稿", "送审稿")[number % 2])
    built = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as folder:
        path = save_draft(draft, Path(folder) / "versions.peakplan")
        size = path.stat().st_size
        print(f"{len(measures)} measures, {args.versions} versions")
        print(f"{'file size (format 5, shared parts)':44s} {size / MB:7.2f} MB")
        print(
            f"{'full copies (format 4), about':44s} {one_copy * (args.versions + 1) / MB:7.1f} MB"
        )
        print(f"{'adding a version in memory (mean)':44s} {built / args.versions * 1000:7.1f} ms")
        time_it("open the file", args.repeat, lambda: load_draft(path))
        time_it(
            "version --save (load, add, save, locked)",
            args.repeat,
            lambda: update_draft(path, lambda d: ops.save_version(d, "送审稿")),
        )
        opened = load_draft(path)
        count = len(opened.versions)
        time_it(
            f"read back all {count} versions",
            1,
            lambda: [version_draft(opened, i) for i in range(count)],
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
