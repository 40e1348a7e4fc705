"""The Elasticsearch backend (elasticsearch-dsl, imported from `elasticsearch.dsl`, where it now lives).

One index per rebuild, named `<prefix>-<timestamp>`, reached through the alias `<prefix>`: a rebuild fills
a new index, then swaps the alias in one request and drops the old index, so search never goes empty.

Text fields use one analyzer, `portail_french`: apostrophes, lower case, ASCII folding, the stop words of
`search/data/french_stop.txt` and Snowball's French stemmer — the same steps, in the same order, as
`search.text` applies for the database backend, so both index a word under the same stem. Synonyms,
acronyms, typo correction and phrases come from `search.text`, the query layer shared with the database
backend, and arrive here already expanded.
"""

import datetime
import logging

from django.conf import settings
from elasticsearch import ApiError, Elasticsearch, TransportError
from elasticsearch.dsl import (
    Completion,
    Date,
    Document,
    Float,
    Keyword,
    Q,
    Search,
    Text,
    analyzer,
    char_filter,
    token_filter,
)
from elasticsearch.helpers import BulkIndexError, bulk

from .. import text
from ..indexables import PUBLIC
from .base import SUGGEST_LIMIT, Backend, Hit, SearchResponse, SearchUnavailable, Suggestion

logger = logging.getLogger(__name__)

FACET_SIZE = 120
TITLE_BOOST = 4
SUMMARY_BOOST = 2
KEYWORDS_BOOST = 2
TEXT_FIELDS = [
    f"title^{TITLE_BOOST}",
    f"title_references^{TITLE_BOOST}",
    f"summary^{SUMMARY_BOOST}",
    "body",
    f"keywords^{KEYWORDS_BOOST}",
]
CONTENT_KINDS = ["dossier", "article", "ressource", "acteur", "evenement"]
CONTENT_BOOST = 3
# In the partial-match fallback, each matched clause adds this constant, far above any text score, so that
# documents matching more of the words come first, as on the database backend.
CLAUSE_BOOST = 1000
FACET_FIELDS = {"kind": "kind", "theme": "themes", "departement": "departements", "year": "year"}


FRENCH = analyzer(
    "portail_french",
    # Apostrophes split words, as in search.text: « l'abri » gives the stop word « l » and « abri ».
    char_filter=[
        char_filter("portail_apostrophe", type="pattern_replace", pattern="['’]", replacement=" ")
    ],
    tokenizer="standard",
    filter=[
        "lowercase",
        "asciifolding",
        token_filter("portail_stop", type="stop", stopwords=sorted(text.STOP_WORDS)),
        token_filter("portail_stemmer", type="snowball", language="French"),
    ],
)


def index_settings():
    return {"number_of_shards": 1, "analysis": FRENCH.get_analysis_definition()}


class SearchDoc(Document):
    """The mapping of one searchable item (explicit: nothing is left to dynamic mapping)."""

    key = Keyword()
    kind = Keyword()
    title = Text(analyzer=FRENCH)
    summary = Text(analyzer=FRENCH)
    body = Text(analyzer=FRENCH)
    # Tags, départements and regions by name, and the legal references of the text in canonical form.
    keywords = Text(analyzer=FRENCH, multi=True)
    # The title's legal references in canonical form (search.text.references): they count as the title.
    title_references = Text(analyzer=FRENCH, multi=True)
    weight = Float()
    url = Keyword(index=False)
    date = Date()
    year = Keyword()
    themes = Keyword(multi=True)
    departements = Keyword(multi=True)
    suggest = Completion(analyzer="simple")
    audience = Keyword()

    class Meta:
        dynamic = "strict"


def mapping():
    return SearchDoc._doc_type.mapping.to_dict()


