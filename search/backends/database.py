"""The embedded backend: the `search.models` tables, queried with PostgreSQL full-text search or, on
SQLite, whole-word LIKE lookups on the same stemmed text. Always kept up to date, even when Elasticsearch
is the configured engine, because it is the fallback."""

import hashlib

from django.contrib.postgres.search import SearchQuery
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import (
    Case,
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    IntegerField,
    Q,
    Value,
    When,
)
from rapidfuzz import process
from rapidfuzz.distance import OSA

from core.freshness import Version

from .. import text
from ..indexables import PUBLIC
from ..models import IndexEntry, IndexFacet, IndexTerm
from .base import SUGGEST_LIMIT, Backend, Hit, SearchResponse, Suggestion

SNIPPET_SOURCE_CHARS = 20_000
REBUILD_BATCH = 500
TITLE_WEIGHT = 4
# The index's own version: bumped by every write, it keys the cached facet counts.
INDEX_VERSION = Version("search:index-version")
FACETS_CACHE_SECONDS = 3600


def index_changed():
    """Now, for this process and this transaction, and again once the write commits, so that counts
    another process cached in between are not kept."""
    INDEX_VERSION.bump()
    transaction.on_commit(INDEX_VERSION.bump)


def analyse(document):
    """(IndexEntry fields, vocabulary words) of a document. Its long texts are folded once here: folding
    was half the indexing time when each helper of search.text folded the body again."""
    title, summary, body = (text.fold(t) for t in (document.title, document.summary, document.body))
    extra = [text.fold(t) for t in [*document.suggest, *document.keywords]]
    content = f"{title} {summary} {body}"
    words = text.folded_tokens(content)
    fields = {
        "kind": document.kind,
        "title": document.title[:500],
        "url": document.url[:500],
        "date": document.date,
        "summary": document.summary,
        "body": document.body,
        # A reference in the title is a title match: « CASF, article L.221-2-4 » for « L221-2-4 ».
        "title_terms": text.folded_stem_text(" ".join([title, *text.folded_references(title)])),
        "terms": text.folded_stem_text(
            " ".join([content, *extra, *text.folded_references(content)])
        ),
        # Suggestions are the same for everyone: a members' document is never suggested.
        "suggest": "\n".join(text.suggest_inputs(document.title, document.suggest))
        if document.audience == PUBLIC
        else "",
        "weight": document.weight,
        "audience": document.audience,
    }
    vocabulary = {w for w in words if text.TYPO_MIN_LENGTH - 1 <= len(w) <= 40 and not w.isdigit()}
    return fields, vocabulary


# What an upsert replaces of an existing entry: every field `analyse` writes, and updated_at.
UPDATED_FIELDS = [
    "kind",
    "title",
    "url",
    "date",
    "summary",
    "body",
    "title_terms",
    "terms",
    "suggest",
    "weight",
    "updated_at",
]


