"""The rules of the State's flat contribution to the départements' first reception of young people who say
they are minors, as one dated table the committee keeps up to date when a new text applies."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, RevisionMixin

from .quarters import Quarter


class FundingRuleQuerySet(models.QuerySet):
    def live(self):
        return self.filter(live=True)

    def for_quarter(self, quarter):
        """The published rule in force on the first day of `quarter`, or None."""
        return (
            self.live()
            .filter(valid_from__lte=quarter.start)
            .filter(models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=quarter.start))
            .order_by("-valid_from")
            .first()
        )


class FundingRule(DraftStateMixin, RevisionMixin, models.Model):
    """The amounts and limits of the State funding for one period of quarters, and the texts that set them.

    The calculator reads only this table: when a décret or an arrêté changes an amount, the committee ends
    the current period and publishes a new one, and every result states which texts it applied. A draft
    changes nothing until it is published (revisions keep who changed what)."""

    title = models.CharField(
        "intitulé", max_length=120, help_text="Ex. « Règles applicables à partir de 2024 »."
    )
    valid_from = models.DateField(
        "premier jour d'application",
        help_text="Premier jour d'un trimestre (1er janvier, 1er avril…).",
    )
    valid_until = models.DateField(
        "dernier jour d'application",
        null=True,
        blank=True,
        help_text="Dernier jour d'un trimestre ; vide si les règles s'appliquent toujours.",
    )
    evaluation_amount = models.DecimalField(
        "forfait évaluation, conditions remplies (€ par personne évaluée)",
        max_digits=8,
        decimal_places=2,
    )
    evaluation_amount_reduced = models.DecimalField(
        "forfait évaluation, conditions non remplies (€ par personne évaluée)",
        max_digits=8,
        decimal_places=2,
        help_text="Convention avec le préfet non signée (ni ses mesures prises) ou dates et sens des "
        "décisions non transmis. Même montant que ci-dessus si aucune condition ne s'applique.",
    )
    shelter_daily_amount = models.DecimalField(
        "mise à l'abri, 1re phase (€ par personne et par jour)", max_digits=8, decimal_places=2
    )
    shelter_max_days = models.PositiveSmallIntegerField("mise à l'abri, 1re phase (jours au plus)")
    extended_daily_amount = models.DecimalField(
        "mise à l'abri, 2e phase (€ par personne et par jour)", max_digits=8, decimal_places=2
    )
    extended_max_days = models.PositiveSmallIntegerField(
        "mise à l'abri, 2e phase (jours supplémentaires au plus)"
    )
    extended_needs_attestation = models.BooleanField(
        "la 2e phase exige l'attestation du président du conseil départemental",
        default=True,
        help_text="Hébergement adapté à la situation de la personne et premier accompagnement social.",
    )
    claim_delay_months = models.PositiveSmallIntegerField(
        "délai de demande (mois après la fin du trimestre)", default=12
    )
    legal_basis = models.TextField(
        "textes appliqués",
        help_text="Cités sur chaque résultat, ex. « CASF, art. L. 221-2-4 et R. 221-12 ; "
        "décret n° 2023-1240 du 22 décembre 2023 ».",
    )
    legal_url = models.URLField(
        "lien vers le texte",
        blank=True,
        help_text="Adresse Légifrance de l'article ou de l'arrêté qui fixe les montants.",
    )

    objects = FundingRuleQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")], heading="Période"),
        MultiFieldPanel(
            [FieldPanel("evaluation_amount"), FieldPanel("evaluation_amount_reduced")],
            heading="Évaluation de la minorité et de l'isolement",
        ),
        MultiFieldPanel(
            [
                FieldPanel("shelter_daily_amount"),
                FieldPanel("shelter_max_days"),
                FieldPanel("extended_daily_amount"),
                FieldPanel("extended_max_days"),
                FieldPanel("extended_needs_attestation"),
            ],
            heading="Mise à l'abri",
        ),
        FieldPanel("claim_delay_months"),
        FieldPanel("legal_basis"),
        FieldPanel("legal_url"),
    ]

    class Meta:
        ordering = ["-valid_from"]
        verbose_name = "règle de financement de l'État"
        verbose_name_plural = "règles de financement de l'État"

    def __str__(self):
        return self.title

    @property
    def max_days(self):
        return self.shelter_max_days + self.extended_max_days

    def period_label(self):
        first = Quarter.of(self.valid_from)
        if self.valid_until is None:
            return f"à partir du {first}"
        return f"du {first} au {Quarter.of(self.valid_until)}"

    def clean(self):
        super().clean()
        errors = {}
        if self.valid_from and self.valid_from != Quarter.of(self.valid_from).start:
            errors["valid_from"] = (
                "Indiquez le premier jour d'un trimestre (1er janvier, 1er avril…)."
            )
        if self.valid_until:
            if self.valid_until != Quarter.of(self.valid_until).end:
                errors["valid_until"] = (
                    "Indiquez le dernier jour d'un trimestre (31 mars, 30 juin…)."
                )
            elif self.valid_from and self.valid_until < self.valid_from:
                errors["valid_until"] = "La fin de la période précède son début."
        if errors:
            raise ValidationError(errors)
        if self.valid_from and self.overlapping().exists():
            raise ValidationError(
                "Cette période chevauche celle d'une autre règle : terminez d'abord la règle en vigueur."
            )

    def overlapping(self):
        others = FundingRule.objects.exclude(pk=self.pk)
        if self.valid_until:
            others = others.filter(valid_from__lte=self.valid_until)
        return others.filter(
            models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=self.valid_from)
        )
