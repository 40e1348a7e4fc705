from django.db import models
from django.urls import reverse


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
