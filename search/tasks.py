"""Background work of the search: replaying on Elasticsearch the updates it missed while unreachable."""

from django_tasks import task

from .services import get_service


@task()
def catch_up_index():
    """Enqueued when the engine answers again after a failure (and runnable by hand): returns how many
    missed updates were replayed."""
    return get_service().catch_up()
