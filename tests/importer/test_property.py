"""Whatever the input, the importer returns a plan or raises PlanImportError: no crash."""

from __future__ import annotations

import contextlib
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.errors import PlanImportError
from app.importer import import_plan
from tests.conftest import ROOT, SEEDS

# Characters that matter to the importer, so random text hits its branches.
ALPHABET = st.sampled_from(
    [
        *list(
            "一二三四五六七八九十（）()、，,。.：:；;\t\n 1234567890责任单位县市自治区局委按照职责分工"
        ),
        "责任单位：",
        "（一）",
        "1.",
        "一、",
        "#",
        "**",
        "<b>",
        "序号\t重点领域\t行动措施\t主要工作\t牵头单位\t配合单位\n",
        "......\t- 1 -\n",
        "到2025年，",
        "达到",
        "%以上",
    ]
)
SEED_LINES = [
    line for path in SEEDS.values() for line in path.read_text(encoding="utf-8").splitlines()
]


def _import_text(tmp_path, text: str) -> None:
    path = tmp_path / "fuzz.txt"
    path.write_text(text, encoding="utf-8")
    with contextlib.suppress(PlanImportError):
        import_plan(path, plan_id="fuzz")


SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(st.lists(ALPHABET, max_size=400).map("".join))
def test_random_text_never_crashes(tmp_path, text):
    _import_text(tmp_path, text)


@SETTINGS
@given(st.text(max_size=2000))
def test_arbitrary_unicode_never_crashes(tmp_path, text):
    _import_text(tmp_path, text)


@SETTINGS
@given(st.integers(min_value=0, max_value=2**32 - 1), st.integers(min_value=1, max_value=40))
def test_mutated_seeds_never_crash(tmp_path, seed, mutations):
    rng = random.Random(seed)
    lines = list(rng.choice(list(SEEDS.values())).read_text(encoding="utf-8").splitlines())
    for _ in range(mutations):
        op = rng.randrange(6)
        i = rng.randrange(len(lines))
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, rng.choice(SEED_LINES))
        elif op == 2 and lines[i]:
            cut = rng.randrange(len(lines[i]))
            lines[i : i + 1] = [lines[i][:cut], "", lines[i][cut:]]
        elif op == 3:
            lines[i], lines[-1 - i] = lines[-1 - i], lines[i]
        elif op == 4 and lines[i]:
            j = rng.randrange(len(lines[i]))
            lines[i] = lines[i][:j] + rng.choice("（）()、，。\t一1.：") + lines[i][j + 1 :]
        else:
            lines[i] = lines[i][::-1]
    _import_text(tmp_path, "\n".join(lines))


@SETTINGS
@given(st.binary(max_size=3000))
def test_random_bytes_as_docx_never_crash(tmp_path, data):
    path = tmp_path / "fuzz.docx"
    path.write_bytes(data)
    with contextlib.suppress(PlanImportError):
        import_plan(path)


# ---------------------------------------------------------------- PDF and web pages

PDF_FIXTURES = sorted((ROOT / "tests" / "importer" / "fixtures" / "pdf").glob("*.pdf"))
WEB_FIXTURES = sorted((ROOT / "tests" / "importer" / "fixtures" / "web").glob("*.*htm*"))
FEW = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _import_bytes(tmp_path, name: str, data: bytes) -> None:
    """Import bytes as a file of that name: a plan, or PlanImportError in one line."""
    path = tmp_path / name
    path.write_bytes(data)
    try:
        import_plan(path, plan_id="fuzz")
    except PlanImportError as exc:
        line = exc.one_line()
        assert line and "\n" not in line


@FEW
@given(st.sampled_from([".pdf", ".html", ".htm", ".mhtml"]), st.binary(max_size=3000))
def test_random_bytes_as_pdf_or_web_page_never_crash(tmp_path, suffix, data):
    _import_bytes(tmp_path, "fuzz" + suffix, data)


@FEW
@given(st.sampled_from([".pdf", ".html", ".mhtml"]), st.binary(max_size=400))
def test_random_bytes_behind_a_real_header_never_crash(tmp_path, suffix, data):
    header = {
        ".pdf": b"%PDF-1.7\n",
        ".html": b"<html><head><meta charset='gbk'></head><body>",
        ".mhtml": b"MIME-Version: 1.0\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n",
    }[suffix]
    _import_bytes(tmp_path, "fuzz" + suffix, header + data)


@FEW
@given(st.sampled_from(PDF_FIXTURES), st.floats(min_value=0.0, max_value=0.999))
def test_truncated_real_pdfs_never_crash(tmp_path, path, cut):
    data = path.read_bytes()
    _import_bytes(tmp_path, "cut.pdf", data[: int(len(data) * cut)])


@FEW
@given(
    st.sampled_from(PDF_FIXTURES + WEB_FIXTURES),
    st.integers(min_value=0, max_value=2**32 - 1),
    st.integers(min_value=1, max_value=30),
)
def test_real_pdfs_and_pages_with_bytes_changed_never_crash(tmp_path, path, seed, changes):
    rng = random.Random(seed)
    data = bytearray(path.read_bytes())
    for _ in range(changes):
        data[rng.randrange(len(data))] = rng.randrange(256)
    _import_bytes(tmp_path, "changed" + path.suffix, bytes(data))
