"""Conflicting opinions are a readout of the draft (the page shows them; checks may too)."""

from __future__ import annotations

from app.core.draft.consultation import Opinion
from app.core.readout.opinions import conflicts, counts_text


def _opinion(i: int, original: str, proposed: str, decision="pending", index=0) -> Opinion:
    return Opinion(
        id=f"o{i}",
        unit=f"单位{i}",
        kind="edit",
        node_id="n9",
        index=index,
        original=original,
        proposed=proposed,
        decision=decision,
    )


def test_two_units_changing_the_same_words_compete_until_one_is_set_aside():
    a = _opinion(1, "到2025年，新能源装机达到100万千瓦", "到2025年，新能源装机达到120万千瓦")
    b = _opinion(2, "新能源装机达到100万千瓦", "新能源装机力争达到110万千瓦")
    other_paragraph = _opinion(3, "新能源装机达到100万千瓦", "改", index=1)
    assert conflicts((a, b, other_paragraph)) == {"o1": ("o2",), "o2": ("o1",)}
    assert conflicts((a, b.model_copy(update={"decision": "rejected"}))) == {}
    assert counts_text((a, b)) == "意见 2 条：待处理 2"
