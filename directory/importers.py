"""Import of an existing directory (CSV, one actor per line). Every line is validated completely before
anything is written, then written in its own transaction: a bad line changes nothing and never stops the good
ones. Idempotent on `external_id`. Imported actors are published (the file is the committee's own export),
with a revision, so the history shows where they came from."""

import csv
import datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.utils.text import slugify

from core.importing import CREATED, UNCHANGED, UPDATED, ImportReport, LineError
from core.spreadsheet import restore_neutralised
from taxonomy.models import Departement, Theme

from .models import Actor, ActorKind, Service
from .services import SPREADSHEET_COLUMNS

COLUMNS = [
    "external_id",
    "name",
    "kind",
    "departements",
    "address",
    "postcode",
    "city",
    "phone",
    "email",
    "website",
    "services",
    "description",
]
# Optional columns: left out, an update keeps the actor's values (a new actor gets none / today).
OPTIONAL_COLUMNS = ["themes", "last_verified"]
NATIONAL = "national"
FIELDS = ["name", "kind", "address", "postcode", "city", "phone", "email", "website", "description"]


def _split(value):
    return [part.strip() for part in (value or "").split(";") if part.strip()]


# The portal's own spreadsheet export (French headers) is read back: header -> column.
HEADER_NAMES = {label: column for column, label in SPREADSHEET_COLUMNS}


def _by_key_or_label(items, label):
    """{slug or value: item, lower-cased label: item}: a file may name a choice either way."""
    mapping = dict(items)
    mapping.update({label(item).casefold(): item for item in list(mapping.values())})
    return mapping


