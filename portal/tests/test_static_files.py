"""Static files and feeds carry what lets browsers and a reverse proxy keep them (issue 11)."""

import pytest
from django.core.management import call_command
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from whitenoise.middleware import WhiteNoiseMiddleware

from content.factories import ResourcePageFactory


@pytest.fixture
def collected(tmp_path):
    """A static root collected with the production storage (hashed names and a manifest)."""
    source = tmp_path / "source"
    (source / "css").mkdir(parents=True)
    (source / "css" / "site.css").write_text(".note { color: #1a1a1a; }\n" * 200)
    with override_settings(
        STATICFILES_DIRS=[source],
        STATIC_ROOT=tmp_path / "static",
        STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
        },
        WHITENOISE_AUTOREFRESH=False,
        WHITENOISE_USE_FINDERS=False,
        DEBUG=False,
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
        from django.contrib.staticfiles.storage import staticfiles_storage

        yield WhiteNoiseMiddleware(lambda request: HttpResponse("page")), staticfiles_storage


def test_hashed_static_files_are_cached_for_ever(collected):
    middleware, storage = collected
    url = storage.url("css/site.css")
    assert url != "/static/css/site.css"  # a content hash in the name
    response = middleware(RequestFactory().get(url, HTTP_ACCEPT_ENCODING="gzip"))
    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=315360000, public, immutable"
    assert response["Content-Encoding"] == "gzip" and "Accept-Encoding" in response["Vary"]
    assert response.has_header("Last-Modified") and response.has_header("ETag")


def test_a_static_file_under_its_plain_name_is_only_kept_a_minute(collected):
    middleware, _ = collected
    response = middleware(RequestFactory().get("/static/css/site.css"))
    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=60, public"


@pytest.mark.parametrize("url", ["/flux/ressources.rss", "/sitemap.xml", "/agenda.ics"])
def test_feeds_can_be_revalidated_and_kept_by_a_proxy(client, resource_index, url):
    ResourcePageFactory(parent=resource_index, title="Guide de l'évaluation")
    first = client.get(url)
    assert first.status_code == 200
    assert first["Cache-Control"].startswith("public, max-age=")
    assert first.has_header("Last-Modified") and first.has_header("ETag")
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
