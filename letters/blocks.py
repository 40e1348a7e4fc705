"""What the committee writes a model letter with: steps of questions, and the letter's paragraphs and
lists, each optionally shown on a condition. The text language is `letters.engine`'s, never a template's."""

from django.core.exceptions import ValidationError
from wagtail import blocks

from . import engine

STYLES = [
    ("texte", "Paragraphe"),
    ("expediteur", "Expéditeur (en haut à gauche)"),
    ("destinataire", "Destinataire (à droite)"),
    ("lieu_date", "Lieu et date (à droite)"),
    ("objet", "Objet (en gras)"),
    ("signature", "Signature (à droite)"),
]
FIELD_HELP = (
    "Les champs s'écrivent {{ nom_du_champ }} et sont remplacés par les réponses ; "
    "{{ date_du_jour }} donne la date du jour. Aucune autre syntaxe n'est interprétée."
)


class QuestionBlock(blocks.StructBlock):
    """One question of a step; its answer is the field `name` of the letter text."""

    kind = blocks.ChoiceBlock(choices=engine.KINDS, default=engine.TEXT, label="Type de réponse")
    name = blocks.RegexBlock(
        regex=engine.NAME.pattern,
        label="Nom du champ",
        help_text=f"Identifiant de la réponse dans le courrier ({engine.NAME_HELP}).",
        error_messages={"invalid": f"Nom de champ invalide : {engine.NAME_HELP}."},
    )
    label = blocks.CharBlock(label="Question", help_text="En français simple, ex. « Nom du jeune »")
    help_text = blocks.CharBlock(
        required=False, label="Aide", help_text="Affichée sous la question."
    )
    required = blocks.BooleanBlock(required=False, default=True, label="Réponse obligatoire")
    choices = blocks.TextBlock(
        required=False,
        label="Choix proposés",
        help_text="Pour une question « Choix dans une liste » : un choix par ligne.",
    )

    class Meta:
        icon = "help"
        label = "Question"
        description = "Une question posée à l'utilisateur, dont la réponse remplit un champ"
        preview_value = {
            "kind": engine.TEXT,
            "name": "nom_du_jeune",
            "label": "Nom et prénom du jeune",
            "required": True,
        }

    def clean(self, value):
        value = super().clean(value)
        if value["kind"] == engine.CHOICE and not choice_list(value["choices"]):
            raise blocks.StructBlockValidationError(
                block_errors={"choices": ValidationError("Indiquez au moins un choix.")}
            )
        return value


def choice_list(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class StepBlock(blocks.StructBlock):
    """A group of questions shown together, one step of the guided form."""

    title = blocks.CharBlock(label="Titre de l'étape", help_text="Ex. « Le jeune », « La demande »")
    intro = blocks.TextBlock(
        required=False, label="Explication", help_text="Affichée en tête d'étape."
    )
    questions = blocks.ListBlock(QuestionBlock(), label="Questions", min_num=1)

    class Meta:
        icon = "list-ol"
        label = "Étape"
        description = "Un groupe de questions affiché sur un seul écran"


class StepsBlock(blocks.StreamBlock):
    step = StepBlock()

    class Meta:
        min_num = 1


def condition_blocks():
    """The two blocks of a condition: the field, and the value it must have (optional)."""
    return (
        blocks.CharBlock(
            required=False,
            label="Seulement si la réponse…",
            help_text="Nom du champ (ex. avocat) : sans valeur ci-dessous, le texte n'apparaît que si "
            "la réponse est donnée (pour un oui/non : si c'est « oui »).",
        ),
        blocks.CharBlock(
            required=False,
            label="…vaut",
            help_text="Facultatif : « non », ou l'un des choix proposés.",
        ),
    )


class LetterParagraphBlock(blocks.StructBlock):
    """A paragraph of the letter, in one of its places (sender, recipient, subject, body, signature)."""

    style = blocks.ChoiceBlock(choices=STYLES, default="texte", label="Place dans le courrier")
    text = blocks.TextBlock(label="Texte", help_text=FIELD_HELP)
    condition_field, condition_value = condition_blocks()

    class Meta:
        icon = "pilcrow"
        label = "Paragraphe"
        description = "Un paragraphe du courrier, avec ses champs, éventuellement conditionnel"
        preview_value = {
            "style": "texte",
            "text": "Je soussigné(e) {{ nom_du_jeune }}, né(e) le {{ date_de_naissance }}…",
        }


class LetterListItemBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Élément", help_text=FIELD_HELP)
    condition_field, condition_value = condition_blocks()

    class Meta:
        icon = "tick"
        label = "Élément"


class LetterListBlock(blocks.StructBlock):
    """A list in the letter (the documents enclosed, the pieces to gather), each item on its condition."""

    title = blocks.CharBlock(required=False, label="Phrase d'introduction", help_text=FIELD_HELP)
    items = blocks.ListBlock(LetterListItemBlock(), label="Éléments", min_num=1)
    condition_field, condition_value = condition_blocks()

    class Meta:
        icon = "list-ul"
        label = "Liste"
        description = (
            "Une liste à puces (pièces jointes, pièces à réunir), chaque élément conditionnel"
        )


class LetterBlock(blocks.StreamBlock):
    paragraph = LetterParagraphBlock()
    list = LetterListBlock()

    class Meta:
        min_num = 1
