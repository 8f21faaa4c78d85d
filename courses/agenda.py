"""Timing of a workshop: when each activity starts and ends, and the total.

Pure functions over anything with ``minutes``, so a facilitator guide and
(later) a trainer's own plan share one calculation.
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
            )
        )
        offset += minutes
    return Agenda(rows=rows, start=start)
