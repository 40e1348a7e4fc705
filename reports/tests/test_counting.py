"""Audience counting: what counts as a view, its referrer category, the page cache, documents, bots,
the admin and the helpdesk's private pages, a failing store, and that nothing personal is stored."""

import logging

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError, connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone
from wagtail.documents import get_document_model

from reports import counting
from reports.models import DocumentDownloadCount, PageViewCount, ReferrerCategory

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
BROWSER = {"HTTP_USER_AGENT": FIREFOX, "HTTP_ACCEPT": "text/html,application/xhtml+xml"}


@pytest.fixture(autouse=True)
def empty_buffer():
    counting.buffer.take()
    yield
    counting.buffer.take()


def views():
    """The counters, once the views waiting in the buffer are written."""
    counting.flush()
    return {(row.path, row.referrer): row.views for row in PageViewCount.objects.all()}


@pytest.fixture
def documents_root(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_a_page_view_adds_one_to_the_days_counter(client, home):
    assert client.get("/", **BROWSER).status_code == 200
    assert client.get("/", **BROWSER).status_code == 200
    counting.flush()
    row = PageViewCount.objects.get()
    assert (row.day, row.path, row.referrer, row.views) == (
        timezone.localdate(),
        "/",
        ReferrerCategory.DIRECT,
        2,
    )


def test_the_query_string_is_never_stored(client, home):
    client.get("/?q=nom+du+jeune&utm_source=lettre", **BROWSER)
    assert views() == {("/", "direct"): 1}


@pytest.mark.parametrize(
    "referrer, query, category",
    [
        ("", "", "direct"),
        ("https://www.google.fr/", "", "search"),
        ("https://duckduckgo.com/", "", "search"),
        ("https://www.qwant.com/?q=mna", "", "search"),
        ("android-app://com.google.android.googlequicksearchbox/", "", "search"),
        ("https://mail.google.com/mail/u/0/", "", "email"),
        ("https://webmail.free.fr/", "", "email"),
        ("https://outlook.office.com/mail/", "", "email"),
        ("", "utm_medium=email&utm_source=lettre", "email"),
        ("https://www.infomie.net/", "", "site"),
        ("https://docs.google.com/document/d/1", "", "site"),
        ("http://testserver/ressources/", "", "internal"),
        ("not a url", "", "direct"),
    ],
)
def test_referrer_categories(referrer, query, category):
    request = RequestFactory().get(f"/?{query}", HTTP_REFERER=referrer)
    assert counting.referrer_category(request) == category


def test_visits_from_another_site_and_inside_the_portal(client, home):
    client.get("/", HTTP_REFERER="https://www.bing.com/search?q=mna", **BROWSER)
    client.get("/", HTTP_REFERER="http://testserver/", **BROWSER)
    assert views() == {("/", "search"): 1, ("/", "internal"): 1}


@pytest.mark.parametrize(
    "user_agent",
    [
        "",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "facebookexternalhit/1.1",
        "curl/8.5.0",
        "python-requests/2.32",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/120.0 Safari/537.36",
        "UptimeRobot/2.0",
    ],
)
def test_bots_and_scripts_are_not_counted(client, home, user_agent):
    client.get("/", HTTP_USER_AGENT=user_agent, HTTP_ACCEPT="text/html")
    assert views() == {}


@pytest.mark.parametrize(
    "user_agent",
    [
        FIREFOX,
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
        "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) "
        "SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36",
    ],
)
def test_browsers_are_not_taken_for_bots(user_agent):
    assert not counting.is_bot(user_agent)


def test_the_admin_is_not_counted(client, editor, home):
    client.force_login(editor)
    assert client.get("/admin/", **BROWSER).status_code == 200
    assert views() == {}


@pytest.mark.parametrize(
    "path",
    [
        "/permanence/suivi/jeton-secret/",
        "/abonnements/gerer/jeton-secret/",
        "/abonnements/confirmer/jeton-secret/",
        "/abonnements/desinscription/jeton-secret/",
    ],
)
def test_private_pages_with_a_token_are_never_counted(path):
    request = RequestFactory().get(path, **BROWSER)
    assert counting.what_to_count(request, HttpResponse("<p>suivi</p>")) is None


def test_pages_marked_noindex_are_private_and_not_counted():
    response = HttpResponse("<p>vos abonnements</p>")
    response["X-Robots-Tag"] = "noindex, nofollow"
    request = RequestFactory().get("/une-page-personnelle/", **BROWSER)
    assert counting.what_to_count(request, response) is None


def test_the_helpdesk_form_is_counted():
    public = RequestFactory().get("/permanence/", **BROWSER)
    assert counting.what_to_count(public, HttpResponse("<form>")) == ("page", "/permanence/")


def test_errors_posts_heads_prefetches_and_previews_are_not_counted(client, home):
    assert client.get("/page-qui-n-existe-pas/", **BROWSER).status_code == 404
    client.head("/", **BROWSER)
    client.post("/", **BROWSER)
    client.get("/", HTTP_SEC_PURPOSE="prefetch", **BROWSER)
    preview = RequestFactory().get("/", **BROWSER)
    preview.is_preview = True
    assert counting.what_to_count(preview, HttpResponse("<p>aperçu</p>")) is None
    assert views() == {}


def test_feeds_and_other_non_html_answers_are_not_page_views(client, home):
    client.get("/robots.txt", **BROWSER)
    assert views() == {}


def test_pages_served_from_the_page_cache_are_counted(client, home, settings):
    settings.PAGE_CACHE_SECONDS = 300
    first = client.get("/", **BROWSER)
    second = client.get("/", **BROWSER)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    # A browser showing the page again revalidates it: the 304 is a view too.
    again = client.get("/", HTTP_IF_NONE_MATCH=first["ETag"], **BROWSER)
    assert again.status_code == 304
    assert views() == {("/", "direct"): 3}


def test_document_downloads_are_counted_per_document(client, documents_root):
    document = get_document_model().objects.create(
        title="Guide", file=SimpleUploadedFile("guide.csv", b"a;b\n")
    )
    client.get(document.url, HTTP_USER_AGENT=FIREFOX)
    client.get(document.url, HTTP_USER_AGENT=FIREFOX)
    client.get(document.url, HTTP_USER_AGENT="Googlebot/2.1")
    client.get(f"/documents/{document.pk}/autre-nom.csv", HTTP_USER_AGENT=FIREFOX)  # 404
    assert views() == {}
    row = DocumentDownloadCount.objects.get()
    assert (row.document_id, row.downloads) == (document.pk, 2)


def test_a_failing_store_is_logged_and_the_page_served(client, home, monkeypatch, caplog, settings):
    def broken(*args, **kwargs):
        raise OperationalError("database is locked")

    working = counting._increment
    monkeypatch.setattr(counting, "_increment", broken)
    settings.AUDIENCE_FLUSH_VIEWS = 1  # written as soon as served
    with caplog.at_level(logging.ERROR, logger="reports.counting"):
        response = client.get("/", **BROWSER)
    assert response.status_code == 200
    assert "Audience counting failed: 1 views not recorded" in caplog.text
    # The request's transaction is intact: the next view is counted once the store is back.
    monkeypatch.setattr(counting, "_increment", working)
    client.get("/", **BROWSER)
    assert views() == {("/", "direct"): 1}


def test_a_failing_database_write_rolls_back_only_the_count(client, home, monkeypatch, caplog):
    original = PageViewCount.objects.create

    def failing_create(**kwargs):
        original(**kwargs)
        raise OperationalError("disk I/O error")

    monkeypatch.setattr(PageViewCount.objects, "create", failing_create)
    with caplog.at_level(logging.ERROR, logger="reports.counting"):
        assert client.get("/", **BROWSER).status_code == 200
        counting.flush()
    assert "disk I/O error" in caplog.text
    assert not PageViewCount.objects.exists()


def test_the_setting_turns_counting_off(client, home, settings):
    settings.AUDIENCE_COUNTING = False
    client.get("/", **BROWSER)
    assert views() == {}


def test_views_wait_in_memory_and_are_written_together(client, home, settings):
    settings.AUDIENCE_FLUSH_VIEWS, settings.AUDIENCE_FLUSH_SECONDS = 3, 3600
    client.get("/", **BROWSER)
    client.get("/", HTTP_REFERER="https://www.google.com/", **BROWSER)
    assert not PageViewCount.objects.exists()  # two views wait
    client.get("/", **BROWSER)  # the third: all written once it is served
    assert not counting.buffer.counts
    assert {(r.referrer, r.views) for r in PageViewCount.objects.all()} == {
        ("direct", 2),
        ("search", 1),
    }
    settings.AUDIENCE_FLUSH_SECONDS = 0  # the oldest view has waited long enough
    client.get("/", **BROWSER)
    assert PageViewCount.objects.get(referrer="direct").views == 3


def test_nothing_personal_is_stored(client, home):
    """The tables have no column for an address, a user agent, a referrer URL, a cookie or an id of
    the visitor; and a view with all of them stores only the day, path, category and count."""

    def columns(model):
        with connection.cursor() as cursor:
            return {
                column.name
                for column in connection.introspection.get_table_description(
                    cursor, model._meta.db_table
                )
            }

    assert columns(PageViewCount) == {"id", "day", "path", "referrer", "views"}
    assert columns(DocumentDownloadCount) == {"id", "day", "document_id", "downloads"}
    response = client.get(
        "/?email=camille@example.org",
        REMOTE_ADDR="203.0.113.7",
        HTTP_REFERER="https://www.example.org/fiche?nom=Camille",
        **BROWSER,
    )
    # Counting sets no cookie (the CSRF one is the home page's search form's, not the counter's).
    assert set(response.cookies) <= {"csrftoken"}
    counting.flush()
    stored = list(PageViewCount.objects.values_list("day", "path", "referrer", "views"))
    assert stored == [(timezone.localdate(), "/", "site", 1)]


def test_the_data_protection_page_says_what_is_counted(client, home):
    page = client.get("/donnees-personnelles/").content.decode()
    assert "Mesure d'audience" in page
    assert "aucun cookie de mesure" in page
    assert "ne permettent de reconnaître personne" in page
