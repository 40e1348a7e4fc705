"""Alerts and digests: what was published in a period, grouped by section, for each subscriber whose
subscriptions (newsletter: everything; theme; département; saved search) match it.

Only what the public sees is read: the search registry's public querysets (live, public pages; published
directory entries and events), never drafts, private pages or the helpdesk. A digest is sent once per
subscriber and period: each subscription's `last_sent_until` moves to the period's end in the same
transaction that stores the email, and the email's key (subscriber, frequency, period) is unique, so a second
run of the job sends nothing. An empty digest is not sent."""

import datetime
import logging
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils import timezone

from core.public_url import to_public
from search.indexables import indexables
from search.services import run_search

from ..models import Frequency, Kind, Mailing, Subscription
from .mailing import WRITE_BATCH, compose, send_mailing_batch, write_emails

logger = logging.getLogger(__name__)

# Sections in the order a digest shows them: (search kind, title, publication field that counts).
SECTIONS = [
    ("dossier", "Dossiers mis à jour", "last_published_at"),
    ("article", "Dossiers mis à jour", "last_published_at"),
    ("ressource", "Nouvelles ressources", "first_published_at"),
    ("evenement", "Agenda", "last_published_at"),
    ("acteur", "Annuaire", "last_published_at"),
]
# A marker older than this (a job stopped for weeks) is not caught up in one long digest.
MAX_LOOKBACK = datetime.timedelta(days=31)
SEARCH_RESULTS = 100
SUMMARY_CHARS = 300
DIGEST_KINDS = (Kind.NEWSLETTER, Kind.THEME, Kind.DEPARTEMENT, Kind.SEARCH)


@dataclass
class Item:
    key: str
    section: str
    group: str  # within « Nouvelles ressources »: the kind of resource
    title: str
    url: str
    published_at: datetime.datetime
    summary: str
    themes: set = field(default_factory=set)
    departements: set = field(default_factory=set)


def period_end(frequency, now=None):
    """The end of the period a run covers: the start of today (daily), of this week's Monday (weekly), or
    now (immediate), in the portal's time zone."""
    now = now or timezone.now()
    if frequency == Frequency.IMMEDIATE:
        return now
    today = timezone.localdate(now)
    if frequency == Frequency.WEEKLY:
        today -= datetime.timedelta(days=today.weekday())
    return timezone.make_aware(datetime.datetime.combine(today, datetime.time()))


def published_items(start, end):
    """The items the public can see that were published (new resources) or updated (dossiers, articles,
    events, directory entries) in [start, end), newest first."""
    by_kind = {indexable.kind: indexable for indexable in indexables()}
    items = []
    for kind, section, field_name in SECTIONS:
        indexable = by_kind.get(kind)
        if indexable is None:
            continue
        objects = indexable.public_queryset().filter(
            **{f"{field_name}__gte": start, f"{field_name}__lt": end}
        )
        for obj in objects:
            document = indexable.to_document(obj)
            summary = " ".join((document.summary or "").split())
            if len(summary) > SUMMARY_CHARS:
                summary = summary[: SUMMARY_CHARS - 1].rsplit(" ", 1)[0] + "…"
            items.append(
                Item(
                    key=document.key,
                    section=section,
                    group=obj.get_kind_display() if kind == "ressource" else "",
                    title=document.title,
                    url=to_public(document.url),
                    published_at=getattr(obj, field_name),
                    summary=summary,
                    themes=set(document.themes),
                    departements=set(document.departements),
                )
            )
    items.sort(key=lambda item: item.published_at, reverse=True)
    return items


class _SearchMatches:
    """The keys of a saved search's results, computed once per distinct search in a run."""

    def __init__(self):
        self.cache = {}

    def keys(self, subscription):
        params = QueryDict(mutable=True)
        params["q"] = subscription.query
        for name, values in sorted((subscription.filters or {}).items()):
            params.setlist(name, [str(v) for v in values])
        params["sort"] = "date"
        cache_key = params.urlencode()
        if cache_key not in self.cache:
            try:
                results = run_search(params, per_page=SEARCH_RESULTS)
                self.cache[cache_key] = {hit.key for hit in results.hits}
            except Exception:  # a search outage must not stop everyone's digest
                logger.exception("Saved search alert: the search failed")
                self.cache[cache_key] = set()
        return self.cache[cache_key]


