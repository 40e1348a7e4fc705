"""French wording of dates and the storage of all-day sessions."""

import datetime

from agenda.dates import format_day, format_session
from agenda.factories import EventSessionFactory

from .conftest import paris


def test_a_timed_session_reads_like_french():
    start, end = paris(2026, 12, 8, 9, 30), paris(2026, 12, 8, 17, 0)
    assert format_session(start, end, False, end.date()) == "mardi 8 décembre 2026 de 9 h 30 à 17 h"


def test_first_of_the_month_and_sessions_over_several_days():
    assert format_day(datetime.date(2026, 12, 1)) == "mardi 1er décembre 2026"
    start, end = paris(2026, 12, 8, 14, 0), paris(2026, 12, 9, 12, 15)
    assert (
        format_session(start, end, False, end.date())
        == "du mardi 8 décembre 2026 à 14 h au mercredi 9 décembre 2026 à 12 h 15"
    )


def test_all_day_sessions_cover_whole_local_days(db):
    session = EventSessionFactory(
        start=paris(2026, 12, 8, 15, 0), end=paris(2026, 12, 10, 11, 0), all_day=True
    )
    session.refresh_from_db()
    # Stored from local midnight to the local midnight after the last day (exclusive end).
    assert session.start == paris(2026, 12, 8)
    assert session.end == paris(2026, 12, 11)
    assert session.last_day == datetime.date(2026, 12, 10)
    assert session.label == "du mardi 8 au jeudi 10 décembre 2026"
    session.save()  # saving again changes nothing
    assert session.end == paris(2026, 12, 11)


def test_a_single_all_day_session():
    session = EventSessionFactory.build(
        start=paris(2027, 3, 28), end=paris(2027, 3, 29), all_day=True
    )
    assert session.last_day == datetime.date(2027, 3, 28)
    assert session.label == "dimanche 28 mars 2027"
