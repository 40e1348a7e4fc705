import datetime

import pytest
from django.utils import timezone

from agenda.factories import EventFactory, EventSessionFactory
from agenda.models import PARIS


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


@pytest.fixture
def make_event(db):
    """An event with one session; `start`/`end` default to ten days from now, 9:30–17:00."""

    def make(start=None, end=None, all_day=False, **fields):
        event = EventFactory(**fields)
        if start is None:
            start = timezone.localtime() + datetime.timedelta(days=10)
            start = start.replace(hour=9, minute=30, second=0, microsecond=0)
        if end is None:
            end = start.replace(hour=17, minute=0)
        EventSessionFactory(event=event, start=start, end=end, all_day=all_day)
        return event

    return make
