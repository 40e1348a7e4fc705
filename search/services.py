"""The search service: what the rest of the portal calls to index, remove, search and suggest.

`get_service()` returns the configured service. The database backend is always written to; when
`ELASTICSEARCH_URL` is set, Elasticsearch is written to and searched as well. If Elasticsearch fails, the
failure is logged, the database answers (the response says it is degraded) and Elasticsearch is left alone
for `SEARCH_ENGINE_RETRY_SECONDS` before being tried again, without a restart. Writes the engine missed
are recorded (`PendingOperation`) and replayed by `catch_up` when it answers again: on the first success
after a failure (as a task), from `manage.py search_catch_up`, and a full rebuild makes them moot.
"""

import logging
import math
import time
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from . import text
from .backends.base import FACETS, PER_PAGE, SORTS, SearchRequest, SearchResponse, SearchUnavailable
from .backends.database import DatabaseBackend
from .indexables import AUDIENCES, PUBLIC, REGISTRY, for_model, indexables, key_for, kind_labels
from .models import PendingOperation

logger = logging.getLogger(__name__)

CHUNK_SIZE = 200
MAX_PAGE = 500
MAX_FILTER_VALUES = 20
# Relevance order is reordered over its first DIVERSITY_WINDOW results so that, among the first
# DIVERSITY_TOP, no kind takes more than every other place, nor more than DIVERSITY_MAX_PER_KIND places,
# while other kinds wait (see `diversify`).
DIVERSITY_WINDOW = 40
DIVERSITY_TOP = 10
DIVERSITY_MAX_PER_KIND = 3


class SearchService:
    def __init__(self, database, engine=None, retry_after=60):
        self.database = database
        self.engine = engine
        self.retry_after = retry_after
        self.engine_down_until = 0.0

    # Engine health

    @property
    def engine_available(self):
        return self.engine is not None and time.monotonic() >= self.engine_down_until

    def _engine_failed(self, action, error):
        logger.warning("Search engine unavailable during %s, using the database: %s", action, error)
        self.engine_down_until = time.monotonic() + self.retry_after

    def _engine_recovered(self):
        if self.engine_down_until:
            self.engine_down_until = 0.0
            logger.info("Search engine answers again: catching up on the missed updates")
            transaction.on_commit(catch_up_index.enqueue)

    def _with_engine(self, action, function, *args):
        """The engine's answer, or None (after logging and backing off) if it cannot answer."""
        if not self.engine_available:
            return None
        try:
            result = function(*args)
        except SearchUnavailable as error:
            self._engine_failed(action, error)
            return None
        self._engine_recovered()
        return result

    def _write_engine(self, action, operation, items, keys):
        if self.engine is None or not keys:
            return
        if self.engine_available:
            try:
                getattr(self.engine, operation)(items)  # the operation names the backend's method
            except SearchUnavailable as error:
                self._engine_failed(action, error)
            else:
                self._engine_recovered()
                return
        record_missed(operation, keys)

    # Writing

    def index(self, documents):
        documents = list(documents)
        self.database.index(documents)
        self._write_engine(
            "indexing", PendingOperation.INDEX, documents, [d.key for d in documents]
        )

    def remove(self, keys):
        keys = list(keys)
        self.database.remove(keys)
        self._write_engine("removal", PendingOperation.REMOVE, keys, keys)

    def catch_up(self, batch_size=None):
        """Replay on the engine the writes it missed; returns how many. Raises SearchUnavailable (and
        backs off) if the engine still cannot answer: what is left stays recorded for the next run."""
        if self.engine is None:
            return 0
        batch_size = batch_size or CHUNK_SIZE
        replayed = 0
        while True:
            started = timezone.now()
            keys = list(
                PendingOperation.objects.order_by("recorded_at", "pk").values_list(
                    "key", flat=True
                )[:batch_size]
            )
            if not keys:
                self.engine_down_until = 0.0
                return replayed
            documents, hidden = [], []
            for label, pks in _by_label(keys).items():
                public, others = _split(label, pks)
                documents += public
                hidden += others
            try:
                self.engine.index(documents)
                self.engine.remove(hidden)
            except SearchUnavailable as error:
                self._engine_failed("catch-up", error)
                raise
            # A key recorded again since `started` holds a newer miss: it stays for the next batch.
            PendingOperation.objects.filter(key__in=keys, recorded_at__lte=started).delete()
            replayed += len(keys)

    def rebuild(self, progress=None):
        """Rebuild every backend from the registry; returns {kind: count}."""
        counts = {}

        def counted():
            for indexable, document in all_documents():
                counts[indexable.kind] = counts.get(indexable.kind, 0) + 1
                yield document

        started = timezone.now()
        self.database.rebuild(counted(), progress=progress)
        if self.engine is not None:
            # Errors propagate: a rebuild asked for explicitly must say it failed.
            self.engine.rebuild((d for _, d in all_documents()))
            self.engine_down_until = 0.0
            # The new index holds everything missed before the rebuild started.
            PendingOperation.objects.filter(recorded_at__lte=started).delete()
        return counts

    # Reading

    def search(self, request):
        """Documents matching every clause; if there are none, those matching most of the clauses (at
        least half of them, the most first: `response.partial`, and `request.min_clauses` is set)."""
        response = self._diversified_search(request)
        clauses = len(request.query.clauses) if request.query else 0
        if not response.count and not request.min_clauses and clauses > 1:
            request.min_clauses = math.ceil(clauses / 2)
            response = self._diversified_search(request)
        response.partial = 0 < request.min_clauses < clauses
        return response

    def _diversified_search(self, request):
        if request.sort != "relevance" or not request.query or request.offset >= DIVERSITY_WINDOW:
            return self._backend_search(request)
        end = request.offset + request.per_page
        window = replace(request, page=1, per_page=max(DIVERSITY_WINDOW, end))
        response = self._backend_search(window)
        hits = diversify(response.hits[:DIVERSITY_WINDOW]) + response.hits[DIVERSITY_WINDOW:]
        response.hits = hits[request.offset : end]
        return response

    def _backend_search(self, request):
        response = self._with_engine("search", self.engine.search, request) if self.engine else None
        if response is None:
            response = self.database.search(request)
            response.degraded = self.engine is not None
        return response

    def suggest(self, prefix, limit=8):
        suggestions = (
            self._with_engine("suggestion", self.engine.suggest, prefix, limit)
            if self.engine
            else None
        )
        return suggestions if suggestions is not None else self.database.suggest(prefix, limit)

    def parse(self, raw):
        return text.parse(raw, vocabulary=self.database.correct)


