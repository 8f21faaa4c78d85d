"""Timing of a workshop: when each activity starts and ends, and the total.

Pure functions over a guide's activities or a trainer's plan items, so both
share one calculation and one agenda table (includes/agenda_table.html).
An item has ``title``, ``minutes``, ``is_break``, ``agenda_label`` (the
line under its title) and ``agenda_notes``.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta


@dataclass(frozen=True)
class AgendaRow:
    item: object
    offset: int  # minutes from the start of the workshop
    minutes: int
    starts: time
    ends: time
    # What the agenda table shows of the item.
    title: str
    label: str  # the line under the title
    notes: str
    is_break: bool

    @property
    def cumulative(self):
        """Minutes elapsed when this item ends."""
        return self.offset + self.minutes


@dataclass(frozen=True)
class Agenda:
    rows: list
    start: time

    @property
    def total_minutes(self):
        return self.rows[-1].cumulative if self.rows else 0

    @property
    def ends(self):
        return _clock(self.start, self.total_minutes)

    def __iter__(self):
        return iter(self.rows)

    def __len__(self):
        return len(self.rows)


def _clock(start, offset):
    return (datetime.combine(date(2000, 1, 1), start) + timedelta(minutes=offset)).time()


def build_agenda(items, start=time(9, 0)):
    rows, offset = [], 0
    for item in items:
        minutes = int(item.minutes or 0)
        rows.append(
            AgendaRow(
                item=item,
                offset=offset,
                minutes=minutes,
                starts=_clock(start, offset),
                ends=_clock(start, offset + minutes),
                title=item.title,
                label=item.agenda_label,
                notes=item.agenda_notes,
                is_break=item.is_break,
            )
        )
        offset += minutes
    return Agenda(rows=rows, start=start)
