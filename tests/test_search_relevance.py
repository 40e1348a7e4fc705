"""Relevance: what a professional types, and what must come first (in the top 3) on every backend.

The corpus is `search/tests/corpus.py` (demo-like, plus the glossary installed by migration), built
once per backend (`indexed_corpus`)."""

from search.backends.base import SearchRequest
from search.tests.fixtures import (  # noqa: F401
    _fresh_cache,
    corpus_items,
    corpus_service,
    elasticsearch_server,
    indexed_corpus,
)
from search.tests.helpers import key

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


def test_expected_documents_come_in_the_top_three(corpus_service, corpus_items):  # noqa: F811
    failures = []
    for raw, expected in CASES:
        hits = corpus_service.search(
            SearchRequest(query=corpus_service.parse(raw), per_page=3)
        ).hits
        if key(corpus_items[expected]) not in [hit.key for hit in hits]:
            failures.append(f"{raw!r}: expected {expected}, got {[hit.title for hit in hits]}")
    assert not failures, "\n".join(failures)
