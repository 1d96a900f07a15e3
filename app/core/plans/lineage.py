"""Lineage between plans: the clauses of the plans above that each section descends from.

银川 三.二.1 is 宁夏 三.二.1 adapted; 银川 三.一.2 merges 宁夏 三.一.3 and 三.一.4. `link_plan`
links first the actions (（一）…（十）) by title, number and text, then every measure,
sub-item and closing section (对外合作, 政策保障, 组织实施) by text, with a small bonus
for the clauses under the action its own action descends from. Texts are compared with
level words (全区/全市, 我区, 区属 …) and place names (宁夏, 银川市) taken out: character
bigrams weighted by rarity (cosine) and copied 4-gram phrases (containment, so a split
or merged clause still shows), and the titles (rapidfuzz). A link needs `THRESHOLD`;
a section keeps up to `MAX_LINKS`, best first, each with its score and shared words.

A section whose lineage the user decided (`lineage_by_user`, a link `by="user"`; empty:
"descends from nothing above") keeps it on re-linking (lineage_corrections.py keeps the
corrections). `plans_above` picks what a plan answers to: a
higher level in the same province (成都 never links to 宁夏), and for a county only its
own city's plan; where a plan is comes from the gazetteer and its title, issuer and text.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from app.core.plans.model import LineageLink, Plan, Section, chapter_role
from app.core.text.normalise import compact
from app.core.text.places import Division, gazetteer

__all__ = [
    "MAX_LINKS",
    "THRESHOLD",
    "link_plan",
    "links",
    "plan_division",
    "plans_above",
    "set_link",
    "user_said_none",
]

THRESHOLD = 20.0
"""Below this score (0–100) no link is made."""
MAX_LINKS = 3
"""The most links a section keeps (the best ones)."""
ACTION_BONUS = 4.0
"""Added to a measure's score for a clause under an action its own action descends from."""
NUMBER_BONUS = 2.0
"""Added again when the clause has the measure's own number there (银川 三.二.1, 宁夏 三.二.1)."""
TITLE_WEIGHT = 0.2
_CLOSE = 0.6
"""A second and third link must score at least this share of the best one."""

_RANK = {"national": 0, "region": 1, "province": 1, "city": 2, "county": 3, "zone": 3}

# Level words and self-references that differ between a parent's text and its adaptation.
_LEVEL_WORDS = re.compile(
    r"全(?:国|省|区|市|县|旗|州)|(?:我|本)(?:省|区|市|县|旗|州)|(?:区|市|县)(?:属|直|域|级)"
    r"|自治区|各地市|各县（市）区|各县区|各市县|各地区|县（市）区|区内|市内|县内"
)
_NOT_TEXT = re.compile(r"[\W_]+")  # punctuation, spaces: not part of any bigram
_WORD_SPLIT = re.compile(r"[^\w]+")


@dataclass
class _Node:
    """A section as lineage compares it."""

    id: str
    kind: str  # "action", "measure" or "other"
    title: str
    text: str
    action: str = ""  # the id of the action a measure is under
    number: str = ""  # the measure's number within its action
    vector: dict[str, float] = field(default_factory=dict)
    norm: float = 0.0
    phrases: dict[str, float] = field(default_factory=dict)  # 4-grams and their weights
    phrase_weight: float = 0.0


# ---------------------------------------------------------------- which plans are above


def _place_text(plan: Plan) -> list[tuple[str, float]]:
    """Texts that say where a plan is, with how much each counts."""
    body = [p for s in plan.walk() for p in s.paragraphs]
    return [
        (plan.title, 20.0),
        (plan.issuer, 20.0),
        (" ".join(plan.governments), 20.0),
        (" ".join(plan.provenance.notice), 5.0),
        (" ".join([*plan.preamble, *body]), 2.0),
    ]


