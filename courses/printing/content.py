"""What the facilitator guide gathers from a module, for its print template.

Plain data (lists and dicts), so the template stays simple and the same
aggregation can serve a workshop planner later.
"""

from dataclasses import dataclass, field


@dataclass
class Material:
    name: str
    activities: list = field(default_factory=list)


def materials_checklist(activities):
    """Every material of every activity, once, in order of first use, with
    the activities that need it ("Papelógrafo: Apertura, Mapa de la red")."""
    found = {}
    for activity in activities:
        for item in activity.material_list:
            key = " ".join(item.casefold().split()).rstrip(".")
            material = found.setdefault(key, Material(item))
            if activity.title not in material.activities:
                material.activities.append(activity.title)
    return list(found.values())


def preparation_checklist(guide, activities):
    """The guide's own preparation, then each activity's, labelled."""
    items = [{"text": text, "activity": None} for text in guide.preparation_list]
    for activity in activities:
        if activity.preparation.strip():
            items.append({"text": activity.preparation.strip(), "activity": activity.title})
    return items


def self_check_answers(lessons):
    """For the facilitator only: each lesson's self-check questions with the
    correct options and the explanation."""
    result = []
    for lesson in lessons:
        questions = []
        for block in lesson.body:
            if block.block_type != "self_check":
                continue
            value = block.value
            questions.append(
                {
                    "question": value["question"],
                    "options": list(value["options"]),
                    "explanation": value["explanation"],
                }
            )
        if questions:
            result.append({"lesson": lesson, "questions": questions})
    return result


def guide_context(guide, handouts, lessons):
    activities = guide.activity_list
    live_handouts = {h.pk for h in handouts}
    used = {}
    for activity in activities:
        used[activity.pk or id(activity)] = [
            h for h in activity.handouts.all() if h.pk in live_handouts
        ]
    rows = [
        {"row": row, "handouts": used.get(row.item.pk or id(row.item), [])} for row in guide.agenda
    ]
    return {
        "guide": guide,
        "agenda": guide.agenda,
        "activity_rows": rows,
        "materials": materials_checklist(activities),
        "preparation": preparation_checklist(guide, activities),
        "handouts": handouts,
        "answers": self_check_answers(lessons),
    }
