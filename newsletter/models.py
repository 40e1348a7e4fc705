"""Subscriptions: who asked to be kept informed, of what, how often; what was sent to them; and a dated
history of subscriptions that the committee's figures (and the yearly activity report) read.

Nothing is sent to an address before it is confirmed (double opt-in). Personal data kept: the email, the
choices, the dates of consent and confirmation, a suspension's reason. The history keeps no address."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import PreviewableMixin, RevisionMixin
from wagtail.search import index

from core.outbox import OutboundEmailBase
from taxonomy.models import Departement, Theme

from .blocks import IssueStreamBlock


def new_key():
    return secrets.token_urlsafe(24)


class SuspensionReason(models.TextChoices):
    BOUNCE = "bounce", "Adresse en erreur (rebond)"
    COMPLAINT = "complaint", "Plainte pour indésirable"


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def active(self):
        """Confirmed and not suspended: the addresses the portal may write to."""
        return self.confirmed().filter(suspended_at__isnull=True)

    def unconfirmed_before(self, moment):
        return self.filter(confirmed_at__isnull=True, consent_at__lt=moment)


class Subscriber(models.Model):
    """An email address that asked for alerts, digests, the newsletter or the discussion list. No account:
    the subscriber manages everything through signed links (see `services.tokens`)."""

    email = models.EmailField("adresse électronique", unique=True)
    consent_at = models.DateTimeField("consentement le", default=timezone.now)
    confirmed_at = models.DateTimeField("confirmé le", null=True, blank=True)
    suspended_at = models.DateTimeField("suspendu le", null=True, blank=True)
    suspension_reason = models.CharField(
        "motif de suspension", max_length=10, choices=SuspensionReason.choices, blank=True
    )
    # Signs the manage and unsubscribe links; changing it revokes every link already sent.
    key = models.CharField(max_length=40, default=new_key, editable=False)
    # The confirmation link's token, stored hashed; emptied once used (single use).
    confirmation_hash = models.CharField(max_length=64, blank=True, editable=False)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The choices waiting for the confirmation link (ids and values, see `services.subscriptions`).
    pending_choices = models.JSONField(default=dict, blank=True, editable=False)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["email"]
        verbose_name = "abonné"
        verbose_name_plural = "abonnés"

    def __str__(self):
        return self.email

    @property
    def is_active(self):
        return self.confirmed_at is not None and self.suspended_at is None


class Kind(models.TextChoices):
    NEWSLETTER = "newsletter", "Lettre d'information"
    THEME = "theme", "Alerte par thème"
    DEPARTEMENT = "departement", "Alerte par département"
    SEARCH = "search", "Alerte sur une recherche"
    ECHANGES = "echanges", "Liste d'échanges"


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", "Dès la publication"
    DAILY = "daily", "Résumé quotidien"
    WEEKLY = "weekly", "Résumé hebdomadaire"


class SubscriptionQuerySet(models.QuerySet):
    def live(self):
        """Subscriptions of confirmed, non-suspended subscribers."""
        return self.filter(
            subscriber__confirmed_at__isnull=False, subscriber__suspended_at__isnull=True
        )


class Subscription(models.Model):
    """One choice of a subscriber: a list (newsletter, discussion list) or an alert on a theme, a
    département or a saved search, with its frequency. `last_sent_until` marks the end of the last
    period already sent, so that no item is sent twice."""

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="subscriptions"
    )
    kind = models.CharField("type", max_length=12, choices=Kind.choices, db_index=True)
    theme = models.ForeignKey(
        Theme, null=True, blank=True, on_delete=models.CASCADE, verbose_name="thème"
    )
    departement = models.ForeignKey(
        Departement, null=True, blank=True, on_delete=models.CASCADE, verbose_name="département"
    )
    query = models.CharField("recherche", max_length=200, blank=True)
    filters = models.JSONField("filtres", default=dict, blank=True)
    frequency = models.CharField(
        "fréquence", max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_sent_until = models.DateTimeField("envoyé jusqu'au", null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["subscriber", "kind", "pk"]
        verbose_name = "abonnement"
        verbose_name_plural = "abonnements"
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "kind"],
                condition=Q(kind__in=["newsletter", "echanges"]),
                name="newsletter_one_list_subscription",
            ),
            models.UniqueConstraint(
                fields=["subscriber", "theme"],
                condition=Q(kind="theme"),
                name="newsletter_one_theme_subscription",
            ),
            models.UniqueConstraint(
                fields=["subscriber", "departement"],
                condition=Q(kind="departement"),
                name="newsletter_one_departement_subscription",
            ),
        ]

    def __str__(self):
        return self.label

    @property
    def label(self):
        if self.kind == Kind.THEME and self.theme_id:
            return f"Thème : {self.theme.name}"
        if self.kind == Kind.DEPARTEMENT and self.departement_id:
            return f"Département : {self.departement.code} {self.departement.name}"
        if self.kind == Kind.SEARCH:
            return f"Recherche : « {self.query} »" if self.query else "Recherche enregistrée"
        return self.get_kind_display()


class Action(models.TextChoices):
    SIGNED_UP = "signed_up", "Inscription (en attente de confirmation)"
    CONFIRMED = "confirmed", "Adresse confirmée"
    SUSPENDED = "suspended", "Adresse suspendue"
    REINSTATED = "reinstated", "Suspension levée"
    LEFT = "left", "Désinscription complète"
    ERASED = "erased", "Non confirmée, effacée"
    STARTED = "started", "Abonnement actif"
    STOPPED = "stopped", "Abonnement arrêté"


class SubscriptionEvent(models.Model):
    """The dated history the figures are computed from. It keeps no address and survives the deletion of
    subscribers: `subscriber_key` and `subscription_key` are plain numbers (former primary keys).

    Per subscriber (`subscription_key` empty): SIGNED_UP, CONFIRMED, SUSPENDED, REINSTATED, LEFT, ERASED,
    each with the state it leaves the subscriber in. Per subscription: STARTED when it begins to be sent
    (its subscriber is active), STOPPED when it no longer is. The figures replay them (`figures.py`)."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    action = models.CharField(max_length=12, choices=Action.choices)
    subscriber_key = models.PositiveBigIntegerField()
    subscription_key = models.PositiveBigIntegerField(null=True, blank=True)
    kind = models.CharField(max_length=12, choices=Kind.choices, blank=True)
    theme = models.ForeignKey(Theme, null=True, blank=True, on_delete=models.SET_NULL)
    departement = models.ForeignKey(Departement, null=True, blank=True, on_delete=models.SET_NULL)
    reason = models.CharField(max_length=10, choices=SuspensionReason.choices, blank=True)
    # Subscriber events: the subscriber's state after the event (pending, active, suspended, gone).
    state = models.CharField(max_length=10, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = "événement d'abonnement"
        verbose_name_plural = "historique des abonnements"


class Mailing(models.Model):
    """One send to many: an editorial newsletter, a digest run, a discussion-list message. Its emails are
    created by a background task, in batches, then delivered in batches over one connection."""

    category = models.CharField(max_length=20)
    subject = models.CharField(max_length=200)
    text = models.TextField(blank=True)
    html = models.TextField(blank=True)
    recipients = models.JSONField(
        default=list, blank=True
    )  # subscription ids, emptied once expanded
    created_at = models.DateTimeField(default=timezone.now)
    expanded_at = models.DateTimeField(null=True, blank=True)
    total = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "envoi groupé"
        verbose_name_plural = "envois groupés"

    def __str__(self):
        return f"{self.subject} ({self.created_at:%Y-%m-%d})"


class OutboundEmail(OutboundEmailBase):
    """The newsletter's outbox (rules in `core.outbox`). `key` makes a send idempotent: a digest for one
    subscriber and period has one key, and a second run of the job finds it already there."""

    subscriber = models.ForeignKey(
        Subscriber, null=True, blank=True, on_delete=models.SET_NULL, related_name="emails"
    )
    mailing = models.ForeignKey(
        Mailing, null=True, blank=True, on_delete=models.SET_NULL, related_name="emails"
    )
    category = models.CharField(max_length=20, blank=True)
    key = models.CharField(max_length=120, null=True, blank=True, unique=True)

    class Meta(OutboundEmailBase.Meta):
        verbose_name = "courriel d'abonnement"
        verbose_name_plural = "courriels d'abonnement"


class IssueQuerySet(models.QuerySet):
    def sent(self):
        return self.filter(sent_at__isnull=False).order_by("-sent_at", "-pk")


class NewsletterIssue(RevisionMixin, PreviewableMixin, index.Indexed, models.Model):
    """An editorial newsletter composed by the committee: previewed as HTML and as plain text, sent as a
    test to oneself, then sent once to the newsletter's subscribers and archived publicly at /lettre/."""

    title = models.CharField("titre (objet du courriel)", max_length=150)
    slug = models.SlugField("identifiant d'URL", max_length=150, unique=True)
    introduction = models.TextField("chapô", blank=True, max_length=1000)
    body = StreamField(IssueStreamBlock(), verbose_name="contenu", blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField("envoyée le", null=True, blank=True, editable=False)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, editable=False
    )
    mailing = models.ForeignKey(
        Mailing, null=True, blank=True, on_delete=models.SET_NULL, editable=False
    )

    objects = IssueQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]
    preview_modes = [("", "Courriel (HTML)"), ("texte", "Courriel (texte brut)")]

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "lettre d'information"
        verbose_name_plural = "lettres d'information"
        permissions = [("send_newsletterissue", "Envoyer la lettre aux abonnés")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"/lettre/{self.slug}/"

    def serve_preview(self, request, mode_name):
        from django.http import HttpResponse

        from .issues import render_issue_email

        text, html = render_issue_email(self)
        if mode_name == "texte":
            return HttpResponse(text, content_type="text/plain; charset=utf-8")
        return HttpResponse(html)
