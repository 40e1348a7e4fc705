"""The library (through the `import_resources` importer) and the dossiers with their articles (YAML).

Idempotent: resources are keyed by `external_id` and left alone when unchanged; dossiers and articles are
looked up by slug under their parent and left alone if they exist (an editor may have changed them), so a
second run creates nothing and publishes no new revision. Pages are published with a revision."""

import json

from wagtail.documents import get_document_model

from content.importers import ResourceImporter
from content.models import (
    ArticlePage,
    DossierIndexPage,
    DossierPage,
    DossierRelatedResource,
    ResourcePage,
)
from taxonomy.models import Theme

from . import DATA, check, days_ago, read_yaml

RESOURCES = DATA / "resources" / "resources.jsonl"


def resource_lines():
    """The library's lines in the `import_resources` format; the demo-only `verified_days_ago` becomes the
    importer's `last_verified`, relative to the load."""
    for line in RESOURCES.read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        data["last_verified"] = days_ago(data.pop("verified_days_ago")).isoformat()
        yield json.dumps(data, ensure_ascii=False)


def dossiers():
    return read_yaml("dossiers.yaml")


def load(home, stdout=None):
    documents = get_document_model().objects.count()
    report = ResourceImporter(RESOURCES).import_lines(resource_lines())
    check(report, RESOURCES.name)
    created = {"dossier": 0, "article": 0}
    _load_dossiers(home, created)
    return (
        f"{get_document_model().objects.count() - documents} documents, "
        f"{len(report.created)} ressources, {created['dossier']} dossiers, "
        f"{created['article']} articles créés"
    )


def _load_dossiers(home, created):
    index = DossierIndexPage.objects.child_of(home).get()
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    resources = {}
    for spec in dossiers():
        dossier = DossierPage.objects.child_of(index).filter(slug=spec["slug"]).first()
        if dossier is None:
            dossier = DossierPage(
                slug=spec["slug"],
                title=spec["title"],
                seo_title=spec.get("seo_title", ""),
                search_description=spec["description"],
                introduction=spec["introduction"],
                key_points=[("point", point) for point in spec["key_points"]],
                body=spec["body"],
                featured=spec["featured"],
                last_verified=days_ago(spec["verified_days_ago"]),
                review_interval_months=spec["review_interval_months"],
            )
            index.add_child(instance=dossier)
            dossier.themes.set([themes[slug] for slug in spec["themes"]])
            dossier.tags.set(spec["tags"])
            if not resources:
                resources = _resources_by_slug()
            dossier.related_resources = [
                DossierRelatedResource(resource=resources[slug], sort_order=n)
                for n, slug in enumerate(spec["related_resources"])
            ]
            dossier.save_revision().publish()
            created["dossier"] += 1
        for article in spec["articles"]:
            created["article"] += _load_article(dossier, article)


def _resources_by_slug():
    return {
        page.slug: page for page in ResourcePage.objects.filter(external_id__startswith="demo-")
    }


def _load_article(dossier, spec):
    if ArticlePage.objects.child_of(dossier).filter(slug=spec["slug"]).exists():
        return 0
    page = ArticlePage(
        slug=spec["slug"],
        title=spec["title"],
        search_description=spec["introduction"][:250],
        introduction=spec["introduction"],
        body=spec["body"],
        last_verified=days_ago(spec["verified_days_ago"]),
        review_interval_months=spec["review_interval_months"],
    )
    dossier.add_child(instance=page)
    page.save_revision().publish()
    return 1
