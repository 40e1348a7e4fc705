"""Every absolute URL the portal writes is on PORTAL_PUBLIC_URL, whatever host the request came in on
or the Wagtail Site record holds; production refuses to start without an https public address."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from wagtail.models import Site

from agenda.factories import EventSessionFactory
from content.factories import ResourcePageFactory
from core.public_url import check_public_url
from helpdesk.factories import CannedAnswerFactory, TicketFactory
from helpdesk.services import answer, canned_text

PUBLIC = "https://portail.example.fr"
# what a reverse proxy that does not forward the Host header sends
BACKEND_HOST = {"HTTP_HOST": "127.0.0.1:8000"}
URL = re.compile(r"https?://[^\s<>\"']+")


@pytest.fixture
def public(settings):
    settings.PORTAL_PUBLIC_URL = PUBLIC
    settings.ALLOWED_HOSTS = ["*"]


@pytest.fixture
def resource(resource_index):
    return ResourcePageFactory(parent=resource_index, title="Rapport annuel", slug="rapport-annuel")


def own_urls(text):
    """The portal's own absolute URLs in `text` (schema and sitemap namespaces are not links)."""
    return [
        url
        for url in URL.findall(text)
        if not url.startswith(
            ("http://www.sitemaps.org", "http://www.w3.org", "https://schema.org")
        )
        and "example.org" not in url
    ]


def test_sitemap_index_and_sections_are_on_the_public_address(client, public, resource):
    Site.objects.update(hostname="localhost", port=80)  # a Site record out of step
    index = client.get("/sitemap.xml", **BACKEND_HOST).content.decode()
    sections = own_urls(index)
    assert sections and all(url.startswith(PUBLIC + "/") for url in sections)
    pages = client.get("/sitemap-pages.xml", **BACKEND_HOST).content.decode()
    assert f"{PUBLIC}/ressources/rapport-annuel/" in pages
    for section in sections:
        path = section.removeprefix(PUBLIC)
        locations = own_urls(client.get(path, **BACKEND_HOST).content.decode())
        assert all(url.startswith(PUBLIC + "/") for url in locations), (path, locations)


def test_robots_txt_names_the_public_sitemap(db, client, public):
    assert (
        f"Sitemap: {PUBLIC}/sitemap.xml"
        in client.get("/robots.txt", **BACKEND_HOST).content.decode()
    )


@pytest.mark.parametrize("path", ["/flux/ressources.rss", "/flux/ressources.atom"])
def test_feeds_link_to_the_public_address(client, public, resource, path):
    Site.objects.update(hostname="localhost", port=80)
    body = client.get(path, **BACKEND_HOST).content.decode()
    urls = own_urls(body)
    assert f"{PUBLIC}/ressources/rapport-annuel/" in urls
    assert f"{PUBLIC}{path}" in urls
    assert all(url.startswith(PUBLIC + "/") for url in urls), urls


def test_calendar_urls_are_on_the_public_address(db, client, public):
    session = EventSessionFactory()
    body = client.get(f"/agenda/{session.event.slug}.ics", **BACKEND_HOST).content.decode()
    body = body.replace("\r\n ", "")  # unfold long lines
    assert f"URL:{PUBLIC}/agenda/{session.event.slug}/" in body
    assert "127.0.0.1" not in body


def test_follow_up_email_and_canned_answer_links_are_on_the_public_address(
    public, jurist, resource, commit
):
    Site.objects.update(hostname="localhost", port=80)
    canned = CannedAnswerFactory()
    canned.pages.add(resource)
    assert f"Rapport annuel : {PUBLIC}/ressources/rapport-annuel/" in canned_text(canned)
    ticket = TicketFactory()
    with commit():
        answer(ticket, "Voici la réponse.", jurist)
    assert mail.outbox and f"{PUBLIC}/permanence/suivi/" in mail.outbox[-1].body


def test_setup_site_keeps_the_wagtail_site_in_step(db, settings):
    settings.PORTAL_PUBLIC_URL = "https://portail.example.fr"
    call_command("setup_site", stdout=open("/dev/null", "w"))  # noqa: SIM115
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == (
        "portail.example.fr",
        443,
        "https://portail.example.fr",
    )
    settings.PORTAL_PUBLIC_URL = "http://127.0.0.1:8000"
    call_command("setup_site", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8000"


@pytest.mark.parametrize(
    "value, error",
    [
        ("", "is not set"),
        ("http://portail.example.fr", "is not an https:// address"),
        ("https://portail.example.fr/portail", "only a scheme, a host and a port"),
        ("https://portail.example.fr", None),
        ("https://portail.example.fr:8443", None),
    ],
)
def test_production_refuses_a_missing_or_plain_http_public_address(settings, value, error):
    settings.DEBUG = False
    settings.PORTAL_PUBLIC_URL = value
    found = check_public_url(None)
    if error is None:
        assert found == []
    else:
        assert [e.id for e in found] == ["portal.E002"] and error in found[0].msg
    settings.DEBUG = True
    assert check_public_url(None) == []
