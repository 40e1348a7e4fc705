"""Queries behind the directory pages and exports, kept out of views so their cost stays constant."""

import csv
import io
import json
import re
from dataclasses import dataclass
from itertools import groupby

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import QueryDict
from django.utils import timezone
from django.utils.functional import cached_property

from core.spreadsheet import neutralise_formula
from taxonomy.models import Departement, Theme

from .models import Actor, ActorKind, ActorReport, Service

ACTORS_PER_PAGE = 20
MAX_QUERY_LENGTH = 200
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def live_actors():
    return Actor.objects.live()


def normalise_code(code):
    """`2a` and `2A` are the same département; codes are stored upper-case."""
    return (code or "").strip().upper()


@dataclass(frozen=True)
class FilterChoice:
    value: str
    label: str
    selected: bool


class ActorFilter:
    """Parses the directory's query string (`q`, `departement`, `kind`, `service`, `theme`, each repeatable).
    Unknown values are dropped rather than raising, so a stale or hand-edited URL still shows a page."""

    params_order = ("q", "departement", "kind", "service", "theme")

    def __init__(self, params):
        self.departements = list(Departement.objects.all())
        self.services = list(Service.objects.all())
        self.themes = list(Theme.objects.all())
        codes = {d.code for d in self.departements}
        kinds = dict(ActorKind.choices)
        # Control characters (NUL above all, which PostgreSQL refuses) can only come from a forged URL.
        self.q = " ".join(CONTROL_CHARACTERS.sub(" ", params.get("q", "")).split())[
            :MAX_QUERY_LENGTH
        ]
        self.departement = _unique(
            normalise_code(v) for v in params.getlist("departement") if normalise_code(v) in codes
        )
        self.kind = _unique(v for v in params.getlist("kind") if v in kinds)
        service_slugs = {s.slug for s in self.services}
        self.service = _unique(v for v in params.getlist("service") if v in service_slugs)
        theme_slugs = {t.slug for t in self.themes}
        self.theme = _unique(v for v in params.getlist("theme") if v in theme_slugs)

    @property
    def active(self):
        return bool(self.q or self.departement or self.kind or self.service or self.theme)

    def querystring(self, without=()):
        query = QueryDict(mutable=True)
        for name in self.params_order:
            if name in without:
                continue
            value = getattr(self, name)
            if name == "q":
                if value:
                    query["q"] = value
            else:
                query.setlist(name, value)
        return query.urlencode()

    @property
    def querystring_without_page(self):
        return self.querystring()

    def _filtered(self, include_departement=True):
        actors = live_actors()
        if self.q:
            for word in self.q.split()[:8]:
                actors = actors.filter(
                    Q(name__icontains=word)
                    | Q(description__icontains=word)
                    | Q(city__icontains=word)
                )
        if self.kind:
            actors = actors.filter(kind__in=self.kind)
        if self.service:
            actors = actors.filter(
                pk__in=Actor.services.through.objects.filter(service__slug__in=self.service).values(
                    "actor_id"
                )
            )
        if self.theme:
            actors = actors.filter(
                pk__in=Actor.themes.through.objects.filter(theme__slug__in=self.theme).values(
                    "actor_id"
                )
            )
        if include_departement and self.departement:
            covering = Actor.departements.through.objects.filter(
                departement__code__in=self.departement
            )
            actors = actors.filter(Q(is_national=True) | Q(pk__in=covering.values("actor_id")))
        return actors

    def queryset(self):
        """Every matching live actor, national ones included, in name order."""
        return self._filtered().with_listing_relations().order_by("name", "pk")

    def local_queryset(self):
        return self.queryset().filter(is_national=False)

    def national_queryset(self):
        return self.queryset().filter(is_national=True)

    def paginate(self, page_number):
        return Paginator(self.local_queryset(), ACTORS_PER_PAGE).get_page(page_number)

    def departement_counts(self):
        """Live local actors per département under the current filters (except the département itself)."""
        actors = self._filtered(include_departement=False).filter(is_national=False)
        rows = (
            Actor.departements.through.objects.filter(actor__in=actors)
            .values("departement_id")
            .annotate(count=Count("actor_id", distinct=True))
        )
        counts = {row["departement_id"]: row["count"] for row in rows}
        return [(departement, counts.get(departement.pk, 0)) for departement in self.departements]

    def departement_choices(self):
        return [
            FilterChoice(d.code, f"{d.code} – {d.name}", d.code in self.departement)
            for d in self.departements
        ]

    def kind_choices(self):
        return [
            FilterChoice(value, label, value in self.kind) for value, label in ActorKind.choices
        ]

    def service_choices(self):
        return [FilterChoice(s.slug, s.name, s.slug in self.service) for s in self.services]

    def theme_choices(self):
        return [FilterChoice(t.slug, t.name, t.slug in self.theme) for t in self.themes]


