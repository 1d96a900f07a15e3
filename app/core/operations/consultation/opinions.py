"""The opinions sent back in the consultation round: added, decided, and adopted into the text.

An opinion's original and proposed words are printed words (targets filled in, the label
before a heading). Adopting an edit or tracked change finds the original words in the
part as it prints now, makes the change there, and maps it back to the stored text: a
target's words (a ⟦t1@2025|…⟧ token) are never rewritten — a change touching them is
refused with EditError, to be made in the target table.
A new paragraph (an insertion with no original words) is put in at its index, and the
undecided opinions on the paragraphs after it follow them. A change in a 责任单位 clause
becomes the node's units when the changed list still reads as a unit list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.core.draft.adaptation import OpenQuestion, Suggestion
from app.core.draft.consultation import (
    OPINION_DECISIONS,
    OPINION_KINDS,
    FoundOpinion,
    Opinion,
    opinion_key,
)
from app.core.draft.mentions import TOKEN, TextRenderer
from app.core.draft.model import Draft, Node
from app.core.draft.tree import EditError, existing_node, update_node
from app.core.draft.units_printed import LEAD_NOTE, home_prefix, printed_note, states_leads
from app.core.operations.content import set_meta, set_paragraphs, set_units
from app.core.operations.structure import remove, rename
from app.core.text.diff import segments
from app.core.text.proposed_words import comment_change
from app.core.text.unit_lists import format_unit_list, parse_unit_list

_CHANGES = ("insertion", "deletion", "edit", "table")
_TEXT_PLACES = ("paragraph", "clause", "title", "preamble")
_LABEL = re.compile(
    r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、]|（\d+）)"
)
_NOT_A_UNIT = re.compile(r"[。：:！!？?“”\"\s]|负责|按职责|等$")
_IN_CLAUSE = "责任单位条款的这一修改不是单位名单，请在“责任单位”中处理"


def add_opinions(draft: Draft, opinions: Iterable[FoundOpinion]) -> Draft:
    """The opinions (as read_feedback finds them, or Opinions) added, numbered o1, o2 … after
    the draft's own: every field kept (the record is the same type end to end). A repeat of
    one the draft holds or of one before it (consultation.opinion_key: the same file or
    comment read twice) is not added again; callers say so by the count added."""
    number = max((int(o.id[1:]) for o in draft.opinions), default=0)
    seen = {opinion_key(o) for o in draft.opinions}
    added = []
    for opinion in opinions:
        if not isinstance(opinion, FoundOpinion):
            raise TypeError(
                f"add_opinions takes FoundOpinion records, not {type(opinion).__name__}"
            )
        if opinion_key(opinion) in seen:
            continue
        seen.add(opinion_key(opinion))
        number += 1
        fields = opinion.model_dump(exclude={"id"})
        if not fields["unit"].strip():
            raise EditError(f"意见 o{number} 没有反馈单位")
        added.append(Opinion(id=f"o{number}", **fields))
    return draft.model_copy(update={"opinions": (*draft.opinions, *added)})


def _opinion(draft: Draft, opinion_id: str) -> Opinion:
    found = next((o for o in draft.opinions if o.id == opinion_id), None)
    if found is None:
        raise EditError("找不到这条意见（可能已删除）")
    return found


def opinion_name(draft: Draft, opinion_id: str) -> str:
    """An opinion as the user knows it: 第 3 条意见（县发改局）, numbered as the
    意见采纳情况表 numbers them (无意见 replies aside) — never its internal id."""
    shown = [o for o in draft.opinions if o.kind != "none"]
    number = next((i for i, o in enumerate(shown, 1) if o.id == opinion_id), None)
    opinion = next((o for o in draft.opinions if o.id == opinion_id), None)
    unit = f"（{opinion.unit.strip()}）" if opinion is not None and opinion.unit.strip() else ""
    return f"第 {number} 条意见{unit}" if number is not None else f"意见{unit}"


def _replace(draft: Draft, opinion: Opinion, **update: object) -> Draft:
    new = opinion.model_copy(update=update)
    return draft.model_copy(
        update={"opinions": tuple(new if o.id == opinion.id else o for o in draft.opinions)}
    )


def set_opinion_decision(draft: Draft, opinion_id: str, decision: str, reason: str = "") -> Draft:
    """The team's decision (pending, adopted, partly, rejected, elsewhere) and its reason. A
    tracked change's text is not changed (adopt_opinion does that); a comment that proposes
    words, marked 采纳, has them made (adopt_opinion); a comment or form row asking for a
    change without its words, marked 采纳 or 部分采纳, leaves its measure the open question
    已采纳意见，待按意见修改 — taken back when the decision is taken back."""
    if decision not in OPINION_DECISIONS:
        raise EditError(f"未知的处理结果 {decision}")
    opinion = _opinion(draft, opinion_id)
    newly = decision == "adopted" and opinion.decision != "adopted"
    if newly and proposed_change(opinion) is not None:  # a comment giving its words
        adopted = adopt_opinion(draft, opinion_id)
        return _replace(adopted, opinion, decision=decision, reason=reason)
    if asks_rewrite(opinion):
        was = opinion.decision in ("adopted", "partly")
        now = decision in ("adopted", "partly")
        if now and not was:
            draft = _ask_rewrite(draft, opinion)
        elif was and not now:
            draft = _unask_rewrite(draft, opinion)
    return _replace(draft, opinion, decision=decision, reason=reason)


def set_opinion_unit(draft: Draft, opinion_id: str, unit: str) -> Draft:
    if not unit.strip():
        raise EditError("反馈单位不能为空")
    return _replace(draft, _opinion(draft, opinion_id), unit=unit.strip())


def adopt_opinion(draft: Draft, opinion_id: str) -> Draft:
    """The opinion's change made in the draft's text, its decision 采纳: a tracked change, an
    edit, a form row's change, or the words a comment proposes ("建议改为：…"). A comment or
    row asking for a change without its words leaves its measure the open question
    已采纳意见，待按意见修改 (the check, the editor and the Word export show it until the team rewrites the
    words or answers it); 无意见 is just decided. Raises EditError when the words are no
    longer there or belong to a target."""
    opinion = _opinion(draft, opinion_id)
    change = _as_change(opinion)
    if change is not None:
        before = _paragraph_count(draft, change)
        draft = _apply(draft, change)
        draft = _shift(draft, change, _paragraph_count(draft, change) - before)
    elif asks_rewrite(opinion) and opinion.decision not in ("adopted", "partly"):
        draft = _ask_rewrite(draft, opinion)
    return _replace(draft, opinion, decision="adopted")


def changes_text(opinion: Opinion) -> bool:
    """A tracked change or edit; a 反馈意见表 row only where its words were read into a change
    at a paragraph, clause or title (a row on a whole measure or 全文 is a comment); a comment
    where it proposes the words (proposed_change)."""
    return _as_change(opinion) is not None


def proposed_change(opinion: Opinion) -> Opinion | None:
    """A comment's proposal as the change 采纳 makes: the opinion with the original and
    proposed words its text gives ("建议改为：…" on the commented words, "建议将“A”改为“B”"),
    or None when it names no words (建议补充具体指标)."""
    if opinion.kind != "comment" or opinion.place not in _TEXT_PLACES:
        return None
    change = comment_change(opinion.comment, opinion.original)
    if change is None:
        return None
    return opinion.model_copy(update={"original": change.original, "proposed": change.proposed})


def _as_change(opinion: Opinion) -> Opinion | None:
    """The opinion as a change in the text, or None when it makes none."""
    if opinion.kind == "comment":
        return proposed_change(opinion)
    if opinion.kind != "table":
        return opinion if opinion.kind in _CHANGES else None
    placed = opinion.place in _TEXT_PLACES
    return opinion if placed and bool(opinion.original or opinion.proposed) else None


def asks_rewrite(opinion: Opinion) -> bool:
    """A comment or form row on a measure that asks for a change without giving its words:
    adopting it leaves the team the rewriting, as an open question on the measure."""
    return (
        opinion.kind in ("comment", "table")
        and bool(opinion.node_id)
        and (_as_change(opinion) is None)
    )


def _rewrite_question(node: Node, opinion: Opinion) -> OpenQuestion | None:
    """The question on the commented words where they still stand, else on the title."""
    said = re.sub(r"\s+", " ", opinion.comment).strip() or opinion.original
    message = f"{opinion.unit}{OPINION_KINDS[opinion.kind]}：{said}"
    words = opinion.original.strip()
    where, index, quote = "title", 0, node.title
    if words and opinion.place == "paragraph" and opinion.index < len(node.paragraphs):
        if words in node.paragraphs[opinion.index]:
            where, index, quote = "paragraph", opinion.index, words
    elif words and opinion.place == "title" and words in node.title:
        quote = words
    if not quote.strip():
        return None
    return OpenQuestion(
        kind="opinion",
        quote=quote,
        where=where,
        index=index,
        message=message,
        suggestions=(Suggestion(label="已按意见修改"),),
    )


def _ask_rewrite(draft: Draft, opinion: Opinion) -> Draft:
    node = draft.find(opinion.node_id)
    question = _rewrite_question(node, opinion) if node is not None else None
    if question is None or question in node.questions:
        return draft
    return update_node(
        draft, node.id, lambda n: n.model_copy(update={"questions": (*n.questions, question)})
    )


def _unask_rewrite(draft: Draft, opinion: Opinion) -> Draft:
    node = draft.find(opinion.node_id)
    question = _rewrite_question(node, opinion) if node is not None else None
    if question is None:
        return draft
    kept = tuple(
        q for q in node.questions if (q.kind, q.message) != (question.kind, question.message)
    )
    return update_node(draft, node.id, lambda n: n.model_copy(update={"questions": kept}))


def _paragraph_count(draft: Draft, opinion: Opinion) -> int:
    """How many paragraphs the opinion's part has (a change may add or remove some)."""
    if opinion.place == "preamble":
        return len(draft.meta.preamble)
    node = draft.find(opinion.node_id) if opinion.place == "paragraph" else None
    return len(node.paragraphs) if node is not None else 0