def diversify(hits, top=DIVERSITY_TOP, per_kind=DIVERSITY_MAX_PER_KIND):
    """The same hits, reordered so that one kind does not flood the first ones: at place p (from 1) of
    the first `top`, a kind may hold at most half of the p places (rounded up) and at most `per_kind`,
    unless no other kind is left. « ASE » gives a directory entry, then the best dossier, then an entry…
    instead of every département's entry before any dossier. Otherwise the order is kept."""
    remaining, ordered, counts = list(hits), [], {}
    while remaining and len(ordered) < top:
        cap = min(math.ceil((len(ordered) + 1) / 2), per_kind)
        hit = next((h for h in remaining if counts.get(h.kind, 0) < cap), remaining[0])
        remaining.remove(hit)
        ordered.append(hit)
        counts[hit.kind] = counts.get(hit.kind, 0) + 1
    return ordered + remaining


_service = None


def build_service():
    engine = None
    if settings.ELASTICSEARCH_URL:
        from .backends.elasticsearch import ElasticsearchBackend

        engine = ElasticsearchBackend()
    return SearchService(
        DatabaseBackend(), engine, retry_after=getattr(settings, "SEARCH_ENGINE_RETRY_SECONDS", 60)
    )


def get_service():
    global _service
    if _service is None:
        _service = build_service()
    return _service


@task()
def catch_up_index():
    """Enqueued when the engine answers again after a failure (and runnable by hand): returns how many
    missed updates were replayed."""
    return get_service().catch_up()


def reset_service():
    """Forget the configured service (settings changed, tests)."""
    global _service
    _service = None


# Indexing from the registry


def all_documents():
    """(indexable, document) for everything public, read in primary-key chunks (keyset, not OFFSET)."""
    for indexable in indexables():
        queryset = indexable.public_queryset().order_by("pk")
        last = 0
        while True:
            chunk = list(queryset.filter(pk__gt=last)[:CHUNK_SIZE])
            if not chunk:
                break
            for obj in chunk:
                yield indexable, indexable.to_document(obj)
            last = chunk[-1].pk


