"""The plan as `peakplan import-plan --json` prints it: the tree, its units and targets.

Other tools read this output, so its keys are fixed: `title`, `level`, and
`sections`, each node with `level` (1–4), `label`, `title`, `children`,
`units` (names in order, as written) and `targets` (each with `year` and
`sentence`). Further keys may be added, never renamed: `lead_units` (several
where a clause names several leads), `deadline` (完成时限), and for the plan
`governments` (a joint plan's), `document_number` and `notice` (the issuing
notice as printed).
"""

from __future__ import annotations

from typing import Any

from app.core.plans.model import Plan, Section, Target


def _target(target: Target) -> dict[str, Any]:
    return {
        "year": target.year,
        "sentence": target.sentence,
        "indicator": target.indicator,
        "value": target.value,
        "unit": target.unit,
        "qualifier": target.qualifier,
        "kind": target.kind,
        "text": target.text,
    }


def section_summary(section: Section) -> dict[str, Any]:
    clause = section.clause
    return {
        "id": section.id,
        "level": section.level,
        "label": section.label,
        "title": section.title,
        "units": clause.written_names if clause else [],
        "units_full": clause.names if clause else [],
        "lead_unit": clause.lead if clause else None,
        "lead_units": clause.leads if clause else [],
        "deadline": clause.deadline if clause else "",
        "clause": clause.text if clause else None,
        "targets": [_target(t) for t in section.targets],
        "paragraphs": section.paragraphs,
        "children": [section_summary(child) for child in section.children],
    }


def plan_summary(plan: Plan) -> dict[str, Any]:
    return {
        "id": plan.id,
        "title": plan.title,
        "level": plan.level,
        "stage": plan.stage,
        "date": plan.date,
        "issuer": plan.issuer,
        "governments": plan.governments,
        "document_number": plan.provenance.document_number,
        "notice": plan.provenance.notice,
        "preamble": plan.preamble,
        "sections": [section_summary(s) for s in plan.sections],
        "task_table": [
            {
                "number": row.number,
                "area": row.area,
                "action": row.action,
                "measure_id": row.measure_id,
                "work_rows": [
                    {
                        "work": w.work,
                        "lead": w.lead,
                        "cooperating": w.cooperating,
                        "cooperating_units": w.cooperating_units,
                    }
                    for w in row.work_rows
                ],
            }
            for row in plan.task_table
        ],
        "source": plan.provenance.source_file,
    }
