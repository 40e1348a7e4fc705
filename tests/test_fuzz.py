"""Property-based fuzzing of every public form and query parameter: whatever a visitor or a robot sends,
the portal answers without a server error, ignoring what it cannot use or saying what is wrong.

Hypothesis runs with the "portal" profile (conftest.py): bounded and derandomized, so CI is reproducible.
"""

import pytest
from django.core.cache import cache
from hypothesis import given
from hypothesis import strategies as st

from agenda.factories import EventFactory
from directory.factories import ActorFactory

# Odd values seen in the wild or found by fuzzing: non-ASCII digits ("²", "٣"), signs, huge numbers,
# control characters, markup, SQL and full-text operators, very long strings.
ODD_VALUES = [
    "",
    " ",
    "²",
    "٣",
    "2024²",
    "-1",
    "0",
    "9" * 40,
    "1e9",
    "\x00",
    "\x1f\x7f",
    "2026-13",
    "0000-00",
    "9999-99",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    '"unterminated',
    "a* OR b~ NEAR(c)",
    "ÉÈ ç œ 🎉",
    "x" * 5000,
]
SPECIAL = st.sampled_from(ODD_VALUES)
VALUES = st.one_of(SPECIAL, st.text(max_size=60), st.integers().map(str))
PARAMS = {
    "/ressources/": ["kind", "theme", "year", "tag", "page"],
    "/recherche/": ["q", "kind", "theme", "departement", "year", "sort", "page"],
    "/recherche/api/": ["q", "kind", "theme", "departement", "year", "sort", "page"],
    "/recherche/suggest/": ["q"],
    "/agenda/": ["kind", "format", "theme", "departement", "month", "view", "page"],
    "/agenda.ics": ["kind", "format", "theme", "departement", "month"],
    "/agenda/archives/": ["page"],
    "/annuaire/": ["q", "departement", "kind", "service", "theme", "page"],
    "/annuaire/export.csv": ["q", "departement", "kind", "service", "theme"],
    "/annuaire/export.json": ["q", "departement", "kind", "service", "theme"],
    "/lexique/": ["q", "page"],
    "/permanence/": ["topic"],
}


def query(names):
    return st.dictionaries(st.sampled_from(names), st.lists(VALUES, min_size=1, max_size=3))


@pytest.fixture
def site(home):
    ActorFactory(name="Acteur de test", slug="acteur-de-test")
    EventFactory(title="Évènement de test")
    return home


def assert_answered(response):
    assert response.status_code < 500, response.content[:500]


@pytest.mark.django_db
@pytest.mark.parametrize("url", list(PARAMS))
def test_query_parameters_never_cause_a_server_error(client, site, url):
    @given(params=query(PARAMS[url]))
    def check(params):
        cache.clear()  # rate limits would otherwise answer 429 before the parameters are read
        assert_answered(client.get(url, params))

    check()


@pytest.mark.django_db
@pytest.mark.parametrize("url", list(PARAMS))
def test_each_odd_value_in_every_parameter(client, site, url):
    """The known odd values, each one in every parameter at once: found on every run, not by chance."""
    for value in ODD_VALUES:
        cache.clear()
        assert_answered(client.get(url, dict.fromkeys(PARAMS[url], value)))


@pytest.mark.django_db
def test_agenda_month_paths_never_cause_a_server_error(client, site):
    @given(month=st.one_of(SPECIAL, st.text(min_size=1, max_size=20)))
    def check(month):
        month = month.replace("/", "").replace("?", "").replace("#", "") or "x"
        assert_answered(client.get(f"/agenda/mois/{month}/"))

    check()


HELPDESK_FIELDS = [
    "requester_name",
    "requester_email",
    "requester_phone",
    "profession",
    "structure",
    "departement",
    "topic",
    "age_band",
    "care_status",
    "question",
    "consent",
]


@pytest.mark.django_db
def test_the_helpdesk_form_answers_bad_input_with_form_errors(client, site):
    @given(data=st.fixed_dictionaries({}, optional=dict.fromkeys(HELPDESK_FIELDS, VALUES)))
    def check(data):
        cache.clear()
        response = client.post("/permanence/", data)
        assert_answered(response)
        if response.status_code == 200:
            assert "Erreur" in response.content.decode() or "erreur" in response.content.decode()

    check()


@pytest.mark.django_db
def test_the_directory_error_report_answers_bad_input_with_form_errors(client, site):
    fields = ["message", "reporter_name", "reporter_email"]

    @given(data=st.fixed_dictionaries({}, optional=dict.fromkeys(fields, VALUES)))
    def check(data):
        cache.clear()
        response = client.post("/annuaire/acteur-de-test/", data)
        assert_answered(response)
        if response.status_code == 200:
            assert "erreur" in response.content.decode().lower()

    check()


@pytest.mark.django_db
def test_nul_characters_in_parameters_are_dropped(client, site):
    """PostgreSQL refuses NUL in text: found by the fuzzing above as a 500 on search and the library."""
    response = client.get("/recherche/", {"q": "accueil\x00"})
    assert response.status_code == 200
    assert response.context["search"].q == "accueil"