def total_public():
    return sum(indexable.public_queryset().count() for indexable in indexables())


def _split(label, pks):
    """(documents of the public objects among `pks`, keys of the others) for a model label."""
    label = label.lower()
    indexable = REGISTRY.get(label)
    if indexable is None:  # a model no longer searchable: whatever the index holds of it goes
        return [], [f"{label}:{pk}" for pk in pks]
    public = list(indexable.public_queryset().filter(pk__in=pks))
    hidden = set(pks) - {obj.pk for obj in public}
    return [indexable.to_document(obj) for obj in public], [
        f"{label}:{pk}" for pk in sorted(hidden)
    ]


def _by_label(keys):
    """{label: [pk, …]} from document keys such as `content.resourcepage:12`."""
    grouped = {}
    for key in keys:
        label, _, pk = key.rpartition(":")
        if pk.isdigit():
            grouped.setdefault(label, []).append(int(pk))
    return grouped


def sync(label, pks):
    """Index the given objects of a registered model if they are public, remove them otherwise."""
    if REGISTRY.get(label.lower()) is None or not pks:
        return
    documents, hidden = _split(label, pks)
    service = get_service()
    service.index(documents)
    service.remove(hidden)


def record_missed(operation, keys):
    """Remember writes the engine missed, for `SearchService.catch_up`."""
    now = timezone.now()
    PendingOperation.objects.bulk_create(
        [PendingOperation(key=key, operation=operation, recorded_at=now) for key in keys],
        update_conflicts=True,
        unique_fields=["key"],
        update_fields=["operation", "recorded_at"],
    )
    logger.warning("Search engine missed %d update(s): recorded for the catch-up", len(keys))


def pending_count():
    return PendingOperation.objects.count()


def sync_on_commit(instances):
    """Schedule `sync` for these objects after the current transaction commits (at once outside one)."""
    by_label = {}
    for obj in instances:
        # A page may come as its base class (moves, view restrictions): index it as its specific class.
        model = getattr(obj, "specific_class", None) or type(obj)
        if for_model(model) is None:
            continue
        by_label.setdefault(model._meta.label_lower, set()).add(obj.pk)
    for label, pks in by_label.items():
        transaction.on_commit(lambda label=label, pks=pks: _safe_sync(label, pks))


def remove_on_commit(obj):
    if for_model(type(obj)) is not None:
        key = key_for(obj)
        transaction.on_commit(lambda: _safe(lambda: get_service().remove([key])))


def _safe_sync(label, pks):
    _safe(lambda: sync(label, sorted(pks)))


def _safe(function):
    # An editor's save has already committed: indexing must never turn it into an error page.
    try:
        function()
    except Exception:
        logger.exception("Search indexing failed")


# Public search


@dataclass
class FacetChoice:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class FacetGroup:
    name: str
    legend: str
    choices: list


@dataclass
class PageInfo:
    """What the shared pagination template reads from a Django Page."""

    number: int
    num_pages: int
    count: int

    @property
    def paginator(self):
        return self

    def has_previous(self):
        return self.number > 1

    def has_next(self):
        return self.number < self.num_pages

    def previous_page_number(self):
        return self.number - 1

    def next_page_number(self):
        return self.number + 1


@dataclass
class SearchResults:
    q: str
    query: object
    request: SearchRequest
    response: SearchResponse
    facets: list = field(default_factory=list)
    glossary: list = field(default_factory=list)

    @property
    def count(self):
        return self.response.count

    @property
    def hits(self):
        return self.response.hits

    @property
    def page_obj(self):
        return PageInfo(
            self.request.page, max(1, math.ceil(self.count / self.request.per_page)), self.count
        )

    @property
    def did_you_mean(self):
        return self.query.did_you_mean

    @property
    def degraded(self):
        return self.response.degraded

    @property
    def partial(self):
        return self.response.partial

    @property
    def searched(self):
        return bool(self.query) or any(self.request.filters.values())

    def as_json(self):
        return {
            "query": self.q,
            "count": self.count,
            "page": self.request.page,
            "num_pages": self.page_obj.num_pages,
            "did_you_mean": self.did_you_mean,
            "partial": self.partial,
            "results": [
                {
                    "title": hit.title,
                    "url": hit.url,
                    "kind": hit.kind,
                    "kind_label": hit.kind_label,
                    "date": hit.date.isoformat() if hit.date else None,
                    "snippet": str(hit.snippet),
                }
                for hit in self.hits
            ],
            "facets": {
                group.name: [
                    {"value": c.value, "label": c.label, "count": c.count} for c in group.choices
                ]
                for group in self.facets
            },
        }


