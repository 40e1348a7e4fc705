"""The embedded backend: the `search.models` tables, queried with PostgreSQL full-text search or, on
SQLite, whole-word LIKE lookups on the same stemmed text. Always kept up to date, even when Elasticsearch
is the configured engine, because it is the fallback."""

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

from .. import text
from ..indexables import PUBLIC
from ..models import IndexEntry, IndexFacet, IndexTerm
from .base import SUGGEST_LIMIT, Backend, Hit, SearchResponse, Suggestion

SNIPPET_SOURCE_CHARS = 20_000
TITLE_WEIGHT = 4


def entry_fields(document):
    title_and_summary = f"{document.title} {document.summary}"
    return {
        "kind": document.kind,
        "title": document.title[:500],
        "url": document.url[:500],
        "date": document.date,
        "summary": document.summary,
        "body": document.body,
        # A reference in the title is a title match: « CASF, article L.221-2-4 » for « L221-2-4 ».
        "title_terms": text.stem_text(" ".join([document.title, *text.references(document.title)])),
        "terms": text.stem_text(
            " ".join(
                [
                    title_and_summary,
                    document.body,
                    *document.suggest,
                    *document.keywords,
                    *text.references(f"{title_and_summary} {document.body}"),
                ]
            )
        ),
        # Suggestions are the same for everyone: a members' document is never suggested.
        "suggest": "\n".join(text.suggest_inputs(document.title, document.suggest))
        if document.audience == PUBLIC
        else "",
        "weight": document.weight,
        "audience": document.audience,
    }


def _vocabulary(document):
    words = text.tokens(f"{document.title} {document.summary} {document.body}")
    return {w for w in words if text.TYPO_MIN_LENGTH - 1 <= len(w) <= 40 and not w.isdigit()}


class DatabaseBackend(Backend):
    name = "database"

    # Writing

    def index(self, documents):
        documents = list(documents)
        if not documents:
            return
        with transaction.atomic():
            existing = dict(
                IndexEntry.objects.filter(key__in=[d.key for d in documents]).values_list(
                    "key", "pk"
                )
            )
            entries = []
            for document in documents:
                fields = entry_fields(document)
                if document.key in existing:
                    IndexEntry.objects.filter(pk=existing[document.key]).update(**fields)
                    entries.append(
                        IndexEntry(pk=existing[document.key], key=document.key, **fields)
                    )
                else:
                    entries.append(IndexEntry(key=document.key, **fields))
            IndexEntry.objects.bulk_create([e for e in entries if e.pk is None])
            self._write_facets(documents)
            self._write_vocabulary(documents)

    def _write_facets(self, documents):
        ids = dict(
            IndexEntry.objects.filter(key__in=[d.key for d in documents]).values_list("key", "pk")
        )
        IndexFacet.objects.filter(entry_id__in=ids.values()).delete()
        IndexFacet.objects.bulk_create(
            [
                IndexFacet(entry_id=ids[d.key], name=name, value=value)
                for d in documents
                for name, value in dict.fromkeys(d.facets())
            ]
        )

    def _write_vocabulary(self, documents):
        words = set().union(*(_vocabulary(d) for d in documents))
        IndexTerm.objects.bulk_create(
            [IndexTerm(word=w, length=len(w)) for w in sorted(words)],
            ignore_conflicts=True,
            batch_size=1000,
        )

    def remove(self, keys):
        IndexEntry.objects.filter(key__in=list(keys)).delete()

    def rebuild(self, documents, progress=None):
        """One transaction: readers see the old index until the new one is complete."""
        with transaction.atomic():
            IndexEntry.objects.all().delete()
            batch = []
            for document in documents:
                batch.append(document)
                if len(batch) >= 200:
                    self.index(batch)
                    batch = []
                if progress:
                    progress()
            self.index(batch)

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
        response = SearchResponse(backend=self.name)
        response.count = entries.count()
        if not response.count:
            return response
        facets = (
            IndexFacet.objects.filter(entry__in=entries.values("pk"))
            .values("name", "value")
            .annotate(n=Count("id"))
            .order_by()
        )
        for row in facets:
            response.facets.setdefault(row["name"], {})[row["value"]] = row["n"]
        if request.sort == "date" or not request.query:
            ordered = entries.order_by(F("date").desc(nulls_last=True), "pk")
        else:
            ordered = entries.order_by("-matched", "-rank", F("date").desc(nulls_last=True), "pk")
        page = ordered.only("key", "title", "url", "kind", "date", "summary", "body")[
            request.offset : request.offset + request.per_page
        ]
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

    def _matching(self, query, min_clauses=0):
        """Entries matching every clause (or at least `min_clauses` of them), annotated with `matched`
        (how many clauses they match) and `rank` (title matches count more, times the entry's weight)."""
        entries = IndexEntry.objects.all()
        zero = Value(0, output_field=IntegerField())
        if not query:
            return entries.annotate(rank=zero, matched=zero)
        partial = 0 < min_clauses < len(query.clauses)
        postgresql = connection.vendor == "postgresql"
        if postgresql:
            entries = self._filter_postgresql(entries, query, any_clause=partial)
        rank, matched, any_clause = zero, zero, Q()
        for clause in query.clauses:
            condition, in_title = Q(), Q()
            for alt in clause.alternatives:
                needle = " " + " ".join(alt.stems) + " "
                condition |= Q(terms__contains=needle)
                in_title |= Q(title_terms__contains=needle)
            any_clause |= condition
            if not postgresql and not partial:
                entries = entries.filter(condition)
            # A clause counts once, however many synonyms match: content using one of them is not
            # outranked by a glossary entry listing them all. Ties go to the most recent.
            rank = rank + Case(
                When(in_title, then=Value(TITLE_WEIGHT)),
                When(condition, then=Value(1)),
                default=zero,
                output_field=IntegerField(),
            )
            matched = matched + Case(When(condition, then=Value(1)), default=zero)
        if partial and not postgresql:
            entries = entries.filter(any_clause)
        entries = entries.annotate(
            matched=matched, rank=ExpressionWrapper(rank * F("weight"), output_field=FloatField())
        )
        return entries.filter(matched__gte=min_clauses) if partial else entries

    def _filter_postgresql(self, entries, query, any_clause=False):
        """Full-text match on the GIN-indexed 'simple' vector of the stemmed terms (see migration 0002)."""
        from django.contrib.postgres.search import SearchQuery, SearchVector

        tsquery = (" | " if any_clause else " & ").join(
            "(" + " | ".join(" <-> ".join(alt.stems) for alt in clause.alternatives) + ")"
            for clause in query.clauses
        )
        search_query = SearchQuery(tsquery, config="simple", search_type="raw")
        return entries.annotate(document=SearchVector("terms", config="simple")).filter(
            document=search_query
        )

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
