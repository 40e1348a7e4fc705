"""The network's events (colloquia, trainings, webinars…), their sessions and their documents."""

import datetime
import uuid
from zoneinfo import ZoneInfo

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, RevisionMixin, WorkflowMixin
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES

from .dates import format_session, format_time

PARIS = ZoneInfo("Europe/Paris")


class EventKind(models.TextChoices):
    COLLOQUE = "colloque", "Colloque"
    FORMATION = "formation", "Formation"
    SEMINAIRE = "seminaire", "Séminaire"
    JOURNEE_ETUDE = "journee-etude", "Journée d'étude"
    WEBINAIRE = "webinaire", "Webinaire"
    RESEAU = "reunion-reseau", "Réunion du réseau"
    AUTRE = "autre", "Autre"


class EventFormat(models.TextChoices):
    ON_SITE = "sur-place", "Sur place"
    ONLINE = "en-ligne", "En ligne"
    HYBRID = "hybride", "Hybride (sur place et en ligne)"


class EventStatus(models.TextChoices):
    SCHEDULED = "programme", "Programmé"
    CANCELLED = "annule", "Annulé"
    POSTPONED = "reporte", "Reporté"


# Paths of the agenda that an event's slug would shadow.
RESERVED_SLUGS = {"archives", "mois"}


class EventQuerySet(models.QuerySet):
    def live(self):
        return self.filter(live=True)


class Event(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel
):
    """An event announced to the network: a colloquium, a training, a webinar… Professionals decide to
    travel or take a day off on the strength of it, so it goes through the committee's moderation like
    content, and a cancelled or postponed event stays visible with its status rather than disappearing."""

    title = models.CharField("titre", max_length=255)
    slug = models.SlugField("identifiant d'URL", max_length=255, unique=True)
    kind = models.CharField("type", max_length=20, choices=EventKind.choices, db_index=True)
    # The end of its last session, kept by the sessions' saves and deletions (refresh_last_end): the
    # archives filter and sort on it through an index, not an aggregate over every session.
    last_end = models.DateTimeField(null=True, editable=False, db_index=True)
    format = models.CharField(
        "format", max_length=10, choices=EventFormat.choices, default=EventFormat.ON_SITE
    )
    status = models.CharField(
        "statut", max_length=10, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    status_note = models.CharField(
        "précision sur le statut",
        max_length=255,
        blank=True,
        help_text="Ex. « Reporté au printemps, date à confirmer ».",
    )
    summary = models.TextField(
        "résumé", help_text="Une ou deux phrases, reprises dans les listes et les calendriers."
    )
    description = RichTextField("description", blank=True, features=RICH_TEXT_FEATURES)
    themes = ParentalManyToManyField(
        "taxonomy.Theme", blank=True, related_name="events", verbose_name="thèmes"
    )

    organiser_actor = models.ForeignKey(
        "directory.Actor",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name="organisateur (annuaire)",
    )
    organiser_name = models.CharField(
        "organisateur (texte libre)",
        max_length=255,
        blank=True,
        help_text="Si l'organisateur n'est pas dans l'annuaire.",
    )

    venue_name = models.CharField("lieu", max_length=255, blank=True)
    address = models.CharField("adresse", max_length=255, blank=True)
    postcode = models.CharField("code postal", max_length=10, blank=True)
    city = models.CharField("ville", max_length=120, blank=True)
    departement = models.ForeignKey(
        "taxonomy.Departement",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name="département",
    )
    access = models.TextField(
        "accès", blank=True, help_text="Transports, accessibilité aux personnes handicapées…"
    )
    online_url = models.URLField("lien de connexion", max_length=500, blank=True)

    is_free = models.BooleanField("gratuit", default=True)
    price = models.CharField(
        "tarif", max_length=255, blank=True, help_text="Si l'événement est payant."
    )
    registration_url = models.URLField("lien d'inscription", max_length=500, blank=True)
    registration_contact = models.CharField(
        "contact pour l'inscription", max_length=255, blank=True
    )

    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="event",
        for_concrete_model=False,
    )
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="event",
        for_concrete_model=False,
    )

    objects = EventQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("format")]),
        FieldRowPanel([FieldPanel("status"), FieldPanel("status_note")]),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("themes"),
        InlinePanel("sessions", label="Dates", min_num=1),
        MultiFieldPanel(
            [FieldPanel("organiser_actor"), FieldPanel("organiser_name")],
            heading="Organisateur",
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldPanel("departement"),
                FieldPanel("access"),
                FieldPanel("online_url"),
            ],
            heading="Lieu",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("is_free"), FieldPanel("price")]),
                FieldPanel("registration_url"),
                FieldPanel("registration_contact"),
            ],
            heading="Tarif et inscription",
        ),
        InlinePanel("documents", label="Documents (programme, actes, supports)"),
    ]
    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("city"),
        index.FilterField("live"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["title"]
        verbose_name = "événement"
        verbose_name_plural = "événements"

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)  # its sessions are committed with it
        refresh_last_end(Event.objects.filter(pk=self.pk))

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": "Cet identifiant est réservé par l'agenda : choisissez-en un autre."}
            )
        if self.format in (EventFormat.ONLINE, EventFormat.HYBRID) and not self.online_url:
            raise ValidationError(
                {"online_url": "Indiquez le lien de connexion d'un événement en ligne ou hybride."}
            )
        if self.format in (EventFormat.ON_SITE, EventFormat.HYBRID) and not (
            self.city or self.venue_name
        ):
            raise ValidationError({"city": "Indiquez le lieu d'un événement sur place ou hybride."})

    def get_absolute_url(self):
        return reverse("agenda:event", kwargs={"slug": self.slug})

    def get_ics_url(self):
        return reverse("agenda:event_ics", kwargs={"slug": self.slug})

    @property
    def url(self):
        return self.get_absolute_url()

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def is_postponed(self):
        return self.status == EventStatus.POSTPONED

    @property
    def has_venue(self):
        return self.format in (EventFormat.ON_SITE, EventFormat.HYBRID)

    @property
    def is_online(self):
        return self.format in (EventFormat.ONLINE, EventFormat.HYBRID)

    @property
    def organiser(self):
        """The organiser's display name: the directory actor when there is one."""
        return self.organiser_actor.name if self.organiser_actor_id else self.organiser_name

    @property
    def organiser_url(self):
        """The organiser's directory page, when the actor is published there."""
        if not (self.organiser_actor_id and self.organiser_actor.live):
            return ""
        return self.organiser_actor.get_absolute_url()

    @property
    def location_text(self):
        """One line for lists and calendars: the venue, or « En ligne »."""
        place = ", ".join(
            part
            for part in (self.venue_name, self.address, f"{self.postcode} {self.city}".strip())
            if part
        )
        if self.format == EventFormat.ONLINE:
            return "En ligne"
        if self.format == EventFormat.HYBRID:
            return f"{place} et en ligne" if place else "En ligne"
        return place

    @property
    def short_place(self):
        if self.format == EventFormat.ONLINE:
            return "En ligne"
        city = self.city or self.venue_name
        return f"{city} et en ligne" if self.format == EventFormat.HYBRID else city


