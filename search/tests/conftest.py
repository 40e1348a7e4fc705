from .fixtures import _fresh_cache, database_service, elasticsearch_server, search_service  # noqa: F401
