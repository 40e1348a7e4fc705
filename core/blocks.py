"""Shared StreamField blocks: the vocabulary of a legal fact sheet.

`BaseStreamBlock` is reused by every page with a body; apps extend it (see content/blocks.py).
"""

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock

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

LEGAL_CODES = [
    ("CASF", "Code de l'action sociale et des familles (CASF)"),
    ("CESEDA", "Code de l'entrée et du séjour des étrangers et du droit d'asile (CESEDA)"),
    ("CC", "Code civil"),
    ("CPC", "Code de procédure civile"),
    ("CJA", "Code de justice administrative"),
    ("CT", "Code du travail"),
    ("CE", "Code de l'éducation"),
    ("CSP", "Code de la santé publique"),
    ("CJPM", "Code de la justice pénale des mineurs"),
    ("CIDE", "Convention internationale des droits de l'enfant"),
    ("autre", "Autre texte (loi, décret, arrêté, circulaire)"),
]


class LegalReferenceBlock(blocks.StructBlock):
    code = blocks.ChoiceBlock(choices=LEGAL_CODES, label="Code ou texte")
    article = blocks.CharBlock(
        label="Article ou référence", help_text="Ex. L.221-2-4, 21-12, décret n° 2023-1240"
    )
    title = blocks.CharBlock(required=False, label="Intitulé du texte (si « autre »)")
    summary = blocks.TextBlock(required=False, label="Ce que dit le texte")
    url = blocks.URLBlock(
        label="Source officielle", help_text="Lien vers Légifrance ou le Journal officiel"
    )

    class Meta:
        icon = "doc-full"
        template = "core/blocks/legal_reference.html"
        label = "Référence juridique"
        description = "Un article de code ou un texte, avec un lien vers sa source officielle"
        preview_value = {
            "code": "CASF",
            "article": "L.221-2-4",
            "summary": "Le président du conseil départemental met à l'abri toute personne se déclarant mineure et privée de la protection de sa famille.",
            "url": "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000038746779",
        }


class CaseLawBlock(blocks.StructBlock):
    court = blocks.CharBlock(
        label="Juridiction", help_text="Ex. Conseil d'État, Cour de cassation, 1re civ."
    )
    date = blocks.DateBlock(label="Date de la décision")
    number = blocks.CharBlock(label="Numéro", help_text="Ex. n° 428478")
    summary = blocks.TextBlock(required=False, label="Apport de la décision")
    url = blocks.URLBlock(required=False, label="Lien vers la décision")

    class Meta:
        icon = "openquote"
        template = "core/blocks/case_law.html"
        label = "Jurisprudence"
        description = "Une décision de justice : juridiction, date, numéro"
        preview_value = {
            "court": "Conseil constitutionnel",
            "date": "2019-03-21",
            "number": "n° 2018-768 QPC",
            "summary": "Les examens radiologiques osseux sont conformes à la Constitution sous réserve de garanties.",
        }


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
    case_law = CaseLawBlock()
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
