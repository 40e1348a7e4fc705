"""What the content is made of: thematic dossiers, their articles, the library's resources and the glossary.

The pages keep Wagtail's own `Page.search_fields` (title): Wagtail's index serves only the admin's page
search. What visitors search is the search app's index (`search/indexables.py`), so a page's body is not
written into a second full-text index on every save.
"""

import datetime

from dateutil.relativedelta import relativedelta
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.html import strip_tags
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.blocks import StreamValue
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core import legal
from core.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from core.dates import format_date
from taxonomy.models import Theme

from .blocks import DossierStreamBlock, KeyPointsBlock


class GlossaryEntry(index.Indexed, models.Model):
    """An acronym or term of the field. Its synonyms feed the search engine's query expansion,
    so that a search for the old term (MIE) finds content using the new one (MNA)."""

    term = models.CharField("terme ou sigle", max_length=80, unique=True)
    expansion = models.CharField("forme développée", max_length=255, blank=True)
    definition = models.TextField("définition")
    synonyms = models.TextField(
        "synonymes",
        blank=True,
        help_text="Un par ligne : autres sigles, anciennes appellations, formes développées.",
    )
    themes = models.ManyToManyField(Theme, blank=True, verbose_name="thèmes")

    panels = [
        FieldPanel("term"),
        FieldPanel("expansion"),
        FieldPanel("definition"),
        FieldPanel("synonyms"),
        FieldPanel("themes"),
    ]
    search_fields = [
        index.SearchField("term", boost=3),
        index.AutocompleteField("term"),
        index.SearchField("expansion", boost=2),
        index.SearchField("definition"),
        index.SearchField("synonyms"),
    ]

    class Meta:
        ordering = ["term"]
        verbose_name = "entrée du lexique"
        verbose_name_plural = "lexique"

    def __str__(self):
        return self.term

    @property
    def synonym_list(self):
        return [line.strip() for line in self.synonyms.splitlines() if line.strip()]

    @property
    def anchor(self):
        from django.utils.text import slugify

        return slugify(self.term)

    @property
    def initial(self):
        from unicodedata import normalize

        return normalize("NFKD", self.term[:1]).encode("ascii", "ignore").decode().upper() or "#"


class ReviewableMixin(models.Model):
    """Legal content goes stale when the law changes: each reviewable page records when it was last
    checked and how often it must be, so the committee sees what is overdue."""

    last_verified = models.DateField(
        "vérifié le",
        default=datetime.date.today,
        help_text="Date à laquelle le contenu a été vérifié.",
    )
    review_interval_months = models.PositiveSmallIntegerField(
        "intervalle de révision (mois)",
        default=12,
        help_text="Au-delà, le contenu apparaît dans la liste « À réviser » du comité.",
    )

    review_due = models.DateField("à réviser avant le", editable=False, null=True, db_index=True)
    legal_links_to_fix = models.PositiveSmallIntegerField(
        "références sans lien vers l'article ou la décision",
        default=0,
        editable=False,
        help_text="Références juridiques du contenu publié dont le lien manque ou ne mène qu'au texte "
        "entier : le contenu reste dans la liste « À réviser » tant qu'elles ne sont pas précisées.",
    )

    review_panels = [
        FieldRowPanel(
            [FieldPanel("last_verified"), FieldPanel("review_interval_months")], heading="Révision"
        )
    ]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Stored rather than computed so the overdue list is one indexed query on every database.
        self.review_due = self.last_verified + relativedelta(months=self.review_interval_months)
        body = getattr(self, "body", None)
        if isinstance(body, StreamValue):
            self.legal_links_to_fix = sum(
                not legal.reaches_source(reference) for reference in legal.references_in(body)
            )
        super().save(*args, **kwargs)

    @property
    def review_overdue(self):
        return self.review_due is not None and self.review_due < timezone.localdate()

    @property
    def review_reasons(self):
        """Why the page is in the *À réviser* list, in the committee's words."""
        reasons = []
        if self.review_overdue:
            reasons.append(f"révision dépassée depuis le {format_date(self.review_due)}")
        if self.legal_links_to_fix:
            reasons.append(
                f"{self.legal_links_to_fix} référence(s) juridique(s) sans lien vers l'article "
                "ou la décision"
            )
        return reasons