def to_source(document):
    source = {
        "key": document.key,
        "kind": document.kind,
        "title": document.title,
        "summary": document.summary,
        "body": document.body,
        "url": document.url,
        "date": document.date.isoformat() if document.date else None,
        "year": str(document.year) if document.year else None,
        "themes": document.themes,
        "departements": document.departements,
        "keywords": document.keywords
        + text.references(f"{document.title} {document.summary} {document.body}"),
        "title_references": text.references(document.title),
        "weight": document.weight,
        "audience": document.audience,
    }
    # Suggestions are the same for everyone: a members' document is never suggested.
    if document.audience == PUBLIC:
        source["suggest"] = {"input": text.suggest_inputs(document.title, document.suggest)}
    return source


def build_search(request):
    """The query body for a SearchRequest: golden-tested (search/tests/golden/), change it deliberately."""
    search = Search()
    clauses = []
    for clause in request.query.clauses:
        alternatives = []
        for alt in clause.alternatives:
            if alt.is_phrase:
                alternatives.append(
                    Q("multi_match", query=alt.text, fields=TEXT_FIELDS, type="phrase")
                )
            else:
                alternatives.append(Q("multi_match", query=alt.text, fields=TEXT_FIELDS))
        # dis_max: a clause scores as its best alternative, so a glossary entry listing every synonym
        # does not outrank the content that uses one of them.
        clauses.append(Q("dis_max", queries=alternatives))
    filters = [
        Q("terms", **{FACET_FIELDS[name]: values})
        for name, values in request.filters.items()
        if values
    ]
    filters.append(Q("terms", audience=list(request.audiences)))
    partial = 0 < request.min_clauses < len(clauses)
    matching = clauses or [Q("match_all")]
    if partial:
        matching = [Q("bool", should=clauses, minimum_should_match=request.min_clauses)]
    # Content before glossary definitions when both match equally (the database backend breaks such
    # ties by date, and glossary entries have none).
    content_first = Q("terms", kind=CONTENT_KINDS, boost=CONTENT_BOOST)
    # The document's weight multiplies its score: dossiers and legal texts before directory entries.
    relevance = Q(
        "function_score",
        query=Q("bool", must=matching, should=[content_first]),
        field_value_factor={"field": "weight", "missing": 1},
        boost_mode="multiply",
    )
    counted = (
        [Q("constant_score", filter=c, boost=CLAUSE_BOOST) for c in clauses] if partial else []
    )
    search = search.query(Q("bool", must=[relevance], filter=filters, should=counted))
    for name, field in FACET_FIELDS.items():
        search.aggs.bucket(name, "terms", field=field, size=FACET_SIZE)
    if request.sort == "date" or not request.query:
        search = search.sort({"date": {"order": "desc", "missing": "_last"}}, "key")
    else:
        search = search.sort("_score", {"date": {"order": "desc", "missing": "_last"}}, "key")
    search = search.highlight("summary", "body", fragment_size=200, number_of_fragments=1)
    search = search.highlight_options(
        pre_tags=[text.MARK_START], post_tags=[text.MARK_END], no_match_size=200
    )
    search = search.source(["key", "title", "url", "kind", "date"])
    search = search.extra(track_total_hits=True)
    return search[request.offset : request.offset + request.per_page]


def build_suggest(prefix, limit=SUGGEST_LIMIT):
    return Search().suggest(
        "titles", prefix, completion={"field": "suggest", "size": limit, "skip_duplicates": True}
    )


