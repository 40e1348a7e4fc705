"""The database search index: the embedded backend's data, and the fallback when Elasticsearch is down.

It is kept in sync on every change whichever backend is configured, so that falling back never means
searching an empty or stale index.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class TermsVectorField(SearchVectorField):
    """A text-search vector written from text: on PostgreSQL the value given is the stemmed terms, turned
    into the 'simple' vector by the INSERT itself (a placeholder, not an expression compiled per row by
    the ORM, which cost more than the rest of a bulk insert). Elsewhere it stays NULL."""

    def get_placeholder(self, value, compiler, connection):
        if connection.vendor == "postgresql":
            return "to_tsvector('simple'::regconfig, COALESCE(%s, ''))"
        return "%s"


class IndexEntry(models.Model):
    """One public item as the search sees it: display fields, plus the folded and stemmed text that
    `search.text` produces, so that matching is a plain word lookup on every database."""

    key = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=20, db_index=True)
    title = models.CharField(max_length=500)
    url = models.CharField(max_length=500)
    date = models.DateField(null=True, db_index=True)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    # " stem stem … " (see search.text.stem_text): whole-word LIKE on SQLite, to_tsvector('simple') on PostgreSQL.
    title_terms = models.TextField(blank=True)
    terms = models.TextField(blank=True)
    # PostgreSQL only: `terms` as a 'simple' text-search vector, written with the row and GIN-indexed
    # (migration 0006), so that matching and ranking read a parsed vector instead of parsing every entry's
    # text again on each search. Unused (always NULL) on SQLite.
    search_vector = TermsVectorField(null=True, editable=False)
    # Folded title and completion inputs, one per line, for suggestions as you type.
    suggest = models.TextField(blank=True)
    # How much a match in this entry counts (search.indexables: dossiers and legal texts above actors).
    weight = models.FloatField(default=1.0)
    # Who may find it (search.indexables.AUDIENCES): anonymous searches see only "public" entries.
    audience = models.CharField(max_length=10, default="public", db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "entrée de l'index"
        verbose_name_plural = "index de recherche"

    def __str__(self):
        return self.title


class IndexFacet(models.Model):
    """A facet value of an entry (kind, theme, département, year): counted with one GROUP BY."""

    entry = models.ForeignKey(IndexEntry, on_delete=models.CASCADE, related_name="facets")
    name = models.CharField(max_length=20)
    value = models.CharField(max_length=60)

    class Meta:
        indexes = [models.Index(fields=["name", "value"])]
        constraints = [
            models.UniqueConstraint(fields=["entry", "name", "value"], name="search_facet_unique")
        ]


class IndexTerm(models.Model):
    """A folded word seen in the index: the vocabulary against which typos are corrected. Words are only
    added; a word that disappears from the content costs nothing but a useless correction candidate."""

    word = models.CharField(max_length=40, unique=True)
    length = models.PositiveSmallIntegerField(db_index=True)


class PendingOperation(models.Model):
    """An index or removal that Elasticsearch missed while it was unreachable. The database index got it;
    `services.catch_up` replays it on the engine when it answers again, so an outage loses no update.

    One row per document key: a later change to the same item only moves `recorded_at`, and the replay
    re-reads the item (indexed if public, removed otherwise), so the order of missed operations is moot."""

    INDEX = "index"
    REMOVE = "remove"

    key = models.CharField(max_length=120, unique=True)
    operation = models.CharField(
        max_length=10, choices=[(INDEX, "indexation"), (REMOVE, "suppression")]
    )
    recorded_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "opération d'indexation en attente"
        verbose_name_plural = "opérations d'indexation en attente"

    def __str__(self):
        return f"{self.operation} {self.key}"
