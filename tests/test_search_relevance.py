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
    # No document holds every word: those holding most of them come, the best first.
    ("tests osseux", "evaluation"),
    ("radiographies osseuses mineur contestation", "osseux"),
    ("delai refus admission ASE", "recours"),
    ("apprentissage contrat signature employeur", "apt"),
    ("scolarisation lycee professionnel allophones", "scolarisation"),
    # Tags.
    ("visa biometrique", "evaluation"),
    ("sortie de l'ASE", "jeune_majeur"),
    ("DELF", "scolarisation"),
    ("perequation", "cle"),
    # Names of départements and regions.
    ("Bouches-du-Rhône", "schema_13"),
    ("schema Provence-Alpes-Cote d'Azur", "schema_13"),
    ("Mayotte", "maore"),
    ("Hérault", "journee_34"),
    ("Occitanie", "journee_34"),
    ("Seine-Saint-Denis delegation", "dap"),
    # Legal references, however they are typed.
    ("L221-2-4", "casf"),
    ("L. 221-2-4", "casf"),
    ("L.221-2-4", "casf"),
    ("article 221-2-4", "casf"),
    ("R. 221-11", "decret_2019"),
    ("article R221-11", "decret_2019"),
    ("2019-57", "decret_2019"),
    ("decret n°2019-57", "decret_2019"),
    ("décret n° 2023-1240", "financement"),
    ("2023-1240", "financement"),
    # A dozen near-identical directory entries must not hide the dossier.
    ("accueil ASE", "qui_fait_quoi"),
    ("placement ASE", "qui_fait_quoi"),
]


@pytest.fixture
def corpus_items(search_service, home):  # noqa: F811 (fixture imported above)
    items = corpus.build_extended()
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
    found = len(CASES) - len(failures)
    assert not failures, f"{found}/{len(CASES)} in the top three:\n" + "\n".join(failures)


def test_snippets_show_no_web_address(search_service, corpus_items):  # noqa: F811
    hits = search_service.search(
        SearchRequest(query=search_service.parse("accueil jeunes confiés"))
    )
    snippets = [str(hit.snippet) for hit in hits.hits]
    schema = next(s for h, s in zip(hits.hits, snippets, strict=True) if "Orientations" in s)
    assert "texte intégral" in schema and "annexes sur" in schema
    assert not [s for s in snippets if "http" in s or "www." in s or "example.org" in s]
