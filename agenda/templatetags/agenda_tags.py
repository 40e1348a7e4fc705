import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from agenda.services import actor_events as actor_events_data
from agenda.services import upcoming_sessions as upcoming_sessions_data

register = template.Library()


@register.inclusion_tag("agenda/includes/actor_events.html")
def actor_events(actor):
    """`{% actor_events actor %}`: the upcoming and recent events an actor of the directory organises."""
    return {"actor": actor, **actor_events_data(actor)}


@register.simple_tag
def upcoming_sessions(themes=None):
    """`{% upcoming_sessions themes=page.themes.all as sessions %}`: the next sessions of events sharing one of
    `themes`, for pages of other apps (a dossier) that must not import the agenda."""
    return upcoming_sessions_data(themes=themes)


_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """A schema.org JSON-LD block. `<`, `>` and `&` are escaped so no text can close the script element;
    a JSON-LD block is data, not script, so the strict script-src CSP does not apply to it."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
