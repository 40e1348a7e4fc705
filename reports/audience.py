"""The audience of a period, read from the daily counters: visits and views per day and per month, top
pages, top documents, referrer categories. Every figure is a sum of counters, one query each."""

import datetime

from django.db.models import Q, Sum
from wagtail.models import Page, Site

from .models import DocumentDownloadCount, PageViewCount, ReferrerCategory

ENTRY = ~Q(referrer=ReferrerCategory.INTERNAL)


def _views(start, end):
    return PageViewCount.objects.filter(day__gte=start, day__lte=end)


def totals(start, end):
    """{"views", "visits", "direct", "downloads"} for the period."""
    sums = _views(start, end).aggregate(
        all_views=Sum("views"),
        entries=Sum("views", filter=ENTRY),
        direct_entries=Sum("views", filter=Q(referrer=ReferrerCategory.DIRECT)),
    )
    downloads = DocumentDownloadCount.objects.filter(day__gte=start, day__lte=end).aggregate(
        total=Sum("downloads")
    )["total"]
    return {
        "views": sums["all_views"] or 0,
        "visits": sums["entries"] or 0,
        "direct": sums["direct_entries"] or 0,
        "downloads": downloads or 0,
    }


def per_day(start, end):
    """[(day, visits, views)] for every day of the period, days without a view included."""
    rows = {
        row["day"]: (row["entries"] or 0, row["all_views"] or 0)
        for row in _views(start, end)
        .values("day")
        .annotate(all_views=Sum("views"), entries=Sum("views", filter=ENTRY))
    }
    days = []
    day = start
    while day <= end:
        days.append((day, *rows.get(day, (0, 0))))
        day += datetime.timedelta(days=1)
    return days


def per_month(start, end):
    """[(first day of the month, visits, views)] for every month the period touches."""
    months = {}
    for day, visits, views in per_day(start, end):
        key = day.replace(day=1)
        previous = months.get(key, (0, 0))
        months[key] = (previous[0] + visits, previous[1] + views)
    return [(month, visits, views) for month, (visits, views) in months.items()]


def referrers(start, end):
    """[(category label, visits)] for each category that starts a visit, most frequent first."""
    counts = dict(
        _views(start, end)
        .filter(ENTRY)
        .values("referrer")
        .annotate(total=Sum("views"))
        .values_list("referrer", "total")
    )
    rows = [
        (category.label, counts.get(category.value, 0))
        for category in ReferrerCategory
        if category != ReferrerCategory.INTERNAL
    ]
    return sorted(rows, key=lambda row: -row[1])


def top_pages(start, end, limit=20):
    """[(path, title or "", views)]: the most viewed pages, titled when they are Wagtail pages."""
    rows = list(
        _views(start, end)
        .values("path")
        .annotate(total=Sum("views"))
        .order_by("-total", "path")
        .values_list("path", "total")[:limit]
    )
    titles = page_titles([path for path, _ in rows])
    return [(path, titles.get(path, ""), total) for path, total in rows]


def page_titles(paths):
    """{path: title} for the paths that are pages of the default site."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or not paths:
        return {}
    root = site.root_page.url_path
    by_url_path = {root + path.lstrip("/"): path for path in paths}
    return {
        by_url_path[url_path]: title
        for url_path, title in Page.objects.filter(url_path__in=by_url_path).values_list(
            "url_path", "title"
        )
    }


def top_documents(start, end, limit=20):
    """[(document id, title, downloads)]: the most downloaded documents."""
    return list(
        DocumentDownloadCount.objects.filter(day__gte=start, day__lte=end)
        .values("document_id", "document__title")
        .annotate(total=Sum("downloads"))
        .order_by("-total", "document__title")
        .values_list("document_id", "document__title", "total")[:limit]
    )


def downloads_of(document_ids, start, end):
    """{document id: downloads} in the period, for the given documents."""
    return dict(
        DocumentDownloadCount.objects.filter(
            day__gte=start, day__lte=end, document_id__in=document_ids
        )
        .values("document_id")
        .annotate(total=Sum("downloads"))
        .values_list("document_id", "total")
    )


def views_of(paths, start, end):
    """{path: views} in the period, for the given paths."""
    return dict(
        _views(start, end)
        .filter(path__in=paths)
        .values("path")
        .annotate(total=Sum("views"))
        .values_list("path", "total")
    )
