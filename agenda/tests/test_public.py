"""The public agenda: what a visitor sees in the list, the month grid, the archives and an event's page."""

import datetime
import json
import re

import pytest
from django.utils import timezone

from agenda.factories import EventDocumentFactory, EventSessionFactory
from agenda.models import EventFormat, EventKind, EventStatus
from agenda.services import month_calendar
from taxonomy.models import Departement, Theme

from .conftest import paris

pytestmark = pytest.mark.django_db


def titles_in(html):
    return re.findall(r'class="event-item__title">.*?<a href="[^"]+">([^<]+)</a>', html)


@pytest.fixture
def around_now(make_event):
    now = timezone.now()
    hour = datetime.timedelta(hours=1)
    return {
        "past": make_event(title="Passé", slug="passe", start=now - 5 * hour, end=now - hour),
        "running": make_event(
            title="En cours", slug="en-cours", start=now - hour, end=now + 2 * hour
        ),
        "later": make_event(
            title="Plus tard", slug="plus-tard", start=now + 48 * hour, end=now + 50 * hour
        ),
        "soon": make_event(
            title="Bientôt", slug="bientot", start=now + 3 * hour, end=now + 4 * hour
        ),
    }


def test_upcoming_lists_sessions_soonest_first_including_one_in_progress(client, around_now):
    html = client.get("/agenda/").content.decode()
    assert titles_in(html) == ["En cours", "Bientôt", "Plus tard"]
    assert "3 dates à venir" in html


def test_archives_list_finished_events_newest_first_with_their_documents(
    client, around_now, make_event
):
    older = make_event(
        title="Colloque ancien",
        slug="ancien",
        start=paris(2025, 6, 3, 9, 0),
        end=paris(2025, 6, 3, 17, 0),
    )
    EventDocumentFactory(
        event=older, title="Actes du colloque", link="https://example.org/actes.pdf"
    )
    html = client.get("/agenda/archives/").content.decode()
    titles = re.findall(r'<h2 class="card__title"[^>]*><a href="[^"]+">([^<]+)</a>', html)
    assert titles == ["Passé", "Colloque ancien"]
    assert 'href="https://example.org/actes.pdf">Actes du colloque</a>' in html
    assert "mardi 3 juin 2025 de 9 h à 17 h" in html


def test_an_event_with_a_session_still_to_come_is_not_archived(client, make_event):
    event = make_event(
        title="Cycle", slug="cycle", start=paris(2025, 1, 7, 9), end=paris(2025, 1, 7, 12)
    )
    EventSessionFactory(event=event)  # ten days from now
    assert "Cycle" not in client.get("/agenda/archives/").content.decode()
    assert titles_in(client.get("/agenda/").content.decode()) == ["Cycle"]


def test_unpublished_events_are_nowhere(client, make_event):
    make_event(title="Brouillon", slug="brouillon", live=False)
    assert "Brouillon" not in client.get("/agenda/").content.decode()
    assert client.get("/agenda/brouillon/").status_code == 404
    assert client.get("/agenda/brouillon.ics").status_code == 404
    assert b"Brouillon" not in client.get("/agenda.ics").content


@pytest.fixture
def filterable(make_event):
    asile = Theme.objects.get(slug="asile")
    sante = Theme.objects.get(slug="sante")
    paris_dep = Departement.objects.get(code="75")
    lyon_dep = Departement.objects.get(code="69")
    december = paris(2030, 12, 8, 9, 30)
    january = paris(2031, 1, 14, 14, 0)
    make_event(title="Formation Paris asile", slug="f1", kind=EventKind.FORMATION, themes=[asile],
               departement=paris_dep, start=december, end=december + datetime.timedelta(hours=7))  # fmt: skip
    make_event(title="Webinaire santé", slug="w1", kind=EventKind.WEBINAIRE, format=EventFormat.ONLINE,
               online_url="https://visio.example.org/w1", themes=[sante, asile], start=january,
               end=january + datetime.timedelta(hours=1))  # fmt: skip
    make_event(title="Formation Lyon santé", slug="f2", kind=EventKind.FORMATION, themes=[sante],
               departement=lyon_dep, format=EventFormat.HYBRID, online_url="https://visio.example.org/f2",
               start=january, end=january + datetime.timedelta(hours=3))  # fmt: skip


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=formation", ["Formation Paris asile", "Formation Lyon santé"]),
        (
            "kind=formation&kind=webinaire",
            ["Formation Paris asile", "Formation Lyon santé", "Webinaire santé"],
        ),
        ("format=en-ligne", ["Webinaire santé"]),
        ("format=hybride&format=sur-place", ["Formation Paris asile", "Formation Lyon santé"]),
        ("theme=asile", ["Formation Paris asile", "Webinaire santé"]),
        (
            "theme=asile&theme=sante",
            ["Formation Paris asile", "Formation Lyon santé", "Webinaire santé"],
        ),
        ("departement=69", ["Formation Lyon santé"]),
        ("month=2030-12", ["Formation Paris asile"]),
        ("month=2031-01", ["Formation Lyon santé", "Webinaire santé"]),
        ("kind=formation&theme=sante&departement=69&month=2031-01", ["Formation Lyon santé"]),
        ("kind=formation&format=en-ligne", []),
    ],
)
def test_each_filter_and_their_combinations(client, filterable, query, expected):
    response = client.get(f"/agenda/?{query}")
    assert response.status_code == 200
    assert sorted(titles_in(response.content.decode())) == sorted(expected)


