"""Action sheets of the practices library from `demo/data/practices.yaml`. Idempotent: sheets are keyed by
slug, and only a new sheet is published (with a revision)."""

from practices.models import PracticeIndexPage, PracticePartner, PracticeSheetPage
from taxonomy.models import Departement, Theme

from . import read_yaml

FIELDS = ("title", "summary", "lead_organisation", "lead_kind", "problem", "objective", "actions")
OPTIONAL = ("calendar", "indicators", "results")


def sheets():
    return read_yaml("practices.yaml")["sheets"]


def load(home, stdout=None):
    index = PracticeIndexPage.objects.child_of(home).get()
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    created = 0
    for spec in sheets():
        if PracticeSheetPage.objects.child_of(index).filter(slug=spec["slug"]).exists():
            continue
        sheet = PracticeSheetPage(
            slug=spec["slug"],
            departement=Departement.objects.filter(code=spec.get("departement")).first(),
            **{name: spec[name] for name in FIELDS},
            **{name: spec.get(name) or "" for name in OPTIONAL},
        )
        sheet.themes.set([themes[slug] for slug in spec["themes"]])
        sheet.partners = [PracticePartner(**partner) for partner in spec["partners"]]
        index.add_child(instance=sheet)
        sheet.save_revision().publish()
        created += 1
    return f"{created} fiches action créées"