def _shift(draft: Draft, adopted: Opinion, by: int) -> Draft:
    """A paragraph inserted or split (by 1), emptied out or merged (by -1): the other undecided
    opinions on the paragraphs after it in the same node follow their paragraphs."""
    if not by:
        return draft
    at = adopted.index + (0 if by > 0 and not adopted.original else 1)
    opinions = tuple(
        o.model_copy(update={"index": max(0, o.index + by)})
        if o.id != adopted.id
        and o.decision == "pending"
        and (o.node_id, o.place) == (adopted.node_id, adopted.place)
        and o.index >= at
        else o
        for o in draft.opinions
    )
    return draft.model_copy(update={"opinions": opinions})


def adopt_all(draft: Draft, opinion_ids: Iterable[str] | None = None) -> Draft:
    """Every opinion given (all pending ones when None) adopted in turn; the first that cannot be
    raises EditError naming it, and nothing is changed."""
    ids = (
        list(opinion_ids)
        if opinion_ids is not None
        else [o.id for o in draft.opinions if o.decision == "pending"]
    )
    for opinion_id in ids:
        try:
            draft = adopt_opinion(draft, opinion_id)
        except EditError as exc:
            raise EditError(f"{opinion_name(draft, opinion_id)}无法采纳：{exc.message}") from exc
    return draft


