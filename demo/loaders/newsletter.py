"""Subscribers and the two archived newsletters from `demo/data/newsletter.yaml`. Idempotent: subscribers are
keyed by address and issues by slug. The history (figures) is written as the services would have, dated;
no email is queued."""

import datetime

from django.utils import timezone
from wagtail.rich_text import RichText

from agenda.models import Event
from content.models import DossierPage, ResourcePage
from newsletter.models import Action, NewsletterIssue, Subscriber
from newsletter.services.history import log_subscriber, log_subscriptions
from newsletter.services.subscriptions import choices_to_subscriptions
from taxonomy.models import Departement, Theme

from . import read_yaml


def load(home=None, stdout=None):
    data = read_yaml("newsletter.yaml")
    created = sum(_subscriber(spec) for spec in data["subscribers"])
    issues = sum(_issue(spec) for spec in data["issues"])
    return f"{created} abonnés ajoutés ({len(data['subscribers'])} en tout), {issues} lettres archivées ajoutées"


def _subscriber(spec):
    if Subscriber.objects.filter(email=spec["email"]).exists():
        return 0
    when = timezone.now() - datetime.timedelta(days=spec["days_ago"])
    choices = {
        "newsletter": spec.get("newsletter", False),
        "echanges": spec.get("echanges", False),
        "themes": list(
            Theme.objects.filter(slug__in=spec.get("themes", [])).values_list("pk", flat=True)
        ),
        "departements": list(
            Departement.objects.filter(code__in=spec.get("departements", [])).values_list(
                "pk", flat=True
            )
        ),
        "search": spec.get("search"),
        "frequency": spec.get("frequency", "weekly"),
    }
    subscriber = Subscriber.objects.create(email=spec["email"], consent_at=when)
    log_subscriber(subscriber, Action.SIGNED_UP, at=when)
    if spec.get("pending"):
        subscriber.pending_choices = choices
        subscriber.save(update_fields=["pending_choices"])
        return 1
    confirmed = when + datetime.timedelta(minutes=20)
    subscriber.confirmed_at = confirmed
    subscriber.save(update_fields=["confirmed_at"])
    log_subscriber(subscriber, Action.CONFIRMED, at=confirmed)
    subscriptions = choices_to_subscriptions(subscriber, choices)
    for subscription in subscriptions:
        subscription.created_at = subscription.last_sent_until = confirmed
        subscription.save()
    log_subscriptions(subscriptions, Action.STARTED, at=confirmed)
    if spec.get("suspended"):
        suspended = confirmed + datetime.timedelta(days=30)
        subscriber.suspended_at, subscriber.suspension_reason = suspended, spec["suspended"]
        subscriber.save(update_fields=["suspended_at", "suspension_reason"])
        log_subscriptions(subscriptions, Action.STOPPED, at=suspended)
        log_subscriber(subscriber, Action.SUSPENDED, reason=spec["suspended"], at=suspended)
    return 1


def _issue(spec):
    if NewsletterIssue.objects.filter(slug=spec["slug"]).exists():
        return 0
    body = [("text", RichText(spec["text"]))]
    featured = DossierPage.objects.live().filter(slug=spec["featured"]).first()
    if featured:
        body.append(("featured", {"page": featured, "text": spec["featured_text"]}))
    resources = list(ResourcePage.objects.live().order_by("-date", "pk")[: spec["resources"]])
    if resources:
        body.append(("pages", {"heading": spec["pages_heading"], "pages": resources}))
    events = list(Event.objects.filter(live=True).order_by("pk")[:2])
    if events:
        body.append(("events", {"heading": spec["events_heading"], "events": events}))
    sent = timezone.now() - datetime.timedelta(days=spec["days_ago"])
    NewsletterIssue.objects.create(
        slug=spec["slug"],
        title=spec["title"],
        introduction=spec["introduction"],
        body=body,
        created_at=sent - datetime.timedelta(days=2),
        sent_at=sent,
    )
    return 1
