"""Fast bulk data for the query-count tests: hundreds of actors without one save per row."""

from directory.models import Actor, ActorKind, Service
from taxonomy.models import Departement


def bulk_actors(count, codes=("93",), national_every=0, prefix="Acteur en masse"):
    departements = list(Departement.objects.filter(code__in=codes))
    services = list(Service.objects.all()[:3])
    kinds = ActorKind.values
    actors = Actor.objects.bulk_create(
        [
            Actor(
                name=f"{prefix} {n:04d}",
                slug=f"{prefix.lower().replace(' ', '-')}-{n}",
                kind=kinds[n % len(kinds)],
                is_national=bool(national_every) and n % national_every == 0,
                city="Montreuil",
                live=True,
            )
            for n in range(count)
        ]
    )
    Actor.departements.through.objects.bulk_create(
        [
            Actor.departements.through(actor_id=a.pk, departement_id=d.pk)
            for a in actors
            for d in departements
        ]
    )
    Actor.services.through.objects.bulk_create(
        [Actor.services.through(actor_id=a.pk, service_id=s.pk) for a in actors for s in services]
    )
    return actors
