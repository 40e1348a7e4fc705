from django import template

register = template.Library()


@register.filter
def pluriel(value, forms="s"):
    """French plural: 0 and 1 are singular (« 0 acteur », « 1 acteur », « 2 acteurs »).
    `forms` is a suffix ("s") or "singular,plural" ("local,locaux")."""
    singular, _, plural = forms.rpartition(",") if "," in forms else ("", "", forms)
    try:
        many = int(value) > 1
    except (TypeError, ValueError):
        many = False
    return plural if many else singular
