"""Shared fixtures: the site structure every page test needs, and users in each role."""

import pytest
from django.contrib.auth.models import Group
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from core.roles import CONTRIBUTORS, EDITORS, JURISTS, MEMBERS
from portal.testing import Client

# Property-based tests (tests/test_fuzz.py): few examples, the same ones on every run (CI is reproducible),
# and no per-example deadline (a page renders in tens of milliseconds, more on a busy CI machine).
hypothesis_settings.register_profile(
    "portal",
    max_examples=25,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
hypothesis_settings.load_profile("portal")


@pytest.fixture
def client():
    """Logins through this client pass the second factor too (see portal/testing.py)."""
    return Client()


@pytest.fixture
def admin_client(db, admin_user):
    client = Client()
    client.force_login(admin_user)
    return client


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: cached feeds and rate-limit counters never leak."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run the block, then the on-commit callbacks, as a real transaction commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def sitemap_locations(client):
    """Every URL the sitemaps give a crawler: the index at /sitemap.xml, then each section it names."""
    import xml.etree.ElementTree as ET  # noqa: S405 (our own output)

    loc = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"

    def read(url):
        response = client.get(url)
        assert response.status_code == 200, url
        return [el.text for el in ET.fromstring(response.content).iter(loc)]  # noqa: S314

    def locations():
        return [page for section in read("/sitemap.xml") for page in read(section)]

    return locations


@pytest.fixture
def home(db):
    from portal.site_structure import ensure_site

    return ensure_site()


@pytest.fixture
def dossier_index(home):
    from content.models import DossierIndexPage

    return DossierIndexPage.objects.get()


@pytest.fixture
def resource_index(home):
    from content.models import ResourceIndexPage

    return ResourceIndexPage.objects.get()


def _user_in(django_user_model, username, group_name=None, **extra):
    user = django_user_model.objects.create_user(
        username=username, password="motdepasse-tres-long", **extra
    )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db, django_user_model):
    return _user_in(django_user_model, "comite", EDITORS, email="comite@example.org")


@pytest.fixture
def contributor(db, django_user_model):
    return _user_in(django_user_model, "contributeur", CONTRIBUTORS, email="contrib@example.org")


@pytest.fixture
def jurist(db, django_user_model):
    return _user_in(django_user_model, "juriste", JURISTS, email="juriste@example.org")


@pytest.fixture
def member(db, django_user_model):
    return _user_in(django_user_model, "membre", MEMBERS, email="membre@example.org")


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser(
        "root", "root@example.org", "motdepasse-tres-long"
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """In CI nothing may be skipped: a test that needs a missing browser or service fails there."""
    import os

    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI") and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"Skipped in CI, which must run everything: {report.longrepr}"
