"""The client address used by rate limits cannot be chosen by the client behind a proxy."""

import pytest
from django.test import RequestFactory

from core.ratelimit import client_ip


def request_from(remote_addr, forwarded=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote_addr, **headers)


def test_without_trusted_proxy_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request_from("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


@pytest.mark.parametrize(
    ("forwarded", "expected"),
    [
        ("203.0.113.7", "203.0.113.7"),
        # The client sent its own header: the proxy appended the real address after it.
        ("1.2.3.4, 203.0.113.7", "203.0.113.7"),
        ("1.2.3.4, 5.6.7.8,203.0.113.7", "203.0.113.7"),
    ],
)
def test_one_proxy_takes_the_right_most_hop(settings, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request_from("10.0.0.2", forwarded)) == expected


def test_two_proxies_skip_the_inner_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    request = request_from("10.0.0.3", "1.2.3.4, 203.0.113.7, 10.0.0.2")
    assert client_ip(request) == "203.0.113.7"


@pytest.mark.django_db
def test_spoofed_headers_do_not_escape_the_limit(settings, client, monkeypatch):
    """A client inventing a new X-Forwarded-For on each request is still limited by its address."""
    settings.TRUSTED_PROXY_COUNT = 1
    monkeypatch.setattr("search.views.API_LIMIT_PER_MINUTE", 3)
    statuses = [
        client.get(
            "/recherche/api/",
            {"q": "mineur"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}, 203.0.113.7",
        ).status_code
        for n in range(5)
    ]
    assert statuses == [200, 200, 200, 429, 429]


@pytest.mark.parametrize("forwarded", ["", " , ", "not-an-ip", "203.0.113.7, <script>"])
def test_a_missing_or_garbled_hop_falls_back_to_the_peer(settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request_from("10.0.0.2", forwarded)) == "10.0.0.2"
