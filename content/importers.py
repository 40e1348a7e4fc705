"""Import of an existing library (JSON Lines, one resource per line): the migration path for an association
that brings years of content. Each line is validated completely before anything is written, then written in
its own transaction, so a bad line changes nothing and never stops the good ones."""

import datetime
import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import URLValidator, validate_slug
from django.db import transaction
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.utils.file import hash_filelike

from core.importing import CREATED, UNCHANGED, UPDATED, ImportReport, LineError
from core.sanitize import clean_html
from core.uploads import HEAD_BYTES, describe, detect_type
from taxonomy.models import Departement, Theme

from .models import ResourceIndexPage
from .pages import ResourceKind, ResourcePage, has_substance

MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass
class ResourceRecord:
    external_id: str
    title: str
    kind: str
    summary: str
    body_html: str
    date: datetime.date
    themes: list
    tags: list
    departements: list
    source_url: str
    slug: str = ""
    last_verified: datetime.date | None = None
    review_interval_months: int | None = None
    file_name: str | None = None
    file_bytes: bytes | None = None


class ResourceImporter:
    def __init__(self, path):
        self.path = Path(path)
        self.index = ResourceIndexPage.objects.first()
        if self.index is None:
            raise LineError(
                "La bibliothèque (/ressources/) n'existe pas : lancez d'abord `manage.py setup_site`."
            )
        self.themes = {theme.slug: theme for theme in Theme.objects.all()}
        self.departements = {d.code: d for d in Departement.objects.all()}

    def run(self):
        with self.path.open(encoding="utf-8") as lines:
            return self.import_lines(lines)

    def import_lines(self, lines):
        """Import JSON lines (an iterable of strings); `file` paths are relative to the importer's path."""
        report = ImportReport()
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = self.parse(line)
                with transaction.atomic():
                    outcome = self.save(record)
            except LineError as error:
                report.failed.append((number, str(error)))
                continue
            report.add(number, record.external_id, outcome)
        return report

    def parse(self, line):
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise LineError(f"JSON invalide ({error.msg})") from None
        if not isinstance(data, dict):
            raise LineError("la ligne doit être un objet JSON")
        external_id = str(data.get("external_id") or "").strip()
        if not external_id:
            raise LineError("external_id manquant")
        title = str(data.get("title") or "").strip()
        if not title:
            raise LineError("titre manquant")
        kind = data.get("kind")
        if kind not in ResourceKind.values:
            raise LineError(f"type inconnu : {kind!r}")
        try:
            date = datetime.date.fromisoformat(str(data.get("date")))
        except ValueError:
            raise LineError(f"date invalide : {data.get('date')!r} (attendu AAAA-MM-JJ)") from None
        themes = self._list(data, "themes")
        unknown = [slug for slug in themes if slug not in self.themes]
        if unknown:
            raise LineError(f"thème inconnu : {', '.join(unknown)}")
        departements = [str(code).upper() for code in self._list(data, "departements")]
        unknown = [code for code in departements if code not in self.departements]
        if unknown:
            raise LineError(f"département inconnu : {', '.join(unknown)}")
        source_url = str(data.get("source_url") or "").strip()
        if source_url:
            try:
                URLValidator(schemes=["http", "https"])(source_url)
            except ValidationError:
                raise LineError(f"URL de source invalide : {source_url!r}") from None
        record = ResourceRecord(
            external_id=external_id,
            title=title[:255],
            kind=kind,
            summary=str(data.get("summary") or "").strip(),
            body_html=clean_html(str(data.get("body_html") or "")),
            date=date,
            themes=themes,
            tags=[str(tag).strip()[:100] for tag in self._list(data, "tags") if str(tag).strip()],
            departements=departements,
            source_url=source_url,
        )
        if data.get("slug"):
            record.slug = str(data["slug"])
            try:
                validate_slug(record.slug)
            except ValidationError:
                raise LineError(f"slug invalide : {record.slug!r}") from None
        if data.get("last_verified"):
            try:
                record.last_verified = datetime.date.fromisoformat(str(data["last_verified"]))
            except ValueError:
                raise LineError(
                    f"last_verified invalide : {data['last_verified']!r} (attendu AAAA-MM-JJ)"
                ) from None
        if data.get("review_interval_months") is not None:
            interval = data["review_interval_months"]
            if not isinstance(interval, int) or isinstance(interval, bool) or interval < 1:
                raise LineError(f"review_interval_months invalide : {interval!r}")
            record.review_interval_months = interval
        if data.get("file"):
            record.file_name, record.file_bytes = self._read_file(str(data["file"]))
        return record

    def _list(self, data, key):
        value = data.get(key) or []
        if not isinstance(value, list):
            raise LineError(f"{key} doit être une liste")
        return value

    def _read_file(self, relative):
        base = self.path.parent.resolve()
        target = (base / relative).resolve()
        if base not in target.parents:
            raise LineError(f"fichier hors du dossier d'import : {relative}")
        try:
            if target.stat().st_size > MAX_FILE_BYTES:
                raise LineError(f"fichier trop volumineux : {relative}")
            data = target.read_bytes()
        except OSError:
            raise LineError(f"fichier illisible : {relative}") from None
        if detect_type(data[:HEAD_BYTES], settings.WAGTAILDOCS_EXTENSIONS, target.name) is None:
            raise LineError(
                f"fichier refusé : {relative} (types acceptés : "
                f"{describe(settings.WAGTAILDOCS_EXTENSIONS)}, contenu conforme à l'extension)"
            )
        return target.name, data

    def save(self, record):
        """Create or update the resource; one that already has every value is left alone (no revision)."""
        page = ResourcePage.objects.filter(external_id=record.external_id).first()
        document = record.file_bytes or (page.document if page else None)
        if not has_substance(record.body_html, document, record.source_url):
            raise LineError(
                "ressource vide : donnez un contenu (body_html), un fichier (file) ou un lien vers "
                "sa source (source_url)"
            )
        created = page is None
        if created:
            page = ResourcePage(
                external_id=record.external_id, slug=self._free_slug(record.slug or record.title)
            )
        elif self._unchanged(page, record):
            return UNCHANGED
        page.title = record.title
        page.kind = record.kind
        page.summary = record.summary
        page.search_description = record.summary
        page.body = record.body_html
        page.date = record.date
        page.source_url = record.source_url
        if record.last_verified is not None:
            page.last_verified = record.last_verified
        if record.review_interval_months is not None:
            page.review_interval_months = record.review_interval_months
        if record.file_bytes is not None:
            page.document = self._document(record, page.document)
        if created:
            self.index.add_child(instance=page)
        page.themes.set([self.themes[slug] for slug in record.themes])
        page.departements.set([self.departements[code] for code in record.departements])
        page.tags.set(record.tags, clear=True)
        page.save_revision().publish()
        return CREATED if created else UPDATED

    def _unchanged(self, page, record):
        if page.has_unpublished_changes or not page.live:
            return False
        fields = {
            "title": record.title,
            "kind": record.kind,
            "summary": record.summary,
            "search_description": record.summary,
            "body": record.body_html,
            "date": record.date,
            "source_url": record.source_url,
        }
        if record.last_verified is not None:
            fields["last_verified"] = record.last_verified
        if record.review_interval_months is not None:
            fields["review_interval_months"] = record.review_interval_months
        if any(getattr(page, name) != value for name, value in fields.items()):
            return False
        if record.file_bytes is not None and (
            page.document is None
            or page.document.get_file_hash()
            != hash_filelike(ContentFile(record.file_bytes, name=record.file_name))
        ):
            return False
        return (
            sorted(page.themes.values_list("slug", flat=True)) == sorted(record.themes)
            and sorted(page.departements.values_list("code", flat=True))
            == sorted(record.departements)
            and sorted(page.tags.names()) == sorted(record.tags)
        )

    def _free_slug(self, text):
        base = slugify(text)[:200] or "ressource"
        slug, n = base, 2
        while ResourcePage.objects.child_of(self.index).filter(slug=slug).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    def _document(self, record, current):
        Document = get_document_model()
        content = ContentFile(record.file_bytes, name=record.file_name)
        if current is not None and current.get_file_hash() == hash_filelike(content):
            return current
        document = current or Document(title=record.title)
        document.title = record.title
        document.file.save(record.file_name, content, save=False)
        document._set_document_file_metadata()
        document.save()
        return document
