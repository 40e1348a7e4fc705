"""Bulk seeding for the benchmark: each section adds its rows and the URLs worth measuring."""

import datetime
import random

from django.db import connection
from taggit.models import Tag

from content.models import (
    ArticlePage,
    DossierPage,
    DossierRelatedResource,
    ResourceKind,
    ResourcePage,
    ResourceTag,
)
from portal.site_structure import ensure_site
from taxonomy.models import Theme

from . import agenda, directory, helpdesk, search
from .pages import add_children

RNG = random.Random(2026)
SUMMARY = (
    "Analyse des conditions d'accueil, d'évaluation et de prise en charge des mineurs non accompagnés "
    "par l'aide sociale à l'enfance, avec les textes applicables et la jurisprudence récente."
)
BODY = "<p>" + " ".join([SUMMARY] * 4) + "</p>"


def seed_content(scale, home):
    from content.models import DossierIndexPage, ResourceIndexPage

    dossier_index = DossierIndexPage.objects.get()
    resource_index = ResourceIndexPage.objects.get()
    themes = list(Theme.objects.all())
    kinds = list(ResourceKind.values)
    today = datetime.date.today()
    resources = []
    for n in range(int(1600 * scale)):
        page = ResourcePage(
            title=f"Ressource de référence n° {n}",
            slug=f"ressource-de-reference-{n}",
            kind=RNG.choice(kinds),
            date=datetime.date(2010, 1, 1) + datetime.timedelta(days=RNG.randrange(16 * 365)),
            summary=SUMMARY,
            body=BODY,
            last_verified=today,
        )
        page.themes.set(RNG.sample(themes, 2))
        resources.append(page)
    add_children([(resource_index, page) for page in resources])
    tags = Tag.objects.bulk_create(
        [Tag(name=f"mot-clé {n}", slug=f"mot-cle-{n}") for n in range(60)], ignore_conflicts=True
    )
    tags = list(Tag.objects.filter(slug__in=[tag.slug for tag in tags]))
    ResourceTag.objects.bulk_create(
        [ResourceTag(content_object_id=page.pk, tag=RNG.choice(tags)) for page in resources],
        batch_size=1000,
    )
    dossiers = []
    for n in range(int(30 * scale)):
        dossier = DossierPage(
            title=f"Dossier thématique n° {n}",
            slug=f"dossier-thematique-{n}",
            introduction="<p>Introduction du dossier.</p>",
            featured=n < 6,
            last_verified=today,
        )
        dossier.themes.set(RNG.sample(themes, 2))
        dossiers.append(dossier)
    add_children([(dossier_index, dossier) for dossier in dossiers])
    articles = [
        (
            dossier,
            ArticlePage(
                title=f"Article {n}.{m}",
                slug=f"article-{n}-{m}",
                introduction="Une question du dossier, en détail.",
                body=[("paragraph", BODY)],
                last_verified=today,
            ),
        )
        for n, dossier in enumerate(dossiers)
        for m in range(3)
    ]
    add_children(articles)
    DossierRelatedResource.objects.bulk_create(
        [
            DossierRelatedResource(dossier=dossier, resource=resource, sort_order=order)
            for dossier in dossiers
            for order, resource in enumerate(RNG.sample(resources, 5))
        ],
        batch_size=1000,
    )
    urls = [
        "/",
        "/dossiers/",
        dossiers[0].url,
        articles[0][1].url,
        "/ressources/",
        "/ressources/?kind=rapport&theme=asile",
        "/ressources/?page=40",
        resources[0].url,
        "/lexique/",
        "/sitemap.xml",
        "/flux/ressources.rss",
    ]
    return urls, {
        "resources": len(resources),
        "dossiers": len(dossiers),
        "articles": len(articles),
    }


SECTIONS = [seed_content, directory.seed, agenda.seed, helpdesk.seed, search.seed]


def seed(scale):
    home = ensure_site()
    urls, counts = [], {}
    for section in SECTIONS:
        section_urls, section_counts = section(scale, home)
        urls += section_urls
        counts.update(section_counts)
    if connection.vendor == "postgresql":  # bulk inserts leave the planner's statistics empty
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return urls, counts
