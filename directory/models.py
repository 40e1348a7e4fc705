"""The national directory: the services offered, and the actors."""

import datetime

from django import forms
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from taxonomy.models import Departement


class Service(models.Model):
    """A kind of help an actor offers (shelter, evaluation, access to rights…): a managed list."""

    slug = models.SlugField("identifiant", unique=True)
    name = models.CharField("nom", max_length=120)
    position = models.PositiveSmallIntegerField("ordre", default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("position")]

    class Meta:
        ordering = ["position", "name"]
        verbose_name = "service"
        verbose_name_plural = "services"

    def __str__(self):
        return self.name


class ActorKind(models.TextChoices):
    ASSOCIATION = "association", "Association"
    DEPARTEMENT_ASE = "departement-ase", "Conseil départemental / ASE"
    PJJ = "pjj", "Protection judiciaire de la jeunesse"
    JUSTICE = "justice", "Justice (tribunal, juge des enfants)"
    PREFECTURE = "prefecture", "Préfecture"
    MISSION_LOCALE = "mission-locale", "Mission locale"
    AVOCAT = "avocat", "Avocat / barreau"
    SANTE = "sante", "Santé"
    EDUCATION = "education", "Éducation"
    HEBERGEMENT = "hebergement", "Hébergement"
    ETAT = "etat", "Services de l'État (dont MMNA)"
    AUTRE = "autre", "Autre"


# The relations an actor card or export row shows, and the list attribute each is prefetched into.
LISTED_RELATIONS = {
    "services": "service_list",
    "departements": "departement_list",
    "themes": "theme_list",
}


class ActorQuerySet(models.QuerySet):
    def live(self):
        return self.filter(live=True)

    def with_listing_relations(self):
        """Everything an actor card or export row shows, as plain lists (`service_list`,
        `departement_list`, `theme_list`): three queries whatever the length of the list. Lists rather
        than the related managers' cache: filling that cache builds a queryset per actor and relation
        (modelcluster's managers), which cost more than the rest of a directory page."""
        return self.prefetch_related(
            *(Prefetch(name, to_attr=attr) for name, attr in LISTED_RELATIONS.items())
        )


class Actor(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    index.Indexed,
    ClusterableModel,
):
    """An associative or institutional actor of the national directory: who does what, where.
    Moderated like content, because professionals act on these contact details."""

    name = models.CharField("nom", max_length=255)
    slug = models.SlugField("identifiant d'URL", max_length=255, unique=True)
    kind = models.CharField(
        "type d'acteur", max_length=20, choices=ActorKind.choices, db_index=True
    )
    services = ParentalManyToManyField(
        Service, blank=True, related_name="actors", verbose_name="services"
    )
    is_national = models.BooleanField("action nationale", default=False)
    departements = ParentalManyToManyField(
        Departement, blank=True, related_name="actors", verbose_name="départements couverts"
    )
    address = models.CharField("adresse", max_length=255, blank=True)
    postcode = models.CharField("code postal", max_length=10, blank=True)
    city = models.CharField("ville", max_length=120, blank=True)
    phone = models.CharField("téléphone", max_length=40, blank=True)
    email = models.EmailField("courriel", blank=True)
    website = models.URLField("site internet", max_length=500, blank=True)
    description = models.TextField("description", blank=True)
    themes = ParentalManyToManyField(
        "taxonomy.Theme", blank=True, related_name="actors", verbose_name="thèmes"
    )
    last_verified = models.DateField("vérifié le", default=datetime.date.today)
    external_id = models.CharField(
        "identifiant externe", max_length=100, unique=True, null=True, blank=True
    )

    objects = ActorQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("is_national"),
                FieldPanel("departements", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Territoire",
        ),
        FieldPanel("services", widget=forms.CheckboxSelectMultiple),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("website"),
            ],
            heading="Coordonnées",
        ),
        FieldRowPanel([FieldPanel("last_verified"), FieldPanel("external_id")]),
    ]

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.SearchField("city"),
        index.FilterField("live"),
        index.FilterField("kind"),
    ]

    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="actor",
        for_concrete_model=False,
    )
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="actor",
        for_concrete_model=False,
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "acteur"
        verbose_name_plural = "acteurs"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("directory:actor", kwargs={"slug": self.slug})

    def record_live_revision(self, user=None):
        """Store the row as it now stands as a revision and mark it live: for data written directly (imports,
        demo), so the admin history starts from it and a later draft compares against it."""
        revision = self.save_revision(user=user, changed=False, clean=False)
        now = revision.created_at
        Actor.objects.filter(pk=self.pk).update(
            live_revision=revision,
            last_published_at=now,
            first_published_at=self.first_published_at or now,
        )
        return revision

    @property
    def website_label(self):
        """The website without its scheme, as people read it."""
        return self.website.split("://", 1)[-1].rstrip("/")


class ActorReportQuerySet(models.QuerySet):
    def past_retention(self, cutoff):
        """Reports whose reporter's identity is no longer kept: handled before `cutoff`, or received before
        it and not handled (or handled before the date was recorded)."""
        return self.filter(anonymised_at__isnull=True).filter(
            models.Q(handled_at__lt=cutoff)
            | models.Q(handled_at__isnull=True, created_at__lt=cutoff)
        )


class ActorReport(models.Model):
    """A member of the public's report that a directory entry is wrong. It never changes the actor: it
    waits in the admin until an editor corrects the entry (through the moderated workflow) and marks it handled.
    The reporter's name and email are for the committee only, never shown on the site, and wiped
    DIRECTORY_REPORT_RETENTION_MONTHS after the report is handled (`directory_anonymise_reports`)."""

    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="reports", verbose_name="acteur"
    )
    message = models.TextField("ce qui est erroné", max_length=3000)
    reporter_name = models.CharField("nom", max_length=120, blank=True)
    reporter_email = models.EmailField("courriel", blank=True)
    created_at = models.DateTimeField("signalé le", default=timezone.now, db_index=True)
    handled = models.BooleanField("traité", default=False, db_index=True)
    handled_at = models.DateTimeField("traité le", null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="traité par",
    )
    anonymised_at = models.DateTimeField("nom et courriel effacés le", null=True, blank=True)

    objects = ActorReportQuerySet.as_manager()

    class Meta:
        ordering = ["handled", "-created_at"]
        verbose_name = "signalement d'erreur"
        verbose_name_plural = "signalements d'erreur"

    def __str__(self):
        return f"Signalement sur « {self.actor} » du {timezone.localtime(self.created_at):%d/%m/%Y}"

    def mark_handled(self, user):
        self.handled = True
        self.handled_at = timezone.now()
        self.handled_by = user
        self.save(update_fields=["handled", "handled_at", "handled_by"])