def plan_division(plan: Plan) -> Division | None:
    """The division a plan is for (宁夏回族自治区, 银川市, 平罗县), or None when the texts do
    not say: a division of the plan's own level named in its title or issuer, else the
    province most of its names belong to (宁东's plan: 宁夏)."""
    if plan.level == "national":
        return None
    gaz = gazetteer()
    wanted = {"region": "province", "province": "province", "city": "city", "county": "county"}
    level = wanted.get(plan.level)
    for text in (plan.title, plan.issuer):
        for place in gaz.find(text):
            for division in place.divisions:
                if division.level == level:
                    return division
    votes: dict[str, float] = {}
    for text, weight in _place_text(plan):
        # A plan names its own province first; others come later (对外合作, 区域协同):
        # each further name counts less (宁东's plan names 甘肃 and 陕西 more often).
        for order, place in enumerate(gaz.find(text)):
            codes = {d.code[:2] for d in place.divisions}
            if len(codes) == 1:
                code = codes.pop()
                votes[code] = votes.get(code, 0.0) + weight / (1 + order)
    if not votes:
        return None
    return gaz.division(max(sorted(votes), key=lambda code: votes[code]))


def plans_above(plan: Plan, candidates: Iterable[Plan]) -> list[Plan]:
    """The plans of `candidates` that `plan` answers to, nearest first (city before region
    before national): a higher level, the same province, and for a county or a zone under
    a city, that city's own plan only."""
    rank = _RANK[plan.level]
    own = plan_division(plan)
    province = own.code[:2] if own is not None else None
    city = None
    if own is not None and own.level == "county":
        city = own.parent  # 平罗县 → 石嘴山市, so 银川's plan is not above it
    chosen = []
    for other in candidates:
        if other.id == plan.id or _RANK[other.level] >= rank:
            continue
        if other.level != "national":
            where = plan_division(other)
            if where is None or province is None or where.code[:2] != province:
                continue
            if other.level == "city" and (city is None or where.code != city):
                continue
        chosen.append(other)
    return sorted(chosen, key=lambda p: -_RANK[p.level])


# ---------------------------------------------------------------- the text compared


def _neutral(text: str) -> str:
    """The text without what adaptation changes: level words, place names, punctuation."""
    text = compact(text)
    gaz = gazetteer()
    out, last = [], 0
    for place in gaz.find(text):
        out.append(text[last : place.start])
        last = place.end
    out.append(text[last:])
    return _LEVEL_WORDS.sub("", "".join(out))


def _full_text(section: Section) -> str:
    parts = []
    for s in section.walk():
        parts.append(s.title)
        parts.extend(s.paragraphs)
    return "。".join(parts)


def _node(section: Section, kind: str, action: str = "", number: str = "") -> _Node:
    text = _neutral(_full_text(section))
    return _Node(section.id, kind, _neutral(section.title), text, action, number)


def _nodes(plan: Plan) -> list[_Node]:
    """The sections lineage links: actions, the measures and sub-items under them, and the
    sections of the closing chapters (对外合作, 政策保障, 组织实施)."""
    areas = plan.task_areas()
    nodes = [_node(area, "action") for area in areas]
    for area in areas:
        for measure in area.children:
            nodes.append(_node(measure, "measure", area.id, measure.number))
            nodes.extend(_node(s, "measure", area.id) for s in measure.walk() if s is not measure)
    tasks = plan.key_tasks()
    skipped = {a.id for a in areas} | ({tasks.id} if tasks is not None else set())
    for chapter in plan.sections:
        if chapter.id in skipped or chapter_role(chapter.title) in ("general", "goals"):
            continue
        nodes.extend(_node(s, "other") for child in chapter.children for s in child.walk())
    return nodes


def _grams(text: str, n: int) -> Counter[str]:
    grams: Counter[str] = Counter()
    for run in _NOT_TEXT.split(text):
        grams.update(run[i : i + n] for i in range(len(run) - n + 1))
    return grams


