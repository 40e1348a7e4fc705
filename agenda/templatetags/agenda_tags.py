import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from agenda.services import actor_events as actor_events_data

register = template.Library()


@register.inclusion_tag("agenda/includes/actor_events.html")
def actor_events(actor):
    """`{% actor_events actor %}`: the upcoming and recent events an actor of the directory organises."""
    return {"actor": actor, **actor_events_data(actor)}


_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """A schema.org JSON-LD block. `<`, `>` and `&` are escaped so no text can close the script element;
    a JSON-LD block is data, not script, so the strict script-src CSP does not apply to it."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
