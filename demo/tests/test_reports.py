"""The demo's two years of history fill the activity report of the last complete year, once."""

from django.utils import timezone

from demo.loaders import reports
from helpdesk.models import Ticket
from reports import figures
from reports.models import DocumentDownloadCount, PageViewCount


def test_the_history_fills_the_report_and_is_loaded_once(home):
    reports.load(home)
    counters, requests = PageViewCount.objects.count(), Ticket.objects.count()
    assert counters > 1000 and requests > 100
    year = timezone.localdate().year - 1
    report = figures.activity_report(year)
    visits = figures.figure(report, "visits")
    assert visits.value > visits.previous > 0  # a growing audience, both years shown
    assert figures.figure(report, "helpdesk_received").previous > 0

    reports.load(home)
    assert (PageViewCount.objects.count(), Ticket.objects.count()) == (counters, requests)
    assert not DocumentDownloadCount.objects.exists()  # no documents in this bare site
