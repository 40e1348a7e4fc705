"""StreamField data migration to structured legal references (content 0005, portal 0004).

Before, a legal reference was a code and a free « article » text (« décret n° 2019-57 », « arrêté du
20 novembre 2019 » under the code « autre ») and a decision was a separate `case_law` block. Each becomes a
`legal_reference` with its kind, number and date read from that text; what cannot be read is kept as the
reference's title, for an editor to complete (the block's validation asks for it at the next edit).
"""

import datetime
import re

from wagtail.blocks.migrations.operations import BaseBlockOperation, RenameStreamChildrenOperation

from . import legal

MONTHS = [
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
]  # fmt: skip
KIND_WORDS = [
    ("ordonnance", "ordonnance"),
    ("décret", "decret"),
    ("decret", "decret"),
    ("arrêté", "arrete"),
    ("arrete", "arrete"),
    ("circulaire", "circulaire"),
    ("loi", "loi"),
]
FRENCH_DATE = re.compile(r"\b(\d{1,2})(?:er)?\s+(" + "|".join(MONTHS) + r")\s+(\d{4})\b", re.I)
NUMBER = re.compile(r"\bn\s*°\s*([\w./-]+(?:\s+QPC|\s+DC)?)", re.I)
# A title that only repeats the kind and the date (« Décret du 30 janvier 2019 ») says nothing more.
REDUNDANT_TITLE = re.compile(r"^(loi|ordonnance|décret|arrêté|circulaire)\s+du\s+.*\d{4}$", re.I)


def empty_reference():
    return {
        "kind": legal.CODE,
        "code": "",
        "article": "",
        "number": "",
        "date": None,
        "jurisdiction": "",
        "title": "",
        "ecli": "",
        "summary": "",
        "url": "",
    }


def read_date(text):
    match = FRENCH_DATE.search(text)
    if not match:
        return None
    day, month, year = int(match[1]), MONTHS.index(match[2].lower()) + 1, int(match[3])
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def upgrade_reference(old):
    """An old `legal_reference` value (code, article, title, summary, url) in the new structure."""
    if "kind" in old:
        return old
    new = empty_reference()
    new.update(summary=old.get("summary") or "", url=old.get("url") or "")
    code, article, title = old.get("code") or "", old.get("article") or "", old.get("title") or ""
    if code and code != "autre":
        new.update(kind=legal.CODE, code=code, article=legal.format_article(article))
        return new
    text = f"{article} {title}"
    lowered = text.lower()
    kind = next((kind for word, kind in KIND_WORDS if re.search(rf"\b{word}\b", lowered)), None)
    number = NUMBER.search(article) or NUMBER.search(title)
    new.update(
        kind=kind or legal.OTHER,
        number=number[1] if number else "",
        date=read_date(article) or read_date(title),
        title="" if kind and REDUNDANT_TITLE.match(title.strip()) else (title or article).strip(),
    )
    return new


def upgrade_case_law(old):
    """An old `case_law` value (court, date, number, summary, url) as a reference of kind « décision »."""
    new = empty_reference()
    number = (old.get("number") or "").strip()
    # « Khan c. France, n° 12267/16 »: the case's name, then its number.
    named = re.match(r"^(.*?),?\s*n\s*°\s*(.+)$", number)
    title, number = (named[1].strip(" ,"), named[2].strip()) if named else ("", number)
    new.update(
        kind=legal.DECISION,
        jurisdiction=old.get("court") or "",
        date=old.get("date"),
        number=number,
        title=title,
        summary=old.get("summary") or "",
        url=old.get("url") or "",
    )
    return new


class UpgradeLegalReference(BaseBlockOperation):
    def apply(self, block_value):
        return upgrade_reference(block_value)

    @property
    def operation_name_fragment(self):
        return "upgrade_legal_reference"


class CaseLawToLegalReference(BaseBlockOperation):
    def apply(self, block_value):
        return upgrade_case_law(block_value)

    @property
    def operation_name_fragment(self):
        return "case_law_to_legal_reference"


def operations(stream_paths):
    """The operations for each StreamBlock path holding legal references ("" is the top level)."""
    result = []
    for path in stream_paths:
        prefix = f"{path}." if path else ""
        result += [
            (UpgradeLegalReference(), f"{prefix}legal_reference"),
            (CaseLawToLegalReference(), f"{prefix}case_law"),
            (RenameStreamChildrenOperation("case_law", "legal_reference"), path),
        ]
    return result


def raw_references(raw_stream):
    """The legal references of a raw StreamField value (list of {type, value}), sections included."""
    for child in raw_stream or []:
        if child.get("type") == "legal_reference":
            yield child["value"]
        elif child.get("type") == "section":
            yield from raw_references(child["value"].get("content"))


def count_links_to_fix(apps, schema_editor):
    """Fill `legal_links_to_fix` of the live dossiers and articles (content 0005)."""
    for model_name in ("DossierPage", "ArticlePage"):
        model = apps.get_model("content", model_name)
        for page in model.objects.only("pk", "body"):
            count = sum(not legal.reaches_source(ref) for ref in raw_references(page.body.raw_data))
            if count:
                model.objects.filter(pk=page.pk).update(legal_links_to_fix=count)
