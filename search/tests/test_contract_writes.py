"""The contract, continued: what changes the index, each test on its own corpus and index."""

import pytest

from search.backends.base import SearchRequest
from search.factories import SearchDocumentFactory

from . import corpus
from .helpers import key, keys


@pytest.fixture
def items(search_service, home):
    built = corpus.build()
    search_service.rebuild()
    return built


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


def test_members_documents_are_found_by_members_only(search_service, items):
    """The audience: a members' document (the discussion list's archive) is never found by a public
    search, never counted in its facets and never suggested; members find both audiences."""
    from search.indexables import AUDIENCES, MEMBERS

    search_service.index(
        [
            SearchDocumentFactory(
                key="test.item:40", title="Zorglubien public", themes=["asile"], suggest=["zorgl"]
            ),
            SearchDocumentFactory(
                key="test.item:41",
                title="Zorglubien entre membres",
                themes=["sante"],
                suggest=["zorgl"],
                audience=MEMBERS,
            ),
        ]
    )
    assert keys(search_service, "zorglubien") == ["test.item:40"]
    public = search_service.search(SearchRequest(query=search_service.parse("zorglubien")))
    assert public.count == 1 and "sante" not in public.facets.get("theme", {})
    assert sorted(keys(search_service, "zorglubien", audiences=AUDIENCES)) == [
        "test.item:40",
        "test.item:41",
    ]
    assert [s.title for s in search_service.suggest("zorglubien")] == ["Zorglubien public"]