class DatabaseBackend(Backend):
    name = "database"
    _known_words = frozenset()

    # Writing

    def index(self, documents):
        # One upsert per batch (a document indexed twice in the batch: the last one counts).
        documents = list({d.key: d for d in documents}.values())
        if not documents:
            return
        analysed = [analyse(d) for d in documents]
        entries = [
            IndexEntry(key=d.key, **fields)
            for d, (fields, _) in zip(documents, analysed, strict=True)
        ]
        if connection.vendor == "postgresql":
            # Parsed once here, rather than on every search (see migration 0005 and TermsVectorField).
            for entry in entries:
                entry.search_vector = entry.terms
        with transaction.atomic():
            IndexEntry.objects.bulk_create(
                entries,
                update_conflicts=True,
                unique_fields=["key"],
                update_fields=[*UPDATED_FIELDS, "search_vector"],
            )
            self._write_facets(documents, {e.key: e.pk for e in entries})
            self._write_vocabulary(set().union(*(words for _, words in analysed)))
            index_changed()

    def _write_facets(self, documents, ids):
        # One DELETE: the ORM's delete() reads the rows first, since a post_delete receiver (the freshness
        # signal for pages) listens to every model.
        facets = IndexFacet.objects.filter(entry_id__in=ids.values())
        facets._raw_delete(facets.db)
        IndexFacet.objects.bulk_create(
            [
                IndexFacet(entry_id=ids[d.key], name=name, value=value)
                for d in documents
                for name, value in dict.fromkeys(d.facets())
            ]
        )

    def _write_vocabulary(self, words):
        words -= self._known_words
        IndexTerm.objects.bulk_create(
            [IndexTerm(word=w, length=len(w)) for w in sorted(words)],
            ignore_conflicts=True,
            batch_size=1000,
        )
        self._known_words |= words

    def remove(self, keys):
        IndexEntry.objects.filter(key__in=list(keys)).delete()
        index_changed()

    def rebuild(self, documents, progress=None):
        """One transaction: readers see the old index until the new one is complete."""
        with transaction.atomic():
            # Plain DELETEs: the ORM's cascade would first load every entry to find its facets.
            with connection.cursor() as cursor:
                for model in (IndexFacet, IndexEntry):
                    table = connection.ops.quote_name(model._meta.db_table)
                    cursor.execute(f"DELETE FROM {table}")  # noqa: S608 (a model's own table)
            # Words already written in this rebuild are not sent again with every batch.
            self._known_words = set()
            try:
                batch = []
                for document in documents:
                    batch.append(document)
                    if len(batch) >= REBUILD_BATCH:
                        self.index(batch)
                        batch = []
                    if progress:
                        progress()
                self.index(batch)
            finally:
                self._known_words = frozenset()
            index_changed()  # even when nothing was indexed again

    def count(self):
        return IndexEntry.objects.count()

    # Reading

    def correct(self, words):
        """{unknown word: closest known word} for words one edit away from a word of the index."""
        condition = Q()
        for word in words:
            condition |= Q(length__range=(len(word) - 1, len(word) + 1), word__startswith=word[0])
        candidates = {}
        for candidate in IndexTerm.objects.filter(condition).values_list("word", flat=True):
            candidates.setdefault(candidate[0], []).append(candidate)
        corrections = {}
        for word in words:
            pool = candidates.get(word[0], [])
            if word in pool:
                continue
            close = process.extract(word, pool, scorer=OSA.distance, score_cutoff=1, limit=None)
            best = sorted((c for c, _, _ in close), key=lambda c: (abs(len(c) - len(word)), c))
            if best:
                corrections[word] = best[0]
        return corrections

    def search(self, request):
        entries = self._matching(request.query, request.min_clauses).filter(
            audience__in=request.audiences
        )
        for name, values in request.filters.items():
            if values:
                entries = entries.filter(
                    pk__in=IndexFacet.objects.filter(name=name, value__in=values).values("entry_id")
                )
        response = SearchResponse(backend=self.name, facets=self._facets(request, entries))
        # Every entry has exactly one kind (IndexableDocument.facets): the facet query counts the matches.
        response.count = sum(response.facets.get("kind", {}).values())
        if not response.count:
            return response
        if request.sort == "date" or not request.query:
            ordered = entries.order_by(F("date").desc(nulls_last=True), "pk")
        else:
            ordered = entries.order_by("-matched", "-rank", F("date").desc(nulls_last=True), "pk")
        # Sorted on the keys alone, then the page's texts read: sorting every match with its body was most
        # of the time of a frequent word.
        pks = list(
            ordered.values_list("pk", flat=True)[request.offset : request.offset + request.per_page]
        )
        rows = IndexEntry.objects.only("key", "title", "url", "kind", "date", "summary", "body")
        by_pk = rows.in_bulk(pks)
        page = [by_pk[pk] for pk in pks if pk in by_pk]
        stems = request.query.highlight_stems
        for entry in page:
            source = f"{entry.summary} {entry.body[:SNIPPET_SOURCE_CHARS]}"
            response.hits.append(
                Hit(
                    entry.key,
                    entry.title,
                    entry.url,
                    entry.kind,
                    entry.date,
                    text.snippet(source, stems),
                )
            )
        return response

    def _facets(self, request, entries):
        """{name: {value: count}} over every match. The GROUP BY reads every matching entry's facets, the
        costliest part of a frequent word's search: counted once per index version and query, then reused
        by the other pages and sorts of the same search and by the next visitors."""
        query = [[alt.stems for alt in clause.alternatives] for clause in request.query.clauses]
        filters = sorted(
            (name, sorted(values)) for name, values in request.filters.items() if values
        )
        search = repr((query, filters, sorted(request.audiences), request.min_clauses))
        key = f"search:facets:{INDEX_VERSION.get()}:{hashlib.sha256(search.encode()).hexdigest()}"
        facets = cache.get(key)
        if facets is None:
            facets = {}
            rows = (
                IndexFacet.objects.filter(entry__in=entries.values("pk"))
                .values("name", "value")
                .annotate(n=Count("id"))
                .order_by()
            )
            for row in rows:
                facets.setdefault(row["name"], {})[row["value"]] = row["n"]
            cache.set(key, facets, FACETS_CACHE_SECONDS)
        return facets

    def _matching(self, query, min_clauses=0):
        """Entries matching every clause (or at least `min_clauses` of them), annotated with `matched`
        (how many clauses they match) and `rank` (title matches count more, times the entry's weight)."""
        entries = IndexEntry.objects.all()
        zero = Value(0, output_field=IntegerField())
        if not query:
            return entries.annotate(rank=zero, matched=zero)
        partial = 0 < min_clauses < len(query.clauses)
        postgresql = connection.vendor == "postgresql"
        rank, matched, any_clause, every_clause = zero, zero, Q(), Q()
        for clause in query.clauses:
            in_title = Q()
            for alt in clause.alternatives:
                in_title |= Q(title_terms__contains=" " + " ".join(alt.stems) + " ")
            condition = self._clause_postgresql(clause) if postgresql else self._clause_like(clause)
            any_clause |= condition
            every_clause &= condition
            # A clause counts once, however many synonyms match: content using one of them is not
            # outranked by a glossary entry listing them all. Ties go to the most recent.
            if partial:
                rank = rank + Case(
                    When(in_title, then=Value(TITLE_WEIGHT)),
                    When(condition, then=Value(1)),
                    default=zero,
                    output_field=IntegerField(),
                )
                matched = matched + Case(When(condition, then=Value(1)), default=zero)
            else:  # every entry left matches every clause: no need to test each one again
                rank = rank + Case(
                    When(in_title, then=Value(TITLE_WEIGHT)),
                    default=Value(1),
                    output_field=IntegerField(),
                )
                matched = Value(len(query.clauses), output_field=IntegerField())
        if postgresql:
            # One tsquery for the whole query, so that the GIN index can pre-select the candidates.
            entries = entries.filter(search_vector=self._tsquery(query.clauses, any_clause=partial))
        else:
            entries = entries.filter(any_clause if partial else every_clause)
        entries = entries.annotate(
            matched=matched, rank=ExpressionWrapper(rank * F("weight"), output_field=FloatField())
        )
        return entries.filter(matched__gte=min_clauses) if partial else entries

    @staticmethod
    def _clause_like(clause):
        """SQLite: a whole-word (or whole-phrase) match in the padded stems."""
        condition = Q()
        for alt in clause.alternatives:
            condition |= Q(terms__contains=" " + " ".join(alt.stems) + " ")
        return condition

    def _clause_postgresql(self, clause):
        """PostgreSQL: the same match on the stored, GIN-indexed vector (see migration 0005)."""
        return Q(search_vector=self._tsquery([clause]))

    @staticmethod
    def _tsquery(clauses, any_clause=False):
        raw = (" | " if any_clause else " & ").join(
            "(" + " | ".join(" <-> ".join(alt.stems) for alt in clause.alternatives) + ")"
            for clause in clauses
        )
        return SearchQuery(raw, config="simple", search_type="raw")

    def suggest(self, prefix, limit=SUGGEST_LIMIT):
        folded = text.suggest_prefix(prefix)
        if len(folded) < 2:
            return []
        # Like Elasticsearch's completion: the prefix starts one of the inputs (one per line).
        condition = Q(suggest__startswith=folded) | Q(suggest__contains="\n" + folded)
        entries = IndexEntry.objects.filter(condition, audience=PUBLIC).order_by(
            Case(When(kind="lexique", then=Value(0)), default=Value(1)), "title"
        )
        return [
            Suggestion(e.title, e.url, e.kind) for e in entries.only("title", "url", "kind")[:limit]
        ]
