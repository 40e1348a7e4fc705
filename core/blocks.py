"""Shared StreamField blocks: the vocabulary of a legal fact sheet.

`BaseStreamBlock` is reused by every page with a body; apps extend it (see content/blocks.py).
"""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock

from . import legal

RICH_TEXT_FEATURES = [
    "h3",
    "h4",
    "bold",
    "italic",
    "ol",
    "ul",
    "link",
    "document-link",
    "blockquote",
]


class LegalReferenceValue(blocks.StructValue):
    @property
    def citation(self):
        return legal.cite(self)

    @property
    def reaches_source(self):
        return legal.reaches_source(self)


class LegalReferenceBlock(blocks.StructBlock):
    """A source of law, structured so that it is cited one way everywhere (`core.legal.cite`) and its
    link is checked to reach the article or the decision (`core.legal.link_error`)."""

    kind = blocks.ChoiceBlock(
        choices=legal.SOURCE_KINDS, default=legal.CODE, label="Type de source"
    )
    code = blocks.ChoiceBlock(
        choices=legal.CODE_CHOICES, required=False, label="Code ou convention"
    )
    article = blocks.CharBlock(
        required=False, label="Article", help_text="Ex. L. 221-2-4, 388, 21-12"
    )
    number = blocks.CharBlock(
        required=False,
        label="Numéro",
        help_text="Du texte (2023-1240) ou de la décision (2018-768 QPC, 428478)",
    )
    date = blocks.DateBlock(required=False, label="Date du texte ou de la décision")
    jurisdiction = blocks.CharBlock(
        required=False,
        label="Juridiction",
        help_text="Pour une décision. Ex. Conseil d'État, Cour de cassation, 1re civ.",
    )
    title = blocks.CharBlock(
        required=False,
        label="Intitulé",
        help_text="Intitulé du texte, ou nom de l'affaire pour une décision (Khan c. France)",
    )
    ecli = blocks.RegexBlock(
        regex=legal.ECLI_PATTERN,
        required=False,
        label="ECLI",
        help_text="Identifiant européen d'une décision. Ex. ECLI:FR:CC:2019:2018.768.QPC",
        error_messages={"invalid": "ECLI invalide (attendu ECLI:pays:juridiction:année:numéro)."},
    )
    summary = blocks.TextBlock(required=False, label="Ce que dit le texte ou la décision")
    url = blocks.URLBlock(
        required=False,
        label="Lien vers l'article ou la décision",
        help_text="Sur Légifrance, l'adresse d'un article (…/codes/article_lc/LEGIARTI…) ou d'un texte "
        "(…/jorf/id/JORFTEXT…) ; pour une décision, sa page (Conseil constitutionnel, "
        "…/ceta/id/CETATEXT…, HUDOC). Un lien vers le texte entier d'un article cité est accepté mais "
        "signalé dans « À réviser ».",
    )

    class Meta:
        icon = "doc-full"
        template = "core/blocks/legal_reference.html"
        label = "Référence juridique"
        description = "Un article de code, un texte ou une décision, avec un lien vers sa source"
        value_class = LegalReferenceValue
        preview_value = {
            "kind": legal.CODE,
            "code": "CASF",
            "article": "L. 221-2-4",
            "summary": "Le président du conseil départemental met à l'abri toute personne se déclarant "
            "mineure et privée de la protection de sa famille.",
            "url": "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006074069",
        }

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        kind = value["kind"]
        if kind == legal.CODE:
            if not value["code"]:
                errors["code"] = ValidationError("Choisissez le code ou la convention.")
            if not value["article"].strip():
                errors["article"] = ValidationError("Indiquez l'article cité.")
        elif kind == legal.DECISION:
            if not value["jurisdiction"].strip():
                errors["jurisdiction"] = ValidationError("Indiquez la juridiction.")
            if not value["date"]:
                errors["date"] = ValidationError("Indiquez la date de la décision.")
            if not value["number"].strip() and not value["ecli"]:
                errors["number"] = ValidationError("Indiquez le numéro de la décision ou son ECLI.")
        elif kind == legal.OTHER:
            if not value["title"].strip():
                errors["title"] = ValidationError("Indiquez l'intitulé du texte.")
        else:
            if kind in legal.NUMBERED_TEXTS and not value["number"].strip():
                errors["number"] = ValidationError("Indiquez le numéro du texte (ex. 2023-1240).")
            if not value["date"]:
                errors["date"] = ValidationError("Indiquez la date du texte.")
        if value["ecli"] and kind != legal.DECISION:
            errors["ecli"] = ValidationError("L'ECLI n'identifie que les décisions de justice.")
        link_error = legal.link_error(value)
        if link_error:
            errors["url"] = ValidationError(link_error)
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        choices=[("info", "Information"), ("warning", "Attention"), ("tip", "Conseil pratique")],
        default="info",
        label="Type",
    )
    title = blocks.CharBlock(required=False, label="Titre")
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label="Texte")

    class Meta:
        icon = "warning"
        template = "core/blocks/callout.html"
        label = "Encadré"
        description = "Un point d'attention mis en avant"
        preview_value = {
            "tone": "warning",
            "title": "Délai",
            "text": "<p>Le recours doit être formé dans les deux mois.</p>",
        }


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(label="Question")
    answer = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label="Réponse")

    class Meta:
        icon = "help"
        template = "core/blocks/question_answer.html"
        label = "Question-réponse"
        description = "Une question fréquente et sa réponse"
        preview_value = {
            "question": "Un jeune peut-il être scolarisé sans titre de séjour ?",
            "answer": "<p>Oui.</p>",
        }


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Document")
    title = blocks.CharBlock(required=False, label="Titre affiché")

    class Meta:
        icon = "download"
        template = "core/blocks/document.html"
        label = "Document à télécharger"
        description = "Un fichier de la médiathèque à télécharger"


class BaseStreamBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label="Texte", icon="pilcrow")
    legal_reference = LegalReferenceBlock()
    callout = CalloutBlock()
    question_answer = QuestionAnswerBlock()
    document = DocumentBlock()
    table = TableBlock(
        label="Tableau",
        icon="table",
        table_options={"startRows": 3, "startCols": 3, "colHeaders": True},
        description="Un tableau (pensez à sa légende et à sa ligne d'en-tête)",
    )


class SectionBlock(blocks.StructBlock):
    """A titled, collapsible section: dossiers are long and read in parts."""

    title = blocks.CharBlock(label="Titre de la section")
    content = BaseStreamBlock(label="Contenu")

    class Meta:
        icon = "folder-open-inverse"
        template = "core/blocks/section.html"
        label = "Section"
        description = "Une partie du dossier, repliable, avec son titre"
