from .fixtures import (  # noqa: F401
    _fresh_cache,
    corpus_items,
    corpus_service,
    database_service,
    elasticsearch_server,
    indexed_corpus,
    search_service,
)
