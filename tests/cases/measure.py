"""The labelled county drafts (issues 24 and 25): make each draft as a user would, and
measure it against its hand-read labels.

A case is a folder tests/cases/counties/<slug>/ with the parent plan as published
(parent.pdf) and case.json (county, city, region, the parent's indicators, and what a
市发改委 reviewer reading the whole draft found: residues, artifacts, noise comments,
comments judged right). `make` imports the parent into the plan library of the current
PEAKPLAN_DATA_DIR, runs `new … --all`, exports Word and Excel and runs `check`, all
through the app's own tasks; `measure` counts. tools/county_cases.py prints the counts,
tests/cases/test_county_cases.py asserts what the issues require on them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook

from tests.cases.word_text import Comment, WordText, read_word

COUNTIES = Path(__file__).resolve().parent / "counties"
MARK_WORDS = ("拟定", "待确认")


def case_dirs() -> list[Path]:
    """Every case folder, by name (a folder with case.json and parent.pdf)."""
    return sorted(p for p in COUNTIES.iterdir() if (p / "case.json").is_file())


def load_case(folder: Path) -> dict:
    return json.loads((folder / "case.json").read_text(encoding="utf-8"))


# ------------------------------------------------------------------ making the draft


@dataclass
class Made:
    slug: str
    case: dict
    draft: object
    word: WordText
    rows: list[dict]
    """The Excel 任务分工 sheet's rows below its header: column name → value, and
    "_notes": the cell notes of the row."""
    findings: list[dict]
    parent: object
    """The imported parent plan."""


DRAFTED = "2026-12"
"""The month the labelled drafts are written (their 成稿年月): the deadlines a draft asks about
as past depend on it, so a later clock must not change what the labels were judged on."""


def make(folder: Path, out: Path) -> Made:
    """The case's draft made, exported into `out` and checked, by the app's tasks."""
    from app.core.plans.resolver import PlanResolver
    from app.tasks import drafts
    from app.tasks.export import ExportChoice, export_selected
    from app.tasks.plans import import_plan_file

    case = load_case(folder)
    imported = import_plan_file(folder / "parent.pdf", plan_id=f"case-{folder.name}")
    made = drafts.new_from_parents(
        county=case["county"],
        city=case.get("city", ""),
        region=case.get("region", ""),
        sources=[imported.plan.id],
        date=case.get("date", DRAFTED),
    )
    draft = made.draft
    out.mkdir(parents=True, exist_ok=True)
    plans = PlanResolver.library()
    done = export_selected(draft, out, plans, ExportChoice(word=True, excel=True, comments=True))
    findings = drafts.check(draft, plans).data["findings"]
    return Made(
        folder.name,
        case,
        draft,
        read_word(done.word),
        read_sheet(done.excel),
        findings,
        imported.plan,
    )


def read_sheet(path: Path) -> list[dict]:
    """The 任务分工 sheet's rows (the first sheet), each a dict by header."""
    sheet = load_workbook(path).worksheets[0]
    rows = list(sheet.iter_rows())
    head = next(i for i, row in enumerate(rows) if any(c.value == "序号" for c in row))
    names = [str(c.value or "") for c in rows[head]]
    out = []
    for row in rows[head + 1 :]:
        if not any(c.value not in (None, "") for c in row):
            continue
        record = {
            name: ("" if c.value is None else str(c.value))
            for name, c in zip(names, row, strict=False)
        }
        record["_notes"] = " ".join(c.comment.text for c in row if c.comment is not None)
        out.append(record)
    return out


# ------------------------------------------------------------------ reading the labels


