"""Sheets of paper for a workshop, from the files already made: the pack
printed on both sides, the guide once and each handout as many times as
its copies say (per participant, per group or for the whole workshop), for
a number of participants. Read
from the stored files' page counts (one query, shared with the download
links), so it costs no render; None until the files exist."""

from dataclasses import dataclass

from .documents import document_for
from .downloads import _printed_files, for_request

DEFAULT_PARTICIPANTS = 20
MOST_PARTICIPANTS = 500


def duplex_sheets(pages):
    """Sheets for ``pages`` printed on both sides."""
    return (pages + 1) // 2


def participants_from(value):
    """The number a trainer typed (``?participantes=``), kept within bounds;
    the default when it is missing or not a number."""
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return DEFAULT_PARTICIPANTS
    return min(max(number, 1), MOST_PARTICIPANTS)


@dataclass
class Sheets:
    participants: int
    facilitator: int  # the pack's cover and guide, printed once
    per_participant: int  # each participant's handouts, times their copies
    shared: int = 0  # handouts for each group or the whole workshop (role cards, scripts)

    @property
    def total(self):
        return self.facilitator + self.shared + self.per_participant * self.participants


def sheets_for(guide, paper, participants, request=None):
    """Sheets of everything to print for ``guide``'s workshop on ``paper``,
    or None while the pack or a handout has not been made yet."""
    pack = for_request(document_for(guide, "pack", paper), request)
    handouts = pack.handout_documents()
    keys = [pack.key()] + [document.key() for document in handouts]
    records = _printed_files(keys)
    if any(key not in records for key in keys):
        return None
    handout_pages = [records[key].pages for key in keys[1:]]
    own_pages = records[keys[0]].pages - sum(handout_pages)
    per_participant, shared = 0, 0
    for pages, document in zip(handout_pages, handouts, strict=True):
        handout = document.page
        if handout.copies_each_participant:
            per_participant += duplex_sheets(pages) * handout.copies_each_participant
        else:
            shared += duplex_sheets(pages) * handout.copies_to_print(participants)
    return Sheets(participants, duplex_sheets(own_pages), per_participant, shared)