def adopt_possible(
    draft: Draft, opinion_ids: Iterable[str] | None = None
) -> tuple[Draft, list[tuple[str, str]]]:
    """Every opinion given (all pending ones when None) that can be adopted, adopted in turn;
    the others stay pending, returned as (id, why) for the user to be told."""
    ids = (
        list(opinion_ids)
        if opinion_ids is not None
        else [o.id for o in draft.opinions if o.decision == "pending"]
    )
    refused: list[tuple[str, str]] = []
    for opinion_id in ids:
        try:
            draft = adopt_opinion(draft, opinion_id)
        except EditError as exc:
            refused.append((opinion_id, exc.message))
    return draft, refused


def refused_line(asked: int, refused: list[tuple[str, str]]) -> str:
    """What adopt_possible could not adopt, for the user: how many, which and why."""
    said = "；".join(f"{opinion_id}：{why}" for opinion_id, why in refused)
    return f"已采纳 {asked - len(refused)} 条；{len(refused)} 条无法采纳，仍为待处理：{said}"


# ---------------------------------------------------------------- the change in the text


def _changed(now: str, original: str, proposed: str) -> str:
    """The part's text now with original → proposed made in it."""
    if now == original:
        return proposed
    if original and now.count(original) == 1:
        return now.replace(original, proposed)
    # the part changed since (another opinion adopted): each hunk with its context
    out = now
    ops = segments(original, proposed)
    for tag, a0, a1, b0, b1 in reversed(ops):
        if tag == "equal":
            continue
        for width in (8, 4, 2):
            before, after = original[max(0, a0 - width) : a0], original[a1 : a1 + width]
            old = before + original[a0:a1] + after
            if old and out.count(old) == 1:
                out = out.replace(old, before + proposed[b0:b1] + after)
                break
        else:
            raise EditError(f"原文“{original[a0:a1] or original[:20]}”已不在方案中")
    return out