@pytest.mark.parametrize(
    "query",
    [
        "kind=inconnu",
        "format=%3Cscript%3E",
        "theme=nope&departement=999",
        "month=2026-13",
        "month=abc",
        "month=99999-01",
        "page=abc",
        "page=9999",
        "page=-1",
        "view=calendrier",
        "departement=",
    ],
)
def test_invalid_filter_values_are_ignored(client, filterable, query):
    response = client.get(f"/agenda/?{query}")
    assert response.status_code == 200
    assert len(titles_in(response.content.decode())) == 3
    assert client.get(f"/agenda.ics?{query}").status_code == 200


def test_filters_are_kept_in_links_and_shown_as_checked(client, filterable):
    html = client.get("/agenda/?kind=formation&theme=sante&month=2031-01&bogus=1").content.decode()
    assert 'id="kind-formation" checked' in html
    assert 'href="/agenda.ics?kind=formation&amp;theme=sante&amp;month=2031-01"' in html
    assert "bogus" not in html
    assert 'value="2031-01"' in html


def test_month_switch_redirects_to_the_month_view_with_the_filters(client, db):
    response = client.get("/agenda/?view=month&month=2026-12&kind=formation")
    assert response.status_code == 302
    assert response["Location"] == "/agenda/mois/2026-12/?kind=formation"


def test_month_view_is_an_accessible_grid_with_previous_and_next_links(client, make_event):
    make_event(title="Journée de décembre", slug="dec", start=paris(2026, 12, 8, 9, 30))
    html = client.get("/agenda/mois/2026-12/").content.decode()
    assert html.count("<h1") == 1
    assert "<caption>Événements de décembre 2026</caption>" in html
    assert html.count('<th scope="col">') == 7
    assert 'href="/agenda/mois/2026-11/" rel="prev"' in html
    assert 'href="/agenda/mois/2027-01/" rel="next"' in html
    assert '<span class="visually-hidden">mardi 8 décembre 2026</span>' in html
    assert "9 h 30 : Journée de décembre" in html
    assert client.get("/agenda/mois/2026-13/").status_code == 404
    assert client.get("/agenda/mois/janvier/").status_code == 404


def days_with(calendar, title):
    return [
        day.date
        for week in calendar.weeks
        for day in week
        if day.in_month and any(s.event.title == title for s in day.sessions)
    ]


def test_month_view_across_a_month_boundary(make_event):
    make_event(
        title="À cheval", slug="cheval", start=paris(2026, 11, 30, 14), end=paris(2026, 12, 2, 12)
    )
    # 00:30 in Paris on 1 December is still 30 November in UTC.
    make_event(
        title="Minuit et demie",
        slug="minuit",
        start=paris(2026, 12, 1, 0, 30),
        end=paris(2026, 12, 1, 2),
    )
    november, december = month_calendar(2026, 11), month_calendar(2026, 12)
    assert days_with(november, "À cheval") == [datetime.date(2026, 11, 30)]
    assert days_with(december, "À cheval") == [
        datetime.date(2026, 12, 1),
        datetime.date(2026, 12, 2),
    ]
    assert days_with(november, "Minuit et demie") == []
    assert days_with(december, "Minuit et demie") == [datetime.date(2026, 12, 1)]


