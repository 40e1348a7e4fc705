"""The contract every backend honours, run against each of them (see the `search_service` fixture)."""

from urllib.parse import urlencode

import pytest
from django.http import QueryDict

from search.backends.base import SearchRequest
from search.factories import SearchDocumentFactory
from search.services import run_search

from . import corpus


@pytest.fixture
def items(search_service, home):
    built = corpus.build()
    search_service.rebuild()
    return built


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


def test_accents_and_case_are_ignored(search_service, items):
    for raw in [
        "EVALUATION de la minorite",
        "évaluation de la minorité",
        "Évaluation De La Minorité",
    ]:
        assert key(items["evaluation"]) in keys(search_service, raw)


def test_plurals_and_light_stemming(search_service, items):
    assert key(items["osseux"]) in keys(search_service, "examen osseux")
    assert key(items["scolarisation"]) in keys(search_service, "élève allophone")
    assert key(items["jeune_majeur"]) in keys(search_service, "contrats jeunes majeurs")


def test_acronyms_and_synonyms_from_the_glossary(search_service, items):
    # MIE is the old name of MNA: both find the content using either.
    assert key(items["rapport_mie"]) in keys(search_service, "MNA")
    assert key(items["cle"]) in keys(search_service, "mie")
    # APT expands to its long form, and the long form finds the acronym's entry.
    assert key(items["apt"]) in keys(search_service, "APT")
    assert "APT (Autorisation provisoire de travail)" in titles(
        search_service, "autorisation provisoire de travail"
    )


def test_phrase_in_quotes_keeps_word_order(search_service, items):
    found = keys(search_service, '"mise à l\'abri"')
    assert key(items["abri"]) in found
    assert key(items["financement"]) in found
    assert key(items["evaluation"]) not in keys(search_service, '"minorité de l\'évaluation"')


def test_a_typo_in_a_long_word_is_tolerated(search_service, items):
    assert key(items["scolarisation"]) in keys(search_service, "scolarsiation")
    assert search_service.parse("scolarsiation").did_you_mean == "scolarisation"


def test_every_word_must_match(search_service, items):
    # While some document holds every word, only those come (the fallback is in test_matching.py).
    response = search_service.search(SearchRequest(query=search_service.parse("examens osseux")))
    assert not response.partial and key(items["osseux"]) in [hit.key for hit in response.hits]
    assert key(items["apt"]) not in [hit.key for hit in response.hits]
    # Nor does the fallback bring documents holding fewer than half of the words.
    assert keys(search_service, "apprentissage radiographies zorglub") == []


def test_facet_counts_and_filters(search_service, items):
    response = search_service.search(SearchRequest(query=search_service.parse("mise à l'abri")))
    assert response.facets["kind"]["ressource"] == 2
    assert response.facets["kind"]["dossier"] == 1
    assert response.facets["departement"] == {"75": 1, "93": 1}
    assert response.facets["year"]["2021"] == 1
    only_resources = keys(search_service, "mise à l'abri", filters={"kind": ["ressource"]})
    assert set(only_resources) == {key(items["financement"]), key(items["protocole"])}
    in_93 = keys(search_service, "mise à l'abri", filters={"departement": ["93"]})
    assert in_93 == [key(items["protocole"])]
    themed = keys(
        search_service, "mise à l'abri", filters={"theme": ["financement-etat"], "year": ["2023"]}
    )
    assert themed == [key(items["financement"])]


def test_sort_by_date_and_pagination(search_service, items):
    dated = keys(search_service, "ASE", filters={"kind": ["ressource"]}, sort="date")
    assert dated == [key(items["oqtf"]), key(items["protocole"])]
    first = keys(search_service, "ASE", sort="date", per_page=2)
    second = keys(search_service, "ASE", sort="date", per_page=2, page=2)
    assert len(first) == 2 and second and not set(first) & set(second)


def test_snippet_marks_the_terms_and_escapes_the_rest(search_service, items):
    search_service.index(
        [
            SearchDocumentFactory(
                key="test.item:1",
                title="Note",
                summary="<script>alert(1)</script> recours zorglubien",
            )
        ]
    )
    hit = search_service.search(
        SearchRequest(query=search_service.parse("recours zorglubien"))
    ).hits[0]
    assert "<mark>recours</mark>" in hit.snippet
    assert "<script>" not in hit.snippet and "&lt;script&gt;" in hit.snippet


def test_suggestions_complete_titles_and_glossary_names(search_service, items):
    suggested = [s.title for s in search_service.suggest("autoris")]
    assert "Autorisation provisoire de travail et apprentissage" in suggested
    assert "APT (Autorisation provisoire de travail)" in suggested
    assert "Les examens osseux" in [s.title for s in search_service.suggest("osse")]
    assert search_service.suggest("a") == []


def test_index_and_remove(search_service, items):
    document = SearchDocumentFactory(key="test.item:7", title="Permanence téléphonique du barreau")
    search_service.index([document])
    assert keys(search_service, "permanence telephonique") == ["test.item:7"]
    search_service.index(
        [SearchDocumentFactory(key="test.item:7", title="Permanence juridique du barreau")]
    )
    assert keys(search_service, "telephonique") == []
    assert keys(search_service, "permanence juridique") == ["test.item:7"]
    search_service.remove(["test.item:7"])
    assert "test.item:7" not in keys(search_service, "permanence juridique")


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


def test_hostile_queries_give_an_ordinary_answer(search_service, items):
    for raw in HOSTILE:
        results = run_search(QueryDict(urlencode({"q": raw})))
        assert results.count == 0 or results.hits, raw
        assert not results.degraded, raw


def test_rebuild_replaces_everything(search_service, items):
    items["oqtf"].unpublish()
    counts = search_service.rebuild()
    assert counts["ressource"] == len(corpus.RESOURCES) - 1
    assert counts["acteur"] == 2 and counts["dossier"] == len(corpus.DOSSIERS)
    assert key(items["oqtf"]) not in keys(search_service, "OQTF")
    if search_service.engine is not None:
        engine = search_service.engine
        assert engine.count() == search_service.database.count()
        # A rebuild fills a new versioned index, then moves the alias and drops the old one.
        before = list(engine.client.indices.get_alias(name=engine.alias).body)
        search_service.rebuild()
        after = list(engine.client.indices.get_alias(name=engine.alias).body)
        assert len(after) == 1 and after != before
        assert not engine.client.indices.exists(index=before[0])
