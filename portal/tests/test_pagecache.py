"""The anonymous page cache: what is served from it, what never is, and when it goes stale."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.factories import ResourcePageFactory
from directory.factories import ActorFactory, ServiceFactory
from helpdesk.factories import MessageFactory, TicketFactory
from helpdesk.models import MessageKind
from helpdesk.services import issue_token
from search import views as search_views


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_CACHE_MAX_AGE = 60


@pytest.fixture
def resource(resource_index):
    return ResourcePageFactory(parent=resource_index, title="Rapport annuel des hébergements")


def get_counting_queries(client, url, **extra):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    return response, len(queries)


def test_second_visit_is_served_from_the_cache_without_a_query(client, resource):
    first, first_queries = get_counting_queries(client, resource.url)
    second, second_queries = get_counting_queries(client, resource.url)
    assert first.status_code == second.status_code == 200
    assert first_queries > 0 and first["X-Page-Cache"] == "miss"
    assert second_queries == 0 and second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "Rapport annuel des hébergements" in second.content.decode()
    assert (
        second["Cache-Control"]
        == first["Cache-Control"]
        == "public, max-age=0, s-maxage=60, must-revalidate"
    )
    assert second["ETag"] == first["ETag"]
    # Headers of the outer middleware are set on cached answers too.
    assert "Content-Security-Policy" in second and second["Content-Type"].startswith("text/html")


def test_a_client_holding_the_page_gets_a_304(client, resource):
    etag = client.get(resource.url)["ETag"]
    response = client.get(resource.url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304 and response.content == b""


def test_each_url_is_its_own_entry(client, resource_index, resource):
    client.get("/ressources/")
    response = client.get("/ressources/?kind=rapport")
    assert response["X-Page-Cache"] == "miss"


def test_a_publication_is_visible_at_once(client, resource, commit):
    assert "Rapport annuel des hébergements" in client.get("/ressources/").content.decode()
    resource.title = "Rapport révisé des hébergements"
    with commit():
        resource.save_revision().publish()
    html = client.get("/ressources/").content.decode()
    assert "Rapport révisé" in html
    with commit():
        resource.unpublish()
    assert client.get(resource.url).status_code == 404
    assert "Rapport révisé" not in client.get("/ressources/").content.decode()


def test_a_deleted_page_disappears_at_once(client, resource, commit):
    url = resource.url
    assert client.get(url).status_code == 200
    with commit():
        resource.delete()
    assert client.get(url).status_code == 404


def test_an_unmoderated_directory_change_is_visible_at_once(client, db, commit):
    service = ServiceFactory(name="Aide aux devoirs")
    ActorFactory(name="Association Horizon", services=[service])
    assert "Aide aux devoirs" in client.get("/annuaire/").content.decode()
    service.name = "Soutien scolaire"
    with commit():
        service.save()
    html = client.get("/annuaire/").content.decode()
    assert "Soutien scolaire" in html and "Aide aux devoirs" not in html


def test_a_logged_in_user_never_gets_nor_fills_a_cached_page(client, resource, editor):
    client.get(resource.url)  # cached for anonymous visitors
    client.force_login(editor)
    response, queries = get_counting_queries(client, resource.url)
    assert response.status_code == 200 and queries > 0
    assert "X-Page-Cache" not in response
    assert "public" not in response.get("Cache-Control", "")


def test_a_visitor_with_a_session_is_not_served_from_the_cache(client, resource):
    client.get(resource.url)
    client.cookies["sessionid"] = "une-session"
    assert "X-Page-Cache" not in client.get(resource.url)


def test_the_requesters_follow_up_page_is_never_cached(client, db):
    ticket = TicketFactory()
    token = issue_token(ticket)
    url = f"/permanence/suivi/{token}/"
    assert client.get(url).status_code == 200
    MessageFactory(ticket=ticket, kind=MessageKind.ANSWER, body="Réponse de la juriste.")
    response, queries = get_counting_queries(client, url)
    assert queries > 0 and "X-Page-Cache" not in response
    assert "Réponse de la juriste." in response.content.decode()
    assert response["Cache-Control"].startswith("no-store")


def test_a_page_with_a_form_is_not_cached(client, db):
    actor = ActorFactory(name="Association Horizon")  # its page holds the error-report form
    first = client.get(actor.get_absolute_url())
    assert 'name="csrfmiddlewaretoken"' in first.content.decode()
    # Even when the visitor already holds a CSRF cookie (no cookie is set on the answer).
    second, queries = get_counting_queries(client, actor.get_absolute_url())
    assert queries > 0 and "X-Page-Cache" not in second
    assert "public" not in second.get("Cache-Control", "")


def test_rate_limited_answers_are_not_cached(client, db, monkeypatch):
    monkeypatch.setattr(search_views, "API_LIMIT_PER_MINUTE", 2)
    for query in ("asile", "séjour"):
        assert client.get(f"/recherche/api/?q={query}").status_code == 200
    assert client.get("/recherche/api/?q=majorite").status_code == 429
    # Another visitor asking the same thing gets an answer, not the first one's refusal.
    response = client.get("/recherche/api/?q=majorite", REMOTE_ADDR="192.0.2.7")
    assert response.status_code == 200 and response["X-Page-Cache"] == "miss"


def test_the_setting_turns_it_off(client, resource, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(resource.url)
    response, queries = get_counting_queries(client, resource.url)
    assert queries > 0 and "X-Page-Cache" not in response


def test_a_hit_is_answered_before_sessions_csrf_users_and_messages(client, resource, monkeypatch):
    """The cache-hit path is the throughput of the site under load: none of the per-visitor middleware
    runs for it (their order in MIDDLEWARE), and the answer is complete."""
    from django.contrib.auth.middleware import AuthenticationMiddleware
    from django.contrib.messages.middleware import MessageMiddleware
    from django.contrib.sessions.middleware import SessionMiddleware
    from django.middleware.csrf import CsrfViewMiddleware

    client.get(resource.url)
    calls = []
    for middleware in (
        SessionMiddleware,
        CsrfViewMiddleware,
        AuthenticationMiddleware,
        MessageMiddleware,
    ):
        original = middleware.process_request

        def spy(self, request, original=original, name=middleware.__name__):
            calls.append(name)
            return original(self, request)

        monkeypatch.setattr(middleware, "process_request", spy)
    response, queries = get_counting_queries(client, resource.url)
    assert response["X-Page-Cache"] == "hit" and queries == 0
    assert calls == []
    assert int(response["Content-Length"]) == len(response.content) > 0
    assert response["X-Frame-Options"] == "SAMEORIGIN" and "Content-Security-Policy" in response
    assert "X-Request-ID" in response


def test_deleting_a_page_bumps_the_version_without_listening_to_every_model(
    client, resource, commit
):
    """Only page deletions are listened to: rows of other models (search facets, audience counters) are
    deleted without being loaded first, which a receiver for every model forced."""
    from django.db.models.deletion import Collector

    from core import freshness
    from search.models import IndexFacet

    assert Collector(using="default").can_fast_delete(IndexFacet.objects.all())
    before = freshness.version()
    assert "Rapport" in client.get("/ressources/").content.decode()
    with commit():
        resource.delete()
    assert freshness.version() != before
    assert resource.title not in client.get("/ressources/").content.decode()
