"""Golden files pin the Elasticsearch mapping and the query bodies the backend sends: a change to them
must be deliberate. Regenerate with `UPDATE_GOLDEN=1 pytest search/tests/test_golden.py` and review the diff."""

import json
import os
from pathlib import Path

import pytest

from search import text
from search.backends.base import SearchRequest
from search.backends.elasticsearch import build_search, build_suggest, index_settings, mapping

GOLDEN = Path(__file__).parent / "golden"


def check(name, value):
    path = GOLDEN / f"{name}.json"
    rendered = json.dumps(value, indent=2, ensure_ascii=True, sort_keys=True) + "\n"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(rendered, encoding="utf-8")
    assert rendered == path.read_text(encoding="utf-8"), (
        f"{path.name} changed: review, then UPDATE_GOLDEN=1"
    )


def test_mapping():
    check("mapping", mapping())


def test_index_settings():
    """The analyzer: the same stop words and stemmer as the database backend's `search.text`."""
    check("index_settings", index_settings())


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, raw, filters, sort, page",
    [
        ("query_words", "évaluation mineurs", {}, "relevance", 1),
        (
            "query_acronym_phrase_filters",
            'APT "contrat d\'apprentissage"',
            {"kind": ["ressource"], "year": ["2024"]},
            "date",
            3,
        ),
        ("query_filters_only", "", {"theme": ["asile"], "departement": ["93"]}, "relevance", 1),
        ("query_partial", "tests osseux L. 221-2-4", {}, "relevance", 1),
    ],
)
def test_query_bodies(name, raw, filters, sort, page):
    request = SearchRequest(query=text.parse(raw), filters=filters, sort=sort, page=page)
    if name == "query_partial":
        request.min_clauses = 2  # the fallback when no document matches every clause
    check(name, build_search(request).to_dict())


def test_suggest_body():
    check("suggest", build_suggest("autorisation prov").to_dict())
