"""Relevance: what a professional types, and what must come first (in the top 3) on every backend.

The corpus is `search/tests/corpus.py` (demo-like, plus the glossary installed by migration)."""

import pytest

from search.backends.base import SearchRequest
from search.tests import corpus
from search.tests.fixtures import _fresh_cache, elasticsearch_server, search_service  # noqa: F401

CASES = [
    ("APT", "apt"),
    ("autorisation de travail", "apt"),
    ("apprentissage", "apt"),
    ("evaluation minorite", "evaluation"),
    ("examens osseux", "osseux"),
    ("radiographie", "osseux"),
    ("cle de repartition", "cle"),
    ("mineurs isoles etrangers", "rapport_mie"),
    ("nationalite francaise", "nationalite"),
    ("article 21-12", "nationalite"),
    ("jeune majeur", "jeune_majeur"),
    ("contrat jeune majeur", "jeune_majeur"),
    ("allophones", "scolarisation"),
    ("UPE2A", "scolarisation"),
    ("OQTF", "oqtf"),
    ("obligation de quitter le territoire", "oqtf"),
    ("mise a l'abri", "abri"),
    ("titre de sejour", "majorite"),
    ("500 euros evaluation", "financement"),
    ("decret 2023-1240", "financement"),
    ("Seine-Saint-Denis", "protocole"),
    ("delegation d'autorite parentale", "dap"),
    ("mission locale", "mission_locale"),
    ("refus de prise en charge", "recours"),
    ("scolarsiation", "scolarisation"),
]


@pytest.fixture
def corpus_items(search_service, home):  # noqa: F811 (fixture imported above)
    items = corpus.build()
    search_service.rebuild()
    return items


def test_expected_documents_come_in_the_top_three(search_service, corpus_items):  # noqa: F811
    failures = []
    for raw, expected in CASES:
        obj = corpus_items[expected]
        key = f"{obj._meta.label_lower}:{obj.pk}"
        hits = search_service.search(
            SearchRequest(query=search_service.parse(raw), per_page=3)
        ).hits
        if key not in [hit.key for hit in hits]:
            failures.append(f"{raw!r}: expected {expected}, got {[hit.title for hit in hits]}")
    assert not failures, "\n".join(failures)