class ActorImporter:
    def __init__(self, path, dry_run=False):
        self.path = Path(path)
        self.dry_run = dry_run
        self.departements = {d.code: d for d in Departement.objects.all()}
        self.services = _by_key_or_label(
            ((s.slug, s) for s in Service.objects.all()), lambda s: s.name
        )
        self.themes = _by_key_or_label(((t.slug, t) for t in Theme.objects.all()), lambda t: t.name)
        self.kinds = _by_key_or_label(
            ((k, k) for k in ActorKind.values), lambda k: ActorKind(k).label
        )

    def run(self):
        report = ImportReport()
        with self.path.open(encoding="utf-8-sig", newline="") as handle:
            sample = handle.read(4096)
            handle.seek(0)
            delimiter = (
                ";"
                if sample.splitlines()[0].count(";") > sample.splitlines()[0].count(",")
                else ","
            )
            reader = csv.DictReader(handle, delimiter=delimiter)
            reader.fieldnames = [HEADER_NAMES.get(name, name) for name in reader.fieldnames or []]
            missing = [column for column in COLUMNS if column not in reader.fieldnames]
            if missing:
                raise LineError(f"colonnes manquantes : {', '.join(missing)}")
            for row in reader:
                number = reader.line_num
                try:
                    record = self.parse(row)
                    with transaction.atomic():
                        outcome = self.save(record)
                        if self.dry_run:
                            transaction.set_rollback(True)
                except LineError as error:
                    report.failed.append((number, str(error)))
                    continue
                report.add(number, record["external_id"], outcome)
        return report

    def parse(self, row):
        values = {
            column: restore_neutralised((row.get(column) or "").strip()) for column in COLUMNS
        }
        if None in row:
            raise LineError("trop de colonnes sur la ligne")
        if any("\x00" in value for value in values.values()):
            raise LineError("caractère nul dans la ligne")
        if not values["external_id"]:
            raise LineError("external_id manquant")
        if not values["name"]:
            raise LineError("nom manquant")
        kind = self.kinds.get(values["kind"]) or self.kinds.get(values["kind"].casefold())
        if kind is None:
            raise LineError(f"type d'acteur inconnu : « {values['kind']} »")
        values["kind"] = kind
        codes = [code.upper() for code in _split(values["departements"])]
        is_national = NATIONAL.upper() in codes
        codes = [code for code in codes if code != NATIONAL.upper()]
        unknown = [code for code in codes if code not in self.departements]
        if unknown:
            raise LineError(f"code de département inconnu : {', '.join(unknown)}")
        if not codes and not is_national:
            raise LineError("aucun département (indiquer des codes ou « national »)")
        service_names = _split(values["services"])
        unknown = [name for name in service_names if self._find(self.services, name) is None]
        if unknown:
            raise LineError(f"service inconnu : {', '.join(unknown)}")
        if values["email"]:
            try:
                validate_email(values["email"])
            except ValidationError as error:
                raise LineError(f"courriel invalide : « {values['email']} »") from error
        if values["website"]:
            try:
                URLValidator(schemes=["http", "https"])(values["website"])
            except ValidationError as error:
                raise LineError(f"site internet invalide : « {values['website']} »") from error
        limits = {
            field.name: field.max_length
            for field in Actor._meta.fields
            if getattr(field, "max_length", None)
        }
        for column in ("external_id", "name", "address", "postcode", "city", "phone"):
            if len(values[column]) > limits[column]:
                raise LineError(f"{column} trop long ({limits[column]} caractères au plus)")
        values["departements"] = [self.departements[code] for code in codes]
        values["is_national"] = is_national
        values["services"] = [self._find(self.services, name) for name in service_names]
        if "themes" in row:
            theme_names = _split(row["themes"])
            unknown = [name for name in theme_names if self._find(self.themes, name) is None]
            if unknown:
                raise LineError(f"thème inconnu : {', '.join(unknown)}")
            values["themes"] = [self._find(self.themes, name) for name in theme_names]
        if (row.get("last_verified") or "").strip():
            try:
                values["last_verified"] = datetime.date.fromisoformat(row["last_verified"].strip())
            except ValueError:
                raise LineError(
                    f"last_verified invalide : « {row['last_verified']} » (attendu AAAA-MM-JJ)"
                ) from None
        return values

    @staticmethod
    def _find(mapping, name):
        return mapping.get(name) or mapping.get(name.casefold())

    def save(self, record):
        """Create or update the actor; one that already has every value is left alone (no revision).
        The identifier is the external id, or the public slug the portal's own export gives."""
        identifier = record["external_id"]
        actor = (
            Actor.objects.filter(external_id=identifier).first()
            or Actor.objects.filter(slug=identifier).first()
        )
        created = actor is None
        if created:
            slug = identifier if identifier == slugify(identifier) else ""
            if not slug or Actor.objects.filter(slug=slug).exists():
                slug = self.unique_slug(record["name"])
            actor = Actor(external_id=identifier, slug=slug)
        elif self._unchanged(actor, record):
            return UNCHANGED
        for name in FIELDS:
            setattr(actor, name, record[name])
        if "last_verified" in record:
            actor.last_verified = record["last_verified"]
        actor.is_national = record["is_national"]
        actor.live = True
        actor.departements.set(record["departements"])
        actor.services.set(record["services"])
        if "themes" in record:
            actor.themes.set(record["themes"])
        actor.has_unpublished_changes = False
        actor.save()
        actor.record_live_revision()
        return CREATED if created else UPDATED

    def _unchanged(self, actor, record):
        if not actor.live or actor.has_unpublished_changes:
            return False
        if any(getattr(actor, name) != record[name] for name in FIELDS):
            return False
        if "last_verified" in record and actor.last_verified != record["last_verified"]:
            return False
        relations = [("departements", "departements"), ("services", "services")]
        if "themes" in record:
            relations.append(("themes", "themes"))
        return actor.is_national == record["is_national"] and all(
            set(getattr(actor, name).values_list("pk", flat=True))
            == {item.pk for item in record[key]}
            for name, key in relations
        )

    def unique_slug(self, name):
        base = slugify(name)[:240] or "acteur"
        slug, n = base, 1
        while Actor.objects.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug
