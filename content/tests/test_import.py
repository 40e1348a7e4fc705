import json

import pytest
from django.core.management import CommandError, call_command
from wagtail.documents import get_document_model

from content.models import ResourcePage

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def good_line(**overrides):
    data = {
        "external_id": "infomie-1",
        "title": "Avis sur l'évaluation de la minorité",
        "kind": "rapport",
        "summary": "Un avis.",
        "body_html": "<p>Texte <strong>important</strong></p>",
        "date": "2023-04-12",
        "themes": ["evaluation-minorite"],
        "tags": ["examen osseux"],
        "departements": ["75", "2a", "974"],
        "source_url": "https://example.org/avis",
        "file": None,
    }
    data.update(overrides)
    return json.dumps(data, ensure_ascii=False)


def write(tmp_path, lines):
    path = tmp_path / "import.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(path):
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("import_resources", str(path), stdout=out, stderr=err)
        failed = False
    except CommandError:
        failed = True
    return failed, out.getvalue(), err.getvalue()


def test_good_lines_are_published_under_the_library(tmp_path, resource_index):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "avis.pdf").write_bytes(PDF)
    path = write(
        tmp_path,
        [good_line(), good_line(external_id="infomie-2", title="Second", file="docs/avis.pdf")],
    )
    failed, out, err = run(path)
    assert not failed, err
    assert "ligne 1 : créée (infomie-1)" in out
    first = ResourcePage.objects.get(external_id="infomie-1")
    assert first.live and first.get_parent().specific == resource_index
    assert sorted(d.code for d in first.departements.all()) == ["2A", "75", "974"]
    assert [t.slug for t in first.themes.all()] == ["evaluation-minorite"]
    assert [t.name for t in first.tags.all()] == ["examen osseux"]
    second = ResourcePage.objects.get(external_id="infomie-2")
    assert second.document is not None and second.document.file.read() == PDF


def test_second_run_updates_and_never_duplicates(tmp_path, resource_index):
    (tmp_path / "a.pdf").write_bytes(PDF)
    run(write(tmp_path, [good_line(file="a.pdf")]))
    document_id = ResourcePage.objects.get().document_id
    failed, out, _ = run(write(tmp_path, [good_line(title="Titre corrigé", file="a.pdf")]))
    assert not failed
    assert "mise à jour" in out
    page = ResourcePage.objects.get()
    assert page.title == "Titre corrigé"
    assert page.document_id == document_id
    assert ResourcePage.objects.count() == 1


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (good_line(kind="podcast"), "type inconnu"),
        (good_line(themes=["astrologie"]), "thème inconnu"),
        (good_line(date="12/04/2023"), "date invalide"),
        (good_line(title="  "), "titre manquant"),
        (good_line(file="absent.pdf"), "fichier illisible"),
        (good_line(file="../../etc/passwd"), "fichier hors du dossier"),
        (good_line(departements=["99"]), "département inconnu"),
        (good_line(source_url="javascript:alert(1)"), "URL de source invalide"),
        (good_line(body_html="<p> </p>", source_url="", file=None), "ressource vide"),
        ("{pas du json", "JSON invalide"),
    ],
)
def test_bad_line_is_reported_and_changes_nothing(tmp_path, resource_index, line, reason):
    path = write(
        tmp_path,
        [good_line(external_id="ok-1"), line, good_line(external_id="ok-2", title="Autre")],
    )
    failed, out, err = run(path)
    assert failed
    assert f"ligne 2 : ERREUR {reason}" in err
    assert sorted(ResourcePage.objects.values_list("external_id", flat=True)) == ["ok-1", "ok-2"]


def test_bad_update_leaves_the_existing_resource_untouched(tmp_path, resource_index):
    run(write(tmp_path, [good_line()]))
    failed, _, _ = run(write(tmp_path, [good_line(title="Nouveau titre", kind="inconnu")]))
    assert failed
    assert ResourcePage.objects.get().title == "Avis sur l'évaluation de la minorité"


def test_body_html_is_cleaned(tmp_path, resource_index, client):
    payload = (
        '<p>Bonjour<script>alert("x")</script><img src=x onerror="alert(1)">'
        '<a href="javascript:alert(2)">lien</a><a href="https://legifrance.gouv.fr">ok</a></p>'
    )
    run(write(tmp_path, [good_line(body_html=payload)]))
    page = ResourcePage.objects.get()
    assert (
        "script" not in page.body and "onerror" not in page.body and "javascript" not in page.body
    )
    assert 'href="https://legifrance.gouv.fr"' in page.body
    html = client.get(page.url).content.decode()
    assert "alert" not in html


def test_unchanged_line_publishes_no_new_revision(tmp_path, resource_index):
    (tmp_path / "a.pdf").write_bytes(PDF)
    path = write(tmp_path, [good_line(file="a.pdf")])
    run(path)
    page = ResourcePage.objects.get()
    revisions = page.revisions.count()
    failed, out, _ = run(path)
    assert not failed
    assert "ligne 1 : inchangée (infomie-1)" in out
    assert "0 ligne(s) créée(s), 0 mise(s) à jour, 1 inchangée(s), 0 en erreur" in out
    assert page.revisions.count() == revisions
    failed, out, _ = run(write(tmp_path, [good_line(file="a.pdf", tags=["autre"])]))
    assert "ligne 1 : mise à jour (infomie-1)" in out
    assert page.revisions.count() == revisions + 1


def test_optional_slug_and_review_dates(tmp_path, resource_index):
    line = good_line(slug="avis-evaluation", last_verified="2025-01-31", review_interval_months=6)
    failed, _, err = run(write(tmp_path, [line]))
    assert not failed, err
    page = ResourcePage.objects.get()
    assert page.url == "/ressources/avis-evaluation/"
    assert page.last_verified.isoformat() == "2025-01-31"
    assert page.review_interval_months == 6
    assert page.search_description == "Un avis."


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"slug": "pas un slug"}, "slug invalide"),
        ({"last_verified": "31/01/2025"}, "last_verified invalide"),
        ({"review_interval_months": 0}, "review_interval_months invalide"),
        ({"review_interval_months": "six"}, "review_interval_months invalide"),
    ],
)
def test_bad_optional_fields_are_reported(tmp_path, resource_index, overrides, reason):
    failed, _, err = run(write(tmp_path, [good_line(**overrides)]))
    assert failed and f"ligne 1 : ERREUR {reason}" in err
    assert not ResourcePage.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("page.html", b"<html><script>fetch('/admin/permanence/')</script></html>"),
        ("script.js", b"fetch('/admin/permanence/').then(r => r.text())"),
        ("image.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("faux.pdf", b"<html><script>alert(1)</script></html>"),
        ("photo.pdf", b"\x89PNG\r\n\x1a\n" + b"\0" * 64),
        ("notes.txt", b"<!DOCTYPE html><script>alert(1)</script>"),
    ],
)
def test_files_that_could_run_in_the_browser_are_refused(tmp_path, resource_index, name, content):
    (tmp_path / name).write_bytes(content)
    path = write(tmp_path, [good_line(file=name)])
    failed, out, err = run(path)
    assert failed
    assert f"ligne 1 : ERREUR fichier refusé : {name}" in err
    assert not ResourcePage.objects.exists()
    assert not get_document_model().objects.exists()


def test_a_plain_text_file_is_accepted(tmp_path, resource_index):
    (tmp_path / "liste.csv").write_bytes(b"nom;ville\nASE;Lyon\n")
    failed, out, err = run(write(tmp_path, [good_line(file="liste.csv")]))
    assert not failed, err
    assert ResourcePage.objects.get().document.file.name.endswith(".csv")
