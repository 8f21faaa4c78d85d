"""The live views' content: one ``LiveItem`` per agenda row, the same for a
facilitator guide and a trainer's plan, split into what only whoever
facilitates reads and what the room may see."""

from dataclasses import dataclass, field, replace

from courses.text import lines


@dataclass(frozen=True)
class LiveItem:
    title: str
    minutes: int
    starts: object  # datetime.time, from courses.agenda
    kind_label: str = ""
    is_break: bool = False
    # Only for whoever facilitates.
    objectives: str = ""
    materials: list = field(default_factory=list)
    steps: list = field(default_factory=list)
    facilitator_notes: str = ""  # rich text (HTML)
    safety_note: str = ""  # rich text
    opt_out: str = ""  # rich text
    own_notes: str = ""  # plain text: a trainer's notes on a plan item
    # For the room too.
    participant_lines: list = field(default_factory=list)
    questions: str = ""  # rich text: the activity's closing questions
    key_message: str = ""


def from_activity(activity, row, title=None, participant_lines=None):
    return LiveItem(
        title=title or activity.title,
        minutes=row.minutes,
        starts=row.starts,
        kind_label=activity.get_kind_display(),
        is_break=activity.is_break,
        objectives=activity.objectives,
        materials=activity.material_list,
        steps=activity.step_list,
        facilitator_notes=activity.facilitator_notes,
        safety_note=activity.safety_note,
        opt_out=activity.opt_out,
        participant_lines=activity.participant_list
        if participant_lines is None
        else participant_lines,
        questions=activity.debrief,
        key_message=activity.key_message,
    )


def guide_items(guide):
    return [from_activity(row.item, row) for row in guide.agenda]


def plan_items(plan):
    """A plan's items: curriculum activities with the participant lines the
    plan copied, breaks, and the trainer's own items (title and notes)."""
    items = []
    for row in plan.run_sheet:
        item = row.item
        if item.from_curriculum:
            live = from_activity(
                item.activity,
                row,
                title=item.title,
                participant_lines=lines(item.participant_instructions),
            )
            items.append(replace(live, own_notes=item.notes))
        else:
            items.append(
                LiveItem(
                    title=item.title,
                    minutes=row.minutes,
                    starts=row.starts,
                    kind_label=item.get_kind_display(),
                    is_break=item.is_break,
                    own_notes=item.notes,
                    participant_lines=lines(item.participant_instructions),
                )
            )
    return items
