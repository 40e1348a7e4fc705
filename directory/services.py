"""Queries behind the directory pages and exports, kept out of views so their cost stays constant."""

import csv
import io
import json
from itertools import groupby

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.utils import timezone
from django.utils.functional import cached_property

from core.spreadsheet import neutralise_formula

from .models import Actor, ActorKind, ActorReport


def live_actors():
    return Actor.objects.live()


def normalise_code(code):
    """`2a` and `2A` are the same département; codes are stored upper-case."""
    return (code or "").strip().upper()


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
