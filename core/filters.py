"""What the filtered lists share (library, agenda, directory, helpdesk queue): django-filter FilterSets
that never fail on their query string. A stale bookmark, a hand-edited URL or an old calendar
subscription still gets a page: unknown values of a multiple-choice filter are dropped, any other
invalid value counts as absent."""

import hashlib
from dataclasses import dataclass

import django_filters
from django import forms
from django.core.paginator import Paginator
from django.http import QueryDict
from django.utils.functional import cached_property

from core import freshness

# How long a public list's total is kept (a publication replaces it at once: the key holds the version).
COUNT_CACHE_SECONDS = 24 * 3600


@dataclass(frozen=True)
class Choice:
    """One option of a filter as the templates render it (`includes/filter_checkboxes.html`)."""

    value: str
    label: str
    selected: bool


class AllowListField(forms.MultipleChoiceField):
    """Several values, each normalised (`normalise`), repeated and unknown ones dropped: never an error."""

    def __init__(self, *args, normalise=None, **kwargs):
        self.normalise = normalise
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        values = super().to_python(value)
        if self.normalise:
            values = [self.normalise(v) for v in values]
        return list(dict.fromkeys(v for v in values if self.valid_value(v)))


class AllowListFilter(django_filters.MultipleChoiceFilter):
    """A MultipleChoiceFilter whose unknown values are dropped rather than failing the whole filter.
    Its choices usually come from the database: give them in the FilterSet's `__init__` with
    `set_choices`, from rows the page lists anyway, so validating costs no query.

    No DISTINCT unless asked (`distinct=True`): the lists filter to-many relations through subqueries,
    or make their results distinct themselves."""

    field_class = AllowListField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("distinct", False)
        super().__init__(*args, **kwargs)


class RepeatedTextField(forms.Field):
    """Several free-text values (`?tag=a&tag=b`), stripped, blank ones dropped, at most `limit`."""

    widget = forms.MultipleHiddenInput

    def __init__(self, *args, limit=5, **kwargs):
        self.limit = limit
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        values = (str(v).strip() for v in (value or []))
        return [v for v in values if v][: self.limit]


class PublishedCountPaginator(Paginator):
    """The paginator of a public list that changes only when content is published: its total, a COUNT
    over every matching row and the costliest query of a list page at scale, is read once per
    published-content version and `key` (the list and its filters)."""

    def __init__(self, object_list, per_page, key):
        super().__init__(object_list, per_page)
        self.key = key

    @cached_property
    def count(self):
        return freshness.cached(
            "list-count", self.key, lambda: Paginator.count.func(self), COUNT_CACHE_SECONDS
        )


class LenientFilterSet(django_filters.FilterSet):
    """A FilterSet whose invalid values are ignored, one filter at a time, and which can leave some
    filters out (a count per département ignores the département filter, a month grid the month)."""

    def set_choices(self, name, choices):
        self.filters[name].extra["choices"] = list(choices)

    @cached_property
    def values(self):
        """Each filter's cleaned value; an invalid one is the field's empty value."""
        self.form.is_valid()
        cleaned = getattr(self.form, "cleaned_data", {})
        return {
            name: cleaned[name] if name in cleaned else field.to_python(None)
            for name, field in self.form.fields.items()
        }

    def filter_queryset(self, queryset, without=()):
        for name, value in self.values.items():
            if name not in without:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    @property
    def active(self):
        return any(self.values.values())

    @cached_property
    def choices(self):
        """The options of each allow-listed filter, those in force marked selected."""
        return {
            name: [
                Choice(str(value), label, str(value) in self.values[name])
                for value, label in self.form.fields[name].choices
            ]
            for name, declared in self.filters.items()
            if isinstance(declared, AllowListFilter)
        }

    def querystring(self, without=()):
        """The values in force only, in the filters' order: links never carry junk forward."""
        query = QueryDict(mutable=True)
        for name, value in self.values.items():
            if name in without or value in ([], "", None):
                continue
            value = self.form.fields[name].prepare_value(value)
            if isinstance(value, list):
                query.setlist(name, [str(v) for v in value])
            else:
                query[name] = str(value)
        return query.urlencode()

    def paginate_published(self, results, per_page, page_number):
        """A page of `results`, a list of published content only (never private data, which changes
        without a publication): its total is cached per filter values and parent page (`self.parent`,
        where the list is a page's children)."""
        parent = getattr(self, "parent", None)
        list_id = f"{type(self).__module__}.{type(self).__name__}:{parent and parent.pk}:{self.querystring()}"
        key = hashlib.sha256(list_id.encode()).hexdigest()[:32]
        return PublishedCountPaginator(results, per_page, key).get_page(page_number)
