"""`{% load french_dates %}`: `{{ value|long_date }}` (« 1er novembre 2026 »), `{{ value|long_datetime }}`
(« 1er novembre 2026 à 9 h 30 »), `{{ value|month_year }}` (« novembre 2026 »). Use them, never
`|date:"j F Y"`, whose « 1 novembre » is wrong in French (tests/test_french_dates.py checks it)."""

from django import template

from core import dates

register = template.Library()


@register.filter
def long_date(value):
    return dates.format_date(value) if value else ""


@register.filter
def long_datetime(value):
    return dates.format_datetime(value) if value else ""


@register.filter
def month_year(value):
    return dates.format_month(value.year, value.month) if value else ""