def squash(text: str) -> str:
    """Text as compared: NFKC, no blanks."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def anchor_matches(label: str, comment: Comment, word: WordText) -> bool:
    """A labelled anchor: the comment's words, or 江【河源】头 — the words in 【】 commented
    where the whole stands in the paragraph."""
    if comment.words == label:  # 达到【待定】%: a blank the app printed is words too
        return True
    found = re.fullmatch(r"(.*?)【(.+)】(.*)", label)
    if not found:
        return False
    before, words, after = found.groups()
    text = word.paras[comment.para].text
    return (
        comment.words == words
        and text[max(0, comment.start - len(before)) : comment.start] == before
        and text[comment.end : comment.end + len(after)] == after
    )


def occurrences(word: WordText, excerpt: str) -> list[tuple[int, int]]:
    """(paragraph, offset) of every place the excerpt stands."""
    out = []
    for para in word.paras:
        start = para.text.find(excerpt)
        while start >= 0:
            out.append((para.index, start))
            start = para.text.find(excerpt, start + 1)
    return out


def commented(word: WordText, para: int, start: int, end: int) -> list[Comment]:
    return [c for c in word.comments_in(para) if c.start < end and start < c.end]


_SENTENCE_END = "。；;！？"
NOT_ABOUT_WORDS = ("拟定的责任单位", "上级单位，本县无对应单位", "时限已过")
"""Comments on a clause's units, or on a deadline gone by: they ask nothing about the sentence's
other words."""


def asked(word: WordText, para: int, start: int, end: int, kind: str) -> list[Comment]:
    """The comments that put the labelled words in question: on the words themselves, or
    elsewhere in their sentence (one question per sentence and kind, issue 25) unless they
    only ask about a figure (for a residue of another kind) or about the clause's units."""
    text = word.paras[para].text
    head = max((text.rfind(mark, 0, start) for mark in _SENTENCE_END), default=-1) + 1
    tails = [i for i in (text.find(mark, end) for mark in _SENTENCE_END) if i >= 0]
    tail = min(tails) + 1 if tails else len(text)

    def about(comment: Comment) -> bool:
        if comment.start < end and start < comment.end:
            return True
        if not head <= comment.start < tail or comment.text.startswith(NOT_ABOUT_WORDS):
            return False
        return kind == "figure" or not comment.text.startswith("上级数值")

    return [c for c in word.comments_in(para) if about(c)]


# ------------------------------------------------------------------ the measures


def measure_nodes(draft) -> list:
    """The measures as the 任务分工表 lists them: level-3 nodes of 重点任务, or an action with
    no measures under it (实施意见 numbered straight through)."""
    tasks = draft.chapter("tasks")
    if tasks is None:
        return []
    return [m for action in tasks.children for m in (action.children or (action,))]


def _title(text: str) -> str:
    text = re.sub(r"^[（(]?[0-9一二三四五六七八九十]+[）)、.．]?", "", text)
    return squash(text).rstrip("。")


def rows_of(made: Made, node) -> list[dict]:
    titles = {_title(node.title), _title(node.task_title or node.title)}
    # a measure that is its own action prints once, 重点领域 merged across 行动措施
    return [r for r in made.rows if _title(r.get("行动措施") or r.get("重点领域", "")) in titles]


def is_proposed(made: Made, node) -> bool:
    """Units the county has although no parent clause names any (the app proposed them)."""
    if node.responsibility is None:
        return False
    sections = [made.parent.find(s.node) for s in node.sources]
    return not any(c.clause for s in sections if s is not None for c in s.walk())


def proposal_marks(made: Made, node) -> dict[str, bool]:
    """Where a proposed unit is marked: editor, check, Word (body and 附件), Excel."""
    title = _title(node.task_title or node.title)
    body = [
        c
        for c in made.word.comments
        if made.word.paras[c.para].node == node.id and not made.word.paras[c.para].attachment
    ]
    annex_paras = [p for p in made.word.paras if p.attachment and p.in_table]
    annex_rows = [p.index for p in annex_paras if title in squash(p.row)]
    annex = [c for c in made.word.comments if c.para in annex_rows]
    has_annex = bool(annex_paras)
    marked = lambda cs: any(w in c.text for c in cs for w in MARK_WORDS)  # noqa: E731
    rows = rows_of(made, node)
    return {
        "editor": any(q.kind == "proposed_unit" for q in node.questions),
        "check": any(
            f.get("node_id") == node.id and any(w in f["message"] + f["hint"] for w in MARK_WORDS)
            for f in made.findings
        ),
        "word": marked(body) and (marked(annex) or not has_annex),
        "excel": bool(rows)
        and any(any(w in " ".join(r.values()) for w in MARK_WORDS) for r in rows),
    }


