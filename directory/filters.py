"""The directory's filters (`/annuaire/`, its CSV and JSON exports and its map counts): words, and
département, kind, service and theme, each repeatable."""

import re

import django_filters
from django import forms
from django.db.models import Count, Q

from core.filters import AllowListFilter, LenientFilterSet
from taxonomy.models import Departement, Theme

from .models import Actor, ActorKind, Service
from .services import normalise_code

ACTORS_PER_PAGE = 20
MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 8
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


class WordsField(forms.CharField):
    """Free text cut to MAX_QUERY_LENGTH rather than refused. Control characters (NUL above all, which
    PostgreSQL refuses) can only come from a forged URL: they become spaces."""

    def to_python(self, value):
        text = CONTROL_CHARACTERS.sub(" ", super().to_python(value))
        return " ".join(text.split())[:MAX_QUERY_LENGTH]


class WordsFilter(django_filters.CharFilter):
    field_class = WordsField


class ActorFilter(LenientFilterSet):
    """Live actors; those working nationally match every département."""

    q = WordsFilter(method="with_words")
    departement = AllowListFilter(method="covering", normalise=normalise_code)
    kind = AllowListFilter(choices=ActorKind.choices)
    service = AllowListFilter(method="offering")
    theme = AllowListFilter(method="with_themes")

    def __init__(self, data):
        super().__init__(data, queryset=Actor.objects.live())
        self.departements = list(Departement.objects.all())
        self.set_choices("departement", ((d.code, str(d)) for d in self.departements))
        self.set_choices("service", ((s.slug, s.name) for s in Service.objects.all()))
        self.set_choices("theme", ((t.slug, t.name) for t in Theme.objects.all()))

    def with_words(self, actors, name, value):
        for word in value.split()[:MAX_QUERY_WORDS]:
            actors = actors.filter(
                Q(name__icontains=word) | Q(description__icontains=word) | Q(city__icontains=word)
            )
        return actors

    def covering(self, actors, name, value):
        covering = Actor.departements.through.objects.filter(departement__code__in=value)
        return actors.filter(Q(is_national=True) | Q(pk__in=covering.values("actor_id")))

    # Subqueries rather than joins: an actor with two matching services is still listed once.
    def offering(self, actors, name, value):
        through = Actor.services.through.objects.filter(service__slug__in=value)
        return actors.filter(pk__in=through.values("actor_id"))

    def with_themes(self, actors, name, value):
        through = Actor.themes.through.objects.filter(theme__slug__in=value)
        return actors.filter(pk__in=through.values("actor_id"))

    def results(self):
        """Every matching live actor, national ones included, in name order."""
        return self.qs.with_listing_relations().order_by("name", "pk")

    def local_results(self):
        return self.results().filter(is_national=False)

    def national_results(self):
        return self.results().filter(is_national=True)

    def paginate(self, page_number):
        return self.paginate_published(self.local_results(), ACTORS_PER_PAGE, page_number)

    def departement_counts(self):
        """Live local actors per département under the current filters (except the département itself)."""
        actors = self.filter_queryset(self.queryset, without=("departement",))
        rows = (
            Actor.departements.through.objects.filter(actor__in=actors.filter(is_national=False))
            .values("departement_id")
            .annotate(count=Count("actor_id", distinct=True))
        )
        counts = {row["departement_id"]: row["count"] for row in rows}
        return [(departement, counts.get(departement.pk, 0)) for departement in self.departements]