def _idf(counts: list[Counter[str]]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    total = len(counts)
    return {g: 1 + math.log((1 + total) / (1 + k)) for g, k in df.items()}


def _weigh(nodes: list[_Node]) -> None:
    """Weights over every node compared, rarer counting more: tf-idf vectors of character
    bigrams (the vocabulary two texts share) and of 4-grams (the phrases one copies)."""
    bigrams = [_grams(n.text, 2) for n in nodes]
    idf = _idf(bigrams)
    for node, c in zip(nodes, bigrams, strict=True):
        node.vector = {g: (1 + math.log(k)) * idf[g] for g, k in c.items()}
        node.norm = math.sqrt(sum(v * v for v in node.vector.values())) or 1.0
    fourgrams = [_grams(n.text, 4) for n in nodes]
    idf = _idf(fourgrams)
    for node, c in zip(nodes, fourgrams, strict=True):
        node.phrases = {g: idf[g] for g in c}
        node.phrase_weight = sum(node.phrases.values())


def _cosine(a: _Node, b: _Node) -> float:
    if len(a.vector) > len(b.vector):
        a, b = b, a
    dot = sum(v * b.vector.get(g, 0.0) for g, v in a.vector.items())
    return dot / (a.norm * b.norm)


def _copied(a: _Node, b: _Node) -> float:
    """How much of the shorter text's phrasing the other holds (0–1): a measure that splits
    a parent clause, or merges several, still shows as copied."""
    if len(a.phrases) > len(b.phrases):
        a, b = b, a
    if not a.phrases:
        return 0.0
    shared = sum(w for g, w in a.phrases.items() if g in b.phrases)
    return shared / a.phrase_weight


def _shared_words(a: str, b: str, most: int = 8) -> list[str]:
    """The longest runs of text both share (four characters or more), in a's order."""
    runs: list[tuple[int, str]] = []
    for op in Indel.opcodes(a, b):
        if op.tag != "equal":
            continue
        for piece in _WORD_SPLIT.split(a[op.src_start : op.src_end]):
            if len(piece) >= 4:
                runs.append((op.src_start, piece))
    seen: set[str] = set()
    unique = [(pos, w) for pos, w in runs if not (w in seen or seen.add(w))]
    longest = sorted(unique, key=lambda r: -len(r[1]))[:most]
    return [w for _, w in sorted(longest)]


def _body(child: _Node, parent: _Node) -> float:
    """Text similarity, 0–100: shared vocabulary and copied phrases, half each (a copied
    share of one half already counts fully)."""
    return 100 * (0.5 * _cosine(child, parent) + 0.5 * min(1.0, 2 * _copied(child, parent)))


def _score(child: _Node, parent: _Node, bonus: float) -> float:
    title = fuzz.ratio(child.title, parent.title) if child.title and parent.title else 0.0
    return min(100.0, (1 - TITLE_WEIGHT) * _body(child, parent) + TITLE_WEIGHT * title + bonus)


def _best(child: _Node, scored: list[tuple[float, _Node]]) -> list[tuple[float, _Node]]:
    kept = sorted((s for s in scored if s[0] >= THRESHOLD), key=lambda s: (-s[0], s[1].id))
    if not kept:
        return []
    top = kept[0][0]
    return [s for s in kept if s[0] >= top * _CLOSE][:MAX_LINKS]


# ---------------------------------------------------------------- linking


def links(section: Section) -> list[LineageLink]:
    """The section's links, best first."""
    return list(section.lineage)


def user_said_none(section: Section) -> bool:
    """Did the user say this section descends from nothing above?"""
    return section.lineage_by_user and not section.lineage


def _by_user(section: Section) -> bool:
    return section.lineage_by_user or any(link.by == "user" for link in section.lineage)


def _found(plan: Plan, above: list[Plan]) -> dict[str, list[LineageLink]]:
    """The automatic links of every section lineage covers, by section id."""
    own = _nodes(plan)
    parents = [n for p in above for n in _nodes(p)]
    _weigh(own + parents)
    by_kind: dict[str, list[_Node]] = {}
    for node in parents:
        by_kind.setdefault(node.kind, []).append(node)

    result: dict[str, list[LineageLink]] = {}
    action_links: dict[str, set[str]] = {}
    for child in (n for n in own if n.kind == "action"):
        scored = []
        for parent in by_kind.get("action", []):
            same_number = child.id.rsplit(".", 1)[-1] == parent.id.rsplit(".", 1)[-1]
            scored.append((_score(child, parent, 10.0 if same_number else 0.0), parent))
        best = _best(child, scored)
        action_links[child.id] = {p.id for _, p in best}
        result[child.id] = [_link(child, p, s) for s, p in best]
    for child in (n for n in own if n.kind != "action"):
        scored = []
        linked = action_links.get(child.action, set())
        for parent in by_kind.get(child.kind, []):
            bonus = 0.0
            if child.kind == "measure" and parent.action in linked:
                same = child.number and parent.number == child.number
                bonus = ACTION_BONUS + (NUMBER_BONUS if same else 0.0)
            scored.append((_score(child, parent, bonus), parent))
        result[child.id] = [_link(child, p, s) for s, p in _best(child, scored)]
    return result


def _link(child: _Node, parent: _Node, score: float, by: str = "auto") -> LineageLink:
    return LineageLink(
        node=parent.id,
        score=round(score, 1),
        words=_shared_words(child.text, parent.text),
        by=by,  # type: ignore[arg-type]
    )


def _with_lineage(
    plan: Plan, lineage: dict[str, list[LineageLink]], decided: set[str] = frozenset()
) -> Plan:
    def rebuild(section: Section) -> Section:
        children = [rebuild(c) for c in section.children]
        update: dict = {"children": children}
        if section.id in lineage:
            update["lineage"] = lineage[section.id]
        if section.id in decided:
            update["lineage_by_user"] = True
        return section.model_copy(update=update)

    return plan.model_copy(update={"sections": [rebuild(s) for s in plan.sections]})


def link_plan(plan: Plan, above: list[Plan]) -> Plan:
    """The plan with the lineage of its actions, measures, sub-items and closing sections
    found afresh in `above` (the plans it answers to: `plans_above`). Sections whose links
    the user set keep them as they are; with nothing above, the automatic links go."""
    found = _found(plan, above) if above else {}
    lineage: dict[str, list[LineageLink]] = {}
    for section in plan.walk():
        if _by_user(section):
            continue
        new = found.get(section.id, [])
        if new != section.lineage:
            lineage[section.id] = new
    return _with_lineage(plan, lineage) if lineage else plan


def set_link(
    plan: Plan,
    section_id: str,
    parent_node_id: str | None,
    *,
    above: list[Plan] | None = None,
    add: bool = False,
) -> Plan:
    """The plan with the user's link for one section: `parent_node_id` its source (with the
    score and shared words when `above` holds that plan, else score 0), or None for "it
    descends from nothing above". The automatic links go; with `add`, the user's other
    links stay (a measure merging two clauses). Raises KeyError for an unknown section."""
    section = plan.find(section_id)
    if section is None:
        raise KeyError(section_id)
    if parent_node_id is None:
        new: list[LineageLink] = []
    else:
        new = [
            link
            for link in section.lineage
            if add and link.by == "user" and link.node != parent_node_id
        ]
        new.insert(0, _user_link(section, parent_node_id, above or []))
    return _with_lineage(plan, {section_id: new}, decided={section_id})


def _user_link(section: Section, node: str, above: list[Plan]) -> LineageLink:
    parent = next((p.find(node) for p in above if node.startswith(f"{p.id}:")), None)
    if parent is None:
        return LineageLink(node=node, score=0, words=[], by="user")
    a, b = _node(section, "measure"), _node(parent, "measure")
    _weigh([a, b])  # two texts alone: every bigram weighs alike, a plain overlap
    return _link(a, b, _score(a, b, 0.0), by="user")