class DossierTag(TaggedItemBase):
    content_object = ParentalKey(
        "content.DossierPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class DossierPage(ReviewableMixin, Page):
    """A thematic legal file: the portal's core content, checked by the editorial committee."""

    introduction = RichTextField("introduction", features=RICH_TEXT_FEATURES)
    key_points = StreamField(KeyPointsBlock(), blank=True, verbose_name="points clés")
    body = StreamField(DossierStreamBlock(), blank=True, verbose_name="contenu")
    themes = ParentalManyToManyField(
        Theme, blank=True, related_name="dossiers", verbose_name="thèmes"
    )
    tags = ClusterTaggableManager(through=DossierTag, blank=True, verbose_name="mots-clés")
    featured = models.BooleanField(
        "à la une", default=False, help_text="Mis en avant sur la page d'accueil."
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("key_points"),
        FieldPanel("body"),
        InlinePanel("related_resources", label="Ressources liées"),
    ]
    promote_panels = Page.promote_panels + [
        MultiFieldPanel(
            [FieldPanel("themes"), FieldPanel("tags"), FieldPanel("featured")], heading="Classement"
        ),
        *ReviewableMixin.review_panels,
    ]
    parent_page_types = ["content.DossierIndexPage"]
    subpage_types = ["content.ArticlePage"]

    class Meta:
        verbose_name = "dossier thématique"
        verbose_name_plural = "dossiers thématiques"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The body, articles and related resources are rendered once per published version (a cached
        # fragment, never for a preview, whose draft may differ), and read only when it is stale.
        context["fragment_seconds"] = 0 if getattr(request, "is_preview", False) else 3600
        context["articles"] = SimpleLazyObject(self.live_articles)
        context["related"] = SimpleLazyObject(self.live_related_resources)
        return context

    def live_articles(self):
        return list(self.get_children().live().public().specific().order_by("path"))

    def live_related_resources(self):
        return [
            link.resource
            # Each card shows its resource's themes: read for all of them at once, not one query per card.
            for link in self.related_resources.select_related("resource").prefetch_related(
                Prefetch("resource__themes", to_attr="theme_list")
            )
            if link.resource.live
        ]


class DossierRelatedResource(Orderable):
    dossier = ParentalKey(DossierPage, on_delete=models.CASCADE, related_name="related_resources")
    resource = models.ForeignKey("content.ResourcePage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("resource")]


class ArticlePage(ReviewableMixin, Page):
    """A focused article inside a dossier (one question of the dossier's theme, in depth)."""

    introduction = models.TextField("chapô", blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name="contenu")

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    promote_panels = Page.promote_panels + ReviewableMixin.review_panels
    parent_page_types = ["content.DossierPage"]
    subpage_types = []

    class Meta:
        verbose_name = "article"


class ResourceTag(TaggedItemBase):
    content_object = ParentalKey(
        "content.ResourcePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ResourceKind(models.TextChoices):
    TEXTE_JURIDIQUE = "texte-juridique", "Texte juridique"
    JURISPRUDENCE = "jurisprudence", "Jurisprudence"
    RAPPORT = "rapport", "Rapport"
    ETUDE = "etude", "Étude"
    PRESSE = "presse", "Presse"
    ACTES = "actes", "Actes de colloque"
    SCHEMA = "schema", "Schéma explicatif"
    FICHE_EXPERT = "fiche-expert", "Fiche d'expert"
    GUIDE = "guide", "Guide pratique"
    AUTRE = "autre", "Autre"


# Kinds whose content states the law: they are held to the review interval.
LEGAL_KINDS = {
    ResourceKind.TEXTE_JURIDIQUE,
    ResourceKind.JURISPRUDENCE,
    ResourceKind.FICHE_EXPERT,
    ResourceKind.GUIDE,
}


EMPTY_RESOURCE_ERROR = (
    "Une ressource doit avoir un contenu, un document joint ou un lien vers sa source pour être "
    "publiée : sans l'un des trois, le lecteur ne trouverait qu'un titre et un résumé."
)


def has_substance(body_html, document, source_url):
    """A resource is worth publishing when it has a body with text, a file or a source link."""
    return bool(strip_tags(body_html or "").strip() or document or (source_url or "").strip())


class ResourcePageForm(WagtailAdminPageForm):
    """Refuses to publish or submit an empty resource; a draft may still be saved half-written."""

    def clean(self):
        cleaned_data = super().clean()
        if not self.is_deferred_validation and not has_substance(
            str(cleaned_data.get("body") or ""),
            cleaned_data.get("document"),
            cleaned_data.get("source_url"),
        ):
            self.add_error("body", EMPTY_RESOURCE_ERROR)
        return cleaned_data


class ResourcePage(ReviewableMixin, Page):
    """An item of the library: a legal text, a decision, a report, a press article, an expert sheet…"""

    kind = models.CharField("type", max_length=20, choices=ResourceKind.choices, db_index=True)
    date = models.DateField("date", db_index=True)
    summary = models.TextField("résumé")
    body = RichTextField("contenu", blank=True, features=RICH_TEXT_FEATURES)
    themes = ParentalManyToManyField(
        Theme, blank=True, related_name="resources", verbose_name="thèmes"
    )
    tags = ClusterTaggableManager(through=ResourceTag, blank=True, verbose_name="mots-clés")
    departements = ParentalManyToManyField(
        "taxonomy.Departement",
        blank=True,
        related_name="resources",
        verbose_name="départements concernés",
    )
    source_url = models.URLField("source", max_length=500, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="document joint",
    )
    external_id = models.CharField(
        "identifiant externe",
        max_length=100,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text="Identifiant d'origine des contenus importés.",
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("document"),
        FieldPanel("source_url"),
    ]
    promote_panels = Page.promote_panels + [
        MultiFieldPanel(
            [FieldPanel("themes"), FieldPanel("tags"), FieldPanel("departements")],
            heading="Classement",
        ),
        *ReviewableMixin.review_panels,
    ]
    parent_page_types = ["content.ResourceIndexPage"]
    subpage_types = []
    base_form_class = ResourcePageForm

    class Meta:
        verbose_name = "ressource"
        verbose_name_plural = "ressources"

    @property
    def is_legal(self):
        return self.kind in LEGAL_KINDS

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["dossiers"] = (
            DossierPage.objects.live().public().filter(related_resources__resource=self).distinct()
        )
        return context
