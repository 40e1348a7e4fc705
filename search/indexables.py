"""What is searchable: one small `Indexable` class per indexed model.

Each indexable names its model (`model`, an "app_label.ModelName" label), the kind slug and label shown to
users, the queryset of what the public may see (`public_queryset`), and how one object becomes a
`SearchDocument` (`to_document`). Everything else — signals, reindexing, both backends — works from this
registry, so adding a model to the search is a few lines here and nothing elsewhere.

Adding a model is one class: see `EventIndexable` at the end of this module.

What is not registered is never indexed: drafts, private pages (Wagtail view restrictions), unpublished
and deleted content are excluded by `public_queryset`, and the helpdesk has no indexable at all.
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.apps import apps
from django.core.cache import cache
from django.db.models import Prefetch
from django.utils.html import strip_tags
from django.utils.timezone import localdate

from . import text

logger = logging.getLogger(__name__)

PDF_MAX_PAGES = 80
PDF_MAX_CHARS = 200_000
PDF_TEXT_CACHE_SECONDS = 30 * 24 * 3600
REGISTRY = {}

# How much a match counts, by what kind of document it is in: for the same words, the portal's own dossiers
# and the texts that state the law come before a directory entry (see `Indexable.weight`).
WEIGHT_REFERENCE = 1.5
WEIGHT_DEFAULT = 1.0
WEIGHT_DIRECTORY = 0.8
# A glossary entry is a short definition naming its synonyms: it must not outrank the content that uses them.
WEIGHT_DEFINITION = 0.5

# Who may find a document. Everything is public but what an app declares for members (the discussion
# list's archive): both backends filter on it, anonymous searches and suggestions see only PUBLIC.
PUBLIC = "public"
MEMBERS = "members"
AUDIENCES = (PUBLIC, MEMBERS)


@dataclass
class SearchDocument:
    """One searchable item, the same for both backends."""

    key: str  # "app_label.model:pk"
    kind: str
    title: str
    url: str
    date: datetime.date | None = None
    summary: str = ""
    body: str = ""
    themes: list = field(default_factory=list)  # theme slugs
    departements: list = field(default_factory=list)  # département codes
    suggest: list = field(default_factory=list)  # extra completion inputs (acronyms…)
    # Searched but not shown: tags and the names of the départements and regions. (Both backends add the
    # legal references of the text in their canonical form, see search.text.references.)
    keywords: list = field(default_factory=list)
    weight: float = WEIGHT_DEFAULT
    audience: str = PUBLIC

    @property
    def year(self):
        return self.date.year if self.date else None

    def facets(self):
        rows = [("kind", self.kind)]
        rows += [("theme", slug) for slug in self.themes]
        rows += [("departement", code) for code in self.departements]
        if self.year:
            rows.append(("year", str(self.year)))
        return rows


def register(cls):
    REGISTRY[cls.model.lower()] = cls()
    return cls


def indexables():
    return list(REGISTRY.values())


def for_model(model):
    """The indexable of a model class or instance (of its specific class, for a page), or None."""
    return REGISTRY.get(model._meta.concrete_model._meta.label_lower)


def kind_labels():
    return {i.kind: i.label for i in indexables()}


def key_for(obj):
    return f"{obj._meta.label_lower}:{obj.pk}"


def prefetch(*names):
    """Prefetches of to-many relations into plain lists (`indexed_<name>`, read by `related`): Django
    builds no queryset per object for them, which was a fifth of the reindexing time."""
    return [Prefetch(name, to_attr=f"indexed_{name}") for name in names]


def related(obj, name):
    """The objects of a to-many relation, prefetched by `prefetch` or read now."""
    objects = getattr(obj, f"indexed_{name}", None)
    return objects if objects is not None else list(getattr(obj, name).all())


def html_to_text(html):
    return " ".join(strip_tags(str(html or "")).split())


class Indexable:
    model = ""
    kind = ""
    label = ""
    weight = WEIGHT_DEFAULT
    # MEMBERS: found by members' searches only, never suggested (suggestions are shared by everyone).
    audience = PUBLIC

    def weight_of(self, obj):
        return self.weight

    def model_class(self):
        return apps.get_model(self.model)

    def public_queryset(self):
        raise NotImplementedError

    def to_document(self, obj):
        raise NotImplementedError

    def url(self, obj):
        return obj.url

    def document(
        self,
        obj,
        *,
        title,
        body=(),
        summary="",
        date=None,
        themes=(),
        departements=(),
        suggest=(),
        tags=(),
    ):
        # Web addresses are dropped from what is shown and highlighted: they make unreadable snippets.
        summary = text.without_urls(summary)
        body = text.without_urls(" ".join(part for part in body if part))
        departements = sorted(set(departements), key=lambda d: d.code)
        places = [d.name for d in departements] + sorted({d.region for d in departements})
        keywords = [t.name for t in tags] + places
        return SearchDocument(
            key=key_for(obj),
            kind=self.kind,
            title=title,
            url=self.url(obj) or "",
            date=date,
            summary=summary,
            body=body,
            themes=sorted({t.slug for t in themes}),
            departements=[d.code for d in departements],
            suggest=list(suggest),
            keywords=list(dict.fromkeys(k for k in keywords if k)),
            weight=self.weight_of(obj),
            audience=self.audience,
        )


class PageIndexable(Indexable):
    """Live pages that no view restriction hides (on themselves or an ancestor)."""

    related = ()  # to-many relations the document reads
    related_one = ()  # to-one relations it reads

    def public_queryset(self):
        return (
            self.model_class()
            .objects.live()
            .public()
            .prefetch_related(*prefetch(*self.related), *self.related_one)
        )

    def url(self, obj):
        return obj.get_url()


def stream_text(stream):
    """The readable text of a StreamField value (headings, paragraphs, questions and answers…)."""
    parts = []
    for block in stream or []:
        parts.append(_block_text(block.value))
    return " ".join(p for p in parts if p)


def _block_text(value):
    from wagtail.rich_text import RichText

    if value is None:
        return ""
    if isinstance(value, RichText):
        return html_to_text(value.source)
    if isinstance(value, str):
        return html_to_text(value)
    if isinstance(value, dict) or hasattr(value, "items"):
        return " ".join(_block_text(v) for v in value.values())
    if isinstance(value, (list, tuple)) or hasattr(value, "__iter__"):
        return " ".join(_block_text(getattr(v, "value", v)) for v in value)
    return ""


@register
class DossierIndexable(PageIndexable):
    model = "content.DossierPage"
    kind = "dossier"
    label = "Dossier"
    related = ("themes", "tags")
    weight = WEIGHT_REFERENCE

    def to_document(self, obj):
        return self.document(
            obj,
            title=obj.title,
            summary=html_to_text(obj.introduction),
            body=[stream_text(obj.key_points), stream_text(obj.body)],
            date=obj.last_verified,
            themes=related(obj, "themes"),
            tags=related(obj, "tags"),
        )


@register
class ArticleIndexable(PageIndexable):
    model = "content.ArticlePage"
    kind = "article"
    label = "Article"
    weight = WEIGHT_REFERENCE

    def to_document(self, obj):
        return self.document(
            obj,
            title=obj.title,
            summary=obj.introduction,
            body=[stream_text(obj.body)],
            date=obj.last_verified,
        )


@register
class ResourceIndexable(PageIndexable):
    model = "content.ResourcePage"
    kind = "ressource"
    label = "Ressource"
    related = ("themes", "departements", "tags")
    related_one = ("document",)

    def weight_of(self, obj):
        from content.models import LEGAL_KINDS

        return WEIGHT_REFERENCE if obj.kind in LEGAL_KINDS else WEIGHT_DEFAULT

    def to_document(self, obj):
        return self.document(
            obj,
            title=obj.title,
            summary=obj.summary,
            body=[html_to_text(obj.body), pdf_text(obj.document)],
            date=obj.date,
            themes=related(obj, "themes"),
            departements=related(obj, "departements"),
            tags=related(obj, "tags"),
        )


@register
class ActorIndexable(Indexable):
    model = "directory.Actor"
    kind = "acteur"
    label = "Acteur"
    weight = WEIGHT_DIRECTORY

    def public_queryset(self):
        return (
            self.model_class()
            .objects.filter(live=True)
            .prefetch_related(*prefetch("themes", "departements", "services"))
        )

    def url(self, obj):
        return obj.get_absolute_url()

    def to_document(self, obj):
        return self.document(
            obj,
            title=obj.name,
            summary=obj.description,
            body=[
                obj.city,
                obj.get_kind_display(),
                " ".join(s.name for s in related(obj, "services")),
            ],
            date=obj.last_verified,
            themes=related(obj, "themes"),
            departements=related(obj, "departements"),
        )


@register
class GlossaryIndexable(Indexable):
    model = "content.GlossaryEntry"
    kind = "lexique"
    label = "Lexique"
    weight = WEIGHT_DEFINITION

    def public_queryset(self):
        return self.model_class().objects.prefetch_related(*prefetch("themes"))

    def url(self, obj):
        return f"/lexique/#{obj.anchor}"

    def to_document(self, obj):
        title = f"{obj.term} ({obj.expansion})" if obj.expansion else obj.term
        return self.document(
            obj,
            title=title,
            summary=obj.definition,
            body=obj.synonym_list,
            themes=related(obj, "themes"),
            suggest=[obj.term, obj.expansion, *obj.synonym_list],
        )


@register
class EventIndexable(Indexable):
    """Published events, past ones included: their proceedings stay worth finding."""

    model = "agenda.Event"
    kind = "evenement"
    label = "Événement"

    def public_queryset(self):
        return (
            self.model_class()
            .objects.filter(live=True)
            .select_related("departement", "organiser_actor")
            .prefetch_related(*prefetch("themes", "sessions"))
        )

    def to_document(self, obj):
        sessions = list(related(obj, "sessions"))
        return self.document(
            obj,
            title=obj.title,
            summary=obj.summary,
            body=[
                html_to_text(obj.description),
                obj.get_kind_display(),
                obj.get_format_display(),
                obj.organiser or "",
                obj.location_text or "",
            ],
            date=min(session.first_day for session in sessions) if sessions else None,
            themes=related(obj, "themes"),
            departements=[obj.departement] if obj.departement else [],
        )


@register
class PracticeSheetIndexable(PageIndexable):
    """Published action sheets of the practices library, found by what they tackle and who takes part."""

    model = "practices.PracticeSheetPage"
    kind = "pratique"
    label = "Fiche action"
    related = ("themes", "partners", "departement")

    def to_document(self, obj):
        partners = list(obj.partners.all())
        return self.document(
            obj,
            title=obj.title,
            summary=obj.summary,
            body=[
                obj.lead_organisation,
                *(partner.name for partner in partners),
                " ".join(obj.partner_kinds),
                *(
                    html_to_text(value)
                    for value in (
                        obj.problem,
                        obj.objective,
                        obj.actions,
                        obj.calendar,
                        obj.indicators,
                        obj.results,
                    )
                ),
            ],
            date=localdate(obj.first_published_at) if obj.first_published_at else None,
            themes=obj.themes.all(),
            departements=[obj.departement] if obj.departement else [],
        )


def pdf_text(document):
    """The text of an attached PDF; a broken or encrypted file is logged and gives no text.

    Kept in the cache under the file's content hash: a reindex, or a resource saved again, does not parse
    an unchanged PDF again (pypdf takes from a tenth of a second to seconds per file)."""
    if document is None or not document.file.name.lower().endswith(".pdf"):
        return ""
    key = f"search:pdf-text:v1:{document.file_hash}" if document.file_hash else None
    extracted = cache.get(key) if key else None
    if extracted is None:
        extracted = _extract_pdf_text(document)
        if key:
            cache.set(key, extracted, PDF_TEXT_CACHE_SECONDS)
    return extracted


def _extract_pdf_text(document):
    try:
        from pypdf import PdfReader

        with document.file.open("rb") as handle:
            reader = PdfReader(handle)
            if reader.is_encrypted:
                logger.warning(
                    "Search: PDF %s is encrypted, its text is not indexed", document.file.name
                )
                return ""
            parts, size = [], 0
            for page in reader.pages[:PDF_MAX_PAGES]:
                text = page.extract_text() or ""
                parts.append(text)
                size += len(text)
                if size > PDF_MAX_CHARS:
                    break
        return " ".join(" ".join(parts).split())[:PDF_MAX_CHARS]
    except Exception as error:  # pypdf raises many kinds of errors on broken files
        logger.warning(
            "Search: cannot read PDF %s (%s), its text is not indexed", document.file.name, error
        )
        return ""