def goals_text(made: Made) -> str:
    """The 主要目标 as printed: the goals chapter's paragraphs, and any section so titled."""
    ids: set[str] = set()
    for chapter in made.draft.chapters:
        stack = [chapter]
        while stack:
            node = stack.pop()
            if node.role == "goals" or "主要目标" in node.title:
                ids |= _ids(node)
            stack.extend(node.children)
    return "\n".join(p.text for p in made.word.paras if p.node in ids and not p.attachment)


def _ids(node) -> set[str]:
    return {node.id} | {i for c in node.children for i in _ids(c)}


def names_of(indicator: dict) -> list[str]:
    return [squash(n) for n in [indicator["indicator"], *indicator.get("match", [])]]


def in_table(made: Made, indicator: dict) -> bool:
    for target in made.draft.targets:
        name = squash(target.indicator)
        if any(n in name or name in n for n in names_of(indicator)) and any(
            y.year == indicator["year"] for y in target.years
        ):
            return True
    return False


def in_goals(goals: str, indicator: dict) -> bool:
    return any(n in squash(goals) for n in names_of(indicator))


def figure_of(value: str) -> str:
    """The number and unit of a parent value: 18%以上 → 18%."""
    found = re.match(r"[0-9.]+\s*(?:%|‰|万[^\s以左]*|亿[^\s以左]*|[^\s以左]{0,4})", squash(value))
    return found.group(0) if found else squash(value)


def printed_as_county(goals: str, indicator: dict) -> list[str]:
    """Sentences of 主要目标 that print the parent's value of the indicator as the county's
    (no 待定 in the sentence)."""
    if not indicator.get("parent_value"):
        return []
    figure = figure_of(indicator["parent_value"])
    out = []
    for sentence in re.split(r"[。；;\n]", squash(goals)):
        if (
            figure in sentence
            and any(n in sentence for n in names_of(indicator))
            and "待定" not in sentence
            and not re.search(r"[0-9]" + re.escape(figure), sentence)
        ):
            out.append(f"{indicator['indicator']}({indicator['year']}) {figure}")
            break
    return out


@dataclass
class Counts:
    slug: str
    measures: int = 0
    missing_rows: list[str] = field(default_factory=list)
    proposed: int = 0
    unmarked: dict[str, list[str]] = field(default_factory=dict)
    """Proposed measures not marked, by place (editor, check, word, excel)."""
    indicators: int = 0
    unlisted: list[str] = field(default_factory=list)
    printed: list[str] = field(default_factory=list)
    residues: int = 0
    unflagged: list[str] = field(default_factory=list)
    noise: list[str] = field(default_factory=list)
    unjudged: list[str] = field(default_factory=list)
    artifacts: list[str] = field(default_factory=list)
    half_words: list[str] = field(default_factory=list)
    comments: int = 0
    repeats: int = 0
    """附件 comments repeating a body comment (the same words and text), a proposal aside:
    not counted again as noise or unjudged."""

    @property
    def marked_all(self) -> int:
        bad = {title for titles in self.unmarked.values() for title in titles}
        return self.proposed - len(bad)