def _unique(values):
    return list(dict.fromkeys(values))


class DepartementDirectory:
    """The actors covering one département, grouped by kind, with national actors apart."""

    def __init__(self, departement):
        self.departement = departement

    @cached_property
    def local_actors(self):
        return list(
            live_actors()
            .filter(departements=self.departement, is_national=False)
            .with_listing_relations()
            .order_by("kind", "name", "pk")
        )

    @cached_property
    def national_actors(self):
        return list(
            live_actors().filter(is_national=True).with_listing_relations().order_by("name", "pk")
        )

    @cached_property
    def groups(self):
        labels = dict(ActorKind.choices)
        order = {value: n for n, value in enumerate(ActorKind.values)}
        actors = sorted(
            self.local_actors, key=lambda actor: (order.get(actor.kind, 99), actor.name.lower())
        )
        return [
            (kind, labels.get(kind, kind), list(group))
            for kind, group in groupby(actors, key=lambda a: a.kind)
        ]

    @cached_property
    def services_offered(self):
        """Each service offered here by at least one local actor, with how many offer it."""
        counts = {}
        for actor in self.local_actors:
            for service in actor.services.all():
                counts.setdefault(service, 0)
                counts[service] += 1
        return sorted(counts.items(), key=lambda item: (item[0].position, item[0].name))


# Exports ---------------------------------------------------------------------------------------------------

EXPORT_FIELDS = [
    ("slug", "identifiant"),
    ("name", "nom"),
    ("kind", "type"),
    ("national", "national"),
    ("departements", "départements"),
    ("services", "services"),
    ("themes", "thèmes"),
    ("address", "adresse"),
    ("postcode", "code postal"),
    ("city", "ville"),
    ("phone", "téléphone"),
    ("email", "courriel"),
    ("website", "site internet"),
    ("description", "description"),
    ("last_verified", "vérifié le"),
    ("url", "page"),
]
CSV_DELIMITER = ";"  # what Excel expects with French regional settings


def export_record(actor, base_url=""):
    """The public fields of an actor: never its workflow state, external id or reports."""
    return {
        "slug": actor.slug,
        "name": actor.name,
        "kind": actor.kind,
        "national": actor.is_national,
        "departements": [d.code for d in actor.departements.all()],
        "services": [s.slug for s in actor.services.all()],
        "themes": [t.slug for t in actor.themes.all()],
        "address": actor.address,
        "postcode": actor.postcode,
        "city": actor.city,
        "phone": actor.phone,
        "email": actor.email,
        "website": actor.website,
        "description": actor.description,
        "last_verified": actor.last_verified.isoformat() if actor.last_verified else "",
        "url": base_url + actor.get_absolute_url(),
    }


def _csv_cell(value):
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, list):
        value = ",".join(value)
    return neutralise_formula(value)


def iter_csv(actors, base_url=""):
    """CSV lines, UTF-8 with a BOM so Excel reads the accents, `;`-separated, header first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER)

    def flush():
        value = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate(0)
        return value

    yield "\ufeff"
    writer.writerow([label for _, label in EXPORT_FIELDS])
    yield flush()
    for actor in actors:
        record = export_record(actor, base_url)
        writer.writerow([_csv_cell(record[key]) for key, _ in EXPORT_FIELDS])
        yield flush()


def export_json(actors, base_url="", filters=""):
    records = [export_record(actor, base_url) for actor in actors]
    return json.dumps(
        {"filters": filters, "count": len(records), "actors": records}, ensure_ascii=False, indent=1
    )


def anonymise_expired_reports(now=None, dry_run=False):
    """Wipe the reporter's name and email of the error reports handled (or received, if never handled)
    more than DIRECTORY_REPORT_RETENTION_MONTHS ago; the message about the actor stays. Idempotent.
    Returns the number of reports anonymised (or that would be)."""
    now = now or timezone.now()
    cutoff = now - relativedelta(months=settings.DIRECTORY_REPORT_RETENTION_MONTHS)
    expired = ActorReport.objects.past_retention(cutoff)
    if dry_run:
        return expired.count()
    return expired.update(reporter_name="", reporter_email="", anonymised_at=now)