def _stored(stored: str, printed_now: str, printed_new: str, draft: Draft) -> str:
    """The stored text with the printed change made in it, target tokens kept."""
    if "⟦" not in stored:
        return printed_new
    render = TextRenderer(draft)
    pieces: list[tuple[str, str, bool]] = []  # (stored, printed, is a target)
    at = 0
    for m in TOKEN.finditer(stored):
        pieces.append((stored[at : m.start()], stored[at : m.start()], False))
        pieces.append((m.group(0), render(m.group(0)), True))
        at = m.end()
    pieces.append((stored[at:], stored[at:], False))
    if "".join(p for _s, p, _t in pieces) != printed_now:
        raise EditError("此段含有已删除的目标，请在编辑器中修改")
    spans, start = [], 0
    for s, p, target in pieces:
        spans.append((start, start + len(p), s, target))
        start += len(p)
    out = stored
    ops = segments(printed_now, printed_new)
    for tag, a0, a1, b0, b1 in reversed(ops):
        if tag == "equal":
            continue
        for lo, hi, _s, target in spans:
            if target and ((lo < a1 and a0 < hi) or (a0 == a1 and lo < a0 < hi)):
                raise EditError("修改涉及目标的文字，请在目标表中修改")
        offset = 0  # stored position of printed a0
        for lo, hi, s, _target in spans:
            if a0 >= hi and not (a0 == hi == lo):
                offset += len(s)
                continue
            offset += a0 - lo
            break
        length = a1 - a0
        out = out[:offset] + printed_new[b0:b1] + out[offset + length :]
    return out


def _apply(draft: Draft, opinion: Opinion) -> Draft:
    original, proposed = opinion.original, opinion.proposed
    if opinion.place == "section":
        if proposed.strip():
            raise EditError("对整条措施的修改意见请逐段处理")
        return remove(draft, opinion.node_id)
    new_paragraph = opinion.kind in ("insertion", "table") and not original and proposed.strip()
    if opinion.place == "preamble":
        preamble = list(draft.meta.preamble)
        if new_paragraph:
            preamble.insert(min(opinion.index, len(preamble)), proposed.strip())
            return set_meta(draft, preamble=tuple(preamble))
        if opinion.index >= len(preamble):
            raise EditError("前言中已没有这一段")
        preamble[opinion.index] = _changed(preamble[opinion.index], original, proposed)
        return set_meta(draft, preamble=tuple(p for p in preamble if p.strip()))
    if opinion.place == "title" and not opinion.node_id:
        return set_meta(draft, title=_changed(draft.meta.document_title, original, proposed))
    node = existing_node(draft, opinion.node_id)
    if opinion.place == "title":
        title = _changed(node.title, _bare(original, node.title), _bare(proposed, node.title))
        if not title.strip():
            raise EditError("标题不能删除；删除整条措施请处理对应的删除意见")
        return rename(draft, node.id, title)
    if opinion.place == "paragraph" and new_paragraph:
        paragraphs = list(node.paragraphs)
        paragraphs.insert(min(opinion.index, len(paragraphs)), proposed.strip())
        return set_paragraphs(draft, node.id, tuple(paragraphs))
    if opinion.place == "paragraph":
        return _paragraphs(draft, node, opinion.index, original, proposed)
    if opinion.place == "clause":
        return _units(draft, node, original, proposed)
    raise EditError("这一处的修改请在编辑器中处理")