@pytest.mark.parametrize(
    "month,kept,dropped",
    [("2100-12", 'rel="prev"', 'rel="next"'), ("2000-01", 'rel="next"', 'rel="prev"')],
)
def test_first_and_last_months_have_no_link_beyond_them(client, db, month, kept, dropped):
    """The month view used to fail (500) at the edge of the accepted years, building the next title."""
    response = client.get(f"/agenda/mois/{month}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert kept in html and dropped not in html


def test_month_view_across_daylight_saving_changes(client, make_event):
    # Summer time starts on Sunday 28 March 2027 at 2:00; winter time on Sunday 25 October 2026 at 3:00.
    make_event(
        title="Avant le changement",
        slug="avant",
        start=paris(2027, 3, 27, 9, 30),
        end=paris(2027, 3, 27, 12),
    )
    make_event(
        title="Après le changement",
        slug="apres",
        start=paris(2027, 3, 29, 9, 30),
        end=paris(2027, 3, 29, 12),
    )
    make_event(
        title="Fin de soirée",
        slug="soiree",
        start=paris(2027, 3, 31, 23, 30),
        end=paris(2027, 3, 31, 23, 59),
    )
    make_event(
        title="Nuit d'octobre",
        slug="octobre",
        start=paris(2026, 10, 31, 23, 30),
        end=paris(2026, 10, 31, 23, 45),
    )
    march = month_calendar(2027, 3)
    assert days_with(march, "Avant le changement") == [datetime.date(2027, 3, 27)]
    assert days_with(march, "Après le changement") == [datetime.date(2027, 3, 29)]
    # 23:30 on 31 March is 21:30 UTC (summer time): still March, not April.
    assert days_with(march, "Fin de soirée") == [datetime.date(2027, 3, 31)]
    assert days_with(month_calendar(2027, 4), "Fin de soirée") == []
    # 23:30 on 31 October is 22:30 UTC (winter time): October.
    assert days_with(month_calendar(2026, 10), "Nuit d'octobre") == [datetime.date(2026, 10, 31)]
    assert days_with(month_calendar(2026, 11), "Nuit d'octobre") == []
    html = client.get("/agenda/mois/2027-03/").content.decode()
    # Local wall-clock times on both sides of the change.
    assert "9 h 30 : Avant le changement" in html
    assert "9 h 30 : Après le changement" in html


def test_month_view_applies_the_filters(client, filterable):
    html = client.get("/agenda/mois/2031-01/?kind=webinaire").content.decode()
    assert "Webinaire santé" in html and "Formation Lyon santé" not in html
    assert 'href="/agenda/mois/2031-02/?kind=webinaire" rel="next"' in html


def test_event_page_shows_dates_venue_access_and_calendar_link(client, make_event):
    event = make_event(
        title="Colloque annuel",
        slug="colloque-annuel",
        start=paris(2026, 12, 8, 9, 30),
        end=paris(2026, 12, 8, 17, 0),
        access="Métro Bourse. Accessible en fauteuil roulant.",
        departement=Departement.objects.get(code="75"),
        is_free=False,
        price="50 €",
        registration_url="https://example.org/inscription",
    )
    response = client.get(event.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "Mardi 8 décembre 2026 de 9 h 30 à 17 h" in html
    assert "Maison des associations" in html and "75002 Paris" in html
    assert "Métro Bourse" in html
    assert "50 €" in html
    assert 'href="/agenda/colloque-annuel.ics"' in html
    assert "Événement annulé" not in html


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_cancelled_event_is_shown_as_such_with_schema_org_status(client, make_event):
    event = make_event(
        title="Séminaire annulé",
        slug="annule",
        status=EventStatus.CANCELLED,
        status_note="Trop peu d’inscrits.",
        format=EventFormat.HYBRID,
        online_url="https://visio.example.org/s",
    )
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Événement annulé" in html and "Trop peu d’inscrits." in html
    (data,) = json_ld(html)
    assert data["@type"] == "Event"
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [place["@type"] for place in data["location"]] == ["Place", "VirtualLocation"]
    listing = client.get("/agenda/").content.decode()
    assert '<span class="badge badge--danger">Annulé</span>' in listing


def test_postponed_event_has_a_banner_and_schema_status(client, make_event):
    event = make_event(title="Formation reportée", slug="reportee", status=EventStatus.POSTPONED)
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Événement reporté" in html
    assert json_ld(html)[0]["eventStatus"] == "https://schema.org/EventPostponed"


def test_json_ld_is_escaped_and_allowed_by_the_csp(client, make_event):
    event = make_event(
        title="</script><script>alert(1)</script> & co",
        slug="injection",
        summary="<b>gras</b>",
        format=EventFormat.ONLINE,
        online_url="https://visio.example.org/x",
        organiser_name="Réseau MNA",
    )
    response = client.get(event.get_absolute_url())
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    (data,) = json_ld(html)
    assert data["name"] == "</script><script>alert(1)</script> & co"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://visio.example.org/x"}
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["organizer"] == {"@type": "Organization", "name": "Réseau MNA"}
    assert data["startDate"].endswith("+01:00")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    # No executable inline script: the only inline <script> is the JSON-LD data block.
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == [
        '<script type="application/ld+json">'
    ]


def test_home_and_dossiers_show_upcoming_events_of_their_themes(client, make_event, dossier_index):
    from content.factories import DossierPageFactory

    asile = Theme.objects.get(slug="asile")
    make_event(title="Formation asile", slug="fa", themes=[asile])
    make_event(title="Formation santé", slug="fs", themes=[Theme.objects.get(slug="sante")])
    make_event(
        title="Passée asile",
        slug="pa",
        themes=[asile],
        start=paris(2024, 1, 9, 9),
        end=paris(2024, 1, 9, 12),
    )
    dossier = DossierPageFactory(parent=dossier_index, title="Asile")
    dossier.themes.set([asile])
    dossier.save_revision().publish()
    home = client.get("/").content.decode()
    assert "Formation asile" in home and "Formation santé" in home and "Passée asile" not in home
    html = client.get(dossier.url).content.decode()
    assert "Formation asile" in html
    assert "Formation santé" not in html and "Passée asile" not in html


def test_actor_events_tag_lists_what_an_actor_organises(make_event):
    from django.template import Context, Template

    from directory.models import Actor

    actor = Actor.objects.create(name="France terre d'asile", slug="ftda", kind="association")
    make_event(title="Formation organisée par l’acteur", slug="fa", organiser_actor=actor)
    make_event(
        title="Ancienne rencontre",
        slug="ar",
        organiser_actor=actor,
        start=paris(2025, 2, 4, 9),
        end=paris(2025, 2, 4, 12),
    )
    make_event(title="Autre organisateur", slug="ao")
    html = Template("{% load agenda_tags %}{% actor_events actor %}").render(
        Context({"actor": actor})
    )
    assert "Événements organisés" in html
    assert "Formation organisée par l’acteur" in html and "Ancienne rencontre" in html
    assert "Autre organisateur" not in html
    other = Actor.objects.create(name="Sans événement", slug="sans", kind="association")
    assert (
        Template("{% load agenda_tags %}{% actor_events actor %}")
        .render(Context({"actor": other}))
        .strip()
        == ""
    )


def test_sitemap_lists_published_events(make_event, sitemap_locations):
    make_event(title="Publié", slug="publie")
    make_event(title="Brouillon", slug="brouillon", live=False)
    xml = " ".join(sitemap_locations())
    assert "/agenda/publie/" in xml
    assert "/agenda/brouillon/" not in xml


def test_actor_page_shows_the_events_it_organises(client, make_event):
    from directory.factories import ActorFactory

    actor = ActorFactory(name="Association organisatrice", slug="asso-orga")
    make_event(title="Journée d’étude de l’association", slug="jeda", organiser_actor=actor)
    html = client.get(actor.get_absolute_url()).content.decode()
    assert "Événements organisés" in html and "Journée d’étude de l’association" in html


def test_month_view_lists_only_the_days_with_events_for_small_screens(client, make_event):
    make_event(title="Journée de décembre", slug="dec", start=paris(2026, 12, 8, 9, 30))
    make_event(title="Webinaire du 3", slug="trois", start=paris(2026, 12, 3, 14, 0))
    make_event(title="Colloque de novembre", slug="nov", start=paris(2026, 11, 30, 9, 0))
    html = client.get("/agenda/mois/2026-12/").content.decode()
    listing = html[html.index('<ol class="calendar-list"') :]
    listing = listing[: listing.index("</ol>")]
    days = re.findall(r'<h3 class="calendar-list__date">([^<]+)</h3>', listing)
    # In order, only this month's days that have events (30 November shows in the grid's first week).
    assert [day.split(" 2026")[0] for day in days] == ["Jeudi 3 décembre", "Mardi 8 décembre"]
    assert "14 h : Webinaire du 3" in listing and "9 h 30 : Journée de décembre" in listing
    assert "Colloque de novembre" not in listing


def test_archives_follow_the_stored_end_of_the_last_session(client, make_event):
    """The archives filter and sort on `Event.last_end`, kept by the sessions' saves and deletions
    instead of an aggregate over every session at each request."""
    from agenda.models import Event

    first = make_event(
        title="Premier", slug="premier", start=paris(2025, 3, 4, 9), end=paris(2025, 3, 4, 12)
    )
    second = make_event(
        title="Second", slug="second", start=paris(2025, 5, 6, 9), end=paris(2025, 5, 6, 12)
    )
    assert Event.objects.get(pk=first.pk).last_end == paris(2025, 3, 4, 12)

    def archived():
        html = client.get("/agenda/archives/").content.decode()
        return re.findall(r'<h2 class="card__title"[^>]*><a href="[^"]+">([^<]+)</a>', html)

    assert archived() == ["Second", "Premier"]
    later = EventSessionFactory(event=first, start=paris(2025, 9, 1, 9), end=paris(2025, 9, 1, 12))
    assert archived() == ["Premier", "Second"]
    to_come = EventSessionFactory(event=second)  # ten days from now: no longer archived
    assert archived() == ["Premier"]
    to_come.delete()
    later.delete()
    assert archived() == ["Second", "Premier"]
    second.sessions.all().delete()
    assert Event.objects.get(pk=second.pk).last_end is None and archived() == ["Premier"]