def measure(made: Made) -> Counts:
    """Every count of the case's draft against its labels."""
    case, word = made.case, made.word
    counts = Counts(made.slug, comments=len(word.comments))
    nodes = measure_nodes(made.draft)
    counts.measures = len(nodes)
    counts.unmarked = {"editor": [], "check": [], "word": [], "excel": []}
    for node in nodes:
        if not rows_of(made, node):
            counts.missing_rows.append(node.title)
        if is_proposed(made, node):
            counts.proposed += 1
            for place, ok in proposal_marks(made, node).items():
                if not ok:
                    counts.unmarked[place].append(node.title)
    goals = goals_text(made)
    for indicator in case.get("indicators", []):
        counts.indicators += 1
        if not (in_table(made, indicator) and in_goals(goals, indicator)):
            counts.unlisted.append(f"{indicator['indicator']}({indicator['year']})")
        counts.printed += printed_as_county(goals, indicator)
    flagged_ids: set[str] = set()
    for residue in case.get("residues", []):
        counts.residues += 1
        places = occurrences(word, residue["excerpt"])
        # the body's words (the 目录 and the 附件 repeat them: a comment in the body suffices)
        body = [(p, s) for p, s in places if word.paras[p].node and not word.paras[p].attachment]
        body = body or places
        size, kind = len(residue["excerpt"]), residue.get("kind", "other")
        hits = [asked(word, p, s, s + size, kind) for p, s in body]
        flagged_ids |= {c.id for cs in hits for c in cs}
        if body and not all(hits):
            counts.unflagged.append(residue["excerpt"])
    noise = [n["anchor"] for n in case.get("noise", [])]
    fine = case.get("fine_comments", [])
    body_keys = {(c.words, c.text) for c in word.comments if not word.paras[c.para].attachment}
    for comment in word.comments:
        where = word.paras[comment.para].text
        if word.paras[comment.para].attachment and (comment.words, comment.text) in body_keys:
            if not comment.text.startswith("拟定的责任单位"):
                counts.repeats += 1
            continue
        if any(anchor_matches(a, comment, word) for a in noise):
            counts.noise.append(comment.words)
        elif not (
            comment.id in flagged_ids
            or any(anchor_matches(a, comment, word) for a in fine)
            or comment.text.startswith("拟定的责任单位")
        ):
            counts.unjudged.append(comment.words)
        if cuts_word(where, comment.start, comment.end):
            counts.half_words.append(f"{where[max(0, comment.start - 3) : comment.end + 3]}")
    counts.noise += named_in_passing(case.get("noise", []), word, counts.noise)
    text = "\n".join(p.text for p in word.paras)
    counts.artifacts = [a["excerpt"] for a in case.get("artifacts", []) if a["excerpt"] in text]
    return counts


def named_in_passing(noise: list[dict], word: WordText, counted: list[str]) -> list[str]:
    """Noise labels a comment names in passing (本句还有“福建（龙岩）稀土工业园区”…): a question
    that stands for its sentence's others still asks them, so a wrong one there is still noise
    (not one labelled a duplicate: being merged into one question is its fix)."""
    out = []
    for label in noise:
        if label.get("kind") == "duplicate":
            continue
        words = re.sub(r"^.*?【(.+)】.*$", r"\1", label["anchor"])
        if words in counted:
            continue
        for comment in word.comments:
            if word.paras[comment.para].attachment:
                continue
            lines = [ln for ln in comment.text.splitlines() if ln.startswith("本句还有")]
            if any(words in ln for ln in lines):
                out.append(words)
                break
    return out


CUT_TOO = ("个百分点", "万吨/日", "万千瓦", "平方米", "立方米")
"""Units a comment must not cut either (4个|百分点), beside the app's whole words."""


def cuts_word(text: str, start: int, end: int) -> bool:
    """A comment starting or ending inside a whole word (resources/adapt/whole_words.json) or
    a unit."""
    from app.core.adapt.whole_words import cuts_a_word

    if start >= end:
        return False
    for word in CUT_TOO:
        at = text.find(word)
        while at >= 0:
            if at < end and start < at + len(word) and not (start <= at and at + len(word) <= end):
                return True
            at = text.find(word, at + 1)
    return cuts_a_word(text, start, end)
