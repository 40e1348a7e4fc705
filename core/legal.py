"""Legal references: how one is cited, and whether its link reaches the article or decision it names.

One function writes every citation (« CASF, art. L. 221-2-4 », « Décret n° 2023-1240 du 22 décembre 2023 »,
« Conseil constitutionnel, 21 mars 2019, n° 2018-768 QPC »), so a page never mixes « CC art. 47 » with
Conseil constitutionnel decisions. `link_level` reads an official URL: Légifrance article, text and decision
addresses, the Conseil constitutionnel's decision pages, the Conseil d'État's and the Cour de cassation's
decisions, HUDOC judgments. A link to a site's home page or a search is refused by the block; a link that only
reaches the whole text of a reference that names an article (or a site that cannot be checked) is accepted,
and the page is listed in the committee's *À réviser* view until the link is made precise.
"""

import enum
import re
from urllib.parse import unquote, urlsplit

from core.dates import format_date

CODE = "code"
DECISION = "decision"
OTHER = "autre"
SOURCE_KINDS = [
    (CODE, "Code ou convention internationale"),
    ("loi", "Loi"),
    ("ordonnance", "Ordonnance"),
    ("decret", "Décret"),
    ("arrete", "Arrêté"),
    ("circulaire", "Circulaire"),
    (DECISION, "Décision de justice"),
    (OTHER, "Autre texte (intitulé obligatoire)"),
]
# Texts identified by a number (« n° 2023-1240 ») or, for arrêtés and circulaires, by their date.
NUMBERED_TEXTS = {"loi", "ordonnance", "decret"}
TEXT_NAMES = {
    "loi": "Loi",
    "ordonnance": "Ordonnance",
    "decret": "Décret",
    "arrete": "Arrêté",
    "circulaire": "Circulaire",
}

# key (stored in the block), label (shown to editors), abbreviation (shown in citations).
CODES = [
    ("CASF", "Code de l'action sociale et des familles (CASF)", "CASF"),
    ("CESEDA", "Code de l'entrée et du séjour des étrangers et du droit d'asile", "CESEDA"),
    ("CC", "Code civil", "C. civ."),
    ("CPC", "Code de procédure civile", "C. pr. civ."),
    ("CJA", "Code de justice administrative", "CJA"),
    ("CT", "Code du travail", "C. trav."),
    ("CE", "Code de l'éducation", "C. éduc."),
    ("CSP", "Code de la santé publique", "CSP"),
    ("CJPM", "Code de la justice pénale des mineurs", "CJPM"),
    ("CIDE", "Convention internationale des droits de l'enfant", "CIDE"),
    ("CEDH", "Convention européenne des droits de l'homme", "Conv. EDH"),
]
CODE_CHOICES = [(key, label) for key, label, _ in CODES]
CODE_ABBREVIATIONS = {key: abbreviation for key, _, abbreviation in CODES}

ECLI_PATTERN = r"^ECLI:[A-Z]{2}:[A-Z0-9]{1,7}:\d{4}:[A-Z0-9.]{1,25}$"


class LinkLevel(enum.Enum):
    ARTICLE = "article"
    TEXT = "text"
    DECISION = "decision"
    UNCHECKED = "unchecked"  # a site whose addresses the portal cannot read
    NOWHERE = "nowhere"  # a home page, a search, a table of contents of an official site


LEGIFRANCE = {
    LinkLevel.ARTICLE: [
        r"/(codes|loda)/article_lc/LEGIARTI\d{12}",
        r"/jorf/article_jo/JORFARTI\d{12}",
        r"/eli/[\w-]+/\d{4}/\d{1,2}/\d{1,2}/[\w-]+/jo/article_[\w-]+",
    ],
    LinkLevel.TEXT: [
        r"/codes/(texte_lc|id)/LEGITEXT\d{12}",
        r"/loda/id/(LEGITEXT|JORFTEXT)\d{12}",
        r"/jorf/id/JORFTEXT\d{12}",
        r"/eli/[\w-]+/\d{4}/\d{1,2}/\d{1,2}/[\w-]+/jo(/texte)?",
    ],
    LinkLevel.DECISION: [
        r"/(ceta|juri|jufi|cnil)/id/(CETATEXT|JURITEXT|CNILTEXT)\d{12}",
        r"/(constit|cons)/id/CONSTEXT\d{12}",
    ],
}
DECISION_SITES = {
    "conseil-constitutionnel.fr": r"/decision/\d{4}/\d{5,}[A-Z]*\.htm",
    "conseil-etat.fr": r"/fr/arianeweb/CE/decision/\d{4}-\d{2}-\d{2}/\d+",
    "courdecassation.fr": r"/decision/[0-9a-f]{24}",
}


