"""Calendar quarters, the period of every State funding claim, and the one-year claim deadline."""

import calendar
import dataclasses
import datetime
import re

QUARTER_PATTERN = re.compile(r"^(\d{4})-T([1-4])$")


def last_day_of_month(year, month):
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


@dataclasses.dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int  # 1 to 4

    @classmethod
    def of(cls, day):
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def parse(cls, value):
        """The quarter written « 2024-T1 », or None."""
        match = QUARTER_PATTERN.match(value or "")
        return cls(int(match[1]), int(match[2])) if match else None

    @property
    def key(self):
        return f"{self.year}-T{self.number}"

    @property
    def start(self):
        return datetime.date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self):
        return last_day_of_month(self.year, 3 * self.number)

    def __contains__(self, day):
        return self.start <= day <= self.end

    def previous(self):
        return (
            Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)
        )

    def next(self):
        return (
            Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)
        )

    def claim_deadline(self, months):
        """The last day a claim for this quarter may reach the ASP: `months` after the quarter's end."""
        year, month = divmod(self.end.year * 12 + self.end.month - 1 + months, 12)
        return last_day_of_month(year, month + 1)

    def label(self):
        ordinal = "1er" if self.number == 1 else f"{self.number}e"
        return f"{ordinal} trimestre {self.year}"

    def __str__(self):
        return self.label()


def quarters_between(first, last):
    """Every quarter from `first` to `last`, most recent first."""
    quarters = []
    quarter = last
    while quarter >= first:
        quarters.append(quarter)
        quarter = quarter.previous()
    return quarters
