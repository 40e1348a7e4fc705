"""Published sheets are found by the portal's search, with their kind, themes and département; drafts
(a member's proposal included) never are."""

import pytest

from practices.factories import PracticePartnerFactory, PracticeSheetPageFactory
from practices.models import PartnerKind
from search.backends.base import SearchRequest
from search.indexables import for_model, kind_labels
from taxonomy.models import Departement, Theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def practice_index(home):
    from practices.models import PracticeIndexPage

    return PracticeIndexPage.objects.get()


def hits(service, raw):
    return service.search(SearchRequest(query=service.parse(raw))).hits


def test_a_published_sheet_is_found_and_a_draft_is_not(database_service, practice_index, commit):
    with commit():
        sheet = PracticeSheetPageFactory(
            parent=practice_index,
            title="Parcours coordonné",
            slug="parcours-coordonne",
            actions="<p>Des permanences zorglubiennes au lycée.</p>",
            departement=Departement.objects.get(code="35"),
        )
        sheet.themes.set([Theme.objects.get(slug="scolarisation")])
        sheet.save_revision().publish()
        PracticePartnerFactory(sheet=sheet, name="Mission locale Bretagne", kind="mission-locale")
        draft = PracticeSheetPageFactory(
            parent=practice_index, title="Brouillon zorglubien", live=False
        )
        draft.save_revision()
    found = hits(database_service, "zorglubiennes")
    assert [(hit.title, hit.url, hit.kind) for hit in found] == [
        ("Parcours coordonné", "/pratiques/parcours-coordonne/", "pratique")
    ]
    assert "Brouillon zorglubien" not in [hit.title for hit in hits(database_service, "zorglubien")]
    document = for_model(sheet).to_document(sheet)
    assert document.themes == ["scolarisation"] and document.departements == ["35"]
    assert "Mission locale Bretagne" in document.body
    assert kind_labels()["pratique"] == "Fiche action"


def test_a_member_s_proposal_is_not_found(database_service, client, member, home, commit):
    from practices.tests.test_submission import GOOD

    client.force_login(member)
    with commit():
        client.post("/pratiques/proposer/", {**GOOD, "objective": "Objectif zorglubesque."})
    assert hits(database_service, "zorglubesque") == []


def test_the_search_page_offers_the_kind_as_a_facet(
    client, database_service, practice_index, commit
):
    with commit():
        PracticeSheetPageFactory(
            parent=practice_index, title="Fiche zorglub", lead_kind=PartnerKind.ASSOCIATION
        )
    html = client.get("/recherche/?q=zorglub").content.decode()
    assert "Fiche zorglub" in html
    assert "Fiche action" in html