def _paragraphs(draft: Draft, node: Node, index: int, original: str, proposed: str) -> Draft:
    """A change in the node's paragraphs from `index`: one paragraph, or several where the
    words hold line breaks (paragraphs the unit merged, a paragraph it split in two). A
    deletion that took the 责任单位 clause with the measure's last paragraph deletes the
    paragraph; the clause stays with the measure."""
    if index >= len(node.paragraphs):
        raise EditError("这一段已不在方案中")
    render = TextRenderer(draft)
    clause = _clause_words(draft, node)
    if clause and original.endswith(clause) and index == len(node.paragraphs) - 1:
        original = original[: -len(clause)]
        proposed = proposed[: -len(clause)] if proposed.endswith(clause) else proposed
    elif clause and proposed.endswith(clause) and "\n" in proposed:
        proposed = proposed[: -len(clause)]  # the clause went with the second half of a split
    count = original.count("\n") + 1
    if index + count > len(node.paragraphs):
        raise EditError("要合并的段落已不在方案中")
    stored = "\n".join(node.paragraphs[index : index + count])
    now = render(stored)
    new = _stored(stored, now, _changed(now, original, proposed), draft)
    pieces = [p for p in (p.strip() for p in new.split("\n")) if p]
    paragraphs = [*node.paragraphs[:index], *pieces, *node.paragraphs[index + count :]]
    if not [p for p in paragraphs if p.strip()]:
        raise EditError("这是该条措施仅有的一段，不能删除；删除整条措施请在编辑器中进行")
    return set_paragraphs(draft, node.id, tuple(paragraphs))


def _clause_words(draft: Draft, node: Node) -> str:
    """The 责任单位 clause as the export prints it after the node's last paragraph."""
    if node.responsibility is None or not node.responsibility.units:
        return ""
    home = home_prefix(draft)
    responsibility = node.responsibility
    listed = format_unit_list(
        list(responsibility.units), home=home, groups=list(responsibility.groups) or None
    )
    head, tail = _clause_printed(draft, node)
    return head + listed + tail


def _clause_printed(draft: Draft, node: Node) -> tuple[str, str]:
    """What the export prints (render.clause_text) before and after the clause's unit list."""
    responsibility = node.responsibility
    assert responsibility is not None
    first = next(
        (
            n.id
            for n in draft.walk()
            if n.responsibility is not None and not states_leads(n.responsibility)
        ),
        None,
    )
    notes = [
        n
        for n in (
            LEAD_NOTE if draft.meta.lead_note and first == node.id else "",
            printed_note(responsibility),
        )
        if n
    ]
    tail = responsibility.duty
    if notes:
        tail += ("。" if responsibility.duty else "；") + "；".join(notes)
    head = "（责任单位：" if responsibility.labelled else "（"
    return head, tail + "）"


def _units(draft: Draft, node: Node, original: str, proposed: str) -> Draft:
    """A change in a 责任单位 clause: the changed list, where it still reads as a unit list,
    becomes the node's units (lead first, as ops.set_units); otherwise refused."""
    responsibility = node.responsibility
    if responsibility is None or len(set(responsibility.sides)) > 1:
        raise EditError(_IN_CLAUSE)
    home = home_prefix(draft)
    listed = format_unit_list(
        list(responsibility.units), home=home, groups=list(responsibility.groups) or None
    )
    head, tail = _clause_printed(draft, node)
    new = _changed(head + listed + tail, original, proposed)
    if not (new.startswith(head) and new.endswith(tail) and len(new) > len(head) + len(tail)):
        raise EditError(_IN_CLAUSE)
    units = parse_unit_list(new[len(head) : len(new) - len(tail)], home=home)
    if not units or any(len(u.written) > 30 or _NOT_A_UNIT.search(u.written) for u in units):
        raise EditError(_IN_CLAUSE)
    groups = tuple(u.group for u in units) if any(u.group for u in units) else ()
    return set_units(draft, node.id, tuple(u.name for u in units), groups=groups)


def _bare(words: str, title: str) -> str:
    """A printed heading's words less its label and a run-in heading's full stop."""
    words = _LABEL.sub("", words)
    if words.endswith("。") and not title.endswith("。"):
        words = words[:-1]
    return words
