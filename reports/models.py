"""The audience counters: how often each page was viewed and each document downloaded, per day.

They are aggregates and nothing else: no address, user agent, cookie or identifier of a visitor is ever
written, so the measure stays within the CNIL's conditions for audience measurement exempt from consent
(and there is nothing personal to erase or export). The referrer is kept only as a category.
"""

from django.db import models
from wagtail.documents import get_document_model_string


class ReferrerCategory(models.TextChoices):
    DIRECT = "direct", "Accès direct"
    SEARCH = "search", "Moteur de recherche"
    SITE = "site", "Autre site"
    EMAIL = "email", "Courriel"
    # A page opened from another page of the portal: a view, not the start of a visit.
    INTERNAL = "internal", "Navigation sur le portail"


# Categories that start a visit (every one but the portal's own pages).
ENTRY_CATEGORIES = [c for c in ReferrerCategory if c != ReferrerCategory.INTERNAL]


class PageViewCount(models.Model):
    """Views of one public page (its path, without query string) on one day, from one referrer category.
    Rows exist for a (day, path, category) seen at least once; a view adds 1 to its row."""

    day = models.DateField("jour")
    path = models.CharField("adresse", max_length=255)
    referrer = models.CharField("provenance", max_length=10, choices=ReferrerCategory.choices)
    views = models.PositiveIntegerField("pages vues", default=0)

    class Meta:
        verbose_name = "compteur de pages vues"
        verbose_name_plural = "compteurs de pages vues"
        constraints = [
            models.UniqueConstraint(
                fields=["day", "path", "referrer"], name="reports_pageview_day_path_referrer"
            )
        ]
        permissions = [
            ("view_audience", "Consulter l'audience du portail"),
            ("view_activity_report", "Consulter le rapport d'activité"),
        ]

    def __str__(self):
        return f"{self.day} {self.path} ({self.get_referrer_display()}) : {self.views}"


class DocumentDownloadCount(models.Model):
    """Downloads of one document on one day."""

    day = models.DateField("jour")
    document = models.ForeignKey(
        get_document_model_string(),
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="document",
    )
    downloads = models.PositiveIntegerField("téléchargements", default=0)

    class Meta:
        verbose_name = "compteur de téléchargements"
        verbose_name_plural = "compteurs de téléchargements"
        constraints = [
            models.UniqueConstraint(
                fields=["day", "document"], name="reports_download_day_document"
            )
        ]

    def __str__(self):
        return f"{self.day} document {self.document_id} : {self.downloads}"
