"""Cells written to a CSV that people open in a spreadsheet: a cell that starts like a formula is run as
one (CSV injection), so every exported text goes through `neutralise_formula`."""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """Prefix a text cell starting with = + - @ (or tab, CR) with ' so that it stays text."""
    text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def restore_neutralised(text):
    """The value `neutralise_formula` protected, when a file the portal exported is read back."""
    if text.startswith("'") and text[1:].startswith(FORMULA_PREFIXES):
        return text[1:]
    return text
