"""Query understanding shared by every backend: folding, light French stemming, synonyms, phrases, typos.

Both backends receive the same `ParsedQuery`, so a professional typing « mie », « MIE » or « Mineurs isolés »
gets the same answer from Elasticsearch and from the database:

- accents and case are folded (`fold`), ligatures expanded (œ -> oe);
- French stop words and elisions (l', d', qu'…) are dropped from the terms;
- words are reduced to their stem by Snowball's French stemmer (`snowballstemmer`), after folding; the
  Elasticsearch analyzer folds and applies the same stemmer and the same stop words
  (`search/data/french_stop.txt`, Snowball's list), so both backends agree on what « évaluations » matches;
- glossary acronyms and synonyms expand a term into alternatives (MIE -> MNA, APT -> « autorisation
  provisoire de travail »), read from `content.GlossaryEntry` and cached;
- text in double quotes is a phrase (words in that order);
- a legal reference, however it is typed (« L221-2-4 », « L. 221-2-4 », « article 221-2-4 », « décret
  n° 2023-1240 »), is one word made of its numbers (`references`), which documents carry too;
- a word of 6 letters or more that the index does not know is corrected to the closest known word.

The parser never raises: quotes, stars, brackets, backslashes and boolean words are plain text here.
"""

import functools
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import snowballstemmer
from django.core.cache import cache

MAX_QUERY_LENGTH = 500
MAX_CLAUSES = 12
TYPO_MIN_LENGTH = 6
SYNONYMS_CACHE_KEY = "search:synonyms:v1"

_TOKEN_RE = re.compile(r"[a-z0-9]+")
_PHRASE_RE = re.compile(r'"([^"]*)"')
# On folded text: an article or decree number, with what may introduce it (« article », « art. », « décret
# n° », the code's letter L, R or D). Numbers joined by hyphens always form a reference; a lone number only
# after a letter or « article » (« L. 375 », « article 375 »), since any other number is just a number.
_REFERENCE_RE = re.compile(
    r"(?<![a-z0-9])"
    r"(?:(?P<word>articles?|art|decret|loi|ordonnance|arrete)\s*\.?\s*(?:n\s*[°o]\s*\.?\s*)?)?"
    r"(?P<letter>[lrd]\s*\.?\s*)?"
    r"(?P<numbers>\d+(?:\s*-\s*\d+)*)"
    r"(?![a-z0-9])"
)
_REFERENCE_SEPARATOR = "x"  # « 221x2x4 »: one token for both tokenizers, left alone by the stemmer
_URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_STEMMERS = threading.local()  # a Snowball stemmer keeps state while it works: one per thread


_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]+")
_LIGATURES = {"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"}
_FOLDED_CHARS = {}  # non-ASCII character -> its folding before lower-casing (at most every code point)


def _fold_char(char):
    folded = _FOLDED_CHARS.get(char)
    if folded is None:
        decomposed = unicodedata.normalize("NFKD", _LIGATURES.get(char, char))
        folded = _FOLDED_CHARS[char] = "".join(
            c for c in decomposed if not unicodedata.combining(c)
        )
    return folded


def _fold_run(match):
    return "".join(map(_fold_char, match.group()))


def fold(text):
    """Lower case, no accents, ligatures expanded: « Mineur Isolé Étranger » -> « mineur isole etranger ».

    Character by character (decomposition is, and the combining marks it yields all go): only the non-ASCII
    characters are looked at, each decomposed once per process. Decomposing every text with NFKD and testing
    each of its characters in Python was a third of the indexing time."""
    text = text or ""
    if not text.isascii():
        text = _NON_ASCII_RE.sub(_fold_run, text)
    return text.lower()


def _stop_words():
    path = Path(__file__).parent / "data" / "french_stop.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(fold(line) for line in lines if line.strip() and not line.startswith("|"))


STOP_WORDS = _stop_words()


def tokens(text):
    """Folded words of `text`, elisions and stop words removed."""
    return folded_tokens(fold(text))


def folded_tokens(folded):
    """`tokens` of a text already folded (folding is the costly part, done once per indexed text)."""
    return [t for t in _TOKEN_RE.findall(folded) if t not in STOP_WORDS]


