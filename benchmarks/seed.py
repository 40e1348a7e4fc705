"""Bulk seeding for the benchmark: each section adds its rows and the URLs worth measuring."""

import datetime
import random

from content.factories import ArticlePageFactory, DossierPageFactory, ResourcePageFactory
from content.models import DossierRelatedResource, ResourceKind
from portal.site_structure import ensure_site
from taxonomy.models import Theme

from . import agenda, directory, helpdesk, search

RNG = random.Random(2026)


def seed_content(scale, home):
    from content.models import DossierIndexPage, ResourceIndexPage

    dossier_index = DossierIndexPage.objects.get()
    resource_index = ResourceIndexPage.objects.get()
    themes = list(Theme.objects.all())
    kinds = list(ResourceKind.values)
    resources = []
    for n in range(int(1600 * scale)):
        page = ResourcePageFactory(
            parent=resource_index,
            title=f"Ressource de référence n° {n}",
            kind=RNG.choice(kinds),
            date=datetime.date(2010, 1, 1) + datetime.timedelta(days=RNG.randrange(16 * 365)),
        )
        page.themes.set(RNG.sample(themes, 2))
        page.tags.set([f"mot-clé {RNG.randrange(60)}"])
        resources.append(page)
    dossiers = []
    for n in range(int(30 * scale)):
        dossier = DossierPageFactory(
            parent=dossier_index, title=f"Dossier thématique n° {n}", featured=n < 6
        )
        dossier.themes.set(RNG.sample(themes, 2))
        for m in range(3):
            ArticlePageFactory(parent=dossier, title=f"Article {n}.{m}")
        for resource in RNG.sample(resources, 5):
            DossierRelatedResource.objects.create(dossier=dossier, resource=resource)
        dossiers.append(dossier)
    urls = [
        "/",
        "/dossiers/",
        dossiers[0].url,
        dossiers[0].get_children().first().url,
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
        "articles": 3 * len(dossiers),
    }


SECTIONS = [seed_content, directory.seed, agenda.seed, helpdesk.seed, search.seed]


def seed(scale):
    home = ensure_site()
    urls, counts = [], {}
    for section in SECTIONS:
        section_urls, section_counts = section(scale, home)
        urls += section_urls
        counts.update(section_counts)
    return urls, counts
