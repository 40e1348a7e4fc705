"""The national directory: départements (reference data), the services offered, and the actors."""

import datetime

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index


class DepartementQuerySet(models.QuerySet):
    def in_order(self):
        return self.order_by("position")


class Departement(models.Model):
    """A French département: the unit in which child protection (ASE) is organised, so the unit of every
    directory listing, event venue, resource and helpdesk request. Reference data, installed by migration."""

    code = models.CharField("code", max_length=3, unique=True)
    name = models.CharField("nom", max_length=80)
    region = models.CharField("région", max_length=80)
    position = models.PositiveSmallIntegerField(default=0, editable=False)

    objects = DepartementQuerySet.as_manager()

    class Meta:
        ordering = ["position"]
        verbose_name = "département"
        verbose_name_plural = "départements"

    def __str__(self):
        return f"{self.code} – {self.name}"

    @property
    def is_overseas(self):
        return len(self.code) == 3

    def get_absolute_url(self):
        return reverse("directory:departement", kwargs={"code": self.code})


class Service(models.Model):
    """A kind of help an actor offers (shelter, evaluation, access to rights…): a managed list."""

    slug = models.SlugField("identifiant", unique=True)
    name = models.CharField("nom", max_length=120)
    position = models.PositiveSmallIntegerField("ordre", default=0)

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
    kind = models.CharField("type d'acteur", max_length=20, choices=ActorKind.choices, db_index=True)
    services = ParentalManyToManyField(Service, blank=True, related_name="actors", verbose_name="services")
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
    themes = ParentalManyToManyField("content.Theme", blank=True, related_name="actors", verbose_name="thèmes")
    last_verified = models.DateField("vérifié le", default=datetime.date.today)
    external_id = models.CharField("identifiant externe", max_length=100, unique=True, null=True, blank=True)

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