class EventSessionQuerySet(models.QuerySet):
    def live(self):
        return self.filter(event__live=True)

    def upcoming(self, now=None):
        """Sessions not yet over: one in progress is still worth going to."""
        return self.filter(end__gt=now or timezone.now())

    def past(self, now=None):
        return self.filter(end__lte=now or timezone.now())

    def between(self, start, end):
        """Sessions overlapping [start, end)."""
        return self.filter(start__lt=end, end__gt=start)

    def for_listing(self):
        # Everything a listed session shows comes with it, in the same query.
        return self.select_related("event", "event__departement", "event__organiser_actor")


class EventSession(Orderable):
    """One date of an event (a training given three times, a cycle of seminars). Each session is a line in
    the lists and its own entry in calendars, with a UID that never changes so subscribers' calendars
    update the entry instead of duplicating it."""

    event = ParentalKey(Event, on_delete=models.CASCADE, related_name="sessions")
    start = models.DateTimeField("début", db_index=True)
    end = models.DateTimeField("fin", db_index=True)
    all_day = models.BooleanField(
        "journée entière",
        default=False,
        help_text="Les heures sont ignorées : du premier au dernier jour inclus.",
    )
    venue_note = models.CharField(
        "précision pour cette date",
        max_length=255,
        blank=True,
        help_text="Ex. « Salle B », « Module 2 : le droit au séjour ».",
    )
    uid = models.UUIDField("identifiant iCalendar", default=uuid.uuid4, unique=True, editable=False)

    objects = EventSessionQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("all_day"),
        FieldPanel("venue_note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "date"
        verbose_name_plural = "dates"

    def __str__(self):
        return f"{self.event.title} – {self.label}"

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "La fin doit être postérieure au début."})

    def save(self, *args, **kwargs):
        self._normalise_all_day()
        super().save(*args, **kwargs)
        refresh_last_end(Event.objects.filter(pk=self.event_id))

    def _normalise_all_day(self):
        if self.all_day:
            # All-day sessions run from local midnight of the first day to local midnight after the last,
            # so "in progress" and the month grid work the same as for timed sessions.
            first, last = self.local_start.date(), self.local_end.date()
            if self.local_end.time() == datetime.time(0) and last > first:
                last -= datetime.timedelta(days=1)
            self.start = datetime.datetime.combine(first, datetime.time(0), PARIS)
            self.end = datetime.datetime.combine(
                last + datetime.timedelta(days=1), datetime.time(0), PARIS
            )

    @property
    def local_start(self):
        return _to_paris(self.start)

    @property
    def local_end(self):
        return _to_paris(self.end)

    @property
    def first_day(self):
        return self.local_start.date()

    @property
    def last_day(self):
        """The last calendar day the session covers (an all-day end is exclusive midnight)."""
        end = self.local_end
        if end.time() == datetime.time(0) and end.date() > self.first_day:
            return end.date() - datetime.timedelta(days=1)
        return end.date()

    @property
    def label(self):
        return format_session(self.local_start, self.local_end, self.all_day, self.last_day)

    @property
    def start_time(self):
        return format_time(self.local_start)

    def in_progress(self, now=None):
        now = now or timezone.now()
        return self.start <= now < self.end

    @property
    def schema_start(self):
        return self.first_day.isoformat() if self.all_day else self.local_start.isoformat()

    @property
    def schema_end(self):
        return self.last_day.isoformat() if self.all_day else self.local_end.isoformat()

    def get_absolute_url(self):
        return self.event.get_absolute_url()


