"""The demo content: what `make run` shows a newcomer, loaded idempotently.

Loading is slow (about 90 pages published with revisions and indexed), so the class loads it once, through
the `load_demo` command, and each test reads it; Django's TestCase rolls it back at the end."""

import datetime
import io
import json
from collections import Counter

from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone
from pypdf import PdfReader
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from content.models import (
    ArticlePage,
    DossierPage,
    DossierRelatedResource,
    GlossaryEntry,
    ResourceKind,
    ResourcePage,
)
from content.pages import has_substance
from content.services import overdue_for_review
from core import legal
from core.blocks import LegalReferenceBlock
from demo.loaders import content as demo
from portal.site_structure import ensure_site
from taxonomy.models import Theme


def _state():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "latest_revision": Revision.objects.order_by("-pk").values_list("pk", flat=True).first(),
        "live_revisions": sorted(Page.objects.values_list("pk", "live_revision_id")),
        "documents": get_document_model().objects.count(),
        "related": DossierRelatedResource.objects.count(),
        "glossary": GlossaryEntry.objects.count(),
    }


class DemoContentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.output = io.StringIO()
        call_command("load_demo", "--no-admin", stdout=cls.output)

    def test_load_creates_every_kind_of_content(self):
        assert (
            "Dossiers et ressources: 3 documents, 48 ressources, 11 dossiers, 17 articles créés"
            in self.output.getvalue()
        )
        dossiers = DossierPage.objects.live()
        assert dossiers.count() == len(demo.dossiers()) >= 9
        assert ArticlePage.objects.live().count() >= 17
        resources = ResourcePage.objects.live()
        assert resources.count() >= 45
        assert set(resources.values_list("kind", flat=True)) == set(ResourceKind.values)
        assert dossiers.filter(featured=True).count() >= 3
        assert DossierRelatedResource.objects.count() >= 2 * dossiers.count()
        assert resources.exclude(document=None).count() == 3
        for page in [*dossiers.specific(), *resources.specific()]:
            assert page.themes.exists(), page.title
            assert page.tags.exists(), page.title
            assert page.live_revision_id is not None and not page.has_unpublished_changes, (
                page.title
            )
        # Every theme of the taxonomy has something to read.
        used = Counter(
            slug for line in demo.resource_lines() for slug in json.loads(line)["themes"]
        )
        used.update(slug for d in demo.dossiers() for slug in d["themes"])
        assert set(Theme.objects.values_list("slug", flat=True)) <= set(used)

    def test_dossier_body_uses_the_portal_blocks(self):
        dossier = DossierPage.objects.get(slug="evaluation-de-la-minorite")
        blocks = {
            child.block_type for section in dossier.body for child in section.value["content"]
        }
        assert {"paragraph", "legal_reference", "callout", "question_answer"} <= blocks
        assert len(dossier.key_points) == 3
        assert dossier.review_interval_months == 6
        assert dossier.last_verified == timezone.localdate() - datetime.timedelta(days=20)
        assert not dossier.review_overdue

    def test_every_legal_reference_is_valid_and_the_imprecise_ones_are_listed(self):
        block = LegalReferenceBlock()
        pages = [*DossierPage.objects.all(), *ArticlePage.objects.all()]
        imprecise = set()
        for page in pages:
            for reference in legal.references_in(page.body):
                block.clean(
                    reference
                )  # raises if the demo holds a reference an editor could not save
                if not reference.reaches_source:
                    imprecise.add(page.slug)
        assert imprecise and imprecise == {p.slug for p in pages if p.legal_links_to_fix}
        assert imprecise <= {page.slug for page in overdue_for_review()}
        citations = {
            reference.citation for page in pages for reference in legal.references_in(page.body)
        }
        assert {"CASF, art. L. 221-2-4", "C. civ., art. 388"} <= citations
        assert "Conseil constitutionnel, 21 mars 2019, n° 2018-768 QPC" in citations

    def test_no_resource_is_an_empty_page(self):
        for resource in ResourcePage.objects.live():
            assert has_substance(resource.body, resource.document, resource.source_url), resource

    def test_a_few_pages_are_overdue_for_the_committee(self):
        overdue = {page.slug for page in overdue_for_review() if page.review_overdue}
        assert overdue == {
            "representation-legale",
            "fiche-expert-jugement-supletif",
            "guide-tutelle",
        }

    def test_every_demo_page_answers_on_the_public_site(self):
        pages = Page.objects.live().specific().filter(depth__gt=1)
        assert pages.count() > 80
        for page in pages:
            response = self.client.get(page.url)
            assert response.status_code == 200, page.url
            assert response.content.decode().count("<h1") == 1, page.url

    def test_dossier_page_shows_its_references_articles_and_resources(self):
        html = self.client.get("/dossiers/evaluation-de-la-minorite/").content.decode()
        assert "L&#x27;évaluation de la minorité et de l&#x27;isolement</h1>" in html
        assert "Vérifié le" in html and "mise à jour en cours de vérification" not in html
        assert "CASF, art. L. 221-2-4" in html and "n° 2018-768 QPC" in html
        assert "Que faire après un refus de prise en charge ?" in html
        assert "Les examens osseux : ce que dit le droit" in html  # child article
        assert (
            "Fiche pratique : préparer l&#x27;entretien d&#x27;évaluation" in html
        )  # related resource
        html = self.client.get("/dossiers/mise-a-l-abri/").content.decode()
        # A text is cited by its kind, number and date, on screen and for screen readers.
        assert (
            '<span class="visually-hidden"> : Décret n° 2023-1240 du 22 décembre 2023</span>'
            in html
        )
        assert "Participation de l&#x27;État (décret n° 2023-1240)" in html

    def test_demo_pdfs_are_attached_and_their_text_extractable(self):
        resource = ResourcePage.objects.get(slug="rapport-activite-2024")
        html = self.client.get(resource.url).content.decode()
        assert resource.document.url in html and "(PDF" in html
        specs = [json.loads(line) for line in demo.resource_lines()]
        specs = [spec for spec in specs if spec.get("file")]
        assert len(specs) == 3
        for spec in specs:
            document = get_document_model().objects.get(title=spec["title"])
            with document.open_file() as handle:
                text = PdfReader(handle).pages[0].extract_text()
            assert spec["title"] in text
            # The whole text of the demo file, as search indexes it.
            source = PdfReader(demo.RESOURCES.parent / spec["file"]).pages[0].extract_text()
            assert text == source and len(text.splitlines()) >= 7
        document = get_document_model().objects.get(title__startswith="Fiche pratique")
        with document.open_file() as handle:
            text = PdfReader(handle).pages[0].extract_text()
        assert "5. En cas de refus de prise en charge, le jeune peut saisir directement" in text

    def test_home_features_demo_dossiers(self):
        html = self.client.get("/").content.decode()
        for dossier in DossierPage.objects.filter(featured=True):
            assert dossier.title.replace("'", "&#x27;") in html

    def test_second_load_changes_nothing(self):
        before = _state()
        summary = demo.load(home=ensure_site(), stdout=io.StringIO())
        assert summary == "0 documents, 0 ressources, 0 dossiers, 0 articles créés"
        out = io.StringIO()
        call_command("load_demo", "--no-admin", stdout=out)
        assert "Demo content loaded." in out.getvalue()
        assert _state() == before
