"""The kept parent units of one 责任单位 clause said in one comment, not one comment a unit.

A parent clause of a 广东 finance plan names six regulators the county lacks, and the
plan has eighteen such clauses: a comment on every unit made 112 comments on 15 names,
each telling the same thing. The reviewer needs, once per clause, which units are kept
and what to do with each — units with the same advice said together (深圳银保监局、深圳
证监局：请删去). The draft keeps one question a unit (each answered on its own in the
editor); only the printed comment is one. Word and Excel print the same words.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.core.draft.adaptation import QUESTION_NAMES, OpenQuestion

_KEPT = "上级单位在本县单位目录中没有对应单位，已原样保留"


def is_unit(question: OpenQuestion) -> bool:
    return question.kind == "unit" and question.where == "clause"


def _advice(message: str) -> str:
    """What to do with one unit: its message without the words every unit shares."""
    rest = message.removeprefix(_KEPT)
    rest = rest.removeprefix("（不作牵头单位）").lstrip("。，")
    return rest or "请确认本县由哪个单位承担，或删去"


def clause_text(questions: Sequence[OpenQuestion]) -> str:
    """One comment for the units a clause keeps, in the order they are printed."""
    names = list(dict.fromkeys(q.quote for q in questions))
    if len(names) == 1:
        return f"{questions[0].title}\n{questions[0].message}"
    by_advice: dict[str, list[str]] = {}
    for question in questions:
        named = by_advice.setdefault(_advice(question.message), [])
        if question.quote not in named:
            named.append(question.quote)
    leads = any("暂列为牵头单位" in advice for advice in by_advice)
    lines = [
        f"{QUESTION_NAMES['unit']}：{'、'.join(names)}",
        f"{_KEPT}{'' if leads else '（不作牵头单位）'}，请逐个处理：",
    ]
    lines += [f"{'、'.join(units)}：{advice}" for advice, units in by_advice.items()]
    return "\n".join(lines)


def in_order(questions: Sequence[OpenQuestion], text: str) -> list[OpenQuestion]:
    """The unit questions whose units stand in the text, in the order they stand there."""
    found = [(text.find(q.quote), i, q) for i, q in enumerate(questions) if q.quote in text]
    return [q for _at, _i, q in sorted(found, key=lambda f: (f[0], f[1]))]


_BETWEEN = set("、，,；;和及与 ")


def runs(questions: Sequence[OpenQuestion], text: str) -> list[list[OpenQuestion]]:
    """The kept units in runs that stand side by side in the clause (only 、，和 between):
    each run is commented once, on all its words. The kept units follow the county's own,
    so a clause has one run; where the parent's order is kept, a county unit between two
    kept ones is never under their comment."""
    out: list[list[OpenQuestion]] = []
    end = -1
    for question in in_order(questions, text):
        at = text.find(question.quote)
        if out and end <= at and set(text[end:at]) <= _BETWEEN:
            out[-1].append(question)
        else:
            out.append([question])
        end = max(end, at + len(question.quote))
    return out


def span_of(questions: Sequence[OpenQuestion], text: str) -> str:
    """The words from the first unit of a run to its last, as they stand."""
    starts = [text.find(q.quote) for q in questions]
    ends = [at + len(q.quote) for at, q in zip(starts, questions, strict=True)]
    return text[min(starts) : max(ends)]