def _to_paris(value):
    if timezone.is_naive(value):
        value = timezone.make_aware(value, PARIS)
    return value.astimezone(PARIS)


class DocumentKind(models.TextChoices):
    PROGRAMME = "programme", "Programme"
    ACTES = "actes", "Actes"
    SUPPORTS = "supports", "Supports d'intervention"
    ENREGISTREMENT = "enregistrement", "Enregistrement"
    AUTRE = "autre", "Autre document"


class EventDocument(Orderable):
    """A document attached to an event, usually afterwards: the programme, the proceedings, slides.
    It points to a resource of the library (so it is catalogued once) or to an external address."""

    event = ParentalKey(Event, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(
        "type", max_length=20, choices=DocumentKind.choices, default=DocumentKind.PROGRAMME
    )
    title = models.CharField(
        "titre", max_length=255, blank=True, help_text="Par défaut, le titre de la ressource."
    )
    resource = models.ForeignKey(
        "content.ResourcePage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="event_documents",
        verbose_name="ressource de la bibliothèque",
    )
    link = models.URLField("ou adresse externe", max_length=500, blank=True)

    panels = [FieldPanel("kind"), FieldPanel("title"), FieldPanel("resource"), FieldPanel("link")]

    class Meta(Orderable.Meta):
        verbose_name = "document"
        verbose_name_plural = "documents"

    def __str__(self):
        return self.display_title

    def clean(self):
        super().clean()
        if bool(self.resource_id) == bool(self.link):
            raise ValidationError(
                "Choisissez une ressource de la bibliothèque ou indiquez une adresse, pas les deux."
            )
        if self.link and not self.title:
            raise ValidationError({"title": "Donnez un titre au document externe."})

    @property
    def display_title(self):
        return self.title or (self.resource.title if self.resource_id else self.link)

    @property
    def url(self):
        return self.resource.url if self.resource_id else self.link


def refresh_last_end(events):
    """Store on each of `events` (a queryset) the end of its last session, or None without sessions."""
    last = EventSession.objects.filter(event=OuterRef("pk")).order_by("-end").values("end")[:1]
    events.update(last_end=Subquery(last))


def session_deleted(sender, instance, **kwargs):
    refresh_last_end(Event.objects.filter(pk=instance.event_id))
