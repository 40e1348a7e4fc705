"""What identifies someone in a text: the patterns the FAQ sheet check and the log filter look for."""

import re

from ..logging import EMAIL, PHONE

SCRUBBED_EMAIL = "[courriel supprimé]"
SCRUBBED_PHONE = "[téléphone supprimé]"


def scrub(text):
    return PHONE.sub(SCRUBBED_PHONE, EMAIL.sub(SCRUBBED_EMAIL, text or ""))


# Numeric dates (03/04/2009, 3.4.09, 2009-04-03): a date of birth; legal texts cite dates in words.
NUMERIC_DATE = re.compile(
    r"(?<![\w/.-])(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})(?![\w/-]|\.\d)"
)
# ASE, AGDREF, social security or case numbers: 7 digits or more in a row (court decisions have 6).
LONG_NUMBER = re.compile(r"(?<![\w])\d{7,}(?![\w])")
NAME_PARTICLES = {"de", "du", "des", "del", "der", "den", "la", "le", "les", "van", "von", "dit"}


def identifying_details(text, names=()):
    """The obvious identifiers left in `text`, as [(kind, found)]: emails, phone numbers, numeric dates,
    long file numbers, and the given `names` (whole, or any part of three letters or more)."""
    text = text or ""
    found = [("courriel", m) for m in EMAIL.findall(text)]
    found += [("téléphone", m.group()) for m in PHONE.finditer(text)]
    without_phones = PHONE.sub(" ", text)
    found += [("date", m) for m in NUMERIC_DATE.findall(without_phones)]
    found += [("numéro", m) for m in LONG_NUMBER.findall(without_phones)]
    parts = set()
    for name in names:
        name = (name or "").strip()
        if name:
            parts.add(name)
            parts.update(
                part
                for part in re.split(r"[\s,.'’-]+", name)
                if len(part) >= 3 and part.casefold() not in NAME_PARTICLES
            )
    names_found = []
    for part in sorted(parts, key=len, reverse=True):
        match = re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text, re.IGNORECASE)
        # "Camille Martin" found: "Martin" is not listed again
        if match and not any(part.casefold() in seen.casefold() for seen in names_found):
            names_found.append(match.group())
    found += [("nom", name) for name in names_found]
    return list(dict.fromkeys(found))
