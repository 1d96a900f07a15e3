"""Everything a county does to its draft, each a pure function: the draft in, a new draft out.

The GUI's undo commands and the command line call these; `from app.core import operations as ops`.
A test (tests/drafts/test_edits.py) checks that every such function is named here.
"""

from app.core.operations.catalogue import (
    add_unit,
    apply_mapping,
    map_parent_unit,
    merge_units,
    remove_unit,
    rename_unit,
    replace_unit,
    set_mapping,
)
from app.core.operations.consultation.opinions import (
    add_opinions,
    adopt_all,
    adopt_opinion,
    adopt_possible,
    asks_rewrite,
    changes_text,
    proposed_change,
    refused_line,
    set_opinion_decision,
    set_opinion_unit,
)
from app.core.operations.consultation.sent_copies import record_sent
from app.core.operations.consultation.versions import drop_version, save_version, version_draft
from app.core.operations.content import (
    add_committee_member,
    answer_question,
    move_committee_member,
    remove_committee_member,
    remove_work_row,
    set_committee_member,
    set_layout,
    set_meta,
    set_paragraphs,
    set_shown_preamble,
    set_shown_text,
    set_units,
    set_work_row_field,
    set_work_rows,
)
from app.core.operations.crosswalk import set_not_taken_reason
from app.core.operations.find_replace import replace_all, replace_hit
from app.core.operations.goal_questions import ask_of_goals
from app.core.operations.goals import release_goals, state_table_targets
from app.core.operations.parents import add_parent
from app.core.operations.revised_parent.rebase import (
    keep_despite_revision,
    rebase,
    take_revised_text,
)
from app.core.operations.revised_parent.rebase_undo import keep_before_rebase
from app.core.operations.structure import add_measure, merge, move, remove, rename, reorder
from app.core.operations.take_up import edited_since_take_up, take_up, take_up_into
from app.core.operations.targets import (
    add_target,
    mentioned_targets,
    prune_targets,
    set_target,
    set_target_cell,
    set_target_indicator,
)
from app.core.operations.templates import reset_to_template
from app.core.operations.work_rows import add_work_row, move_work_row

__all__ = [
    "add_committee_member",
    "add_measure",
    "add_opinions",
    "add_parent",
    "add_target",
    "add_unit",
    "add_work_row",
    "adopt_all",
    "adopt_opinion",
    "adopt_possible",
    "answer_question",
    "apply_mapping",
    "ask_of_goals",
    "asks_rewrite",
    "changes_text",
    "drop_version",
    "edited_since_take_up",
    "keep_before_rebase",
    "keep_despite_revision",
    "map_parent_unit",
    "mentioned_targets",
    "merge",
    "merge_units",
    "move",
    "move_committee_member",
    "move_work_row",
    "proposed_change",
    "prune_targets",
    "rebase",
    "record_sent",
    "refused_line",
    "release_goals",
    "remove",
    "remove_committee_member",
    "remove_unit",
    "remove_work_row",
    "rename",
    "rename_unit",
    "reorder",
    "replace_all",
    "replace_hit",
    "replace_unit",
    "reset_to_template",
    "save_version",
    "set_committee_member",
    "set_layout",
    "set_mapping",
    "set_meta",
    "set_not_taken_reason",
    "set_opinion_decision",
    "set_opinion_unit",
    "set_paragraphs",
    "set_shown_preamble",
    "set_shown_text",
    "set_target",
    "set_target_cell",
    "set_target_indicator",
    "set_units",
    "set_work_row_field",
    "set_work_rows",
    "state_table_targets",
    "take_revised_text",
    "take_up",
    "take_up_into",
    "version_draft",
]
