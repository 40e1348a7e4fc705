from django import template

from tools.funding import euros as format_euros

register = template.Library()


@register.filter
def euros(amount):
    """« 1 260,00 € »"""
    return format_euros(amount or 0)
