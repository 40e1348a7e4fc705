"""What gets indexed, and when: only public content, updated after each commit."""

import logging

from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from content.factories import ArticlePageFactory, DossierPageFactory, ResourcePageFactory
from content.models import GlossaryEntry
from directory.factories import ActorFactory
from search.backends.base import SearchRequest
from search.indexables import indexables
from search.models import IndexEntry

from .pdfs import encrypted_pdf, text_pdf


def found(service, raw):
    return [hit.title for hit in service.search(SearchRequest(query=service.parse(raw))).hits]


def test_drafts_are_never_indexed_and_publishing_indexes(database_service, resource_index, commit):
    with commit():
        page = ResourcePageFactory(parent=resource_index, title="Rapport zorglubien", live=False)
        page.save_revision()
    assert found(database_service, "zorglubien") == []
    with commit():
        page.save_revision().publish()
    assert found(database_service, "zorglubien") == ["Rapport zorglubien"]
    with commit():
        page.title = "Rapport zorglubien modifié (brouillon)"
        page.save_revision()
    assert found(database_service, "zorglubien") == ["Rapport zorglubien"]


def test_unpublishing_and_deleting_remove(database_service, resource_index, commit):
    with commit():
        kept = ResourcePageFactory(parent=resource_index, title="Zorglub un")
        gone = ResourcePageFactory(parent=resource_index, title="Zorglub deux")
    assert sorted(found(database_service, "zorglub")) == ["Zorglub deux", "Zorglub un"]
    with commit():
        gone.unpublish()
    assert found(database_service, "zorglub") == ["Zorglub un"]
    with commit():
        kept.delete()
    assert found(database_service, "zorglub") == []
    assert not IndexEntry.objects.filter(title__startswith="Zorglub").exists()


def test_private_pages_and_their_subtree_are_never_found(database_service, dossier_index, commit):
    with commit():
        dossier = DossierPageFactory(parent=dossier_index, title="Dossier zorglub")
        ArticlePageFactory(parent=dossier, title="Article zorglub")
    assert len(found(database_service, "zorglub")) == 2
    with commit():
        restriction = PageViewRestriction.objects.create(
            page=dossier, restriction_type="password", password="x"
        )
    assert found(database_service, "zorglub") == []
    with commit():
        restriction.delete()
    assert len(found(database_service, "zorglub")) == 2


def test_a_private_page_is_not_indexed_by_a_rebuild(database_service, resource_index):
    page = ResourcePageFactory(parent=resource_index, title="Note zorglub")
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    ResourcePageFactory(parent=resource_index, title="Brouillon zorglub", live=False)
    database_service.rebuild()
    assert found(database_service, "zorglub") == []


def test_moving_a_page_updates_its_url(database_service, dossier_index, commit):
    with commit():
        first = DossierPageFactory(parent=dossier_index, title="Premier", slug="premier")
        second = DossierPageFactory(parent=dossier_index, title="Second", slug="second")
        article = ArticlePageFactory(parent=first, title="Article zorglub", slug="article")
    assert IndexEntry.objects.get(title="Article zorglub").url == "/dossiers/premier/article/"
    with commit():
        article.move(second, pos="last-child")
    assert IndexEntry.objects.get(title="Article zorglub").url == "/dossiers/second/article/"


def test_actors_only_once_published(database_service, commit):
    with commit():
        actor = ActorFactory(name="Association Zorglub", live=False)
    assert found(database_service, "zorglub") == []
    with commit():
        actor.live = True
        actor.save()
    assert found(database_service, "zorglub") == ["Association Zorglub"]
    with commit():
        actor.delete()
    assert found(database_service, "zorglub") == []


def test_glossary_entries_and_their_synonyms(database_service, commit):
    with commit():
        entry = GlossaryEntry.objects.create(
            term="ZRG", expansion="Zone de recherche générale", definition="…"
        )
    assert found(database_service, "ZRG") == ["ZRG (Zone de recherche générale)"]
    with commit():
        entry.synonyms = "zorglub"
        entry.save()
    # The new synonym expands the query at once (the synonym cache is cleared on save).
    assert found(database_service, "zorglub") == ["ZRG (Zone de recherche générale)"]
    assert "ZRG" in [a.text for a in database_service.parse("zorglub").clauses[0].alternatives]


def _document(name, content):
    Document = get_document_model()
    document = Document(title=name)
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document


def test_pdf_text_is_indexed_with_its_resource(database_service, resource_index, commit):
    with commit():
        document = _document("rapport.pdf", text_pdf("Observations sur la procedure zorglubienne"))
        ResourcePageFactory(parent=resource_index, title="Rapport annuel", document=document)
    assert found(database_service, "zorglubienne") == ["Rapport annuel"]


def test_broken_and_encrypted_pdfs_are_logged_and_skipped(
    database_service, resource_index, commit, caplog
):
    with caplog.at_level(logging.WARNING, logger="search.indexables"), commit():
        broken = _document("casse.pdf", b"%PDF-1.4 ceci n'est pas un PDF")
        locked = _document("secret.pdf", encrypted_pdf())
        ResourcePageFactory(parent=resource_index, title="Ressource zorglub A", document=broken)
        ResourcePageFactory(parent=resource_index, title="Ressource zorglub B", document=locked)
    assert sorted(found(database_service, "zorglub")) == [
        "Ressource zorglub A",
        "Ressource zorglub B",
    ]
    assert "casse" in caplog.text and "encrypted" in caplog.text


def test_the_helpdesk_is_never_indexed():
    assert not [i for i in indexables() if i.model.lower().startswith("helpdesk.")]


def test_search_reindex_reports_counts_and_duration(database_service, resource_index, capsys):
    from io import StringIO

    ResourcePageFactory(parent=resource_index, title="Une ressource")
    out = StringIO()
    call_command("search_reindex", "--no-progress", stdout=out)
    report = out.getvalue()
    assert "Search index rebuilt (database)" in report
    assert "Ressource: 1" in report and "Lexique: " in report and " s." in report
    assert IndexEntry.objects.filter(kind="ressource").count() == 1


def test_events_only_once_published_with_their_sessions_date(database_service, commit):
    from agenda.factories import EventFactory, EventSessionFactory

    with commit():
        event = EventFactory(title="Colloque zorglubien", live=False)
        session = EventSessionFactory(event=event)
    assert found(database_service, "zorglubien") == []
    with commit():
        event.live = True
        event.save()
    hits = database_service.search(SearchRequest(query=database_service.parse("zorglubien"))).hits
    assert [(hit.title, hit.kind, hit.date) for hit in hits] == [
        ("Colloque zorglubien", "evenement", session.first_day)
    ]
    with commit():
        event.delete()
    assert found(database_service, "zorglubien") == []