def link_level(url):
    """What an official URL reaches: an article, a whole text, a decision, nothing precise, or unknown."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    path = parts.path.rstrip("/")
    if host == "legifrance.gouv.fr":
        for level, patterns in LEGIFRANCE.items():
            if any(re.fullmatch(pattern + r"(/[\w-]*)?", path) for pattern in patterns):
                return level
        return LinkLevel.NOWHERE
    if host in DECISION_SITES:
        return LinkLevel.DECISION if re.fullmatch(DECISION_SITES[host], path) else LinkLevel.NOWHERE
    if host == "hudoc.echr.coe.int":
        # A judgment's address carries its item id, in the query or in the JSON fragment.
        found = re.search(r"\b001-\d+", unquote(parts.query + parts.fragment))
        return LinkLevel.DECISION if found else LinkLevel.NOWHERE
    return LinkLevel.UNCHECKED


def expected_level(value):
    """The precision a reference's link must have: the decision, the article it names, or its text."""
    if value.get("kind") == DECISION:
        return LinkLevel.DECISION
    return LinkLevel.ARTICLE if (value.get("article") or "").strip() else LinkLevel.TEXT


def link_error(value):
    """Why a reference's link cannot be accepted, or None. A text-level link is accepted (see module)."""
    url = (value.get("url") or "").strip()
    if not url:
        return None
    level = link_level(url)
    if level is LinkLevel.NOWHERE:
        return (
            "Ce lien mène à une page d'accueil, une recherche ou un sommaire, pas au texte : "
            "donnez l'adresse de l'article, du texte ou de la décision."
        )
    expected = expected_level(value)
    if expected is LinkLevel.DECISION and level in (LinkLevel.ARTICLE, LinkLevel.TEXT):
        return "Ce lien mène à un texte, pas à la décision : donnez l'adresse de la décision."
    if expected is not LinkLevel.DECISION and level is LinkLevel.DECISION:
        return "Ce lien mène à une décision : choisissez le type « Décision de justice »."
    return None


def reaches_source(value):
    """True when the reference's link goes to the article or decision it names (or to its text, when it
    names no article); False for a missing link, a whole-text link or a site that cannot be checked."""
    url = (value.get("url") or "").strip()
    if not url:
        return False
    level, expected = link_level(url), expected_level(value)
    if expected is LinkLevel.TEXT:
        return level in (LinkLevel.TEXT, LinkLevel.ARTICLE, LinkLevel.UNCHECKED)
    return level is expected


def references_in(stream):
    """Every legal reference of a StreamField value, sections included."""
    for child in stream or []:
        if child.block_type == "legal_reference":
            yield child.value
        elif hasattr(child.value, "values"):
            for value in child.value.values():
                if hasattr(value, "raw_data"):  # a nested StreamValue
                    yield from references_in(value)


def format_article(article):
    """« L.221-2-4 », « l221-2-4 » and « L. 221-2-4 » are all written « L. 221-2-4 »."""
    article = " ".join((article or "").split())
    article = re.sub(r"^(?:article\s+|art\.\s*|art\s+)", "", article, flags=re.IGNORECASE)
    match = re.fullmatch(r"([LRDA])\s*\.?\s*(\d.*)", article, flags=re.IGNORECASE)
    return f"{match[1].upper()}. {match[2]}" if match else article


def format_number(number):
    """« n° 2023-1240 », whether it was typed « 2023-1240 », « n°2023-1240 » or « N° 2023-1240 »."""
    number = re.sub(r"^(?:n\s*°|no\.?|numéro)\s*", "", (number or "").strip(), flags=re.IGNORECASE)
    return f"n° {number}" if number else ""


def cite(value):
    """The citation of a legal reference (a block value or any mapping with the block's keys)."""
    kind = value.get("kind")
    date = value.get("date")
    article = format_article(value.get("article"))
    number = format_number(value.get("number"))
    if kind == DECISION:
        parts = [
            (value.get("jurisdiction") or "").strip(),
            format_date(date) if date else "",
            (value.get("title") or "").strip(),
            number,
        ]
        return ", ".join(part for part in parts if part)
    if kind == CODE:
        name = CODE_ABBREVIATIONS.get(value.get("code"), value.get("code") or "")
    elif kind == OTHER:
        title = (value.get("title") or "").strip()
        name = f"{title} du {format_date(date)}" if date else title
    else:
        name = " ".join(
            part
            for part in (
                TEXT_NAMES.get(kind, ""),
                number,
                f"du {format_date(date)}" if date else "",
            )
            if part
        )
    return f"{name}, art. {article}" if article else name