def _int(value, default, low, high):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if low <= number <= high else default


def request_from_params(params, service=None, per_page=PER_PAGE, audiences=(PUBLIC,)):
    """A SearchRequest from a query string. Unknown or malformed values are dropped, never an error."""
    service = service or get_service()
    raw = (params.get("q") or "")[: text.MAX_QUERY_LENGTH].strip()
    filters = {}
    for name in FACETS:
        values = [v.strip() for v in params.getlist(name) if v.strip()][:MAX_FILTER_VALUES]
        values = [
            v for v in dict.fromkeys(values) if len(v) <= 60 and (name != "year" or v.isdigit())
        ]
        if name == "kind":
            values = [v for v in values if v in kind_labels()]
        if values:
            filters[name] = values
    sort = params.get("sort") if params.get("sort") in SORTS else "relevance"
    page = _int(params.get("page"), 1, 1, MAX_PAGE)
    return raw, SearchRequest(
        query=service.parse(raw),
        filters=filters,
        sort=sort,
        page=page,
        per_page=per_page,
        audiences=tuple(audiences),
    )


def audiences_for(user):
    """What a visitor may find: members (and the committee) also find the members' documents."""
    from core.roles import is_member

    return AUDIENCES if is_member(user) else (PUBLIC,)


def run_search(params, per_page=PER_PAGE, audiences=(PUBLIC,)):
    """Everything the results page and the API show for a query string; `audiences` from
    `audiences_for(request.user)`."""
    service = get_service()
    raw, request = request_from_params(params, service, per_page, audiences)
    if not request.query and not request.filters:
        return SearchResults(raw, request.query, request, SearchResponse())
    response = service.search(request)
    last_page = max(1, math.ceil(response.count / per_page))
    if request.page > last_page:
        request.page = last_page
        response = service.search(request)
    labels = kind_labels()
    for hit in response.hits:
        hit.kind_label = labels.get(hit.kind, hit.kind)
    results = SearchResults(raw, request.query, request, response)
    results.facets = facet_groups(response.facets, request.filters)
    if not response.count:
        results.glossary = glossary_hints(request.query)
    return results


FACET_LEGENDS = {
    "kind": "Type de contenu",
    "theme": "Thème",
    "departement": "Département",
    "year": "Année",
}


def facet_groups(counts, filters):
    from taxonomy.models import Departement, Theme

    labels = {"kind": kind_labels(), "year": {}}
    if counts.get("theme") or filters.get("theme"):
        labels["theme"] = dict(Theme.objects.values_list("slug", "name"))
    if counts.get("departement") or filters.get("departement"):
        codes = set(counts.get("departement", {})) | set(filters.get("departement", []))
        labels["departement"] = {
            code: f"{name} ({code})"
            for code, name in Departement.objects.filter(code__in=codes).values_list("code", "name")
        }
    groups = []
    for name in FACETS:
        selected = set(filters.get(name, []))
        values = dict(counts.get(name, {}))
        for value in selected:
            values.setdefault(value, 0)
        names = labels.get(name, {})
        choices = [
            FacetChoice(value, names.get(value, value), count, value in selected)
            for value, count in values.items()
            if name in ("year",) or value in names
        ]
        if name == "year":
            choices.sort(key=lambda c: c.value, reverse=True)
        else:
            choices.sort(key=lambda c: (-c.count, c.label))
        if choices:
            groups.append(FacetGroup(name, FACET_LEGENDS[name], choices))
    return groups


def glossary_hints(query, limit=3):
    """Glossary entries whose term, expansion or synonyms share a word with the query."""
    from content.models import GlossaryEntry

    words = {s for clause in query.clauses for alt in clause.alternatives for s in alt.stems}
    if not words:
        return []
    hints = []
    for entry in GlossaryEntry.objects.only("term", "expansion", "synonyms", "definition"):
        names = " ".join([entry.term, entry.expansion, *entry.synonym_list])
        if words & set(text.stems(names)):
            hints.append(entry)
            if len(hints) >= limit:
                break
    return hints
