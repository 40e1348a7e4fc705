"""Queries behind the directory pages and exports, kept out of views so their cost stays constant."""

import csv
import io
import json
from itertools import groupby

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.utils import timezone
from django.utils.functional import cached_property
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

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
            for service in actor.service_list:
                counts.setdefault(service, 0)
                counts[service] += 1
        return sorted(counts.items(), key=lambda item: (item[0].position, item[0].name))


# Exports ---------------------------------------------------------------------------------------------------

# The spreadsheet layout (CSV and XLSX): French headers and labels a person reads, in the columns that
# `import_actors` reads back (headers and labels are accepted there), so an export edited in a spreadsheet
# can be imported again. Multi-valued cells are separated by « ; ».
SPREADSHEET_COLUMNS = [
    ("external_id", "identifiant"),
    ("name", "nom"),
    ("kind", "type"),
    ("departements", "départements"),
    ("address", "adresse"),
    ("postcode", "code postal"),
    ("city", "ville"),
    ("phone", "téléphone"),
    ("email", "courriel"),
    ("website", "site internet"),
    ("services", "services"),
    ("description", "description"),
    ("themes", "thèmes"),
    ("last_verified", "vérifié le"),
    ("url", "page"),
]
CSV_DELIMITER = ";"  # what Excel expects with French regional settings
LIST_SEPARATOR = "; "


def export_record(actor, base_url=""):
    """The public fields of an actor for programs (JSON: codes and slugs): never its workflow state,
    external id or reports."""
    return {
        "slug": actor.slug,
        "name": actor.name,
        "kind": actor.kind,
        "national": actor.is_national,
        "departements": [d.code for d in actor.departement_list],
        "services": [s.slug for s in actor.service_list],
        "themes": [t.slug for t in actor.theme_list],
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


def spreadsheet_row(actor, base_url=""):
    """The actor in the spreadsheet layout, labels instead of slugs; the identifier is the public slug
    (the external id stays private). Values are typed: `last_verified` a date, the rest text."""
    codes = [d.code for d in actor.departement_list]
    return {
        "external_id": actor.slug,
        "name": actor.name,
        "kind": actor.get_kind_display(),
        "departements": LIST_SEPARATOR.join((["national"] if actor.is_national else []) + codes),
        "address": actor.address,
        "postcode": actor.postcode,
        "city": actor.city,
        "phone": actor.phone,
        "email": actor.email,
        "website": actor.website,
        "services": LIST_SEPARATOR.join(s.name for s in actor.service_list),
        "description": actor.description,
        "themes": LIST_SEPARATOR.join(t.name for t in actor.theme_list),
        "last_verified": actor.last_verified,
        "url": base_url + actor.get_absolute_url(),
    }


def iter_csv(actors, base_url=""):
    """CSV lines, UTF-8 with a BOM so Excel reads the accents, `;`-separated, header first; formulas
    neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER)

    def flush():
        value = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate(0)
        return value

    yield "\ufeff"
    writer.writerow([label for _, label in SPREADSHEET_COLUMNS])
    yield flush()
    for actor in actors:
        row = spreadsheet_row(actor, base_url)
        writer.writerow(
            [
                row[key].isoformat()
                if key == "last_verified" and row[key]
                else neutralise_formula(row[key] or "")
                for key, _ in SPREADSHEET_COLUMNS
            ]
        )
        yield flush()


def xlsx_bytes(actors, base_url=""):
    """The same table as an Excel workbook with typed cells: text stays text (postcodes keep their
    leading zero, « 75; 93 » is not a number), the verification date is a date, formulas are neutralised."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Annuaire")
    sheet.append([label for _, label in SPREADSHEET_COLUMNS])
    for actor in actors:
        row = spreadsheet_row(actor, base_url)
        cells = []
        for key, _ in SPREADSHEET_COLUMNS:
            value = row[key]
            if key == "last_verified":
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = "DD/MM/YYYY"
            else:
                cell = WriteOnlyCell(sheet, value=neutralise_formula(value or ""))
                cell.data_type = "s"
                cell.number_format = "@"
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


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
