"""Shorthands of the contract tests: what a query finds, by title or by document key."""

from search.backends.base import SearchRequest


def titles(service, raw, **kwargs):
    response = service.search(SearchRequest(query=service.parse(raw), **kwargs))
    assert response.backend == (service.engine or service.database).name
    return [hit.title for hit in response.hits]


def keys(service, raw, **kwargs):
    return [
        hit.key for hit in service.search(SearchRequest(query=service.parse(raw), **kwargs)).hits
    ]


def key(obj):
    return f"{obj._meta.label_lower}:{obj.pk}"
