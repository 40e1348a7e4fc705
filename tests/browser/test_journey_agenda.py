"""Journey 4: a visitor browses the agenda month by month, keeps the online trainings only, and adds one
to their calendar with its .ics file."""

import re
from pathlib import Path

from icalendar import Calendar
from playwright.sync_api import expect

from .helpers import visit


def test_month_view_filters_and_ics_download(portal, page):
    visit(page, portal("/"))
    page.get_by_role("navigation", name="Menu principal").get_by_role("link", name="Agenda").click()
    page.wait_for_url(portal("/agenda/"))
    page.get_by_role("link", name="Vue mensuelle").click()
    page.wait_for_url(re.compile(r".*/agenda/mois/\d{4}-\d{2}/"))
    expect(page.locator("h1")).to_contain_text("Agenda : ")

    # Trainings that can be followed online: trainings and webinars, online only.
    page.get_by_label("Formation", exact=True).check()
    page.get_by_label("Webinaire", exact=True).check()
    page.get_by_label("En ligne", exact=True).check()
    page.get_by_role("button", name="Appliquer les filtres").click()
    page.wait_for_url(re.compile(r".*/agenda/mois/\d{4}-\d{2}/\?.*format=en-ligne.*"))
    assert "kind=formation" in page.url and "kind=webinaire" in page.url

    # Month after month (the filters follow) until one has an online training.
    events = page.locator("table.calendar a")
    for _ in range(12):
        if events.count():
            break
        page.get_by_role("link", name=re.compile("Mois suivant")).click()
        page.wait_for_load_state()
        assert "format=en-ligne" in page.url
        expect(page.get_by_label("En ligne", exact=True)).to_be_checked()
    assert events.count(), "no online training in the next twelve months of the demo agenda"

    title = re.sub(r"^\d{1,2}(:\d{2}| h( \d{2})?) : ", "", events.first.inner_text())
    events.first.click()
    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator("main")).to_contain_text(re.compile("Formation|Webinaire"))
    expect(page.locator("main")).to_contain_text("En ligne")

    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Ajouter à mon calendrier")).click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    calendar = Calendar.from_ical(Path(download.path()).read_bytes())
    summaries = [str(component["SUMMARY"]) for component in calendar.walk("VEVENT")]
    assert summaries and all(summary == title for summary in summaries), summaries
