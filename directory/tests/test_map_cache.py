"""The directory's map and table are counted once per published version and filter, then reused."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.factories import ActorFactory
from taxonomy.models import Departement


def counting_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).content.decode()
    return html, [q["sql"] for q in queries.captured_queries if "COUNT(DISTINCT" in q["sql"]]


def test_the_map_is_counted_once_per_filter(client, db):
    ActorFactory(departements=[Departement.objects.get(code="93")])
    first, first_counts = counting_queries(client, "/annuaire/")
    again, again_counts = counting_queries(client, "/annuaire/?page=1")
    assert len(first_counts) == 1 and again_counts == []
    assert 'aria-label="93 – Seine-Saint-Denis : 1 acteur"' in again
    _, filtered_counts = counting_queries(client, "/annuaire/?kind=association")
    assert len(filtered_counts) == 1


def test_a_publication_updates_the_map_at_once(client, db, commit):
    seine = Departement.objects.get(code="93")
    ActorFactory(departements=[seine])
    assert (
        'aria-label="93 – Seine-Saint-Denis : 1 acteur"'
        in client.get("/annuaire/").content.decode()
    )
    actor = ActorFactory(departements=[seine], live=False)
    with commit():
        actor.save_revision().publish()
    html = client.get("/annuaire/").content.decode()
    assert 'aria-label="93 – Seine-Saint-Denis : 2 acteurs"' in html