@functools.lru_cache(maxsize=65536)
def stem(word):
    """Snowball's French stem of a folded word: « evaluations » and « evaluation » -> « evalu ».

    The Elasticsearch analyzer folds then applies the same Snowball stemmer, so both backends index a
    word under the same stem."""
    if word.isdigit():
        return word
    stemmer = getattr(_STEMMERS, "french", None)
    if stemmer is None:
        stemmer = _STEMMERS.french = snowballstemmer.stemmer("french")
    return stemmer.stemWord(word)


def stems(text):
    return [stem(t) for t in tokens(text)]


def stem_text(text):
    """The indexed form of a text for the database backend: space-separated stems, padded with spaces so
    that « contains ' stem ' » matches a whole word."""
    return folded_stem_text(fold(text))


def folded_stem_text(folded):
    return " " + " ".join(stem(t) for t in folded_tokens(folded)) + " "


def _reference_matches(folded):
    for match in _REFERENCE_RE.finditer(folded):
        numbers = re.findall(r"\d+", match.group("numbers"))
        word = match.group("word") or ""
        if len(numbers) > 1 or match.group("letter") or word.startswith("art"):
            yield match, _REFERENCE_SEPARATOR.join(numbers)


def references(text):
    """The canonical words of the legal references in `text`: « L. 221-2-4 » -> « 221x2x4 »."""
    return folded_references(fold(text))


def folded_references(folded):
    return list(dict.fromkeys(word for _, word in _reference_matches(folded)))


def without_urls(text):
    """`text` without web addresses, which make poor reading in a search result."""
    return " ".join(_URL_RE.sub(" ", text or "").split())


def suggest_inputs(title, extra=(), max_words=8):
    """What completion matches the start of, for both backends: the folded title, the glossary names,
    and the title from each of its significant words (« provisoire » completes « Autorisation
    provisoire de travail »)."""
    words = _TOKEN_RE.findall(fold(title))
    inputs = [" ".join(words)]
    inputs += [" ".join(_TOKEN_RE.findall(fold(e))) for e in extra if e]
    inputs += [
        " ".join(words[i:])
        for i in range(1, min(len(words), max_words))
        if words[i] not in STOP_WORDS
    ]
    return [i for i in dict.fromkeys(inputs) if i]


def suggest_prefix(raw):
    return " ".join(_TOKEN_RE.findall(fold(raw)))


@dataclass(frozen=True)
class Alternative:
    """One way to satisfy a clause: a word, or several words in order (a phrase)."""

    text: str  # as written, sent to Elasticsearch
    stems: tuple  # as indexed by the database backend

    @property
    def is_phrase(self):
        return len(self.stems) > 1


@dataclass
class Clause:
    """One thing the user asked for; a document must satisfy one of its alternatives."""

    alternatives: list
    original: str
    corrected: str = ""


@dataclass
class ParsedQuery:
    raw: str
    clauses: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.clauses)

    @property
    def did_you_mean(self):
        """The query with typos corrected, when a correction was made."""
        if not any(c.corrected for c in self.clauses):
            return ""
        return " ".join(c.corrected or c.original for c in self.clauses)

    @property
    def highlight_stems(self):
        return {s for clause in self.clauses for alt in clause.alternatives for s in alt.stems}


def _alternative(text):
    # Elasticsearch gets the words as written: its french analyzer drops stop words and elisions but
    # keeps their positions, which a phrase needs (« mise à l'abri »).
    return Alternative(text=" ".join(text.split()), stems=tuple(stems(text)))


def glossary_synonyms():
    """{folded name: [other names as written]} from the glossary, cached until a glossary entry changes."""
    mapping = cache.get(SYNONYMS_CACHE_KEY)
    if mapping is not None:
        return mapping
    from content.models import GlossaryEntry

    mapping = {}
    for entry in GlossaryEntry.objects.only("term", "expansion", "synonyms"):
        names = [
            " ".join(n.split())
            for n in [entry.term, entry.expansion, *entry.synonym_list]
            if tokens(n)
        ]
        for name in names:
            others = mapping.setdefault(" ".join(tokens(name)), [])
            others += [o for o in names if tokens(o) != tokens(name) and o not in others]
    cache.set(SYNONYMS_CACHE_KEY, mapping, 3600)
    return mapping


