"""What the practices library is made of: action sheets and their partners. The index page that lists
them is in `models`, which reads `filters`, which reads this module.
"""

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from core.blocks import RICH_TEXT_FEATURES
from taxonomy.models import Theme

# The form of proposal lives at /pratiques/proposer/ (a view, matched before the page tree): no sheet may
# take that slug, or it would be unreachable.
RESERVED_SLUGS = frozenset({"proposer"})


class PartnerKind(models.TextChoices):
    """Who takes part in an action, as the library's filter offers it."""

    DEPARTEMENT = "departement", "Département / ASE"
    ETAT = "etat", "État / préfecture"
    ASSOCIATION = "association", "Association"
    MISSION_LOCALE = "mission-locale", "Mission locale"
    EDUCATION = "education", "Éducation nationale"
    SANTE = "sante", "Santé"
    JUSTICE = "justice", "Justice / PJJ"
    EMPLOI = "emploi", "Emploi et formation"
    COLLECTIVITE = "collectivite", "Commune ou intercommunalité"
    AUTRE = "autre", "Autre"


# A sheet's narrative fields: typed as plain text by a member (stored as sanitised rich text), not shown
# by a card.
NARRATIVE_FIELDS = ("problem", "objective", "actions", "calendar", "indicators", "results")


class PracticeSheetPage(Page):
    """One practice (*fiche action*): the problem the diagnostic found, the objective, who leads it and
    with which partners, the actions, their calendar, how they are measured and what they achieved."""

    summary = models.TextField(
        "résumé",
        help_text="Deux ou trois phrases, reprises dans la liste et les résultats de recherche.",
    )
    departement = models.ForeignKey(
        "taxonomy.Departement",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practices",
        verbose_name="département",
        help_text="Laisser vide pour une action nationale ou interdépartementale.",
    )
    themes = ParentalManyToManyField(
        Theme, blank=True, related_name="practices", verbose_name="thèmes"
    )
    lead_organisation = models.CharField("structure porteuse", max_length=200)
    lead_kind = models.CharField(
        "type de structure porteuse", max_length=20, choices=PartnerKind.choices, db_index=True
    )
    problem = RichTextField("problème constaté lors du diagnostic", features=RICH_TEXT_FEATURES)
    objective = RichTextField("objectif", features=RICH_TEXT_FEATURES)
    actions = RichTextField("actions menées", features=RICH_TEXT_FEATURES)
    calendar = RichTextField("calendrier", features=RICH_TEXT_FEATURES)
    indicators = RichTextField("indicateurs", blank=True, features=RICH_TEXT_FEATURES)
    results = RichTextField("résultats", blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("lead_organisation"), FieldPanel("lead_kind")]),
                InlinePanel("partners", label="Partenaires"),
            ],
            heading="Qui mène l'action",
        ),
        FieldPanel("problem"),
        FieldPanel("objective"),
        FieldPanel("actions"),
        FieldPanel("calendar"),
        FieldPanel("indicators"),
        FieldPanel("results"),
    ]
    promote_panels = Page.promote_panels + [
        MultiFieldPanel([FieldPanel("departement"), FieldPanel("themes")], heading="Classement")
    ]
    parent_page_types = ["practices.PracticeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "fiche action"
        verbose_name_plural = "fiches action"

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": f"L'adresse « {self.slug} » est réservée au portail."})

    @property
    def partner_kinds(self):
        """The kinds of structure involved, lead first, each once, in the order of the choices."""
        kinds = {self.lead_kind, *(partner.kind for partner in self.partners.all())}
        return [label for value, label in PartnerKind.choices if value in kinds]


class PracticePartner(Orderable):
    """A structure that takes part in a practice, besides the one that leads it."""

    sheet = ParentalKey(PracticeSheetPage, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField("nom", max_length=200)
    kind = models.CharField("type", max_length=20, choices=PartnerKind.choices, db_index=True)
    role = models.CharField("rôle dans l'action", max_length=255, blank=True)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("kind")]), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = "partenaire"

    def __str__(self):
        return self.name
