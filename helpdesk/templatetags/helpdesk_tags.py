from django import template
from django.utils.safestring import mark_safe

from core.sanitize import linkify_text

register = template.Library()


@register.filter
def as_html(text):
    """Plain text typed by a requester or a jurist: escaped, paragraphs kept, only http(s) links made."""
    return mark_safe(linkify_text(text))  # noqa: S308 - linkify_text escapes then cleans with bleach


@register.filter
def filesize_ko(size):
    return f"{max(1, round(size / 1024))} Ko"
