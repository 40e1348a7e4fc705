"""The vocabulary every app classifies by: themes and départements.

It sits below the apps (it imports none of them), so dossiers, actors, events and helpdesk requests can all
refer to it without importing each other. The tables keep the names they had in `content` and `directory`.
"""

from django.db import models
from django.urls import reverse
from wagtail.admin.panels import FieldPanel


class Theme(models.Model):
    """A theme of the minors' legal path (evaluation, shelter, asylum, majority…). Dossiers, resources,
    actors, events and helpdesk topics are all classified by theme, so it is the portal's main axis."""

    slug = models.SlugField("identifiant", unique=True)
    name = models.CharField("nom", max_length=120)
    description = models.TextField("description", blank=True)
    position = models.PositiveSmallIntegerField("ordre", default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("position"),
    ]

    class Meta:
        db_table = "content_theme"
        ordering = ["position", "name"]
        verbose_name = "thème"
        verbose_name_plural = "thèmes"

    def __str__(self):
        return self.name


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
        db_table = "directory_departement"
        ordering = ["position"]
        verbose_name = "département"
        verbose_name_plural = "départements"

    def __str__(self):
        return f"{self.code} – {self.name}"

    @property
    def is_overseas(self):
        return len(self.code) == 3

    def get_absolute_url(self):
        # The directory's page of the département: a URL name, not an import of the directory.
        return reverse("directory:departement", kwargs={"code": self.code})
