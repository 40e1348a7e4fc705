import io

import pytest
from django.utils import timezone

from agenda.models import Event, EventFormat, EventKind, EventSession, EventStatus
from demo.loaders import agenda as demo

pytestmark = pytest.mark.django_db


def test_demo_covers_every_kind_and_format_and_is_idempotent(home):
    demo.load(home=home, stdout=io.StringIO())
    uids = set(EventSession.objects.values_list("uid", flat=True))
    summary = demo.load(home=home, stdout=io.StringIO())
    assert "0 créés" in summary
    assert set(EventSession.objects.values_list("uid", flat=True)) == uids
    events = Event.objects.live()
    assert events.count() >= 15
    assert set(events.values_list("kind", flat=True)) == set(EventKind.values)
    assert set(events.values_list("format", flat=True)) == set(EventFormat.values)
    assert events.filter(status=EventStatus.CANCELLED).exists()
    assert events.filter(status=EventStatus.POSTPONED).exists()
    assert any(event.sessions.count() == 3 for event in events)
    now = timezone.now()
    assert EventSession.objects.live().upcoming(now).exists()
    assert EventSession.objects.live().past(now).exists()
