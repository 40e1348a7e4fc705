"""Dates written out read « 1er novembre », never « 1 novembre »: one wording (portal/dates.py), used by
every template and email through the `french_dates` filters."""

import datetime
import re
import zoneinfo
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template

from content.factories import ResourcePageFactory
from core.dates import format_date, format_datetime

ROOT = Path(settings.BASE_DIR)


def render(source, **context):
    return Template("{% load french_dates %}" + source).render(Context(context))


def test_first_of_the_month_is_an_ordinal():
    assert format_date(datetime.date(2026, 11, 1)) == "1er novembre 2026"
    assert format_date(datetime.date(2026, 11, 2)) == "2 novembre 2026"
    paris = zoneinfo.ZoneInfo("Europe/Paris")
    assert format_datetime(datetime.datetime(2026, 3, 1, 9, 30, tzinfo=paris)) == (
        "1er mars 2026 à 9 h 30"
    )


def test_filters_write_local_french_dates():
    # 23:30 UTC on 31 October is 1 November in Paris
    moment = datetime.datetime(2026, 10, 31, 23, 30, tzinfo=datetime.UTC)
    assert render("{{ d|long_date }}", d=moment) == "1er novembre 2026"
    assert render("{{ d|long_datetime }}", d=moment) == "1er novembre 2026 à 0 h 30"
    assert render("{{ d|month_year }}", d=datetime.date(2026, 8, 1)) == "août 2026"
    assert render("{{ d|long_date }}", d=None) == ""


def test_no_template_writes_a_date_out_with_the_date_filter():
    """`|date:"j F Y"` gives « 1 novembre »: every written-out date goes through french_dates."""
    offenders = []
    for app in ("agenda", "content", "directory", "helpdesk", "portal", "search", "demo"):
        for path in (ROOT / app).rglob("templates/**/*"):
            if path.suffix in {".html", ".txt", ".xml"}:
                for match in re.finditer(r"""\|date:["']([^"']*)["']""", path.read_text()):
                    if re.search(r"[FMNEbDl]", match.group(1)):  # month or day names
                        offenders.append(f"{path.relative_to(ROOT)}: {match.group()}")
    assert offenders == []


@pytest.mark.django_db
def test_a_resource_dated_the_first_reads_1er(client, resource_index):
    page = ResourcePageFactory(parent=resource_index, date=datetime.date(2024, 11, 1))
    html = client.get(page.url).content.decode()
    assert "1er novembre 2024" in html and ">1 novembre 2024<" not in html
