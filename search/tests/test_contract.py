"""The contract every backend honours, run against each of them on one shared corpus, indexed once per
backend (`indexed_corpus`); the tests that write to the index are in test_contract_writes.py."""

from urllib.parse import urlencode

from django.http import QueryDict

from search.backends.base import SearchRequest
from search.services import run_search

from .helpers import key, keys, titles


def test_accents_and_case_are_ignored(corpus_service, corpus_items):
    for raw in [
        "EVALUATION de la minorite",
        "évaluation de la minorité",
        "Évaluation De La Minorité",
    ]:
        assert key(corpus_items["evaluation"]) in keys(corpus_service, raw)


def test_plurals_and_light_stemming(corpus_service, corpus_items):
    assert key(corpus_items["osseux"]) in keys(corpus_service, "examen osseux")
    assert key(corpus_items["scolarisation"]) in keys(corpus_service, "élève allophone")
    assert key(corpus_items["jeune_majeur"]) in keys(corpus_service, "contrats jeunes majeurs")


def test_acronyms_and_synonyms_from_the_glossary(corpus_service, corpus_items):
    # MIE is the old name of MNA: both find the content using either.
    assert key(corpus_items["rapport_mie"]) in keys(corpus_service, "MNA")
    assert key(corpus_items["cle"]) in keys(corpus_service, "mie")
    # APT expands to its long form, and the long form finds the acronym's entry.
    assert key(corpus_items["apt"]) in keys(corpus_service, "APT")
    assert "APT (Autorisation provisoire de travail)" in titles(
        corpus_service, "autorisation provisoire de travail"
    )


def test_phrase_in_quotes_keeps_word_order(corpus_service, corpus_items):
    found = keys(corpus_service, '"mise à l\'abri"')
    assert key(corpus_items["abri"]) in found
    assert key(corpus_items["financement"]) in found
    assert key(corpus_items["evaluation"]) not in keys(
        corpus_service, '"minorité de l\'évaluation"'
    )


def test_a_typo_in_a_long_word_is_tolerated(corpus_service, corpus_items):
    assert key(corpus_items["scolarisation"]) in keys(corpus_service, "scolarsiation")
    assert corpus_service.parse("scolarsiation").did_you_mean == "scolarisation"


def test_every_word_must_match(corpus_service, corpus_items):
    # While some document holds every word, only those come (the fallback is in test_matching.py).
    response = corpus_service.search(SearchRequest(query=corpus_service.parse("examens osseux")))
    assert not response.partial
    assert key(corpus_items["osseux"]) in [hit.key for hit in response.hits]
    assert key(corpus_items["apt"]) not in [hit.key for hit in response.hits]
    # Nor does the fallback bring documents holding fewer than half of the words.
    assert keys(corpus_service, "apprentissage radiographies zorglub") == []


def test_facet_counts_and_filters(corpus_service, corpus_items):
    response = corpus_service.search(SearchRequest(query=corpus_service.parse("mise à l'abri")))
    assert response.facets["kind"]["ressource"] == 2
    assert response.facets["kind"]["dossier"] == 1
    assert response.facets["departement"] == {"75": 1, "93": 1}
    assert response.facets["year"]["2021"] == 1
    only_resources = keys(corpus_service, "mise à l'abri", filters={"kind": ["ressource"]})
    assert set(only_resources) == {key(corpus_items["financement"]), key(corpus_items["protocole"])}
    in_93 = keys(corpus_service, "mise à l'abri", filters={"departement": ["93"]})
    assert in_93 == [key(corpus_items["protocole"])]
    themed = keys(
        corpus_service, "mise à l'abri", filters={"theme": ["financement-etat"], "year": ["2023"]}
    )
    assert themed == [key(corpus_items["financement"])]


def test_sort_by_date_and_pagination(corpus_service, corpus_items):
    dated = keys(corpus_service, "ASE", filters={"kind": ["ressource"]}, sort="date")
    assert dated == [key(corpus_items["oqtf"]), key(corpus_items["protocole"])]
    first = keys(corpus_service, "ASE", sort="date", per_page=2)
    second = keys(corpus_service, "ASE", sort="date", per_page=2, page=2)
    assert len(first) == 2 and second and not set(first) & set(second)


def test_suggestions_complete_titles_and_glossary_names(corpus_service, corpus_items):
    suggested = [s.title for s in corpus_service.suggest("autoris")]
    assert "Autorisation provisoire de travail et apprentissage" in suggested
    assert "APT (Autorisation provisoire de travail)" in suggested
    assert "Les examens osseux" in [s.title for s in corpus_service.suggest("osse")]
    assert corpus_service.suggest("a") == []


HOSTILE = [
    '"',
    "*",
    "(",
    "\\",
    "AND OR",
    "NOT",
    '"unterminated',
    "a" * 600,
    "~!@#$%^&*()[]{}<>?/|",
    "le la",
]


def test_hostile_queries_give_an_ordinary_answer(corpus_service, corpus_items):
    for raw in HOSTILE:
        results = run_search(QueryDict(urlencode({"q": raw})))
        assert results.count == 0 or results.hits, raw
        assert not results.degraded, raw