class ElasticsearchBackend(Backend):
    name = "elasticsearch"

    def __init__(self, url=None, prefix=None, client_options=None):
        self.url = url or settings.ELASTICSEARCH_URL
        self.alias = prefix or settings.ELASTICSEARCH_INDEX_PREFIX
        options = {"request_timeout": 5, "max_retries": 0, "retry_on_timeout": False}
        options.update(getattr(settings, "ELASTICSEARCH_CLIENT_OPTIONS", {}))
        options.update(client_options or {})
        self.client = Elasticsearch(self.url, **options)

    def _call(self, function, *args, **kwargs):
        try:
            return function(*args, **kwargs)
        except (TransportError, ApiError, BulkIndexError) as error:
            raise SearchUnavailable(f"Elasticsearch: {error}") from error

    # Index management

    def new_index_name(self):
        return f"{self.alias}-{datetime.datetime.now(datetime.UTC):%Y%m%d%H%M%S%f}"

    def create_index(self, name):
        self._call(
            self.client.indices.create,
            index=name,
            mappings=mapping(),
            settings=index_settings(),
        )

    def ensure_index(self):
        """Create the first versioned index behind the alias if there is none yet."""
        if not self._call(self.client.indices.exists_alias, name=self.alias):
            name = self.new_index_name()
            self.create_index(name)
            self._call(self.client.indices.put_alias, index=name, name=self.alias)

    def _bulk(self, actions):
        self._call(bulk, self.client, actions, refresh=True, chunk_size=500)

    # Writing

    def index(self, documents):
        documents = list(documents)
        if documents:
            self.ensure_index()
            self._bulk(
                {"_index": self.alias, "_id": d.key, "_source": to_source(d)} for d in documents
            )

    def remove(self, keys):
        keys = list(keys)
        if not keys or not self._call(self.client.indices.exists_alias, name=self.alias):
            return
        actions = ({"_op_type": "delete", "_index": self.alias, "_id": key} for key in keys)
        try:
            bulk(self.client, actions, refresh=True, raise_on_error=False)
        except TransportError as error:
            raise SearchUnavailable(f"Elasticsearch: {error}") from error

    def rebuild(self, documents, progress=None):
        name = self.new_index_name()
        self.create_index(name)

        def actions():
            for document in documents:
                if progress:
                    progress()
                yield {"_index": name, "_id": document.key, "_source": to_source(document)}

        self._bulk(actions())
        old = []
        if self._call(self.client.indices.exists_alias, name=self.alias):
            old = list(self._call(self.client.indices.get_alias, name=self.alias).body)
        swap = [{"remove": {"index": index, "alias": self.alias}} for index in old]
        swap.append({"add": {"index": name, "alias": self.alias}})
        self._call(self.client.indices.update_aliases, actions=swap)
        for index in old:
            self._call(self.client.indices.delete, index=index)
        return name

    def drop(self):
        """Delete the alias and every index behind it (tests, uninstall)."""
        if self._call(self.client.indices.exists_alias, name=self.alias):
            for index in self._call(self.client.indices.get_alias, name=self.alias).body:
                self._call(self.client.indices.delete, index=index)

    def ping(self):
        """Raise SearchUnavailable unless the engine answers (within the client's timeout)."""
        self._call(self.client.info)

    def count(self):
        if not self._call(self.client.indices.exists_alias, name=self.alias):
            return 0
        return self._call(self.client.count, index=self.alias)["count"]

    # Reading

    def search(self, request):
        # A missing index is an error too: the database, always in sync, answers instead.
        body = build_search(request).to_dict()
        result = self._call(self.client.search, index=self.alias, body=body)
        response = SearchResponse(backend=self.name, count=result["hits"]["total"]["value"])
        for name in FACET_FIELDS:
            buckets = result.get("aggregations", {}).get(name, {}).get("buckets", [])
            if buckets:
                response.facets[name] = {str(b["key"]): b["doc_count"] for b in buckets}
        for hit in result["hits"]["hits"]:
            source, highlight = hit["_source"], hit.get("highlight", {})
            fragment = (highlight.get("summary") or highlight.get("body") or [""])[0]
            date = datetime.date.fromisoformat(source["date"][:10]) if source.get("date") else None
            response.hits.append(
                Hit(
                    source["key"],
                    source["title"],
                    source["url"],
                    source["kind"],
                    date,
                    text.marked_fragment(fragment),
                )
            )
        return response

    def suggest(self, prefix, limit=SUGGEST_LIMIT):
        prefix = text.suggest_prefix(prefix)
        if len(prefix) < 2:
            return []
        result = self._call(
            self.client.search, index=self.alias, body=build_suggest(prefix, limit).to_dict()
        )
        suggestions = []
        for option in result.get("suggest", {}).get("titles", [{}])[0].get("options", []):
            source = option["_source"]
            if source.get("audience", PUBLIC) != PUBLIC:
                continue
            suggestions.append(Suggestion(source["title"], source["url"], source["kind"]))
        return suggestions
