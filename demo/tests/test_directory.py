"""The demo loader: realistic coverage, and safe to run twice."""

from demo.loaders import directory as demo
from directory.models import Actor, ActorKind


def test_demo_is_idempotent_and_covers_every_kind(home, client):
    demo.load(home=home)
    first = Actor.objects.count()
    demo.load(home=home)
    assert Actor.objects.count() == first >= 100
    assert set(Actor.objects.values_list("kind", flat=True)) == set(ActorKind.values)
    codes = set(Actor.objects.values_list("departements__code", flat=True))
    assert {"93", "94", "75", "77", "2A", "974"} <= codes
    assert len(codes - {None}) >= 20
    assert Actor.objects.filter(is_national=True).count() >= 5
    assert all(actor.live for actor in Actor.objects.all())
    for url in [
        "/annuaire/",
        "/annuaire/departements/93/",
        "/annuaire/departements/2A/",
        Actor.objects.first().get_absolute_url(),
    ]:
        assert client.get(url).status_code == 200
