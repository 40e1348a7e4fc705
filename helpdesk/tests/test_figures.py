"""Due dates in working days, and the yearly statistics on a known data set."""

import csv
import datetime
import io
import zoneinfo

import pytest

from helpdesk import services
from helpdesk.factories import TicketFactory
from helpdesk.models import Topic
from taxonomy.models import Departement

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


@pytest.mark.parametrize(
    "start, days, expected",
    [
        (datetime.date(2026, 3, 2), 5, datetime.date(2026, 3, 9)),  # Monday -> next Monday
        (datetime.date(2026, 3, 6), 1, datetime.date(2026, 3, 9)),  # Friday -> Monday
        (datetime.date(2026, 4, 30), 1, datetime.date(2026, 5, 4)),  # 1 May (Friday) is a holiday
        (datetime.date(2026, 5, 7), 1, datetime.date(2026, 5, 11)),  # 8 May (Friday) is a holiday
        (datetime.date(2026, 12, 24), 1, datetime.date(2026, 12, 28)),  # Christmas (Friday)
        (
            datetime.date(2026, 12, 31),
            1,
            datetime.date(2027, 1, 4),
        ),  # New Year's Day, then a weekend
    ],
)
def test_working_days_skip_weekends_and_french_holidays(start, days, expected):
    assert services.add_working_days(start, days) == expected


def test_due_date_target_is_configurable(settings):
    settings.HELPDESK_TARGET_WORKING_DAYS = 10
    created = datetime.datetime(2026, 4, 3, 15, tzinfo=PARIS)  # Friday before Easter Monday
    assert services.due_date_for(created) == datetime.date(2026, 4, 20)


@pytest.fixture
def known_year(db):
    apt = Topic.objects.get(slug="autorisation-provisoire-travail")
    nat = Topic.objects.get(slug="declaration-nationalite")
    paris, nord = Departement.objects.get(code="75"), Departement.objects.get(code="59")

    def at(month, day):
        return datetime.datetime(2025, month, day, 10, tzinfo=PARIS)

    delays = [1, 2, 3, 4, 10]  # days to the first answer
    for n, delay in enumerate(delays):
        created = at(1, 6 + n)
        TicketFactory(
            created_at=created,
            first_answer_at=created + datetime.timedelta(days=delay),
            topic=apt,
            departement=paris,
            profession="avocat",
        )
    TicketFactory(created_at=at(3, 2), topic=nat, departement=nord, profession="educateur")
    TicketFactory(created_at=at(3, 3), topic=nat, departement=nord, profession="educateur")
    TicketFactory(
        created_at=datetime.datetime(2024, 12, 31, 23, tzinfo=PARIS)
    )  # outside the period


def test_statistics_on_a_known_data_set(known_year):
    figures = services.statistics_for(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    assert figures["total"] == 7
    assert figures["answered"] == 5
    assert figures["median_days"] == 3.0
    assert figures["p90_days"] == 7.6  # 4 + 0.6 * (10 - 4)
    months = dict(figures["months"])
    assert months[datetime.date(2025, 1, 1)] == 5 and months[datetime.date(2025, 3, 1)] == 2
    assert months[datetime.date(2025, 2, 1)] == 0 and len(months) == 12
    assert figures["topics"] == [
        ("Autorisation provisoire de travail (APT)", 5),
        ("Déclaration de nationalité française", 2),
    ]
    assert figures["departements"] == [("75 – Paris", 5), ("59 – Nord", 2)]
    assert dict(figures["professions"]) == {"Avocat(e)": 5, "Éducateur ou éducatrice": 2}


def test_statistics_page_and_csv_exports(client, jurist, known_year):
    client.force_login(jurist)
    page = client.get(
        "/admin/permanence/statistiques/?debut=2025-01-01&fin=2025-12-31"
    ).content.decode()
    assert '<strong id="stat-total">7</strong>' in page
    assert "3,0 jours" in page or "3.0 jours" in page
    assert "helpdesk-bar" in page

    internal = client.get("/admin/permanence/statistiques.csv?debut=2025-01-01&fin=2025-12-31")
    rows = list(csv.reader(io.StringIO(internal.content.decode("utf-8-sig")), delimiter=";"))
    assert ["département", "59 – Nord", "2"] in rows
    assert ["délai de première réponse (jours)", "médiane", "3,0"] in rows
    assert internal["Content-Disposition"].startswith("attachment")

    public = client.get(
        "/admin/permanence/statistiques.csv?debut=2025-01-01&fin=2025-12-31&publication=1"
    )
    rows = list(csv.reader(io.StringIO(public.content.decode("utf-8-sig")), delimiter=";"))
    assert ["département", "59 – Nord", "< 5"] in rows
    assert ["département", "75 – Paris", "5"] in rows


def test_statistics_csv_never_carries_a_formula(client, jurist, known_year):
    Topic.objects.filter(slug="declaration-nationalite").update(name='=HYPERLINK("http://x")')
    client.force_login(jurist)
    response = client.get("/admin/permanence/statistiques.csv?debut=2025-01-01&fin=2025-12-31")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert ["sujet", '\'=HYPERLINK("http://x")', "2"] in rows


@pytest.mark.parametrize(
    "query",
    [
        "debut=n'importe&fin=",
        "debut=2025-13-01",
        "debut=2025-06-01&fin=2020-01-01",
        "fin=%00",
        # the extremes of the date type overflowed (500) when the period became datetimes
        "debut=9999-12-31",
        "debut=0001-01-01&fin=9999-12-31",
        "debut=2025-01-01&fin=9999-12-31",
    ],
)
def test_invalid_period_falls_back_to_a_year(client, jurist, query):
    client.force_login(jurist)
    assert client.get(f"/admin/permanence/statistiques/?{query}").status_code == 200
    assert client.get(f"/admin/permanence/statistiques.csv?{query}").status_code == 200
