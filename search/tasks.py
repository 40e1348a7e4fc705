"""Background work of the search: replaying on Elasticsearch the updates it missed while unreachable.

The task is defined beside the service that enqueues it (`services.catch_up_index`); it is named here too, so
that a catch-up queued under its former path `search.tasks.catch_up_index` still runs after an upgrade."""

from .services import catch_up_index  # noqa: F401
