#!/usr/bin/env bash
# Build the desktop bundle with the locked dependencies, then smoke-test it
# from the bundle alone: export the demo (both executables), compare the files
# with an export from source, start the window offscreen, check the size, and
# check that nothing was written inside the bundle.
#
#   bash tools/build_bundle.sh            # build + smoke
#   bash tools/build_bundle.sh --smoke    # smoke an existing dist/ only
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
NAME="碳达峰方案起草助手"
BUNDLE="$ROOT/dist/$NAME"
LIMIT_MB=150

if [ "${1:-}" != "--smoke" ]; then
    uv sync --locked
    uv run pyinstaller build_installer.spec --noconfirm --clean --log-level WARN
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export PEAKPLAN_DATA_DIR="$WORK/user-data"   # a fresh user: no settings, no recovery files
export QT_QPA_PLATFORM=offscreen
unset PYTHONPATH PYTHONHOME PEAKPLAN_RESOURCE_ROOT

fail() { echo "bundle smoke: $*" >&2; exit 1; }

before=$(cd "$BUNDLE" && find . -type f | sort | xargs -d '\n' sha256sum | sha256sum)

# 1. the command line, from both executables, run from an unrelated folder
cd "$WORK"
mkdir -p console windowed source
"$BUNDLE/peakplan" export --demo -o "$WORK/console" || fail "peakplan export --demo failed"
"$BUNDLE/PeakPlanDrafter" export --demo -o "$WORK/windowed" || fail "PeakPlanDrafter export --demo failed"
"$BUNDLE/peakplan" check --demo > "$WORK/check.txt" || fail "peakplan check --demo reported errors"
grep -q "共 0 个错误" "$WORK/check.txt" || fail "check --demo: $(tail -1 "$WORK/check.txt")"
# a new draft uses the reference plans, the catalogues and mappings, and the templates
"$BUNDLE/peakplan" new --county 永宁县 --city 银川市 --region 宁夏回族自治区 --from yinchuan-city --all \
    -o "$WORK/yongning.peakplan" 2> "$WORK/new.txt" || { cat "$WORK/new.txt" >&2; fail "peakplan new failed"; }
mkdir -p new-export
"$BUNDLE/peakplan" export "$WORK/yongning.peakplan" -o "$WORK/new-export" > /dev/null || fail "export of a new draft failed"
cd "$ROOT"
uv run peakplan export --demo -o "$WORK/source" > /dev/null
uv run python - "$WORK" <<'PY' || fail "bundle export differs from source export"
import io, sys
from pathlib import Path
from docx import Document
from openpyxl import load_workbook

work = Path(sys.argv[1])

def docx_content(path):
    doc = Document(str(path))
    return [p.text for p in doc.paragraphs], [[c.text for c in r.cells] for t in doc.tables for r in t.rows]

def xlsx_content(path):
    book = load_workbook(path)
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in book}

for kind in ("console", "windowed"):
    for name in ("平罗县碳达峰实施方案.docx", "平罗县碳达峰实施方案任务分工表.xlsx"):
        mine, theirs = work / kind / name, work / "source" / name
        assert mine.is_file(), f"missing {mine}"
        same = docx_content(mine) == docx_content(theirs) if name.endswith(".docx") else xlsx_content(mine) == xlsx_content(theirs)
        assert same, f"{kind}/{name} differs from the source export"
print("bundle exports equal the source exports")
PY

# the user guide (F1) and the pictures it shows are inside
[ -f "$BUNDLE/_internal/docs/guide.md" ] || [ -f "$BUNDLE/docs/guide.md" ] || fail "the user guide (docs/guide.md) is missing"
compgen -G "$BUNDLE/_internal/docs/screenshots/*.png" >/dev/null || compgen -G "$BUNDLE/docs/screenshots/*.png" >/dev/null || fail "the guide's pictures are missing"

# 2. the window, offscreen, for a few seconds
cd "$WORK"
PEAKPLAN_QUIT_AFTER_MS=4000 "$BUNDLE/PeakPlanDrafter" > "$WORK/gui.txt" 2>&1 || { cat "$WORK/gui.txt" >&2; fail "the window did not start"; }
grep -q "平罗县碳达峰实施方案" "$WORK/gui.txt" || { cat "$WORK/gui.txt" >&2; fail "the window did not show the demo"; }
if grep -q "Traceback" "$WORK/gui.txt"; then cat "$WORK/gui.txt" >&2; fail "the window raised an error"; fi
grep "窗口" "$WORK/gui.txt"
cd "$ROOT"

# 3. size and a read-only bundle
size=$(du -sm "$BUNDLE" | cut -f1)
[ "$size" -lt "$LIMIT_MB" ] || fail "bundle is $size MB, over $LIMIT_MB MB"
after=$(cd "$BUNDLE" && find . -type f | sort | xargs -d '\n' sha256sum | sha256sum)
[ "$before" = "$after" ] || fail "something was written inside the bundle folder"
echo "bundle smoke passed: $BUNDLE ($size MB)"
