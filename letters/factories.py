import datetime

import factory
import wagtail_factories

from .models import LetterIndexPage, LetterModelPage


def question(name, label, kind="texte", required=True, choices="", help_text=""):
    return {
        "kind": kind,
        "name": name,
        "label": label,
        "help_text": help_text,
        "required": required,
        "choices": choices,
    }


def paragraph(text, style="texte", condition_field="", condition_value=""):
    return (
        "paragraph",
        {
            "style": style,
            "text": text,
            "condition_field": condition_field,
            "condition_value": condition_value,
        },
    )


def item(text, condition_field="", condition_value=""):
    return {"text": text, "condition_field": condition_field, "condition_value": condition_value}


def sample_steps():
    return [
        (
            "step",
            {
                "title": "Le jeune",
                "intro": "",
                "questions": [
                    question("nom_du_jeune", "Nom et prénom du jeune"),
                    question("date_de_naissance", "Date de naissance", kind="date"),
                ],
            },
        ),
        (
            "step",
            {
                "title": "La demande",
                "intro": "Ce que vous demandez.",
                "questions": [
                    question("motif", "Motif", kind="choix", choices="Formation\nSoins\nLogement"),
                    question("avocat", "Le jeune a-t-il un avocat ?", kind="oui_non"),
                    question("nom_avocat", "Nom de l'avocat", required=False),
                    question("details", "Précisions", kind="texte_long", required=False),
                ],
            },
        ),
    ]


def sample_letter():
    return [
        paragraph("{{ nom_du_jeune }}\nFoyer Les Tilleuls", style="expediteur"),
        paragraph("Monsieur le Président\ndu conseil départemental", style="destinataire"),
        paragraph("Le {{ date_du_jour }}", style="lieu_date"),
        paragraph("Objet : demande motivée ({{ motif }})", style="objet"),
        paragraph(
            "Je soussigné(e) {{ nom_du_jeune }}, né(e) le {{ date_de_naissance }}, vous écris."
        ),
        paragraph("Je suis assisté(e) par Maître {{ nom_avocat }}.", "texte", "avocat"),
        paragraph("Je demande la désignation d'un avocat.", "texte", "avocat", "non"),
        paragraph("Précisions : {{ details }}", "texte", "details"),
        (
            "list",
            {
                "title": "Pièces jointes :",
                "items": [
                    item("copie de la pièce d'identité"),
                    item("attestation de formation", "motif", "Formation"),
                ],
                "condition_field": "",
                "condition_value": "",
            },
        ),
        paragraph("{{ nom_du_jeune }}", style="signature"),
    ]


class LetterIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LetterIndexPage

    title = "Courriers types"
    slug = "courriers"


class LetterModelPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LetterModelPage

    title = factory.Sequence(lambda n: f"Courrier {n}")
    slug = factory.Sequence(lambda n: f"courrier-{n}")
    introduction = "Demander quelque chose au département."
    steps = factory.LazyFunction(sample_steps)
    letter = factory.LazyFunction(sample_letter)
    last_verified = factory.LazyFunction(lambda: datetime.date(2026, 10, 1))
