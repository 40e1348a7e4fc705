"""The demo model letters: loaded once, idempotent, and each one fills in completely for any answers."""

import io

from django.core.management import call_command
from django.test import TestCase
from docx import Document

from demo.loaders import letters as demo
from letters import engine
from letters.models import LetterModelPage
from portal.site_structure import ensure_site


def answers_for(page, yes_no):
    """A complete set of answers: every optional question answered too, yes/no all « oui » or all « non »."""
    values = {}
    for question in page.questions():
        if question.kind == engine.DATE:
            value = "2009-05-04"
        elif question.kind == engine.CHOICE:
            value = question.choices[-1]
        elif question.kind == engine.YES_NO:
            value = yes_no
        else:
            value = f"réponse {question.name}"
        values[f"reponse-{question.name}"] = value
    return values


class DemoLettersTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo", "--no-admin", "--no-index", stdout=io.StringIO())

    def test_five_models_with_references_and_dossier(self):
        pages = LetterModelPage.objects.live()
        assert pages.count() == len(demo.models()) >= 5
        for page in pages:
            assert page.references and page.dossier is not None and page.dossier.live, page.slug
            assert len(page.step_list()) >= 2, page.slug
            page.clean()

    def test_every_model_fills_in_without_a_field_left(self):
        for page in LetterModelPage.objects.live():
            for yes_no in ("oui", "non"):
                response = self.client.post(
                    page.url, {"etape": 99, "action": "docx", **answers_for(page, yes_no)}
                )
                assert response.status_code == 200, (page.slug, response.content[:2000])
                text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
                assert "{{" not in text and "[" not in text, page.slug
                assert "réponse nom" in text or "réponse signataire" in text, page.slug

    def test_index_lists_them(self):
        html = self.client.get("/outils/courriers/").content.decode()
        for spec in demo.models():
            assert f'href="/outils/courriers/{spec["slug"]}/"' in html

    def test_loading_again_creates_nothing(self):
        output = io.StringIO()
        self.assertEqual(demo.load(ensure_site(), output), "0 courriers types créés")
