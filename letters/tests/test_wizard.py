"""The guided form, screen by screen: steps, errors, going back, the letter, the downloads."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from docx import Document
from pypdf import PdfReader

from letters.factories import paragraph

URL = "/outils/courriers/demande-test/"
STEP_1 = ("reponse-nom_du_jeune", "reponse-date_de_naissance")


def post(client, step, action="suivant", **answers):
    return client.post(URL, {"etape": step, "action": action, **answers})


def step_1(answers):
    return {k: v for k, v in answers.items() if k in STEP_1}


def test_index_lists_the_model_with_its_verified_date(client, letter_page):
    response = client.get("/outils/courriers/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="/outils/courriers/demande-test/"' in html
    assert "Vérifié le" in html and "1er octobre 2026" in html
    assert "ne sont pas conservées" in html


def test_first_step_page(client, letter_page):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h2 id="etape" tabindex="-1">Étape 1 sur 2 : Le jeune</h2>' in html
    assert 'for="id_reponse-nom_du_jeune"' in html
    assert "ne sont pas conservées" in html and "Vérifié le" in html
    assert "no-store" in response["Cache-Control"]
    assert html.count("<h1") == 1
    assert not response.has_header("X-Robots-Tag") and "noindex" not in html  # a public page


def test_the_sitemap_gives_the_tools_address(letter_page, sitemap_locations):
    locations = sitemap_locations()
    assert "http://testserver/outils/courriers/demande-test/" in locations
    assert "http://testserver/outils/courriers/" in locations
    assert not [url for url in locations if "/courriers/" in url and "/outils/" not in url]


def test_tree_address_redirects_to_the_tools_address(client, letter_page):
    response = client.get("/courriers/demande-test/")
    assert response.status_code == 301 and response["Location"] == URL
    assert client.get("/courriers/")["Location"] == "/outils/courriers/"
    assert letter_page.url == URL


def test_unpublished_model_is_not_served(client, letter_page):
    letter_page.unpublish()
    assert client.get(URL).status_code == 404


def test_missing_and_bad_answers_are_reported_on_their_fields(client, letter_page):
    response = post(
        client, 0, **{"reponse-nom_du_jeune": "", "reponse-date_de_naissance": "31/02/2008"}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="erreurs"' in html and "2 points à corriger" in html
    assert "Ce champ est obligatoire." in html
    assert "Saisissez une date valide" in html
    assert re.search(
        r'aria-describedby="id_reponse-nom_du_jeune-error"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*aria-describedby="id_reponse-nom_du_jeune-error"',
        html,
    ) or (
        'aria-describedby="id_reponse-nom_du_jeune-error"' in html and 'aria-invalid="true"' in html
    )
    assert 'value="31/02/2008"' in html  # nothing typed is lost
    assert 'data-focus="erreurs"' in html


def test_choices_and_yes_no_are_checked(client, letter_page, answers):
    answers["reponse-motif"] = "Autre chose"
    answers["reponse-avocat"] = ""
    response = post(client, 1, **answers)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Étape 2 sur 2" in html
    assert "Sélectionnez un choix valide" in html
    assert '<legend>Le jeune a-t-il un avocat ? <span class="required">' in html
    assert 'href="#id_reponse-avocat_0"' in html


def test_next_step_carries_the_answers_in_hidden_fields(client, letter_page, answers):
    response = post(client, 0, **step_1(answers))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Étape 2 sur 2 : La demande" in html
    assert '<input type="hidden" name="reponse-nom_du_jeune" value="Amadou Diallo">' in html
    assert 'data-focus="etape"' in html
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_back_keeps_every_answer_even_unfinished(client, letter_page, answers):
    answers["reponse-details"] = "Ligne 1\nLigne 2 <b>gras</b>"
    answers["reponse-motif"] = "pas un choix"
    response = post(client, 1, action="precedent", **answers)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Étape 1 sur 2" in html
    assert 'value="Amadou Diallo"' in html and 'value="2008-03-15"' in html
    assert 'name="reponse-details" value="Ligne 1\nLigne 2 &lt;b&gt;gras&lt;/b&gt;"' in html
    assert 'name="reponse-motif" value="pas un choix"' in html
    # and forward again: step 2 shows what was typed there
    again = post(client, 0, **answers).content.decode()
    assert "Ligne 2 &lt;b&gt;gras&lt;/b&gt;</textarea>" in again


def test_the_letter_with_conditions(client, letter_page, answers):
    html = post(client, 1, **answers).content.decode()
    assert "Votre courrier" in html
    assert "Je soussigné(e) Amadou Diallo, né(e) le 15 mars 2008, vous écris." in html
    assert "Je suis assisté(e) par Maître Claire Dupont." in html
    assert "désignation d&#x27;un avocat" not in html and "Précisions" not in html
    assert "attestation de formation" in html
    answers.update({"reponse-avocat": "non", "reponse-motif": "Soins"})
    html = post(client, 1, **answers).content.decode()
    assert "Je demande la désignation d&#x27;un avocat." in html
    assert "Maître" not in html and "attestation de formation" not in html


def test_hostile_answers_are_escaped_and_stay_literal(client, letter_page, answers):
    answers["reponse-nom_du_jeune"] = '<script>alert("x")</script>{{ date_du_jour }}{% debug %}'
    html = post(client, 1, **answers).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;{{ date_du_jour }}{% debug %}" in html


def test_a_forged_download_with_missing_answers_goes_back_to_the_step(client, letter_page, answers):
    answers.pop("reponse-nom_du_jeune")
    response = post(client, 1, action="pdf", **answers)
    assert response.status_code == 400
    assert "Étape 1 sur 2" in response.content.decode()


def test_docx_download_parsed_back(client, letter_page, answers):
    answers["reponse-nom_du_jeune"] = "Amadou <b>{{ x }}</b> & Cie"
    response = post(client, 1, action="docx", **answers)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"] == 'attachment; filename="demande-test.docx"'
    assert "no-store" in response["Cache-Control"]
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Je soussigné(e) Amadou <b>{{ x }}</b> & Cie, né(e) le 15 mars 2008" in text
    assert "Objet : demande motivée (Formation)" in text
    assert "Maître Claire Dupont" in text
    assert "attestation de formation" in text
    assert document.core_properties.title == "Demande test"
    assert document.core_properties.author == "Portail MNA"


def test_pdf_download_text_is_extractable(client, letter_page, answers):
    response = post(client, 1, action="pdf", **answers)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert "Amadou Diallo" in text
    assert "15 mars 2008" in text
    assert "Maître Claire Dupont" in text


def test_downloads_are_rate_limited(client, letter_page, answers, settings):
    settings.LETTERS_DOWNLOADS_PER_HOUR = 1
    assert post(client, 1, action="docx", **answers).status_code == 200
    response = post(client, 1, action="docx", **answers)
    assert response.status_code == 429
    assert "Réessayez dans une heure" in response.content.decode()


def test_edit_buttons_go_back_to_a_step(client, letter_page, answers):
    html = post(client, 1, action="modifier-0", **answers).content.decode()
    assert "Étape 1 sur 2" in html and 'value="Amadou Diallo"' in html


def test_sources_and_dossier_link(client, letter_index, dossier_index):
    from content.factories import DossierPageFactory
    from letters.factories import LetterModelPageFactory

    dossier = DossierPageFactory(
        parent=dossier_index, title="Les jeunes majeurs", slug="jeunes-majeurs"
    )
    page = LetterModelPageFactory(
        parent=letter_index,
        slug="jm",
        dossier=dossier,
        legal_references=[
            (
                "legal_reference",
                {
                    "kind": "code",
                    "code": "CASF",
                    "article": "L.222-5",
                    "summary": "Jeunes majeurs.",
                    "url": "",
                },
            )
        ],
    )
    page.save_revision().publish()
    html = client.get("/outils/courriers/jm/").content.decode()
    assert "CASF, art. L. 222-5" in html
    assert 'href="/dossiers/jeunes-majeurs/"' in html


def test_the_page_cache_never_keeps_a_letter_page(client, letter_page, settings):
    settings.PAGE_CACHE_SECONDS = 300
    first = client.get(URL)
    second = client.get(URL)
    assert first.get("X-Page-Cache") is None and second.get("X-Page-Cache") is None
    assert "no-store" in second["Cache-Control"]


def test_committee_preview_of_the_letter(rf, letter_page, editor):
    request = rf.get("/admin/preview/")
    request.user = editor
    response = letter_page.serve_preview(request, "courrier")
    response.render()
    html = response.content.decode()
    assert "Je soussigné(e) [Nom et prénom du jeune]" in html
    assert "Je demande la désignation" in html and "Maître [Nom de l&#x27;avocat]" in html


def _blocks(stream):
    return [(block.block_type, block.value) for block in stream]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{{ prenom }}", "Le champ « prenom » n'existe dans aucune question."),
        ("{% if x %}", "Accolades mal formées"),
    ],
)
def test_the_committee_is_told_about_bad_fields(letter_page, text, message):
    letter_page.letter = [*_blocks(letter_page.letter), paragraph(text)]
    with pytest.raises(ValidationError) as error:
        letter_page.full_clean()
    assert message in str(error.value.message_dict["letter"])


def test_the_committee_is_told_about_bad_conditions_and_duplicate_names(letter_page):
    letter_page.letter = [
        *_blocks(letter_page.letter),
        paragraph("x", "texte", "avocat", "peut-être"),
        paragraph("y", "texte", "motif", "Vacances"),
        paragraph("z", "texte", "inconnu"),
    ]
    steps = letter_page.steps.raw_data
    steps[1]["value"]["questions"].append(steps[0]["value"]["questions"][0])
    letter_page.steps = steps
    with pytest.raises(ValidationError) as error:
        letter_page.full_clean()
    messages = error.value.message_dict
    assert "nom_du_jeune" in str(messages["steps"])
    letter_errors = " ".join(messages["letter"])
    assert "doit valoir « oui » ou « non »" in letter_errors
    assert "« Vacances », qui n'est pas l'un des choix" in letter_errors
    assert "« inconnu », qu'aucune question ne pose" in letter_errors


def test_the_committee_adds_a_model_in_the_admin(client, editor, letter_index):
    client.force_login(editor)
    response = client.get(f"/admin/pages/add/letters/lettermodelpage/{letter_index.pk}/")
    assert response.status_code == 200
    assert (
        "Texte du courrier" in response.content.decode()
        or "texte du courrier" in response.content.decode()
    )


def test_a_private_model_asks_for_a_login(client, letter_page):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=letter_page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(URL)
    assert response.status_code == 302 and "login" in response["Location"]
    assert "demande-test" not in client.get("/outils/courriers/").content.decode()
