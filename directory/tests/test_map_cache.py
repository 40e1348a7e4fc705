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


def relation_queries(client, url):
    """The page, and its queries reading actors' services (one per list of actor cards rendered)."""
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).content.decode()
    return html, [q for q in queries.captured_queries if "directory_actor_services" in q["sql"]]


def test_national_actors_are_rendered_once_for_every_departement(client, db, commit):
    ActorFactory(is_national=True, name="Réseau national des avocats")
    ActorFactory(departements=["93"], name="Association de Bobigny")
    html, reads = relation_queries(client, "/annuaire/departements/93/")
    assert "Réseau national des avocats" in html and "Association de Bobigny" in html
    assert len(reads) == 2  # the local cards and the national ones
    html, reads = relation_queries(client, "/annuaire/departements/75/")
    # Paris has no local actor, and the national cards come from the fragment rendered for 93.
    assert "Réseau national des avocats" in html and reads == []
    assert "Acteurs à compétence nationale (1)" in html
    actor = ActorFactory(is_national=True, name="Fédération nationale", live=False)
    with commit():
        actor.save_revision().publish()
    html = client.get("/annuaire/departements/75/").content.decode()
    assert "Fédération nationale" in html and "Acteurs à compétence nationale (2)" in html


def test_the_index_reads_national_actors_only_when_their_fragment_is_stale(client, db, commit):
    ActorFactory(is_national=True, name="Réseau national des avocats", kind="avocat")
    _, reads = relation_queries(client, "/annuaire/")
    assert len(reads) == 1  # no local actor: only the national cards
    html, reads = relation_queries(client, "/annuaire/?page=1")
    assert "Réseau national des avocats" in html and reads == []
    html, reads = relation_queries(client, "/annuaire/?kind=association")
    assert "Réseau national des avocats" not in html  # another filter, another fragment
    actor = ActorFactory(is_national=True, name="Fédération nationale", live=False)
    with commit():
        actor.save_revision().publish()
    assert "Fédération nationale" in client.get("/annuaire/").content.decode()


def test_deleting_a_live_actor_removes_it_from_the_lists_at_once(client, db, commit):
    national = ActorFactory(is_national=True, name="Réseau national des avocats")
    local = ActorFactory(departements=["93"], name="Association de Bobigny")
    html = client.get("/annuaire/").content.decode()
    assert "Réseau national des avocats" in html and "1 acteur local" in html
    assert "Association de Bobigny" in client.get("/annuaire/departements/93/").content.decode()
    with commit():
        national.delete()
        local.delete()
    html = client.get("/annuaire/").content.decode()
    assert "Réseau national des avocats" not in html and "0 acteur local" in html
    assert 'aria-label="93 – Seine-Saint-Denis : 0 acteur"' in html
    assert "Association de Bobigny" not in client.get("/annuaire/departements/93/").content.decode()
