"""The model letters (`demo/data/letters.yaml`), under the letters index the site structure creates.

Idempotent: a model is looked up by slug and left alone if it exists (the committee may have changed it).
Each model is checked as the admin would check it (fields and conditions that match the questions) before
it is published."""

from django.core.management.base import CommandError

from content.models import ArticlePage, DossierPage
from letters.models import LetterIndexPage, LetterModelPage

from . import check_page, days_ago, read_yaml


def models():
    return read_yaml("letters.yaml")


def _question(spec):
    return {
        "kind": spec.get("kind", "texte"),
        "name": spec["name"],
        "label": spec["label"],
        "help_text": spec.get("help", ""),
        "required": spec.get("required", True),
        "choices": spec.get("choices", ""),
    }


def _condition(spec):
    return {"condition_field": spec.get("if", ""), "condition_value": spec.get("equals", "")}


def _letter_block(spec):
    if "list" in spec:
        items = [{"text": item["text"], **_condition(item)} for item in spec["items"]]
        return ("list", {"title": spec["list"], "items": items, **_condition(spec)})
    return (
        "paragraph",
        {"style": spec.get("style", "texte"), "text": spec["text"], **_condition(spec)},
    )


def _dossier(slug):
    page = (
        DossierPage.objects.filter(slug=slug).first()
        or ArticlePage.objects.filter(slug=slug).first()
    )
    if page is None:
        raise CommandError(f"letters.yaml : dossier ou article « {slug} » introuvable")
    return page


def load(home, stdout=None):
    index = LetterIndexPage.objects.child_of(home).get()
    created = 0
    for spec in models():
        if LetterModelPage.objects.child_of(index).filter(slug=spec["slug"]).exists():
            continue
        page = LetterModelPage(
            slug=spec["slug"],
            title=spec["title"],
            search_description=spec["introduction"][:250],
            introduction=spec["introduction"],
            steps=[
                (
                    "step",
                    {
                        "title": step["title"],
                        "intro": step.get("intro", ""),
                        "questions": [_question(q) for q in step["questions"]],
                    },
                )
                for step in spec["steps"]
            ],
            letter=[_letter_block(block) for block in spec["letter"]],
            legal_references=[
                {"type": "legal_reference", "value": reference} for reference in spec["references"]
            ],
            dossier=_dossier(spec["dossier"]),
            last_verified=days_ago(spec["verified_days_ago"]),
            review_interval_months=spec["review_interval_months"],
        )
        check_page(page, "letters.yaml")
        index.add_child(instance=page)
        page.save_revision().publish()
        created += 1
    return f"{created} courriers types créés"
