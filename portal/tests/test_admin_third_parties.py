"""No page of the admin makes the browser ask a third party for anything (avatars, update checks, fonts):
the admin CSP would block it, and a Gravatar request sends a hash of the user's email elsewhere."""

import re

import pytest
from django.conf import settings

# What a browser fetches by itself: scripts, images, stylesheets, frames, and the URLs Wagtail's scripts
# call (data-*-url attributes).
FETCHED = re.compile(
    r"""(?:\bsrc|\bsrcset|\bposter|\bdata-[\w-]*url)\s*=\s*["']([^"']+)["']"""
    r"""|<link\b[^>]*\bhref\s*=\s*["']([^"']+)["']"""
    r"""|url\(\s*["']?([^"')]+)""",
    re.I,
)


def external(html):
    found = []
    for match in FETCHED.finditer(html):
        for url in filter(None, match.groups()):
            for candidate in url.split(","):
                candidate = candidate.strip().split(" ")[0]
                if re.match(r"^(https?:)?//", candidate) and not re.match(
                    r"^(https?:)?//testserver(/|$)", candidate
                ):
                    found.append(candidate)
    return found


def test_no_gravatar_and_no_update_check():
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/account/",
        "/admin/users/",
        "/admin/pages/",
        "/admin/permanence/",
        "/admin/permanence/{ticket}/",
        "/admin/permanence/statistiques/",
        "/admin/snippets/helpdesk/cannedanswer/",
        "/admin/documents/",
        "/admin/images/",
    ],
)
def test_no_admin_page_references_an_external_host(client, superuser, ticket_factory, path):
    superuser.email = "claire.juriste@example.org"  # what Gravatar would hash
    superuser.first_name = "Claire"
    superuser.save()
    client.force_login(superuser)
    response = client.get(path.format(ticket=ticket_factory().pk), follow=True)
    assert response.status_code == 200
    assert external(response.content.decode()) == []


@pytest.fixture
def ticket_factory(db):
    from helpdesk.factories import TicketFactory

    return TicketFactory


def test_the_check_itself_sees_a_gravatar(client, superuser, settings):
    """The detector finds Wagtail's avatar when a provider is configured: the test above can fail."""
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = "//www.gravatar.com/avatar"
    superuser.email = "claire.juriste@example.org"
    superuser.save()
    client.force_login(superuser)
    assert any("gravatar.com" in url for url in external(client.get("/admin/").content.decode()))
