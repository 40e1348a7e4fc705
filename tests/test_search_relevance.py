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

# The relevance set's own additions (tags, départements, references, flooding kinds) on top of the corpus.
CORPUS_BUILDER = "build_extended"

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


def test_expected_documents_come_in_the_top_three(corpus_service, corpus_items):  # noqa: F811
    failures = []
    for raw, expected in CASES:
        hits = corpus_service.search(
            SearchRequest(query=corpus_service.parse(raw), per_page=3)
        ).hits
        if key(corpus_items[expected]) not in [hit.key for hit in hits]:
            failures.append(f"{raw!r}: expected {expected}, got {[hit.title for hit in hits]}")
    found = len(CASES) - len(failures)
    assert not failures, f"{found}/{len(CASES)} in the top three:\n" + "\n".join(failures)


def test_snippets_show_no_web_address(corpus_service, corpus_items):  # noqa: F811
    hits = corpus_service.search(
        SearchRequest(query=corpus_service.parse("accueil jeunes confiés"))
    )
    snippets = [str(hit.snippet) for hit in hits.hits]
    schema = next(s for h, s in zip(hits.hits, snippets, strict=True) if "Orientations" in s)
    assert "texte intégral" in schema and "annexes sur" in schema
    assert not [s for s in snippets if "http" in s or "www." in s or "example.org" in s]
