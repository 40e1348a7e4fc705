"""The blocks of an editorial newsletter: text, « à la une », picked dossiers and resources, events.

They render twice: in the public archive (`template`) and in the email (`newsletter.issues`, which reads
the same values and writes inline-styled HTML and plain text)."""

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from core.blocks import RICH_TEXT_FEATURES

PICKABLE_PAGES = ["content.DossierPage", "content.ArticlePage", "content.ResourcePage"]


class FeaturedBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(target_model=PICKABLE_PAGES, label="Dossier ou ressource")
    text = blocks.TextBlock(label="Présentation", required=False, max_length=600)

    class Meta:
        icon = "pick"
        label = "À la une"
        template = "newsletter/blocks/featured.html"
        description = "Un dossier ou une ressource mis en avant en tête de lettre."
        preview_value = {"text": "Le point sur les nouvelles règles d'évaluation de la minorité."}


class PagesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Titre de la rubrique", default="À lire")
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(target_model=PICKABLE_PAGES), label="Dossiers et ressources"
    )

    class Meta:
        icon = "doc-full"
        label = "Dossiers et ressources"
        template = "newsletter/blocks/pages.html"
        description = "Une liste de dossiers, articles ou ressources choisis."
        preview_value = {"heading": "À lire", "pages": []}


class EventsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Titre de la rubrique", default="Agenda")
    events = blocks.ListBlock(SnippetChooserBlock("agenda.Event"), label="Événements")

    class Meta:
        icon = "date"
        label = "Événements"
        template = "newsletter/blocks/events.html"
        description = "Des événements de l'agenda du réseau."
        preview_value = {"heading": "Agenda", "events": []}


class IssueStreamBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label="Texte", icon="pilcrow")
    featured = FeaturedBlock()
    pages = PagesBlock()
    events = EventsBlock()
