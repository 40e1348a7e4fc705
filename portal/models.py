"""The home page, plain editorial pages (legal notices, accessibility statement) and site-wide settings."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES, BaseStreamBlock


class HomePage(Page):
    """The portal's front door: featured dossiers, latest resources, upcoming events, the helpdesk."""

    intro = RichTextField("introduction", features=RICH_TEXT_FEATURES, blank=True)
    helpdesk_text = RichTextField(
        "encart permanence juridique",
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Présentation de la permanence juridique sur la page d'accueil.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("helpdesk_text")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = "page d'accueil"

    def route(self, request, path_components):
        """The page at a URL in one query on the indexed `url_path` (migration 0006), where Wagtail's walk
        reads two per level of depth; the walk still answers what that finds no page for (a 404). No
        page type below the home overrides `route`: one that did would need the walk."""
        if path_components:
            url_path = f"{self.url_path}{'/'.join(path_components)}/"
            page = Page.objects.filter(url_path=url_path, path__startswith=self.path).first()
            if page is not None:
                return page.specific.route(request, [])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from .services import home_sections

        context = super().get_context(request, *args, **kwargs)
        context.update(home_sections())
        return context


class StandardPage(Page):
    """A plain editorial page: legal notices, accessibility statement, about the network."""

    introduction = models.TextField("chapô", blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name="contenu")

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    subpage_types = ["portal.StandardPage"]

    class Meta:
        verbose_name = "page simple"


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Contact details and footer text, edited by the committee rather than in code."""

    organisation = models.CharField("structure éditrice", max_length=255, default="Portail MNA")
    contact_email = models.EmailField("courriel de contact", default="contact@portail-mna.fr")
    contact_phone = models.CharField("téléphone", max_length=40, blank=True)
    postal_address = models.TextField("adresse postale", blank=True)
    footer_text = models.TextField(
        "texte du pied de page",
        blank=True,
        default="Centre de ressources sur les mineurs non accompagnés, pour les professionnels.",
    )
    meta_description = models.CharField(
        "description par défaut",
        max_length=300,
        default="Dossiers juridiques, ressources, annuaire, agenda et permanence juridique "
        "pour les professionnels des mineurs non accompagnés.",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("postal_address"),
            ],
            heading="Contact",
        ),
        FieldPanel("footer_text"),
        FieldPanel("meta_description"),
    ]

    class Meta:
        verbose_name = "réglages du site"

    @classmethod
    def for_site(cls, site):
        """Read for every page (the footer): from the cache, per published version (portal/sites.py)."""
        from core.freshness import cached

        if site is None:
            return super().for_site(site)
        return cached("site-settings", site.pk, lambda: super(SiteSettings, cls).for_site(site))