def matches(subscription, item, searches):
    if subscription.kind == Kind.NEWSLETTER:
        return True
    if subscription.kind == Kind.THEME:
        return subscription.theme is not None and subscription.theme.slug in item.themes
    if subscription.kind == Kind.DEPARTEMENT:
        return (
            subscription.departement is not None
            and subscription.departement.code in item.departements
        )
    if subscription.kind == Kind.SEARCH:
        return item.key in searches.keys(subscription)
    return False


def digest_for(subscriptions, items, end, searches):
    """The sections of one subscriber's digest: [(title, [(group, [items])])], and the labels of the
    subscriptions that matched something."""
    chosen, reasons = {}, []
    for subscription in subscriptions:
        start = max(subscription.last_sent_until or subscription.created_at, end - MAX_LOOKBACK)
        found = False
        for item in items:
            if start <= item.published_at < end and matches(subscription, item, searches):
                chosen.setdefault(item.key, item)
                found = True
        if found:
            reasons.append(subscription.label)
    sections = defaultdict(lambda: defaultdict(list))
    for item in chosen.values():
        sections[item.section][item.group].append(item)
    ordered = []
    for _kind, title, _field in SECTIONS:
        if title in sections and title not in [t for t, _g in ordered]:
            ordered.append((title, sorted(sections[title].items())))
    return ordered, reasons, len(chosen)


SUBJECTS = {
    Frequency.IMMEDIATE: "nouvelle publication",
    Frequency.DAILY: "résumé du jour",
    Frequency.WEEKLY: "résumé de la semaine",
}


def run_digests(frequency, now=None):
    """Build and queue the digests of one frequency. Returns {"subscribers", "sent", "empty", "skipped"}.
    Safe to run twice: a subscriber already served for this period is skipped."""
    end = period_end(frequency, now)
    subscriptions = [
        s
        for s in Subscription.objects.live()
        .filter(frequency=frequency, kind__in=DIGEST_KINDS)
        .select_related("subscriber", "theme", "departement")
        .order_by("subscriber_id", "pk")
        if (s.last_sent_until or s.created_at) < end
    ]
    starts = [s.last_sent_until or s.created_at for s in subscriptions]
    report = {"subscribers": 0, "sent": 0, "empty": 0, "skipped": 0}
    if not starts or min(starts) >= end:
        return report
    items = published_items(max(min(starts), end - MAX_LOOKBACK), end)
    searches = _SearchMatches()
    mailing = Mailing.objects.create(
        category="digest", subject=f"Résumé {frequency} {end:%Y-%m-%d %H:%M}"
    )

    by_subscriber = defaultdict(list)
    for subscription in subscriptions:
        by_subscriber[subscription.subscriber_id].append(subscription)
    subscriber_ids = list(by_subscriber)
    for start in range(0, len(subscriber_ids), WRITE_BATCH):
        batch = subscriber_ids[start : start + WRITE_BATCH]
        emails, served = [], []
        for subscriber_id in batch:
            own = by_subscriber[subscriber_id]
            report["subscribers"] += 1
            served += [s.pk for s in own]
            sections, reasons, count = digest_for(own, items, end, searches)
            if not count:
                report["empty"] += 1
                continue
            subscriber = own[0].subscriber
            context = {
                "sections": sections,
                "reasons": reasons,
                "count": count,
                "frequency": frequency,
                "site_name": settings.WAGTAIL_SITE_NAME,
            }
            subject = f"{settings.WAGTAIL_SITE_NAME} : {SUBJECTS[frequency]} ({count} nouveauté{'s' if count > 1 else ''})"
            emails.append(
                compose(
                    subscriber,
                    subject,
                    render_to_string("newsletter/email/digest.txt", context),
                    render_to_string("newsletter/email/digest.html", context),
                    category="digest",
                    key=f"digest:{frequency}:{subscriber_id}:{end:%Y%m%dT%H%M%S}",
                    mailing=mailing,
                )
            )
        with transaction.atomic():
            written = write_emails(emails)
            Subscription.objects.filter(pk__in=served).update(last_sent_until=end)
        report["sent"] += written
    mailing.total = report["sent"]
    mailing.expanded_at = timezone.now()
    mailing.save(update_fields=["total", "expanded_at"])
    if report["sent"]:
        transaction.on_commit(lambda: send_mailing_batch.enqueue(mailing.pk), robust=True)
    else:
        mailing.delete()
    return report
