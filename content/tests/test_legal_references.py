"""Legal references: one citation style, links checked to reach the article or the decision, and the
references that only reach a whole text listed for the committee until fixed."""

import datetime
import importlib
import json

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from wagtail.blocks.struct_block import StructBlockValidationError

from content.factories import DossierPageFactory
from content.models import DossierPage
from content.services import overdue_for_review
from core import legal
from core.blocks import LegalReferenceBlock

ARTICLE_URL = "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000038746779"
CODE_URL = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006074069/"


@pytest.mark.parametrize(
    ("value", "citation"),
    [
        ({"kind": "code", "code": "CASF", "article": "L.221-2-4"}, "CASF, art. L. 221-2-4"),
        ({"kind": "code", "code": "CASF", "article": "l221-2-4"}, "CASF, art. L. 221-2-4"),
        ({"kind": "code", "code": "CC", "article": "article 47"}, "C. civ., art. 47"),
        (
            {"kind": "decret", "number": "n°2023-1240", "date": datetime.date(2023, 12, 22)},
            "Décret n° 2023-1240 du 22 décembre 2023",
        ),
        (
            {
                "kind": "loi",
                "number": "2016-297",
                "date": datetime.date(2016, 3, 14),
                "article": "49",
            },
            "Loi n° 2016-297 du 14 mars 2016, art. 49",
        ),
        ({"kind": "arrete", "date": datetime.date(2019, 11, 1)}, "Arrêté du 1er novembre 2019"),
        (
            {
                "kind": "decision",
                "jurisdiction": "Cour européenne des droits de l'homme",
                "date": datetime.date(2019, 2, 28),
                "title": "Khan c. France",
                "number": "12267/16",
            },
            "Cour européenne des droits de l'homme, 28 février 2019, Khan c. France, n° 12267/16",
        ),
    ],
)
def test_a_reference_is_cited_one_way(value, citation):
    assert legal.cite(value) == citation


@pytest.mark.parametrize(
    ("url", "level"),
    [
        (ARTICLE_URL, legal.LinkLevel.ARTICLE),
        (CODE_URL, legal.LinkLevel.TEXT),
        ("https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000045133771", legal.LinkLevel.TEXT),
        ("https://www.legifrance.gouv.fr/ceta/id/CETATEXT000041536433", legal.LinkLevel.DECISION),
        (
            "https://www.conseil-constitutionnel.fr/decision/2019/2018768QPC.htm",
            legal.LinkLevel.DECISION,
        ),
        ("https://hudoc.echr.coe.int/fre?i=001-191277", legal.LinkLevel.DECISION),
        ("https://www.legifrance.gouv.fr/", legal.LinkLevel.NOWHERE),
        ("https://www.legifrance.gouv.fr/search/all?query=mineur", legal.LinkLevel.NOWHERE),
        ("https://www.conseil-constitutionnel.fr/", legal.LinkLevel.NOWHERE),
        ("https://www.ohchr.org/fr/convention", legal.LinkLevel.UNCHECKED),
    ],
)
def test_link_levels(url, level):
    assert legal.link_level(url) is level


def clean(**value):
    block = LegalReferenceBlock()
    return block.clean(block.to_python(value))


def errors(**value):
    with pytest.raises(StructBlockValidationError) as raised:
        clean(**value)
    return {name: error.messages[0] for name, error in raised.value.block_errors.items()}


def test_the_block_refuses_a_link_that_reaches_no_text():
    found = errors(
        kind="code", code="CASF", article="L. 221-2-4", url="https://www.legifrance.gouv.fr/"
    )
    assert "pas au texte" in found["url"]
    found = errors(kind="decision", jurisdiction="Conseil d'État", date="2020-02-05", number="428478",
                   url=CODE_URL)  # fmt: skip
    assert "pas à la décision" in found["url"]


def test_the_block_asks_for_what_identifies_the_source():
    assert set(errors(kind="code")) == {"code", "article"}
    assert set(errors(kind="decret")) == {"number", "date"}
    assert set(errors(kind="decision", ecli="ECLI:FR:CC:2019:2018.768.QPC")) == {
        "jurisdiction",
        "date",
    }
    assert "ecli" in errors(kind="decision", jurisdiction="CE", date="2020-02-05", ecli="428478")


def test_the_block_accepts_article_and_text_level_links():
    assert clean(kind="code", code="CASF", article="L. 221-2-4", url=ARTICLE_URL).citation == (
        "CASF, art. L. 221-2-4"
    )
    reference = clean(kind="code", code="CASF", article="L. 221-2-4", url=CODE_URL)
    assert not reference.reaches_source


def body_with(url):
    reference = {"kind": "code", "code": "CASF", "article": "L. 221-2-4", "url": url}
    return [("section", {"title": "Cadre", "content": [("legal_reference", reference)]})]


def test_a_whole_text_link_lists_the_dossier_for_review_until_fixed(admin_client, dossier_index):
    dossier = DossierPageFactory(
        parent=dossier_index, title="Mise à l'abri", body=body_with(CODE_URL)
    )
    assert dossier.legal_links_to_fix == 1
    assert [page.title for page in overdue_for_review()] == ["Mise à l'abri"]
    html = admin_client.get("/admin/a-reviser/").content.decode()
    assert "1 référence(s) juridique(s) sans lien vers l&#x27;article ou la décision" in html

    dossier.body = body_with(ARTICLE_URL)
    dossier.save_revision().publish()
    assert overdue_for_review() == []


def test_the_migration_structures_old_references_and_decisions(dossier_index):
    dossier = DossierPageFactory(parent=dossier_index, title="Évaluation")
    old = [
        {"type": "legal_reference", "id": "a", "value": {"code": "CC", "article": "47", "title": "",
            "summary": "Actes étrangers.", "url": CODE_URL}},
        {"type": "section", "id": "b", "value": {"title": "Textes", "content": [
            {"type": "legal_reference", "id": "c", "value": {"code": "autre",
                "article": "décret n° 2019-57", "title": "Décret du 30 janvier 2019",
                "summary": "", "url": "https://www.legifrance.gouv.fr/"}},
            {"type": "case_law", "id": "d", "value": {"court": "Cour européenne des droits de l'homme",
                "date": "2019-02-28", "number": "Khan c. France, n° 12267/16", "summary": "",
                "url": ""}},
        ]}},
    ]  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE content_dossierpage SET body = %s WHERE page_ptr_id = %s",
            [json.dumps(old), dossier.pk],
        )
    # The operations run as `migrate` runs them, with the blocks as they were before the migration.
    before = MigrationLoader(connection).project_state(("content", "0006_legal_links_to_fix")).apps
    migration = importlib.import_module("content.migrations.0007_structure_legal_references")
    for operation in migration.Migration.operations:  # neither uses the schema editor
        operation.code(before, None)

    dossier = DossierPage.objects.get(pk=dossier.pk)
    references = list(legal.references_in(dossier.body))
    assert [reference.citation for reference in references] == [
        "C. civ., art. 47",
        "Décret n° 2019-57 du 30 janvier 2019",
        "Cour européenne des droits de l'homme, 28 février 2019, Khan c. France, n° 12267/16",
    ]
    assert references[2]["kind"] == "decision" and references[1]["title"] == ""
    assert dossier.legal_links_to_fix == 3
