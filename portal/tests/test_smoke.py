import pytest


@pytest.mark.django_db
def test_home_page_answers(client, home):
    response = client.get("/")
    assert response.status_code == 200
    assert "Portail MNA" in response.content.decode()


@pytest.mark.django_db
def test_public_pages_send_a_strict_content_security_policy(client, home):
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self';" in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'self'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_pages_load_no_third_party_asset(client, home):
    import re

    html = client.get("/").content.decode()
    for url in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert not url.startswith(("http://", "https://", "//")) or url.startswith(
            "http://testserver"
        ), url


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/admin/login/", "/admin/", "/admin/permanence/"])
def test_the_admin_sends_a_same_origin_content_security_policy(superuser, url):
    from portal.testing import Client

    client = Client()
    if url != "/admin/login/":
        client.force_login(superuser)
    response = client.get(url)
    assert response.status_code == 200
    directives = {
        part.split()[0]: part.split()[1:]
        for part in response.headers["Content-Security-Policy"].split(";")
        if part.strip()
    }
    assert directives["default-src"] == ["'self'"]
    for name in ("connect-src", "img-src", "font-src", "frame-src", "form-action"):
        assert "'self'" in directives[name] and not {"*", "https:", "http:"} & set(directives[name])
    assert directives["object-src"] == ["'none'"]
    assert "'unsafe-eval'" not in directives["script-src"]


@pytest.mark.django_db
def test_the_tools_and_the_newsletter_archive_are_in_the_menu_and_the_sitemap(
    client, home, sitemap_locations
):
    html = client.get("/").content.decode()
    assert 'href="/outils/"' in html and ">Outils<" in html
    paths = {location.split("://", 1)[1].partition("/")[2] for location in sitemap_locations()}
    assert {"outils/", "outils/financement-etat/", "lettre/"} <= paths
    for path in ("/outils/", "/outils/financement-etat/", "/lettre/"):
        assert client.get(path).status_code == 200, path
