"""Partial matches, weights and diversity of the first results, on every backend (`search_service`)."""

import pytest

from content.factories import DossierPageFactory, ResourcePageFactory
from directory.factories import ActorFactory
from search import text
from search.backends.base import Hit, SearchRequest
from search.factories import SearchDocumentFactory
from search.indexables import for_model
from search.services import diversify


def search(service, raw, **kwargs):
    return service.search(SearchRequest(query=service.parse(raw), **kwargs))


def document(key, title, kind="ressource", weight=1.0, body=""):
    return SearchDocumentFactory(
        key=key, title=title, kind=kind, weight=weight, summary="", body=body
    )


def test_without_every_word_the_documents_with_most_of_them_come_first(search_service):
    search_service.index(
        [
            document("test.item:1", "Permanence zorglub vendredi"),
            document("test.item:2", "Permanence zorglub vendredi samedi"),
            document("test.item:3", "Permanence zorglub"),
        ]
    )
    response = search(search_service, "zorglub vendredi samedi dimanche")
    assert response.partial
    # Three words of four, then two; a single word of four is not « most of them ».
    assert [hit.key for hit in response.hits] == ["test.item:2", "test.item:1"]
    assert not search(search_service, "zorglub vendredi").partial


def test_a_dossier_comes_before_a_directory_entry_for_the_same_match(search_service):
    search_service.index(
        [
            document("test.item:1", "Accueil zorglub", kind="acteur", weight=0.8),
            document("test.item:2", "Accueil zorglub", kind="dossier", weight=1.5),
        ]
    )
    assert [hit.key for hit in search(search_service, "accueil zorglub").hits] == [
        "test.item:2",
        "test.item:1",
    ]


def test_one_kind_does_not_flood_the_first_results(search_service):
    entries = [
        document(f"test.item:{n}", f"Conseil zorglub {n}", kind="acteur", weight=0.8)
        for n in range(1, 13)
    ]
    dossier = document("test.item:20", "Missions", kind="dossier", weight=1.5, body="zorglub")
    search_service.index([*entries, dossier])
    first = [hit.key for hit in search(search_service, "zorglub", per_page=3).hits]
    assert "test.item:20" in first[:2]
    # Pages stay a partition of the results: nothing lost, nothing twice.
    pages = [
        [hit.key for hit in search(search_service, "zorglub", per_page=5, page=n).hits]
        for n in (1, 2, 3)
    ]
    seen = [k for page in pages for k in page]
    assert sorted(seen) == sorted(d.key for d in [*entries, dossier])


def hits(*kinds):
    return [Hit(f"k:{n}", "", "", kind, None, "") for n, kind in enumerate(kinds)]


def test_diversify_caps_a_kind_while_others_wait():
    ordered = diversify(hits("acteur", "acteur", "acteur", "acteur", "dossier", "ressource"))
    # At most half of the places so far: the best dossier comes second.
    assert [h.kind for h in ordered] == [
        "acteur",
        "dossier",
        "acteur",
        "ressource",
        "acteur",
        "acteur",
    ]
    # At most three of a kind among the first ten while another kind waits.
    two_kinds = diversify(hits(*["acteur"] * 4, *["ressource"] * 4, "lexique", "dossier"))
    assert [h.kind for h in two_kinds][:8] == [
        "acteur",
        "ressource",
        "acteur",
        "ressource",
        "acteur",
        "ressource",
        "lexique",
        "dossier",
    ]
    alone = hits("acteur", "acteur", "acteur", "acteur")
    assert diversify(alone) == alone
    assert [h.key for h in diversify(hits("a", "a", "a", "b"), top=1)] == [
        "k:0",
        "k:1",
        "k:2",
        "k:3",
    ]


@pytest.mark.parametrize(
    "raw, reference",
    [
        ("L221-2-4", "221x2x4"),
        ("L. 221-2-4", "221x2x4"),
        ("l.221-2-4", "221x2x4"),
        ("article 221-2-4", "221x2x4"),
        ("art. L 375", "375"),
        ("décret n°2023-1240", "2023x1240"),
        ("Décret n° 2023-1240", "2023x1240"),
        ("2023-1240", "2023x1240"),
    ],
)
def test_legal_references_have_one_canonical_word(raw, reference):
    assert text.references(f"Voir {raw} du code.") == [reference]


def test_a_lone_number_is_not_a_reference():
    assert text.references("500 euros par jour en 2023, UPE2A") == []


def test_documents_carry_their_tags_places_references_and_weight(resource_index, dossier_index):
    resource = ResourcePageFactory(
        parent=resource_index,
        kind="texte-juridique",
        title="Accueil provisoire",
        summary="Art. L. 221-2-4 du CASF, voir https://www.legifrance.gouv.fr/codes/x?y=1 en entier.",
    )
    resource.tags.add("tests osseux")
    places = resource.departements.model.objects.filter(code__in=["93", "976"])
    resource.departements.set(places)  # the model through the relation: wherever it lives
    resource.save()
    found = for_model(resource).to_document(resource)
    # Tags, then départements and regions by name.
    assert found.keywords == ["tests osseux", "Seine-Saint-Denis", "Mayotte", "Île-de-France"]
    assert "legifrance" not in found.summary and found.summary.endswith("voir en entier.")
    assert found.weight == 1.5
    report = ResourcePageFactory(parent=resource_index, kind="rapport")
    assert for_model(report).to_document(report).weight == 1.0
    actor = ActorFactory()
    assert for_model(actor).to_document(actor).weight == 0.8
    dossier = DossierPageFactory(parent=dossier_index)
    assert for_model(dossier).to_document(dossier).weight == 1.5


def test_a_reference_in_the_title_counts_as_a_title_match(search_service):
    search_service.index(
        [
            document("test.item:1", "CASF, article L.221-2-4 : mise à l'abri"),
            *(
                document(f"test.item:{n}", "Dossier", "dossier", 1.5, body="Voir l'art. L 221-2-4.")
                for n in (2, 3, 4)
            ),
        ]
    )
    assert [hit.key for hit in search(search_service, "L. 221-2-4").hits][0] == "test.item:1"
