"""The interface every search backend implements, and the values they return."""

import datetime
from dataclasses import dataclass, field

PER_PAGE = 20
FACETS = ("kind", "theme", "departement", "year")
SORTS = ("relevance", "date")
SUGGEST_LIMIT = 8


class SearchUnavailable(Exception):
    """The engine cannot answer (down, timing out, or erroring): the service falls back."""


@dataclass
class SearchRequest:
    """A validated search: parsed query, facet filters {name: [values]}, sort and 1-based page."""

    query: object  # search.text.ParsedQuery
    filters: dict = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    per_page: int = PER_PAGE
    # 0: a document must match every clause. Otherwise the partial-match fallback: documents matching at
    # least this many clauses, those matching the most first (see SearchService.search).
    min_clauses: int = 0
    # Audiences whose documents may be found (search.indexables.AUDIENCES): members search both.
    audiences: tuple = ("public",)

    @property
    def offset(self):
        return (self.page - 1) * self.per_page


@dataclass
class Hit:
    key: str
    title: str
    url: str
    kind: str
    date: datetime.date | None
    snippet: str  # safe HTML: escaped text with <mark> around matched words
    kind_label: str = ""


@dataclass
class SearchResponse:
    count: int = 0
    hits: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)  # {name: {value: count}}
    backend: str = ""
    degraded: bool = False
    partial: bool = False  # no document matched every clause: these match most of them


@dataclass
class Suggestion:
    title: str
    url: str
    kind: str


class Backend:
    name = ""

    def index(self, documents):
        """Add or replace these SearchDocuments."""
        raise NotImplementedError

    def remove(self, keys):
        raise NotImplementedError

    def rebuild(self, documents, progress=None):
        """Replace the whole index with `documents` (an iterable); search keeps answering meanwhile."""
        raise NotImplementedError

    def search(self, request):
        raise NotImplementedError

    def suggest(self, prefix, limit=SUGGEST_LIMIT):
        raise NotImplementedError

    def count(self):
        raise NotImplementedError