def clear_synonyms_cache():
    cache.delete(SYNONYMS_CACHE_KEY)


def parse(raw, vocabulary=None):
    """Turn what the user typed into clauses. `vocabulary(words) -> {word: correction}` fixes typos."""
    raw = (raw or "")[:MAX_QUERY_LENGTH]
    synonyms = glossary_synonyms()
    parsed = ParsedQuery(raw=raw)
    phrases = [p for p in _PHRASE_RE.findall(raw) if tokens(p)]
    rest = _PHRASE_RE.sub(" ", raw)
    for phrase in phrases:
        alt = _alternative(phrase)
        parsed.clauses.append(Clause([alt], original=f'"{phrase.strip()}"'))
    # A reference is one clause, whatever words introduce it: « article 221-2-4 » finds « L. 221-2-4 ».
    rest = fold(rest)
    found = list(_reference_matches(rest))
    for match, word in found:
        alt = Alternative(text=word, stems=(word,))
        parsed.clauses.append(Clause([alt], original=" ".join(match.group().split())))
    for match, _ in reversed(found):
        rest = rest[: match.start()] + " " + rest[match.end() :]
    words = tokens(rest)
    # A whole multi-word glossary name typed without quotes is one clause (« autorisation provisoire de
    # travail » also finds APT), the remaining words are clauses of their own.
    joined = " ".join(words)
    if len(words) > 1 and joined in synonyms:
        parsed.clauses.append(
            Clause(
                [
                    _alternative(" ".join(rest.split())),
                    *(_alternative(s) for s in synonyms[joined]),
                ],
                original=joined,
            )
        )
        words = []
    corrections = {}
    if vocabulary is not None:
        unknown = [
            w for w in words if len(w) >= TYPO_MIN_LENGTH and w not in synonyms and not w.isdigit()
        ]
        if unknown:
            corrections = vocabulary(unknown)
    for word in words:
        corrected = corrections.get(word, "")
        alternatives = [_alternative(word)]
        if corrected:
            alternatives.append(_alternative(corrected))
        alternatives += [_alternative(s) for s in synonyms.get(word, [])]
        parsed.clauses.append(Clause(_dedupe(alternatives), original=word, corrected=corrected))
    parsed.clauses = parsed.clauses[:MAX_CLAUSES]
    return parsed


def _dedupe(alternatives):
    seen, result = set(), []
    for alt in alternatives:
        if alt.stems and alt.stems not in seen:
            seen.add(alt.stems)
            result.append(alt)
    return result


def _fold_with_offsets(text):
    """The folded text and, for each folded character, the index of the original character it comes from."""
    folded, offsets = [], []
    for index, char in enumerate(text):
        for f in fold(char):
            folded.append(f)
            offsets.append(index)
    return "".join(folded), offsets


def snippet(text, highlight_stems, length=240):
    """An excerpt of `text` around the first matched word, HTML-escaped, matched words in <mark>."""
    from django.utils.html import escape
    from django.utils.safestring import mark_safe

    text = " ".join((text or "").split())
    folded, offsets = _fold_with_offsets(text)
    spans = []
    for match in _TOKEN_RE.finditer(folded):
        if highlight_stems and stem(match.group()) in highlight_stems:
            spans.append((offsets[match.start()], offsets[match.end() - 1] + 1))
    start = 0
    if spans and spans[0][0] > length // 3:
        start = text.rfind(" ", 0, spans[0][0] - length // 3) + 1
    end = min(len(text), start + length)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    parts, cursor = [], start
    for s, e in spans:
        if s < start or e > end:
            continue
        parts.append(escape(text[cursor:s]))
        parts.append("<mark>" + escape(text[s:e]) + "</mark>")
        cursor = e
    parts.append(escape(text[cursor:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)


# Highlight markers used with Elasticsearch: private-use characters that no document contains, so the
# fragment can be escaped as a whole and only then given its <mark> tags.
MARK_START = "\ue000"
MARK_END = "\ue001"


def marked_fragment(fragment):
    from django.utils.html import escape
    from django.utils.safestring import mark_safe

    escaped = escape(" ".join(fragment.split()))
    return mark_safe(escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))
