"""The database backend at scale: what keeps indexing and searching from growing with the data."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.backends.base import SearchRequest
from search.backends.database import DatabaseBackend
from search.factories import SearchDocumentFactory
from search.models import IndexEntry, IndexFacet
from search.text import parse

pytestmark = pytest.mark.django_db


def documents(count, start=0, **kwargs):
    return [
        SearchDocumentFactory.build(
            key=f"test.item:{n}", body=f"Évaluation de la minorité, dossier {n}.", **kwargs
        )
        for n in range(start, start + count)
    ]


def queries_of(function, *args):
    with CaptureQueriesContext(connection) as captured:
        function(*args)
    return captured.captured_queries


def test_indexing_costs_the_same_queries_for_3_or_60_documents_new_or_existing():
    backend = DatabaseBackend()
    few = len(queries_of(backend.index, documents(3)))
    # 60 documents, half of them already indexed (an upsert, not one UPDATE per document).
    many = len(queries_of(backend.index, documents(60, start=-30, themes=["asile"])))
    assert few == many
    assert IndexEntry.objects.count() == 60
    assert IndexFacet.objects.filter(name="theme", value="asile").count() == 60
    entry = IndexEntry.objects.get(key="test.item:0")
    assert "dossier 0" in entry.body and " evalu " in entry.terms


def test_reindexing_a_document_replaces_its_entry():
    backend = DatabaseBackend()
    (document,) = documents(1, themes=["asile"])
    backend.index([document])
    document.title, document.themes = "Titre corrigé", ["sejour"]
    backend.index([document, document])  # twice in one batch: written once
    entry = IndexEntry.objects.get()
    assert entry.title == "Titre corrigé"
    assert " corrig " in entry.title_terms
    assert list(entry.facets.values_list("name", "value").order_by("name")) == [
        ("kind", "ressource"),
        ("theme", "sejour"),
        ("year", "2024"),
    ]


def test_rebuild_replaces_everything_without_loading_the_old_entries():
    backend = DatabaseBackend()
    backend.index(documents(30))
    captured = queries_of(backend.rebuild, documents(2, start=100))
    assert IndexEntry.objects.count() == 2
    assert not any(q["sql"].lstrip().upper().startswith("SELECT") for q in captured)


def test_search_reads_a_constant_number_of_queries_and_counts_from_the_facets():
    backend = DatabaseBackend()

    def uncached_queries():
        cache.clear()  # the facet counts are computed, not read from the cache
        return len(queries_of(backend.search, SearchRequest(query=parse("évaluation"))))

    backend.index(documents(5))
    few = uncached_queries()
    backend.index(documents(80, start=5))
    response = backend.search(SearchRequest(query=parse("évaluation")))
    assert response.count == 85 == sum(response.facets["kind"].values())
    assert uncached_queries() == few


def facet_reads(backend, request):
    captured = queries_of(backend.search, request)
    return [q for q in captured if "search_indexfacet" in q["sql"]]


def test_facet_counts_are_reused_until_the_index_changes():
    """Counting the facets reads every match's facets (the costliest query of a frequent word): once per
    query, filters and audience, until the next index write."""
    backend = DatabaseBackend()
    backend.index(documents(5))
    assert facet_reads(backend, SearchRequest(query=parse("évaluation")))
    # Another page or sort of the same search reuses them.
    assert not facet_reads(backend, SearchRequest(query=parse("évaluation"), sort="date"))
    response = backend.search(SearchRequest(query=parse("évaluation"), page=2, per_page=2))
    assert response.count == 5 and len(response.hits) == 2
    # Another filter or audience is counted on its own.
    assert facet_reads(backend, SearchRequest(query=parse("évaluation"), filters={"kind": ["x"]}))
    assert facet_reads(
        backend, SearchRequest(query=parse("évaluation"), audiences=("public", "members"))
    )
    # A write, or a removal, counts again at once.
    backend.index(documents(3, start=5))
    assert backend.search(SearchRequest(query=parse("évaluation"))).count == 8
    backend.remove(["test.item:0"])
    assert backend.search(SearchRequest(query=parse("évaluation"))).count == 7
    backend.rebuild([])
    assert backend.search(SearchRequest(query=parse("évaluation"))).count == 0


def test_matching_reads_the_stored_vector_on_postgresql_and_the_terms_elsewhere():
    """Parsing every entry's text again with to_tsvector on each search made a frequent word take 0.5 s
    per query over 15,000 entries (migration 0006). SQLite matches whole words in `terms` and leaves the
    vector empty."""
    backend = DatabaseBackend()
    backend.index(documents(3))
    captured = queries_of(backend.search, SearchRequest(query=parse('"évaluation minorité"')))
    sql = " ".join(q["sql"] for q in captured)
    assert "to_tsvector" not in sql
    if connection.vendor != "postgresql":
        assert not IndexEntry.objects.filter(search_vector__isnull=False).exists()
        assert "search_vector" not in sql and "terms" in sql
        return
    assert not IndexEntry.objects.filter(search_vector__isnull=True).exists()
    assert "search_vector" in sql
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'search_indexentry' AND indexdef "
            "LIKE '%gin (search_vector)%'"
        )
        assert cursor.fetchone()


def test_an_unchanged_pdf_is_parsed_once(monkeypatch):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from search import indexables

    from .pdfs import text_pdf

    parsed = []
    extract = indexables._extract_pdf_text
    monkeypatch.setattr(
        indexables, "_extract_pdf_text", lambda d: parsed.append(d.title) or extract(d)
    )

    def document(title, content):
        document = get_document_model()(title=title)
        document.file.save(f"{title}.pdf", ContentFile(content), save=False)
        document._set_document_file_metadata()
        document.save()
        return document

    report = document("rapport", text_pdf("Observations sur la procedure"))
    assert "procedure" in indexables.pdf_text(report)
    assert "procedure" in indexables.pdf_text(report)  # a reindex: read from the cache
    other = document("avis", text_pdf("Avis du defenseur"))
    assert "defenseur" in indexables.pdf_text(other)
    assert parsed == ["rapport", "avis"]
