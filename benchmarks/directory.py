"""Benchmark volumes for the directory: about 350 actors per unit of scale (the association's directory),
spread over the départements with a few national ones, each with services, themes and a revision-free row."""

import datetime
import random

from directory.models import Actor, ActorKind, Service
from taxonomy.models import Departement, Theme

RNG = random.Random(2026)


def seed(scale, home):
    departements = list(Departement.objects.all())
    services = list(Service.objects.all())
    themes = list(Theme.objects.all())
    kinds = list(ActorKind.values)
    count = int(350 * scale)
    actors = Actor.objects.bulk_create(
        [
            Actor(
                name=f"Acteur de référence n° {n}",
                slug=f"acteur-de-reference-{n}",
                kind=RNG.choice(kinds),
                is_national=n % 40 == 0,
                address=f"{n % 90 + 1} rue de la République",
                postcode=f"{RNG.randrange(10, 95)}000",
                city="Ville",
                phone="01 00 00 00 00",
                email=f"contact{n}@acteur.example.org",
                website=f"https://acteur{n}.example.org/",
                description="Accompagnement des mineurs non accompagnés : accès aux droits, scolarité, santé.",
                last_verified=datetime.date(2025, 1, 1)
                + datetime.timedelta(days=RNG.randrange(600)),
                live=True,
            )
            for n in range(count)
        ]
    )
    Actor.departements.through.objects.bulk_create(
        [
            Actor.departements.through(actor_id=actor.pk, departement_id=departement.pk)
            for actor in actors
            if not actor.is_national
            for departement in RNG.sample(departements, RNG.choice([1, 1, 1, 2, 3]))
        ]
    )
    Actor.services.through.objects.bulk_create(
        [
            Actor.services.through(actor_id=actor.pk, service_id=service.pk)
            for actor in actors
            for service in RNG.sample(services, 3)
        ]
    )
    Actor.themes.through.objects.bulk_create(
        [
            Actor.themes.through(actor_id=actor.pk, theme_id=theme.pk)
            for actor in actors
            for theme in RNG.sample(themes, 2)
        ]
    )
    urls = [
        "/annuaire/",
        "/annuaire/?departement=93&kind=association",
        "/annuaire/?q=acteur&service=acces-aux-droits&page=2",
        "/annuaire/departements/93/",
        "/annuaire/departements/2A/",
        actors[1].get_absolute_url(),
        "/annuaire/export.csv",
        "/annuaire/export.json?departement=75",
    ]
    return urls, {"actors": len(actors)}
